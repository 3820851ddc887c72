"""The door's view of one session: registrations found as staff type (accents ignored) or by the
code a scanner types, each with whether the person is in the room already, and live counters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.services.events.codes import code_candidates
from sociolab_desktop.core.services.events.lookup import affiliations, live_event_session, local_time
from sociolab_desktop.core.services.events.registrations import REGISTERED, WAITING
from sociolab_desktop.core.services.records import word_prefix_filter
from sociolab_desktop.core.store.models import Attendance, Person, Registration
from sociolab_desktop.core.store.unit_of_work import Store

ROSTER_LIMIT = 50  # what a search field's list shows; a scanner's code finds its one person anyway


@dataclass(frozen=True)
class RosterEntry:
    """One registration as the check-in window lists it. `checked_in_at` (naive UTC) is set when
    the person is checked in for this session."""

    registration_id: str
    person_id: str
    first_name: str
    last_name: str
    code: str
    status: str
    affiliation: str
    checked_in_at: dt.datetime | None
    is_walk_in: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_present(self) -> bool:
        return self.checked_in_at is not None

    @property
    def checked_in_local(self) -> dt.datetime | None:
        """The check-in time in this PC's time zone (aware), for showing it."""
        return local_time(self.checked_in_at)


@dataclass(frozen=True)
class CheckInCounters:
    """`registered`: persons registered in advance (walk-ins of this session not among them);
    `present`: checked in for this session, walk-ins included; `walk_ins`: of those, who came
    without registering; `waiting`: still on the waiting list."""

    registered: int
    present: int
    walk_ins: int
    waiting: int
    capacity: int | None

    @property
    def registered_present(self) -> int:
        return self.present - self.walk_ins

    @property
    def not_arrived(self) -> int:
        return max(0, self.registered - self.registered_present)


def _entries_query(event_id: str, session_id: str):
    attendance = and_(Attendance.event_session_id == session_id, Attendance.person_id == Registration.person_id,
                      Attendance.deleted_at.is_(None))
    status_rank = case((Registration.status == REGISTERED, 0), (Registration.status == WAITING, 1), else_=2)
    return (select(Registration, Person, Attendance.checked_in_at, Attendance.is_walk_in)
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Attendance, attendance)
            .where(Registration.event_id == event_id, Registration.deleted_at.is_(None), Person.deleted_at.is_(None),
                   Person.erased_at.is_(None))
            .order_by(status_rank, Person.sort_key, Person.id))


def _entries(session: Session, rows) -> list[RosterEntry]:
    rows = list(rows)
    places = affiliations(session, [person for _registration, person, _at, _walk_in in rows])
    return [RosterEntry(registration.id, person.id, person.first_name, person.last_name, registration.code,
                        registration.status, places.get(person.id, ""), at, bool(walk_in))
            for registration, person, at, walk_in in rows]


def code_matches(session: Session, event_id: str, session_id: str, typed: str) -> list[RosterEntry]:
    """Registrations of the event whose code `typed` is (as typed, or with a scanner's Y/Z swap)."""
    candidates = code_candidates(typed)
    if not candidates:
        return []
    for code in candidates:  # the code as typed wins over its Y/Z-swapped reading
        rows = session.execute(_entries_query(event_id, session_id).where(Registration.code == code)).all()
        if rows:
            return _entries(session, rows)
    return []


def search_roster(store: Store, session_id: str, typed: str | None, *, limit: int | None = ROSTER_LIMIT
                  ) -> list[RosterEntry]:
    """What the check-in window lists for `typed`: the registration whose code it is, else the
    event's registrations whose name, e-mail or phone has words starting with the typed words
    ("ceh" finds "Čeh"), registered persons first, then waiting, then cancelled, each by surname
    in Slovenian order. Empty `typed`: everyone."""
    with store.reader() as session:
        event_session, event = live_event_session(session, session_id)
        found = code_matches(session, event.id, event_session.id, typed or "")
        if found:
            return found
        query = _entries_query(event.id, event_session.id)
        condition = word_prefix_filter(Person.search_text, typed or "")
        if condition is not None:
            query = query.where(condition)
        if limit is not None:
            query = query.limit(limit)
        return _entries(session, session.execute(query).all())


def session_counters(store: Store, session_id: str) -> CheckInCounters:
    with store.reader() as session:
        event_session, event = live_event_session(session, session_id)
        return counters(session, event.id, event_session.id, event.capacity)


def counters(session: Session, event_id: str, session_id: str, capacity: int | None) -> CheckInCounters:
    live_attendance = (select(Attendance.person_id, Attendance.is_walk_in)
                       .join(Person, Person.id == Attendance.person_id)
                       .where(Attendance.event_session_id == session_id, Attendance.deleted_at.is_(None),
                              Person.deleted_at.is_(None)).subquery())
    present, walk_ins = session.execute(
        select(func.count(), func.coalesce(func.sum(case((live_attendance.c.is_walk_in, 1), else_=0)), 0))
        .select_from(live_attendance)).one()
    walk_in_here = select(live_attendance.c.person_id).where(live_attendance.c.is_walk_in).scalar_subquery()
    by_status = dict(session.execute(
        select(Registration.status, func.count()).join(Person, Person.id == Registration.person_id)
        .where(Registration.event_id == event_id, Registration.deleted_at.is_(None), Person.deleted_at.is_(None),
               Registration.status.in_([REGISTERED, WAITING]),
               ~((Registration.status == REGISTERED) & Registration.person_id.in_(walk_in_here)))
        .group_by(Registration.status)).all())
    return CheckInCounters(registered=by_status.get(REGISTERED, 0), present=present, walk_ins=walk_ins,
                           waiting=by_status.get(WAITING, 0), capacity=capacity)

