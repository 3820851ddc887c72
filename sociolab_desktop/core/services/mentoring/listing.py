"""The session lists: "my sessions" (one mentor's, with totals by week and month) and all
sessions with filters, paged and counted without loading them all.

A session belongs to a day by its Slovenian start date (time_rules). Deleted sessions are never
listed or counted; a session with two mentors is one line (and one session in the totals) in any
list, and appears in each mentor's "my sessions".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import DateTime, and_, exists, func, literal_column, select

from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.services.mentoring.lookup import (
    LONG_PERIOD_DAYS,
    mentors_of,
    minutes_column,
    persons_of,
    quarters_column,
)
from sociolab_desktop.core.services.mentoring.time_rules import (
    Period,
    funder_hours,
    quarters,
    quarters_to_hours,
    utc_bounds,
)
from sociolab_desktop.core.store.models import (
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    Organisation,
)
from sociolab_desktop.core.store.unit_of_work import Store

PAGE_SIZE = 200
_TOPIC_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz_")


@dataclass(frozen=True)
class SessionFilter:
    """Exact filters of the session list (None: any). Dates are Slovenian and inclusive."""

    mentor_id: str | None = None
    organisation_id: str | None = None
    person_id: str | None = None
    site_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    topic: str | None = None


@dataclass(frozen=True)
class SessionRow:
    """One line of a session list; names are in the order the record prints them."""

    id: str
    session_date: dt.date
    starts: dt.time
    ends: dt.time
    minutes: int
    hours: float
    mode: str
    topics: tuple[str, ...]
    organisation_id: str | None
    organisation_name: str | None
    person_names: tuple[str, ...]
    mentor_names: tuple[str, ...]
    site_id: str | None


@dataclass(frozen=True)
class SessionTotals:
    """`hours` as the funder counts them: the sum of each session's rounded hours."""

    sessions: int
    minutes: int
    hours: float


@dataclass(frozen=True)
class PeriodTotal:
    period: Period
    sessions: int
    minutes: int
    hours: float


@dataclass(frozen=True)
class MySessions:
    """A mentor's sessions in a period, newest first, with totals per week (Monday to Sunday)
    and per calendar month, oldest first, only for weeks and months that have sessions."""

    period: Period
    rows: tuple[SessionRow, ...]
    weeks: tuple[PeriodTotal, ...]
    months: tuple[PeriodTotal, ...]
    total: SessionTotals


def _conditions(flt: SessionFilter) -> list:
    table = MentoringSession
    conditions = [table.deleted_at.is_(None)]
    starts, until = utc_bounds(flt.date_from, flt.date_to)
    column = table.starts_at
    if starts is None or until is None or (until - starts).days >= LONG_PERIOD_DAYS:
        # Many rows: reading the table in order beats fetching each through the index.
        column = literal_column("+mentoring_session.starts_at", DateTime())
    if starts is not None:
        conditions.append(column >= starts)
    if until is not None:
        conditions.append(column < until)
    if flt.organisation_id:
        conditions.append(table.organisation_id == flt.organisation_id)
    if flt.site_id:
        conditions.append(table.site_id == flt.site_id)
    if flt.person_id:
        conditions.append(exists().where(
            MentoringSessionPerson.mentoring_session_id == table.id,
            MentoringSessionPerson.person_id == flt.person_id, MentoringSessionPerson.deleted_at.is_(None)))
    if flt.topic:
        # Topics are stored as a JSON list of enum values: the quoted value occurs only as a whole.
        topic = flt.topic if set(flt.topic) <= _TOPIC_CHARACTERS else "\0"
        conditions.append(func.instr(table.topics, f'"{topic}"') > 0)
    return conditions


def _select(flt: SessionFilter, *columns):
    query = select(*columns).select_from(MentoringSession)
    if flt.mentor_id:
        # Joined from the mentor's links (indexed), rather than tested for every session.
        query = query.join(MentoringSessionMentor, and_(
            MentoringSessionMentor.mentoring_session_id == MentoringSession.id,
            MentoringSessionMentor.staff_id == flt.mentor_id, MentoringSessionMentor.deleted_at.is_(None)))
    return query.where(*_conditions(flt))


def count_sessions(store: Store, flt: SessionFilter = SessionFilter()) -> SessionTotals:
    query = _select(flt, func.count(), func.coalesce(func.sum(minutes_column()), 0),
                    func.coalesce(func.sum(quarters_column()), 0))
    with store.reader() as session:
        count, minutes, counted = session.execute(query).one()
    return SessionTotals(count, int(minutes), quarters_to_hours(int(counted)))


def _rows(session, query) -> list[SessionRow]:
    found = session.execute(query).all()
    ids = [row.id for row in found]
    mentors, persons = mentors_of(session, ids), persons_of(session, ids)
    rows = []
    for row in found:
        starts, ends = to_local(row.starts_at), to_local(row.ends_at)
        minutes = round((row.ends_at - row.starts_at).total_seconds() / 60)
        rows.append(SessionRow(
            id=row.id, session_date=starts.date(), starts=starts.time(), ends=ends.time(), minutes=minutes,
            hours=funder_hours(minutes), mode=row.mode, topics=tuple(row.topics or ()),
            organisation_id=row.organisation_id, organisation_name=row.name,
            person_names=tuple(name for _, name in persons[row.id]),
            mentor_names=tuple(name for _, name in mentors[row.id]), site_id=row.site_id))
    return rows


def _page_query(flt: SessionFilter):
    table = MentoringSession
    return (_select(flt, table.id, table.starts_at, table.ends_at, table.mode, table.topics,
                    table.organisation_id, table.site_id, Organisation.name)
            .outerjoin(Organisation, Organisation.id == table.organisation_id)
            .order_by(table.starts_at.desc(), table.id.desc()))


def list_sessions(store: Store, flt: SessionFilter = SessionFilter(), *, offset: int = 0,
                  limit: int = PAGE_SIZE) -> list[SessionRow]:
    """One page of sessions, newest first (ties by key, so pages never overlap)."""
    with store.reader() as session:
        return _rows(session, _page_query(flt).offset(max(0, offset)).limit(max(0, limit)))


def totals_by(rows: Iterable[SessionRow], unit: str) -> list[PeriodTotal]:
    """Totals per "week" or "month" of the rows' dates, oldest first."""
    make = {"week": Period.week, "month": Period.month}[unit]
    groups: dict[Period, list[SessionRow]] = {}
    for row in rows:
        groups.setdefault(make(row.session_date), []).append(row)
    return [PeriodTotal(period, len(members), sum(row.minutes for row in members),
                        quarters_to_hours(sum(quarters(row.minutes) for row in members)))
            for period, members in sorted(groups.items(), key=lambda item: item[0].first)]


def my_sessions(store: Store, mentor_id: str, period: Period) -> MySessions:
    """Every session of the mentor in the period (a mentor's month or year is a few hundred at
    most, so they are not paged)."""
    flt = SessionFilter(mentor_id=mentor_id, date_from=period.first, date_to=period.last)
    with store.reader() as session:
        rows = _rows(session, _page_query(flt))
    total = SessionTotals(len(rows), sum(row.minutes for row in rows),
                          quarters_to_hours(sum(quarters(row.minutes) for row in rows)))
    return MySessions(period, tuple(rows), tuple(totals_by(rows, "week")), tuple(totals_by(rows, "month")), total)
