"""The support programme (training + mentoring for start-ups): an organisation's enrolment with
start, status, end and outcome; and the organisation's mentoring overview, which shows sessions,
hours, development plan, enrolment and outcomes together.

Rules: an active enrolment has no end date; a completed or withdrawn one has an end on or after
its start; no date lies in the future; an organisation has at most one active enrolment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.enums import EnrolmentStatus
from sociolab_desktop.core.domain.slovenian_time import local_now
from sociolab_desktop.core.services.fields import clean_choice
from sociolab_desktop.core.services.mentoring import diagnostics, listing, outcomes
from sociolab_desktop.core.services.mentoring.checks import (
    EnrolmentValidationError,
    FieldError,
    long_text,
    raise_errors,
)
from sociolab_desktop.core.services.mentoring.session_parts import ActionRecord
from sociolab_desktop.core.services.records import live_organisation
from sociolab_desktop.core.store.models import (
    AgreedAction,
    MentoringSession,
    ProgrammeEnrolment,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


@dataclass(frozen=True)
class EnrolmentInput:
    organisation_id: str | None
    started_on: dt.date | None
    status: str | None = EnrolmentStatus.ACTIVE.value
    ended_on: dt.date | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class EnrolmentRecord:
    id: str
    organisation_id: str
    started_on: dt.date
    status: str
    ended_on: dt.date | None
    outcome: str | None


@dataclass(frozen=True)
class OpenAction:
    """An agreed action not done yet, with the session it was agreed in."""

    action: ActionRecord
    session_id: str


@dataclass(frozen=True)
class OrganisationOverview:
    """Everything the organisation's mentoring page shows. Sessions newest first; `totals` over
    all its sessions; assessments oldest first (`progress` side by side); the rest newest first."""

    organisation_id: str
    organisation_name: str
    totals: listing.SessionTotals
    sessions: tuple[listing.SessionRow, ...]
    months: tuple[listing.PeriodTotal, ...]
    progress: diagnostics.DiagnosticHistory
    development_plan: diagnostics.DiagnosticRecord | None  # the latest assessment with a plan
    enrolments: tuple[EnrolmentRecord, ...]
    open_actions: tuple[OpenAction, ...]
    jobs: tuple[outcomes.JobRecord, ...]
    products: tuple[outcomes.ProductRecord, ...]


def _clean(data: EnrolmentInput, today: dt.date) -> dict:
    errors: list[FieldError] = []
    if not data.organisation_id:
        errors.append(FieldError("organisation_id", N_("Choose the organisation to enrol.")))
    if data.started_on is None:
        errors.append(FieldError("started_on", N_("Enter the date the organisation joined the programme.")))
    for name, value in (("started_on", data.started_on), ("ended_on", data.ended_on)):
        if value is not None and value > today:
            errors.append(FieldError(name, N_("The date {value} is in the future."), value=value))
    status = None
    try:
        status = clean_choice(data.status, "status", EnrolmentStatus, required=True)
    except FieldError as error:
        errors.append(error)
    if status == EnrolmentStatus.ACTIVE and data.ended_on is not None:
        errors.append(FieldError("ended_on", N_("An active enrolment has no end date: clear it, or choose "
                                                "completed or withdrawn.")))
    if status in (EnrolmentStatus.COMPLETED, EnrolmentStatus.WITHDRAWN) and data.ended_on is None:
        errors.append(FieldError("ended_on", N_("Enter the date the organisation completed or left the programme.")))
    if data.ended_on and data.started_on and data.ended_on < data.started_on:
        errors.append(FieldError("ended_on", N_("The end ({value}) is before the start ({date})."),
                                 value=data.ended_on, date=data.started_on))
    outcome = None
    try:
        outcome = long_text(data.outcome, "outcome")
    except FieldError as error:
        errors.append(error)
    raise_errors(errors, EnrolmentValidationError)
    return {"organisation_id": data.organisation_id, "started_on": data.started_on, "status": status,
            "ended_on": data.ended_on, "outcome": outcome}


def _record(row: ProgrammeEnrolment) -> EnrolmentRecord:
    return EnrolmentRecord(row.id, row.organisation_id, row.started_on, row.status, row.ended_on, row.outcome)


def _live(session: Session, enrolment_id: str) -> ProgrammeEnrolment:
    row = session.get(ProgrammeEnrolment, enrolment_id) if enrolment_id else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The enrolment was not found; refresh the list."))
    return row


def save_enrolment(store: Store, actor: Actor, data: EnrolmentInput, *, enrolment_id: str | None = None,
                   today: dt.date | None = None) -> EnrolmentRecord:
    """Enrol an organisation (or change `enrolment_id`'s status, end and outcome)."""
    values = _clean(data, today or local_now().date())
    with store.unit_of_work(actor) as session:
        live_organisation(session, values["organisation_id"])
        row = _live(session, enrolment_id) if enrolment_id else None
        if values["status"] == EnrolmentStatus.ACTIVE:
            other = select(ProgrammeEnrolment.id).where(
                ProgrammeEnrolment.organisation_id == values["organisation_id"],
                ProgrammeEnrolment.status == EnrolmentStatus.ACTIVE.value, ProgrammeEnrolment.deleted_at.is_(None))
            if enrolment_id:
                other = other.where(ProgrammeEnrolment.id != enrolment_id)
            if session.scalar(other.limit(1)):
                raise EnrolmentValidationError([FieldError("status", N_(
                    "The organisation is already enrolled; end that enrolment before starting another."))])
        if row is None:
            row = ProgrammeEnrolment(**values)
            session.add(row)
        else:
            for column, value in values.items():
                if getattr(row, column) != value:
                    setattr(row, column, value)
        session.flush()
        return _record(row)


def delete_enrolment(store: Store, actor: Actor, enrolment_id: str) -> None:
    with store.unit_of_work(actor) as session:
        _live(session, enrolment_id).deleted_at = utc_now()


def enrolments_of(store: Store, organisation_id: str) -> list[EnrolmentRecord]:
    """Newest first."""
    with store.reader() as session:
        rows = session.scalars(select(ProgrammeEnrolment).where(
            ProgrammeEnrolment.organisation_id == organisation_id, ProgrammeEnrolment.deleted_at.is_(None))
            .order_by(ProgrammeEnrolment.started_on.desc(), ProgrammeEnrolment.id)).all()
        return [_record(row) for row in rows]


def open_actions_of(store: Store, organisation_id: str) -> list[OpenAction]:
    """Agreed actions of the organisation's live sessions not done yet, soonest due first."""
    query = (select(AgreedAction).join(MentoringSession, MentoringSession.id == AgreedAction.mentoring_session_id)
             .where(MentoringSession.organisation_id == organisation_id, MentoringSession.deleted_at.is_(None),
                    AgreedAction.deleted_at.is_(None), AgreedAction.is_done.is_(False))
             .order_by(AgreedAction.due_on.is_(None), AgreedAction.due_on, AgreedAction.created_at, AgreedAction.id))
    with store.reader() as session:
        return [OpenAction(ActionRecord(row.id, row.description, row.owner, row.due_on, False),
                           row.mentoring_session_id) for row in session.scalars(query)]


def organisation_overview(store: Store, organisation_id: str) -> OrganisationOverview:
    with store.reader() as session:
        name = live_organisation(session, organisation_id).name
    flt = listing.SessionFilter(organisation_id=organisation_id)
    sessions = listing.list_sessions(store, flt, limit=10_000)  # an organisation has tens, not thousands
    progress = diagnostics.progress_of(store, organisation_id)
    plans = [item for item in progress.assessments if item.has_development_plan]
    return OrganisationOverview(
        organisation_id=organisation_id, organisation_name=name, totals=listing.count_sessions(store, flt),
        sessions=tuple(sessions), months=tuple(listing.totals_by(sessions, "month")), progress=progress,
        development_plan=plans[-1] if plans else None, enrolments=tuple(enrolments_of(store, organisation_id)),
        open_actions=tuple(open_actions_of(store, organisation_id)),
        jobs=tuple(outcomes.jobs_of(store, organisation_id)), products=tuple(outcomes.products_of(store, organisation_id)))
