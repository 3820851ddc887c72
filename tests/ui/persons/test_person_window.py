"""A person's window: key data, organisations, the whole history newest first, merges, editing."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest
from history_helpers import (
    TODAY,
    add_consent,
    add_contact,
    add_person,
    days,
    open_person,
    rows_of_kind,
)
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from ui_helpers import type_text

from sociolab_desktop.core.services import (
    contacts,
    organisation_roles,
    organisations,
    persons,
)
from sociolab_desktop.core.services.person_operations import merge_persons
from sociolab_desktop.ui.persons.person_page_data import ConsentState
from sociolab_desktop.ui.persons.person_window import PersonWindow, open_person_window


@pytest.fixture
def rich_person(workspace) -> str:
    """Đurđa with data, an organisation, two contacts, and a consent she withdrew."""
    person_id = add_person(workspace, birth_date=dt.date(1985, 3, 4), email="durda@primer.si", phone="041 222 333",
                           municipality_code="SI-096")
    organisation = organisations.create_organisation(workspace.store, workspace.actor, organisations.OrganisationInput(
        name="Zadruga Šparovček", legal_form="cooperative"))
    organisation_roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "founder",
                                   since=days(-300))
    add_contact(workspace, person_id, on=days(-200), topics=["legal_form"], description="Prvi obisk, zadruga")
    add_contact(workspace, person_id, on=days(-10), topics=["financing", "business_idea"], channel="phone",
                description="Javni razpis za zadruge")
    consent = add_consent(workspace, person_id, on=days(-200))
    from sociolab_desktop.core.services import consents

    consents.withdraw_consent(workspace.store, workspace.actor, consent.id, days(-5))
    return person_id


def test_window_shows_key_data_organisations_and_history_newest_first(ctx, qtbot, rich_person):
    window = open_person(ctx, qtbot, rich_person)
    tr = ctx.tr

    assert window.name_label.text() == "Đurđa Čeh-Šuštarić"
    assert window.windowTitle() == "Đurđa Čeh-Šuštarić"
    assert window.facts["birth"].text() == tr.format_date(dt.date(1985, 3, 4))
    assert window.facts["municipality"].text() == "Ptuj"
    assert window.facts["email"].text() == "durda@primer.si"
    assert window.facts["phone"].text() == "041 222 333"
    assert window.facts["site"].text() == "Informacijska točka Maribor"
    assert window.organisations.item(0).text().startswith("Zadruga Šparovček — ")
    rows = window.timeline.rows()
    assert [row[0] for row in rows] == [tr.format_date(day) for day in
                                        (days(-5), days(-10), days(-200), days(-200), days(-300))]
    assert [row[1] for row in rows] == [tr.gettext(kind) for kind in (
        "Consent withdrawn", "Contact", "Contact", "Consent given", "Joined an organisation")]
    newest_contact = rows[1][2]
    assert newest_contact.startswith("{}; {}, {}".format(
        tr.gettext("Phone call"), tr.gettext("Financing"), tr.gettext("Business idea")))
    assert "Javni razpis za zadruge" in newest_contact
    assert window.consent_state() == ConsentState.WITHDRAWN


def test_a_new_person_has_no_consent_and_no_organisation(ctx, qtbot, workspace):
    window = open_person(ctx, qtbot, add_person(workspace))

    assert window.consent_state() == ConsentState.MISSING
    assert window.badge.text() == ctx.tr.gettext("No consent")
    assert window.organisations.item(0).text() == ctx.tr.gettext("Not linked to any organisation.")
    assert not window.withdraw_button.isEnabled()
    assert window.contact_button.isEnabled() and window.consent_button.isEnabled()


def test_a_merged_away_record_opens_the_survivor_with_everything(ctx, qtbot, workspace):
    survivor = add_person(workspace, "Ana", "Horvat")
    duplicate = add_person(workspace, "Ana", "Horvat")
    add_contact(workspace, duplicate, description="Zapisano pri dvojniku")
    merge_persons(workspace.store, workspace.actor, survivor, duplicate)

    window = open_person(ctx, qtbot, duplicate)

    assert window.person_id == survivor and window.requested_id == duplicate
    assert not window.notice.isHidden()
    assert "Zapisano pri dvojniku" in rows_of_kind(window, ctx.tr.gettext("Contact"))[0][2]


def test_a_person_not_found_offers_nothing_to_record(ctx, qtbot, workspace):
    window = open_person(ctx, qtbot, "no-such-person")

    assert window.name_label.text() == ctx.tr.gettext("Person not found")
    assert not any(button.isEnabled() for button in window.action_buttons)


def test_edit_opens_the_person_form_and_a_save_shows_the_new_data(ctx, qtbot, workspace, monkeypatch):
    """The form is another window's work: a stand-in with its interface saves through the service."""
    opened = []

    class FakeForm(QObject):
        saved = Signal(str)

        def __init__(self, ctx_, person_id, parent):
            super().__init__(parent)
            opened.append((ctx_, person_id, parent))

        def setAttribute(self, *_args):  # noqa: N802 (Qt API)
            pass

        def open(self):
            pass

    monkeypatch.setitem(sys.modules, "sociolab_desktop.ui.persons.person_form",
                        types.SimpleNamespace(PersonFormDialog=FakeForm))
    person_id = add_person(workspace)
    window = open_person(ctx, qtbot, person_id)

    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    assert opened == [(ctx, person_id, window)]
    detail = persons.get_person(workspace.store, person_id)
    persons.update_person(workspace.store, workspace.actor, person_id,
                          persons.PersonInput(**{**detail.to_input().__dict__, "phone": "02 123 45 67"}), today=TODAY)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.dialogs[0].saved.emit(person_id)

    assert window.facts["phone"].text() == "02 123 45 67"


def test_enter_on_a_contact_in_the_history_opens_it_for_editing(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    record = add_contact(workspace, person_id, description="Prvi obisk")
    window = open_person(ctx, qtbot, person_id)
    window.activateWindow()
    window.timeline.setFocus()
    window.timeline.selectRow(0)

    QTest.keyClick(window.timeline, Qt.Key.Key_Return)
    dialog = window.dialogs[0]
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.description_edit.toPlainText() == "Prvi obisk"
    dialog.outcome_edit.setFocus()
    type_text(dialog.outcome_edit, "Poslan vzorec pogodbe, ključ")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert contacts.get_contact(workspace.store, record.id).outcome == "Poslan vzorec pogodbe, ključ"
    assert "Poslan vzorec pogodbe, ključ" in window.timeline.item(0, 2).toolTip()


def test_switching_the_language_rewords_the_page(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    add_contact(workspace, person_id, on=dt.date(2021, 3, 4))
    window = open_person(ctx, qtbot, person_id)
    assert window.timeline.rows()[0][0] == "4. marec 2021"

    ctx.set_language("en", save=False)

    assert window.timeline.rows()[0][:2] == ("4 March 2021", "Contact")
    assert window.badge.text() == "No consent"
    assert window.contact_button.text() == "Record contact…"


def test_opening_a_person_again_brings_their_window_forward(ctx, qtbot, workspace):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    person_id = add_person(workspace)
    first = open_person_window(ctx, person_id, parent)
    qtbot.waitSignal(first.loaded, timeout=10_000).wait()

    assert open_person_window(ctx, person_id, parent) is first
    assert len(parent.findChildren(PersonWindow)) == 1


def test_edit_with_the_real_person_form_shows_the_saved_change(ctx, qtbot, workspace):
    person_id = add_person(workspace, phone="041 222 333")
    window = open_person(ctx, qtbot, person_id)

    qtbot.mouseClick(window.edit_button, Qt.MouseButton.LeftButton)
    form = window.dialogs[0]
    assert type(form).__name__ == "PersonFormDialog" and form.person_id == person_id
    qtbot.waitUntil(form.save_button.isEnabled, timeout=10_000)
    phone = form.fields.widgets["phone"]
    phone.selectAll()
    type_text(phone, "02 620 00 00")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert window.facts["phone"].text() == "02 620 00 00"


def test_enter_on_an_organisation_opens_its_window_once(ctx, qtbot, workspace, rich_person):
    from sociolab_desktop.ui.organisations.organisation_window import OrganisationWindow

    window = open_person(ctx, qtbot, rich_person)
    window.organisations.setFocus()
    window.organisations.setCurrentRow(0)

    QTest.keyClick(window.organisations, Qt.Key.Key_Return)
    QTest.keyClick(window.organisations, Qt.Key.Key_Return)

    [opened] = window.findChildren(OrganisationWindow)
    link = organisation_roles.organisations_of_person(workspace.store, rich_person)[0]
    assert opened.organisation_id == link.organisation_id and opened.isVisible()


def _organisation(workspace, name: str) -> str:
    return organisations.create_organisation(workspace.store, workspace.actor, organisations.OrganisationInput(
        name=name, legal_form="company")).id


def test_an_ended_role_says_when_it_ended_and_comes_after_the_current_ones(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    ended = _organisation(workspace, "Lesni most d.o.o.")  # first by name: the service lists it first
    current = _organisation(workspace, "Zadruga Šparovček")
    organisation_roles.link_person(workspace.store, workspace.actor, ended, person_id, "employee",
                                   since=days(-700), until=days(-500))
    organisation_roles.link_person(workspace.store, workspace.actor, current, person_id, "founder", since=days(-300))

    window = open_person(ctx, qtbot, person_id)
    tr = ctx.tr

    first, second = window.organisations.item(0), window.organisations.item(1)
    assert first.text() == tr.gettext("{organisation} — {role} since {date}").format(
        organisation="Zadruga Šparovček", role=tr.gettext("founder"), date=tr.format_date(days(-300)))
    assert second.text() == tr.gettext("{organisation} — {role} from {start} to {end}").format(
        organisation="Lesni most d.o.o.", role=tr.gettext("employee"), start=tr.format_date(days(-700)),
        end=tr.format_date(days(-500)))
    assert tr.format_date(days(-500)) in second.text()
    assert second.foreground().color() != first.foreground().color()  # greyed as past
    assert second.data(Qt.ItemDataRole.UserRole + 1) == ended  # Enter still opens the organisation


def test_ended_roles_list_the_latest_to_end_first_and_one_without_a_start_says_until(ctx, qtbot, workspace):
    person_id = add_person(workspace)
    older, newer = _organisation(workspace, "Alfa d.o.o."), _organisation(workspace, "Beta so.p.")
    organisation_roles.link_person(workspace.store, workspace.actor, older, person_id, "member", until=days(-400))
    organisation_roles.link_person(workspace.store, workspace.actor, newer, person_id, "member",
                                   since=days(-300), until=days(-1))
    organisation_roles.link_person(workspace.store, workspace.actor, newer, person_id, "founder",
                                   until=days(30))  # ends later: still held

    window = open_person(ctx, qtbot, person_id)
    tr = ctx.tr

    texts = [window.organisations.item(row).text() for row in range(window.organisations.count())]
    until = tr.gettext("{organisation} — {role} until {end}")
    assert texts == [
        until.format(organisation="Beta so.p.", role=tr.gettext("founder"), end=tr.format_date(days(30))),
        tr.gettext("{organisation} — {role} from {start} to {end}").format(
            organisation="Beta so.p.", role=tr.gettext("member"), start=tr.format_date(days(-300)),
            end=tr.format_date(days(-1))),
        until.format(organisation="Alfa d.o.o.", role=tr.gettext("member"), end=tr.format_date(days(-400))),
    ]
