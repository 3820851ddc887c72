"""A person's and an organisation's history: every kind of record, newest first, deleted ones left out."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.domain.keys import (
    attendance_key,
    certificate_key,
    registration_key,
)
from sociolab_desktop.core.services import consents, contacts
from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services.timeline import TimelineKind as K
from sociolab_desktop.core.services.timeline import (
    organisation_timeline,
    person_timeline,
)
from sociolab_desktop.core.store.models import (
    Attendance,
    Certificate,
    Diagnostic,
    Event,
    EventSession,
    MentoringSession,
    MentoringSessionPerson,
    Person,
    Registration,
)

TODAY = dt.date(2021, 6, 30)


def _history(ws):
    with ws.store.unit_of_work(ws.actor) as session:
        person = Person(first_name="Ana", last_name="Čeh")
        session.add(person)
    organisation = org.create_organisation(ws.store, ws.actor,
                                           org.OrganisationInput(name="Zadruga Đurđevka", legal_form="cooperative"))
    roles.link_person(ws.store, ws.actor, organisation.id, person.id, "founder", since=dt.date(2019, 1, 10),
                    until=dt.date(2021, 5, 31))
    contacts.record_contact(ws.store, ws.actor, contacts.ContactInput(
        contact_date=dt.date(2019, 2, 1), channel="visit", topics=["cooperative"], person_id=person.id,
        organisation_id=organisation.id), today=TODAY)
    deleted = contacts.record_contact(ws.store, ws.actor, contacts.ContactInput(
        contact_date=dt.date(2019, 2, 2), channel="phone", topics=["other"], person_id=person.id), today=TODAY)
    contacts.delete_contact(ws.store, ws.actor, deleted.id)
    consent = consents.record_consent(ws.store, ws.actor, person.id, consents.ConsentInput(
        purpose="newsletter", text_version="2019-06", given_on=dt.date(2019, 2, 1), channel="email"), today=TODAY)
    consents.withdraw_consent(ws.store, ws.actor, consent.id, dt.date(2020, 3, 3), today=TODAY)
    with ws.store.unit_of_work(ws.actor) as session:
        event = Event(event_type="workshop", title_sl="Delavnica o zadrugah", title_en="Cooperatives workshop")
        session.add(event)
        session.flush()
        day = EventSession(event_id=event.id, session_date=dt.date(2019, 4, 9), starts_at=dt.time(9),
                           ends_at=dt.time(12), hours=3)
        session.add(day)
        session.flush()
        session.add(Registration(id=registration_key(event.id, person.id), event_id=event.id, person_id=person.id,
                                 status="registered", registered_on=dt.date(2019, 3, 20), code="R1"))
        session.add(Attendance(id=attendance_key(day.id, person.id), event_session_id=day.id, person_id=person.id,
                               checked_in_at=dt.datetime(2019, 4, 9, 7, 5)))
        session.add(Certificate(id=certificate_key(event.id, person.id), event_id=event.id, person_id=person.id,
                                number="SL-2019-1", language="sl", issued_on=dt.date(2019, 4, 15),
                                hours_attended=3))
        mentoring = MentoringSession(organisation_id=organisation.id, starts_at=dt.datetime(2020, 9, 1, 8),
                                     ends_at=dt.datetime(2020, 9, 1, 9, 30), mode="online", topics=["financing"])
        session.add(mentoring)
        session.flush()
        session.add(MentoringSessionPerson(mentoring_session_id=mentoring.id, person_id=person.id))
        session.add(Diagnostic(organisation_id=organisation.id, assessed_on=dt.date(2020, 1, 20),
                               has_development_plan=True))
    return person.id, organisation.id


def test_a_persons_history_holds_every_kind_newest_first(workspace):
    person_id, _ = _history(workspace)
    items = person_timeline(workspace.store, person_id)
    assert [(item.date, item.kind) for item in items] == [
        (dt.date(2021, 5, 31), K.ROLE_ENDED),
        (dt.date(2020, 9, 1), K.MENTORING),
        (dt.date(2020, 3, 3), K.CONSENT_WITHDRAWN),
        (dt.date(2019, 4, 15), K.CERTIFICATE),
        (dt.date(2019, 4, 9), K.ATTENDED),
        (dt.date(2019, 3, 20), K.REGISTERED),
        (dt.date(2019, 2, 1), K.CONTACT),
        (dt.date(2019, 2, 1), K.CONSENT_GIVEN),
        (dt.date(2019, 1, 10), K.ROLE_STARTED),
    ]
    by_kind = {item.kind: item for item in items}
    assert by_kind[K.CERTIFICATE].title == "Delavnica o zadrugah"
    assert by_kind[K.CERTIFICATE].detail["number"] == "SL-2019-1"
    assert by_kind[K.MENTORING].detail["hours"] == 1.5
    assert by_kind[K.ROLE_STARTED].title == "Zadruga Đurđevka" and by_kind[K.ROLE_STARTED].detail["role"] == "founder"
    assert by_kind[K.CONTACT].detail["topics"] == ("cooperative",)


def test_an_organisations_history_holds_its_contacts_mentoring_people_and_diagnostics(workspace):
    _, organisation_id = _history(workspace)
    items = organisation_timeline(workspace.store, organisation_id)
    assert [item.kind for item in items] == [K.ROLE_ENDED, K.MENTORING, K.DIAGNOSTIC, K.CONTACT, K.ROLE_STARTED]
    assert items[0].title == "Ana Čeh"
