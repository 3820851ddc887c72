"""Mentoring lists and counts over 100 000 sessions, beside the same answers from raw sqlite3.

Run: /work/venv/bin/python benches/bench_mentoring.py [--sessions 100000] [--seed 1] [--repeat 7]

Fills a fresh data folder with invented mentoring data (bulk inserts, not captured for sync):
40 mentors, organisations, persons with roles, sessions from April 2018 to December 2021 with one
or two mentors and sometimes coached persons, 1 % of them deleted, training attendance, jobs and
products. Then times each service call a window or report makes and the hand-written SQL a
programmer would send through plain sqlite3 for the same answer (rows left as tuples, no
conversion to local time or dataclasses). Figures: medians of --repeat runs, warm cache, ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from sociolab_desktop.core.domain.enums import MentoringMode, MentoringTopic
from sociolab_desktop.core.domain.keys import (
    attendance_key,
    coached_person_key,
    mentor_link_key,
)
from sociolab_desktop.core.services import sites
from sociolab_desktop.core.services.mentoring import counting, listing, sessions
from sociolab_desktop.core.services.mentoring.time_rules import Period
from sociolab_desktop.core.domain.slovenian_time import to_utc
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import (
    Attendance,
    Event,
    EventSession,
    Job,
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    Organisation,
    Person,
    PersonOrganisationRole,
    Product,
    StaffUser,
)
from sociolab_desktop.workspace import Workspace, open_workspace

MENTORS = 40
FIRST_DAY, LAST_DAY = dt.date(2018, 4, 2), dt.date(2021, 12, 30)
STORED = "%Y-%m-%d %H:%M:%S.%f"
TOPICS = [topic.value for topic in MentoringTopic]


def _key(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _rows(rng: random.Random, count: int, site_id: str) -> dict[type, list[dict]]:
    at = dt.datetime(2018, 4, 1)
    stamp = {"created_at": at, "updated_at": at, "origin_site_id": site_id}
    mentors = [{"id": _key(rng), "display_name": f"Mentor Čeh {n}", "is_mentor": True, "is_staff": True,
                "is_admin": False, "is_active": True, **stamp} for n in range(MENTORS)]
    organisations = []
    for n in range(max(10, count // 30)):
        row = {"id": _key(rng), "name": f"Zadruga Đurđevka {n}", "legal_form": "cooperative", "country_code": "SI",
               "preferred_language": "sl", "site_id": site_id, **stamp}
        organisations.append({**row, **derived_values("organisation", row)})
    persons = []
    for n in range(max(10, count // 5)):
        row = {"id": _key(rng), "first_name": "Ana", "last_name": f"Šuštar {n}", "country_code": "SI",
               "preferred_language": "sl", "is_incomplete": False, **stamp}
        persons.append({**row, **derived_values("person", row)})
    roles = [{"id": _key(rng), "person_id": p["id"], "organisation_id": rng.choice(organisations)["id"],
              "role": "employee", **stamp} for p in persons if rng.random() < 0.3]
    days = (LAST_DAY - FIRST_DAY).days
    tables: dict[type, list[dict]] = {StaffUser: mentors, Organisation: organisations, Person: persons,
                                      PersonOrganisationRole: roles, MentoringSession: [],
                                      MentoringSessionMentor: [], MentoringSessionPerson: []}
    for _ in range(count):
        day = FIRST_DAY + dt.timedelta(days=rng.randint(0, days))
        starts = to_utc(day, dt.time(rng.randint(8, 16), rng.choice((0, 30))))
        session_id = _key(rng)
        tables[MentoringSession].append({
            "id": session_id, "organisation_id": rng.choice(organisations)["id"] if rng.random() < 0.85 else None,
            "site_id": site_id, "starts_at": starts, "ends_at": starts + dt.timedelta(minutes=rng.choice((45, 60, 90, 120))),
            "mode": rng.choice(list(MentoringMode)).value, "topics": sorted(rng.sample(TOPICS, rng.randint(1, 3))),
            "summary": "Pregled poslovnega načrta.", "deleted_at": at if rng.random() < 0.01 else None, **stamp})
        for mentor in rng.sample(mentors, 2 if rng.random() < 0.25 else 1):
            tables[MentoringSessionMentor].append({"id": mentor_link_key(session_id, mentor["id"]),
                                                   "mentoring_session_id": session_id, "staff_id": mentor["id"], **stamp})
        if rng.random() < 0.3:
            person = rng.choice(persons)
            tables[MentoringSessionPerson].append({"id": coached_person_key(session_id, person["id"]),
                                                   "mentoring_session_id": session_id, "person_id": person["id"], **stamp})
    events, parts, attendance = [], [], []
    for n in range(max(5, count // 500)):
        event = {"id": _key(rng), "event_type": "workshop", "title_sl": f"Delavnica {n}", **stamp}
        part = {"id": _key(rng), "event_id": event["id"], "session_date": FIRST_DAY + dt.timedelta(days=rng.randint(0, days)),
                "starts_at": dt.time(9), "ends_at": dt.time(12), "hours": 3, **stamp}
        events.append(event)
        parts.append(part)
        for person in rng.sample(persons, min(len(persons), 20)):
            attendance.append({"id": attendance_key(part["id"], person["id"]), "event_session_id": part["id"],
                               "person_id": person["id"], "checked_in_at": at, **stamp})
    tables.update({Event: events, EventSession: parts, Attendance: attendance})
    tables[Job] = [{"id": _key(rng), "organisation_id": rng.choice(organisations)["id"],
                    "person_id": rng.choice(persons)["id"] if rng.random() < 0.6 else None,
                    "kind": rng.choice(("created", "retained")), "contract_type": "permanent",
                    "is_vulnerable_group": rng.random() < 0.4,
                    "occurred_on": FIRST_DAY + dt.timedelta(days=rng.randint(0, days)), **stamp}
                   for _ in range(max(10, count // 50))]
    tables[Product] = [{"id": _key(rng), "organisation_id": rng.choice(organisations)["id"], "name": f"Izdelek {n}",
                        "developed_on": FIRST_DAY + dt.timedelta(days=rng.randint(0, days)), "stage": "pilot", **stamp}
                       for n in range(max(10, count // 70))]
    return tables


def _fill(workspace: Workspace, count: int, seed: int) -> dict[type, list[dict]]:
    sites.create_site(workspace.store, workspace.settings.site_id, "Informacijska točka Maribor", "sl")
    tables = _rows(random.Random(seed), count, workspace.settings.site_id)
    with workspace.store.unit_of_work(workspace.actor) as session:
        connection = session.connection().connection.dbapi_connection
        with workspace.sync.capture.paused(connection):
            for model, rows in tables.items():
                session.execute(insert(model.__table__), rows)
    return tables


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


_LIVE = "s.deleted_at IS NULL"
_MIN = "CAST(round((julianday(s.ends_at) - julianday(s.starts_at)) * 1440) AS INTEGER)"
_Q = f"((max(0, {_MIN}) + 7) / 15)"
_LONG = "s.deleted_at IS NULL AND +s.starts_at >= ? AND +s.starts_at < ?"
_PAGE = ("SELECT s.id, s.starts_at, s.ends_at, s.mode, s.topics, s.organisation_id, s.site_id, o.name "
         "FROM mentoring_session s LEFT JOIN organisation o ON o.id = s.organisation_id WHERE {where} "
         "ORDER BY s.starts_at DESC, s.id DESC LIMIT {limit} OFFSET {offset}")
_NAMES = (("SELECT l.mentoring_session_id, u.display_name FROM mentoring_session_mentor l JOIN staff_user u "
          "ON u.id = l.staff_id WHERE l.deleted_at IS NULL AND l.mentoring_session_id IN ({marks})"),
          ("SELECT l.mentoring_session_id, p.first_name, p.last_name FROM mentoring_session_person l JOIN person p "
          "ON p.id = l.person_id WHERE l.deleted_at IS NULL AND l.mentoring_session_id IN ({marks})"))


def _raw_page(db: sqlite3.Connection, where: str, params: list, offset: int = 0, limit: int = 200):
    def run():
        rows = db.execute(_PAGE.format(where=where, limit=limit, offset=offset), params).fetchall()
        ids = [row[0] for row in rows]
        for sql in _NAMES:
            db.execute(sql.format(marks=",".join("?" * len(ids))), ids).fetchall()
    return run


def _raw_count(db: sqlite3.Connection, where: str, params: list, join: str = ""):
    sql = f"SELECT count(*), sum({_MIN}) FROM mentoring_session s {join} WHERE {where}"
    return lambda: db.execute(sql, params).fetchone()


def _bounds(first: dt.date, last: dt.date) -> list[str]:
    starts, until = Period(first, last).utc_bounds()
    return [starts.strftime(STORED), until.strftime(STORED)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sociolab-bench-") as temporary:
        workspace = open_workspace(Path(temporary) / "data")
        try:
            start = time.perf_counter()
            tables = _fill(workspace, args.sessions, args.seed)
            print(f"filled in {time.perf_counter() - start:.1f} s: "
                  + ", ".join(f"{len(rows)} {model.__tablename__}" for model, rows in tables.items()))
            _run(workspace, tables, args.repeat)
        finally:
            workspace.close()


def _run(workspace: Workspace, tables: dict, repeat: int) -> None:
    store, db = workspace.store, sqlite3.connect(workspace.paths.database)
    mentor = tables[StaffUser][0]["id"]
    organisation = tables[MentoringSession][0]["organisation_id"] or tables[Organisation][0]["id"]
    march, project = Period.month(dt.date(2021, 3, 1)), Period(dt.date(2018, 4, 1), dt.date(2021, 12, 31))
    year = Period.year(2020)
    mine = ("JOIN mentoring_session_mentor m ON m.mentoring_session_id = s.id AND m.staff_id = ? "
            "AND m.deleted_at IS NULL")
    raw_mine_page = ("s.id IN (SELECT mentoring_session_id FROM mentoring_session_mentor WHERE staff_id = ? "
                     "AND deleted_at IS NULL) AND " + _LIVE + " AND s.starts_at >= ? AND s.starts_at < ?")
    # What a programmer would write for the same answers, with the same scan hint as the service
    # (months grouped by UTC month here: close, not exact, and no cheaper to get right in SQL).
    hours_sql = ((f"SELECT s.organisation_id, count(*), sum({_MIN}), sum({_Q}) FROM mentoring_session s "
                 f"WHERE {_LONG} GROUP BY s.organisation_id"),
                 (f"SELECT m.staff_id, count(*), sum({_MIN}), sum({_Q}) FROM mentoring_session_mentor m CROSS JOIN "
                 f"mentoring_session s ON s.id = m.mentoring_session_id WHERE m.deleted_at IS NULL AND {_LONG} "
                 "GROUP BY +m.staff_id"),
                 (f"SELECT strftime('%Y-%m', s.starts_at), count(*), sum({_MIN}), sum({_Q}) FROM mentoring_session s "
                 f"WHERE {_LONG} GROUP BY 1"))
    probe = sessions.SessionInput(session_date=dt.date(2021, 3, 15), starts=dt.time(9), ends=dt.time(10),
                                  mode="online", mentor_ids=[mentor], organisation_id=organisation,
                                  topics=["financing"], summary="x")
    total = listing.count_sessions(store).sessions
    cases = [
        ("count all", lambda: listing.count_sessions(store), _raw_count(db, _LIVE, [])),
        ("first page of all (200)", lambda: listing.list_sessions(store), _raw_page(db, _LIVE, [])),
        ("page at the middle", lambda: listing.list_sessions(store, offset=total // 2),
         _raw_page(db, _LIVE, [], offset=total // 2)),
        ("count, one mentor", lambda: listing.count_sessions(store, listing.SessionFilter(mentor_id=mentor)),
         _raw_count(db, _LIVE, [mentor], mine)),
        ("page, one mentor", lambda: listing.list_sessions(store, listing.SessionFilter(mentor_id=mentor)),
         _raw_page(db, f"s.id IN (SELECT mentoring_session_id FROM mentoring_session_mentor WHERE staff_id = ? "
                       f"AND deleted_at IS NULL) AND {_LIVE}", [mentor])),
        ("count, one organisation", lambda: listing.count_sessions(
            store, listing.SessionFilter(organisation_id=organisation)),
         _raw_count(db, f"{_LIVE} AND s.organisation_id = ?", [organisation])),
        ("count, month + topic", lambda: listing.count_sessions(store, listing.SessionFilter(
            date_from=march.first, date_to=march.last, topic="marketing")),
         _raw_count(db, f"{_LIVE} AND s.starts_at >= ? AND s.starts_at < ? AND instr(s.topics, ?) > 0",
                    [*_bounds(march.first, march.last), json.dumps("marketing")])),
        ("count, topic only", lambda: listing.count_sessions(store, listing.SessionFilter(topic="marketing")),
         _raw_count(db, f"{_LIVE} AND instr(s.topics, ?) > 0", [json.dumps("marketing")])),
        ("my sessions, a month", lambda: listing.my_sessions(store, mentor, march),
         _raw_page(db, raw_mine_page, [mentor, *_bounds(march.first, march.last)], limit=-1)),
        ("my sessions, a year", lambda: listing.my_sessions(store, mentor, year),
         _raw_page(db, raw_mine_page, [mentor, *_bounds(year.first, year.last)], limit=-1)),
        ("organisations supported, 2020", lambda: counting.organisations_supported(store, year),
         lambda: db.execute("SELECT DISTINCT s.organisation_id FROM mentoring_session s JOIN organisation o ON "
                            f"o.id = s.organisation_id AND o.deleted_at IS NULL WHERE {_LONG}",
                            _bounds(year.first, year.last)).fetchall()),
        ("mentoring hours, 2020", lambda: counting.mentoring_hours(store, year),
         lambda: [db.execute(sql, _bounds(year.first, year.last)).fetchall() for sql in hours_sql]),
        ("mentoring hours, whole project", lambda: counting.mentoring_hours(store, project),
         lambda: [db.execute(sql, _bounds(project.first, project.last)).fetchall() for sql in hours_sql]),
        ("mentoring hours, a month", lambda: counting.mentoring_hours(store, march),
         lambda: [db.execute(sql.replace("+s.", "s."), _bounds(march.first, march.last)).fetchall()
                  for sql in hours_sql]),
        ("persons coached, whole project", lambda: counting.persons_coached(store, project),
         lambda: db.execute("SELECT count(DISTINCT l.person_id) FROM mentoring_session_person l CROSS JOIN "
                            "mentoring_session s ON s.id = l.mentoring_session_id "
                            f"WHERE l.deleted_at IS NULL AND {_LONG}", _bounds(project.first, project.last)).fetchone()),
        ("jobs, whole project", lambda: counting.jobs_created_or_retained(store, project),
         lambda: db.execute("SELECT kind, count(*) FROM job WHERE deleted_at IS NULL AND occurred_on BETWEEN ? AND ? "
                            "GROUP BY kind", [project.first.isoformat(), project.last.isoformat()]).fetchall()),
        ("products, whole project", lambda: counting.products_developed(store, project),
         lambda: db.execute("SELECT count(*) FROM product WHERE deleted_at IS NULL AND developed_on BETWEEN ? AND ?",
                            [project.first.isoformat(), project.last.isoformat()]).fetchone()),
        ("check a new session (overlaps)", lambda: sessions.check_session(store, probe, now=dt.datetime(2021, 6, 1)),
         lambda: db.execute("SELECT s.id FROM mentoring_session s JOIN mentoring_session_mentor m ON "
                            "m.mentoring_session_id = s.id WHERE m.staff_id = ? AND s.starts_at < ? AND s.ends_at > ?",
                            [mentor, "2021-03-15 09:00:00", "2021-03-15 08:00:00"]).fetchall()),
    ]
    print(f"\n{'query':34} {'service':>9} {'sqlite3':>9} {'ratio':>6}   (ms, median of {repeat})")
    for label, service, raw in cases:
        service_ms, raw_ms = _median_ms(service, repeat), _median_ms(raw, repeat)
        print(f"{label:34} {service_ms:9.1f} {raw_ms:9.1f} {service_ms / raw_ms:6.1f}")
    db.close()


if __name__ == "__main__":
    main()
