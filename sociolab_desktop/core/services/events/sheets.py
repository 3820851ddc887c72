"""What an attendance sheet prints for one session: the event's header data and the registered
persons in Slovenian alphabetical order, each with their organisation or municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from sociolab_desktop.core.services.events.lookup import affiliations, live_event, sessions_of
from sociolab_desktop.core.services.events.registrations import REGISTERED
from sociolab_desktop.core.store.models import EventSession, Person, Registration, Site
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


@dataclass(frozen=True)
class SheetRow:
    number: int  # 1, 2, ... as printed in the No. column
    person_id: str
    first_name: str
    last_name: str
    affiliation: str  # organisation(s) on the session's day, else municipality, else post town; may be ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class SessionSheet:
    event_id: str
    event_type: str
    title_sl: str
    title_en: str | None
    site_name: str | None  # the organising info point
    session_id: str
    session_title: str | None
    session_number: int  # 1-based, of `session_count`
    session_count: int
    session_date: dt.date
    starts_at: dt.time
    ends_at: dt.time
    hours: float
    venue: str | None  # the session's own venue, else the event's
    rows: tuple[SheetRow, ...]  # empty when printed blank (e.g. for a fair)


def default_session(sessions: list[EventSession], today: dt.date) -> EventSession:
    """The session a sheet is for when none is named: today's, else the next one, else the last."""
    upcoming = [row for row in sessions if row.session_date >= today]
    return upcoming[0] if upcoming else sessions[-1]


def attendance_sheet_data(store: Store, event_id: str, session_id: str | None = None, *,
                          include_registered: bool = True, today: dt.date | None = None) -> SessionSheet:
    """Raises UserError for an event without sessions or a session of another event."""
    with store.reader() as session:
        event = live_event(session, event_id)
        sessions = sessions_of(session, event.id)
        if not sessions:
            raise UserError(N_("The event “{title}” has no sessions yet. Add a session (date and times) before "
                               "printing its attendance sheet."), title=event.title_sl)
        if session_id:
            chosen = next((row for row in sessions if row.id == session_id), None)
            if chosen is None:
                raise UserError(N_("The session {session} is not a session of the event “{title}”. Choose one of "
                                   "its sessions."), session=session_id, title=event.title_sl)
        else:
            chosen = default_session(sessions, today or dt.date.today())
        rows: tuple[SheetRow, ...] = ()
        if include_registered:
            people = list(session.scalars(
                select(Person).join(Registration, Registration.person_id == Person.id)
                .where(Registration.event_id == event.id, Registration.status == REGISTERED,
                       Registration.deleted_at.is_(None), Person.deleted_at.is_(None), Person.erased_at.is_(None))
                .order_by(Person.sort_key, Person.id)))
            places = affiliations(session, people, chosen.session_date)
            rows = tuple(SheetRow(number, person.id, person.first_name, person.last_name, places.get(person.id, ""))
                         for number, person in enumerate(people, start=1))
        site = session.get(Site, event.site_id) if event.site_id else None
        return SessionSheet(
            event_id=event.id, event_type=event.event_type, title_sl=event.title_sl, title_en=event.title_en,
            site_name=site.name if site else None, session_id=chosen.id, session_title=chosen.title,
            session_number=sessions.index(chosen) + 1, session_count=len(sessions), session_date=chosen.session_date,
            starts_at=chosen.starts_at, ends_at=chosen.ends_at, hours=float(chosen.hours),
            venue=chosen.venue or event.venue, rows=rows)
