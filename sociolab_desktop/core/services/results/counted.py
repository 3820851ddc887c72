"""What each indicator counts, record by record, with the info point each record counts for:
the list behind every number, so staff can check it.

The totals the report shows come from the counting services (events/counts.py,
mentoring/counting.py); these lists follow the same rules, record by record, and tests keep the
two equal. The services count but do not list, nor split by info point: each collector below
says which service should own it once one lists its records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.results.periods import ReportPeriod
from sociolab_desktop.core.store.models import (
    Diagnostic,
    Job,
    Organisation,
    Person,
    Product,
    ProgrammeEnrolment,
    Site,
)

# The info point of a record that names none (e.g. a competition without an award event).
NO_SITE = ""


@dataclass(frozen=True)
class CountedRecord:
    """One thing a number counts. `kind` says what `record_id` names: site, organisation, person,
    event, job, product, competition, enrolment or mentoring_session. `name` is data as stored
    (empty for a person whose data was erased: `erased`). `category` is a stored code (a job's
    kind, a product's stage, a site's role...), `detail` more data to recognise it (the programme
    a person attended, the person a job went to), `amount` the hours of a mentoring session."""

    kind: str
    record_id: str
    name: str
    date: dt.date | None
    site_id: str = NO_SITE
    category: str | None = None
    detail: str | None = None
    amount: float | None = None
    erased: bool = False


@dataclass(frozen=True)
class Scope:
    """What every collector needs: the period, "today" (events count once they took place) and
    the rule for persons in training programmes."""

    period: ReportPeriod
    today: dt.date
    training_rule: str


Collector = Callable[[Session, Scope], list[CountedRecord]]


def day(value) -> dt.date | None:
    """Aggregates over dates come back from SQLite as text in some queries."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def within(column, period: ReportPeriod) -> list:
    conditions = []
    if period.first is not None:
        conditions.append(column >= period.first)
    if period.last is not None:
        conditions.append(column <= period.last)
    return conditions


def person_name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


# Sites ---------------------------------------------------------------------------------------


def _sites(session: Session, _scope: Scope) -> list[CountedRecord]:
    """Live sites; `detail` is the site's short code (MB, PT...). No date: the program does not
    know when an info point opened, and the day its record was made on some PC (years after the
    opening, for the info point a PC was set up for) would read as one, outside the period."""
    rows = session.execute(select(Site.id, Site.name, Site.is_lead_partner, Site.code)
                           .where(Site.deleted_at.is_(None)))
    return [CountedRecord("site", site_id, name, None, site_id, category="lead_partner" if lead else "info_point",
                          detail=code)
            for site_id, name, lead, code in rows]


def network(session: Session, scope: Scope) -> list[CountedRecord]:
    return _sites(session, scope)


def info_points(session: Session, scope: Scope) -> list[CountedRecord]:
    return [record for record in _sites(session, scope) if record.category == "info_point"]


# Organisations: diagnostics, enrolments, jobs, products ----------------------------------------
# (the mentoring services count these; listing them belongs in mentoring/counting.py)


def _diagnosed(session: Session, scope: Scope, plans_only: bool) -> list[CountedRecord]:
    query = (select(Organisation.id, Organisation.name, Organisation.site_id, func.min(Diagnostic.assessed_on))
             .join(Organisation, Organisation.id == Diagnostic.organisation_id)
             .where(Diagnostic.deleted_at.is_(None), Organisation.deleted_at.is_(None),
                    *within(Diagnostic.assessed_on, scope.period))
             .group_by(Organisation.id))
    if plans_only:
        query = query.where(Diagnostic.has_development_plan.is_(True))
    return [CountedRecord("organisation", key, name, day(first), site_id or NO_SITE)
            for key, name, site_id, first in session.execute(query)]


def diagnostics(session: Session, scope: Scope) -> list[CountedRecord]:
    return _diagnosed(session, scope, plans_only=False)


def development_plans(session: Session, scope: Scope) -> list[CountedRecord]:
    return _diagnosed(session, scope, plans_only=True)


def support_programme(session: Session, scope: Scope) -> list[CountedRecord]:
    period = scope.period
    query = (select(ProgrammeEnrolment.id, Organisation.name, Organisation.site_id, ProgrammeEnrolment.started_on,
                    ProgrammeEnrolment.status)
             .join(Organisation, Organisation.id == ProgrammeEnrolment.organisation_id)
             .where(ProgrammeEnrolment.deleted_at.is_(None), Organisation.deleted_at.is_(None)))
    if period.last is not None:
        query = query.where(ProgrammeEnrolment.started_on <= period.last)
    if period.first is not None:
        query = query.where((ProgrammeEnrolment.ended_on.is_(None)) | (ProgrammeEnrolment.ended_on >= period.first))
    return [CountedRecord("enrolment", key, name, day(started), site_id or NO_SITE, category=status)
            for key, name, site_id, started, status in session.execute(query)]


def jobs(session: Session, scope: Scope) -> list[CountedRecord]:
    """As mentoring/counting.jobs_created_or_retained counts them."""
    person = aliased(Person)
    rows = session.execute(
        select(Job.id, Job.kind, Job.occurred_on, Job.person_id, Job.organisation_id, Organisation.name,
               Organisation.site_id, func.coalesce(person.merged_into_id, Job.person_id), person.first_name,
               person.last_name, person.erased_at)
        .join(Organisation, Organisation.id == Job.organisation_id)
        .outerjoin(person, person.id == Job.person_id)
        .where(Job.deleted_at.is_(None), Organisation.deleted_at.is_(None), *within(Job.occurred_on, scope.period))
        .order_by(Job.occurred_on, Job.id))
    kept: dict[tuple, CountedRecord] = {}
    for key, kind, occurred, person_id, organisation_id, name, site_id, holder, first, last, erased in rows:
        group = (key, kind) if person_id is None else (holder, organisation_id, kind)
        if group not in kept:
            kept[group] = CountedRecord("job", key, name, day(occurred), site_id or NO_SITE, category=kind,
                                        detail=person_name(first, last) or None, erased=erased is not None)
    return list(kept.values())


def products(session: Session, scope: Scope) -> list[CountedRecord]:
    """As mentoring/counting.products_developed counts them: one per organisation and folded
    name, at its latest stage."""
    rows = session.execute(
        select(Product.id, Product.organisation_id, Product.name, Product.stage, Product.developed_on,
               Organisation.name, Organisation.site_id)
        .join(Organisation, Organisation.id == Product.organisation_id)
        .where(Product.deleted_at.is_(None), Organisation.deleted_at.is_(None),
               *within(Product.developed_on, scope.period))
        .order_by(Product.developed_on, Product.created_at, Product.id))
    latest: dict[tuple[str, str], CountedRecord] = {}
    for key, organisation_id, name, stage, developed, organisation, site_id in rows:
        latest[(organisation_id, fold(name))] = CountedRecord(
            "product", key, name, day(developed), site_id or NO_SITE, category=stage, detail=organisation)
    return list(latest.values())
