"""Columns matched to fields by their headers (Slovenian or English, any case or accents), named by
`--map`, and lists without the required columns refused."""

from __future__ import annotations

import pytest

from sociolab_desktop.core.services.importing import (
    ColumnMapping,
    MissingColumns,
    apply_map_option,
    check_mapping,
    import_fields,
    propose_mapping,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

EN = Translator("en")


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Ime", "Priimek", "E-pošta", "Telefon", "Občina", "Datum rojstva", "EMŠO", "Spol", "Naslov",
          "Poštna številka"],
         ["first_name", "last_name", "email", "phone", "municipality_code", "birth_date", "emso", "gender",
          "street_address", "postal_code"]),
        (["First name", "Last name", "E-mail", "Phone", "Municipality", "Date of birth", "EMSO", "Gender"],
         ["first_name", "last_name", "email", "phone", "municipality_code", "birth_date", "emso", "gender"]),
        (["IME", "priimek ", "E-posta", "Email", "OBCINA", "datum  rojstva (dd.mm.llll)", "Emšo*"],
         ["first_name", "last_name", "email", None, "municipality_code", "birth_date", "emso"]),
        (["first_name", "last_name", "municipality_code", "birth_date", "id", "created_at"],
         ["first_name", "last_name", "municipality_code", "birth_date", None, None]),
        (["Ime in priimek", "Pošta", "Telefon 1", "Telefon 2"],
         ["full_name", "postal_code_and_town", "phone", None]),
    ],
    ids=["slovenian", "english", "case-accents-hints", "export", "combined"],
)
def test_person_headers_are_matched(headers, expected):
    assert list(propose_mapping("people", headers).fields) == expected


def test_organisation_headers_are_matched():
    headers = ["Naziv", "Pravnoorganizacijska oblika", "Matična številka", "Davčna številka", "Spletna stran",
               "Faza", "ID za DDV"]
    assert list(propose_mapping("organisations", headers).fields) == [
        "name", "legal_form", "registration_number", "tax_number", "website", "stage", None]


def test_every_field_answers_to_its_own_name_and_label():
    for kind in ("people", "organisations"):
        for field in import_fields(kind):
            assert propose_mapping(kind, [field.name]).fields == (field.name,)
            assert propose_mapping(kind, [EN.gettext(field.label)]).fields == (field.name,)


def test_map_option_names_columns_and_overrides_the_headers():
    headers = ["Udeleženec", "Družinsko ime", "Telefon", "Opombe"]
    mapping = apply_map_option("people", headers, propose_mapping("people", headers),
                               ["Udeleženec=first_name, družinsko IME=last_name", "Opombe=-", "C=notes"])
    assert mapping.fields == ("first_name", "last_name", "notes", None)


def test_map_option_keeps_a_column_name_with_a_comma_whole():
    headers = ["Ime", "Priimek", "Naslov, kraj"]
    mapping = apply_map_option("people", headers, propose_mapping("people", headers), ["Naslov, kraj=street_address"])
    assert mapping.fields == ("first_name", "last_name", "street_address")


def test_a_field_assigned_by_hand_leaves_the_column_that_had_it():
    mapping = ColumnMapping(("first_name", "last_name", "email")).with_column(2, "last_name")
    assert mapping.fields == ("first_name", None, "last_name")


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("Vzdevek=first_name", "“Vzdevek”, which the list does not have"),
        ("Ime=ime", "“ime”, which is not a field"),
        ("Ime", "not COLUMN=FIELD"),
        ("Ime=first_name,Priimek=first_name", "a field takes one column"),
    ],
)
def test_wrong_map_options_are_refused_clearly(option, expected):
    headers = ["Ime", "Priimek"]
    with pytest.raises(UserError) as error:
        apply_map_option("people", headers, propose_mapping("people", headers), [option])
    assert expected in error.value.render(EN)


def test_missing_required_columns_are_named_with_the_columns_the_list_has():
    headers = ["Ime", "E-pošta"]
    with pytest.raises(MissingColumns) as error:
        check_mapping("people", headers, propose_mapping("people", headers))
    assert error.value.missing == ["last_name"]
    message = error.value.render(EN)
    assert "“Last name”" in message and "“Ime”, “E-pošta”" in message
    with pytest.raises(MissingColumns) as error:
        check_mapping("organisations", ["Oblika"], propose_mapping("organisations", ["Oblika"]))
    assert error.value.missing == ["name"]


def test_a_full_name_column_stands_for_first_and_last_name():
    assert check_mapping("people", ["Ime in priimek"], propose_mapping("people", ["Ime in priimek"])) == []


def test_extra_and_unnamed_columns_are_announced():
    headers = ["Ime", "Priimek", "Majica", "", "Opomba 2"]
    notices = [notice.render(EN) for notice in check_mapping("people", headers, propose_mapping("people", headers))]
    assert notices == ["These columns are not imported: “Majica”.",
                       "Columns without a name in the header row are not imported: D."]
