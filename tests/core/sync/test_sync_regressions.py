"""Cases the convergence property test found, pinned one by one."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from sociolab_desktop.core.domain.keys import registration_key
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.person_operations import erase_person, merge_persons
from sociolab_desktop.core.store.models import Event, Person, Registration
from sociolab_desktop.core.sync.conflicts import TAKE_OTHER, open_conflicts, resolve_conflict

DAY_MS = 86_400_000


def _person(office, **fields):
    with office.write() as session:
        person = Person(first_name=fields.pop("first_name", "Ana"), last_name=fields.pop("last_name", "Čeh"), **fields)
        session.add(person)
    return person.id


def _row(office, person_id, columns="first_name, last_name, phone, search_text, sort_key, erased_at"):
    return office.rows(f"SELECT {columns} FROM person WHERE id = :id", id=person_id)[0]


def _clock_ahead(office, ms):
    office.ws.sync.clock._now_ms = lambda: int(time.time() * 1000) + ms


def test_an_erased_person_reads_the_same_at_an_office_that_never_saw_the_data(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _person(maribor, phone="041 111 222")
    erase_person(maribor.ws.store, maribor.ws.actor, person_id)
    exchange(maribor, ptuj)
    # Ptuj creates the record from the bundle; its derived sort key must be blanked too.
    assert _row(ptuj, person_id) == _row(maribor, person_id)
    assert _row(ptuj, person_id)[:5] == ("", "", None, "", "")


def test_two_offices_erasing_one_person_keep_the_earlier_erasure(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _person(maribor, email="ana@example.si")
    exchange(maribor, ptuj, ormoz)
    erase_person(maribor.ws.store, maribor.ws.actor, person_id)
    erase_person(ptuj.ws.store, ptuj.ws.actor, person_id)
    exchange(maribor, ptuj, ormoz)
    earliest = maribor.scalar("SELECT min(created_at) FROM person_erasure WHERE person_id = :id", id=person_id)
    for office in offices:
        assert office.scalar("SELECT erased_at FROM person WHERE id = :id", id=person_id) == earliest


def test_an_edit_made_after_seeing_a_value_from_a_clock_a_day_ahead_wins_everywhere(offices, exchange):
    maribor, ptuj, ormoz = offices
    _clock_ahead(maribor, DAY_MS)  # Maribor's PC thinks it is tomorrow
    person_id = _person(maribor, phone="02 111")
    exchange(maribor, ptuj, ormoz)
    with ptuj.write() as session:  # Ptuj sees "02 111" and corrects it
        session.get(Person, person_id).phone = "02 222"
    exchange(maribor, ptuj, ormoz)
    assert {office.scalar("SELECT phone FROM person WHERE id = :id", id=person_id) for office in offices} == {"02 222"}
    assert maribor.scalar("SELECT count(*) FROM sync_conflict") == 0


def test_an_edit_concurrent_with_one_from_a_clock_a_day_ahead_loses_and_is_reported(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _person(ormoz)
    exchange(maribor, ptuj, ormoz)
    _clock_ahead(maribor, DAY_MS)
    with maribor.write() as session:
        session.get(Person, person_id).phone = "02 111"
    with ptuj.write() as session:  # Ptuj has not seen Maribor's edit
        session.get(Person, person_id).phone = "02 222"
    exchange(maribor, ptuj, ormoz)
    assert {office.scalar("SELECT phone FROM person WHERE id = :id", id=person_id) for office in offices} == {"02 111"}
    for office in offices:
        assert office.rows("SELECT winner_value, loser_value FROM sync_conflict") == [('"02 111"', '"02 222"')]


def test_erasure_blanks_the_values_kept_in_conflicts_about_the_person(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _person(maribor)
    exchange(maribor, ptuj, ormoz)
    with maribor.write() as session:
        session.get(Person, person_id).phone = "041 111 222"
    with ptuj.write() as session:
        session.get(Person, person_id).phone = "041 999 888"
    exchange(maribor, ptuj, ormoz)
    assert maribor.scalar("SELECT count(*) FROM sync_conflict WHERE column_name = 'phone'") == 1
    erase_person(ormoz.ws.store, ormoz.ws.actor, person_id)
    exchange(maribor, ptuj, ormoz)
    for office in offices:
        assert office.rows("SELECT winner_value, loser_value FROM sync_conflict WHERE row_id = :id", id=person_id) == [
            (None, None)]


def test_two_offices_merging_one_pair_in_opposite_directions_keep_one_person(offices, exchange):
    maribor, ptuj, _ = offices
    first, second = _person(maribor), _person(maribor, last_name="Ceh")
    exchange(maribor, ptuj)
    merge_persons(maribor.ws.store, maribor.ws.actor, first, second)
    merge_persons(ptuj.ws.store, ptuj.ws.actor, second, first)
    exchange(maribor, ptuj)
    survivor, loser = sorted((first, second))  # the smallest key ends a cycle of merges
    for office in (maribor, ptuj):
        assert office.rows("SELECT id, merged_into_id FROM person WHERE id IN (:a, :b) ORDER BY id",
                           a=first, b=second) == [(survivor, None), (loser, survivor)]


def test_one_duplicate_merged_into_two_persons_at_two_offices_makes_one_person(offices, exchange):
    maribor, ptuj, ormoz = offices
    duplicate, first, second = _person(maribor), _person(maribor, last_name="Ceh"), _person(maribor, last_name="Čeh ")
    with maribor.write() as session:
        event = Event(event_type="workshop", title_sl="Delavnica")
        session.add(event)
        session.flush()
        session.add(_registration(event.id, duplicate))
    exchange(maribor, ptuj, ormoz)
    merge_persons(maribor.ws.store, maribor.ws.actor, first, duplicate)  # both offline
    merge_persons(ptuj.ws.store, ptuj.ws.actor, second, duplicate)
    ormoz.sync()
    maribor.sync()  # Ormož sees Maribor's merge first, the others see Ptuj's first
    exchange(ptuj, ormoz, maribor)
    survivor = min(first, second)
    for office in offices:
        assert office.scalar("SELECT person_id FROM registration") == survivor
        assert office.rows("SELECT id, merged_into_id FROM person ORDER BY id") == sorted(
            (person, None if person == survivor else survivor) for person in (duplicate, first, second))


def test_a_pair_made_twice_by_a_merge_and_a_later_registration_keeps_one_live_record(offices, exchange):
    maribor, ptuj, ormoz = offices
    survivor, duplicate = _person(maribor), _person(maribor, last_name="Ceh")
    with maribor.write() as session:
        event = Event(event_type="workshop", title_sl="Delavnica")
        session.add(event)
        session.flush()
        session.add(_registration(event.id, duplicate))
    exchange(maribor, ptuj, ormoz)
    merge_persons(maribor.ws.store, maribor.ws.actor, survivor, duplicate)
    with ptuj.write() as session:  # Ptuj, not knowing of the merge, registers the survivor too
        session.add(_registration(event.id, survivor))
    exchange(maribor, ptuj, ormoz)
    live = {office.scalar("SELECT group_concat(id) FROM registration WHERE deleted_at IS NULL") for office in offices}
    assert live == {min(registration_key(event.id, survivor), registration_key(event.id, duplicate))}
    retired = {office.rows("SELECT id, deleted_at FROM registration WHERE deleted_at IS NOT NULL")[0] for office in offices}
    assert len(retired) == 1


def _registration(event_id, person_id):
    return Registration(id=registration_key(event_id, person_id), event_id=event_id, person_id=person_id,
                        status="registered", registered_on=dt.date(2026, 11, 1), code=person_id[:6])


def test_taking_the_other_value_of_a_conflict_updates_the_search_text_everywhere(offices, exchange):
    maribor, ptuj, ormoz = offices
    person_id = _person(maribor, last_name="Novak")
    exchange(maribor, ptuj, ormoz)
    for office, name in ((maribor, "Čeh"), (ptuj, "Šuštar")):
        with office.write() as session:
            session.get(Person, person_id).last_name = name
    exchange(maribor, ptuj, ormoz)
    (conflict,) = open_conflicts(ormoz.ws.store.engine)
    resolve_conflict(ormoz.ws.store.engine, conflict.id, TAKE_OTHER, None)
    exchange(maribor, ptuj, ormoz)
    rows = {_row(office, person_id, "last_name, search_text, sort_key") for office in offices}
    assert len(rows) == 1
    (last_name, search, _sort_key), = rows
    assert last_name == conflict.loser_value and fold(last_name) in search


@pytest.mark.xfail(strict=True, reason="known limit of the merge's one-version `prev` (see the report): "
                   "two lines of edits of one record made at two offices at once are not told apart")
def test_an_edit_lost_to_a_later_edit_on_a_record_made_twice_at_once_is_reported(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _person(maribor)
    with maribor.write() as session:
        event = Event(event_type="fair", title_sl="Sejem zadrug")
        session.add(event)
    exchange(maribor, ptuj)
    _clock_ahead(maribor, 1_000)  # Maribor's door registers the same walk-in a second later
    for office, status in ((ptuj, "cancelled"), (maribor, "attended")):  # both offline
        with office.write() as session:
            session.add(_registration(event.id, person_id))
        with office.write() as session:
            session.get(Registration, registration_key(event.id, person_id)).status = status
    exchange(maribor, ptuj)
    assert maribor.scalar("SELECT status FROM registration") == "attended"
    # Ptuj's "cancelled" was overwritten by an author who never saw it: it must be reviewable.
    assert maribor.rows("SELECT loser_value FROM sync_conflict WHERE column_name = 'status'") == [('"cancelled"',)]
