"""Lookups the event services share: live events and sessions, a person's registration and
attendance (found by pair, not only by key), and what a sheet prints beside a name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.keys import attendance_key, registration_key
from sociolab_desktop.core.domain.municipalities import municipality_by_code
from sociolab_desktop.core.store.models import (
    Attachment,
    Attendance,
    Event,
    EventSession,
    Organisation,
    Person,
    PersonOrganisationRole,
    Registration,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

SESSION_OWNER = "event_session"  # Attachment.owner_table of a session's signed sheets


class EventError(UserError):
    """A UserError of the events area (its dates and numbers are shown the reader's way, as every
    UserError's are)."""

    def __str__(self) -> str:  # English, for logs and test failures: "12" hours, not "12.0"
        return self.message.format(**{key: f"{value:g}" if isinstance(value, float) else value
                                      for key, value in self.values.items()})


def live_event(session: Session, event_id: str) -> Event:
    event = session.get(Event, event_id) if event_id else None
    if event is None or event.deleted_at is not None:
        raise UserError(N_("The event was not found; the list may be out of date. Refresh it and try again."))
    return event


def live_event_session(session: Session, session_id: str) -> tuple[EventSession, Event]:
    row = session.get(EventSession, session_id) if session_id else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The session was not found; the list may be out of date. Refresh it and try again."))
    return row, live_event(session, row.event_id)


def sessions_of(session: Session, event_id: str) -> list[EventSession]:
    """Live sessions in the order they take place."""
    return list(session.scalars(
        select(EventSession).where(EventSession.event_id == event_id, EventSession.deleted_at.is_(None))
        .order_by(EventSession.session_date, EventSession.starts_at, EventSession.id)))


def evidence_counts(session: Session, session_ids: Iterable[str]) -> dict[str, int]:
    ids = list(session_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Attachment.owner_id, func.count()).where(
            Attachment.owner_table == SESSION_OWNER, Attachment.owner_id.in_(ids), Attachment.deleted_at.is_(None))
        .group_by(Attachment.owner_id))
    return dict(rows.all())


def find_registration(session: Session, event_id: str, person_id: str) -> Registration | None:
    """The person's live registration, else the (soft-deleted) one under the derived key.

    Not only by key: after two persons are merged the survivor may hold a registration whose key
    was made from the duplicate's id."""
    live = session.scalars(select(Registration).where(
        Registration.event_id == event_id, Registration.person_id == person_id,
        Registration.deleted_at.is_(None)).order_by(Registration.id)).first()
    return live or session.get(Registration, registration_key(event_id, person_id))


def find_attendance(session: Session, session_id: str, person_id: str) -> Attendance | None:
    live = session.scalars(select(Attendance).where(
        Attendance.event_session_id == session_id, Attendance.person_id == person_id,
        Attendance.deleted_at.is_(None)).order_by(Attendance.id)).first()
    return live or session.get(Attendance, attendance_key(session_id, person_id))


def affiliations(session: Session, persons: Iterable[Person], on: dt.date | None = None) -> dict[str, str]:
    """Person id → what a sheet prints beside the name: the organisation(s) the person is with
    on `on` (any date when None), else the municipality, else the post town; "" if none known."""
    people = list(persons)
    ids = [person.id for person in people]
    organisations: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        query = (select(PersonOrganisationRole.person_id, Organisation.name)
                 .join(Organisation, Organisation.id == PersonOrganisationRole.organisation_id)
                 .where(PersonOrganisationRole.person_id.in_(ids[start:start + 500]),
                        PersonOrganisationRole.deleted_at.is_(None), Organisation.deleted_at.is_(None))
                 .order_by(Organisation.sort_key, Organisation.id))
        if on is not None:
            query = query.where((PersonOrganisationRole.since.is_(None)) | (PersonOrganisationRole.since <= on),
                                (PersonOrganisationRole.until.is_(None)) | (PersonOrganisationRole.until >= on))
        for person_id, name in session.execute(query):
            names = organisations.setdefault(person_id, [])
            if name not in names:
                names.append(name)
    result = {}
    for person in people:
        if person.id in organisations:
            result[person.id] = ", ".join(organisations[person.id])
            continue
        municipality = municipality_by_code(person.municipality_code) if person.municipality_code else None
        result[person.id] = municipality.name if municipality else (person.post_town or "")
    return result


def local_time(utc_naive: dt.datetime | None) -> dt.datetime | None:
    """A stored time (naive UTC) in this PC's time zone, for showing it."""
    return utc_naive.replace(tzinfo=dt.UTC).astimezone() if utc_naive is not None else None


def local_clock(utc_naive: dt.datetime | None) -> str:
    """"09:05" in this PC's time zone, for messages."""
    return local_time(utc_naive).strftime("%H:%M") if utc_naive is not None else ""
