"""Helpers for the Reports area's tests (a module of its own name: `conftest` is a name every test
folder shares): results data made through the services, the page shown, waiting for its counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.core.services.mentoring import outcomes
from sociolab_desktop.core.services.mentoring import sessions as ms
from sociolab_desktop.ui.reports.reports_page import ReportsPage

MARCH = dt.date(2021, 3, 1)
TODAY = dt.date(2021, 6, 1)


@dataclass
class ResultsData:
    people: dict[str, str]  # name -> key
    organisation_id: str
    event_id: str
    mentoring_session_id: str
    job_id: str


def make_results(ws) -> ResultsData:
    """A training programme of two 3-hour sessions in March 2021 with three persons registered:
    Ana Čeh attended both (meets the 80 % certificate rule), Bojan Zupan the first only, Cvetka
    Novak none; a mentoring session with Zadruga Đurđevka and a job it created."""
    store, actor = ws.store, ws.actor
    people = {}
    for first, last, esf in (("Ana", "Čeh", {"gender": "female", "birth_year": 1990, "labour_status": "unemployed"}),
                             ("Bojan", "Zupan", {"gender": "male"}),
                             ("Cvetka", "Novak", {"gender": "female"})):
        people[f"{first} {last}"] = ps.create_person(store, actor, ps.PersonInput(first, last, **esf), today=TODAY,
                                                     allow_duplicates=True).id
    event_id = ev.create_event(store, actor, ev.EventInput("training_programme", "Usposabljanje za socialne "
                                                           "podjetnike", "Training for social entrepreneurs")).id
    sessions = [se.add_session(store, actor, event_id, se.SessionInput(MARCH + dt.timedelta(weeks=week),
                                                                       dt.time(9), dt.time(12))).id
                for week in range(2)]
    for person_id in people.values():
        rg.register_person(store, actor, event_id, person_id, today=MARCH - dt.timedelta(days=7))
    ci.check_in(store, actor, sessions[0], people["Ana Čeh"])
    ci.check_in(store, actor, sessions[1], people["Ana Čeh"])
    ci.check_in(store, actor, sessions[0], people["Bojan Zupan"])
    organisation_id = org.create_organisation(store, actor, org.OrganisationInput(
        "Zadruga Đurđevka", "cooperative")).id
    mentoring_id = ms.record_session(store, actor, ms.SessionInput(
        dt.date(2021, 3, 15), dt.time(9), dt.time(10, 30), "in_person", [actor.staff_id],
        organisation_id=organisation_id, topics=["financing"]), confirmed=True).id
    job_id = outcomes.save_job(store, actor, outcomes.JobInput(organisation_id, dt.date(2021, 4, 1), "created",
                                                               "permanent"), confirmed=True, today=TODAY).id
    return ResultsData(people, organisation_id, event_id, mentoring_id, job_id)


def show_page(qtbot, ctx, size=(1150, 640)) -> ReportsPage:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    wait_counted(qtbot, page)
    return page


def wait_counted(qtbot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


def click_cell(qtbot, table, index) -> None:
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def shown_values(page: ReportsPage, column: int) -> dict[str, str]:
    """Indicator key → the text in `column` of its row."""
    model = page.model
    return {model.value_at(row).key: model.index(row, column).data() for row in range(model.rowCount())}
