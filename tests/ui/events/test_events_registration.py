"""Registering from the event window with real widgets and keys: an existing person found by
typing "ceh", a full event's waiting list and a cancellation that moves someone up, and a person
quick-added at the door (flagged incomplete for ESF)."""

from __future__ import annotations

import datetime as dt

from events_helpers import click, question, show
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import type_text

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.ui.events.event_tables import R_ESF, R_NAME, R_STATUS
from sociolab_desktop.ui.events.event_window import EventWindow
from sociolab_desktop.ui.events.registration_dialog import QUICK_TAB, RegistrationDialog, places_text


def _window(qtbot, ctx, event_id) -> EventWindow:
    window = show(qtbot, EventWindow(ctx, event_id))
    qtbot.waitUntil(lambda: window.view is not None)
    return window


def _dialog(qtbot, window) -> RegistrationDialog:
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.dialogs))
    dialog = window.dialogs[-1]
    assert isinstance(dialog, RegistrationDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _registered(tr) -> str:
    """One person's status: its own context, as "Registered" over a count is plural in Slovenian."""
    return tr.pgettext("registration status", "Registered")


def _rows(window) -> list[tuple[str, str]]:
    table = window.registrations_table
    return [(table.item(row, R_NAME).text(), table.item(row, R_STATUS).text()) for row in range(table.rowCount())]


def test_an_existing_person_is_found_by_typing_ceh_and_registered_with_enter(qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event()
    event_kit.person("Ana", "Čeh", email="ana.ceh@example.si")
    event_kit.person("Boris", "Zupan")
    window = _window(qtbot, ctx, event_id)
    dialog = _dialog(qtbot, window)
    assert dialog.search_edit.hasFocus()
    type_text(dialog.search_edit, "ceh")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.results.item(0).text().startswith("Čeh Ana")
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # the list answers the text: Enter registers
    qtbot.waitUntil(lambda: dialog.outcome_label.text() != "")
    [registration] = rg.list_registrations(workspace.store, event_id)
    assert registration.full_name == "Ana Čeh" and registration.status == "registered"
    assert dialog.outcome_label.text() == ctx.tr.gettext("{name} is registered, code {code}.").format(
        name="Ana Čeh", code=registration.code)
    assert dialog.search_edit.text() == "" and dialog.search_edit.hasFocus()  # ready for the next person
    qtbot.waitUntil(lambda: window.registrations_table.rowCount() == 1)
    assert _rows(window) == [("Čeh Ana", _registered(ctx.tr))]


def test_registering_someone_twice_is_refused_with_a_message(qtbot, ctx, event_kit):
    event_id, _ = event_kit.event()
    person = event_kit.person("Ana", "Čeh")
    event_kit.register(event_id, person)
    window = _window(qtbot, ctx, event_id)
    dialog = _dialog(qtbot, window)
    type_text(dialog.search_edit, "ana ceh")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.results.item(0).text().endswith(_registered(ctx.tr))  # marked in the list
    dialog.register_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert "Ana Čeh" in dialog.error.text()


def test_a_full_event_puts_the_next_on_the_waiting_list_and_a_cancellation_moves_them_up(
        qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event(capacity=1)
    event_kit.register(event_id, event_kit.person("Ana", "Čeh"))
    event_kit.person("Žan", "Šuštar")
    window = _window(qtbot, ctx, event_id)
    dialog = _dialog(qtbot, window)
    assert dialog.places_label.text() == places_text(ctx.tr, window.view.detail)
    assert window.view.detail.free_places == 0
    type_text(dialog.search_edit, "sustar")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.register_button.click()
    qtbot.waitUntil(lambda: dialog.outcome_label.text() != "")
    [waiting_row] = rg.waiting_list(workspace.store, event_id)
    assert dialog.outcome_label.text() == ctx.tr.gettext(
        "The event is full: {name} is on the waiting list (no. {position}), code {code}.").format(
        name="Žan Šuštar", position=1, code=waiting_row.code)
    dialog.close()
    qtbot.waitUntil(lambda: window.registrations_table.rowCount() == 2)
    waiting = ctx.tr.gettext("{status}, no. {position}").format(status=ctx.tr.gettext("Waiting list"), position=1)
    assert _rows(window) == [("Čeh Ana", _registered(ctx.tr)), ("Šuštar Žan", waiting)]

    window.registrations_table.setFocus()
    window.registrations_table.setCurrentCell(0, 0)
    QTest.keyClick(window.registrations_table, Qt.Key.Key_Delete)
    click(question(qtbot, window), ctx.tr.gettext("Cancel the registration"))
    notice = question(qtbot, window)
    assert "Žan Šuštar" in notice.text()  # who moved up is said
    click(notice, ctx.tr.gettext("Close"))
    qtbot.waitUntil(lambda: ctx.tr.gettext("Cancelled") in _rows(window)[0][1])
    assert _rows(window)[1] == ("Šuštar Žan", _registered(ctx.tr))
    statuses = {row.full_name: row.status for row in rg.list_registrations(workspace.store, event_id)}
    assert statuses == {"Ana Čeh": "cancelled", "Žan Šuštar": "registered"}


def test_keeping_a_registration_changes_nothing(qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event()
    event_kit.register(event_id, event_kit.person("Ana", "Čeh"))
    window = _window(qtbot, ctx, event_id)
    window.registrations_table.setCurrentCell(0, 0)
    window.buttons["cancel"].click()
    click(question(qtbot, window), ctx.tr.gettext("Keep it"))
    assert [row.status for row in rg.list_registrations(workspace.store, event_id)] == ["registered"]


def test_quick_add_registers_a_new_person_flagged_incomplete(qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event()
    window = _window(qtbot, ctx, event_id)
    dialog = _dialog(qtbot, window)
    QTest.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentIndex() == QUICK_TAB and dialog.quick.first_name_edit.hasFocus()
    qtbot.waitUntil(lambda: dialog.quick.municipality_picker.loaded)
    type_text(dialog.quick.first_name_edit, "Đurđa")
    type_text(dialog.quick.last_name_edit, "Kovačič")
    type_text(dialog.quick.email_edit, "durda@example.si")
    type_text(dialog.quick.phone_edit, "041 123 456")
    type_text(dialog.quick.municipality_picker.lineEdit(), "Šentilj")
    QTest.keyClick(dialog.quick.phone_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.outcome_label.text() != "")
    [registration] = rg.list_registrations(workspace.store, event_id)
    assert registration.full_name == "Đurđa Kovačič" and registration.person_incomplete
    person = ps.get_person(workspace.store, registration.person_id)
    assert person.email == "durda@example.si" and person.is_incomplete
    assert person.municipality_code  # Šentilj, by name
    assert dialog.quick.first_name_edit.text() == ""  # ready for the next walk-in
    qtbot.waitUntil(lambda: window.registrations_table.rowCount() == 1)
    assert window.registrations_table.item(0, R_ESF).text() == ctx.tr.gettext("incomplete")


def test_quick_add_without_a_surname_is_marked_at_the_field(qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event()
    window = _window(qtbot, ctx, event_id)
    dialog = _dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(QUICK_TAB)
    type_text(dialog.quick.first_name_edit, "Ana")
    dialog.quick.add_button.click()
    qtbot.waitUntil(lambda: "last_name" in dialog.quick.errors())
    assert rg.list_registrations(workspace.store, event_id) == []


def test_quick_add_of_someone_recorded_already_offers_the_existing_person(qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event()
    existing = event_kit.person("Ana", "Čeh", email="ana.ceh@example.si")
    window = _window(qtbot, ctx, event_id)
    dialog = _dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(QUICK_TAB)
    type_text(dialog.quick.first_name_edit, "Ana")
    type_text(dialog.quick.last_name_edit, "Čeh")
    type_text(dialog.quick.email_edit, "ana.ceh@example.si")
    dialog.quick.add_button.click()
    box = question(qtbot, dialog)
    click(box, ctx.tr.gettext("Register {name}").format(name="Ana Čeh"))
    qtbot.waitUntil(lambda: dialog.outcome_label.text() != "")
    [registration] = rg.list_registrations(workspace.store, event_id)
    assert registration.person_id == existing  # no second Ana Čeh


def test_door_check_in_opens_for_the_chosen_session(qtbot, ctx, event_kit):
    event_id, sessions = event_kit.event()
    window = _window(qtbot, ctx, event_id)
    window.sessions_table.setCurrentCell(1, 0)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    from sociolab_desktop.ui.events.checkin.checkin_window import CheckInWindow

    qtbot.waitUntil(lambda: bool(window.findChildren(CheckInWindow)))
    [door] = window.findChildren(CheckInWindow)
    assert door.event_id == event_id
    qtbot.waitUntil(lambda: door.session_id == sessions[1])
    door.close()


def test_an_event_overbooked_through_sync_says_by_how_many_and_what_to_do(qtbot, ctx, event_kit, workspace):
    event_id, _ = event_kit.event(capacity=2)
    for first in ("Ana", "Bor"):
        event_kit.register(event_id, event_kit.person(first, "Čeh"))
    # A third registration made offline at another info point arrives as sync writes it: no check.
    from sociolab_desktop.core.domain.keys import registration_key
    from sociolab_desktop.core.services.events.codes import registration_code
    from sociolab_desktop.core.store.models import Registration

    person_id = event_kit.person("Cvetka", "Žagar")
    key = registration_key(event_id, person_id)
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Registration(id=key, event_id=event_id, person_id=person_id, status="registered",
                                 registered_on=dt.date.today(), code=registration_code(key)))

    window = _window(qtbot, ctx, event_id)
    places = window.facts["places"].text()
    assert ctx.tr.gettext("{registered} registered of {capacity} places").format(registered=3, capacity=2) in places
    assert ctx.tr.gettext("{count} more than the places: registrations from other info points met through "
                          "sync. Add places or cancel registrations.").format(count=1) in places


def test_one_persons_status_is_worded_apart_from_registered_over_a_count(qtbot, ctx, event_kit, monkeypatch):
    """Slovenian says "Registered" over a count in the plural ("Prijavljeni"); a row is one person."""
    monkeypatch.setattr(ctx.tr, "pgettext", lambda context, message: f"{context}|{message}")
    event_id, _ = event_kit.event()
    event_kit.register(event_id, event_kit.person("Ana", "Čeh"))
    window = _window(qtbot, ctx, event_id)

    assert _rows(window) == [("Čeh Ana", "registration status|Registered")]
    dialog = _dialog(qtbot, window)
    type_text(dialog.search_edit, "ana ceh")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.results.item(0).text().endswith("registration status|Registered")
