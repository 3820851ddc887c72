"""What people type is checked with python-stdnum and refused with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.i18n import Translator

VALID_EMSO_MALE_2006 = "0101006500006"


def test_valid_emso_passes_and_blank_means_none():
    assert v.clean_emso(f" {VALID_EMSO_MALE_2006} ") == VALID_EMSO_MALE_2006
    assert v.clean_emso("  ") is None


@pytest.mark.parametrize("value, words", [
    ("0101006500007", "wrong check digit"),
    ("010100650000", "wrong number of digits"),
    ("01010065000x6", "digits only"),
])
def test_wrong_emso_is_refused_with_the_reason(value, words):
    with pytest.raises(v.FieldError) as error:
        v.clean_emso(value)
    assert error.value.field == "emso"
    assert words in str(error.value) and value in str(error.value)


def test_field_name_inside_a_message_is_translated_too():
    with pytest.raises(v.FieldError) as error:
        v.clean_tax_number("12345678")
    english = error.value.render(Translator("en"))
    slovenian = error.value.render(Translator("sl"))
    assert english.startswith("Tax number 12345678")
    assert slovenian.startswith("Davčna številka 12345678")


def test_emso_must_agree_with_date_of_birth_and_gender():
    v.check_emso_agrees(VALID_EMSO_MALE_2006, dt.date(2006, 1, 1), "male")
    with pytest.raises(v.FieldError):
        v.check_emso_agrees(VALID_EMSO_MALE_2006, dt.date(2006, 1, 2), None)
    with pytest.raises(v.FieldError):
        v.check_emso_agrees(VALID_EMSO_MALE_2006, None, "female")


@pytest.mark.parametrize("value", ["ana.example.si", "ana@", "@example.si", "ana@example"])
def test_email_without_at_or_domain_is_refused(value):
    with pytest.raises(v.FieldError):
        v.clean_email(value)


def test_reasonable_email_passes():
    assert v.clean_email(" ana.čeh@example.si ") == "ana.čeh@example.si"


@pytest.mark.parametrize("value", ["200", "20000", "0200", "2OOO"])
def test_slovenian_postal_code_needs_four_digits(value):
    with pytest.raises(v.FieldError):
        v.clean_postal_code(value)


def test_foreign_postal_codes_are_not_forced_into_slovenian_form():
    assert v.clean_postal_code("A-8010", "AT") == "A-8010"


def test_birth_date_in_the_future_or_before_1900_is_refused():
    today = dt.date(2026, 11, 27)
    with pytest.raises(v.FieldError):
        v.check_birth_date(dt.date(2026, 11, 28), today)
    with pytest.raises(v.FieldError):
        v.check_birth_date(dt.date(1899, 12, 31), today)
    v.check_birth_date(dt.date(1950, 5, 5), today)


def test_name_of_only_spaces_is_refused():
    with pytest.raises(v.FieldError):
        v.clean_required_name("   ", "first_name", 100)
    with pytest.raises(v.FieldError):
        v.clean_required_name("x" * 101, "first_name", 100)


def test_registration_and_tax_numbers_are_checked():
    with pytest.raises(v.FieldError):
        v.clean_registration_number("1234567")
    with pytest.raises(v.FieldError):
        v.clean_tax_number("1234567")
