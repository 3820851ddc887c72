"""The counts the indicators report for a period (Slovenian dates, both ends included).

Definitions (decisions, so that every PC and every report gives the same number):
- A session counts when it is not deleted and its Slovenian start date lies in the period.
- Organisations given training and mentoring (indicator, target ≥ 30): organisations, not
  deleted, named on at least one counted session. An organisation with three sessions counts
  once. Training alone does not make an organisation count (the indicator says "and mentoring"),
  and a session that names only persons counts for no organisation (the mentor coached them as
  individuals). `trained` says which organisations also had training in the period: one of their
  people (a role valid on that day) attended a session of a training programme or workshop.
- Mentoring hours (time_rules): each session's rounded hours. By organisation and by month a
  session counts once; by mentor each of its mentors is credited the whole session (both were
  there and both sign the record); `mentor_hours` is that sum over all mentors.
- Persons coached: distinct persons (after merges, not deleted) on counted sessions.
- Jobs created or retained (target ≥ 40): jobs not deleted, of organisations not deleted, dated in
  the period. The same person's job of one kind in one organisation counts once (two offices may
  have recorded it for what turned out to be one person); jobs without a person count each.
- Socially innovative products (target ≥ 30): products not deleted, of organisations not
  deleted, dated in the period; one organisation's products with the same name (ignoring case
  and accents) are one product, reported at its latest stage.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import text

from sociolab_desktop.core.domain.enums import EventType, JobKind
from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.domain.text import fold, slovenian_sort_key
from sociolab_desktop.core.services.mentoring.lookup import (
    LONG_PERIOD_DAYS,
    MINUTES_SQL,
)
from sociolab_desktop.core.services.mentoring.time_rules import (
    Period,
    quarters,
    quarters_to_hours,
)
from sociolab_desktop.core.store.unit_of_work import Store

TRAINING_EVENT_TYPES = (EventType.TRAINING_PROGRAMME.value, EventType.WORKSHOP.value)
_STORED = "%Y-%m-%d %H:%M:%S.%f"
_MINUTES = MINUTES_SQL.format(t="s")


@dataclass(frozen=True)
class OrganisationsSupported:
    period: Period
    mentored: frozenset[str]  # organisation keys: the indicator counts these
    trained: frozenset[str]

    @property
    def count(self) -> int:
        return len(self.mentored)

    @property
    def trained_and_mentored(self) -> frozenset[str]:
        return self.mentored & self.trained


@dataclass(frozen=True)
class HoursLine:
    """`key` None in hours by organisation: sessions with persons only."""

    key: str | None
    name: str | None
    sessions: int
    minutes: int
    hours: float


@dataclass(frozen=True)
class MonthHours:
    month: Period
    sessions: int
    minutes: int
    hours: float
    mentor_hours: float


@dataclass(frozen=True)
class MentoringHours:
    period: Period
    sessions: int
    minutes: int
    hours: float
    mentor_hours: float
    by_mentor: tuple[HoursLine, ...]
    by_organisation: tuple[HoursLine, ...]
    by_month: tuple[MonthHours, ...]


@dataclass(frozen=True)
class JobCounts:
    period: Period
    created: int
    retained: int
    vulnerable: int  # of created + retained, jobs of members of vulnerable groups

    @property
    def total(self) -> int:
        return self.created + self.retained


@dataclass(frozen=True)
class ProductCounts:
    period: Period
    total: int
    by_stage: dict[str, int]


def _bounds(period: Period) -> dict:
    """As SQLAlchemy stores DateTime in SQLite, so that text comparison is time order."""
    starts, until = period.utc_bounds()
    return {"starts": starts.strftime(_STORED), "until": until.strftime(_STORED)}


def _long(period: Period) -> bool:
    return (period.last - period.first).days >= LONG_PERIOD_DAYS


def _counted(period: Period) -> str:
    """Sessions counted in the period (alias `s`); a long period is read by a scan (LONG_PERIOD_DAYS)."""
    column = "+s.starts_at" if _long(period) else "s.starts_at"
    return f"s.deleted_at IS NULL AND {column} >= :starts AND {column} < :until"


def _rows(store: Store, sql: str, params: dict) -> list:
    with store.reader() as session:
        return session.execute(text(sql), params).all()


def organisations_supported(store: Store, period: Period) -> OrganisationsSupported:
    mentored = _rows(store, "SELECT DISTINCT s.organisation_id FROM mentoring_session s "
                     "JOIN organisation o ON o.id = s.organisation_id AND o.deleted_at IS NULL "
                     f"WHERE s.organisation_id IS NOT NULL AND {_counted(period)}", _bounds(period))
    types = ", ".join(f"'{value}'" for value in TRAINING_EVENT_TYPES)
    trained = _rows(store, (
        "SELECT DISTINCT r.organisation_id FROM attendance a "
        "JOIN event_session es ON es.id = a.event_session_id AND es.deleted_at IS NULL "
        f"JOIN event e ON e.id = es.event_id AND e.deleted_at IS NULL AND e.event_type IN ({types}) "
        "JOIN person p ON p.id = a.person_id AND p.deleted_at IS NULL "
        "JOIN person_organisation_role r ON r.person_id = a.person_id AND r.deleted_at IS NULL "
        " AND (r.since IS NULL OR r.since <= es.session_date) AND (r.until IS NULL OR r.until >= es.session_date) "
        "JOIN organisation o ON o.id = r.organisation_id AND o.deleted_at IS NULL "
        "WHERE a.deleted_at IS NULL AND es.session_date >= :first AND es.session_date <= :last"),
        {"first": period.first.isoformat(), "last": period.last.isoformat()})
    return OrganisationsSupported(period, frozenset(row[0] for row in mentored), frozenset(row[0] for row in trained))


def _totals(lines: dict, names: dict[str, tuple[str, str]]) -> list[HoursLine]:
    """`lines`: key → [sessions, minutes, quarters, …]; `names`: key → (name, sort key)."""
    return [HoursLine(key, names.get(key, (None, ""))[0], total[0], total[1], quarters_to_hours(total[2]))
            for key, total in sorted(lines.items(), key=lambda item: (
                item[0] is None, names.get(item[0], (None, ""))[1], item[0] or ""))]


def _names(cursor, table: str, name: str, sort_key: str, keys) -> dict[str, tuple[str, str]]:
    keys, names = [key for key in keys if key], {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = cursor.execute(f"SELECT id, {name}, {sort_key} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                              chunk).fetchall()
        names.update((key, (value, order)) for key, value, order in rows)
    return names


def mentoring_hours(store: Store, period: Period) -> MentoringHours:
    """Two reads (the period's sessions, their mentor links), added up here: grouping the links
    in SQL fetches every session row through its key, several times slower with many sessions.
    Plain sqlite3 rows: building SQLAlchemy rows for 100 000 sessions costs more than the query."""
    params, counted = _bounds(period), _counted(period)
    links_sql = ("SELECT mentoring_session_id, staff_id FROM mentoring_session_mentor WHERE deleted_at IS NULL"
                 if _long(period) else
                 "SELECT l.mentoring_session_id, l.staff_id FROM mentoring_session s JOIN mentoring_session_mentor l "
                 f"ON l.mentoring_session_id = s.id AND l.deleted_at IS NULL WHERE {counted}")
    with store.reader() as session:
        cursor = session.connection().connection.cursor()
        sessions = cursor.execute(f"SELECT s.id, s.organisation_id, substr(s.starts_at, 1, 13), {_MINUTES} "
                                  f"FROM mentoring_session s WHERE {counted}", params).fetchall()
        links = cursor.execute(links_sql, params if ":starts" in links_sql else {}).fetchall()
        by_organisation: dict[str | None, list[int]] = {}
        by_hour: dict[str, list[int]] = {}  # [sessions, minutes, quarters, mentor quarters]
        found: dict[str, tuple[list[int], int, int]] = {}
        for session_id, organisation_id, hour, minutes in sessions:
            counted_quarters = quarters(minutes)
            for groups, key in ((by_organisation, organisation_id), (by_hour, hour)):
                total = groups.get(key) or groups.setdefault(key, [0, 0, 0, 0])
                total[0] += 1
                total[1] += minutes
                total[2] += counted_quarters
            found[session_id] = (by_hour[hour], minutes, counted_quarters)
        by_mentor: dict[str, list[int]] = {}
        for session_id, staff_id in links:
            if session_id in found:
                hour_total, minutes, counted_quarters = found[session_id]
                hour_total[3] += counted_quarters
                total = by_mentor.get(staff_id) or by_mentor.setdefault(staff_id, [0, 0, 0])
                total[0] += 1
                total[1] += minutes
                total[2] += counted_quarters
        organisation_names = _names(cursor, "organisation", "name", "sort_key", by_organisation)
        mentor_names = {key: (name, slovenian_sort_key(name)) for key, (name, _) in
                        _names(cursor, "staff_user", "display_name", "''", by_mentor).items()}
    totals = [sum(total[column] for total in by_hour.values()) for column in range(4)]
    return MentoringHours(
        period=period, sessions=totals[0], minutes=totals[1], hours=quarters_to_hours(totals[2]),
        mentor_hours=quarters_to_hours(totals[3]), by_mentor=tuple(_totals(by_mentor, mentor_names)),
        by_organisation=tuple(_totals(by_organisation, organisation_names)), by_month=_by_month(by_hour))


def _by_month(by_hour: dict[str, list[int]]) -> tuple[MonthHours, ...]:
    """Stored UTC hours into Slovenian months (Slovenia's offset changes on the hour)."""
    months: dict[Period, list[int]] = {}
    for hour, total in by_hour.items():
        month = Period.month(to_local(dt.datetime.fromisoformat(hour + ":00")).date())
        into = months.setdefault(month, [0, 0, 0, 0])
        for column in range(4):
            into[column] += total[column]
    return tuple(MonthHours(month, total[0], total[1], quarters_to_hours(total[2]), quarters_to_hours(total[3]))
                 for month, total in sorted(months.items(), key=lambda item: item[0].first))


def persons_coached(store: Store, period: Period) -> int:
    # Over a long period from the (fewer) person links, each session found by its key.
    source = ("mentoring_session_person l CROSS JOIN mentoring_session s ON s.id = l.mentoring_session_id"
              if _long(period) else
              "mentoring_session s JOIN mentoring_session_person l ON l.mentoring_session_id = s.id")
    rows = _rows(store, (
        f"SELECT count(DISTINCT coalesce(p.merged_into_id, p.id)) FROM {source} "
        f"JOIN person p ON p.id = l.person_id AND p.deleted_at IS NULL WHERE l.deleted_at IS NULL AND {_counted(period)}"),
        _bounds(period))
    return rows[0][0]


def jobs_created_or_retained(store: Store, period: Period) -> JobCounts:
    rows = _rows(store, (
        "SELECT j.kind, max(j.is_vulnerable_group) FROM job j "
        "JOIN organisation o ON o.id = j.organisation_id AND o.deleted_at IS NULL "
        "LEFT JOIN person p ON p.id = j.person_id "
        "WHERE j.deleted_at IS NULL AND j.occurred_on >= :first AND j.occurred_on <= :last "
        "GROUP BY CASE WHEN j.person_id IS NULL THEN j.id "
        "ELSE coalesce(p.merged_into_id, j.person_id) || '/' || j.organisation_id END, j.kind"),
        {"first": period.first.isoformat(), "last": period.last.isoformat()})
    kinds = Counter(kind for kind, _ in rows)
    return JobCounts(period, kinds[JobKind.CREATED.value], kinds[JobKind.RETAINED.value],
                     sum(1 for _, vulnerable in rows if vulnerable))


def products_developed(store: Store, period: Period) -> ProductCounts:
    rows = _rows(store, (
        "SELECT p.organisation_id, p.name, p.stage FROM product p "
        "JOIN organisation o ON o.id = p.organisation_id AND o.deleted_at IS NULL "
        "WHERE p.deleted_at IS NULL AND p.developed_on >= :first AND p.developed_on <= :last "
        "ORDER BY p.developed_on, p.created_at, p.id"),
        {"first": period.first.isoformat(), "last": period.last.isoformat()})
    latest = {(organisation_id, fold(name)): stage for organisation_id, name, stage in rows}
    return ProductCounts(period, len(latest), dict(Counter(latest.values())))
