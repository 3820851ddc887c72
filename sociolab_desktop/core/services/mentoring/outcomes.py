"""Outcomes of the support: jobs created or retained and socially innovative products, each linked
to the mentoring session that led to it.

Refused: no organisation (a job is always in an organisation); a date in the future; a support
session of another organisation, deleted, or after the outcome. Warned: an outcome dated before
the organisation's support started (its first session or programme enrolment), or with no support
recorded at all — it may still be right (support recorded late), so it can be saved anyway.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.enums import ContractType, JobKind, ProductStage
from sociolab_desktop.core.domain.slovenian_time import local_now, to_local
from sociolab_desktop.core.services.fields import clean_choice, clean_text
from sociolab_desktop.core.services.mentoring.checks import (
    FieldError,
    OutcomeValidationError,
    long_text,
    raise_errors,
    require_confirmation,
)
from sociolab_desktop.core.services.mentoring.lookup import (
    live_session,
    person_name,
    support_started_on,
)
from sociolab_desktop.core.services.records import live_organisation, live_person
from sociolab_desktop.core.store.models import (
    Job,
    Organisation,
    Person,
    Product,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

MAX_PRODUCT_NAME = 250


@dataclass(frozen=True)
class JobInput:
    organisation_id: str | None
    occurred_on: dt.date | None
    kind: str | None
    contract_type: str | None
    is_vulnerable_group: bool = False
    person_id: str | None = None
    evidence: str | None = None
    mentoring_session_id: str | None = None


@dataclass(frozen=True)
class JobRecord:
    id: str
    organisation_id: str
    organisation_name: str | None
    person_id: str | None
    person_name: str | None
    occurred_on: dt.date
    kind: str
    contract_type: str | None
    is_vulnerable_group: bool
    evidence: str | None
    mentoring_session_id: str | None


@dataclass(frozen=True)
class ProductInput:
    organisation_id: str | None
    name: str | None
    developed_on: dt.date | None
    stage: str | None
    description: str | None = None
    mentoring_session_id: str | None = None


@dataclass(frozen=True)
class ProductRecord:
    id: str
    organisation_id: str
    organisation_name: str | None
    name: str
    description: str | None
    developed_on: dt.date
    stage: str
    mentoring_session_id: str | None


def _attempt(errors: list[FieldError], check):
    try:
        return check()
    except FieldError as error:
        errors.append(error)
        return None


def _clean_common(errors: list[FieldError], organisation_id: str | None, day: dt.date | None, date_field: str,
                  today: dt.date) -> None:
    if not organisation_id:
        errors.append(FieldError("organisation_id", N_("Choose the organisation.")))
    if day is None:
        errors.append(FieldError(date_field, N_("Enter the date.")))
    elif day > today:
        errors.append(FieldError(date_field, N_("The date {value} is in the future; record an outcome once it is "
                                                "real."), value=day))


def _support_checks(session: Session, organisation_id: str, day: dt.date, session_id: str | None,
                    date_field: str) -> list[FieldError]:
    """Refuses a wrong support session; returns the warnings about when support started."""
    live_organisation(session, organisation_id)
    if session_id:
        support = live_session(session, session_id)
        if support.organisation_id != organisation_id:
            raise OutcomeValidationError([FieldError("mentoring_session_id", N_(
                "The chosen session was with another organisation; choose one of this organisation's sessions."))])
        held_on = to_local(support.starts_at).date()
        if held_on > day:
            raise OutcomeValidationError([FieldError("mentoring_session_id", N_(
                "The chosen session ({value}) took place after this outcome ({date}); choose an earlier one."),
                value=held_on, date=day)])
    started = support_started_on(session, organisation_id)
    if started is None:
        return [FieldError(date_field, N_("No mentoring session or programme enrolment is recorded for this "
                                          "organisation: the outcome may not count as supported."))]
    if day < started:
        return [FieldError(date_field, N_("The date {value} is before the organisation's support started "
                                          "({date})."), value=day, date=started)]
    return []


def _apply(row, values: dict) -> None:
    for column, value in values.items():
        if getattr(row, column) != value:
            setattr(row, column, value)


def _live(session: Session, model, key: str):
    row = session.get(model, key) if key else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The record was not found; the list may be out of date. Refresh it and try again."))
    return row


def _job_record(session: Session, row: Job) -> JobRecord:
    session.flush()
    organisation = session.get(Organisation, row.organisation_id)
    person = session.get(Person, row.person_id) if row.person_id else None
    return JobRecord(
        id=row.id, organisation_id=row.organisation_id, organisation_name=organisation.name if organisation else None,
        person_id=row.person_id, person_name=person_name(person.first_name, person.last_name) if person else None,
        occurred_on=row.occurred_on, kind=row.kind, contract_type=row.contract_type,
        is_vulnerable_group=bool(row.is_vulnerable_group), evidence=row.evidence,
        mentoring_session_id=row.mentoring_session_id)


def _product_record(session: Session, row: Product) -> ProductRecord:
    session.flush()
    organisation = session.get(Organisation, row.organisation_id)
    return ProductRecord(
        id=row.id, organisation_id=row.organisation_id, organisation_name=organisation.name if organisation else None,
        name=row.name, description=row.description, developed_on=row.developed_on, stage=row.stage,
        mentoring_session_id=row.mentoring_session_id)


def save_job(store: Store, actor: Actor, data: JobInput, *, job_id: str | None = None, confirmed: bool = False,
             today: dt.date | None = None) -> JobRecord:
    """Record a job (or replace `job_id`'s). Raises OutcomeValidationError, or ConfirmationNeeded
    for the warnings (see the module docstring) unless `confirmed`."""
    errors: list[FieldError] = []
    _clean_common(errors, data.organisation_id, data.occurred_on, "occurred_on", today or local_now().date())
    values = {
        "kind": _attempt(errors, lambda: clean_choice(data.kind, "kind", JobKind, required=True)),
        "contract_type": _attempt(errors, lambda: clean_choice(data.contract_type, "contract_type", ContractType,
                                                               required=True)),
        "evidence": _attempt(errors, lambda: long_text(data.evidence, "evidence")),
        "is_vulnerable_group": bool(data.is_vulnerable_group),
        "organisation_id": data.organisation_id, "occurred_on": data.occurred_on,
        "mentoring_session_id": data.mentoring_session_id or None,
    }
    raise_errors(errors, OutcomeValidationError)
    with store.unit_of_work(actor) as session:
        row = _live(session, Job, job_id) if job_id else None
        values["person_id"] = live_person(session, data.person_id).id if data.person_id else None
        warnings = _support_checks(session, data.organisation_id, data.occurred_on, values["mentoring_session_id"],
                                   "occurred_on")
        require_confirmation(warnings, confirmed)
        if row is None:
            row = Job(**values)
            session.add(row)
        else:
            _apply(row, values)
        return _job_record(session, row)


def save_product(store: Store, actor: Actor, data: ProductInput, *, product_id: str | None = None,
                 confirmed: bool = False, today: dt.date | None = None) -> ProductRecord:
    """Record a socially innovative product (or replace `product_id`'s); checks as for jobs."""
    errors: list[FieldError] = []
    _clean_common(errors, data.organisation_id, data.developed_on, "developed_on", today or local_now().date())
    values = {
        "name": _attempt(errors, lambda: clean_text(data.name, "name", MAX_PRODUCT_NAME)),
        "stage": _attempt(errors, lambda: clean_choice(data.stage, "stage", ProductStage, required=True)),
        "description": _attempt(errors, lambda: long_text(data.description, "description")),
        "organisation_id": data.organisation_id, "developed_on": data.developed_on,
        "mentoring_session_id": data.mentoring_session_id or None,
    }
    if values["name"] is None and not any(error.field == "name" for error in errors):
        errors.append(FieldError("name", N_("Enter the name of the product.")))
    raise_errors(errors, OutcomeValidationError)
    with store.unit_of_work(actor) as session:
        row = _live(session, Product, product_id) if product_id else None
        warnings = _support_checks(session, data.organisation_id, data.developed_on,
                                   values["mentoring_session_id"], "developed_on")
        require_confirmation(warnings, confirmed)
        if row is None:
            row = Product(**values)
            session.add(row)
        else:
            _apply(row, values)
        return _product_record(session, row)


def delete_job(store: Store, actor: Actor, job_id: str) -> None:
    with store.unit_of_work(actor) as session:
        _live(session, Job, job_id).deleted_at = utc_now()


def delete_product(store: Store, actor: Actor, product_id: str) -> None:
    with store.unit_of_work(actor) as session:
        _live(session, Product, product_id).deleted_at = utc_now()


def jobs_of(store: Store, organisation_id: str) -> list[JobRecord]:
    """Live jobs of the organisation, newest first."""
    with store.reader() as session:
        rows = session.scalars(select(Job).where(Job.organisation_id == organisation_id, Job.deleted_at.is_(None))
                               .order_by(Job.occurred_on.desc(), Job.id)).all()
        return [_job_record(session, row) for row in rows]


def products_of(store: Store, organisation_id: str) -> list[ProductRecord]:
    """Live products of the organisation, newest first."""
    with store.reader() as session:
        rows = session.scalars(select(Product).where(Product.organisation_id == organisation_id,
                                                     Product.deleted_at.is_(None))
                               .order_by(Product.developed_on.desc(), Product.id)).all()
        return [_product_record(session, row) for row in rows]
