"""Sessions of an event: date, times and the hours they count towards the certificate rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.services.events.lookup import evidence_counts, live_event, live_event_session
from sociolab_desktop.core.services.fields import FieldErrors, clean_text, collect
from sociolab_desktop.core.store.models import Attendance, EventSession, utc_now
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

MAX_TITLE = 300
MAX_SESSION_HOURS = 24


class SessionValidationError(FieldErrors):
    message_id = N_("The session was not saved: correct the marked fields.")


@dataclass(frozen=True)
class SessionInput:
    """`hours` None: the time between start and end (give it when breaks or 45-minute teaching
    hours count differently)."""

    session_date: dt.date | None
    starts_at: dt.time | None
    ends_at: dt.time | None
    hours: float | None = None
    title: str | None = None
    venue: str | None = None


@dataclass(frozen=True)
class SessionInfo:
    id: str
    event_id: str
    title: str | None
    session_date: dt.date
    starts_at: dt.time
    ends_at: dt.time
    hours: float
    venue: str | None  # None: the event's venue
    evidence_count: int  # scanned signed sheets attached

    @property
    def evidence_complete(self) -> bool:
        return self.evidence_count > 0


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def _clean_session(data: SessionInput) -> dict[str, object]:
    def required(value, field):
        if value is None:
            raise v.FieldError(field, N_("This field is required."))
        return value

    values = collect([
        ("session_date", lambda: required(data.session_date, "session_date")),
        ("starts_at", lambda: required(data.starts_at, "starts_at")),
        ("ends_at", lambda: required(data.ends_at, "ends_at")),
        ("title", lambda: clean_text(data.title, "title", MAX_TITLE)),
        ("venue", lambda: clean_text(data.venue, "venue", MAX_TITLE)),
    ], SessionValidationError)
    start, end = (values[name].replace(second=0, microsecond=0) for name in ("starts_at", "ends_at"))
    values["starts_at"], values["ends_at"] = start, end
    if end <= start:
        raise SessionValidationError([v.FieldError(
            "ends_at", N_("The session ends at {end}, which is not after its start at {start}. Correct the times."),
            end=end.strftime("%H:%M"), start=start.strftime("%H:%M"))])
    hours = data.hours
    if hours is None:
        hours = round((_minutes(end) - _minutes(start)) / 60, 2)
    elif isinstance(hours, bool) or not isinstance(hours, (int, float)) or not 0 < hours <= MAX_SESSION_HOURS:
        raise SessionValidationError([v.FieldError(
            "hours", N_("The hours of a session must be more than 0 and at most {limit}; “{value}” is not."),
            value=hours, limit=MAX_SESSION_HOURS)])
    values["hours"] = round(float(hours), 2)
    return values


def session_info(row: EventSession, evidence: dict[str, int]) -> SessionInfo:
    return SessionInfo(row.id, row.event_id, row.title, row.session_date, row.starts_at, row.ends_at,
                       float(row.hours), row.venue, evidence.get(row.id, 0))


def attendance_count(session: Session, where) -> int:
    return session.scalar(
        select(func.count()).select_from(Attendance).join(EventSession, EventSession.id == Attendance.event_session_id)
        .where(where, Attendance.deleted_at.is_(None))) or 0


def add_session(store: Store, actor: Actor, event_id: str, data: SessionInput) -> SessionInfo:
    values = _clean_session(data)
    with store.unit_of_work(actor) as session:
        event = live_event(session, event_id)
        row = EventSession(event_id=event.id, **values)
        session.add(row)
        session.flush()
        return session_info(row, {})


def update_session(store: Store, actor: Actor, session_id: str, data: SessionInput) -> SessionInfo:
    values = _clean_session(data)
    with store.unit_of_work(actor) as session:
        row, _event = live_event_session(session, session_id)
        for column, value in values.items():
            if getattr(row, column) != value:
                setattr(row, column, value)
        session.flush()
        return session_info(row, evidence_counts(session, [row.id]))


def delete_session(store: Store, actor: Actor, session_id: str) -> None:
    """Refused when someone was checked in or a signed sheet is attached (audit evidence)."""
    with store.unit_of_work(actor) as session:
        row, _event = live_event_session(session, session_id)
        count = attendance_count(session, EventSession.id == row.id)
        if count:
            raise UserError(N_("Check-ins recorded for this session: {count}. Undo them before deleting the "
                               "session."), count=count)
        if evidence_counts(session, [row.id]):
            raise UserError(N_("A signed attendance sheet is attached to this session. Remove it before deleting "
                               "the session."))
        row.deleted_at = utc_now()
