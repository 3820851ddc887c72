"""The indicator counts on crafted data whose answers were worked out by hand (see each assert).

Period: the first quarter of 2021. Mentors: M1 Mojca Žagar, M2 Ćiril Đokić.
Counted sessions (minutes → quarters): 1 A 1 Jan 08:00-09:00 M1 (60 → 4); 2 A 10 Feb 09:00-10:30
M1+M2 (90 → 6); 3 A 31 Mar 22:00-23:00 M1 (60 → 4); 4 B 10 Mar 10:00-10:50 M2 (50 → 3); 5 D 1 Feb
M1 (60 → 4; D is deleted later); 6 persons only 15 Jan 09:00-09:25 M2 (25 → 2); 7 persons only
20 Feb 09:00-09:08 M1 (8 → 1). Not counted: A 31 Dec 2020 23:00, A 1 Apr 2021 00:30 (still 31 March
in UTC), B 11 Mar (deleted).
"""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import attendance_key
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.services.mentoring import counting
from sociolab_desktop.core.services.mentoring import sessions as s
from sociolab_desktop.core.services.mentoring.time_rules import Period
from sociolab_desktop.core.store.models import (
    Attendance,
    Event,
    EventSession,
    Job,
    Person,
    PersonOrganisationRole,
    Product,
    utc_now,
)

Q1 = Period(dt.date(2021, 1, 1), dt.date(2021, 3, 31))
LATER = dt.datetime(2021, 6, 1, 10)


@pytest.fixture
def world(mentoring):
    m = mentoring
    m1, m2 = m.mentor_id, m.second_mentor_id
    ids = {name: m.organisation(name) for name in ("A Zadruga Đurđevka", "B Čebelica", "C Šola", "D Žaga",
                                                   "F Ćevapi")}
    a, b, d = ids["A Zadruga Đurđevka"], ids["B Čebelica"], ids["D Žaga"]
    p1, p2, p4, p5, p6 = (m.person(first) for first in ("Ana", "Ana2", "Bojan", "Cvetka", "Bojan2"))

    def session(day, starts, ends, **fields):
        return m.session(session_date=day, starts=starts, ends=ends, now=LATER, **fields)

    session(dt.date(2021, 1, 1), dt.time(8), dt.time(9), organisation_id=a, person_ids=[p5])
    session(dt.date(2021, 2, 10), dt.time(9), dt.time(10, 30), organisation_id=a, mentor_ids=[m1, m2],
            person_ids=[p4])
    session(dt.date(2021, 3, 31), dt.time(22), dt.time(23), organisation_id=a)
    session(dt.date(2021, 3, 10), dt.time(10), dt.time(10, 50), organisation_id=b, mentor_ids=[m2])
    session(dt.date(2021, 2, 1), dt.time(9), dt.time(10), organisation_id=d)
    session(dt.date(2021, 1, 15), dt.time(9), dt.time(9, 25), person_ids=[p1], mentor_ids=[m2])
    session(dt.date(2021, 2, 20), dt.time(9), dt.time(9, 8), person_ids=[p2])
    session(dt.date(2020, 12, 31), dt.time(23), dt.time(23, 30), organisation_id=a)
    session(dt.date(2021, 4, 1), dt.time(0, 30), dt.time(1, 30), organisation_id=a)
    gone = session(dt.date(2021, 3, 11), dt.time(9), dt.time(11), organisation_id=b, mentor_ids=[m2])
    s.delete_session(m.store, m.actor, gone.id)
    org.delete_organisation(m.store, m.actor, d)
    with m.store.unit_of_work(m.actor) as db:
        db.get(Person, p5).deleted_at = utc_now()
    _training(m, ids, p4)
    _jobs_and_products(m, ids, p4, p6)
    person_operations.merge_persons(m.store, m.actor, p1, p2)
    person_operations.merge_persons(m.store, m.actor, p4, p6)
    return m, ids


def _training(m, ids, p4):
    """F's employee attends a workshop, A's person a training programme, B's a fair (not training),
    C's former employee a workshop after leaving C; one attendance is deleted."""
    f_person, b_person, c_person, x_person = (m.person(first) for first in ("Franc", "Berta", "Cene", "Xaver"))
    with m.store.unit_of_work(m.actor) as db:
        roles = [(f_person, "F Ćevapi", None, None), (p4, "A Zadruga Đurđevka", dt.date(2020, 1, 1), None),
                 (b_person, "B Čebelica", None, None), (c_person, "C Šola", None, dt.date(2020, 12, 31)),
                 (x_person, "C Šola", None, None)]
        for person_id, name, since, until in roles:
            db.add(PersonOrganisationRole(person_id=person_id, organisation_id=ids[name], role="employee",
                                          since=since, until=until))
        for event_type, day, people, deleted in (
                ("workshop", dt.date(2021, 2, 5), [f_person], False),
                ("training_programme", dt.date(2021, 3, 1), [p4], False),
                ("fair", dt.date(2021, 3, 2), [b_person], False),
                ("workshop", dt.date(2021, 1, 10), [c_person], False),
                ("workshop", dt.date(2021, 1, 11), [x_person], True)):
            event = Event(event_type=event_type, title_sl="Delavnica")
            db.add(event)
            db.flush()
            part = EventSession(event_id=event.id, session_date=day, starts_at=dt.time(9), ends_at=dt.time(12),
                                hours=3)
            db.add(part)
            db.flush()
            for person_id in people:
                db.add(Attendance(id=attendance_key(part.id, person_id), event_session_id=part.id,
                                  person_id=person_id, checked_in_at=dt.datetime.combine(day, dt.time(8)),
                                  deleted_at=utc_now() if deleted else None))


def _jobs_and_products(m, ids, p4, p6):
    a, b, d = ids["A Zadruga Đurđevka"], ids["B Čebelica"], ids["D Žaga"]
    jobs = [  # J2 is J1 recorded again for a duplicate of the same person (merged afterwards)
        (a, p4, "created", dt.date(2021, 2, 15), True, False), (a, p6, "created", dt.date(2021, 3, 1), False, False),
        (a, p4, "retained", dt.date(2021, 1, 1), False, False), (b, None, "created", dt.date(2021, 3, 31), False, False),
        (b, None, "created", dt.date(2021, 3, 31), False, False), (b, None, "created", dt.date(2021, 3, 5), True, True),
        (d, None, "created", dt.date(2021, 2, 1), False, False), (a, None, "created", dt.date(2021, 4, 1), True, False),
    ]
    products = [(a, "Košarica", dt.date(2021, 1, 10), "idea", False), (a, "KOSARICA ", dt.date(2021, 3, 1), "pilot", False),
                (b, "Košarica", dt.date(2021, 2, 1), "on_market", False), (b, "Izbrisan", dt.date(2021, 2, 2), "idea", True),
                (d, "Žagovina", dt.date(2021, 2, 1), "idea", False), (a, "Lani", dt.date(2020, 12, 31), "idea", False)]
    with m.store.unit_of_work(m.actor) as db:
        for organisation_id, person_id, kind, day, vulnerable, deleted in jobs:
            db.add(Job(organisation_id=organisation_id, person_id=person_id, kind=kind, contract_type="permanent",
                       is_vulnerable_group=vulnerable, occurred_on=day, deleted_at=utc_now() if deleted else None))
        for organisation_id, name, day, stage, deleted in products:
            db.add(Product(organisation_id=organisation_id, name=name.strip(), developed_on=day, stage=stage,
                           deleted_at=utc_now() if deleted else None))


def test_organisations_with_a_session_in_the_period_count_once_each(world):
    m, ids = world
    result = counting.organisations_supported(m.store, Q1)
    # A (3 sessions) and B; D is deleted; person-only sessions count for no organisation.
    assert result.mentored == {ids["A Zadruga Đurđevka"], ids["B Čebelica"]} and result.count == 2
    # Trained: F (workshop) and A (training programme); not B (a fair), not C (the role had ended,
    # and the other attendance is deleted).
    assert result.trained == {ids["F Ćevapi"], ids["A Zadruga Đurđevka"]}
    assert result.trained_and_mentored == {ids["A Zadruga Đurđevka"]}


def test_period_edges_are_inclusive_slovenian_days(world):
    m, ids = world
    assert counting.organisations_supported(m.store, Period(dt.date(2021, 3, 31), dt.date(2021, 3, 31))).mentored == {
        ids["A Zadruga Đurđevka"]}
    april_first = counting.mentoring_hours(m.store, Period(dt.date(2021, 4, 1), dt.date(2021, 4, 1)))
    assert (april_first.sessions, april_first.hours) == (1, 1.0)
    assert counting.mentoring_hours(m.store, Period(dt.date(2020, 12, 31), dt.date(2020, 12, 31))).minutes == 30


def test_mentoring_hours_by_mentor_organisation_and_month(world):
    m, _ = world
    hours = counting.mentoring_hours(m.store, Q1)
    assert (hours.sessions, hours.minutes, hours.hours, hours.mentor_hours) == (7, 353, 6.0, 7.5)
    assert [(line.name, line.sessions, line.hours) for line in hours.by_mentor] == [
        ("Ćiril Đokić", 3, 2.75), ("Mojca Žagar", 5, 4.75)]  # Slovenian order: Ć after C, before M
    assert [(line.name, line.sessions, line.minutes, line.hours) for line in hours.by_organisation] == [
        ("A Zadruga Đurđevka", 3, 210, 3.5), ("B Čebelica", 1, 50, 0.75), ("D Žaga", 1, 60, 1.0), (None, 2, 33, 0.75)]
    assert [(month.month.first.month, month.sessions, month.minutes, month.hours, month.mentor_hours)
            for month in hours.by_month] == [(1, 2, 85, 1.5, 1.5), (2, 3, 158, 2.75, 4.25), (3, 2, 110, 1.75, 1.75)]
    # A month is read through the start-time index, a quarter by a scan: the same answer.
    march = counting.mentoring_hours(m.store, Period.month(dt.date(2021, 3, 1)))
    assert (march.sessions, march.minutes, march.hours, march.mentor_hours) == (2, 110, 1.75, 1.75)
    assert [(line.name, line.hours) for line in march.by_mentor] == [("Ćiril Đokić", 0.75), ("Mojca Žagar", 1.0)]


def test_persons_coached_count_merged_persons_once_and_not_deleted_ones(world):
    m, _ = world
    assert counting.persons_coached(m.store, Q1) == 2  # Ana (and her duplicate), Bojan; Cvetka is deleted
    assert counting.persons_coached(m.store, Period.month(dt.date(2021, 2, 1))) == 2  # Bojan; Ana's duplicate
    assert counting.persons_coached(m.store, Period.month(dt.date(2021, 3, 1))) == 0


def test_jobs_count_one_persons_job_once_and_skip_deleted_ones(world):
    m, _ = world
    jobs = counting.jobs_created_or_retained(m.store, Q1)
    # Created: A/Bojan (two records, one person after the merge) + B's two without a person.
    assert (jobs.created, jobs.retained, jobs.total, jobs.vulnerable) == (3, 1, 4, 1)


def test_products_count_once_per_organisation_and_name_at_the_latest_stage(world):
    m, _ = world
    products = counting.products_developed(m.store, Q1)
    assert (products.total, products.by_stage) == (2, {"pilot": 1, "on_market": 1})


def test_an_empty_period_counts_nothing(world):
    m, _ = world
    quiet = Period(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert counting.organisations_supported(m.store, quiet).count == 0
    hours = counting.mentoring_hours(m.store, quiet)
    assert (hours.sessions, hours.hours, hours.by_mentor, hours.by_month) == (0, 0, (), ())
    assert counting.jobs_created_or_retained(m.store, quiet).total == 0
    assert counting.products_developed(m.store, quiet).total == 0
