"""Counts the project's indicators need from events: persons in training programmes (registered,
attended at least once, met the certificate rule) and events held (fairs, the conference, ...).

Persons merged into another count once, as the survivor; deleted persons not at all; a person
whose data was erased still counts (the count holds no personal data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from sociolab_desktop.core.domain.enums import EventType
from sociolab_desktop.core.services.events.certificates import hours_by_person, meets_rule
from sociolab_desktop.core.services.events.registrations import REGISTERED
from sociolab_desktop.core.store.models import Event, EventSession, Person, Registration
from sociolab_desktop.core.store.unit_of_work import Store

TRAINING_TYPES = (EventType.TRAINING_PROGRAMME.value,)


@dataclass(frozen=True)
class TrainingParticipants:
    """Distinct persons. `registered`: registered (not waiting, not cancelled) or checked in at
    least once; `attended`: checked in at least once; `completed`: met the certificate rule of
    at least one programme. Each count includes the next."""

    registered: int
    attended: int
    completed: int


def _events(session, event_types: Iterable[str], site_id: str | None, since: dt.date | None,
            until: dt.date | None) -> dict[str, tuple[Event, dt.date, float]]:
    """Live events of the types with live sessions, whose first session falls in [since, until]:
    event id → (event, first day, total hours)."""
    query = (select(Event, func.min(EventSession.session_date), func.sum(EventSession.hours))
             .join(EventSession, EventSession.event_id == Event.id)
             .where(Event.deleted_at.is_(None), EventSession.deleted_at.is_(None),
                    Event.event_type.in_(list(event_types)))
             .group_by(Event.id))
    if site_id:
        query = query.where(Event.site_id == site_id)
    result = {}
    for event, first_day, hours in session.execute(query):
        if (since is None or first_day >= since) and (until is None or first_day <= until):
            result[event.id] = (event, first_day, float(hours or 0))
    return result


def training_participants(store: Store, *, site_id: str | None = None, since: dt.date | None = None,
                          until: dt.date | None = None, event_types: Iterable[str] = TRAINING_TYPES
                          ) -> TrainingParticipants:
    """Persons in training programmes (of one organising info point, and first session in a period, if given)."""
    with store.reader() as session:
        events = _events(session, event_types, site_id, since, until)
        ids = list(events)
        registered, attended, completed = set(), set(), set()
        for start in range(0, len(ids), 500):
            registered.update(session.scalars(select(Registration.person_id).where(
                Registration.event_id.in_(ids[start:start + 500]), Registration.status == REGISTERED,
                Registration.deleted_at.is_(None))))
        for (event_id, person_id), (hours, _count) in hours_by_person(session, ids).items():
            attended.add(person_id)
            event, _first, total = events[event_id]
            if meets_rule(hours, total, float(event.certificate_min_share)):
                completed.add(person_id)
        # Who each counts as: the survivor of a merge; deleted persons drop out.
        wanted, survivors = list(registered | attended), {}
        for start in range(0, len(wanted), 500):
            survivors.update(session.execute(
                select(Person.id, func.coalesce(Person.merged_into_id, Person.id))
                .where(Person.id.in_(wanted[start:start + 500]), Person.deleted_at.is_(None))).all())

    def distinct(person_ids: set[str]) -> set[str]:
        return {survivors[person_id] for person_id in person_ids if person_id in survivors}

    attended_persons = distinct(attended)
    return TrainingParticipants(len(distinct(registered) | attended_persons), len(attended_persons),
                                len(distinct(completed)))


def events_held(store: Store, event_type: str, *, today: dt.date | None = None, site_id: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None) -> int:
    """Live events of the type whose first session took place by `today` (default: today)
    and falls in [since, until]. A fair with an open day the next day is one fair."""
    today = today or dt.date.today()
    with store.reader() as session:
        events = _events(session, [event_type], site_id, since, until)
    return sum(1 for _event, first_day, _hours in events.values() if first_day <= today)
