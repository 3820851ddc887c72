"""The lists behind the activity indicators: persons in training programmes, fairs and the
conference, award competitions, organisations mentored and mentoring hours, each record with the
info point it counts for (see counted.py for why these lists exist beside the services)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.enums import CompetitionKind, EventType
from sociolab_desktop.core.services.events.certificates import meets_rule
from sociolab_desktop.core.services.events.counts import TRAINING_TYPES
from sociolab_desktop.core.services.events.registrations import REGISTERED
from sociolab_desktop.core.services.mentoring.lookup import persons_of, quarters_column
from sociolab_desktop.core.services.mentoring.time_rules import quarters_to_hours, utc_bounds
from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.services.results.counted import NO_SITE, CountedRecord, Scope, day, person_name
from sociolab_desktop.core.services.results.definitions import RULE_ATTENDED, RULE_COMPLETED
from sociolab_desktop.core.store.models import (
    Attendance,
    Competition,
    Event,
    EventSession,
    MentoringSession,
    Organisation,
    Person,
    Registration,
)

_CHUNK = 500  # ids per IN (...): far below SQLite's limit on bound values


def _held_events(session: Session, event_types, scope: Scope | None) -> dict[str, tuple]:
    """Live events of the types with live sessions: id → (title, site, first day, hours, share);
    with a scope, only those whose first day falls in its period (as events/counts.py selects)."""
    rows = session.execute(
        select(Event.id, Event.title_sl, Event.site_id, func.min(EventSession.session_date),
               func.sum(EventSession.hours), Event.certificate_min_share)
        .join(EventSession, EventSession.event_id == Event.id)
        .where(Event.deleted_at.is_(None), EventSession.deleted_at.is_(None), Event.event_type.in_(list(event_types)))
        .group_by(Event.id))
    events = {}
    for key, title, site_id, first, hours, share in rows:
        first = day(first)
        if scope is None or scope.period.contains(first):
            events[key] = (title, site_id or NO_SITE, first, float(hours or 0), float(share))
    return events


# Persons in training programmes (events/counts.py training_participants counts them) -----------


def persons_trained(session: Session, scope: Scope) -> list[CountedRecord]:
    """One record per person and organising info point, dated at the person's entry (first day
    attended, else the day of registration); `detail` names that programme."""
    events = _held_events(session, TRAINING_TYPES, scope)
    ids = list(events)
    attended: dict[tuple[str, str], tuple[dt.date, float]] = {}
    registered: dict[tuple[str, str], dt.date] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        for event_id, person_id, first, hours in session.execute(
                select(EventSession.event_id, Attendance.person_id, func.min(EventSession.session_date),
                       func.sum(EventSession.hours))
                .join(EventSession, EventSession.id == Attendance.event_session_id)
                .where(EventSession.event_id.in_(chunk), EventSession.deleted_at.is_(None),
                       Attendance.deleted_at.is_(None))
                .group_by(EventSession.event_id, Attendance.person_id)):
            attended[(event_id, person_id)] = (day(first), round(float(hours or 0), 2))
        if scope.training_rule not in (RULE_ATTENDED, RULE_COMPLETED):
            for event_id, person_id, on in session.execute(
                    select(Registration.event_id, Registration.person_id, Registration.registered_on)
                    .where(Registration.event_id.in_(chunk), Registration.status == REGISTERED,
                           Registration.deleted_at.is_(None))):
                registered[(event_id, person_id)] = day(on)
    entries: dict[tuple[str, str], dt.date | None] = dict(registered)
    for (event_id, person_id), (first, hours) in attended.items():
        _title, _site, _first_day, total, share = events[event_id]
        if scope.training_rule != RULE_COMPLETED or meets_rule(hours, total, share):
            entries[(event_id, person_id)] = first
    people = {key: (survivor, deleted) for key, survivor, deleted in session.execute(
        select(Person.id, func.coalesce(Person.merged_into_id, Person.id), Person.deleted_at))}
    kept: dict[tuple[str, str], tuple[dt.date | None, str]] = {}
    for (event_id, person_id), entered in entries.items():
        survivor, deleted = people.get(person_id, (None, True))
        if deleted is not None:
            continue
        title, site_id = events[event_id][:2]
        earlier = kept.get((survivor, site_id))
        if earlier is None or (entered or dt.date.max, title) < (earlier[0] or dt.date.max, earlier[1]):
            kept[(survivor, site_id)] = (entered, title)
    names = _person_names(session, {survivor for survivor, _site in kept})
    records = []
    for (survivor, site_id), (entered, title) in kept.items():
        name, erased = names.get(survivor, ("", False))
        records.append(CountedRecord("person", survivor, name, entered, site_id, detail=title, erased=erased))
    return records


def _person_names(session: Session, ids: set[str]) -> dict[str, tuple[str, bool]]:
    listed = list(ids)
    names = {}
    for start in range(0, len(listed), _CHUNK):
        for key, first, last, erased in session.execute(
                select(Person.id, Person.first_name, Person.last_name, Person.erased_at)
                .where(Person.id.in_(listed[start:start + _CHUNK]))):
            names[key] = (person_name(first, last), erased is not None)
    return names


# Fairs, conference and award competitions (events/counts.py events_held counts events) -------


def _events_held(session: Session, scope: Scope, event_type: str) -> list[CountedRecord]:
    return [CountedRecord("event", key, title, first, site_id, category=event_type)
            for key, (title, site_id, first, _hours, _share) in _held_events(session, [event_type], scope).items()
            if first <= scope.today]


def fairs(session: Session, scope: Scope) -> list[CountedRecord]:
    return _events_held(session, scope, EventType.FAIR.value)


def conference(session: Session, scope: Scope) -> list[CountedRecord]:
    return _events_held(session, scope, EventType.CONFERENCE.value)


def _competitions(session: Session, scope: Scope, kind: str) -> list[CountedRecord]:
    """No service counts competitions: concluded at the award event's first day, or without a
    live event with sessions on 31 December of the competition's year."""
    events = _held_events(session, [value.value for value in EventType], None)
    sites = dict(session.execute(select(Event.id, Event.site_id).where(Event.deleted_at.is_(None))).all())
    records = []
    for key, title, year, event_id in session.execute(
            select(Competition.id, Competition.title, Competition.year, Competition.event_id)
            .where(Competition.deleted_at.is_(None), Competition.kind == kind)):
        held = events.get(event_id)
        concluded = held[2] if held else dt.date(year, 12, 31)
        if scope.period.contains(concluded) and concluded <= scope.today:
            records.append(CountedRecord("competition", key, title, concluded, sites.get(event_id) or NO_SITE,
                                         category=kind))
    return records


def competitions_social_innovation(session: Session, scope: Scope) -> list[CountedRecord]:
    return _competitions(session, scope, CompetitionKind.SOCIAL_INNOVATION.value)


def competitions_ethical_investor(session: Session, scope: Scope) -> list[CountedRecord]:
    return _competitions(session, scope, CompetitionKind.ETHICAL_INVESTOR.value)


# Mentoring (mentoring/counting.py counts these; listing them by info point belongs there) ------


def _counted_sessions(scope: Scope) -> list:
    starts, until = utc_bounds(scope.period.first, scope.period.last)
    conditions = [MentoringSession.deleted_at.is_(None)]
    if starts is not None:
        conditions.append(MentoringSession.starts_at >= starts)
    if until is not None:
        conditions.append(MentoringSession.starts_at < until)
    return conditions


def organisations_supported(session: Session, scope: Scope) -> list[CountedRecord]:
    """An organisation once per info point that held one of its sessions, dated at the first."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, MentoringSession.site_id, func.min(MentoringSession.starts_at))
        .join(Organisation, Organisation.id == MentoringSession.organisation_id)
        .where(Organisation.deleted_at.is_(None), *_counted_sessions(scope))
        .group_by(Organisation.id, MentoringSession.site_id))
    return [CountedRecord("organisation", key, name, to_local(_moment(first)).date(), site_id or NO_SITE)
            for key, name, site_id, first in rows]


def mentoring_hours(session: Session, scope: Scope) -> list[CountedRecord]:
    """Each counted session with its rounded hours; named by its organisation, else its persons."""
    rows = session.execute(
        select(MentoringSession.id, Organisation.name, MentoringSession.site_id, MentoringSession.starts_at,
               quarters_column())
        .outerjoin(Organisation, Organisation.id == MentoringSession.organisation_id)
        .where(*_counted_sessions(scope)))
    rows = list(rows)
    persons = persons_of(session, [key for key, name, *_rest in rows if name is None])
    return [CountedRecord("mentoring_session", key,
                          name or ", ".join(person for _id, person in persons.get(key, ())),
                          to_local(_moment(starts)).date(), site_id or NO_SITE,
                          amount=quarters_to_hours(int(counted)))
            for key, name, site_id, starts, counted in rows]


def _moment(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
