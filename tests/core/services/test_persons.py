"""Client intake: a person's form checked (every wrong field at once), saved, edited, read back,
and possible duplicates found before a second record is made."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from sociolab_desktop.core.services import person_operations, sites
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.person_search import DuplicateReason
from sociolab_desktop.core.store.models import Person, utc_now
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

TODAY = dt.date(2026, 11, 27)
EMSO_F_1985 = "0106985505007"  # born 1 June 1985, female; valid check digit
EMSO_M_1990 = "1503990500121"  # born 15 March 1990, male
TAX = "10000003"


def _create(ws, first="Ana", last="Čeh", *, allow_duplicates=False, **fields) -> ps.PersonDetail:
    return ps.create_person(ws.store, ws.actor, ps.PersonInput(first, last, **fields), today=TODAY,
                            allow_duplicates=allow_duplicates)


def _refused(ws, **fields) -> ps.PersonValidationError:
    values = {"first_name": "Ana", "last_name": "Čeh", **fields}
    with pytest.raises(ps.PersonValidationError) as error:
        ps.create_person(ws.store, ws.actor, ps.PersonInput(**values), today=TODAY)
    return error.value


def _persons_in_database(ws) -> int:
    with ws.store.reader() as session:
        return session.scalar(select(func.count()).select_from(Person))


# --- saving and reading ----------------------------------------------------------------------


def test_slovenian_letters_round_trip_on_create_and_edit(workspace):
    created = _create(workspace, "Đurđa Šárka", "Čeh-Žibert Ćirić", street_address="Čučkova ulica 5",
                      post_town="Ormož", notes="Želi ustanoviti zadrugo; đuveč, ćevapčiči.")
    again = ps.get_person(workspace.store, created.id)
    assert (again.first_name, again.last_name) == ("Đurđa Šárka", "Čeh-Žibert Ćirić")
    assert (again.street_address, again.post_town) == ("Čučkova ulica 5", "Ormož")
    assert again.notes == "Želi ustanoviti zadrugo; đuveč, ćevapčiči."

    edited = dataclasses.replace(again.to_input(), last_name="Šuštar Žnidaršič")
    ps.update_person(workspace.store, workspace.actor, created.id, edited, today=TODAY)
    assert ps.get_person(workspace.store, created.id).last_name == "Šuštar Žnidaršič"


def test_a_complete_form_is_stored_cleaned(workspace):
    created = _create(workspace, "  Ana  Marija ", " Čeh ", gender="female", emso=f" {EMSO_F_1985} ",
                      tax_number=f"SI {TAX}", email=" ana.ceh@example.com ", phone="041 234 567",
                      postal_code="2250", post_town="Ptuj", municipality_code="Ptuj", target_group="student",
                      labour_status="unemployed", isced_level="isced_3", disability="declined",
                      dependent_children="yes", single_adult_with_children="yes", preferred_language="en")
    assert (created.first_name, created.last_name) == ("Ana Marija", "Čeh")
    assert created.emso == EMSO_F_1985 and created.tax_number == TAX
    assert created.email == "ana.ceh@example.com"
    assert (created.municipality_code, created.municipality_name) == ("SI-096", "Ptuj")
    assert created.birth_date == dt.date(1985, 6, 1)  # read from the EMŠO
    assert created.birth_year == 1985
    assert created.site_id == workspace.actor.site_id
    assert created.first_contact_date == TODAY
    assert created.created_by_id == workspace.actor.staff_id
    assert (created.disability, created.preferred_language) == ("declined", "en")


def test_municipality_may_be_given_by_name_in_either_spelling(workspace):
    assert _create(workspace, municipality_code="Hoce-Slivnica").municipality_name == "Hoče - Slivnica"


def test_notes_of_ten_thousand_characters_are_kept(workspace):
    notes = "č" * ps.MAX_NOTES
    assert ps.get_person(workspace.store, _create(workspace, notes=notes).id).notes == notes


def test_edit_keeps_what_the_form_does_not_hold(workspace):
    created = _create(workspace, first_contact_date=dt.date(2019, 3, 4))
    with workspace.store.unit_of_work(workspace.actor) as session:
        row = session.get(Person, created.id)
        row.exit_date, row.exit_employed = dt.date(2020, 1, 10), "yes"
    form = dataclasses.replace(created.to_input(), first_contact_date=None, site_id=None, phone="02 123 45 67")
    edited = ps.update_person(workspace.store, workspace.actor, created.id, form, today=TODAY)
    assert (edited.exit_date, edited.exit_employed) == (dt.date(2020, 1, 10), "yes")
    assert edited.first_contact_date == dt.date(2019, 3, 4)
    assert edited.site_id == created.site_id
    assert edited.phone == "02 123 45 67"


def test_person_may_be_moved_to_another_info_point(workspace):
    other = sites.create_site(workspace.store, "22222222-2222-4222-8222-222222222222", "Točka Ptuj", "sl")
    created = _create(workspace)
    form = dataclasses.replace(created.to_input(), site_id=other.id)
    assert ps.update_person(workspace.store, workspace.actor, created.id, form, today=TODAY).site_id == other.id


def test_unknown_person_is_not_found(workspace):
    assert ps.get_person(workspace.store, "no-such-id") is None
    with pytest.raises(UserError, match="not found"):
        ps.update_person(workspace.store, workspace.actor, "no-such-id", ps.PersonInput("A", "B"), today=TODAY)


# --- every wrong field -------------------------------------------------------------------------


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"emso": EMSO_F_1985[:-1] + "8"}, "emso", "check digit"),
    ({"emso": "12345"}, "emso", "number of digits"),
    ({"emso": EMSO_F_1985, "birth_date": dt.date(1985, 6, 2)}, "emso", "born on another day"),
    ({"emso": EMSO_F_1985, "gender": "male"}, "emso", "gender"),
    ({"tax_number": "10000004"}, "tax_number", "check digit"),
    ({"email": "ana.ceh.example.com"}, "email", "“@”"),
    ({"postal_code": "200"}, "postal_code", "4 digits"),
    ({"birth_date": dt.date(2027, 1, 1)}, "birth_date", "future"),
    ({"birth_date": dt.date(1899, 12, 31)}, "birth_date", "before 1900"),
    ({"birth_year": 1850}, "birth_year", "not possible"),
    ({"birth_date": dt.date(1985, 6, 1), "birth_year": 1986}, "birth_year", "does not agree"),
    ({"first_name": "   "}, "first_name", "required"),
    ({"last_name": ""}, "last_name", "required"),
    ({"last_name": "Č" * 101}, "last_name", "at most 100"),
    ({"notes": "x" * 20_000}, "notes", "at most 10000"),
    ({"phone": "ask her sister"}, "phone", "not a phone number"),
    ({"municipality_code": "Atlantida"}, "municipality_code", "not a Slovenian municipality"),
    ({"municipality_code": "Ptuj", "country_code": "AT"}, "municipality_code", "only for an address in Slovenia"),
    ({"country_code": "XX"}, "country_code", "not a country code"),
    ({"preferred_language": "de"}, "preferred_language", "not one of the choices"),
    ({"target_group": "vip"}, "target_group", "not one of the choices"),
    ({"labour_status": "retired"}, "labour_status", "not one of the choices"),
    ({"isced_level": "9"}, "isced_level", "not one of the choices"),
    ({"disability": "maybe"}, "disability", "not one of the choices"),
    ({"gender": "x"}, "gender", "not one of the choices"),
    ({"dependent_children": "no", "single_adult_with_children": "yes"}, "single_adult_with_children",
     "dependent children"),
    ({"first_contact_date": dt.date(2026, 11, 28)}, "first_contact_date", "future"),
    ({"site_id": "no-such-site"}, "site_id", "info point was not found"),
])
def test_wrong_field_is_refused_with_a_message_beside_it(workspace, fields, field, words):
    error = _refused(workspace, **fields)
    assert [e.field for e in error.errors] == [field]
    assert words in str(error.errors[0])
    assert _persons_in_database(workspace) == 0


def test_every_wrong_field_is_reported_at_once(workspace):
    error = _refused(workspace, first_name=" ", emso=EMSO_F_1985[:-1] + "8", tax_number="1234",
                     email="ana-at-example.com", postal_code="200", birth_date=dt.date(2030, 1, 1),
                     notes="x" * 20_000, target_group="vip")
    assert set(error.fields) == {"first_name", "emso", "tax_number", "email", "postal_code", "birth_date",
                                 "notes", "target_group"}
    rendered = error.render(Translator("en"))
    assert rendered.startswith("The person was not saved")
    assert "200" in rendered and "1234" in rendered


def test_a_foreign_postal_code_is_not_held_to_slovenian_rules(workspace):
    assert _create(workspace, country_code="at", postal_code="8010").country_code == "AT"


def test_edit_is_checked_like_create(workspace):
    created = _create(workspace)
    form = dataclasses.replace(created.to_input(), email="nope", first_name=" ")
    with pytest.raises(ps.PersonValidationError) as error:
        ps.update_person(workspace.store, workspace.actor, created.id, form, today=TODAY)
    assert set(error.value.fields) == {"email", "first_name"}
    assert ps.get_person(workspace.store, created.id).first_name == "Ana"


# --- merged away, erased, deleted --------------------------------------------------------------


def test_merged_away_person_cannot_be_edited(workspace):
    survivor = _create(workspace)
    loser = _create(workspace, "Ana", "Čeh", email="ana@example.com", allow_duplicates=True)
    person_operations.merge_persons(workspace.store, workspace.actor, survivor.id, loser.id)
    with pytest.raises(UserError, match="merged into another person"):
        ps.update_person(workspace.store, workspace.actor, loser.id, loser.to_input(), today=TODAY)
    assert ps.get_person(workspace.store, loser.id).merged_into_id == survivor.id


def test_erased_person_cannot_be_edited(workspace):
    created = _create(workspace, email="ana@example.com")
    person_operations.erase_person(workspace.store, workspace.actor, created.id, TODAY)
    with pytest.raises(UserError, match="erased"):
        ps.update_person(workspace.store, workspace.actor, created.id, created.to_input(), today=TODAY)
    again = ps.get_person(workspace.store, created.id)
    assert again.erased_at is not None and again.email is None


def test_deleted_person_is_neither_shown_nor_edited(workspace):
    created = _create(workspace)
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, created.id).deleted_at = utc_now()
    assert ps.get_person(workspace.store, created.id) is None
    assert ps.get_person(workspace.store, created.id, include_deleted=True).is_deleted
    with pytest.raises(UserError, match="not found"):
        ps.update_person(workspace.store, workspace.actor, created.id, created.to_input(), today=TODAY)


# --- duplicates ---------------------------------------------------------------------------------


def _duplicate_of(ws, existing_id, **fields) -> ps.PossibleDuplicate:
    values = {"first_name": "Marko", "last_name": "Horvat", **fields}
    with pytest.raises(ps.PossibleDuplicate) as error:
        ps.create_person(ws.store, ws.actor, ps.PersonInput(**values), today=TODAY)
    assert existing_id in [candidate.id for candidate in error.value.candidates]
    return error.value


def test_same_emso_is_a_possible_duplicate(workspace):
    existing = _create(workspace, emso=EMSO_M_1990, gender="male")
    error = _duplicate_of(workspace, existing.id, emso=EMSO_M_1990)
    assert error.candidates[0].reasons == (DuplicateReason.SAME_EMSO,)


def test_same_email_in_another_case_is_a_possible_duplicate(workspace):
    existing = _create(workspace, email="Ana.Ceh@Example.COM")
    error = _duplicate_of(workspace, existing.id, email="ana.ceh@example.com")
    assert error.candidates[0].reasons == (DuplicateReason.SAME_EMAIL,)


def test_an_email_that_only_starts_alike_is_no_duplicate(workspace):
    _create(workspace, email="ana.ceh@example.com.hr")
    assert ps.find_duplicates(workspace.store, ps.PersonInput("Marko", "Horvat", email="ana.ceh@example.com")) == []


def test_same_name_without_accents_and_same_birth_date_is_a_possible_duplicate(workspace):
    existing = _create(workspace, "Đurđa", "Čeh", birth_date=dt.date(1980, 5, 17))
    error = _duplicate_of(workspace, existing.id, first_name="DURDA", last_name="ceh", birth_date=dt.date(1980, 5, 17))
    assert error.candidates[0].reasons == (DuplicateReason.SAME_NAME_AND_BIRTH_DATE,)


def test_same_name_with_another_birth_date_is_someone_else(workspace):
    _create(workspace, "Đurđa", "Čeh", birth_date=dt.date(1980, 5, 17))
    _create(workspace, "Đurđa", "Čeh", birth_date=dt.date(1981, 5, 17))


def test_very_similar_name_in_the_same_municipality_is_a_possible_duplicate(workspace):
    existing = _create(workspace, "Marija", "Kovačič", municipality_code="Ptuj")
    error = _duplicate_of(workspace, existing.id, first_name="Maria", last_name="Kovacic", municipality_code="SI-096")
    assert error.candidates[0].reasons == (DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY,)
    swapped = ps.PersonInput("Kovačič", "Marija", municipality_code="Ptuj")
    assert [c.id for c in ps.find_duplicates(workspace.store, swapped)] == [existing.id]


def test_a_typo_at_the_start_of_the_surname_is_still_found(workspace):
    existing = _create(workspace, "Marija", "Kovačič", municipality_code="Maribor")
    _create(workspace, "Maja", "Mlakar", municipality_code="Maribor")  # "ma…" like Maribor and Marija
    found = ps.find_duplicates(workspace.store, ps.PersonInput("Marija", "Covačič", municipality_code="Maribor"))
    assert [c.id for c in found] == [existing.id]


def test_similar_name_in_another_municipality_or_another_name_is_someone_else(workspace):
    _create(workspace, "Marija", "Kovačič", municipality_code="Ptuj")
    _create(workspace, "Maria", "Kovacic", municipality_code="Maribor")
    _create(workspace, "Marko", "Horvat", municipality_code="Ptuj")


def test_several_reasons_are_all_named(workspace):
    existing = _create(workspace, emso=EMSO_F_1985, email="ana@example.com", municipality_code="Ptuj")
    found = ps.find_duplicates(workspace.store, ps.PersonInput("Ana", "Čeh", emso=EMSO_F_1985,
                                                               email="ANA@example.com", municipality_code="Ptuj"))
    assert [c.id for c in found] == [existing.id]
    assert found[0].reasons == tuple(DuplicateReason)


def test_possible_duplicate_is_saved_when_staff_confirm(workspace):
    _create(workspace, email="ana@example.com")
    second = _create(workspace, email="ana@example.com", allow_duplicates=True)
    assert ps.get_person(workspace.store, second.id) is not None
    assert _persons_in_database(workspace) == 2


def test_duplicate_message_names_no_personal_data(workspace):
    _create(workspace, email="ana.ceh@example.com")
    with pytest.raises(ps.PossibleDuplicate) as error:
        _create(workspace, "Ana", "Čeh", email="ana.ceh@example.com")
    rendered = error.value.render(Translator("en"))
    assert "may already be recorded" in rendered and "ana.ceh" not in rendered and "Čeh" not in rendered


def test_the_person_being_edited_is_not_its_own_duplicate(workspace):
    existing = _create(workspace, emso=EMSO_F_1985, email="ana@example.com")
    assert ps.find_duplicates(workspace.store, existing.to_input(), exclude_id=existing.id) == []


def test_merged_away_erased_and_deleted_persons_are_not_candidates(workspace):
    survivor = _create(workspace, "Ana", "Novak", email="survivor@example.com")
    merged = _create(workspace, email="ana@example.com", emso=EMSO_F_1985)
    person_operations.merge_persons(workspace.store, workspace.actor, survivor.id, merged.id)
    erased = _create(workspace, email="ana@example.com", emso=EMSO_F_1985, allow_duplicates=True)
    person_operations.erase_person(workspace.store, workspace.actor, erased.id, TODAY)
    deleted = _create(workspace, email="ana@example.com", emso=EMSO_F_1985)
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, deleted.id).deleted_at = utc_now()
    assert ps.find_duplicates(workspace.store, ps.PersonInput("Ana", "Čeh", email="ana@example.com",
                                                              emso=EMSO_F_1985)) == []


def test_find_duplicates_ignores_mistakes_still_in_the_form(workspace):
    existing = _create(workspace, email="ana@example.com")
    form = ps.PersonInput("Ana", "Čeh", email=" ana@example.com ", emso="123", postal_code="1")
    assert [c.id for c in ps.find_duplicates(workspace.store, form)] == [existing.id]
