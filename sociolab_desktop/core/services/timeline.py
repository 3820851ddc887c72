"""A person's or an organisation's whole history in one list, newest first.

Items carry a kind and data, not prose: the window words each kind in its language. `title` is
data too (an event's Slovenian title, an organisation's name, a consent purpose), `detail` holds
the rest. Deleted records are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.store.models import (
    Attendance,
    Certificate,
    Consent,
    Contact,
    Diagnostic,
    Event,
    EventSession,
    Job,
    MentoringSession,
    MentoringSessionPerson,
    Organisation,
    Person,
    PersonOrganisationRole,
    Product,
    ProgrammeEnrolment,
    Registration,
)
from sociolab_desktop.core.store.unit_of_work import Store


class TimelineKind(StrEnum):
    CONTACT = "contact"
    CONSENT_GIVEN = "consent_given"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    REGISTERED = "registered"
    REGISTRATION_CANCELLED = "registration_cancelled"
    ATTENDED = "attended"
    CERTIFICATE = "certificate"
    MENTORING = "mentoring"
    ROLE_STARTED = "role_started"
    ROLE_ENDED = "role_ended"
    DIAGNOSTIC = "diagnostic"
    PROGRAMME_STARTED = "programme_started"
    PROGRAMME_ENDED = "programme_ended"
    JOB = "job"
    PRODUCT = "product"


@dataclass(frozen=True)
class TimelineItem:
    date: dt.date
    kind: TimelineKind
    record_id: str  # the record the item comes from (contact, consent, registration, ...)
    title: str | None = None
    detail: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def local_date(moment: dt.datetime) -> dt.date:
    """A stored (naive UTC) time as its Slovenian date, the same on every PC whatever its clock's zone."""
    return to_local(moment).date()


def _newest_first(items: list[TimelineItem]) -> list[TimelineItem]:
    order = {kind: index for index, kind in enumerate(TimelineKind)}
    items.sort(key=lambda item: (item.date, -order[item.kind], item.record_id), reverse=True)
    return items


def _contacts(session, where) -> list[TimelineItem]:
    query = (select(Contact, Person.first_name, Person.last_name, Organisation.name)
             .outerjoin(Person, Person.id == Contact.person_id)
             .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
             .where(where, Contact.deleted_at.is_(None)))
    return [TimelineItem(row.contact_date, TimelineKind.CONTACT, row.id, organisation, {
        "channel": row.channel, "topics": tuple(row.topics or ()), "description": row.description,
        "outcome": row.outcome, "referral": row.referral, "follow_up_on": row.follow_up_on,
        "follow_up_done": bool(row.follow_up_done), "organisation_id": row.organisation_id,
        "person_id": row.person_id, "person_name": f"{first or ''} {last or ''}".strip() or None,
        "staff_id": row.staff_id, "site_id": row.site_id,
    }) for row, first, last, organisation in session.execute(query)]


def _mentoring(session, query) -> list[TimelineItem]:
    items = []
    query = (query.add_columns(Organisation.name)
             .outerjoin(Organisation, Organisation.id == MentoringSession.organisation_id)
             .where(MentoringSession.deleted_at.is_(None)))
    for row, organisation in session.execute(query):
        hours = round((row.ends_at - row.starts_at).total_seconds() / 3600, 2)
        items.append(TimelineItem(local_date(row.starts_at), TimelineKind.MENTORING, row.id, organisation, {
            "starts_at": row.starts_at, "ends_at": row.ends_at, "hours": hours, "mode": row.mode,
            "topics": tuple(row.topics or ()), "summary": row.summary, "organisation_id": row.organisation_id,
        }))
    return items


def _roles(session, where, title_of) -> list[TimelineItem]:
    items = []
    query = (select(PersonOrganisationRole, Person, Organisation)
             .join(Person, Person.id == PersonOrganisationRole.person_id)
             .join(Organisation, Organisation.id == PersonOrganisationRole.organisation_id)
             .where(where, PersonOrganisationRole.deleted_at.is_(None), Person.deleted_at.is_(None),
                    Person.erased_at.is_(None), Organisation.deleted_at.is_(None)))
    for role, person, organisation in session.execute(query):
        detail = {"role": role.role, "since": role.since, "until": role.until, "person_id": person.id,
                  "person_name": person.full_name, "organisation_id": organisation.id}
        # Without a start date the link shows when it was recorded.
        started = role.since or local_date(role.created_at)
        items.append(TimelineItem(started, TimelineKind.ROLE_STARTED, role.id, title_of(person, organisation),
                                  {**detail, "date_known": role.since is not None}))
        if role.until:
            items.append(TimelineItem(role.until, TimelineKind.ROLE_ENDED, role.id,
                                      title_of(person, organisation), detail))
    return items


def person_timeline(store: Store, person_id: str) -> list[TimelineItem]:
    """Contacts, consents, registrations, attendance, certificates, mentoring and roles."""
    items: list[TimelineItem] = []
    if not person_id:
        return items
    with store.reader() as session:
        items += _contacts(session, Contact.person_id == person_id)
        for row in session.scalars(select(Consent).where(Consent.person_id == person_id,
                                                         Consent.deleted_at.is_(None))):
            detail = {"purpose": row.purpose, "text_version": row.text_version, "channel": row.channel,
                      "given_on": row.given_on, "withdrawn_on": row.withdrawn_on}
            items.append(TimelineItem(row.given_on, TimelineKind.CONSENT_GIVEN, row.id, row.purpose, detail))
            if row.withdrawn_on:
                items.append(TimelineItem(row.withdrawn_on, TimelineKind.CONSENT_WITHDRAWN, row.id, row.purpose,
                                          detail))
        for row, event in session.execute(
                select(Registration, Event).join(Event, Event.id == Registration.event_id)
                .where(Registration.person_id == person_id, Registration.deleted_at.is_(None),
                       Event.deleted_at.is_(None))):
            detail = {"event_id": event.id, "event_type": event.event_type, "title_en": event.title_en,
                      "status": row.status, "code": row.code}
            items.append(TimelineItem(row.registered_on, TimelineKind.REGISTERED, row.id, event.title_sl, detail))
            if row.cancelled_on:
                items.append(TimelineItem(row.cancelled_on, TimelineKind.REGISTRATION_CANCELLED, row.id,
                                          event.title_sl, detail))
        for row, event_session, event in session.execute(
                select(Attendance, EventSession, Event)
                .join(EventSession, EventSession.id == Attendance.event_session_id)
                .join(Event, Event.id == EventSession.event_id)
                .where(Attendance.person_id == person_id, Attendance.deleted_at.is_(None),
                       EventSession.deleted_at.is_(None), Event.deleted_at.is_(None))):
            items.append(TimelineItem(event_session.session_date, TimelineKind.ATTENDED, row.id, event.title_sl, {
                "event_id": event.id, "event_type": event.event_type, "title_en": event.title_en,
                "session_title": event_session.title, "hours": event_session.hours, "is_walk_in": row.is_walk_in,
            }))
        for row, event in session.execute(
                select(Certificate, Event).join(Event, Event.id == Certificate.event_id)
                .where(Certificate.person_id == person_id, Certificate.deleted_at.is_(None))):
            items.append(TimelineItem(row.issued_on, TimelineKind.CERTIFICATE, row.id, event.title_sl, {
                "event_id": event.id, "title_en": event.title_en, "number": row.number, "language": row.language,
                "hours_attended": row.hours_attended,
            }))
        items += _mentoring(session, select(MentoringSession).join(
            MentoringSessionPerson, MentoringSessionPerson.mentoring_session_id == MentoringSession.id).where(
            MentoringSessionPerson.person_id == person_id, MentoringSessionPerson.deleted_at.is_(None)))
        items += _roles(session, PersonOrganisationRole.person_id == person_id,
                        lambda _person, organisation: organisation.name)
    return _newest_first(items)


def organisation_timeline(store: Store, organisation_id: str) -> list[TimelineItem]:
    """Contacts, mentoring, people joining and leaving, diagnostics, the support programme,
    jobs and products."""
    items: list[TimelineItem] = []
    if not organisation_id:
        return items
    with store.reader() as session:
        items += _contacts(session, Contact.organisation_id == organisation_id)
        items += _mentoring(session, select(MentoringSession).where(
            MentoringSession.organisation_id == organisation_id))
        items += _roles(session, PersonOrganisationRole.organisation_id == organisation_id,
                        lambda person, _organisation: person.full_name)
        for row in session.scalars(select(Diagnostic).where(Diagnostic.organisation_id == organisation_id,
                                                            Diagnostic.deleted_at.is_(None))):
            items.append(TimelineItem(row.assessed_on, TimelineKind.DIAGNOSTIC, row.id, None, {
                "has_development_plan": row.has_development_plan, "goals": row.goals,
                "assessor_id": row.assessor_id,
            }))
        for row in session.scalars(select(ProgrammeEnrolment).where(
                ProgrammeEnrolment.organisation_id == organisation_id, ProgrammeEnrolment.deleted_at.is_(None))):
            detail = {"status": row.status, "outcome": row.outcome, "ended_on": row.ended_on}
            items.append(TimelineItem(row.started_on, TimelineKind.PROGRAMME_STARTED, row.id, None, detail))
            if row.ended_on:
                items.append(TimelineItem(row.ended_on, TimelineKind.PROGRAMME_ENDED, row.id, None, detail))
        for row in session.scalars(select(Job).where(Job.organisation_id == organisation_id, Job.deleted_at.is_(None))):
            items.append(TimelineItem(row.occurred_on, TimelineKind.JOB, row.id, None, {
                "kind": row.kind, "contract_type": row.contract_type, "person_id": row.person_id,
                "is_vulnerable_group": row.is_vulnerable_group,
            }))
        for row in session.scalars(select(Product).where(Product.organisation_id == organisation_id,
                                                         Product.deleted_at.is_(None))):
            items.append(TimelineItem(row.developed_on, TimelineKind.PRODUCT, row.id, row.name,
                                      {"stage": row.stage, "description": row.description}))
    return _newest_first(items)
