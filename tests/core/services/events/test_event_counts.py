"""What the indicators count from events: persons in training programmes (registered, attended,
met the rule), each once, and fairs or conferences held."""

from __future__ import annotations

import datetime as dt

from event_days import DAY_1, TODAY

from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import counts
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.store.models import Person, utc_now


def _register(kit, event_id, person_id):
    return rg.register_person(kit.store, kit.actor, event_id, person_id, today=TODAY).registration


def test_persons_in_training_programmes_are_counted_once_at_each_level(kit):
    first, first_sessions = kit.programme(3, capacity=3)
    second, second_sessions = kit.programme(2)
    workshop, workshop_sessions = kit.programme(1, event_type="workshop")
    ana, bojan, cvetka, dana, eva, franc, gasper = (
        kit.person(name, "Novak") for name in ("Ana", "Bojan", "Cvetka", "Dana", "Eva", "Franc", "Gašper"))
    for person in (ana, bojan, cvetka):
        _register(kit, first, person)
    assert rg.register_person(kit.store, kit.actor, first, dana).waiting  # waiting: not counted
    rg.cancel_registration(kit.store, kit.actor, _register(kit, second, eva).id)  # cancelled: not counted
    for session_id in first_sessions:
        ci.check_in(kit.store, kit.actor, session_id, ana)  # completes
    ci.check_in(kit.store, kit.actor, first_sessions[0], bojan)  # attended once
    # Cvetka is registered and never came; Ana and Franc (a walk-in) complete the second programme too.
    _register(kit, second, ana)
    ci.check_in_walk_in(kit.store, kit.actor, second_sessions[0], person_id=franc)
    ci.check_in(kit.store, kit.actor, second_sessions[1], franc)
    for session_id in second_sessions:
        ci.check_in(kit.store, kit.actor, session_id, ana)
    _register(kit, workshop, gasper)
    ci.check_in(kit.store, kit.actor, workshop_sessions[0], gasper)  # a workshop is not a training programme
    assert counts.training_participants(kit.store) == counts.TrainingParticipants(
        registered=4, attended=3, completed=2)
    both = counts.training_participants(kit.store, event_types=("training_programme", "workshop"))
    assert both == counts.TrainingParticipants(registered=5, attended=4, completed=3)


def test_a_merged_duplicate_counts_once_and_a_deleted_person_not_at_all(kit):
    programme, _sessions = kit.programme(1)
    survivor, duplicate, deleted = kit.person("Ana", "Čeh"), kit.person("Ana", "Ceh"), kit.person("Bor", "Kos")
    for person in (survivor, duplicate, deleted):
        _register(kit, programme, person)
    other, other_sessions = kit.programme(1)
    _register(kit, other, duplicate)
    ci.check_in(kit.store, kit.actor, other_sessions[0], duplicate)
    assert counts.training_participants(kit.store) == counts.TrainingParticipants(3, 1, 1)
    person_operations.merge_persons(kit.store, kit.actor, survivor, duplicate)
    with kit.store.unit_of_work(kit.actor) as session:
        session.get(Person, deleted).deleted_at = utc_now()
    assert counts.training_participants(kit.store) == counts.TrainingParticipants(1, 1, 1)


def test_counts_of_one_info_point_and_one_period(kit):
    _programme, sessions = kit.programme(1)
    ci.check_in_walk_in(kit.store, kit.actor, sessions[0], person_id=kit.person())
    assert counts.training_participants(kit.store, site_id=kit.actor.site_id).attended == 1
    assert counts.training_participants(kit.store, site_id="elsewhere").attended == 0
    assert counts.training_participants(kit.store, since=DAY_1, until=DAY_1).attended == 1
    assert counts.training_participants(kit.store, since=DAY_1 + dt.timedelta(days=1)).attended == 0


def test_fairs_held_count_each_fair_once_when_it_has_taken_place(kit):
    def fair(title, *days):
        event_id = kit.event(title, event_type="fair")
        for day in days:
            kit.session(event_id, day)
        return event_id

    fair("Sejem 2018", dt.date(2018, 9, 21), dt.date(2018, 9, 22))  # fair and open day: one fair
    fair("Sejem 2019", dt.date(2019, 9, 27))
    fair("Sejem 2027", dt.date(2027, 9, 24))  # not yet held
    fair("Sejem brez datuma")  # no sessions yet
    ev.delete_event(kit.store, kit.actor, fair("Pomotoma", dt.date(2019, 10, 1)))
    conference = kit.event("Mednarodna konferenca", event_type="conference")
    kit.session(conference, dt.date(2021, 9, 16))
    assert counts.events_held(kit.store, "fair", today=TODAY) == 2
    assert counts.events_held(kit.store, "fair", today=dt.date(2028, 1, 1)) == 3
    assert counts.events_held(kit.store, "conference", today=TODAY) == 1
    assert counts.events_held(kit.store, "fair", today=TODAY, since=dt.date(2019, 1, 1)) == 1
