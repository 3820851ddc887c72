"""The parts of a mentoring session besides its own row: mentor and coached-person links (one
record per pair, with derived keys so two offices adding the same mentor end with one record),
agreed actions, and the plain `SessionRecord` read back from all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.keys import coached_person_key, mentor_link_key
from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.services.mentoring.lookup import mentors_of, persons_of
from sociolab_desktop.core.services.mentoring.time_rules import (
    funder_hours,
    minutes_between,
)
from sociolab_desktop.core.store.models import (
    AgreedAction,
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    Organisation,
    Site,
    utc_now,
)


@dataclass(frozen=True)
class ActionInput:
    """An agreed action as the form gives it; `id` names an existing action (None: a new one)."""

    description: str | None
    owner: str | None = None
    due_on: dt.date | None = None
    is_done: bool = False
    id: str | None = None


@dataclass(frozen=True)
class ActionRecord:
    id: str
    description: str
    owner: str | None
    due_on: dt.date | None
    is_done: bool


@dataclass(frozen=True)
class Named:
    """Someone a session names: a mentor (staff id) or a coached person (person id)."""

    id: str
    name: str


@dataclass(frozen=True)
class SessionRecord:
    """One session as its form and its signed record show it. Dates and times are Slovenian
    wall-clock; `hours` is what the funder counts (time_rules.funder_hours)."""

    id: str
    session_date: dt.date
    starts: dt.time
    ends: dt.time
    minutes: int
    hours: float
    mode: str
    place: str | None
    topics: tuple[str, ...]
    summary: str | None
    next_session_on: dt.date | None
    organisation_id: str | None
    organisation_name: str | None
    persons: tuple[Named, ...]
    mentors: tuple[Named, ...]
    actions: tuple[ActionRecord, ...]
    site_id: str | None
    site_name: str | None


def _sync_links(session: Session, model, column: str, session_id: str, wanted: Sequence[str], key) -> None:
    """Live links exactly for `wanted`: others are marked deleted, a removed one comes back."""
    rows = {getattr(row, column): row for row in session.scalars(
        select(model).where(model.mentoring_session_id == session_id))}
    for other_id, row in rows.items():
        if other_id not in wanted and row.deleted_at is None:
            row.deleted_at = utc_now()
    for other_id in wanted:
        row = rows.get(other_id)
        if row is None:
            session.add(model(id=key(session_id, other_id), mentoring_session_id=session_id,
                              **{column: other_id}))
        elif row.deleted_at is not None:
            row.deleted_at = None


def write_links(session: Session, session_id: str, mentor_ids: Sequence[str], person_ids: Sequence[str]) -> None:
    _sync_links(session, MentoringSessionMentor, "staff_id", session_id, mentor_ids, mentor_link_key)
    _sync_links(session, MentoringSessionPerson, "person_id", session_id, person_ids, coached_person_key)


def write_actions(session: Session, session_id: str, actions: Sequence[dict]) -> None:
    """`actions`: clean values (with `id` None for new ones); actions left out are marked deleted."""
    existing = {row.id: row for row in session.scalars(select(AgreedAction).where(
        AgreedAction.mentoring_session_id == session_id, AgreedAction.deleted_at.is_(None)))}
    kept = set()
    for values in actions:
        action_id = values.get("id")
        row = existing.get(action_id) if action_id else None
        fields = {name: values[name] for name in ("description", "owner", "due_on", "is_done")}
        if row is None:
            session.add(AgreedAction(mentoring_session_id=session_id, **fields))
            continue
        kept.add(row.id)
        for name, value in fields.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
    for action_id, row in existing.items():
        if action_id not in kept:
            row.deleted_at = utc_now()


def actions_of(session: Session, session_ids: list[str]) -> dict[str, list[ActionRecord]]:
    result: dict[str, list[ActionRecord]] = {key: [] for key in session_ids}
    if not session_ids:
        return result
    rows = session.scalars(select(AgreedAction).where(
        AgreedAction.mentoring_session_id.in_(session_ids), AgreedAction.deleted_at.is_(None))
        .order_by(AgreedAction.due_on.is_(None), AgreedAction.due_on, AgreedAction.created_at, AgreedAction.id))
    for row in rows:
        result[row.mentoring_session_id].append(
            ActionRecord(row.id, row.description, row.owner, row.due_on, bool(row.is_done)))
    return result


def load_records(session: Session, rows: list[MentoringSession]) -> list[SessionRecord]:
    """Records of `rows`, in their order, with names, links and actions read in a few queries."""
    session.flush()
    ids = [row.id for row in rows]
    mentors, persons, actions = mentors_of(session, ids), persons_of(session, ids), actions_of(session, ids)
    organisation_ids = {row.organisation_id for row in rows if row.organisation_id}
    organisations = {key: name for key, name in session.execute(select(Organisation.id, Organisation.name).where(
        Organisation.id.in_(organisation_ids)))} if organisation_ids else {}
    site_ids = {row.site_id for row in rows if row.site_id}
    sites = {key: name for key, name in session.execute(
        select(Site.id, Site.name).where(Site.id.in_(site_ids)))} if site_ids else {}
    records = []
    for row in rows:
        starts, ends = to_local(row.starts_at), to_local(row.ends_at)
        minutes = minutes_between(row.starts_at, row.ends_at)
        records.append(SessionRecord(
            id=row.id, session_date=starts.date(), starts=starts.time(), ends=ends.time(),
            minutes=minutes, hours=funder_hours(minutes), mode=row.mode, place=row.place,
            topics=tuple(row.topics or ()), summary=row.summary, next_session_on=row.next_session_on,
            organisation_id=row.organisation_id, organisation_name=organisations.get(row.organisation_id),
            persons=tuple(Named(*pair) for pair in persons[row.id]),
            mentors=tuple(Named(*pair) for pair in mentors[row.id]),
            actions=tuple(actions[row.id]), site_id=row.site_id, site_name=sites.get(row.site_id),
        ))
    return records
