"""Events (training programmes, workshops, fairs, ...) with their sessions and certificate rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.domain.enums import EventType, RegistrationStatus
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.events.lookup import (
    evidence_counts,
    live_event,
    sessions_of,
)
from sociolab_desktop.core.services.events.registrations import promote_waiting, registration_rows
from sociolab_desktop.core.services.events.rows import RegistrationRow
from sociolab_desktop.core.services.events.sessions import MAX_TITLE, SessionInfo, attendance_count, session_info
from sociolab_desktop.core.services.fields import FieldErrors, clean_choice, clean_text, collect
from sociolab_desktop.core.store.models import (
    Event,
    EventSession,
    Person,
    Registration,
    Site,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

DEFAULT_CERTIFICATE_PERCENT = 80
MAX_DESCRIPTION = 10_000
MAX_CAPACITY = 100_000


class EventValidationError(FieldErrors):
    message_id = N_("The event was not saved: correct the marked fields.")


@dataclass(frozen=True)
class EventInput:
    """What the event form gives. `site_id` None: this PC's info point on create, unchanged on
    update. `capacity` None: no limit. The certificate rule is a percentage of the programme's hours."""

    event_type: str
    title_sl: str
    title_en: str | None = None
    description: str | None = None
    venue: str | None = None
    site_id: str | None = None
    capacity: int | None = None
    certificate_min_percent: float = DEFAULT_CERTIFICATE_PERCENT


@dataclass(frozen=True)
class EventDetail:
    id: str
    event_type: str
    title_sl: str
    title_en: str | None
    description: str | None
    venue: str | None
    site_id: str | None
    site_name: str | None
    capacity: int | None
    certificate_min_percent: float
    sessions: tuple[SessionInfo, ...]
    registered: int
    waiting: int
    cancelled: int

    @property
    def total_hours(self) -> float:
        return round(sum(s.hours for s in self.sessions), 2)

    @property
    def first_date(self) -> dt.date | None:
        return self.sessions[0].session_date if self.sessions else None

    @property
    def last_date(self) -> dt.date | None:
        return self.sessions[-1].session_date if self.sessions else None

    @property
    def free_places(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.registered)

    def to_input(self) -> EventInput:
        return EventInput(self.event_type, self.title_sl, self.title_en, self.description, self.venue,
                          self.site_id, self.capacity, self.certificate_min_percent)


@dataclass(frozen=True)
class EventSummary:
    """One line of the events list."""

    id: str
    event_type: str
    title_sl: str
    title_en: str | None
    venue: str | None
    site_id: str | None
    capacity: int | None
    first_date: dt.date | None
    last_date: dt.date | None
    session_count: int
    total_hours: float
    registered: int
    waiting: int


@dataclass(frozen=True)
class EventSaved:
    """An updated event and who moved up from the waiting list because the capacity grew."""

    event: EventDetail
    promoted: tuple[RegistrationRow, ...] = ()


# --- checks ----------------------------------------------------------------------------------


def _required(value: str | None, field: str, limit: int) -> str:
    cleaned = clean_text(value, field, limit)
    if not cleaned:
        raise v.FieldError(field, N_("This field is required."))
    return cleaned


def _clean_capacity(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise v.FieldError("capacity", N_("The capacity must be a whole number of at least 1 (leave it empty for "
                                          "no limit); “{value}” is not."), value=value)
    if value > MAX_CAPACITY:
        raise v.FieldError("capacity", N_("The capacity {value} is not possible (at most {limit})."),
                           value=value, limit=MAX_CAPACITY)
    return value


def _clean_percent(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 100:
        raise v.FieldError("certificate_min_percent", N_(
            "The share of hours needed for a certificate must be a percentage from 1 to 100; “{value}” is not."),
            value=value)
    return round(float(value) / 100, 3)


def _clean_event(data: EventInput, session: Session) -> dict[str, object]:
    def site() -> str | None:
        cleaned = clean_text(data.site_id, "site_id")
        if cleaned and (session.get(Site, cleaned) is None or session.get(Site, cleaned).deleted_at is not None):
            raise v.FieldError("site_id", N_("The info point was not found; choose one from the list."))
        return cleaned

    return collect([
        ("event_type", lambda: clean_choice(data.event_type, "event_type", EventType, required=True)),
        ("title_sl", lambda: _required(data.title_sl, "title_sl", MAX_TITLE)),
        ("title_en", lambda: clean_text(data.title_en, "title_en", MAX_TITLE)),
        ("description", lambda: clean_text(data.description, "description", MAX_DESCRIPTION)),
        ("venue", lambda: clean_text(data.venue, "venue", MAX_TITLE)),
        ("site_id", site),
        ("capacity", lambda: _clean_capacity(data.capacity)),
        ("certificate_min_share", lambda: _clean_percent(data.certificate_min_percent)),
    ], EventValidationError)


# --- reading ---------------------------------------------------------------------------------


def status_counts(session: Session, event_ids: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Event id → registrations per status, of persons who are not deleted."""
    query = (select(Registration.event_id, Registration.status, func.count())
             .join(Person, Person.id == Registration.person_id)
             .where(Registration.deleted_at.is_(None), Person.deleted_at.is_(None))
             .group_by(Registration.event_id, Registration.status))
    if event_ids is not None:
        query = query.where(Registration.event_id.in_(event_ids))
    counts: dict[str, dict[str, int]] = {}
    for event_id, status, count in session.execute(query):
        counts.setdefault(event_id, {})[status] = count
    return counts


def event_detail(session: Session, event: Event) -> EventDetail:
    rows = sessions_of(session, event.id)
    evidence = evidence_counts(session, [row.id for row in rows])
    counts = status_counts(session, [event.id]).get(event.id, {})
    site = session.get(Site, event.site_id) if event.site_id else None
    return EventDetail(
        id=event.id, event_type=event.event_type, title_sl=event.title_sl, title_en=event.title_en,
        description=event.description, venue=event.venue, site_id=event.site_id,
        site_name=site.name if site else None, capacity=event.capacity,
        certificate_min_percent=round(float(event.certificate_min_share) * 100, 1),
        sessions=tuple(session_info(row, evidence) for row in rows),
        registered=counts.get(RegistrationStatus.REGISTERED, 0), waiting=counts.get(RegistrationStatus.WAITING, 0),
        cancelled=counts.get(RegistrationStatus.CANCELLED, 0),
    )


def get_event(store: Store, event_id: str) -> EventDetail | None:
    with store.reader() as session:
        event = session.get(Event, event_id) if event_id else None
        if event is None or event.deleted_at is not None:
            return None
        return event_detail(session, event)


def list_events(store: Store, *, event_type: str | None = None, site_id: str | None = None,
                query: str | None = None) -> list[EventSummary]:
    """Live events, the newest first (events without sessions yet at the top); `query` matches the
    start of words of either title, accents ignored."""
    select_events = select(Event).where(Event.deleted_at.is_(None))
    if event_type:
        select_events = select_events.where(Event.event_type == event_type)
    if site_id:
        select_events = select_events.where(Event.site_id == site_id)
    words = fold(query).split()
    with store.reader() as session:
        events = [event for event in session.scalars(select_events)
                  if all(any(w.startswith(word) for w in fold(f"{event.title_sl} {event.title_en or ''}").split())
                         for word in words)]
        ids = [event.id for event in events]
        spans = {}
        for start in range(0, len(ids), 500):
            spans.update({row[0]: row[1:] for row in session.execute(
                select(EventSession.event_id, func.min(EventSession.session_date), func.max(EventSession.session_date),
                       func.count(), func.coalesce(func.sum(EventSession.hours), 0))
                .where(EventSession.event_id.in_(ids[start:start + 500]), EventSession.deleted_at.is_(None))
                .group_by(EventSession.event_id))})
        counts = status_counts(session)
        summaries = []
        for event in events:
            first, last, number, hours = spans.get(event.id, (None, None, 0, 0))
            by_status = counts.get(event.id, {})
            summaries.append(EventSummary(
                event.id, event.event_type, event.title_sl, event.title_en, event.venue, event.site_id,
                event.capacity, first, last, number, round(float(hours), 2),
                by_status.get(RegistrationStatus.REGISTERED, 0), by_status.get(RegistrationStatus.WAITING, 0)))
    summaries.sort(key=lambda s: (fold(s.title_sl), s.id))
    summaries.sort(key=lambda s: (s.first_date is None, s.first_date or dt.date.min), reverse=True)  # stable
    return summaries


# --- writing ---------------------------------------------------------------------------------


def create_event(store: Store, actor: Actor, data: EventInput) -> EventDetail:
    """Raises EventValidationError naming every wrong field."""
    with store.unit_of_work(actor) as session:
        values = _clean_event(data, session)
        values["site_id"] = values["site_id"] or actor.site_id
        event = Event(**values)
        session.add(event)
        session.flush()
        return event_detail(session, event)


def update_event(store: Store, actor: Actor, event_id: str, data: EventInput) -> EventSaved:
    """A lower capacity may not leave registered persons without a place; a higher one moves
    persons up from the waiting list (in the order they registered)."""
    with store.unit_of_work(actor) as session:
        event = live_event(session, event_id)
        values = _clean_event(data, session)
        values["site_id"] = values["site_id"] or event.site_id
        capacity = values["capacity"]
        registered = status_counts(session, [event.id]).get(event.id, {}).get(RegistrationStatus.REGISTERED, 0)
        if capacity is not None and capacity < registered:
            raise EventValidationError([v.FieldError(
                "capacity", N_("Persons registered already: {count}. The capacity cannot be lower; cancel "
                               "registrations first or leave the capacity as it is."), count=registered)])
        for column, value in values.items():
            if getattr(event, column) != value:  # untouched fields stay out of sync's change log
                setattr(event, column, value)
        session.flush()
        promoted = promote_waiting(session, event)
        session.flush()
        return EventSaved(event_detail(session, event), tuple(registration_rows(session, promoted)))


def delete_event(store: Store, actor: Actor, event_id: str) -> None:
    """Refused once anyone was checked in: attendance is evidence the funder audits."""
    with store.unit_of_work(actor) as session:
        event = live_event(session, event_id)
        count = attendance_count(session, (EventSession.event_id == event.id) & EventSession.deleted_at.is_(None))
        if count:
            raise UserError(N_("Check-ins recorded for this event: {count}. An event with attendance is evidence "
                               "for the funder and cannot be deleted; undo the check-ins first if they were a "
                               "mistake."),
                            count=count)
        event.deleted_at = utc_now()
