"""Registrations: existing persons and persons quick-added at the door, capacity with a waiting
list, cancellation that moves the first waiting person up, and codes a scanner can type."""

from __future__ import annotations

import pytest
from event_days import TODAY

from sociolab_desktop.core.domain.keys import registration_key
from sociolab_desktop.core.services import (
    organisation_roles,
    organisations,
    person_operations,
    persons,
)
from sociolab_desktop.core.services.demo.events import (
    registration_code as demo_registration_code,
)
from sociolab_desktop.core.services.events import codes
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator


def _register(kit, event_id, person_id):
    return rg.register_person(kit.store, kit.actor, event_id, person_id, today=TODAY)


def test_a_registration_has_a_key_and_code_derived_from_event_and_person(kit):
    event_id, person_id = kit.event(), kit.person()
    outcome = _register(kit, event_id, person_id)
    row = outcome.registration
    assert not outcome.waiting and row.status == "registered" and row.registered_on == TODAY
    assert row.id == registration_key(event_id, person_id)
    assert row.code == codes.registration_code(row.id) == demo_registration_code(row.id)
    assert len(row.code) == 8 and set(row.code) <= set(codes.CODE_ALPHABET)
    assert not set(row.code) & set("01OI")


def test_registering_the_same_person_twice_is_refused_with_their_code(kit):
    event_id, person_id = kit.event(), kit.person("Žiga", "Šuštar")
    first = _register(kit, event_id, person_id).registration
    with pytest.raises(rg.AlreadyRegistered) as error:
        _register(kit, event_id, person_id)
    assert error.value.registration == first
    assert error.value.render(Translator("en")) == (
        f"Žiga Šuštar is already registered for this event (code {first.code}).")
    assert len(rg.list_registrations(kit.store, event_id)) == 1


def test_registration_beyond_capacity_goes_to_the_waiting_list_not_over_it(kit):
    event_id = kit.event(capacity=2)
    outcomes = [_register(kit, event_id, kit.person(name, "Kos")) for name in ("Ana", "Bor", "Cvetka", "Darja")]
    assert [o.waiting for o in outcomes] == [False, False, True, True]
    event = ev.get_event(kit.store, event_id)
    assert (event.registered, event.waiting, event.free_places) == (2, 2, 0)
    waiting = rg.waiting_list(kit.store, event_id)
    assert [(r.first_name, r.waiting_position) for r in waiting] == [("Cvetka", 1), ("Darja", 2)]
    with pytest.raises(rg.AlreadyRegistered, match="already on the waiting list"):
        _register(kit, event_id, outcomes[2].registration.person_id)


def test_cancelling_frees_the_place_for_the_first_on_the_waiting_list(kit):
    event_id = kit.event(capacity=1)
    first, second, third = (_register(kit, event_id, kit.person(name, "Kos")).registration
                            for name in ("Ana", "Bor", "Cvetka"))
    outcome = rg.cancel_registration(kit.store, kit.actor, first.id, today=TODAY)
    assert outcome.registration.status == "cancelled" and outcome.registration.cancelled_on == TODAY
    assert [r.id for r in outcome.promoted] == [second.id]
    assert rg.get_registration(kit.store, second.id).status == "registered"
    assert rg.get_registration(kit.store, third.id).waiting_position == 1
    with pytest.raises(UserError, match="already cancelled on 2026-11-20"):
        rg.cancel_registration(kit.store, kit.actor, first.id, today=TODAY)


def test_cancelling_a_waiting_registration_promotes_nobody(kit):
    event_id = kit.event(capacity=1)
    _register(kit, event_id, kit.person("Ana"))
    waiting = _register(kit, event_id, kit.person("Bor")).registration
    assert rg.cancel_registration(kit.store, kit.actor, waiting.id, today=TODAY).promoted == ()


def test_a_cancelled_person_registering_again_gets_the_same_record_and_code_back(kit):
    event_id, person_id = kit.event(), kit.person()
    first = _register(kit, event_id, person_id).registration
    rg.cancel_registration(kit.store, kit.actor, first.id, today=TODAY)
    again = _register(kit, event_id, person_id)
    assert again.reinstated and (again.registration.id, again.registration.code) == (first.id, first.code)
    assert again.registration.status == "registered" and again.registration.cancelled_on is None


def test_a_registration_freed_while_others_wait_goes_to_them_before_a_newcomer(kit):
    event_id = kit.event(capacity=1)
    first = _register(kit, event_id, kit.person("Ana")).registration
    waiting = _register(kit, event_id, kit.person("Bor")).registration
    rg.cancel_registration(kit.store, kit.actor, first.id, today=TODAY)
    newcomer = _register(kit, event_id, kit.person("Cvetka"))
    assert rg.get_registration(kit.store, waiting.id).status == "registered"
    assert newcomer.waiting


def test_quick_add_at_the_door_saves_an_incomplete_person_and_registers_them(kit):
    event_id = kit.event()
    outcome = rg.quick_add_and_register(kit.store, kit.actor, event_id, rg.QuickPerson(
        "Đurđa", "Đurđević", email="durda@example.si", municipality_code="Ptuj"), today=TODAY)
    row = outcome.registration
    assert (row.full_name, row.affiliation, row.person_incomplete) == ("Đurđa Đurđević", "Ptuj", True)
    person = persons.get_person(kit.store, row.person_id)
    assert person.is_incomplete and person.municipality_code == "SI-096" and person.first_contact_date == TODAY


def test_quick_add_of_someone_already_recorded_offers_the_existing_person(kit):
    existing = kit.person("Ana", "Čeh", email="ana@example.si")
    event_id = kit.event()
    quick = rg.QuickPerson("Ana", "Ceh", email="ANA@example.si")
    with pytest.raises(persons.PossibleDuplicate) as error:
        rg.quick_add_and_register(kit.store, kit.actor, event_id, quick, today=TODAY)
    assert [c.id for c in error.value.candidates] == [existing]
    assert rg.list_registrations(kit.store, event_id) == []
    saved = rg.quick_add_and_register(kit.store, kit.actor, event_id, quick, today=TODAY, allow_duplicates=True)
    assert saved.registration.person_id != existing


def test_quick_add_with_a_wrong_field_saves_nobody(kit):
    with pytest.raises(persons.PersonValidationError) as error:
        rg.quick_add_and_register(kit.store, kit.actor, kit.event(), rg.QuickPerson("Ana", "", email="ana@"),
                                  today=TODAY)
    assert sorted(error.value.fields) == ["email", "last_name"]


def test_quick_add_for_an_event_that_is_gone_saves_nobody(kit):
    event_id = kit.event()
    ev.delete_event(kit.store, kit.actor, event_id)
    with pytest.raises(UserError, match="event was not found"):
        rg.quick_add_and_register(kit.store, kit.actor, event_id, rg.QuickPerson("Ana", "Novak"), today=TODAY)
    assert persons.find_duplicates(kit.store, persons.PersonInput("Ana", "Novak")) == []


def test_registrations_list_in_slovenian_order_with_organisation_or_municipality(kit):
    event_id = kit.event()
    cooperative = organisations.create_organisation(
        kit.store, kit.actor, organisations.OrganisationInput(name="Zadruga Dobrote", legal_form="cooperative")).id
    people = {
        "Šuštar": kit.person("Žiga", "Šuštar", municipality_code="Ormož"),
        "Cerar": kit.person("Ana", "Cerar"),
        "Čeh": kit.person("Bojan", "Čeh", municipality_code="Maribor"),
        "Sever": kit.person("Eva", "Sever", municipality_code="Ptuj"),
        "Zupan": kit.person("Iva", "Zupan"),
        "Žagar": kit.person("Jan", "Žagar"),
    }
    organisation_roles.link_person(kit.store, kit.actor, cooperative, people["Sever"], "member")
    for person_id in people.values():
        _register(kit, event_id, person_id)
    rows = rg.list_registrations(kit.store, event_id)
    assert [r.last_name for r in rows] == ["Cerar", "Čeh", "Sever", "Šuštar", "Zupan", "Žagar"]
    assert {r.last_name: r.affiliation for r in rows} == {
        "Cerar": "", "Čeh": "Maribor", "Sever": "Zadruga Dobrote", "Šuštar": "Ormož", "Zupan": "", "Žagar": ""}


def test_a_merged_away_duplicate_is_registered_as_the_survivor(kit):
    survivor, duplicate = kit.person("Ana", "Čeh"), kit.person("Ana", "Ceh")
    person_operations.merge_persons(kit.store, kit.actor, survivor, duplicate)
    row = _register(kit, kit.event(), duplicate).registration
    assert row.person_id == survivor


def test_an_erased_person_cannot_be_registered(kit):
    person_id = kit.person()
    person_operations.erase_person(kit.store, kit.actor, person_id)
    with pytest.raises(UserError, match="erased"):
        _register(kit, kit.event(), person_id)


@pytest.mark.parametrize("typed, expected", [
    ("abcd2345", ["ABCD2345"]), (" AB-CD 2345 ", ["ABCD2345"]), ("AYZD2345", ["AYZD2345", "AZYD2345"]),
    ("ABCD234", []), ("ABCD23450", []), ("ABCD0345", []), ("ÄBCD2345", []), ("", []), (None, []),
])
def test_a_typed_code_is_read_leniently_and_a_qwertz_swap_is_tried(typed, expected):
    assert codes.code_candidates(typed) == expected


def test_certificate_numbers_carry_the_year_and_eight_code_characters():
    number = codes.certificate_number("6f1c2f3e-5b0a-4c8e-9a51-50c10c1ab000", 2021)
    assert number.startswith("2021-") and len(number) == 13
    assert number == codes.certificate_number("6f1c2f3e-5b0a-4c8e-9a51-50c10c1ab000", 2021)
