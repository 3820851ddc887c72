"""Deleting a session from the Mentoring page's own lists: the Delete key or the "Delete…" button on
the session chosen in "My sessions" or "All sessions", always asked first, and the lists read again;
the week and month totals delete nothing. Also the tooltips of the All sessions date filters."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_ui_helpers import RECENT, add_organisation, add_session, answer, show
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from ui_helpers import list_settled

from sociolab_desktop.core.services.mentoring import sessions
from sociolab_desktop.core.services.mentoring.listing import (
    SessionFilter,
    list_sessions,
)
from sociolab_desktop.ui.mentoring.mentoring_page import ALL, MINE, MentoringPage
from sociolab_desktop.ui.mentoring.organisation_support_window import (
    open_support_overview,
)


def live_ids(workspace) -> set[str]:
    return {row.id for row in list_sessions(workspace.store, SessionFilter(), limit=100)}


def mine_ids(page) -> set[str]:
    model = page.mine.sessions_model
    return {model.row(number).id for number in range(model.rowCount())}


def all_ids(page) -> set[str]:
    model = page.all.model
    return {model.row_id(number) for number in range(model.rowCount())}


@pytest.fixture
def firms(workspace) -> dict[str, str]:
    return {"cebelica": add_organisation(workspace, "Zadruga Čebelica"),
            "sonce": add_organisation(workspace, "Zavod Sonce")}


@pytest.fixture
def session_ids(workspace, firms) -> dict[str, str]:
    """Two of the signed-in mentor's sessions on one day (one month, whatever day the tests run)."""
    me = workspace.actor.staff_id
    return {"cebelica": add_session(workspace, RECENT, (9, 0), (10, 30), mentors=[me],
                                    organisation_id=firms["cebelica"]),
            "sonce": add_session(workspace, RECENT, (13, 0), (14, 0), mentors=[me], organisation_id=firms["sonce"])}


@pytest.fixture
def page(ctx, qtbot, session_ids) -> MentoringPage:
    made = show(qtbot, MentoringPage(ctx), (1100, 640))
    with qtbot.waitSignal(made.mine.loaded, timeout=10_000):
        made.mine.show_period(RECENT)  # RECENT may fall in the month before this one
    qtbot.waitUntil(list_settled(made.all, 2), timeout=10_000)
    assert mine_ids(made) == set(session_ids.values())
    return made


def choose(qtbot, page, tab: int, session_id: str):
    """Show `tab`, select the session's row in its list and give the list the focus."""
    page.tabs.setCurrentIndex(tab)
    if tab == MINE:
        table, model = page.mine.sessions_table, page.mine.sessions_model
        number = next(i for i in range(model.rowCount()) if model.row(i).id == session_id)
    else:
        table, model = page.all.table, page.all.model
        number = model.row_of(session_id)
    table.selectRow(number)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    return table


def delete_text(ctx) -> str:
    return ctx.tr.gettext("Delete")


def keep_text(ctx) -> str:
    return ctx.tr.gettext("Do not delete")


def test_delete_key_in_my_sessions_deletes_the_chosen_session_after_asking(ctx, qtbot, workspace, page,
                                                                           session_ids):
    table = choose(qtbot, page, MINE, session_ids["cebelica"])
    QTest.keyClick(table, Qt.Key.Key_Delete)
    box = page.question_box
    assert box is not None and box.isVisible()
    # The question names the session chosen (not the other one) and says what deleting means.
    for part in ("Zadruga Čebelica", ctx.tr.format_date(RECENT, "numeric"),
                 ctx.tr.format_time_span(dt.time(9), dt.time(10, 30))):
        assert part in box.text()
    assert "Zavod Sonce" not in box.text()
    assert box.informativeText() == ctx.tr.gettext("It will no longer count in the hours and reports.")
    assert box.defaultButton().text() == keep_text(ctx)  # Enter keeps it

    with qtbot.waitSignal(page.mine.loaded, timeout=10_000):
        answer(qtbot, page, delete_text(ctx))
    assert sessions.get_session(workspace.store, session_ids["cebelica"]) is None
    assert live_ids(workspace) == {session_ids["sonce"]}
    assert mine_ids(page) == {session_ids["sonce"]}
    qtbot.waitUntil(list_settled(page.all, 1), timeout=10_000)
    assert all_ids(page) == {session_ids["sonce"]}
    assert page.question_box is None and not page.busy_deleting


def test_do_not_delete_keeps_the_session(ctx, qtbot, workspace, page, session_ids):
    table = choose(qtbot, page, MINE, session_ids["sonce"])
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert "Zavod Sonce" in page.question_box.text()
    answer(qtbot, page, keep_text(ctx))
    assert page.question_box is None
    assert live_ids(workspace) == set(session_ids.values())
    assert mine_ids(page) == set(session_ids.values())
    assert page.delete_button.isEnabled()  # still chosen, still deletable


def test_the_delete_button_deletes_the_session_chosen_in_all_sessions(ctx, qtbot, workspace, page, session_ids):
    choose(qtbot, page, ALL, session_ids["sonce"])
    assert page.delete_button.text() == ctx.tr.gettext("Delete…") and page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.question_box
    assert box is not None and "Zavod Sonce" in box.text() and "Zadruga Čebelica" not in box.text()
    assert box.defaultButton().text() == keep_text(ctx)
    with qtbot.waitSignal(page.mine.loaded, timeout=10_000):
        answer(qtbot, page, delete_text(ctx))
    qtbot.waitUntil(list_settled(page.all, 1), timeout=10_000)
    assert live_ids(workspace) == {session_ids["cebelica"]}
    assert all_ids(page) == {session_ids["cebelica"]}
    assert mine_ids(page) == {session_ids["cebelica"]}
    qtbot.waitUntil(page.delete_button.isEnabled)  # the list chose the session left


@pytest.mark.parametrize("tab", [MINE, ALL])
def test_delete_is_offered_only_with_a_session_selected(ctx, qtbot, workspace, page, session_ids, tab):
    table = choose(qtbot, page, tab, session_ids["cebelica"])
    assert page.delete_button.isEnabled()
    table.selectionModel().clearSelection()
    assert not page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert page.question_box is None  # nothing chosen, nothing asked
    table.selectionModel().select(table.model().index(0, 0), QItemSelectionModel.SelectionFlag.Select
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert page.delete_button.isEnabled()
    assert live_ids(workspace) == set(session_ids.values())


def test_an_empty_month_offers_no_delete(ctx, qtbot, page):
    with qtbot.waitSignal(page.mine.loaded, timeout=10_000):
        page.mine.show_period(dt.date(2019, 1, 1))
    assert page.mine.sessions_model.rowCount() == 0
    assert not page.delete_button.isEnabled()
    assert page.delete_session() is None and page.question_box is None


def test_delete_on_the_week_and_month_totals_asks_nothing(ctx, qtbot, workspace, page, session_ids):
    page.tabs.setCurrentIndex(MINE)
    for table in (page.mine.weeks_table, page.mine.months_table):
        assert table.model().rowCount() == 1
        table.selectRow(0)
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        QTest.keyClick(table, Qt.Key.Key_Delete)
        assert page.question_box is None
    assert live_ids(workspace) == set(session_ids.values())


def test_deleting_from_the_list_reloads_the_organisations_open_support_window(ctx, qtbot, page, firms,
                                                                              session_ids):
    overview = open_support_overview(ctx, firms["cebelica"], page.window())
    qtbot.waitUntil(lambda: overview.overview is not None, timeout=10_000)
    assert overview.models["sessions"].rowCount() == 1
    page.window().activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    table = choose(qtbot, page, MINE, session_ids["cebelica"])
    QTest.keyClick(table, Qt.Key.Key_Delete)
    with qtbot.waitSignal(overview.loaded, timeout=10_000):
        answer(qtbot, page, delete_text(ctx))
    assert overview.models["sessions"].rowCount() == 0


def test_the_date_filters_say_what_ticking_them_does(ctx, page):
    general = ctx.tr.gettext("Tick to use the date beside it; unticked, no date is set.")
    for edit, message_id in ((page.all.from_edit, "Tick to show only sessions from this date on"),
                             (page.all.to_edit, "Tick to show only sessions up to this date")):
        tip = edit.check.toolTip()
        assert tip and tip != general
        assert tip == ctx.tr.gettext(message_id)
