"""The door: check-in by person and by scanned code, refusals with a message (and the walk-in
offer where it helps), walk-ins in one step, undo, live counters and search as staff type."""

from __future__ import annotations

import datetime as dt

import pytest
from event_days import TODAY

from sociolab_desktop.core.domain.keys import attendance_key
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import roster
from sociolab_desktop.core.store.models import Attendance, Registration
from sociolab_desktop.i18n import Translator

AT = dt.datetime(2026, 11, 27, 8, 5)  # naive UTC: 09:05 in Ljubljana


@pytest.fixture
def door(kit):
    """A programme of three sessions with Ana Čeh and Bojan Šuštar registered."""
    event_id, sessions = kit.programme(3, capacity=3)
    ana, bojan = kit.person("Ana", "Čeh"), kit.person("Bojan", "Šuštar")
    codes = {person: rg.register_person(kit.store, kit.actor, event_id, person, today=TODAY).registration.code
             for person in (ana, bojan)}
    return event_id, sessions, ana, bojan, codes


def _counters(kit, session_id):
    c = roster.session_counters(kit.store, session_id)
    return c.registered, c.present, c.walk_ins


def test_check_in_records_attendance_under_a_key_derived_from_session_and_person(kit, door):
    _event, sessions, ana, _bojan, _codes = door
    receipt = ci.check_in(kit.store, kit.actor, sessions[0], ana, at=AT)
    assert receipt.attendance_id == attendance_key(sessions[0], ana)
    assert (receipt.full_name, receipt.checked_in_at, receipt.is_walk_in) == ("Ana Čeh", AT, False)
    assert receipt.checked_in_local == AT.replace(tzinfo=dt.UTC)
    with kit.store.reader() as session:
        row = session.get(Attendance, receipt.attendance_id)
        assert row.checked_in_by_id == kit.actor.staff_id
    assert _counters(kit, sessions[0]) == (2, 1, 0)
    assert _counters(kit, sessions[1]) == (2, 0, 0)


def test_a_second_check_in_is_refused_with_the_first_time_and_not_counted(kit, door):
    _event, sessions, ana, _bojan, _codes = door
    ci.check_in(kit.store, kit.actor, sessions[0], ana, at=AT)
    with pytest.raises(ci.AlreadyCheckedIn) as error:
        ci.check_in(kit.store, kit.actor, sessions[0], ana, at=AT + dt.timedelta(minutes=3))
    local = AT.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")
    assert error.value.render(Translator("en")) == (
        f"Ana Čeh is already checked in for this session (at {local}); not counted again.")
    assert not error.value.offer_walk_in and error.value.checked_in_at == AT
    assert _counters(kit, sessions[0]) == (2, 1, 0)


def test_a_scanned_code_checks_its_person_in_also_lowercase_or_with_y_and_z_swapped(kit, door):
    _event, sessions, ana, bojan, codes = door
    assert ci.check_in_by_code(kit.store, kit.actor, sessions[0], f" {codes[ana].lower()} ").person_id == ana
    # A scanner set to a US keyboard on a Slovenian QWERTZ keyboard types Z for Y and Y for Z.
    qwertz = codes[bojan].translate(str.maketrans("YZ", "ZY"))
    assert ci.check_in_by_code(kit.store, kit.actor, sessions[1], qwertz).person_id == bojan
    with pytest.raises(ci.AlreadyCheckedIn):
        ci.check_in_by_code(kit.store, kit.actor, sessions[0], codes[ana])


@pytest.mark.parametrize("typed", ["ZZZZ2222", "not a code", ""])
def test_a_code_that_matches_no_registration_is_refused_with_a_way_on(kit, door, typed):
    _event, sessions, *_ = door
    with pytest.raises(ci.UnknownCode) as error:
        ci.check_in_by_code(kit.store, kit.actor, sessions[0], typed)
    assert "Search by name, or add the person as a walk-in" in str(error.value)
    assert _counters(kit, sessions[0]) == (2, 0, 0)


def test_a_code_of_another_events_registration_is_unknown_here(kit, door):
    _event, sessions, _ana, *_ = door
    other = kit.event("Druga delavnica", event_type="workshop")
    code = rg.register_person(kit.store, kit.actor, other, kit.person("Cene", "Dolenc")).registration.code
    with pytest.raises(ci.UnknownCode):
        ci.check_in_by_code(kit.store, kit.actor, sessions[0], code)


def test_a_person_not_registered_is_refused_with_the_walk_in_offer(kit, door):
    _event, sessions, *_ = door
    stranger = kit.person("Cene", "Dolenc")
    with pytest.raises(ci.NotRegistered) as error:
        ci.check_in(kit.store, kit.actor, sessions[0], stranger)
    assert error.value.offer_walk_in and error.value.person_id == stranger
    assert "not registered for this event" in str(error.value)


def test_check_in_for_a_cancelled_registration_is_refused_with_the_date(kit, door):
    event_id, sessions, ana, *_ = door
    registration = rg.list_registrations(kit.store, event_id)[0]
    rg.cancel_registration(kit.store, kit.actor, registration.id, today=TODAY)
    with pytest.raises(ci.RegistrationCancelled) as error:
        ci.check_in(kit.store, kit.actor, sessions[0], ana)
    assert error.value.offer_walk_in
    assert error.value.render(Translator("en")) == (
        "Ana Čeh cancelled the registration for this event (20/11/2026). To admit them, check them in as a walk-in.")
    assert "20. 11. 2026" in error.value.render(Translator("sl"))


def test_a_waiting_person_is_refused_with_their_place_and_admitted_as_a_walk_in(kit, door):
    event_id, sessions, *_ = door
    rg.register_person(kit.store, kit.actor, event_id, kit.person("Cene", "Dolenc"))
    waiting = kit.person("Dana", "Erjavec")
    assert rg.register_person(kit.store, kit.actor, event_id, waiting).waiting
    with pytest.raises(ci.OnWaitingList, match=r"waiting list \(place 1\)"):
        ci.check_in(kit.store, kit.actor, sessions[0], waiting)
    receipt = ci.check_in_walk_in(kit.store, kit.actor, sessions[0], person_id=waiting, today=TODAY)
    assert receipt.is_walk_in and receipt.registration_before == "waiting"
    assert rg.get_registration(kit.store, receipt.registration_id).status == "registered"
    assert _counters(kit, sessions[0]) == (3, 1, 1)


def test_a_walk_in_is_quick_added_registered_and_checked_in_in_one_step(kit, door):
    _event_id, sessions, *_ = door
    receipt = ci.check_in_walk_in(kit.store, kit.actor, sessions[0], new_person=rg.QuickPerson(
        "Đurđa", "Đurđević", phone="041 123 456"), today=TODAY, at=AT)
    assert receipt.is_walk_in and receipt.person_created and receipt.registration_before is None
    assert persons.get_person(kit.store, receipt.person_id).is_incomplete
    registration = rg.get_registration(kit.store, receipt.registration_id)
    assert registration.status == "registered" and registration.registered_on == TODAY
    assert _counters(kit, sessions[0]) == (2, 1, 1)
    # At the next session the walk-in is a registered participant like the others.
    assert _counters(kit, sessions[1]) == (3, 0, 0)
    again = ci.check_in_walk_in(kit.store, kit.actor, sessions[1], person_id=receipt.person_id)
    assert not again.is_walk_in and again.registration_before == "registered"


def test_walk_ins_are_admitted_beyond_capacity(kit, door):
    event_id, sessions, *_ = door
    rg.register_person(kit.store, kit.actor, event_id, kit.person("Cene", "Dolenc"))  # 3 of 3
    receipt = ci.check_in_walk_in(kit.store, kit.actor, sessions[0], new_person=rg.QuickPerson("Eva", "Furlan"))
    assert rg.get_registration(kit.store, receipt.registration_id).status == "registered"


def test_a_walk_in_quick_add_of_someone_recorded_offers_them_and_checks_in_nobody(kit, door):
    _event, sessions, *_ = door
    cene = kit.person("Cene", "Dolenc", email="cene@example.si")
    with pytest.raises(persons.PossibleDuplicate) as error:
        ci.check_in_walk_in(kit.store, kit.actor, sessions[0],
                            new_person=rg.QuickPerson("Cene", "Dolenc", email="Cene@Example.si"))
    assert [c.id for c in error.value.candidates] == [cene]
    assert _counters(kit, sessions[0]) == (2, 0, 0)


def test_undo_takes_back_the_last_check_in_and_allows_it_again(kit, door):
    _event, sessions, ana, *_ = door
    receipt = ci.check_in(kit.store, kit.actor, sessions[0], ana, at=AT)
    ci.undo_check_in(kit.store, kit.actor, receipt)
    assert _counters(kit, sessions[0]) == (2, 0, 0)
    with pytest.raises(ci.UserError, match="already undone"):
        ci.undo_check_in(kit.store, kit.actor, receipt)
    again = ci.check_in(kit.store, kit.actor, sessions[0], ana, at=AT + dt.timedelta(minutes=1))
    assert again.attendance_id == receipt.attendance_id  # the same record comes back
    assert _counters(kit, sessions[0]) == (2, 1, 0)


def test_undo_of_a_walk_in_takes_back_the_registration_it_made(kit, door):
    _event_id, sessions, *_ = door
    receipt = ci.check_in_walk_in(kit.store, kit.actor, sessions[0], new_person=rg.QuickPerson("Eva", "Furlan"))
    ci.undo_check_in(kit.store, kit.actor, receipt)
    assert _counters(kit, sessions[0]) == (2, 0, 0)
    assert rg.get_registration(kit.store, receipt.registration_id) is None
    assert persons.get_person(kit.store, receipt.person_id) is not None  # kept, flagged incomplete


def test_undo_of_a_cancelled_persons_walk_in_restores_the_cancellation(kit, door):
    event_id, sessions, ana, *_ = door
    registration = next(r for r in rg.list_registrations(kit.store, event_id) if r.person_id == ana)
    rg.cancel_registration(kit.store, kit.actor, registration.id, today=TODAY)
    receipt = ci.check_in_walk_in(kit.store, kit.actor, sessions[0], person_id=ana, today=TODAY)
    assert receipt.registration_before == "cancelled"
    ci.undo_check_in(kit.store, kit.actor, receipt)
    restored = rg.get_registration(kit.store, registration.id)
    assert (restored.status, restored.cancelled_on) == ("cancelled", TODAY)


def test_search_finds_registrations_as_typed_without_accents(kit, door):
    event_id, sessions, ana, bojan, codes = door
    durda = kit.person("Đurđa", "Đurđević", email="durda@example.si")
    rg.register_person(kit.store, kit.actor, event_id, durda)
    ci.check_in(kit.store, kit.actor, sessions[0], ana)

    def names(typed):
        return [e.full_name for e in roster.search_roster(kit.store, sessions[0], typed)]

    assert names("ceh") == ["Ana Čeh"]
    assert names("ČEH A") == ["Ana Čeh"]
    assert names("durd") == ["Đurđa Đurđević"]
    assert names("sust") == ["Bojan Šuštar"]
    assert names("uštar") == []  # words match from their start
    assert names("") == ["Ana Čeh", "Đurđa Đurđević", "Bojan Šuštar"]
    found = roster.search_roster(kit.store, sessions[0], codes[bojan])
    assert [e.person_id for e in found] == [bojan] and not found[0].is_present
    assert roster.search_roster(kit.store, sessions[0], "ana")[0].is_present


def test_search_lists_registered_before_waiting_before_cancelled(kit):
    event_id, sessions = kit.programme(1, capacity=1)
    people = [kit.person(first, "Novak") for first in ("Ana", "Bor", "Cvetka")]
    registrations = [rg.register_person(kit.store, kit.actor, event_id, p).registration for p in people]
    rg.cancel_registration(kit.store, kit.actor, registrations[0].id)  # Bor moves up
    rg.register_person(kit.store, kit.actor, event_id, people[0])  # Ana waits now
    listed = roster.search_roster(kit.store, sessions[0], "novak")
    assert [(e.first_name, e.status) for e in listed] == [
        ("Bor", "registered"), ("Ana", "waiting"), ("Cvetka", "waiting")]


def test_search_among_500_registrations_finds_every_typed_prefix(kit):
    event_id, sessions = kit.programme(1)
    first_names = ["Ana", "Bojan", "Čedomir", "Đurđa", "Eva", "Franc", "Gašper", "Helena", "Iztok", "Jana"]
    with kit.store.unit_of_work(kit.actor) as session:
        from sociolab_desktop.core.domain.keys import registration_key
        from sociolab_desktop.core.services.events.codes import registration_code
        from sociolab_desktop.core.store.models import Person
        for number in range(500):
            person = Person(first_name=first_names[number % 10], last_name=f"Priimek{number:03d}šč")
            session.add(person)
            session.flush()
            key = registration_key(event_id, person.id)
            session.add(Registration(id=key, event_id=event_id, person_id=person.id, status="registered",
                                     registered_on=TODAY, code=registration_code(key)))
    for typed in ("d", "du", "dur", "durd", "durda p", "durda priimek01"):
        found = roster.search_roster(kit.store, sessions[0], typed)
        assert found and (all(e.first_name == "Đurđa" for e in found) or typed == "d"), typed
    assert [e.last_name for e in roster.search_roster(kit.store, sessions[0], "durda priimek01")] == ["Priimek013šč"]
    assert len(roster.search_roster(kit.store, sessions[0], "durda")) == 50
    assert len(roster.search_roster(kit.store, sessions[0], "durda", limit=None)) == 50
    assert roster.session_counters(kit.store, sessions[0]).registered == 500
