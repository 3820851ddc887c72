"""ESF participants at entry: the categories each falls in under both programme periods, the
summary counts per category and gender, and the records that still miss required data."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.services.results.esf import age_at, esf_report
from sociolab_desktop.core.services.results.esf_sets import AGE, ESF_2014_2020, ESF_2021_2027
from sociolab_desktop.core.services.results.periods import ReportPeriod
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

ENTRY = dt.date(2021, 3, 1)
COMPLETE = {"labour_status": "employed", "isced_level": "isced_4", "jobless_household": "no",
            "dependent_children": "no", "single_adult_with_children": "no", "migrant_or_minority": "no",
            "disability": "no", "other_disadvantage": "no", "homeless_or_housing_excluded": "no",
            "rural_area": "no"}


def _person(recorder, first, **fields):
    return recorder.person(first, **{**COMPLETE, **fields})


@pytest.fixture
def participants(recorder, workspace):
    _event, (session,) = recorder.event("Program", [ENTRY])
    people = {
        "ana": _person(recorder, "Ana", gender="female", birth_date=dt.date(1999, 6, 15), labour_status="unemployed",
                       isced_level="isced_3", jobless_household="yes", dependent_children="yes",
                       disability="declined"),
        "bor": _person(recorder, "Bor", gender="male", birth_year=1960, labour_status="inactive_not_in_education",
                       isced_level="isced_0", rural_area="yes"),
        "cene": _person(recorder, "Cene", gender="non_binary", birth_date=dt.date(2004, 12, 31),
                        isced_level="isced_6", migrant_or_minority="yes"),
        "dora": recorder.person("Dora", gender="female", is_incomplete=True),  # registered at the door only
        "eva": _person(recorder, "Eva", gender="female", birth_date=dt.date(1996, 3, 1)),  # 25 on the day
        "fran": _person(recorder, "Fran", gender="male", birth_date=dt.date(1996, 3, 2), labour_status="self_employed",
                        isced_level="isced_8", single_adult_with_children="yes", dependent_children="yes"),
        "gal": recorder.person("Gal", gender="male"),  # data erased below
    }
    for person in people.values():
        recorder.attend(session, person)
    person_operations.erase_person(workspace.store, workspace.actor, people["gal"])
    return people


def _row(report, key):
    return next(row for row in report.rows if row.key == key)


def test_age_at_entry_counts_full_years_and_the_year_alone_as_the_age_turned():
    assert age_at(ENTRY, dt.date(1996, 3, 1), None) == 25
    assert age_at(ENTRY, dt.date(1996, 3, 2), None) == 24
    assert age_at(ENTRY, None, 1960) == 61
    assert age_at(ENTRY, None, None) is None and age_at(None, dt.date(1990, 1, 1), None) is None


def test_categories_of_each_participant_under_the_2014_2020_set(recorder, participants):
    report = esf_report(recorder.store, programme_period="2014-2020")
    by_id = {person.person_id: person for person in report.participants}
    assert by_id[participants["ana"]].categories == {
        "female", "unemployed", "below_25", "isced_3_4", "jobless_household", "dependent_children"}
    assert by_id[participants["bor"]].categories == {
        "male", "inactive", "inactive_not_in_education", "above_54", "above_54_unemployed_or_inactive",
        "isced_0", "rural_area"}
    assert by_id[participants["cene"]].categories == {
        "non_binary", "employed", "below_25", "isced_5_8", "migrant_or_minority"}
    assert "below_25" not in by_id[participants["eva"]].categories
    assert "below_25" in by_id[participants["fran"]].categories
    assert by_id[participants["bor"]].age == 61


def test_summary_counts_per_category_and_gender_for_2014_2020(recorder, participants):
    report = esf_report(recorder.store, programme_period="2014-2020")
    assert [label for _gender, label in report.esf_set.genders] == ["Women", "Men"]
    counts = {row.key: (row.total, row.counts) for row in report.rows}
    # Cene (non-binary) counts in the total only; so does Gal, whose gender was erased with the rest.
    assert counts["total"] == (7, (3, 2))
    assert counts["below_25"] == (3, (1, 1))
    assert counts["above_54_unemployed_or_inactive"] == (1, (0, 1))
    assert counts["employed"] == (3, (1, 1))
    assert counts["isced_1_2"] == (0, (0, 0)) and counts["isced_0"] == (1, (0, 1))
    assert counts["dependent_children"] == (1, (1, 0))  # jobless household with children: Ana only
    assert counts["single_adult_with_children"] == (1, (0, 1))
    assert counts["disability_declined"] == (1, (1, 0))
    assert counts["gender_not_recorded"] == (1, (0, 0))
    assert counts["non_binary"] == (1, (0, 0))  # Cene: a row of their own, in neither column
    assert counts["labour_not_recorded"] == (2, (1, 0))  # Dora, and Gal whose data was erased
    assert counts["age_not_recorded"] == (2, (1, 0))


def test_summary_counts_for_the_2021_2027_esf_plus_set(recorder, participants):
    report = esf_report(recorder.store, programme_period="2021-2027")
    assert [gender for gender, _label in report.esf_set.genders] == ["female", "male", "non_binary"]
    counts = {row.key: (row.total, row.counts) for row in report.rows}
    assert counts["total"] == (7, (3, 2, 1))
    assert counts["below_18"] == (1, (0, 0, 1))  # Cene, 16
    assert counts["age_18_29"] == (3, (2, 1, 0))  # Ana 21, Eva 25, Fran 24
    assert counts["age_55_plus"] == (1, (0, 1, 0))
    assert counts["isced_0_2"] == (1, (0, 1, 0))  # ISCED 0 belongs to 0-2 here
    assert "jobless_household" not in counts and "inactive_not_in_education" not in counts
    assert counts["migrant_or_minority"] == (1, (0, 0, 1))


@pytest.mark.parametrize("programme_period", ["2014-2020", "2021-2027"])
def test_the_gender_rows_add_up_to_the_total_participants(recorder, participants, programme_period):
    """Women, men, non-binary and not recorded: every participant in exactly one gender row, so the
    funder's table adds up in the total column and in each gender's column."""
    report = esf_report(recorder.store, programme_period=programme_period)
    total = _row(report, "total")
    gender_rows = [row for row in report.rows if row.group == "gender"]
    assert sum(row.total for row in gender_rows) == total.total == 7
    assert tuple(map(sum, zip(*(row.counts for row in gender_rows)))) == total.counts
    assert [row.kind for row in gender_rows].count("not_recorded") == 1


def test_a_non_binary_participant_is_named_in_the_2014_2020_gender_section(recorder, participants):
    row = _row(esf_report(recorder.store, programme_period="2014-2020"), "non_binary")
    assert (row.group, row.kind, row.total) == ("gender", "category", 1)
    assert row.text(Translator("en")) == "Non-binary: in the total only (this set has columns for women and men)"
    plus = [row.key for row in esf_report(recorder.store, programme_period="2021-2027").rows if row.group == "gender"]
    assert plus == ["female", "male", "non_binary", "gender_not_recorded"]  # a column of its own there


def test_records_missing_required_data_are_listed_except_erased_ones(recorder, participants):
    old = esf_report(recorder.store, programme_period="2014-2020")
    assert [person.person_id for person in old.missing] == [participants["dora"]]
    (dora,) = old.missing
    assert dora.is_incomplete and dora.missing == (
        "labour_status", AGE, "isced_level", "jobless_household", "dependent_children", "single_adult_with_children",
        "migrant_or_minority", "disability", "other_disadvantage", "homeless_or_housing_excluded", "rural_area")
    new = esf_report(recorder.store, programme_period="2021-2027")
    assert new.missing[0].missing == ("labour_status", AGE, "isced_level", "migrant_or_minority", "disability",
                                      "homeless_or_housing_excluded", "rural_area")
    assert set(ESF_2021_2027.required_fields) < set(ESF_2014_2020.required_fields) | {"gender"}


def test_participants_follow_the_indicator_rule_period_and_info_point(recorder):
    ptuj = recorder.site("Informacijska točka Ptuj")
    _event, (session,) = recorder.event("Program", [ENTRY], site=ptuj)
    recorder.register(_event, _person(recorder, "Registrirana", gender="female"))
    recorder.attend(session, _person(recorder, "Prisotna", gender="female"))
    assert len(esf_report(recorder.store).participants) == 1
    assert len(esf_report(recorder.store, training_rule="registered").participants) == 2
    assert esf_report(recorder.store, site_id=ptuj).participants[0].site_ids == (ptuj,)
    assert esf_report(recorder.store, site_id=recorder.maribor).participants == ()
    assert esf_report(recorder.store, ReportPeriod(dt.date(2022, 1, 1), None)).participants == ()


def test_an_empty_database_gives_a_table_of_zeros(workspace):
    report = esf_report(workspace.store, programme_period="2021-2027")
    assert report.participants == () and report.missing == ()
    assert {row.total for row in report.rows} == {0}
    tr = Translator("en")
    assert _row(report, "disability_declined").text(tr) == "Disability: did not want to answer"
    assert _row(report, "labour_not_recorded").text(tr) == "Labour-market status: not recorded"


def test_unknown_programme_period_is_refused(workspace):
    with pytest.raises(UserError, match="Unknown ESF programme period"):
        esf_report(workspace.store, programme_period="2028-2034")
