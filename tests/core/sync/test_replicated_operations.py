"""Merging duplicates and GDPR erasure travel through sync and end the same on every PC."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import registration_key
from sociolab_desktop.core.services.person_operations import erase_person, merge_persons
from sociolab_desktop.core.store.models import Consent, Contact, Event, Person, Registration
from sociolab_desktop.errors import UserError


def _person(office, first="Ana", last="Čeh", **fields):
    with office.write() as session:
        person = Person(first_name=first, last_name=last, **fields)
        session.add(person)
    return person.id


def _contact(office, person_id, text="Svetovanje"):
    with office.write() as session:
        contact = Contact(person_id=person_id, contact_date=dt.date(2026, 11, 2), channel="visit", description=text)
        session.add(contact)
    return contact.id


def test_merge_moves_every_link_and_reaches_the_other_offices(offices, exchange):
    maribor, ptuj, ormoz = offices
    survivor = _person(maribor, email="ana@example.si")
    duplicate = _person(maribor, "Ana", "Ceh", phone="041 222 333")
    _contact(maribor, duplicate)
    with maribor.write() as session:
        session.add(Consent(person_id=duplicate, purpose="data_processing", text_version="2019-1",
                            channel="signed_paper", given_on=dt.date(2019, 5, 1)))
    exchange(maribor, ptuj, ormoz)
    merge_persons(maribor.ws.store, maribor.ws.actor, survivor, duplicate, {"phone": True})
    exchange(maribor, ptuj, ormoz)
    for office in offices:
        assert office.scalar("SELECT merged_into_id FROM person WHERE id = :id", id=duplicate) == survivor
        assert office.scalar("SELECT count(*) FROM contact WHERE person_id = :id", id=survivor) == 1
        assert office.scalar("SELECT count(*) FROM consent WHERE person_id = :id", id=survivor) == 1
        assert office.scalar("SELECT phone FROM person WHERE id = :id", id=survivor) == "041 222 333"


def test_references_that_arrive_after_the_merge_are_redirected(offices, exchange):
    maribor, ptuj, _ = offices
    survivor = _person(maribor)
    duplicate = _person(maribor, "Ana", "Ceh")
    exchange(maribor, ptuj)
    _contact(ptuj, duplicate, "Ptuj, offline")  # Ptuj still thinks the duplicate is a person
    merge_persons(maribor.ws.store, maribor.ws.actor, survivor, duplicate)
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):
        assert office.scalar("SELECT person_id FROM contact WHERE description = 'Ptuj, offline'") == survivor


def test_registrations_of_both_records_for_one_event_become_one(offices, exchange):
    maribor, ptuj, _ = offices
    survivor = _person(maribor)
    duplicate = _person(maribor, "Ana", "Ceh")
    with maribor.write() as session:
        event = Event(event_type="workshop", title_sl="Delavnica")
        session.add(event)
        session.flush()
        for person_id in (survivor, duplicate):
            session.add(Registration(id=registration_key(event.id, person_id), event_id=event.id, person_id=person_id,
                                     status="registered", registered_on=dt.date(2026, 11, 1), code=person_id[:6]))
    merge_persons(maribor.ws.store, maribor.ws.actor, survivor, duplicate)
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):
        assert office.scalar("SELECT count(*) FROM registration WHERE deleted_at IS NULL AND person_id = :id", id=survivor) == 1


def test_merging_a_person_into_itself_is_refused(offices):
    maribor = offices[0]
    person = _person(maribor)
    with pytest.raises(UserError):
        merge_persons(maribor.ws.store, maribor.ws.actor, person, person)


def test_erasure_blanks_everywhere_and_a_late_edit_cannot_bring_data_back(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _person(maribor, email="ana@example.si", phone="041 111 222", emso="0101990505000")
    exchange(maribor, ptuj)
    erase_person(maribor.ws.store, maribor.ws.actor, person_id)
    with ptuj.write() as session:  # Ptuj, offline, edits after the erasure (a later clock)
        session.get(Person, person_id).phone = "041 999 999"
        session.get(Person, person_id).first_name = "Ana-Marija"
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):
        row = office.rows("SELECT first_name, last_name, email, phone, emso, erased_at FROM person WHERE id = :id", id=person_id)[0]
        assert row[:5] == ("", "", None, None, None)
        assert row[5] is not None
    erased_at = {office.scalar("SELECT erased_at FROM person WHERE id = :id", id=person_id) for office in (maribor, ptuj)}
    assert len(erased_at) == 1


def test_erasing_twice_is_refused(offices):
    maribor = offices[0]
    person_id = _person(maribor)
    erase_person(maribor.ws.store, maribor.ws.actor, person_id)
    with pytest.raises(UserError):
        erase_person(maribor.ws.store, maribor.ws.actor, person_id)
