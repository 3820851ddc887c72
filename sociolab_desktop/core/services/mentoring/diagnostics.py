"""Diagnostics and development plans: a dated assessment of an organisation over fixed areas,
each scored 1 (weak) to 5 (strong) with a comment, with goals and planned actions; and earlier
assessments beside later ones, area by area, so progress is visible.

Every area of `DiagnosticArea` must be scored: a comparison is only fair over the same areas.
Each area's score is one record per (assessment, area) with a key derived from both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.enums import DiagnosticArea
from sociolab_desktop.core.domain.keys import derived_key
from sociolab_desktop.core.domain.slovenian_time import local_now
from sociolab_desktop.core.services.mentoring.checks import (
    DiagnosticValidationError,
    FieldError,
    long_text,
    raise_errors,
    require_confirmation,
)
from sociolab_desktop.core.services.records import live_organisation
from sociolab_desktop.core.store.models import (
    Diagnostic,
    DiagnosticScore,
    Organisation,
    StaffUser,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

SCORE_MIN, SCORE_MAX = 1, 5
AREAS = tuple(area.value for area in DiagnosticArea)


@dataclass(frozen=True)
class AreaScoreInput:
    area: str
    score: int | None
    comment: str | None = None


@dataclass(frozen=True)
class DiagnosticInput:
    """What the assessment form gives; `assessor_id` None: the signed-in staff member."""

    organisation_id: str | None
    assessed_on: dt.date | None
    scores: Sequence[AreaScoreInput]
    goals: str | None = None
    planned_actions: str | None = None
    has_development_plan: bool = False
    assessor_id: str | None = None


@dataclass(frozen=True)
class AreaScore:
    area: str
    score: int
    comment: str | None


@dataclass(frozen=True)
class DiagnosticRecord:
    """`scores` in the order of DiagnosticArea."""

    id: str
    organisation_id: str
    organisation_name: str | None
    assessed_on: dt.date
    assessor_id: str | None
    assessor_name: str | None
    scores: tuple[AreaScore, ...]
    goals: str | None
    planned_actions: str | None
    has_development_plan: bool

    def score(self, area: str) -> AreaScore | None:
        return next((item for item in self.scores if item.area == area), None)


@dataclass(frozen=True)
class AreaProgress:
    """One area across assessments, oldest first; `change`: last minus first known score."""

    area: str
    scores: tuple[int | None, ...]
    comments: tuple[str | None, ...]
    change: int | None


@dataclass(frozen=True)
class DiagnosticHistory:
    """An organisation's assessments side by side, oldest first, one row per area."""

    assessments: tuple[DiagnosticRecord, ...]
    areas: tuple[AreaProgress, ...] = field(default_factory=tuple)


def score_key(diagnostic_id: str, area: str) -> str:
    return derived_key("diagnostic-score", diagnostic_id, area)


def _clean_score(item: AreaScoreInput, number: int) -> dict:
    field_name = f"scores.{item.area}" if item.area in AREAS else f"scores.{number}"
    if item.score is None:
        raise FieldError(field_name, N_("Give a score from {low} to {high}."), low=SCORE_MIN, high=SCORE_MAX)
    if isinstance(item.score, bool) or not isinstance(item.score, int) or not SCORE_MIN <= item.score <= SCORE_MAX:
        raise FieldError(field_name, N_("The score {value} is outside the scale: give {low} to {high}."),
                         value=item.score, low=SCORE_MIN, high=SCORE_MAX)
    return {"area": item.area, "score": item.score, "comment": long_text(item.comment, field_name + ".comment")}


def _clean(data: DiagnosticInput, today: dt.date) -> dict:
    errors: list[FieldError] = []
    if not data.organisation_id:
        errors.append(FieldError("organisation_id", N_("Choose the organisation assessed.")))
    if data.assessed_on is None:
        errors.append(FieldError("assessed_on", N_("Enter the date of the assessment.")))
    elif data.assessed_on > today:
        errors.append(FieldError("assessed_on", N_("The date {value} is in the future; record an assessment "
                                                   "once it has been made."), value=data.assessed_on))
    scores = {}
    for number, item in enumerate(data.scores or ()):
        if item.area not in AREAS:
            errors.append(FieldError(f"scores.{number}", N_("“{value}” is not one of the assessed areas."),
                                     value=item.area))
        elif item.area in scores:
            errors.append(FieldError(f"scores.{item.area}", N_("This area is scored twice; keep one score.")))
        else:
            try:
                scores[item.area] = _clean_score(item, number)
            except FieldError as error:
                scores[item.area] = None
                errors.append(error)
    errors += [FieldError(f"scores.{area}", N_("Give a score from {low} to {high}."), low=SCORE_MIN, high=SCORE_MAX)
               for area in AREAS if area not in scores]
    texts = {}
    for name in ("goals", "planned_actions"):
        try:
            texts[name] = long_text(getattr(data, name), name)
        except FieldError as error:
            errors.append(error)
    raise_errors(errors, DiagnosticValidationError)
    return {"row": {"organisation_id": data.organisation_id, "assessed_on": data.assessed_on,
                    "has_development_plan": bool(data.has_development_plan), **texts},
            "scores": [scores[area] for area in AREAS]}


def _record(session: Session, row: Diagnostic) -> DiagnosticRecord:
    session.flush()
    scores = {item.area: item for item in session.scalars(select(DiagnosticScore).where(
        DiagnosticScore.diagnostic_id == row.id, DiagnosticScore.deleted_at.is_(None)))}
    organisation = session.get(Organisation, row.organisation_id)
    assessor = session.get(StaffUser, row.assessor_id) if row.assessor_id else None
    known = [area for area in AREAS if area in scores] + sorted(set(scores) - set(AREAS))
    return DiagnosticRecord(
        id=row.id, organisation_id=row.organisation_id, organisation_name=organisation.name if organisation else None,
        assessed_on=row.assessed_on, assessor_id=row.assessor_id,
        assessor_name=assessor.display_name if assessor else None,
        scores=tuple(AreaScore(area, scores[area].score, scores[area].comment) for area in known),
        goals=row.goals, planned_actions=row.planned_actions, has_development_plan=bool(row.has_development_plan))


def _live(session: Session, diagnostic_id: str) -> Diagnostic:
    row = session.get(Diagnostic, diagnostic_id) if diagnostic_id else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The assessment was not found; refresh the list."))
    return row


def _same_day_warning(session: Session, values: dict, own_id: str | None) -> list[FieldError]:
    query = select(Diagnostic.id).where(Diagnostic.organisation_id == values["organisation_id"],
                                        Diagnostic.assessed_on == values["assessed_on"],
                                        Diagnostic.deleted_at.is_(None))
    if own_id:
        query = query.where(Diagnostic.id != own_id)
    if session.scalar(query.limit(1)):
        return [FieldError("assessed_on", N_("The organisation already has an assessment on {value}."),
                           value=values["assessed_on"])]
    return []


def save_diagnostic(store: Store, actor: Actor, data: DiagnosticInput, *, diagnostic_id: str | None = None,
                    confirmed: bool = False, today: dt.date | None = None) -> DiagnosticRecord:
    """Record a new assessment (or replace `diagnostic_id`'s). Warns about a second assessment of
    the organisation on the same day (ConfirmationNeeded unless `confirmed`)."""
    clean = _clean(data, today or local_now().date())
    with store.unit_of_work(actor) as session:
        live_organisation(session, clean["row"]["organisation_id"])
        assessor_id = data.assessor_id or actor.staff_id
        if data.assessor_id and session.get(StaffUser, data.assessor_id) is None:
            raise UserError(N_("This staff member no longer exists; refresh the list."))
        row = _live(session, diagnostic_id) if diagnostic_id else None
        require_confirmation(_same_day_warning(session, clean["row"], diagnostic_id), confirmed)
        if row is None:
            row = Diagnostic(assessor_id=assessor_id, **clean["row"])
            session.add(row)
            session.flush()
        else:
            for column, value in {**clean["row"], "assessor_id": assessor_id}.items():
                if getattr(row, column) != value:
                    setattr(row, column, value)
        existing = {item.id: item for item in session.scalars(
            select(DiagnosticScore).where(DiagnosticScore.diagnostic_id == row.id))}
        for values in clean["scores"]:
            item = existing.get(score_key(row.id, values["area"]))
            if item is None:
                session.add(DiagnosticScore(id=score_key(row.id, values["area"]), diagnostic_id=row.id, **values))
                continue
            for column, value in {**values, "deleted_at": None}.items():
                if getattr(item, column) != value:
                    setattr(item, column, value)
        return _record(session, row)


def delete_diagnostic(store: Store, actor: Actor, diagnostic_id: str) -> None:
    with store.unit_of_work(actor) as session:
        _live(session, diagnostic_id).deleted_at = utc_now()


def get_diagnostic(store: Store, diagnostic_id: str) -> DiagnosticRecord | None:
    with store.reader() as session:
        row = session.get(Diagnostic, diagnostic_id)
        return _record(session, row) if row is not None and row.deleted_at is None else None


def diagnostics_of(store: Store, organisation_id: str) -> list[DiagnosticRecord]:
    """Live assessments of the organisation, oldest first."""
    with store.reader() as session:
        rows = session.scalars(select(Diagnostic).where(
            Diagnostic.organisation_id == organisation_id, Diagnostic.deleted_at.is_(None))
            .order_by(Diagnostic.assessed_on, Diagnostic.created_at, Diagnostic.id)).all()
        return [_record(session, row) for row in rows]


def compare(assessments: Sequence[DiagnosticRecord]) -> DiagnosticHistory:
    """Assessments side by side (put in date order), one row per area; `change` is the last known
    score minus the first, None when the area was scored fewer than twice."""
    ordered = tuple(sorted(assessments, key=lambda item: item.assessed_on))
    areas = list(AREAS) + sorted({s.area for a in ordered for s in a.scores} - set(AREAS))
    rows = []
    for area in areas:
        found = [assessment.score(area) for assessment in ordered]
        known = [item.score for item in found if item is not None]
        rows.append(AreaProgress(area, tuple(item.score if item else None for item in found),
                                 tuple(item.comment if item else None for item in found),
                                 known[-1] - known[0] if len(known) >= 2 else None))
    return DiagnosticHistory(ordered, tuple(rows))


def progress_of(store: Store, organisation_id: str) -> DiagnosticHistory:
    return compare(diagnostics_of(store, organisation_id))
