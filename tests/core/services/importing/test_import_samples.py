"""The sample lists in tests/fixtures/import (as Slovenian Excel writes them) import as intended,
and lists exported by the program come back as the same people."""

from __future__ import annotations

import datetime as dt

import pytest
from import_helpers import (
    EMSO_F_1985,
    EMSO_F_2001,
    EMSO_M_1990,
    SAMPLES,
    TODAY,
    plan_for,
    stored_persons,
)

from sociolab_desktop.core.services import export, sites
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.importing import RowStatus, commit_import
from sociolab_desktop.core.store.models import Person, utc_now
from sociolab_desktop.i18n import Translator
from sociolab_desktop.workspace import open_workspace

EN = Translator("en")


def test_windows_1250_sample_with_a_bad_row(workspace):
    plan = plan_for(workspace.store, SAMPLES / "people_cp1250.csv")
    assert (plan.table.encoding, plan.table.delimiter) == ("cp1250", ";")
    assert [row.status for row in plan.rows] == [RowStatus.READY, RowStatus.READY, RowStatus.INVALID,
                                                  RowStatus.READY]
    assert [(row.number, issue.column) for row in plan.rows for issue in row.issues] == [(4, "EMŠO")]
    commit_import(workspace.store, workspace.actor, plan, only_valid=True)
    by_name = {person.last_name: person for person in stored_persons(workspace.store)}
    assert set(by_name) == {"Čeh", "Šimić", "Kovačič"}
    assert by_name["Šimić"].emso == EMSO_F_2001 and by_name["Šimić"].first_name == "Đurđa"
    assert by_name["Kovačič"].street_address == "Ulica heroja Šaranoviča 12; vhod B"


def test_utf8_sample_with_english_headers(workspace):
    plan = plan_for(workspace.store, SAMPLES / "people_utf8_bom.csv")
    assert (plan.table.encoding, plan.table.delimiter, plan.count(RowStatus.READY)) == ("utf-8", ",", 2)
    commit_import(workspace.store, workspace.actor, plan)
    ciric = next(p for p in stored_persons(workspace.store) if p.last_name == "Ćirić")
    assert (ciric.gender, ciric.street_address) == ("male", "Partizanska cesta 3, stanovanje 4")


def test_workbook_sample_with_a_title_line_and_number_cells(workspace):
    plan = plan_for(workspace.store, SAMPLES / "people.xlsx")
    assert (plan.table.sheet, plan.table.header_row) == ("Udeleženci 2019", 2)
    assert [row.number for row in plan.rows] == [3, 4, 6]
    assert plan.count(RowStatus.READY) == 3
    commit_import(workspace.store, workspace.actor, plan)
    by_name = {person.last_name: person for person in stored_persons(workspace.store)}
    assert (by_name["Čeh"].emso, by_name["Čeh"].phone, by_name["Čeh"].birth_date) == (
        EMSO_F_1985, "041234567", dt.date(1985, 6, 1))
    assert by_name["Žagar"].emso == EMSO_M_1990 and by_name["Žagar"].postal_code == "2311"


def test_workbook_sample_other_sheet(workspace):
    plan = plan_for(workspace.store, SAMPLES / "people.xlsx", "organisations", sheet="Organizacije")
    assert [row.data.legal_form for row in plan.rows] == ["association"]


def test_organisations_sample(workspace):
    plan = plan_for(workspace.store, SAMPLES / "organisations_cp1250.csv", "organisations")
    assert plan.count(RowStatus.READY) == 3


# --- round trip through the program's own export ---------------------------------------------------

_COMPARED = tuple(name for name in ps.INPUT_FIELDS if name != "site_id")


def _people(store) -> list[tuple]:
    return sorted(tuple(getattr(person, name) for name in _COMPARED) for person in stored_persons(store))


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exported_persons_import_into_a_fresh_folder_as_the_same_people(workspace, tmp_path, file_format):
    for first, last, fields in [
        ("Ana", "Čeh", {"gender": "female", "emso": EMSO_F_1985, "email": "ana@example.com",
                        "phone": "+386 41 234 567", "street_address": "Čučkova ulica 5", "postal_code": "2000",
                        "post_town": "Maribor", "municipality_code": "Maribor", "target_group": "social_entrepreneur",
                        "labour_status": "unemployed", "isced_level": "isced_3", "disability": "declined",
                        "jobless_household": "yes", "dependent_children": "no", "notes": "=1+1 ni formula",
                        "first_contact_date": dt.date(2026, 3, 2), "is_incomplete": True}),
        ("Đurđa", "Šimić", {"birth_year": 1979, "country_code": "HR", "preferred_language": "en",
                            "tax_number": "12345679"}),
        ("Boris", "Žagar", {"birth_date": dt.date(1990, 3, 15), "gender": "male", "emso": EMSO_M_1990}),
    ]:
        ps.create_person(workspace.store, workspace.actor, ps.PersonInput(first, last, **fields), today=TODAY)
    gone = ps.create_person(workspace.store, workspace.actor, ps.PersonInput("Izbrisana", "Oseba"), today=TODAY)
    with workspace.store.unit_of_work(workspace.actor) as session:  # a soft delete, as sync or a merge leaves
        session.get(Person, gone.id).deleted_at = utc_now()
    exported = tmp_path / f"osebe.{file_format}"
    export.export_dataset(workspace.store, "people", file_format, exported)

    fresh = open_workspace(tmp_path / "fresh")
    try:
        sites.create_site(fresh.store, fresh.settings.site_id, "Informacijska točka Ptuj", "sl")
        plan = plan_for(fresh.store, exported)
        assert [issue.render(EN) for row in plan.rows for issue in row.issues] == []
        assert plan.count(RowStatus.SKIPPED) == 1  # the deleted person stays deleted
        assert commit_import(fresh.store, fresh.actor, plan).imported == 3
        assert _people(fresh.store) == [row for row in _people(workspace.store) if row[0] != "Izbrisana"]
    finally:
        fresh.close()
