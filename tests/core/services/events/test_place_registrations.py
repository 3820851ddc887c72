"""Registering many persons in one unit of work (an import): the same places as one by one, the
waiting list in the order given even when the clock does not move, nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import registration_key
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.store import unit_of_work
from sociolab_desktop.core.store.models import Event, Person

TODAY = dt.date(2026, 11, 20)


def _place(kit, event_id: str, person_ids: list[str]) -> list[tuple[str, str, str | None]]:
    with kit.store.unit_of_work(kit.actor) as session:
        event, persons = session.get(Event, event_id), [session.get(Person, pid) for pid in person_ids]
        return [(row.person_id, row.status, before) for row, before in
                rg.place_registrations(session, event, persons, TODAY)]


def _registration(kit, event_id: str, person_id: str):
    return next(r for r in rg.list_registrations(kit.store, event_id) if r.person_id == person_id)


def test_free_places_in_the_order_given_then_the_waiting_list_and_a_cancelled_one_comes_back(kit):
    event_id = kit.event(capacity=2)
    ana, boris = kit.person("Ana", "Čeh"), kit.person("Boris", "Žagar")
    for person_id in (ana, boris):
        rg.register_person(kit.store, kit.actor, event_id, person_id, today=TODAY)
    rg.cancel_registration(kit.store, kit.actor, _registration(kit, event_id, ana).id, today=TODAY)
    eva, franc = kit.person("Eva", "Kralj"), kit.person("Franc", "Novak")
    placed = _place(kit, event_id, [ana, eva, franc])
    assert placed == [(ana, "registered", "cancelled"), (eva, "waiting", None), (franc, "waiting", None)]
    assert _registration(kit, event_id, ana).id == registration_key(event_id, ana)  # the same record
    assert [r.person_id for r in rg.waiting_list(kit.store, event_id)] == [eva, franc]


def test_those_already_waiting_take_free_places_before_the_batch(kit):
    event_id = kit.event(capacity=1)
    ana, boris, cilka = kit.person("Ana", "Čeh"), kit.person("Boris", "Žagar"), kit.person("Cilka", "Kos")
    for person_id in (ana, boris):
        rg.register_person(kit.store, kit.actor, event_id, person_id, today=TODAY)
    with kit.store.unit_of_work(kit.actor) as session:  # as a synced change of capacity arrives: no promotion
        session.get(Event, event_id).capacity = 2
    assert _place(kit, event_id, [cilka]) == [(cilka, "waiting", None)]
    assert _registration(kit, event_id, boris).status == "registered"


def test_a_live_registration_refuses_the_whole_batch(kit):
    event_id = kit.event()
    registered, new = kit.person("Ana", "Čeh"), kit.person("Boris", "Žagar")
    rg.register_person(kit.store, kit.actor, event_id, registered, today=TODAY)
    with pytest.raises(rg.AlreadyRegistered):
        _place(kit, event_id, [new, registered])
    assert [r.person_id for r in rg.list_registrations(kit.store, event_id)] == [registered]
    with pytest.raises(ValueError):
        _place(kit, event_id, [new, new])


def test_the_waiting_list_keeps_the_given_order_when_the_clock_stands_still(kit, monkeypatch):
    event_id = kit.event(capacity=1)
    people = [kit.person(name, "Zupan") for name in ("Zala", "Ana", "Mojca", "Bor", "Eva", "Tine", "Ula")]
    monkeypatch.setattr(unit_of_work, "utc_now", lambda: dt.datetime(2026, 11, 27, 9))
    _place(kit, event_id, people)
    assert [r.person_id for r in rg.waiting_list(kit.store, event_id)] == people[1:]
