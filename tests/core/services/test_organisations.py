"""Organisations: every wrong field reported at once, duplicates, folded search, Slovenian order,
and persons linked with a role."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import organisation_role_key
from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.store.models import Person, PersonOrganisationRole
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

REGISTRATION = "5933102"  # valid check digit (python-stdnum)
OTHER_REGISTRATION = "6543219"
TAX = "10000003"
OTHER_TAX = "10000011"


def _input(name="Zadruga Đurđevka, z.o.o.", **fields) -> org.OrganisationInput:
    return org.OrganisationInput(name=name, legal_form=fields.pop("legal_form", "cooperative"), **fields)


def _create(ws, name="Zadruga Đurđevka, z.o.o.", **fields) -> org.OrganisationDetail:
    return org.create_organisation(ws.store, ws.actor, _input(name, **fields))


def _person(ws, first="Ana", last="Čeh", **fields) -> str:
    with ws.store.unit_of_work(ws.actor) as session:
        person = Person(first_name=first, last_name=last, **fields)
        session.add(person)
    return person.id


def test_slovenian_letters_round_trip(workspace):
    created = _create(workspace, "Društvo Čebelica Žalec–Šoštanj Ćirić Đurić",
                      street_address="Čučkova ulica 5", post_town="Ormož", sector="Čebelarstvo",
                      notes="Šola, žaga, ćevapčiči, đuveč.")
    again = org.get_organisation(workspace.store, created.id)
    assert again.name == "Društvo Čebelica Žalec–Šoštanj Ćirić Đurić"
    assert (again.street_address, again.post_town, again.sector) == ("Čučkova ulica 5", "Ormož", "Čebelarstvo")
    assert again.notes == "Šola, žaga, ćevapčiči, đuveč."


def test_a_complete_organisation_is_stored_cleaned(workspace):
    created = _create(workspace, "  Zavod   Sonček  ", legal_form="institute", stage="start_up",
                      registration_number=f" {REGISTRATION} ", tax_number=f"SI {TAX}", email=" info@soncek.si ",
                      postal_code="2250", municipality_code="Ptuj", website="www.soncek.si", phone="02 123 45 67")
    assert created.name == "Zavod Sonček"
    assert created.registration_number == REGISTRATION + "000"  # as the business register prints it
    assert created.tax_number == TAX
    assert created.email == "info@soncek.si"
    assert created.municipality_code == "SI-096"
    assert created.website == "https://www.soncek.si"
    assert created.site_id == workspace.actor.site_id
    assert created.created_at is not None and not created.is_deleted


@pytest.mark.parametrize("typed, stored", [
    ("example.si", "https://example.si"),
    ("http://example.si/o-nas", "http://example.si/o-nas"),
    ("https://čebelica.si", "https://čebelica.si"),
])
def test_web_addresses_without_a_scheme_get_https(workspace, typed, stored):
    assert _create(workspace, website=typed).website == stored


@pytest.mark.parametrize("typed", ["example", "ftp://example.si", "www.example .si", "info@example.si", "https://"])
def test_a_web_address_that_is_not_one_is_refused(workspace, typed):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, website=typed)
    assert error.value.fields == ["website"]


def test_every_wrong_field_is_reported_at_once(workspace):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, "", legal_form="", stage="growing", registration_number="5933103",
                tax_number="12345678", email="info.example.si", postal_code="225", municipality_code="Atlantida",
                website="nowhere", country_code="SI")
    assert error.value.fields == ["name", "legal_form", "stage", "registration_number", "tax_number",
                                  "postal_code", "municipality_code", "email", "website"]
    assert org.count_organisations(workspace.store) == 0


@pytest.mark.parametrize("field, value, words", [
    ("registration_number", "5933103", "wrong check digit"),
    ("registration_number", "59331", "wrong number of digits"),
    ("tax_number", "12345678", "wrong check digit"),
    ("email", "info.example.si", "“@”"),
    ("postal_code", "225", "4 digits"),
])
def test_wrong_values_are_refused_with_a_message_naming_them(workspace, field, value, words):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, **{field: value})
    [field_error] = error.value.errors
    assert field_error.field == field
    assert words in str(field_error) and value in str(field_error)


def test_validation_messages_render_in_the_persons_language(workspace):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, tax_number="12345678")
    english = error.value.render(Translator("en"))
    assert english.splitlines()[1].startswith("Tax number 12345678")


def test_a_municipality_outside_slovenia_is_refused_and_foreign_postal_codes_pass(workspace):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, country_code="AT", municipality_code="SI-070", postal_code="8010")
    assert error.value.fields == ["municipality_code"]
    created = _create(workspace, country_code="at", postal_code="8010", post_town="Graz")
    assert (created.country_code, created.postal_code) == ("AT", "8010")


def test_a_municipality_may_be_given_by_code_or_in_either_spelling(workspace):
    assert _create(workspace, "A", municipality_code="Hoce-Slivnica").municipality_code == "SI-160"
    assert _create(workspace, "B", municipality_code="si-070").municipality_code == "SI-070"


def test_unknown_legal_form_is_refused(workspace):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, legal_form="sole_trader")
    assert error.value.fields == ["legal_form"]


def test_same_registration_number_is_refused_even_in_its_short_form(workspace):
    first = _create(workspace, "Zavod Sonček", legal_form="institute", registration_number=REGISTRATION + "000")
    with pytest.raises(org.DuplicateOrganisationError) as error:
        _create(workspace, "Sonček, zavod", legal_form="institute", registration_number=REGISTRATION)
    assert [(d.id, d.reason) for d in error.value.duplicates] == [(first.id, "registration_number")]
    assert not error.value.only_name
    assert "Zavod Sonček" in str(error.value)


def test_same_tax_number_is_refused_even_when_allowing_the_same_name(workspace):
    _create(workspace, "Zavod Sonček", tax_number=TAX)
    with pytest.raises(org.DuplicateOrganisationError):
        org.create_organisation(workspace.store, workspace.actor, _input("Drugo ime", tax_number=TAX),
                                allow_same_name=True)


def test_the_same_name_in_another_spelling_asks_before_saving(workspace):
    first = _create(workspace, "Zadruga Đurđevka, z.o.o.")
    with pytest.raises(org.DuplicateOrganisationError) as error:
        _create(workspace, "ZADRUGA DURDEVKA z.o.o.")
    assert error.value.only_name and error.value.duplicates[0].id == first.id
    second = org.create_organisation(workspace.store, workspace.actor, _input("ZADRUGA DURDEVKA z.o.o."),
                                     allow_same_name=True)
    assert second.id != first.id


def test_find_duplicates_before_saving_names_each_reason(workspace):
    by_number = _create(workspace, "Zavod Sonček", registration_number=REGISTRATION)
    by_name = _create(workspace, "Zadruga Đurđevka")
    found = org.find_duplicate_organisations(
        workspace.store, _input("zadruga đurđevka", registration_number=REGISTRATION, tax_number="bad"))
    assert {(d.id, d.reason) for d in found} == {(by_number.id, "registration_number"), (by_name.id, "name")}
    assert org.find_duplicate_organisations(workspace.store, _input("Zadruga Đurđevka"),
                                            exclude_id=by_name.id) == []


def test_an_update_keeps_its_own_numbers_and_site(workspace):
    created = _create(workspace, "Zavod Sonček", registration_number=REGISTRATION, tax_number=TAX)
    changed = org.update_organisation(
        workspace.store, workspace.actor, created.id,
        _input("Zavod Sonček, so.p.", stage="established", registration_number=REGISTRATION, tax_number=TAX))
    assert (changed.name, changed.stage, changed.site_id) == ("Zavod Sonček, so.p.", "established", created.site_id)
    assert org.get_organisation(workspace.store, created.id).name == "Zavod Sonček, so.p."


def test_an_update_taking_anothers_number_is_refused(workspace):
    _create(workspace, "Zavod Sonček", registration_number=REGISTRATION)
    other = _create(workspace, "Društvo Luna", registration_number=OTHER_REGISTRATION)
    with pytest.raises(org.DuplicateOrganisationError):
        org.update_organisation(workspace.store, workspace.actor, other.id,
                                _input("Društvo Luna", registration_number=REGISTRATION))


def test_a_deleted_organisation_leaves_lists_and_duplicates(workspace):
    created = _create(workspace, "Zavod Sonček", registration_number=REGISTRATION)
    org.delete_organisation(workspace.store, workspace.actor, created.id)
    assert org.get_organisation(workspace.store, created.id) is None
    assert org.get_organisation(workspace.store, created.id, include_deleted=True).is_deleted
    assert org.count_organisations(workspace.store) == 0
    _create(workspace, "Zavod Sonček", registration_number=REGISTRATION)  # no longer a duplicate
    with pytest.raises(UserError):
        org.update_organisation(workspace.store, workspace.actor, created.id, _input("X"))


def _names(ws, **criteria) -> list[str]:
    return [row.name for row in org.list_organisations(ws.store, org.OrganisationFilter(**criteria))]


def test_search_is_folded_and_matches_word_starts(workspace):
    for name in ("Zadruga Đurđevka", "Društvo Čebelica", "Zavod (Sončnica)", "Hoče-Slivnica razvojna",
                 "Podzadruga d.o.o."):
        _create(workspace, name)
    assert _names(workspace, text="zadruga") == ["Zadruga Đurđevka"]
    assert _names(workspace, text="DURD") == ["Zadruga Đurđevka"]
    assert _names(workspace, text="čebel") == ["Društvo Čebelica"]
    assert _names(workspace, text="drustvo ceb") == ["Društvo Čebelica"]
    assert _names(workspace, text="soncnica") == ["Zavod (Sončnica)"]
    assert _names(workspace, text="slivnica") == ["Hoče-Slivnica razvojna"]
    assert _names(workspace, text="50%_") == []


def test_search_finds_registration_and_tax_numbers(workspace):
    _create(workspace, "Zavod Sonček", registration_number=REGISTRATION, tax_number=TAX)
    assert _names(workspace, text=REGISTRATION[:4]) == ["Zavod Sonček"]
    assert _names(workspace, text=TAX) == ["Zavod Sonček"]


def test_list_is_in_slovenian_order_and_pages(workspace):
    for name in ("Žaga", "Zavod", "Čebela", "Cvet", "Šola", "Sonce", "Ćevap", "Dom", "Đurđa"):
        _create(workspace, name)
    assert _names(workspace) == ["Cvet", "Čebela", "Ćevap", "Dom", "Đurđa", "Sonce", "Šola", "Zavod", "Žaga"]
    page = org.list_organisations(workspace.store, offset=3, limit=2)
    assert [row.name for row in page] == ["Dom", "Đurđa"]
    assert org.count_organisations(workspace.store) == 9


def test_filters_by_legal_form_stage_municipality_and_info_point(workspace):
    _create(workspace, "Zadruga A", legal_form="cooperative", stage="start_up", municipality_code="SI-070")
    _create(workspace, "Zadruga B", legal_form="cooperative", stage="idea", municipality_code="SI-096")
    _create(workspace, "Društvo C", legal_form="association", stage="start_up", municipality_code="SI-070",
            site_id="another-info-point")
    assert _names(workspace, legal_form="cooperative") == ["Zadruga A", "Zadruga B"]
    assert _names(workspace, stage="start_up") == ["Društvo C", "Zadruga A"]
    assert _names(workspace, municipality_code="SI-070", legal_form="cooperative") == ["Zadruga A"]
    assert _names(workspace, site_id=workspace.actor.site_id) == ["Zadruga A", "Zadruga B"]
    assert org.count_organisations(workspace.store, org.OrganisationFilter(text="zadruga", stage="idea")) == 1


def test_list_rows_are_plain_data(workspace):
    _create(workspace, "Zavod Sonček", legal_form="institute")
    [row] = org.list_organisations(workspace.store)
    assert dataclasses.is_dataclass(row) and row.legal_form == "institute"
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.name = "x"


# --- persons linked to organisations ---------------------------------------------------------


def test_a_person_linked_with_a_role_appears_on_both_sides(workspace):
    organisation = _create(workspace, "Zadruga Đurđevka")
    person_id = _person(workspace)
    link = roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "founder",
                           since=dt.date(2019, 3, 1))
    assert link.id == organisation_role_key(person_id, organisation.id, "founder")
    assert (link.person_name, link.organisation_name, link.role) == ("Ana Čeh", "Zadruga Đurđevka", "founder")
    assert roles.linked_persons(workspace.store, organisation.id) == [link]
    assert roles.organisations_of_person(workspace.store, person_id) == [link]
    assert link.is_current(dt.date(2020, 1, 1)) and not link.is_current(dt.date(2019, 2, 28))


def test_linking_the_same_role_twice_is_refused_but_another_role_is_not(workspace):
    organisation = _create(workspace)
    person_id = _person(workspace)
    roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "member")
    with pytest.raises(UserError, match="already has this role"):
        roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "member")
    roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "employee")
    assert [link.role for link in roles.linked_persons(workspace.store, organisation.id)] == ["employee", "member"]


def test_an_end_before_the_start_is_refused(workspace):
    organisation = _create(workspace)
    person_id = _person(workspace)
    with pytest.raises(org.FieldErrors) as error:
        roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "employee",
                        since=dt.date(2020, 5, 1), until=dt.date(2020, 4, 30))
    assert error.value.fields == ["until"]
    link = roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "employee",
                           since=dt.date(2020, 5, 1), until=dt.date(2020, 5, 1))
    with pytest.raises(org.FieldErrors):
        roles.change_role_dates(workspace.store, workspace.actor, link.id, since=dt.date(2021, 1, 1),
                              until=dt.date(2020, 1, 1))
    changed = roles.change_role_dates(workspace.store, workspace.actor, link.id, since=dt.date(2020, 5, 1),
                                    until=dt.date(2021, 6, 30))
    assert changed.until == dt.date(2021, 6, 30) and not changed.is_current(dt.date(2021, 7, 1))


def test_unknown_role_is_refused(workspace):
    organisation = _create(workspace)
    with pytest.raises(org.FieldErrors) as error:
        roles.link_person(workspace.store, workspace.actor, organisation.id, _person(workspace), "boss")
    assert error.value.fields == ["role"]


def test_unlink_is_a_soft_delete_and_linking_again_revives_the_record(workspace):
    organisation = _create(workspace)
    person_id = _person(workspace)
    link = roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "contact_person")
    roles.unlink_person(workspace.store, workspace.actor, link.id)
    assert roles.linked_persons(workspace.store, organisation.id) == []
    with workspace.store.reader() as session:
        assert session.get(PersonOrganisationRole, link.id).deleted_at is not None
    with pytest.raises(UserError):
        roles.unlink_person(workspace.store, workspace.actor, link.id)
    again = roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "contact_person",
                            since=dt.date(2021, 1, 4))
    assert again.id == link.id and again.since == dt.date(2021, 1, 4)
    assert len(roles.linked_persons(workspace.store, organisation.id)) == 1


def test_linked_persons_are_in_slovenian_surname_order_without_erased_or_deleted(workspace):
    organisation = _create(workspace)
    for first, last in (("Zala", "Žagar"), ("Ana", "Zupan"), ("Ivo", "Čeh"), ("Eva", "Cerar")):
        roles.link_person(workspace.store, workspace.actor, organisation.id, _person(workspace, first, last), "member")
    gone = _person(workspace, "Gone", "Away")
    roles.link_person(workspace.store, workspace.actor, organisation.id, gone, "member")
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, gone).deleted_at = dt.datetime(2021, 1, 1)
    names = [link.person_name for link in roles.linked_persons(workspace.store, organisation.id)]
    assert names == ["Eva Cerar", "Ivo Čeh", "Ana Zupan", "Zala Žagar"]


def test_linking_a_deleted_person_or_organisation_is_refused(workspace):
    organisation = _create(workspace)
    person_id = _person(workspace)
    with pytest.raises(UserError, match="person was not found"):
        roles.link_person(workspace.store, workspace.actor, organisation.id, "no-such-person", "member")
    org.delete_organisation(workspace.store, workspace.actor, organisation.id)
    with pytest.raises(UserError, match="organisation was not found"):
        roles.link_person(workspace.store, workspace.actor, organisation.id, person_id, "member")


def test_a_merged_persons_link_is_not_made_twice(workspace):
    from sociolab_desktop.core.services import person_operations

    organisation = _create(workspace)
    survivor, loser = _person(workspace, "Ana", "Čeh"), _person(workspace, "Ana", "Ceh")
    roles.link_person(workspace.store, workspace.actor, organisation.id, loser, "member")
    person_operations.merge_persons(workspace.store, workspace.actor, survivor, loser)
    with pytest.raises(UserError, match="already has this role"):
        roles.link_person(workspace.store, workspace.actor, organisation.id, survivor, "member")
    [link] = roles.linked_persons(workspace.store, organisation.id)
    assert link.person_id == survivor


def test_an_invalid_country_is_reported_once(workspace):
    with pytest.raises(org.OrganisationValidationError) as error:
        _create(workspace, country_code="XX", municipality_code="SI-070", postal_code="2000")
    assert error.value.fields == ["country_code"]
