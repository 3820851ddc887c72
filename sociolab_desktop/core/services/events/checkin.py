"""Check-in at the door: by person or scanned code, walk-ins quick-added and checked in in one
step, a second check-in refused, and undo of the last one. Works on this PC's database alone.

An attendance's key is derived from session and person (domain.keys.attendance_key), so two
laptops at two doors checking in the same person offline hold one attendance once synced.
A check-in is a fact and a cancellation an intention: when one PC cancels a registration while
another (offline) checks the person in, both stand after sync; the attendance counts (present,
hours, certificates, indicators) and the registration stays cancelled.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.keys import attendance_key
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.events.lookup import (
    EventError,
    find_attendance,
    find_registration,
    live_event_session,
    local_clock,
    local_time,
)
from sociolab_desktop.core.services.events.registrations import (
    CANCELLED,
    REGISTERED,
    WAITING,
    QuickPerson,
    place_registration,
    registration_rows,
)
from sociolab_desktop.core.services.events.roster import code_matches
from sociolab_desktop.core.services.records import live_person
from sociolab_desktop.core.store.models import Attendance, EventSession, Person, Registration, utc_now
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)


class CheckInRefused(EventError):
    """Why a person was not checked in. `offer_walk_in`: checking them in as a walk-in would
    admit them (not registered, cancelled, waiting)."""

    offer_walk_in = False
    person_id: str | None = None


class NotRegistered(CheckInRefused):
    offer_walk_in = True

    def __init__(self, person_id: str, name: str) -> None:
        super().__init__(N_("{name} is not registered for this event. Add them as a walk-in to check them in."),
                         name=name)
        self.person_id = person_id


class RegistrationCancelled(CheckInRefused):
    offer_walk_in = True

    def __init__(self, person_id: str, name: str, cancelled_on: dt.date | None) -> None:
        super().__init__(N_("{name} cancelled the registration for this event ({date}). To admit them, check them "
                            "in as a walk-in."), name=name, date=cancelled_on or "?")
        self.person_id = person_id


class OnWaitingList(CheckInRefused):
    offer_walk_in = True

    def __init__(self, person_id: str, name: str, position: int | None) -> None:
        super().__init__(N_("{name} is on the waiting list (place {position}). To admit them, check them in as a "
                            "walk-in."), name=name, position=position or "?")
        self.person_id = person_id


class AlreadyCheckedIn(CheckInRefused):
    """Nothing was counted twice. `checked_in_at`: naive UTC of the first check-in."""

    def __init__(self, person_id: str, name: str, checked_in_at: dt.datetime) -> None:
        super().__init__(N_("{name} is already checked in for this session (at {time}); not counted again."),
                         name=name, time=local_clock(checked_in_at))
        self.person_id = person_id
        self.checked_in_at = checked_in_at


class UnknownCode(CheckInRefused):
    def __init__(self, code: str) -> None:
        super().__init__(N_("No registration for this event has the code “{code}”. Search by name, or add the "
                            "person as a walk-in."), code=code)


class AmbiguousCode(CheckInRefused):
    def __init__(self, code: str) -> None:
        super().__init__(N_("The code “{code}” belongs to more than one registration of this event; search by "
                            "name instead."), code=code)


@dataclass(frozen=True)
class CheckInReceipt:
    """A check-in done, and what `undo_check_in` needs to take it back exactly.
    `registration_before`: the registration's status before (None: the walk-in made it)."""

    attendance_id: str
    event_session_id: str
    registration_id: str
    person_id: str
    first_name: str
    last_name: str
    checked_in_at: dt.datetime  # naive UTC
    is_walk_in: bool
    registration_before: str | None
    registered_on_before: dt.date | None = None
    cancelled_on_before: dt.date | None = None
    person_created: bool = False  # quick-added at the door (kept, flagged incomplete, on undo)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def checked_in_local(self) -> dt.datetime:
        """The check-in time in this PC's time zone (aware), for showing it."""
        return local_time(self.checked_in_at)


def _record_attendance(session: Session, event_session: EventSession, person: Person, actor: Actor,
                       at: dt.datetime, walk_in: bool) -> Attendance:
    row = find_attendance(session, event_session.id, person.id)
    if row is not None and row.deleted_at is None:
        raise AlreadyCheckedIn(person.id, person.full_name, row.checked_in_at)
    if row is None:
        row = Attendance(id=attendance_key(event_session.id, person.id), event_session_id=event_session.id,
                         person_id=person.id)
        session.add(row)
    # A check-in undone earlier comes back under the same key (one record, whoever syncs first).
    row.deleted_at, row.checked_in_at, row.is_walk_in, row.checked_in_by_id = None, at, walk_in, actor.staff_id
    session.flush()
    return row


def _receipt(attendance: Attendance, registration: Registration, person: Person, before: str | None,
             registered_on: dt.date | None = None, cancelled_on: dt.date | None = None,
             person_created: bool = False) -> CheckInReceipt:
    return CheckInReceipt(attendance.id, attendance.event_session_id, registration.id, person.id, person.first_name,
                          person.last_name, attendance.checked_in_at, attendance.is_walk_in, before, registered_on,
                          cancelled_on, person_created)


def _check_in(session: Session, actor: Actor, session_id: str, person_id: str,
              at: dt.datetime | None) -> CheckInReceipt:
    event_session, event = live_event_session(session, session_id)
    person = live_person(session, person_id)
    registration = find_registration(session, event.id, person.id)
    if registration is None or registration.deleted_at is not None:
        raise NotRegistered(person.id, person.full_name)
    if registration.status == CANCELLED:
        raise RegistrationCancelled(person.id, person.full_name, registration.cancelled_on)
    if registration.status == WAITING:
        position = registration_rows(session, [registration])[0].waiting_position
        raise OnWaitingList(person.id, person.full_name, position)
    attendance = _record_attendance(session, event_session, person, actor, at or utc_now(), walk_in=False)
    return _receipt(attendance, registration, person, REGISTERED)


def check_in(store: Store, actor: Actor, session_id: str, person_id: str, *,
             at: dt.datetime | None = None) -> CheckInReceipt:
    """Check a registered person in for the session (`at`: naive UTC, default now). Raises a
    CheckInRefused: NotRegistered, RegistrationCancelled, OnWaitingList, AlreadyCheckedIn."""
    with store.unit_of_work(actor) as session:
        return _check_in(session, actor, session_id, person_id, at)


def check_in_by_code(store: Store, actor: Actor, session_id: str, code: str, *,
                     at: dt.datetime | None = None) -> CheckInReceipt:
    """What a barcode scanner's code and Enter do. Raises UnknownCode or AmbiguousCode besides
    what `check_in` raises."""
    typed = (code or "").strip()
    with store.unit_of_work(actor) as session:
        event_session, event = live_event_session(session, session_id)
        found = code_matches(session, event.id, event_session.id, typed)
        if not found:
            raise UnknownCode(typed)
        if len(found) > 1:
            raise AmbiguousCode(typed)
        return _check_in(session, actor, session_id, found[0].person_id, at)


def check_in_walk_in(store: Store, actor: Actor, session_id: str, *, person_id: str | None = None,
                     new_person: QuickPerson | None = None, allow_duplicates: bool = False,
                     today: dt.date | None = None, at: dt.datetime | None = None) -> CheckInReceipt:
    """Admit someone at the door in one step: an existing person (`person_id`) or one quick-added
    (`new_person`, saved flagged incomplete for ESF), registered whatever the capacity (they are
    in the room) and checked in as a walk-in. A person already registered is simply checked in.

    Raises persons.PersonValidationError / PossibleDuplicate for the new person (check in the
    existing one instead, or repeat with allow_duplicates=True), AlreadyCheckedIn."""
    if (person_id is None) == (new_person is None):
        raise ValueError("give either person_id or new_person")
    today = today or dt.date.today()
    created = False
    if new_person is not None:
        with store.reader() as session:
            live_event_session(session, session_id)  # refuse before a person is saved for nothing
        saved = persons.create_person(store, actor, new_person.to_person_input(), today=today,
                                      allow_duplicates=allow_duplicates)
        person_id, created = saved.id, True
    with store.unit_of_work(actor) as session:
        event_session, event = live_event_session(session, session_id)
        person = live_person(session, person_id)
        registration = find_registration(session, event.id, person.id)
        if registration is not None and registration.deleted_at is None and registration.status == REGISTERED:
            return _check_in(session, actor, session_id, person.id, at)
        previous = (registration.registered_on, registration.cancelled_on) if registration is not None else (None, None)
        attendance = find_attendance(session, event_session.id, person.id)
        if attendance is not None and attendance.deleted_at is None:  # checked in elsewhere, registration cancelled
            raise AlreadyCheckedIn(person.id, person.full_name, attendance.checked_in_at)
        registration, before = place_registration(session, event, person, today, at_the_door=True)
        attendance = _record_attendance(session, event_session, person, actor, at or utc_now(), walk_in=True)
        log.info("Walk-in checked in at session %s (registration %s)", event_session.id, registration.id)
        return _receipt(attendance, registration, person, before, *previous, person_created=created)


def undo_check_in(store: Store, actor: Actor, receipt: CheckInReceipt) -> None:
    """Take back a check-in, and what a walk-in changed in the registration. A person quick-added
    at the door stays (flagged incomplete); delete them in the clients' list if they were a mistake."""
    with store.unit_of_work(actor) as session:
        attendance = session.get(Attendance, receipt.attendance_id)
        if attendance is None or attendance.deleted_at is not None:
            raise UserError(N_("This check-in was already undone."))
        attendance.deleted_at = utc_now()
        if receipt.registration_before == REGISTERED:
            return
        registration = session.get(Registration, receipt.registration_id)
        if registration is None or registration.deleted_at is not None:
            return
        if receipt.registration_before is None:
            registration.deleted_at = utc_now()
        else:
            registration.status = receipt.registration_before
            registration.registered_on = receipt.registered_on_before or registration.registered_on
            registration.cancelled_on = receipt.cancelled_on_before
