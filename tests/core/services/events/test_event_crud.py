"""Events and sessions: what may be saved, what is refused with a message naming the field, and
what deleting protects."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from event_days import DAY_1, DAY_2, DAY_3

from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator


def _refused_event(kit, **fields) -> ev.EventValidationError:
    values = {"event_type": "workshop", "title_sl": "Delavnica", **fields}
    with pytest.raises(ev.EventValidationError) as error:
        ev.create_event(kit.store, kit.actor, ev.EventInput(**values))
    return error.value


def test_an_event_keeps_its_titles_venue_info_point_capacity_and_rule(kit):
    event = ev.create_event(kit.store, kit.actor, ev.EventInput(
        "training_programme", "  Usposabljanje za zadruge ", "Training for cooperatives", "Tri srečanja",
        "Mestna hiša Ptuj", capacity=25, certificate_min_percent=75))
    assert (event.title_sl, event.title_en, event.venue) == ("Usposabljanje za zadruge", "Training for cooperatives",
                                                              "Mestna hiša Ptuj")
    assert event.site_id == kit.actor.site_id and event.site_name == "Informacijska točka Maribor"
    assert (event.capacity, event.certificate_min_percent, event.free_places) == (25, 75.0, 25)
    assert ev.get_event(kit.store, event.id) == event


def test_the_certificate_rule_defaults_to_80_percent(kit):
    assert ev.get_event(kit.store, kit.event()).certificate_min_percent == 80.0


@pytest.mark.parametrize("percent", [0, 0.5, 100.5, -10, 150, "80", None, True])
def test_a_certificate_rule_outside_1_to_100_percent_is_refused(kit, percent):
    error = _refused_event(kit, certificate_min_percent=percent)
    assert error.fields == ["certificate_min_percent"]
    assert "a percentage from 1 to 100" in str(error.errors[0])


@pytest.mark.parametrize("capacity", [0, -5, 2.5, "10", True])
def test_a_capacity_of_zero_negative_or_not_whole_is_refused(kit, capacity):
    error = _refused_event(kit, capacity=capacity)
    assert error.fields == ["capacity"]
    assert "at least 1" in str(error.errors[0])


def test_every_wrong_field_of_an_event_is_reported_at_once(kit):
    error = _refused_event(kit, event_type="party", title_sl="  ", title_en="x" * 301, capacity=0)
    assert sorted(error.fields) == ["capacity", "event_type", "title_en", "title_sl"]
    assert error.render(Translator("en")).startswith("The event was not saved")


def test_a_session_counts_its_hours_from_its_times_unless_given(kit):
    event_id = kit.event()
    plain = se.add_session(kit.store, kit.actor, event_id, se.SessionInput(DAY_1, dt.time(9), dt.time(12, 30)))
    taught = se.add_session(kit.store, kit.actor, event_id,
                            se.SessionInput(DAY_2, dt.time(9), dt.time(12), hours=4, title="2. srečanje"))
    assert (plain.hours, taught.hours) == (3.5, 4.0)
    event = ev.get_event(kit.store, event_id)
    assert [s.id for s in event.sessions] == [plain.id, taught.id]
    assert (event.total_hours, event.first_date, event.last_date) == (7.5, DAY_1, DAY_2)
    assert not event.sessions[0].evidence_complete


@pytest.mark.parametrize("start, end", [((12, 0), (9, 0)), ((9, 0), (9, 0))])
def test_a_session_ending_before_or_when_it_starts_is_refused(kit, start, end):
    event_id = kit.event()
    with pytest.raises(se.SessionValidationError) as error:
        se.add_session(kit.store, kit.actor, event_id, se.SessionInput(DAY_1, dt.time(*start), dt.time(*end)))
    assert error.value.fields == ["ends_at"]
    assert f"ends at {end[0]:02d}:00, which is not after its start at {start[0]:02d}:00" in str(error.value.errors[0])
    assert ev.get_event(kit.store, event_id).sessions == ()


@pytest.mark.parametrize("hours", [0, -1, 25])
def test_session_hours_outside_0_to_24_are_refused(kit, hours):
    with pytest.raises(se.SessionValidationError) as error:
        se.add_session(kit.store, kit.actor, kit.event(), se.SessionInput(DAY_1, dt.time(9), dt.time(12), hours=hours))
    assert error.value.fields == ["hours"]


def test_a_session_without_date_or_times_names_each_missing_field(kit):
    with pytest.raises(se.SessionValidationError) as error:
        se.add_session(kit.store, kit.actor, kit.event(), se.SessionInput(None, None, None))
    assert sorted(error.value.fields) == ["ends_at", "session_date", "starts_at"]


def test_sessions_are_listed_in_the_order_they_take_place(kit):
    event_id = kit.event()
    late = kit.session(event_id, DAY_3)
    early_afternoon = kit.session(event_id, DAY_1, (13, 0), (15, 0))
    early_morning = kit.session(event_id, DAY_1, (9, 0), (11, 0))
    assert [s.id for s in ev.get_event(kit.store, event_id).sessions] == [early_morning, early_afternoon, late]


def test_lowering_the_capacity_below_the_registered_is_refused(kit):
    event_id = kit.event(capacity=5)
    for name in ("Ana", "Bojan", "Cene"):
        rg.register_person(kit.store, kit.actor, event_id, kit.person(name))
    data = dataclasses.replace(ev.get_event(kit.store, event_id).to_input(), capacity=2)
    with pytest.raises(ev.EventValidationError) as error:
        ev.update_event(kit.store, kit.actor, event_id, data)
    assert error.value.fields == ["capacity"] and "registered already: 3" in str(error.value.errors[0])
    assert ev.get_event(kit.store, event_id).capacity == 5


def test_raising_the_capacity_moves_waiting_persons_up_in_order(kit):
    event_id = kit.event(capacity=1)
    names = ["Ana", "Bojan", "Cene", "Dana"]
    for name in names:
        rg.register_person(kit.store, kit.actor, event_id, kit.person(name, "Novak"))
    saved = ev.update_event(kit.store, kit.actor, event_id,
                            dataclasses.replace(ev.get_event(kit.store, event_id).to_input(), capacity=3))
    assert [row.first_name for row in saved.promoted] == ["Bojan", "Cene"]
    assert (saved.event.registered, saved.event.waiting) == (3, 1)


def test_events_are_listed_newest_first_and_found_by_either_title_without_accents(kit):
    old = kit.event("Delavnica o zadrugah", title_en="Cooperatives workshop")
    kit.session(old, dt.date(2019, 3, 1))
    new = kit.event("Sejem socialne ekonomije", event_type="fair")
    kit.session(new, dt.date(2021, 9, 24))
    planned = kit.event("Poslovni načrt")
    listed = ev.list_events(kit.store)
    assert [e.id for e in listed] == [planned, new, old]
    assert listed[1].first_date == dt.date(2021, 9, 24) and listed[1].session_count == 1
    assert [e.id for e in ev.list_events(kit.store, query="nacrt")] == [planned]
    assert [e.id for e in ev.list_events(kit.store, query="cooperat")] == [old]
    assert [e.id for e in ev.list_events(kit.store, event_type="fair")] == [new]


def test_an_event_with_check_ins_cannot_be_deleted_but_one_without_can(kit):
    event_id, sessions = kit.programme(1)
    person = kit.person()
    rg.register_person(kit.store, kit.actor, event_id, person)
    receipt = ci.check_in(kit.store, kit.actor, sessions[0], person)
    with pytest.raises(UserError, match="Check-ins recorded for this event: 1"):
        ev.delete_event(kit.store, kit.actor, event_id)
    with pytest.raises(UserError, match="Check-ins recorded for this session: 1"):
        se.delete_session(kit.store, kit.actor, sessions[0])
    ci.undo_check_in(kit.store, kit.actor, receipt)
    ev.delete_event(kit.store, kit.actor, event_id)
    assert ev.get_event(kit.store, event_id) is None
    assert ev.list_events(kit.store) == []


def test_a_deleted_session_leaves_the_programme_and_its_hours(kit):
    event_id, sessions = kit.programme(3)
    se.delete_session(kit.store, kit.actor, sessions[1])
    event = ev.get_event(kit.store, event_id)
    assert [s.id for s in event.sessions] == [sessions[0], sessions[2]] and event.total_hours == 6.0
    with pytest.raises(UserError, match="session was not found"):
        se.update_session(kit.store, kit.actor, sessions[1], se.SessionInput(DAY_1, dt.time(9), dt.time(10)))
