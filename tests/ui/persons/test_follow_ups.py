"""Follow-ups due: a follow-up recorded in the window is listed, overdue ones stand out, done ones go."""

from __future__ import annotations

from history_helpers import TODAY, add_contact, add_person, days, open_person
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.services import contacts, organisations, sites
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.ui.forms.dates import to_qdate
from sociolab_desktop.ui.persons.follow_ups_dialog import FollowUpsDialog
from sociolab_desktop.ui.persons.person_window import PersonWindow


def open_follow_ups(ctx, qtbot, parent=None) -> FollowUpsDialog:
    dialog = FollowUpsDialog(ctx, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    return dialog


def column(dialog: FollowUpsDialog, number: int) -> list[str]:
    return [dialog.table.item(row, number).text() for row in range(dialog.table.rowCount())]


def test_a_follow_up_recorded_in_the_window_is_listed_and_goes_when_marked_done(ctx, qtbot, workspace):
    window = open_person(ctx, qtbot, add_person(workspace))
    qtbot.mouseClick(window.contact_button, Qt.MouseButton.LeftButton)
    contact = window.dialogs[0]
    qtbot.waitUntil(lambda: contact.loaded, timeout=10_000)
    check = contact.topic_checks["business_idea"]
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    contact.follow_up_check.setChecked(True)
    contact.follow_up_edit.setDate(to_qdate(days(5)))  # the list looks a week ahead
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(contact.save_button, Qt.MouseButton.LeftButton)

    dialog = open_follow_ups(ctx, qtbot)
    tr = ctx.tr
    assert column(dialog, 0) == [tr.format_date(days(5), "numeric")]
    assert column(dialog, 1) == ["Đurđa Čeh-Šuštarić"]
    assert column(dialog, 2) == [tr.gettext("Business idea")]
    assert column(dialog, 3) == ["Mojca Žagar"]
    assert not dialog.is_overdue_marked(0)

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    QTest.keyClick(dialog.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)

    assert contacts.follow_ups_due(workspace.store, TODAY) == []
    assert dialog.count_label.text() == tr.ngettext("{count} follow-up due by {date}", "{count} follow-ups due by {date}",
                                                    0).format(count="0", date=tr.format_date(days(7)))


def test_overdue_follow_ups_come_first_and_stand_out(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    add_contact(workspace, person_id, on=days(-20), follow_up_on=days(-3), topics=["cooperative"])
    add_contact(workspace, person_id, on=days(-1), follow_up_on=days(2), topics=["training"])
    add_contact(workspace, person_id, on=days(-1), follow_up_on=days(30), topics=["other"])  # not yet due

    dialog = open_follow_ups(ctx, qtbot)

    assert column(dialog, 2) == [ctx.tr.gettext("Cooperative"), ctx.tr.gettext("Training")]
    assert dialog.is_overdue_marked(0) and not dialog.is_overdue_marked(1)
    assert days(-3).strftime("%Y") in dialog.table.item(0, 0).toolTip()
    assert ctx.tr.ngettext("{count} overdue", "{count} overdue", 1).format(count="1") in dialog.count_label.text()


def test_other_info_points_follow_ups_show_only_when_asked_for(ctx, qtbot, workspace):
    ptuj = sites.create_site(workspace.store, new_key(), "Informacijska točka Ptuj", "sl")
    organisation = organisations.create_organisation(workspace.store, Actor(site_id=ptuj.id),
                                                     organisations.OrganisationInput(name="Zadruga Žerjavček",
                                                                                     legal_form="cooperative"))
    contacts.record_contact(workspace.store, Actor(site_id=ptuj.id), contacts.ContactInput(
        contact_date=TODAY, channel="phone", topics=["financing"], organisation_id=organisation.id,
        follow_up_on=TODAY))
    dialog = open_follow_ups(ctx, qtbot)
    assert dialog.table.rowCount() == 0

    dialog.scope_combo.setCurrentIndex(1)
    dialog.scope_combo.activated.emit(1)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)

    assert column(dialog, 1) == ["Zadruga Žerjavček"]
    dialog.table.selectRow(0)
    assert not dialog.open_button.isEnabled()  # an organisation's contact: no person to open


def test_open_person_shows_their_window_and_a_save_there_refreshes_the_list(ctx, qtbot, workspace):
    parent = QWidget()
    qtbot.addWidget(parent)
    person_id = add_person(workspace, "Ana", "Horvat")
    record = add_contact(workspace, person_id, follow_up_on=TODAY)
    dialog = open_follow_ups(ctx, qtbot, parent)
    dialog.table.selectRow(0)

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    [window] = parent.findChildren(PersonWindow)
    qtbot.waitSignal(window.loaded, timeout=10_000).wait()
    assert window.name_label.text() == "Ana Horvat"
    contacts.set_follow_up_done(workspace.store, workspace.actor, record.id)
    window.changed.emit(person_id)

    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
