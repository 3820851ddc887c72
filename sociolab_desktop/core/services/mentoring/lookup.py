"""Lookups the mentoring services share: live sessions and mentors, names, when support started,
and the SQL that computes a session's minutes and counted quarter hours."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.domain.text import slovenian_sort_key
from sociolab_desktop.core.store.models import (
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    Person,
    ProgrammeEnrolment,
    StaffUser,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

# Minutes and counted quarters of a session in SQL; the same rule as time_rules.quarters
# (integer division: whole minutes never tie). `{t}` is the table or its alias.
MINUTES_SQL = "CAST(round((julianday({t}.ends_at) - julianday({t}.starts_at)) * 1440) AS INTEGER)"
QUARTERS_SQL = "((max(0, " + MINUTES_SQL + ") + 7) / 15)"
# From this many days on, a period's sessions are read by scanning the table rather than through
# the start-time index: with 100 000 sessions fetching each row through the index took up to 8×
# as long as reading the table in order (benches/bench_mentoring.py). A unary + keeps SQLite off it.
LONG_PERIOD_DAYS = 62


def minutes_column(table: str = "mentoring_session"):
    return literal_column(MINUTES_SQL.format(t=table))


def quarters_column(table: str = "mentoring_session"):
    return literal_column(QUARTERS_SQL.format(t=table))


def live_session(session: Session, session_id: str) -> MentoringSession:
    row = session.get(MentoringSession, session_id) if session_id else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The mentoring session was not found; the list may be out of date. "
                           "Refresh it and try again."))
    return row


def person_name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def mentors_of(session: Session, session_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Session → [(staff id, name)] of its live mentor links, in Slovenian alphabetical order."""
    result: dict[str, list[tuple[str, str]]] = {key: [] for key in session_ids}
    if not session_ids:
        return result
    rows = session.execute(
        select(MentoringSessionMentor.mentoring_session_id, StaffUser.id, StaffUser.display_name)
        .join(StaffUser, StaffUser.id == MentoringSessionMentor.staff_id)
        .where(MentoringSessionMentor.mentoring_session_id.in_(session_ids),
               MentoringSessionMentor.deleted_at.is_(None)))
    keys: dict[str, str] = {}  # a page names the same few mentors hundreds of times

    def order(row) -> tuple[str, str]:
        if row[2] not in keys:
            keys[row[2]] = slovenian_sort_key(row[2])
        return keys[row[2]], row[1]

    for session_id, staff_id, name in sorted(rows, key=order):
        result[session_id].append((staff_id, name))
    return result


def persons_of(session: Session, session_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Session → [(person id, name)] of its live coached persons, by sort key."""
    result: dict[str, list[tuple[str, str]]] = {key: [] for key in session_ids}
    if not session_ids:
        return result
    rows = session.execute(
        select(MentoringSessionPerson.mentoring_session_id, Person.id, Person.first_name, Person.last_name)
        .join(Person, Person.id == MentoringSessionPerson.person_id)
        .where(MentoringSessionPerson.mentoring_session_id.in_(session_ids),
               MentoringSessionPerson.deleted_at.is_(None))
        .order_by(Person.sort_key, Person.id))
    for session_id, person_id, first, last in rows:
        result[session_id].append((person_id, person_name(first, last)))
    return result


def first_session_on(session: Session, organisation_id: str) -> dt.date | None:
    first = session.scalar(select(func.min(MentoringSession.starts_at)).where(
        MentoringSession.organisation_id == organisation_id, MentoringSession.deleted_at.is_(None)))
    return to_local(_moment(first)).date() if first else None


def support_started_on(session: Session, organisation_id: str) -> dt.date | None:
    """The first day the organisation was supported: its first mentoring session or the start
    of its support programme enrolment, whichever came first (None: no support recorded)."""
    enrolled = session.scalar(select(func.min(ProgrammeEnrolment.started_on)).where(
        ProgrammeEnrolment.organisation_id == organisation_id, ProgrammeEnrolment.deleted_at.is_(None)))
    enrolled = dt.date.fromisoformat(enrolled) if isinstance(enrolled, str) else enrolled
    days = [day for day in (first_session_on(session, organisation_id), enrolled) if day]
    return min(days) if days else None


def _moment(value) -> dt.datetime:
    """Aggregates (min, max) come back from SQLite as text, not as datetime."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value
