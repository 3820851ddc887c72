"""Cells of a list into form values: dates, choices in Slovenian or English, identifiers Excel mangled."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.enums import Answer, Gender, LegalForm, Stage
from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.importing import cells
from sociolab_desktop.core.services.importing.dates import parse_date
from sociolab_desktop.core.services.importing.organisations import legal_form_from_name
from sociolab_desktop.core.services.importing.reading import NumericText
from sociolab_desktop.core.services.importing.values import (
    to_choice,
    to_country_code,
    to_language,
)

NOVEMBER_27 = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    "text",
    ["27. 11. 2026", "27.11.2026", "27.11.2026.", " 27 . 11 . 2026 ", "27/11/2026", "2026-11-27",
     "2026-11-27 00:00:00", "2026-11-27T08:15"],
)
def test_dates_as_lists_write_them(text):
    assert parse_date(text, "birth_date") == NOVEMBER_27


def test_date_cells_and_empty_cells():
    assert parse_date(dt.datetime(2026, 11, 27, 14, 30), "birth_date") == NOVEMBER_27
    assert parse_date(NOVEMBER_27, "birth_date") == NOVEMBER_27
    assert parse_date("  ", "birth_date") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27.11.26", "two-digit year"),
        ("31. 2. 2026", "not a date that exists"),
        ("11/27/2026", "not a date that exists"),  # American order: month 27
        ("27. november 2026", "is not a date"),
        ("jutri", "is not a date"),
    ],
)
def test_unreadable_dates_name_the_field_and_the_value(text, expected):
    with pytest.raises(FieldError) as error:
        parse_date(text, "first_contact_date")
    assert error.value.field == "first_contact_date"
    assert expected in str(error.value) and text.strip() in str(error.value)


def test_a_number_cell_in_a_date_column_is_refused():
    with pytest.raises(FieldError, match="is a number, not a date"):
        parse_date(NumericText("31203"), "birth_date")


@pytest.mark.parametrize(
    ("choices", "spellings", "expected"),
    [
        (Gender, ["Ž", "ž", "z", "ženski", "ŽENSKA", "F", "female"], Gender.FEMALE),
        (Gender, ["M", "moški", "Moski", "male"], Gender.MALE),
        (Gender, ["nebinarno", "non-binary", "non_binary"], Gender.NON_BINARY),
        (Answer, ["da", "DA", "yes", "1", "x"], Answer.YES),
        (Answer, ["ne", "No", "0"], Answer.NO),
        (Answer, ["ni želel odgovoriti", "declined"], Answer.DECLINED),
        (LegalForm, ["Zadruga", "z.o.o.", "Z. O. O.", "cooperative"], LegalForm.COOPERATIVE),
        (LegalForm, ["Socialno podjetje", "so.p.", "social_enterprise", "social enterprise"],
         LegalForm.SOCIAL_ENTERPRISE),
        (LegalForm, ["Društvo", "drustvo", "association"], LegalForm.ASSOCIATION),
        (LegalForm, ["d.o.o.", "DOO", "s.p."], LegalForm.COMPANY),
        (Stage, ["zagon", "start-up", "Startup", "start_up"], Stage.START_UP),
    ],
)
def test_choices_in_slovenian_english_or_as_stored(choices, spellings, expected):
    assert {to_choice(spelling, "field", choices) for spelling in spellings} == {expected.value}


def test_an_unknown_choice_names_the_field_and_lists_what_is_known():
    with pytest.raises(FieldError) as error:
        to_choice("mogoče", "gender", Gender)
    assert error.value.field == "gender"
    assert "“mogoče”" in str(error.value) and "Ž, M" in str(error.value)
    assert to_choice("   ", "gender", Gender) is None


def test_countries_and_languages_by_name():
    assert [to_country_code(name) for name in ("Slovenija", "Avstrija", "Austria", "hr", "")] == ["SI", "AT", "AT",
                                                                                                 "HR", None]
    assert to_country_code("Atlantida") == "Atlantida"  # left for the service to refuse
    assert [to_language(name) for name in ("slovenščina", "English", "EN", "")] == ["sl", "en", "en", None]


def test_excel_dropped_leading_zeros_come_back_for_number_cells_only():
    assert cells.identifier(NumericText("106985505007"), "emso", lengths=(13,)) == "0106985505007"
    assert cells.identifier("106985505007", "emso", lengths=(13,)) == "106985505007"  # typed text: as typed
    assert cells.identifier(NumericText("500009"), "registration_number", lengths=(7, 10)) == "0500009"
    assert cells.identifier(NumericText("500009000"), "registration_number", lengths=(7, 10)) == "0500009000"
    assert cells.phone(NumericText("41234567")) == "041234567"
    assert cells.phone(NumericText("38641234567")) == "38641234567"


@pytest.mark.parametrize("shortened", ["1,23457E+12", "1.50399E+12", "1E+12"])
def test_numbers_excel_shortened_are_refused_with_what_to_do(shortened):
    with pytest.raises(FieldError) as error:
        cells.identifier(shortened, "emso", lengths=(13,))
    assert error.value.field == "emso" and "format the column as Text" in str(error.value)


def test_an_exports_formula_guard_is_undone():
    assert cells.text("'+386 41 234 567") == "+386 41 234 567"
    assert cells.text("'-") == "-"
    assert cells.text("O'Brien") == "O'Brien"


def test_postal_code_and_town_together():
    assert cells.postal_code_and_town("2000 Maribor") == ("2000", "Maribor")
    assert cells.postal_code_and_town("SI-2250  Ptuj") == ("2250", "Ptuj")
    assert cells.postal_code_and_town("2311") == ("2311", None)
    assert cells.postal_code_and_town("Lenart") == (None, "Lenart")
    assert cells.postal_code_and_town("200 Maribor") == ("200", "Maribor")  # the service refuses 3 digits


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zadruga Sončnica, z.o.o.", LegalForm.COOPERATIVE),
        ("Sončnica, z. o. o.", LegalForm.COOPERATIVE),
        ("Zavod Čebelica, so.p.", LegalForm.SOCIAL_ENTERPRISE),
        ("Kruh in sol d.o.o., socialno podjetje", LegalForm.SOCIAL_ENTERPRISE),
        ("Zavod za razvoj Ptuj", LegalForm.INSTITUTE),
        ("DRUŠTVO MOST", LegalForm.ASSOCIATION),
        ("Mizarstvo Kos, d.o.o.", LegalForm.COMPANY),
        ("Frizerstvo Ana Čeh s.p.", LegalForm.COMPANY),
        ("Pobuda za skupnostni vrt", LegalForm.INITIATIVE),
        ("Sončnica", None),
        ("Dodo Podravje", None),  # "do" starts a word but is not d.o.o.
    ],
)
def test_legal_form_read_from_the_name(name, expected):
    assert legal_form_from_name(name) == (expected.value if expected else None)
