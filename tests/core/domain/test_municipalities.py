"""Municipalities: ISO codes from pycountry, Podravje first, both spellings of double names."""

from __future__ import annotations

import pytest

from sociolab_desktop.core.domain.municipalities import (
    PODRAVJE_NAMES,
    POST_OFFICES,
    all_municipalities,
    find_municipality,
    municipality_by_code,
    podravje_municipalities,
    post_office,
    seat_post_office,
)
from sociolab_desktop.core.domain.text import slovenian_sort_key


@pytest.mark.parametrize(
    "spelling",
    ["Hoče - Slivnica", "Hoče-Slivnica", "hoce-slivnica", "HOČE – SLIVNICA", " Hoce  -Slivnica "],
)
def test_both_spellings_of_hoce_slivnica_find_the_same_municipality(spelling):
    found = find_municipality(spelling)
    assert found is not None
    assert found.code == "SI-160"
    assert found.name == "Hoče - Slivnica"
    assert found.iso_name == "Hoče-Slivnica"


def test_race_fram_matches_in_both_spellings():
    spellings = ("Rače - Fram", "Rače-Fram", "race-fram", "RACE - FRAM")
    assert {find_municipality(spelling).code for spelling in spellings} == {"SI-098"}


def test_podravje_has_the_41_municipalities_of_the_region():
    podravje = podravje_municipalities()
    assert len(podravje) == 41
    assert {m.name for m in podravje} == set(PODRAVJE_NAMES)
    assert all(m.is_podravje for m in podravje)


def test_every_podravje_name_is_found_in_its_local_spelling():
    for name in PODRAVJE_NAMES:
        found = find_municipality(name)
        assert found is not None and found.is_podravje, name


def test_slovenia_has_212_municipalities_with_iso_codes():
    municipalities = all_municipalities()
    assert len(municipalities) == 212
    assert len({m.code for m in municipalities}) == 212
    assert all(m.code.startswith("SI-") and len(m.code) == 6 for m in municipalities)
    assert municipality_by_code("SI-070").name == "Maribor"
    assert municipality_by_code("SI-070").is_urban


def test_podravje_comes_first_then_the_rest_each_in_slovenian_order():
    municipalities = all_municipalities()
    assert all(m.is_podravje for m in municipalities[:41])
    assert not any(m.is_podravje for m in municipalities[41:])
    for group in (municipalities[:41], municipalities[41:]):
        keys = [slovenian_sort_key(m.name) for m in group]
        assert keys == sorted(keys)
    names = [m.name for m in municipalities[:41]]
    # š after s, ž after z: Šentilj after Sveti Tomaž, Žetale last.
    assert names.index("Šentilj") > names.index("Sveti Tomaž")
    assert names[-1] == "Žetale"


def test_names_are_shown_as_written_in_slovenian():
    assert find_municipality("Trnovska vas").name == "Trnovska vas"
    assert find_municipality("SI-021").name == "Dobrova - Polhov Gradec"


def test_accents_and_case_do_not_matter_and_codes_are_accepted():
    assert find_municipality("MIKLAVZ NA DRAVSKEM POLJU").code == "SI-169"
    assert find_municipality("zetale").code == "SI-191"
    assert find_municipality("si-113").name == "Slovenska Bistrica"


def test_unknown_or_blank_names_find_nothing():
    assert find_municipality("Graz") is None
    assert find_municipality("") is None
    assert find_municipality(None) is None


@pytest.mark.parametrize(
    ("code", "town", "municipality"),
    [("2000", "Maribor", "Maribor"), ("2250", "Ptuj", "Ptuj"),
     ("2310", "Slovenska Bistrica", "Slovenska Bistrica"), ("2270", "Ormož", "Ormož"),
     ("2230", "Lenart v Slovenskih goricah", "Lenart")],
)
def test_main_towns_have_their_postal_codes(code, town, municipality):
    office = post_office(code)
    assert office.town == town
    assert municipality_by_code(office.municipality_code).name == municipality


def test_every_podravje_seat_has_a_four_digit_post_office_in_its_municipality():
    for municipality in podravje_municipalities():
        office = seat_post_office(municipality.code)
        assert office is not None, municipality.name
        assert len(office.postal_code) == 4 and office.postal_code.isdigit()
    assert len({o.postal_code for o in POST_OFFICES}) == len(POST_OFFICES)
    assert all(municipality_by_code(o.municipality_code) for o in POST_OFFICES)
