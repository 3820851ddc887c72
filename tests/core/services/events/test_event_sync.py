"""Two laptops at two doors, offline, then synced: records unique by nature stay one record,
and a cancellation at one PC against a check-in at the other keeps both facts."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import attendance_key, registration_key
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.events import certificates as cert
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import counts, roster
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import sessions as se

DAY = dt.date(2026, 11, 27)


@pytest.fixture
def fair(offices, exchange):
    """Maribor sets up a one-session event with Ana Čeh registered; Ptuj has it all after a sync."""
    maribor, ptuj = offices
    store, actor = maribor.ws.store, maribor.ws.actor
    event = ev.create_event(store, actor, ev.EventInput("training_programme", "Usposabljanje"))
    session = se.add_session(store, actor, event.id, se.SessionInput(DAY, dt.time(9), dt.time(12)))
    person = persons.create_person(store, actor, persons.PersonInput("Ana", "Čeh"), today=DAY).id
    registration = rg.register_person(store, actor, event.id, person, today=DAY).registration
    exchange(maribor, ptuj)
    return event.id, session.id, person, registration


def test_both_doors_checking_in_the_same_person_offline_hold_one_attendance(offices, exchange, fair):
    maribor, ptuj = offices
    _event_id, session_id, person, _registration = fair
    at = dt.datetime(2026, 11, 27, 8, 0)
    for number, office in enumerate(offices):
        ci.check_in(office.ws.store, office.ws.actor, session_id, person, at=at + dt.timedelta(minutes=number))
    exchange(maribor, ptuj)
    for office in offices:
        assert office.rows("SELECT id, deleted_at FROM attendance") == [(attendance_key(session_id, person), None)]
        assert roster.session_counters(office.ws.store, session_id).present == 1
        with pytest.raises(ci.AlreadyCheckedIn):  # and neither door counts the person again
            ci.check_in(office.ws.store, office.ws.actor, session_id, person)
    # Which door's time and staff member were kept is the same on both PCs.
    assert maribor.rows("SELECT checked_in_at, checked_in_by_id FROM attendance") == \
        ptuj.rows("SELECT checked_in_at, checked_in_by_id FROM attendance")
    # Which door was first is nobody's question to review.
    assert [office.scalar("SELECT count(*) FROM sync_conflict") for office in offices] == [0, 0]


def test_both_doors_registering_the_same_walk_in_offline_hold_one_registration_with_one_code(offices, exchange, fair):
    maribor, ptuj = offices
    event_id, session_id, _ana, _registration = fair
    bojan = persons.create_person(maribor.ws.store, maribor.ws.actor, persons.PersonInput("Bojan", "Šuštar"),
                                  today=DAY).id
    exchange(maribor, ptuj)
    receipts = [ci.check_in_walk_in(office.ws.store, office.ws.actor, session_id, person_id=bojan, today=DAY)
                for office in offices]
    assert receipts[0].registration_id == receipts[1].registration_id == registration_key(event_id, bojan)
    exchange(maribor, ptuj)
    for office in offices:
        assert office.scalar("SELECT count(*) FROM registration WHERE person_id = :p", p=bojan) == 1
        assert office.scalar("SELECT count(*) FROM attendance WHERE person_id = :p", p=bojan) == 1
        counters = roster.session_counters(office.ws.store, session_id)
        assert (counters.registered, counters.present, counters.walk_ins) == (1, 1, 1)
    codes = {office.scalar("SELECT code FROM registration WHERE person_id = :p", p=bojan) for office in offices}
    assert len(codes) == 1


def test_a_cancellation_at_one_pc_and_a_check_in_at_the_other_keep_both_and_the_presence_counts(offices, exchange,
                                                                                            fair):
    """Decision: a check-in is a fact (the person was in the room and signed), a cancellation an
    intention. After sync the registration stays cancelled and the attendance stands: the person
    counts as present, for hours, certificates and indicators."""
    maribor, ptuj = offices
    event_id, session_id, person, registration = fair
    rg.cancel_registration(maribor.ws.store, maribor.ws.actor, registration.id, today=DAY)
    ci.check_in(ptuj.ws.store, ptuj.ws.actor, session_id, person)
    exchange(maribor, ptuj)
    for office in offices:
        store = office.ws.store
        assert rg.get_registration(store, registration.id).status == "cancelled"
        assert office.scalar("SELECT count(*) FROM attendance WHERE deleted_at IS NULL") == 1
        counters = roster.session_counters(store, session_id)
        assert (counters.registered, counters.present, counters.walk_ins) == (0, 1, 0)
        assert [e.is_present for e in roster.search_roster(store, session_id, "ceh")] == [True]
        assert [r.eligible for r in cert.certificate_eligibility(store, event_id).rows] == [True]
        assert counts.training_participants(store) == counts.TrainingParticipants(1, 1, 1)
        assert office.scalar("SELECT count(*) FROM sync_conflict") == 0  # different fields: nothing to review
