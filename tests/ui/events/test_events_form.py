"""The event form with real widgets and keys: a programme with two sessions typed in (Slovenian
letters), refusals at the row and at the field, and closing with unsaved changes."""

from __future__ import annotations

import datetime as dt

from events_helpers import click, question, show
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from ui_helpers import type_text

from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.ui.events.event_form import EventForm


def _form(qtbot, ctx, event_id=None) -> EventForm:
    form = show(qtbot, EventForm(ctx, event_id), size=(1000, 620))
    qtbot.waitUntil(lambda: form.ready)
    return form


def _type_time(qtbot, edit, text: str) -> None:
    """As after Tab into the field: the hour is selected, the digits fill hour then minutes."""
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(edit, text)  # digits: ASCII, which keyClicks types safely


def _events(workspace) -> list:
    return ev.list_events(workspace.store)


def test_a_programme_with_two_sessions_is_created_by_typing(qtbot, ctx, workspace):
    form = _form(qtbot, ctx)
    assert form.fields.title_sl_edit.hasFocus()
    type_text(form.fields.title_sl_edit, "Usposabljanje za socialna podjetja – Šentilj in Žetale")
    type_text(form.fields.title_en_edit, "Training for social enterprises")
    type_text(form.fields.venue_edit, "Dvorana Čebelica, Ptuj")
    type_text(form.fields.capacity_edit, "20")
    QTest.keyClick(form, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    first = form.sessions.live_rows()[0]
    assert first.date_edit.hasFocus()
    first.date_edit.setDate(QDate(2026, 11, 27))
    _type_time(qtbot, first.start_edit, "0900")
    _type_time(qtbot, first.end_edit, "1230")
    type_text(first.title_edit, "Modul 1: poslovni model")
    assert first.hours_label.text() == ctx.tr.gettext("{hours} h").format(hours=ctx.tr.format_number(3.5))
    form.add_session_button.click()
    second = form.sessions.live_rows()[1]
    assert second.day() == dt.date(2026, 12, 4)  # a week later, at the same times
    assert second.times() == (dt.time(9, 0), dt.time(12, 30))
    type_text(second.title_edit, "Modul 2: financiranje in zadruge")
    QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible())

    [event] = _events(workspace)
    assert event.title_sl == "Usposabljanje za socialna podjetja – Šentilj in Žetale"
    assert event.title_en == "Training for social enterprises"
    assert (event.capacity, event.session_count, event.total_hours) == (20, 2, 7.0)
    detail = ev.get_event(workspace.store, event.id)
    assert [(s.session_date, s.title) for s in detail.sessions] == [
        (dt.date(2026, 11, 27), "Modul 1: poslovni model"), (dt.date(2026, 12, 4), "Modul 2: financiranje in zadruge")]
    assert detail.venue == "Dvorana Čebelica, Ptuj"
    assert detail.certificate_min_percent == 80
    assert detail.site_id == workspace.settings.site_id


def test_a_session_ending_before_it_starts_is_refused_at_its_row(qtbot, ctx, workspace):
    form = _form(qtbot, ctx)
    type_text(form.fields.title_sl_edit, "Delavnica: zadružna pravila")
    row = form.sessions.add_session()
    _type_time(qtbot, row.start_edit, "1200")
    _type_time(qtbot, row.end_edit, "0900")
    expected = ctx.tr.gettext("The session ends at {end}, which is not after its start at {start}. Correct the "
                              "times.").format(end="09:00", start="12:00")
    assert row.error == expected  # said as soon as it is typed
    form.save_button.click()
    assert form.isVisible() and form.error.text()
    assert row.end_edit.hasFocus()
    assert _events(workspace) == []  # nothing saved
    _type_time(qtbot, row.end_edit, "1300")
    assert row.error == ""


def test_capacity_zero_and_a_rule_of_120_percent_are_refused_at_their_fields(qtbot, ctx, workspace):
    form = _form(qtbot, ctx)
    type_text(form.fields.title_sl_edit, "Informativni dan o socialnem podjetništvu")
    type_text(form.fields.capacity_edit, "0")
    form.fields.percent_edit.selectAll()
    type_text(form.fields.percent_edit, "120")
    form.save_button.click()
    qtbot.waitUntil(lambda: set(form.field_errors()) == {"capacity", "certificate_min_percent"})
    errors = form.field_errors()
    assert "0" in errors["capacity"] and "120" in errors["certificate_min_percent"]
    assert form.error.text().startswith(ctx.tr.gettext(ev.EventValidationError.message_id))
    assert _events(workspace) == []
    form.fields.capacity_edit.clear()
    form.fields.percent_edit.setText("75")
    form.save_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    [event] = _events(workspace)
    assert event.capacity is None
    assert ev.get_event(workspace.store, event.id).certificate_min_percent == 75


def test_a_missing_title_is_marked_at_its_field(qtbot, ctx, workspace):
    form = _form(qtbot, ctx)
    form.save_button.click()
    qtbot.waitUntil(lambda: "title_sl" in form.field_errors())
    assert form.field_errors()["title_sl"] == ctx.tr.gettext("This field is required.")
    assert form.fields.title_sl_edit.hasFocus()


def test_closing_with_changes_asks_first(qtbot, ctx, workspace):
    form = _form(qtbot, ctx)
    type_text(form.fields.title_sl_edit, "Sejem")
    QTest.keyClick(form, Qt.Key.Key_Escape)
    click(question(qtbot, form), ctx.tr.gettext("Keep editing"))
    assert form.isVisible()
    QTest.keyClick(form, Qt.Key.Key_Escape)
    click(question(qtbot, form), ctx.tr.gettext("Close without saving"))
    qtbot.waitUntil(lambda: not form.isVisible())
    assert _events(workspace) == []


def test_editing_keeps_sessions_and_removes_the_one_taken_out(qtbot, ctx, workspace, event_kit):
    event_id, _sessions = event_kit.event("Program mentorstva", sessions=3)
    form = _form(qtbot, ctx, event_id)
    assert [row.day() for row in form.sessions.live_rows()] == [
        dt.date(2026, 11, 27), dt.date(2026, 12, 4), dt.date(2026, 12, 11)]
    assert not form.is_dirty()
    form.sessions.live_rows()[1].remove_button.click()
    assert form.is_dirty()
    form.save_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    detail = ev.get_event(workspace.store, event_id)
    assert [s.session_date for s in detail.sessions] == [dt.date(2026, 11, 27), dt.date(2026, 12, 11)]


def test_more_places_move_the_waiting_up_and_say_who(qtbot, ctx, workspace, event_kit):
    from events_helpers import question as asked

    from sociolab_desktop.core.services.events import registrations as rg
    from sociolab_desktop.ui.events.event_window import EventWindow

    event_id, _sessions = event_kit.event("Delavnica", capacity=1)
    event_kit.register(event_id, event_kit.person("Ana", "Čeh"))
    event_kit.register(event_id, event_kit.person("Žan", "Šuštar"))  # waits
    window = show(qtbot, EventWindow(ctx, event_id))
    qtbot.waitUntil(lambda: window.view is not None)
    form = window.edit_event()
    qtbot.waitUntil(lambda: form.ready)
    form.fields.capacity_edit.selectAll()
    type_text(form.fields.capacity_edit, "2")
    form.save_button.click()
    box = asked(qtbot, window)
    assert "Žan Šuštar" in box.text()
    assert {row.status for row in rg.list_registrations(workspace.store, event_id)} == {"registered"}
    qtbot.waitUntil(lambda: window.view.detail.capacity == 2)


def test_lowering_places_below_the_registered_is_refused_at_the_field(qtbot, ctx, workspace, event_kit):
    event_id, _sessions = event_kit.event("Delavnica", capacity=3)
    for first, last in (("Ana", "Čeh"), ("Žan", "Šuštar")):
        event_kit.register(event_id, event_kit.person(first, last))
    form = _form(qtbot, ctx, event_id)
    form.fields.capacity_edit.setText("1")
    form.save_button.click()
    qtbot.waitUntil(lambda: "capacity" in form.field_errors())
    assert "2" in form.field_errors()["capacity"]
    assert ev.get_event(workspace.store, event_id).capacity == 3
