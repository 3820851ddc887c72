"""Deleting mentoring records: a session from its form (gone from both lists and the service's
listing, or kept when the mentor keeps it), and assessments, enrolments, jobs, products and sessions
from the organisation's support window by its buttons and the Delete key, always asked first."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_ui_helpers import (
    RECENT,
    activate,
    add_organisation,
    add_session,
    answer,
    show,
)
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import list_settled

from sociolab_desktop.core.services.mentoring import (
    diagnostics,
    outcomes,
    programme,
    sessions,
)
from sociolab_desktop.core.services.mentoring.diagnostics import (
    AREAS,
    AreaScoreInput,
    DiagnosticInput,
)
from sociolab_desktop.core.services.mentoring.listing import (
    SessionFilter,
    list_sessions,
)
from sociolab_desktop.core.services.persons import PersonInput, create_person
from sociolab_desktop.ui.mentoring.mentoring_page import MentoringPage
from sociolab_desktop.ui.mentoring.organisation_support_window import (
    OUTCOMES,
    PLAN,
    PROGRAMME,
    SESSIONS,
    SupportOverviewWindow,
    open_support_overview,
)
from sociolab_desktop.ui.mentoring.session_form import SessionForm

STARTED = RECENT - dt.timedelta(days=40)


@pytest.fixture
def organisation_id(workspace) -> str:
    return add_organisation(workspace, "Zadruga Čebelica")


def live_sessions(workspace) -> list:
    return list_sessions(workspace.store, SessionFilter(), limit=100)


def delete_text(ctx) -> str:
    return ctx.tr.gettext("Delete")


def keep_text(ctx) -> str:
    return ctx.tr.gettext("Do not delete")


# --- the session form ------------------------------------------------------------------------


@pytest.fixture
def page(ctx, qtbot, workspace, organisation_id) -> MentoringPage:
    add_session(workspace, RECENT, (9, 0), (10, 30), mentors=[workspace.actor.staff_id],
                organisation_id=organisation_id)
    made = show(qtbot, MentoringPage(ctx), (1100, 640))
    with qtbot.waitSignal(made.mine.loaded, timeout=10_000):
        made.mine.show_period(RECENT)  # RECENT may fall in the month before this one
    qtbot.waitUntil(list_settled(made.all, 1), timeout=10_000)
    assert made.mine.sessions_model.rowCount() == 1
    return made


def open_from_page(qtbot, page, session_id: str) -> SessionForm:
    form = page.open_session(session_id)
    qtbot.waitUntil(lambda: form.loaded, timeout=10_000)
    return activate(qtbot, form)


def test_deleting_a_session_from_its_form_takes_it_out_of_both_lists(ctx, qtbot, workspace, page):
    [row] = live_sessions(workspace)
    form = open_from_page(qtbot, page, row.id)
    assert form.delete_button.isVisible() and form.delete_button.isEnabled()
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    box = form.question_box
    # The question names the session and says what deleting it means.
    for part in ("Zadruga Čebelica", ctx.tr.format_date(RECENT, "numeric"),
                 ctx.tr.format_time_span(dt.time(9), dt.time(10, 30))):
        assert part in box.text()
    assert box.informativeText() == ctx.tr.gettext("It will no longer count in the hours and reports.")
    assert box.defaultButton().text() == keep_text(ctx)  # Enter keeps it

    with qtbot.waitSignal(form.deleted, timeout=10_000) as deleted, qtbot.waitSignal(page.mine.loaded,
                                                                                    timeout=10_000):
        answer(qtbot, form, delete_text(ctx))
    assert deleted.args == [row.id]
    assert sessions.get_session(workspace.store, row.id) is None
    assert live_sessions(workspace) == []
    qtbot.waitUntil(list_settled(page.all, 0), timeout=10_000)
    assert page.mine.sessions_model.rowCount() == 0
    qtbot.waitUntil(lambda: not page.forms)  # the form closed (and was deleted)


def test_keeping_the_session_leaves_it_and_the_form_open(ctx, qtbot, workspace, page):
    [row] = live_sessions(workspace)
    form = open_from_page(qtbot, page, row.id)
    form.delete_session()
    answer(qtbot, form, keep_text(ctx))
    assert form.question_box is None and form.isVisible()
    assert [item.id for item in live_sessions(workspace)] == [row.id]
    assert page.mine.sessions_model.rowCount() == 1


def test_a_new_session_offers_no_delete(ctx, qtbot, page):
    form = page.new_session()
    qtbot.waitUntil(lambda: form.loaded, timeout=10_000)
    assert form.delete_button.isHidden()
    assert form.delete_session() is None


def test_a_session_deleted_meanwhile_is_told_under_the_form_and_the_form_stays(ctx, qtbot, workspace, page):
    [row] = live_sessions(workspace)
    form = open_from_page(qtbot, page, row.id)
    sessions.delete_session(workspace.store, workspace.actor, row.id)  # on another window, or by sync
    form.delete_session()
    answer(qtbot, form, delete_text(ctx))
    qtbot.waitUntil(lambda: form.general_error.isVisible(), timeout=10_000)
    assert form.general_error.text() == ctx.tr.gettext(
        "The mentoring session was not found; the list may be out of date. Refresh it and try again.")
    assert form.isVisible() and form.save_button.isEnabled() and form.delete_button.isEnabled()


def test_deleting_from_the_page_reloads_the_organisations_open_support_window(ctx, qtbot, workspace, page,
                                                                              organisation_id):
    overview = open_support_overview(ctx, organisation_id, page.window())
    qtbot.waitUntil(lambda: overview.overview is not None, timeout=10_000)
    assert overview.models["sessions"].rowCount() == 1
    [row] = live_sessions(workspace)
    form = open_from_page(qtbot, page, row.id)
    form.delete_session()
    with qtbot.waitSignal(overview.loaded, timeout=10_000):
        answer(qtbot, form, delete_text(ctx))
    assert overview.models["sessions"].rowCount() == 0


# --- the organisation's support window -------------------------------------------------------


@pytest.fixture
def window(ctx, qtbot, workspace, organisation_id) -> SupportOverviewWindow:
    ws = workspace
    add_session(ws, STARTED, (9, 0), (10, 30), mentors=[ws.actor.staff_id], organisation_id=organisation_id)
    person = create_person(ws.store, ws.actor, PersonInput(first_name="Špela", last_name="Čeh"),
                           today=dt.date.today())
    programme.save_enrolment(ws.store, ws.actor, programme.EnrolmentInput(organisation_id, STARTED))
    for day, score in ((STARTED, 2), (RECENT, 4)):
        diagnostics.save_diagnostic(ws.store, ws.actor, DiagnosticInput(
            organisation_id, day, [AreaScoreInput(area, score) for area in AREAS]), confirmed=True)
    outcomes.save_job(ws.store, ws.actor, outcomes.JobInput(organisation_id, RECENT, "created", "permanent",
                                                            person_id=person.id), confirmed=True)
    outcomes.save_product(ws.store, ws.actor, outcomes.ProductInput(organisation_id, "Zeliščni čaji s Pohorja",
                                                                    RECENT, "idea"), confirmed=True)
    made = open_support_overview(ctx, organisation_id)
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: made.overview is not None, timeout=10_000)
    return activate(qtbot, made)


TABS = {"sessions": SESSIONS, "assessments": PLAN, "enrolments": PROGRAMME, "jobs": OUTCOMES, "products": OUTCOMES}
BUTTONS = {"sessions": "delete_session", "assessments": "delete_assessment", "enrolments": "delete_enrolment",
           "jobs": "delete_job", "products": "delete_product"}


def stored(workspace, organisation_id: str, kind: str) -> list:
    store = workspace.store
    return {"sessions": lambda: live_sessions(workspace),
            "assessments": lambda: diagnostics.diagnostics_of(store, organisation_id),
            "enrolments": lambda: programme.enrolments_of(store, organisation_id),
            "jobs": lambda: outcomes.jobs_of(store, organisation_id),
            "products": lambda: outcomes.products_of(store, organisation_id)}[kind]()


def table_of(window, kind: str):
    return window.comparison.table if kind == "assessments" else window.tables[kind]


def ask_delete(qtbot, window, kind: str, via: str) -> QMessageBox:
    """Choose the first row (for assessments: the latest, as the window chooses it) and ask."""
    window.tabs.setCurrentIndex(TABS[kind])
    table = table_of(window, kind)
    if kind != "assessments":
        table.selectRow(0)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    if via == "key":
        QTest.keyClick(table, Qt.Key.Key_Delete)
    else:
        qtbot.mouseClick(window.button[BUTTONS[kind]], Qt.MouseButton.LeftButton)
    assert window.question_box is not None and window.question_box.isVisible()
    return window.question_box


NAMED = {  # what the question must say to name the record
    "sessions": lambda tr: [tr.format_date(STARTED, "numeric"), "Zadruga Čebelica"],
    "assessments": lambda tr: [tr.format_date(RECENT, "numeric")],
    "enrolments": lambda tr: [tr.format_date(STARTED, "numeric")],
    "jobs": lambda tr: ["Špela Čeh", tr.format_date(RECENT, "numeric")],
    "products": lambda tr: ["Zeliščni čaji s Pohorja", tr.format_date(RECENT, "numeric")],
}


@pytest.mark.parametrize("via", ["button", "key"])
@pytest.mark.parametrize("kind", ["jobs", "products", "assessments"])
def test_a_record_is_deleted_from_the_support_window_after_asking(ctx, qtbot, workspace, window, kind, via):
    before = stored(workspace, window.organisation_id, kind)
    box = ask_delete(qtbot, window, kind, via)
    for part in NAMED[kind](ctx.tr):
        assert part in box.text()
    assert box.defaultButton().text() == keep_text(ctx)
    with qtbot.waitSignal(window.loaded, timeout=10_000), qtbot.waitSignal(window.changed, timeout=10_000):
        answer(qtbot, window, delete_text(ctx))
    after = stored(workspace, window.organisation_id, kind)
    assert len(after) == len(before) - 1
    if kind == "assessments":  # the latest was chosen: the earlier one is left
        assert [item.assessed_on for item in after] == [STARTED]
        assert len(window.overview.progress.assessments) == 1
    else:
        assert window.models[kind].rowCount() == 0
        assert not window.button[BUTTONS[kind]].isEnabled()  # nothing left to choose


@pytest.mark.parametrize("kind", ["sessions", "enrolments"])
def test_sessions_and_enrolments_are_deleted_from_the_support_window_too(ctx, qtbot, workspace, window, kind):
    ask_delete(qtbot, window, kind, "key")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        answer(qtbot, window, delete_text(ctx))
    assert stored(workspace, window.organisation_id, kind) == []
    assert window.models[kind].rowCount() == 0


def test_keeping_it_deletes_nothing(ctx, qtbot, workspace, window):
    box = ask_delete(qtbot, window, "jobs", "button")
    assert "Zeliščni" not in box.text()
    answer(qtbot, window, keep_text(ctx))
    assert len(outcomes.jobs_of(workspace.store, window.organisation_id)) == 1
    assert window.models["jobs"].rowCount() == 1 and window.question_box is None


def test_delete_is_offered_only_with_a_row_selected(ctx, qtbot, workspace, window):
    window.tabs.setCurrentIndex(OUTCOMES)
    table, button = window.tables["jobs"], window.button["delete_job"]
    assert button.isEnabled()  # the window chooses the first row
    table.selectionModel().clearSelection()
    assert not button.isEnabled()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert window.question_box is None  # nothing chosen, nothing asked
    table.selectionModel().select(window.models["jobs"].index(0, 0), QItemSelectionModel.SelectionFlag.Select
                                  | QItemSelectionModel.SelectionFlag.Rows)
    assert button.isEnabled()


def test_a_record_deleted_meanwhile_is_told_and_the_list_shows_what_is_left(ctx, qtbot, workspace, window):
    [job] = outcomes.jobs_of(workspace.store, window.organisation_id)
    ask_delete(qtbot, window, "jobs", "button")
    outcomes.delete_job(workspace.store, workspace.actor, job.id)  # on another PC, arrived by sync
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        answer(qtbot, window, delete_text(ctx))
    qtbot.waitUntil(lambda: window.question_box is not None and window.question_box.isVisible())
    box = window.question_box
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == ctx.tr.gettext("The record was not found; the list may be out of date. Refresh it and "
                                        "try again.")
    assert window.models["jobs"].rowCount() == 0
    answer(qtbot, window, ctx.tr.gettext("Close"))
