"""A contact from the person's window: defaults, topics, follow-up, editing, and refusals at the field."""

from __future__ import annotations

import pytest
from history_helpers import (
    TODAY,
    add_contact,
    add_person,
    days,
    open_person,
    rows_of_kind,
    wait_saved_and_reloaded,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_helpers import answer_question, type_text

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.services import (
    contacts,
    organisation_roles,
    organisations,
    sites,
)
from sociolab_desktop.ui.forms.dates import to_qdate
from sociolab_desktop.ui.persons.contact_dialog import ContactDialog


def tick(qtbot, check) -> None:
    """Click the box itself: a click beside a check box's text (in its column's spare width) misses it."""
    before = check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert check.isChecked() is not before


def _new_contact(ctx, qtbot, workspace, person_id=None):
    window = open_person(ctx, qtbot, person_id or add_person(workspace))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts work in the active window
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.dialogs))  # a button's shortcut clicks it a moment later
    dialog = window.dialogs[0]
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    return window, dialog


def test_a_contact_with_topics_and_a_follow_up_shows_in_the_history(ctx, qtbot, workspace):
    window, dialog = _new_contact(ctx, qtbot, workspace)
    assert isinstance(dialog, ContactDialog)

    tick(qtbot, dialog.topic_checks["legal_form"])
    tick(qtbot, dialog.topic_checks["vulnerable_employment"])
    QTest.keyClick(dialog.channel_combo, Qt.Key.Key_Down)  # visit → phone call
    dialog.description_edit.setFocus()
    type_text(dialog.description_edit, "Zaposlitev osebe iz ranljive skupine; vprašanje o s.p. in ž.")
    qtbot.mouseClick(dialog.follow_up_check, Qt.MouseButton.LeftButton)
    assert dialog.follow_up_edit.isEnabled() and dialog.follow_up_edit.date() == to_qdate(days(14))
    dialog.follow_up_edit.setDate(to_qdate(days(3)))
    type_text(dialog.referral_edit, "Zavod za zaposlovanje, Ptuj")
    wait_saved_and_reloaded(qtbot, dialog, window,
                            lambda: QTest.keyClick(dialog.referral_edit, Qt.Key.Key_Return,
                                                   Qt.KeyboardModifier.ControlModifier))

    tr = ctx.tr
    [row] = rows_of_kind(window, tr.gettext("Contact"))
    assert row[0] == tr.format_date(TODAY)
    assert row[2].startswith("{}; {}, {}".format(tr.gettext("Phone call"), tr.gettext("Legal form"),
                                                  tr.gettext("Employment of vulnerable groups")))
    assert "ranljive skupine; vprašanje o s.p. in ž." in row[2]
    [stored] = contacts.contacts_of_person(workspace.store, window.person_id)
    assert stored.topics == ("legal_form", "vulnerable_employment")
    assert (stored.follow_up_on, stored.referral, stored.channel) == (days(3), "Zavod za zaposlovanje, Ptuj", "phone")
    assert stored in contacts.follow_ups_due(workspace.store, TODAY)


def test_a_new_contact_is_by_the_signed_in_staff_member_at_this_info_point(ctx, qtbot, workspace):
    other_site = sites.create_site(workspace.store, new_key(), "Informacijska točka Ptuj", "sl")
    _window, dialog = _new_contact(ctx, qtbot, workspace)

    assert dialog.date_edit.date() == to_qdate(TODAY)
    assert dialog.site_combo.currentData() == workspace.settings.site_id
    assert dialog.site_combo.findData(other_site.id) >= 0
    assert dialog.staff_combo.currentText() == "Mojca Žagar"
    assert not dialog.follow_up_edit.isEnabled()


def test_the_contact_can_name_one_of_the_persons_organisations(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    organisation = organisations.create_organisation(workspace.store, workspace.actor, organisations.OrganisationInput(
        name="Socialno podjetje Čebelica", legal_form="social_enterprise"))
    organisation_roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "employee")
    window, dialog = _new_contact(ctx, qtbot, workspace, person_id)

    dialog.organisation_combo.setCurrentIndex(dialog.organisation_combo.findData(organisation.id))
    tick(qtbot, dialog.topic_checks["financing"])
    wait_saved_and_reloaded(qtbot, dialog, window,
                            lambda: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton))

    assert contacts.contacts_of_organisation(workspace.store, organisation.id)[0].person_id == person_id


def _refused(qtbot, dialog, field: str) -> str:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.marks.message(field) != "", timeout=10_000)
    assert dialog.isVisible()
    assert dialog.marks.marked() == [field]  # only the wrong field
    return dialog.marks.message(field)


def test_a_follow_up_before_the_contact_is_refused_at_the_follow_up(ctx, qtbot, workspace):
    window, dialog = _new_contact(ctx, qtbot, workspace)
    tick(qtbot, dialog.topic_checks["financing"])
    dialog.date_edit.setDate(to_qdate(days(-2)))
    dialog.follow_up_check.setChecked(True)
    dialog.follow_up_edit.setDate(to_qdate(days(-5)))

    message = _refused(qtbot, dialog, "follow_up_on")

    assert all(ctx.tr.format_date(days(back), "numeric") in message for back in (-5, -2))
    assert contacts.contacts_of_person(workspace.store, window.person_id) == []


def test_a_contact_without_a_topic_is_refused_at_the_topics(ctx, qtbot, workspace):
    _window, dialog = _new_contact(ctx, qtbot, workspace)

    assert _refused(qtbot, dialog, "topics") == ctx.tr.gettext("Choose at least one topic.")
    assert dialog.focusWidget() is dialog.topic_checks["founding_social_enterprise"]


def test_a_contact_dated_in_the_future_is_refused_at_the_date(ctx, qtbot, workspace):
    _window, dialog = _new_contact(ctx, qtbot, workspace)
    tick(qtbot, dialog.topic_checks["training"])
    dialog.date_edit.setDate(to_qdate(days(2)))

    assert ctx.tr.format_date(days(2), "numeric") in _refused(qtbot, dialog, "contact_date")


def test_a_description_of_20000_characters_is_refused_at_the_description(ctx, qtbot, workspace):
    window, dialog = _new_contact(ctx, qtbot, workspace)
    tick(qtbot, dialog.topic_checks["training"])
    dialog.description_edit.setPlainText("ž" * 20_000)

    message = _refused(qtbot, dialog, "description")

    assert "20000" in message and str(contacts.MAX_TEXT) in message
    assert contacts.contacts_of_person(workspace.store, window.person_id) == []


def test_editing_a_contact_shows_its_values_and_keeps_the_changes(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    record = add_contact(workspace, person_id, on=days(-4), topics=["cooperative"], outcome="Vzorec pravil",
                         follow_up_on=days(10))
    dialog = ContactDialog(ctx, contact_id=record.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)

    assert dialog.date_edit.date() == to_qdate(days(-4))
    assert [value for value, check in dialog.topic_checks.items() if check.isChecked()] == ["cooperative"]
    assert dialog.outcome_edit.toPlainText() == "Vzorec pravil"
    assert dialog.follow_up_check.isChecked() and dialog.follow_up_edit.date() == to_qdate(days(10))
    dialog.follow_up_check.setChecked(False)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert contacts.get_contact(workspace.store, record.id).follow_up_on is None


@pytest.mark.parametrize("discard", [False, True])
def test_closing_with_unsaved_changes_asks_first(ctx, qtbot, workspace, discard):
    _window, dialog = _new_contact(ctx, qtbot, workspace)
    dialog.reject()
    assert dialog.question_box is None and not dialog.isVisible()  # nothing typed: closes at once

    _window, dialog = _new_contact(ctx, qtbot, workspace)
    type_text(dialog.referral_edit, "CSD Ptuj")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.question_box is not None and dialog.isVisible()  # asked; open while it asks
    answer_question(qtbot, dialog, ctx.tr.gettext("Close without saving" if discard else "Keep editing"))
    assert dialog.isVisible() is not discard
