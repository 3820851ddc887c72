"""The session form driven by the keyboard: a session typed in, refusals at their fields, the
"save anyway?" question, copying the last session, and closing with unsaved notes."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_ui_helpers import (
    RECENT,
    TODAY,
    add_mentor,
    add_organisation,
    add_session,
    answer,
    show,
    tab_into,
    type_date,
    type_keys,
    type_time,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_helpers import type_text

from sociolab_desktop.core.services.mentoring import sessions
from sociolab_desktop.core.services.mentoring.listing import (
    SessionFilter,
    list_sessions,
)
from sociolab_desktop.ui.mentoring.mentoring_page import MentoringPage
from sociolab_desktop.ui.mentoring.session_form import SessionForm


@pytest.fixture
def cebelica(workspace) -> str:
    add_organisation(workspace, "Zavod Sonce")
    return add_organisation(workspace, "Zadruga Čebelica, z.o.o.")


def open_form(ctx, qtbot, **kwargs) -> SessionForm:
    form = SessionForm(ctx, **kwargs)
    show(qtbot, form)
    qtbot.waitUntil(lambda: form.loaded, timeout=10_000)
    return form


def pick_organisation(qtbot, form, typed: str) -> None:
    field = form.organisation.field
    field.setFocus()
    type_text(field, typed)
    qtbot.waitUntil(form.organisation.has_matches, timeout=10_000)
    QTest.keyClick(field, Qt.Key.Key_Return)


def fill_valid(qtbot, form, *, day=RECENT, starts="0900", ends="1030") -> None:
    """Everything a session needs, by keyboard, with the organisation found by typing."""
    pick_organisation(qtbot, form, "zadruga cebel")
    type_date(form.date_edit, day)
    type_time(form.times.starts_edit, starts)
    type_time(form.times.ends_edit, ends)
    tab_into(form.topics.checks["financing"])
    QTest.keyClick(form.topics.checks["financing"], Qt.Key.Key_Space)
    tab_into(form.summary_edit)
    type_text(form.summary_edit, "Finančni načrt in razpis za socialna podjetja.")


def save(qtbot, form) -> None:
    QTest.keyClick(form.summary_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_session_typed_in_with_two_mentors_counts_one_and_a_half_hours(ctx, qtbot, workspace, cebelica):
    second = add_mentor(workspace)
    page = show(qtbot, MentoringPage(ctx), (1100, 640))
    QTest.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(page.forms), timeout=5_000)
    form = page.forms[0]
    qtbot.waitUntil(lambda: form.loaded, timeout=10_000)
    assert form.organisation.field.hasFocus()

    pick_organisation(qtbot, form, "zadruga cebel")
    assert form.organisation.chosen() == [(cebelica, "Zadruga Čebelica, z.o.o.")]
    assert form.organisation.field.text() == "Zadruga Čebelica, z.o.o."
    # The signed-in mentor is ticked; the second one by Space on its row.
    assert form.mentors.ticked_ids() == [workspace.actor.staff_id]
    tab_into(form.mentors)
    form.mentors.setCurrentRow(next(r for r in range(form.mentors.count())
                                    if form.mentors.item(r).text() == "Ćiril Đokić"))
    QTest.keyClick(form.mentors, Qt.Key.Key_Space)
    type_date(form.date_edit, RECENT)
    QTest.keyClick(form.date_edit, Qt.Key.Key_Tab)
    assert form.times.starts_edit.hasFocus()
    type_keys(form.times.starts_edit, "0900")
    QTest.keyClick(form.times.starts_edit, Qt.Key.Key_Tab)
    assert form.times.ends_edit.hasFocus()
    type_keys(form.times.ends_edit, "1030")
    assert "1,5" in form.times.duration_label.text()
    assert form.times.counted_text(ctx.tr) == "1,5"
    QTest.keyClick(form.times.ends_edit, Qt.Key.Key_Tab)
    QTest.keyClick(form.mode_combo, Qt.Key.Key_Down)  # in person → online
    tab_into(form.place_edit)
    type_keys(form.place_edit, "Zoom")
    for topic in ("business_model", "financing"):
        tab_into(form.topics.checks[topic])
        QTest.keyClick(form.topics.checks[topic], Qt.Key.Key_Space)
    tab_into(form.summary_edit)
    type_text(form.summary_edit, "Poslovni model in finančni načrt; ž č š.")
    QTest.keyClick(form.actions.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: form.actions.table.rowCount() == 1)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and form.actions.table.isAncestorOf(editor)  # the new row is edited
    type_text(QApplication.focusWidget(), "Pripraviti ponudbo")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "Ana Čeh")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    due = RECENT + dt.timedelta(days=14)
    type_keys(QApplication.focusWidget(), f"{due.day}.{due.month}.{due.year}")  # saved while still typing

    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        save(qtbot, form)
    record = sessions.get_session(workspace.store, saved.args[0])
    assert (record.session_date, record.starts, record.ends, record.hours) == (RECENT, dt.time(9), dt.time(10, 30), 1.5)
    assert {m.id for m in record.mentors} == {workspace.actor.staff_id, second}
    assert (record.organisation_id, record.mode, record.place) == (cebelica, "online", "Zoom")
    assert record.topics == ("business_model", "financing")
    assert record.summary == "Poslovni model in finančni načrt; ž č š."
    assert [(a.description, a.owner, a.due_on) for a in record.actions] == [("Pripraviti ponudbo", "Ana Čeh", due)]
    qtbot.waitUntil(lambda: not form.isVisible())
    # It is among "my sessions" of the month it took place in.
    page.mine.show_period(RECENT)
    qtbot.waitUntil(lambda: page.mine.sessions_model.rowCount() == 1 and not page.mine.loading, timeout=10_000)
    assert page.mine.sessions_model.rows()[0][2] == "1,5"


@pytest.mark.parametrize(("case", "field"), [
    ("end_before_start", "ends"),
    ("no_party", "organisation_id"),
    ("future", "session_date"),
    ("no_topic", "topics"),
])
def test_a_refused_session_is_marked_at_its_field_and_not_saved(ctx, qtbot, workspace, cebelica, case, field):
    form = open_form(ctx, qtbot)
    fill_valid(qtbot, form)
    if case == "end_before_start":
        type_time(form.times.ends_edit, "0830")
        assert form.times.duration_label.text() == ctx.tr.gettext("ends before it starts")
    elif case == "no_party":
        form.organisation.field.setFocus()
        QTest.keyClick(form.organisation.field, Qt.Key.Key_Escape)  # Esc clears what was typed
        assert form.organisation.chosen_id() is None
    elif case == "future":
        type_date(form.date_edit, TODAY + dt.timedelta(days=1))
    else:
        tab_into(form.topics.checks["financing"])
        QTest.keyClick(form.topics.checks["financing"], Qt.Key.Key_Space)
    save(qtbot, form)
    qtbot.waitUntil(lambda: bool(form.marks.marked()), timeout=10_000)
    # Start and end share the line under the times.
    assert form.marks.marked() == (["starts", "ends"] if field == "ends" else [field])
    assert form.marks.widget(field).hasFocus() or form.marks.widget(field).isAncestorOf(QApplication.focusWidget())
    assert form.isVisible() and not form.saving
    assert list_sessions(workspace.store, SessionFilter()) == []


def test_a_thirteen_hour_session_asks_and_save_anyway_saves(ctx, qtbot, workspace, cebelica):
    form = open_form(ctx, qtbot)
    fill_valid(qtbot, form, starts="0700", ends="2000")
    save(qtbot, form)
    qtbot.waitUntil(lambda: form.question_box is not None, timeout=10_000)
    assert "780" in form.question_box.text()  # the minutes, as the warning says them
    assert list_sessions(workspace.store, SessionFilter()) == []
    with qtbot.waitSignal(form.saved, timeout=10_000):
        answer(qtbot, form, ctx.tr.gettext("Save anyway"))
    [row] = list_sessions(workspace.store, SessionFilter())
    assert (row.minutes, row.hours) == (780, 13.0)


def test_going_back_from_the_question_keeps_the_form_open_and_saves_nothing(ctx, qtbot, workspace, cebelica):
    form = open_form(ctx, qtbot)
    fill_valid(qtbot, form, starts="0700", ends="2000")
    save(qtbot, form)
    answer(qtbot, form, ctx.tr.gettext("Go back and check"))
    assert form.isVisible() and form.save_button.isEnabled()
    assert list_sessions(workspace.store, SessionFilter()) == []


def test_copy_last_session_fills_in_parties_mentors_times_and_topics(ctx, qtbot, workspace, cebelica):
    second = add_mentor(workspace)
    earlier = RECENT - dt.timedelta(days=7)
    add_session(workspace, earlier, (13, 0), (14, 45), mentors=[workspace.actor.staff_id, second],
                organisation_id=cebelica, topics=("marketing", "social_impact"), place="Ptuj", mode="phone",
                next_session_on=RECENT)
    form = open_form(ctx, qtbot, organisation_id=cebelica)
    assert form.organisation.chosen_id() == cebelica
    type_text(form.summary_edit, "Nova srečanja")
    QTest.keyClick(form, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.place_edit.text() == "Ptuj", timeout=10_000)
    copied = form.session_input()
    assert set(copied.mentor_ids) == {workspace.actor.staff_id, second}
    assert (copied.starts, copied.ends, copied.mode) == (dt.time(13), dt.time(14, 45), "phone")
    assert copied.topics == ("marketing", "social_impact")
    assert copied.session_date == RECENT  # the planned next session, which has come
    assert copied.summary == "Nova srečanja"  # what the new session alone has is kept
    assert "1,75" in form.times.duration_label.text()


def test_copy_last_session_says_so_when_there_is_none(ctx, qtbot, workspace, cebelica):
    form = open_form(ctx, qtbot)
    form.copy_button.click()
    assert form.general_error.isVisible()  # choose a party first
    pick_organisation(qtbot, form, "cebel")
    form.copy_button.click()
    expected = ctx.tr.gettext("You have no earlier session with this organisation or person to copy.")
    qtbot.waitUntil(lambda: form.general_error.text() == expected, timeout=10_000)


def test_an_unreadable_due_date_is_marked_under_the_actions_with_its_row(ctx, qtbot, workspace, cebelica):
    form = open_form(ctx, qtbot)
    fill_valid(qtbot, form)
    for text in ("Prva naloga", "Druga naloga"):
        row = form.actions.add_row()
        form.actions.table.item(row, 0).setText(text)
    form.actions.table.item(1, 2).setText("jutri")
    type_date(form.date_edit, TODAY + dt.timedelta(days=2))  # refused too: both are marked at once
    save(qtbot, form)
    qtbot.waitUntil(lambda: bool(form.marks.marked()), timeout=10_000)
    assert form.marks.marked() == ["session_date", "actions"]
    assert form.marks.message("actions").startswith(ctx.tr.gettext("Row {row}: {message}").split("{")[0] + "2")
    assert list_sessions(workspace.store, SessionFilter()) == []


@pytest.mark.parametrize("discard", [False, True])
def test_closing_with_unsaved_notes_asks_first(ctx, qtbot, workspace, cebelica, discard):
    form = open_form(ctx, qtbot)
    QTest.keyClick(form.summary_edit, Qt.Key.Key_Escape)
    assert form.question_box is None and not form.isVisible()  # nothing typed: closes at once

    form = open_form(ctx, qtbot)
    tab_into(form.summary_edit)
    type_text(form.summary_edit, "Zapiski, ki se ne smejo izgubiti")
    QTest.keyClick(form.summary_edit, Qt.Key.Key_Escape)
    assert form.question_box is not None and form.isVisible()  # asked; open while it asks
    answer(qtbot, form, ctx.tr.gettext("Close without saving" if discard else "Keep editing"))
    assert form.isVisible() is not discard
