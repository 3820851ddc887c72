"""The indicators for a period, per info point and in total, against their targets; and the
records behind any one number (`indicator_records`), so staff can check what it counts.

Totals come from the counting services where one exists (events/counts.py for persons in
training programmes, fairs and the conference; mentoring/counting.py for organisations mentored,
hours, jobs and products); per info point, and where no service counts, from the record lists of
counted.py / counted_activities.py, which follow the same rules.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sociolab_desktop.core.domain.enums import EventType
from sociolab_desktop.core.domain.text import slovenian_sort_key
from sociolab_desktop.core.services.events import counts as event_counts
from sociolab_desktop.core.services.mentoring import counting as mentoring_counting
from sociolab_desktop.core.services.results import counted, counted_activities
from sociolab_desktop.core.services.results.counted import NO_SITE, Collector, CountedRecord, Scope
from sociolab_desktop.core.services.results.definitions import (
    ANY,
    INDICATORS,
    NETWORK,
    SUM,
    IndicatorDefinition,
    check_training_rule,
    indicator,
)
from sociolab_desktop.core.services.results.periods import ALL_DATES, ReportPeriod
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)

COLLECTORS: dict[str, Collector] = {
    "network_lab": counted.network,
    "info_points": counted.info_points,
    "diagnostics": counted.diagnostics,
    "development_plans": counted.development_plans,
    "organisations_supported": counted_activities.organisations_supported,
    "persons_trained": counted_activities.persons_trained,
    "jobs": counted.jobs,
    "support_programme": counted.support_programme,
    "products": counted.products,
    "competitions_social_innovation": counted_activities.competitions_social_innovation,
    "competitions_ethical_investor": counted_activities.competitions_ethical_investor,
    "fairs": counted_activities.fairs,
    "conference": counted_activities.conference,
    "mentoring_hours": counted_activities.mentoring_hours,
}


@dataclass(frozen=True)
class SiteColumn:
    """An info point the report has a column for. `site_id` NO_SITE ("") gathers records that
    name no info point; `name` None: a site known only from synced records, not yet itself."""

    site_id: str
    name: str | None
    is_lead_partner: bool = False


@dataclass(frozen=True)
class IndicatorValue:
    """`by_site` maps a SiteColumn's site_id to the value there (empty when the indicator has no
    meaning per info point). A record may count at two info points and once in `value`."""

    definition: IndicatorDefinition
    value: float
    target: float | None
    by_site: dict[str, float] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.definition.key

    @property
    def share(self) -> float | None:
        """value / target (1.0 = reached); None without a target, or a target of 0."""
        return self.value / self.target if self.target else None

    @property
    def reached(self) -> bool | None:
        return None if self.target is None else self.value >= self.target


@dataclass(frozen=True)
class IndicatorReport:
    period: ReportPeriod
    site_id: str | None  # the info point the report is limited to (None: every info point)
    training_rule: str
    today: dt.date
    sites: tuple[SiteColumn, ...]
    values: tuple[IndicatorValue, ...]

    def value(self, key: str) -> IndicatorValue:
        return next(value for value in self.values if value.key == key)


def _aggregate(definition: IndicatorDefinition, records: list[CountedRecord]) -> float:
    if definition.aggregate == SUM:
        return sum(record.amount or 0 for record in records)
    if definition.aggregate == NETWORK:
        roles = {record.category for record in records}
        return 1 if {"lead_partner", "info_point"} <= roles else 0
    distinct = len({record.record_id for record in records})
    return min(1, distinct) if definition.aggregate == ANY else distinct


def _service_totals(store: Store, scope: Scope) -> dict[str, float]:
    """The totals the counting services give for the whole network."""
    period, closed = scope.period, scope.period.closed()
    trained = event_counts.training_participants(store, since=period.first, until=period.last)
    held = {kind: event_counts.events_held(store, kind, today=scope.today, since=period.first, until=period.last)
            for kind in (EventType.FAIR.value, EventType.CONFERENCE.value)}
    return {
        "persons_trained": getattr(trained, scope.training_rule),
        "fairs": held[EventType.FAIR.value],
        "conference": held[EventType.CONFERENCE.value],
        "organisations_supported": mentoring_counting.organisations_supported(store, closed).count,
        "mentoring_hours": mentoring_counting.mentoring_hours(store, closed).hours,
        "jobs": mentoring_counting.jobs_created_or_retained(store, closed).total,
        "products": mentoring_counting.products_developed(store, closed).total,
    }


def _site_columns(store: Store, seen: set[str], only: str | None) -> tuple[SiteColumn, ...]:
    """Every info point (with zeros), the lead partner and unnamed sites where records count."""
    with store.reader() as session:
        sites = counted.network(session, Scope(ReportPeriod(), dt.date.today(), ""))
    known = {record.record_id: record for record in sites}
    columns = [SiteColumn(record.record_id, record.name, record.category == "lead_partner")
               for record in sites if record.category == "info_point" or record.record_id in seen | {only}]
    columns += [SiteColumn(site_id, None) for site_id in seen - known.keys() - {NO_SITE}]
    columns.sort(key=lambda column: (column.is_lead_partner, column.name is None,
                                     slovenian_sort_key(column.name), column.site_id))
    if NO_SITE in seen:
        columns.append(SiteColumn(NO_SITE, None))
    chosen = tuple(column for column in columns if only is None or column.site_id == only)
    if only is not None and only != NO_SITE and not chosen:
        raise UserError(N_("No info point has the key “{site}”. Choose one of: {choices}."), site=only,
                        choices=", ".join(f"{column.site_id} ({column.name})" for column in columns if column.name))
    return chosen


def resolve_site(store: Store, text: str) -> str:
    """An info point named on the command line by its key, its code (MB) or its name."""
    wanted = (text or "").strip().casefold()
    with store.reader() as session:
        sites = counted.network(session, Scope(ReportPeriod(), dt.date.today(), ""))
    for record in sites:
        if wanted and wanted in (record.record_id.casefold(), (record.name or "").casefold(),
                                 (record.detail or "").casefold()):
            return record.record_id
    raise UserError(N_("No info point is called “{site}”. Give its key, code or name: {choices}."), site=text,
                    choices="; ".join(f"{record.detail or record.record_id} ({record.name})" for record in sites))


def _scope(period: ReportPeriod, training_rule: str | None, today: dt.date | None) -> Scope:
    return Scope(period, today or dt.date.today(), check_training_rule(training_rule))


def compute_indicators(store: Store, period: ReportPeriod = ALL_DATES, *, site_id: str | None = None,
                       training_rule: str | None = None, today: dt.date | None = None) -> IndicatorReport:
    """Every indicator of definitions.INDICATORS. With `site_id`, the values are that info
    point's (NO_SITE: records that name none); zeros, not errors, on an empty database."""
    scope = _scope(period, training_rule, today)
    with store.reader() as session:
        records = {key: collect(session, scope) for key, collect in COLLECTORS.items()}
    totals = _service_totals(store, scope) if site_id is None else {}
    seen = {record.site_id for key, rows in records.items() if indicator(key).per_site for record in rows}
    sites = _site_columns(store, seen, site_id)
    values = []
    for definition in INDICATORS:
        rows = records[definition.key]
        by_site = ({column.site_id: _aggregate(definition, [r for r in rows if r.site_id == column.site_id])
                    for column in sites} if definition.per_site else {})
        if site_id is None or not definition.per_site:
            value = totals.get(definition.key, _aggregate(definition, rows))
        else:
            value = by_site.get(site_id, 0)
        values.append(IndicatorValue(definition, value, definition.target, by_site))
    values = [_with_relative_target(value, values) for value in values]
    log.info("Indicators computed for %d info points", len(sites))
    return IndicatorReport(period, site_id, scope.training_rule, scope.today, sites, tuple(values))


def _with_relative_target(value: IndicatorValue, values: list[IndicatorValue]) -> IndicatorValue:
    if value.definition.target_of is None:
        return value
    other = next(item for item in values if item.key == value.definition.target_of)
    return IndicatorValue(value.definition, value.value, other.value, value.by_site)


def indicator_records(store: Store, key: str, period: ReportPeriod = ALL_DATES, *, site_id: str | None = None,
                      training_rule: str | None = None, today: dt.date | None = None) -> tuple[CountedRecord, ...]:
    """The records behind one number: at one info point (`site_id`; NO_SITE: records naming none)
    or, with None, behind the total (each record once). Sorted by date, then name."""
    if key not in COLLECTORS:
        raise UserError(N_("Unknown indicator “{key}”. Choose one of: {choices}."), key=key,
                        choices=", ".join(COLLECTORS))
    scope = _scope(period, training_rule, today)
    with store.reader() as session:
        rows = COLLECTORS[key](session, scope)
    if site_id is not None:
        rows = [row for row in rows if row.site_id == site_id]
    ordered = sorted(rows, key=lambda row: (row.date or dt.date.max, slovenian_sort_key(row.name), row.record_id))
    if site_id is not None:
        return tuple(ordered)
    once: dict[str, CountedRecord] = {}
    for row in ordered:
        once.setdefault(row.record_id, row)
    return tuple(once.values())
