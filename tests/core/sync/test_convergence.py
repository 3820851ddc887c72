"""Offices exchange changes through the share and end with the same data, losing nothing."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.domain.keys import attendance_key, registration_key
from sociolab_desktop.core.store.models import Attendance, Event, EventSession, Person, Registration


def _add_person(office, **fields):
    with office.write() as session:
        person = Person(first_name=fields.pop("first_name", "Ana"), last_name=fields.pop("last_name", "Čeh"), **fields)
        session.add(person)
    return person.id


def test_a_new_person_reaches_every_office(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _add_person(maribor, email="ana@example.si")
    exchange(maribor, ptuj, ormoz)
    for office in (ptuj, ormoz):
        with office.read() as session:
            person = session.get(Person, person_id)
            assert (person.first_name, person.last_name, person.email) == ("Ana", "Čeh", "ana@example.si")
            assert "ceh" in person.search_text


def test_edits_of_different_fields_both_survive(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _add_person(maribor)
    exchange(maribor, ptuj)
    with maribor.write() as session:
        session.get(Person, person_id).phone = "041 111 111"
    with ptuj.write() as session:
        session.get(Person, person_id).email = "ana.ceh@example.si"
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):
        with office.read() as session:
            person = session.get(Person, person_id)
            assert (person.phone, person.email) == ("041 111 111", "ana.ceh@example.si")
            # The derived search text holds both edits, not whichever arrived last.
            assert "041 111 111" in person.search_text and "ana.ceh@example.si" in person.search_text
    assert maribor.scalar("SELECT count(*) FROM sync_conflict") == 0


def test_concurrent_edit_of_one_field_is_kept_as_a_conflict(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _add_person(maribor)
    exchange(maribor, ptuj, ormoz)
    with maribor.write() as session:
        session.get(Person, person_id).phone = "02 111"
    with ptuj.write() as session:
        session.get(Person, person_id).phone = "02 222"
    exchange(maribor, ptuj, ormoz)
    phones = {office.scalar("SELECT phone FROM person WHERE id = :id", id=person_id) for office in offices}
    assert len(phones) == 1
    kept = phones.pop()
    for office in offices:
        conflicts = office.rows("SELECT column_name, winner_value, loser_value FROM sync_conflict")
        assert len(conflicts) == 1
        column, winner, loser = conflicts[0]
        assert column == "phone" and {winner, loser} == {'"02 111"', '"02 222"'}
        assert winner == f'"{kept}"'


def test_an_informed_edit_is_not_a_conflict(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _add_person(maribor)
    with maribor.write() as session:
        session.get(Person, person_id).phone = "02 111"
    exchange(maribor, ptuj)
    with ptuj.write() as session:
        session.get(Person, person_id).phone = "02 222"  # Ptuj saw Maribor's value and replaced it
    exchange(maribor, ptuj)
    assert maribor.scalar("SELECT phone FROM person WHERE id = :id", id=person_id) == "02 222"
    assert maribor.scalar("SELECT count(*) FROM sync_conflict") == 0


def test_two_laptops_checking_in_the_same_person_hold_one_attendance(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _add_person(maribor)
    with maribor.write() as session:
        event = Event(event_type="workshop", title_sl="Delavnica")
        session.add(event)
        session.flush()
        event_session = EventSession(event_id=event.id, session_date=dt.date(2026, 11, 27),
                                     starts_at=dt.time(9), ends_at=dt.time(12), hours=3)
        session.add(event_session)
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):  # both offline, at two doors
        with office.write() as session:
            session.add(Registration(id=registration_key(event.id, person_id), event_id=event.id, person_id=person_id,
                                     status="registered", registered_on=dt.date(2026, 11, 20), code="R1"))
            session.add(Attendance(id=attendance_key(event_session.id, person_id), event_session_id=event_session.id,
                                   person_id=person_id, checked_in_at=dt.datetime(2026, 11, 27, 9, 0)))
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):
        assert office.scalar("SELECT count(*) FROM attendance") == 1
        assert office.scalar("SELECT count(*) FROM registration") == 1


def test_records_that_arrive_before_what_they_refer_to_are_applied(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _add_person(maribor)
    maribor.sync()
    ptuj.sync()  # Ptuj has the person; Ormož does not yet
    with ptuj.write() as session:
        event = Event(event_type="fair", title_sl="Sejem")
        session.add(event)
        session.flush()
        session.add(Registration(id=registration_key(event.id, person_id), event_id=event.id, person_id=person_id,
                                 status="registered", registered_on=dt.date(2026, 11, 20), code="R2"))
    ptuj.sync()
    # Ormož applies only Ptuj's stream first by hiding Maribor's for one round.
    maribor_folder = maribor.share / "sociolab-sync" / "sites" / maribor.site_id
    hidden = maribor_folder.with_name("hidden")
    maribor_folder.rename(hidden)
    ormoz.sync()
    assert ormoz.scalar("SELECT count(*) FROM registration") == 1
    assert ormoz.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 0
    hidden.rename(maribor_folder)
    ormoz.sync()
    assert ormoz.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 1
    assert ormoz.rows("PRAGMA foreign_key_check") == []


def test_soft_delete_travels_and_an_edit_concurrent_with_it_is_a_conflict(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _add_person(maribor)
    exchange(maribor, ptuj)
    with maribor.write() as session:
        session.get(Person, person_id).deleted_at = dt.datetime(2026, 11, 27, 10, 0)
    with ptuj.write() as session:
        session.get(Person, person_id).notes = "Prišla na svetovanje."
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):
        assert office.scalar("SELECT deleted_at IS NOT NULL FROM person WHERE id = :id", id=person_id) == 1
        assert office.scalar("SELECT notes FROM person WHERE id = :id", id=person_id) == "Prišla na svetovanje."
        assert office.rows("SELECT kind, column_name FROM sync_conflict") == [("delete", "deleted_at")]


def test_a_second_round_with_nothing_new_writes_nothing(offices, share, exchange):
    maribor, ptuj, _ = offices
    _add_person(maribor)
    exchange(maribor, ptuj)
    before = sorted(path for path in share.rglob("*.bundle"))
    result = maribor.sync()
    assert result.published.bundles == 0 and result.applied.bundles == 0
    assert sorted(path for path in share.rglob("*.bundle")) == before


def test_changes_survive_closing_and_reopening(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _add_person(maribor)
    maribor.reopen()
    with maribor.write() as session:
        session.get(Person, person_id).phone = "02 333"
    exchange(maribor, ptuj)
    assert ptuj.scalar("SELECT phone FROM person WHERE id = :id", id=person_id) == "02 333"
