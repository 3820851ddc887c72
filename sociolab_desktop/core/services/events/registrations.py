"""Registrations for an event: existing persons, persons quick-added at the door, many at once
(an import), capacity and the waiting list, cancellation (which moves the first waiting person up).

A registration's key is derived from event and person (domain.keys.registration_key) and its code
from that key, so two PCs registering the same person offline end with one registration.
Capacity is checked against what this PC knows: registrations made offline elsewhere may
overbook an event once synced; the event then shows more registered than places, nobody is
dropped silently.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.core.domain.keys import registration_key
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.events.codes import registration_code
from sociolab_desktop.core.services.events.lookup import EventError, affiliations, find_registration, live_event
from sociolab_desktop.core.services.events.rows import RegistrationRow
from sociolab_desktop.core.services.records import live_person
from sociolab_desktop.core.store.models import Event, Person, Registration, utc_now
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)
REGISTERED, WAITING, CANCELLED = (RegistrationStatus.REGISTERED.value, RegistrationStatus.WAITING.value,
                                  RegistrationStatus.CANCELLED.value)


class AlreadyRegistered(UserError):
    """The person holds a live registration (registered or waiting): `registration` says which."""

    def __init__(self, registration: RegistrationRow) -> None:
        if registration.status == WAITING:
            message = N_("{name} is already on the waiting list for this event (code {code}).")
        else:
            message = N_("{name} is already registered for this event (code {code}).")
        super().__init__(message, name=registration.full_name, code=registration.code)
        self.registration = registration


@dataclass(frozen=True)
class QuickPerson:
    """The few fields asked at the door; the person is saved flagged incomplete for ESF, to be
    completed later in the client's record. `municipality_code` may also be a name."""

    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None
    municipality_code: str | None = None
    preferred_language: str = "sl"

    def to_person_input(self) -> persons.PersonInput:
        return persons.PersonInput(
            first_name=self.first_name, last_name=self.last_name, email=self.email, phone=self.phone,
            municipality_code=self.municipality_code, preferred_language=self.preferred_language,
            is_incomplete=True)


@dataclass(frozen=True)
class RegistrationOutcome:
    registration: RegistrationRow
    waiting: bool  # the event was full: the person is on the waiting list
    reinstated: bool = False  # an earlier cancelled registration came back


@dataclass(frozen=True)
class CancelOutcome:
    registration: RegistrationRow
    promoted: tuple[RegistrationRow, ...]  # moved up from the waiting list into the freed places


# --- helpers that take the caller's session ------------------------------------------------------


def registered_count(session: Session, event_id: str) -> int:
    return session.scalar(
        select(func.count()).select_from(Registration).join(Person, Person.id == Registration.person_id)
        .where(Registration.event_id == event_id, Registration.status == REGISTERED,
               Registration.deleted_at.is_(None), Person.deleted_at.is_(None))) or 0


def _waiting_query(event_id: str):
    return (select(Registration).join(Person, Person.id == Registration.person_id)
            .where(Registration.event_id == event_id, Registration.status == WAITING,
                   Registration.deleted_at.is_(None), Person.deleted_at.is_(None))
            .order_by(Registration.registered_on, Registration.created_at, Registration.id))


def promote_waiting(session: Session, event: Event) -> list[Registration]:
    """Move waiting persons up, first come first, while there are free places."""
    waiting = list(session.scalars(_waiting_query(event.id)))
    if event.capacity is not None:
        waiting = waiting[:max(0, event.capacity - registered_count(session, event.id))]
    for row in waiting:
        row.status = REGISTERED
    if waiting:
        log.info("Moved %d registration(s) of event %s up from the waiting list", len(waiting), event.id)
    return waiting


def registration_rows(session: Session, rows: Iterable[Registration]) -> list[RegistrationRow]:
    registrations = list(rows)
    people = {person.id: person for person in session.scalars(
        select(Person).where(Person.id.in_({row.person_id for row in registrations})))}
    places = affiliations(session, people.values())
    positions: dict[str, int] = {}
    for event_id in {row.event_id for row in registrations if row.status == WAITING}:
        for number, waiting_id in enumerate(session.scalars(_waiting_query(event_id).with_only_columns(
                Registration.id)), start=1):
            positions[waiting_id] = number
    result = []
    for row in registrations:
        person = people[row.person_id]
        result.append(RegistrationRow(
            id=row.id, event_id=row.event_id, person_id=row.person_id, first_name=person.first_name,
            last_name=person.last_name, code=row.code, status=row.status, registered_on=row.registered_on,
            cancelled_on=row.cancelled_on, affiliation=places.get(person.id, ""),
            person_incomplete=bool(person.is_incomplete), waiting_position=positions.get(row.id)))
    return result


def place_registration(session: Session, event: Event, person: Person, today: dt.date, *,
                       at_the_door: bool = False) -> tuple[Registration, str | None]:
    """The person's registration made live: new, or a cancelled one brought back. At the door the
    person is in the room, so capacity does not apply. Returns (row, its status before: None if
    new). Raises AlreadyRegistered for a live registration, unless at the door (a waiting person
    who came is admitted)."""
    row = find_registration(session, event.id, person.id)
    before = None if row is None or row.deleted_at is not None else row.status
    if before in (REGISTERED, WAITING) and not (at_the_door and before == WAITING):
        raise AlreadyRegistered(registration_rows(session, [row])[0])
    if not at_the_door:
        promote_waiting(session, event)  # free places go to those waiting before anyone new
    full = event.capacity is not None and registered_count(session, event.id) >= event.capacity
    status = REGISTERED if at_the_door or not full else WAITING
    if row is None:
        key = registration_key(event.id, person.id)
        row = Registration(id=key, event_id=event.id, person_id=person.id, code=registration_code(key),
                           status=status, registered_on=today)
        session.add(row)
        _warn_on_code_clash(session, row)
    else:
        if before != WAITING:  # a waiting person admitted at the door keeps their registration date
            row.registered_on = today
        row.status, row.cancelled_on, row.deleted_at = status, None, None
    session.flush()
    return row, before


def place_registrations(session: Session, event: Event, persons: Sequence[Person], today: dt.date
                        ) -> list[tuple[Registration, str | None]]:
    """Several distinct persons registered in their order, as place_registration would register
    them one by one (those waiting move up first, then free places, then the waiting list), with
    the counts read once and one flush: an import of hundreds of rows. Raises AlreadyRegistered
    for a live registration (nothing of the batch is flushed then)."""
    if len({person.id for person in persons}) != len(persons):
        raise ValueError("a person can be registered only once")
    promote_waiting(session, event)
    session.flush()
    registered = registered_count(session, event.id)
    # One flush stamps every row alike, and the waiting list is ordered by creation time: new
    # rows get times a microsecond apart, in the order given.
    stamp, placed = utc_now(), []
    with session.no_autoflush:
        for number, person in enumerate(persons):
            row = find_registration(session, event.id, person.id)
            before = None if row is None or row.deleted_at is not None else row.status
            if before in (REGISTERED, WAITING):
                raise AlreadyRegistered(registration_rows(session, [row])[0])
            status = REGISTERED if event.capacity is None or registered < event.capacity else WAITING
            registered += status == REGISTERED
            if row is None:
                key = registration_key(event.id, person.id)
                row = Registration(id=key, event_id=event.id, person_id=person.id, code=registration_code(key),
                                   status=status, registered_on=today,
                                   created_at=stamp + dt.timedelta(microseconds=number))
                session.add(row)
            else:
                row.registered_on, row.status, row.cancelled_on, row.deleted_at = today, status, None, None
            placed.append((row, before))
    session.flush()
    for row, before in placed:
        if before is None:
            _warn_on_code_clash(session, row)
    return placed


def _warn_on_code_clash(session: Session, row: Registration) -> None:
    clash = session.scalar(select(func.count()).select_from(Registration).where(
        Registration.event_id == row.event_id, Registration.code == row.code, Registration.id != row.id,
        Registration.deleted_at.is_(None)))
    if clash:  # about one in a million per 500-person event; lookups by code then ask for the name
        log.warning("Registration %s shares its code with %d other registration(s) of event %s",
                    row.id, clash, row.event_id)


# --- use cases ----------------------------------------------------------------------------------


def register_person(store: Store, actor: Actor, event_id: str, person_id: str, *,
                    today: dt.date | None = None) -> RegistrationOutcome:
    """Register an existing person (one found by the intake search). A full event puts them on
    the waiting list; a second registration is refused (AlreadyRegistered); a cancelled one comes back."""
    with store.unit_of_work(actor) as session:
        event = live_event(session, event_id)
        person = live_person(session, person_id)
        row, before = place_registration(session, event, person, today or dt.date.today())
        return RegistrationOutcome(registration_rows(session, [row])[0], row.status == WAITING,
                                   reinstated=before == CANCELLED)


def quick_add_and_register(store: Store, actor: Actor, event_id: str, person: QuickPerson, *,
                           today: dt.date | None = None, allow_duplicates: bool = False) -> RegistrationOutcome:
    """Save a new person (flagged incomplete for ESF) and register them. Raises
    persons.PersonValidationError for wrong fields and persons.PossibleDuplicate when the person
    may be recorded already (register that one instead, or repeat with allow_duplicates=True)."""
    today = today or dt.date.today()
    with store.reader() as session:
        live_event(session, event_id)  # refuse before a person is saved for nothing
    saved = persons.create_person(store, actor, person.to_person_input(), today=today,
                                  allow_duplicates=allow_duplicates)
    return register_person(store, actor, event_id, saved.id, today=today)


def cancel_registration(store: Store, actor: Actor, registration_id: str, *,
                        today: dt.date | None = None) -> CancelOutcome:
    """Check-ins already recorded stay: they happened."""
    with store.unit_of_work(actor) as session:
        row = session.get(Registration, registration_id) if registration_id else None
        if row is None or row.deleted_at is not None:
            raise UserError(N_("The registration was not found; the list may be out of date. Refresh it and try "
                               "again."))
        if row.status == CANCELLED:
            raise EventError(N_("This registration was already cancelled on {date}."), date=row.cancelled_on or "?")
        event = live_event(session, row.event_id)
        row.status, row.cancelled_on = CANCELLED, today or dt.date.today()
        session.flush()
        promoted = promote_waiting(session, event)
        session.flush()
        return CancelOutcome(registration_rows(session, [row])[0], tuple(registration_rows(session, promoted)))


def _rows_query(event_id: str):
    return (select(Registration).join(Person, Person.id == Registration.person_id)
            .where(Registration.event_id == event_id, Registration.deleted_at.is_(None), Person.deleted_at.is_(None)))


def list_registrations(store: Store, event_id: str, *, statuses: Iterable[str] | None = None) -> list[RegistrationRow]:
    """The event's registrations by surname and name in Slovenian order (č after c, š after s, ž after z)."""
    query = _rows_query(event_id).order_by(Person.sort_key, Person.id)
    if statuses is not None:
        query = query.where(Registration.status.in_(list(statuses)))
    with store.reader() as session:
        return registration_rows(session, session.scalars(query))


def waiting_list(store: Store, event_id: str) -> list[RegistrationRow]:
    """Waiting persons in the order they will move up."""
    with store.reader() as session:
        return registration_rows(session, session.scalars(_waiting_query(event_id)))


def get_registration(store: Store, registration_id: str) -> RegistrationRow | None:
    with store.reader() as session:
        row = session.get(Registration, registration_id) if registration_id else None
        if row is None or row.deleted_at is not None:
            return None
        return registration_rows(session, [row])[0]
