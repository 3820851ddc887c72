"""Importing persons: every row checked by the intake rules and reported by its row number and
column, duplicates reported instead of doubled, and nothing half-imported."""

from __future__ import annotations

import datetime as dt

import pytest
from import_helpers import (
    EMSO_F_1985,
    EMSO_F_2001,
    EMSO_M_1990,
    TODAY,
    count,
    plan_for,
    stored_persons,
    write_csv,
    write_xlsx,
)

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.importing import RowStatus, commit_import
from sociolab_desktop.core.services.importing import people as people_import
from sociolab_desktop.i18n import Translator

EN = Translator("en")
HEADER = "Ime;Priimek;Spol;Datum rojstva;EMŠO;E-pošta;Poštna številka;Občina\n"


def _issues(plan) -> dict[int, list[tuple[str | None, str]]]:
    return {row.number: [(issue.column, issue.render(EN)) for issue in row.issues]
            for row in plan.rows if row.issues}


def test_a_valid_list_is_imported_whole(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER
                     + f"Ana;Čeh;Ž;1. 6. 1985;{EMSO_F_1985};ana.ceh@example.com;2000;Maribor\n"
                     + f"Đurđa;Šimić;ženski;03.02.2001;{EMSO_F_2001};;2250;ptuj\n"
                     + "Tomaž;Žnidaršič;M;;;tomaz@example.org;2311;Hoče-Slivnica\n", encoding="cp1250")
    plan = plan_for(workspace.store, path)
    assert [row.status for row in plan.rows] == [RowStatus.READY] * 3
    result = commit_import(workspace.store, workspace.actor, plan)
    assert (result.imported, result.refused, len(result.created_ids)) == (3, False, 3)
    by_name = {person.first_name: person for person in stored_persons(workspace.store)}
    ana, simic, tomaz = by_name["Ana"], by_name["Đurđa"], by_name["Tomaž"]
    assert (ana.gender, ana.birth_date, ana.emso, ana.municipality_code) == ("female", dt.date(1985, 6, 1),
                                                                             EMSO_F_1985, "SI-070")
    assert (simic.first_name, simic.gender, simic.municipality_code) == ("Đurđa", "female", "SI-096")
    assert tomaz.municipality_code == "SI-160"  # ISO "Hoče-Slivnica" and local "Hoče - Slivnica" alike
    assert {p.site_id for p in (ana, simic, tomaz)} == {workspace.settings.site_id}
    assert ana.first_contact_date is None  # a list of past participants: not first seen today


def test_bad_rows_are_reported_with_row_number_column_and_reason(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER
                     + f"Ana;Čeh;Ž;1. 6. 1985;{EMSO_F_1985};ana.ceh@example.com;2000;Maribor\n"
                     + "Boris;Žagar;M;15. 3. 1990;1503990500122;boris.zagar@example.com;2000;Maribor\n"
                     + "Cilka;Kos;Ž;;;cilka.kos.example.com;2000;Maribor\n"
                     + "\n"
                     + "Darja;Horvat;Ž;;;;200;Maribor\n"
                     + "Eva;Kralj;Ž;1. 1. 2030;;;;\n"
                     + "   ;Novak;X;31. 2. 1990;;;;Atlantida\n")
    plan = plan_for(workspace.store, path)
    issues = _issues(plan)
    assert sorted(issues) == [3, 4, 6, 7, 8]
    assert issues[3] == [("EMŠO", "EMŠO 1503990500122 has a wrong check digit. Check it against the document.")]
    assert issues[4] == [("E-pošta",
                          "“cilka.kos.example.com” is not an e-mail address (it needs a name, “@” and a domain).")]
    assert issues[6] == [("Poštna številka", "Slovenian postal codes have 4 digits, e.g. 2000; “200” does not.")]
    assert issues[7] == [("Datum rojstva", "The date of birth 01/01/2030 is in the future.")]
    # Every problem of a row at once, in the order of the columns.
    assert [column for column, _reason in issues[8]] == ["Ime", "Spol", "Datum rojstva", "Občina"]
    assert plan.count(RowStatus.READY) == 1 and plan.count(RowStatus.INVALID) == 5


def test_one_invalid_row_means_nothing_is_written(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER + "Ana;Čeh;;;;ana@example.com;;\nBoris;Žagar;;;;boris;;\n")
    result = commit_import(workspace.store, workspace.actor, plan_for(workspace.store, path))
    assert (result.imported, result.refused) == (0, True)
    assert count(workspace.store) == 0


def test_only_valid_imports_the_valid_rows(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER + "Ana;Čeh;;;;ana@example.com;;\nBoris;Žagar;;;;boris;;\nCene;Kos;;;;;;\n")
    result = commit_import(workspace.store, workspace.actor, plan_for(workspace.store, path), only_valid=True)
    assert result.imported == 2 and not result.refused
    assert sorted(p.first_name for p in stored_persons(workspace.store)) == ["Ana", "Cene"]


def test_the_preview_writes_nothing(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER + "Ana;Čeh;;;;ana@example.com;;\n")
    plan = plan_for(workspace.store, path)
    assert plan.database_checked and plan.count(RowStatus.READY) == 1
    assert count(workspace.store) == 0


def test_deleted_and_merged_away_persons_are_not_duplicates(workspace, tmp_path):
    from sociolab_desktop.core.store.models import Person, utc_now

    first = ps.create_person(workspace.store, workspace.actor, ps.PersonInput("Ana", "Čeh", emso=EMSO_F_1985),
                             today=TODAY)
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, first.id).deleted_at = utc_now()
    plan = plan_for(workspace.store, write_csv(tmp_path, HEADER + f"Ana;Čeh;;;{EMSO_F_1985};;;\n"))
    assert plan.count(RowStatus.READY) == 1


def test_a_failure_while_writing_leaves_the_database_unchanged(workspace, tmp_path, monkeypatch):
    ps.create_person(workspace.store, workspace.actor, ps.PersonInput("Zala", "Obstoječa"), today=TODAY)
    monkeypatch.setattr(importing.plan, "WRITE_BATCH", 10)
    rows = "".join(f"Oseba{i};Priimek{i};;;;;;\n" for i in range(30))
    plan = plan_for(workspace.store, write_csv(tmp_path, HEADER + rows))
    made = []

    def failing(values, actor):
        made.append(values)
        if len(made) == 25:  # in the third batch of writes, after two were flushed
            raise OSError("disk full")
        return original(values, actor)

    original = people_import.new_record
    monkeypatch.setattr(people_import, "new_record", failing)
    with pytest.raises(OSError):
        commit_import(workspace.store, workspace.actor, plan)
    assert [p.first_name for p in stored_persons(workspace.store)] == ["Zala"]


def test_rows_repeating_an_earlier_row_are_reported_and_skipped(workspace, tmp_path):
    path = write_csv(tmp_path, HEADER
                     + f"Ana;Čeh;Ž;;{EMSO_F_1985};ana@example.com;;\n"
                     + f"Ana;Čeh;Ž;;{EMSO_F_1985};;;\n"
                     + "Boris;Žagar;M;;;BORIS@example.com;;\n"
                     + "Bojan;Kos;M;;;boris@EXAMPLE.com;;\n"
                     + "Cene;Kos;M;15. 3. 1990;;;;\n"
                     + "CENE;KOS;;15.03.1990;;;;\n"
                     + "Cene;Kos;;16. 3. 1990;;;;\n")
    plan = plan_for(workspace.store, path)
    statuses = {row.number: row.status for row in plan.rows}
    assert [n for n, s in statuses.items() if s == RowStatus.DUPLICATE] == [3, 5, 7]
    by_row = {row.number: row.duplicates for row in plan.rows}
    assert [m.earlier_row for m in by_row[3]] == [2] and "same_emso" in by_row[3][0].reasons
    assert [(m.earlier_row, m.name, m.reasons) for m in by_row[5]] == [(4, "Boris Žagar", ("same_email",))]
    assert [(m.earlier_row, m.reasons) for m in by_row[7]] == [(6, ("same_name_and_birth_date",))]
    result = commit_import(workspace.store, workspace.actor, plan)
    assert result.imported == 4
    assert count(workspace.store) == 4


def test_rows_matching_recorded_persons_are_skipped_unless_allowed(workspace, tmp_path):
    existing = ps.create_person(workspace.store, workspace.actor,
                                ps.PersonInput("Ana", "Čeh", emso=EMSO_F_1985), today=TODAY)
    path = write_csv(tmp_path, HEADER + f"Ana;Čeh;;;{EMSO_F_1985};;;\nBoris;Žagar;M;;{EMSO_M_1990};;;\n")
    plan = plan_for(workspace.store, path)
    duplicate = plan.rows[0]
    assert duplicate.status == RowStatus.DUPLICATE and duplicate.importable_anyway
    assert [(m.existing_id, m.name) for m in duplicate.duplicates] == [(existing.id, "Ana Čeh")]
    assert "same_emso" in duplicate.duplicates[0].reasons
    assert commit_import(workspace.store, workspace.actor, plan).imported == 1
    assert count(workspace.store) == 2
    # Importing the same list again: both rows now exist; staff may still import them knowingly.
    again = plan_for(workspace.store, path)
    assert again.count(RowStatus.DUPLICATE) == 2
    assert commit_import(workspace.store, workspace.actor, again, allow_duplicates=True).imported == 2
    assert count(workspace.store) == 4


def test_the_commit_checks_duplicates_again(workspace, tmp_path):
    """A person recorded between the preview and the commit (another window, a sync) is not doubled."""
    path = write_csv(tmp_path, HEADER + f"Ana;Čeh;;;{EMSO_F_1985};;;\n")
    plan = plan_for(workspace.store, path)
    assert plan.count(RowStatus.READY) == 1
    ps.create_person(workspace.store, workspace.actor, ps.PersonInput("Ana", "Čeh", emso=EMSO_F_1985), today=TODAY)
    result = commit_import(workspace.store, workspace.actor, plan)
    assert result.imported == 0 and result.plan.count(RowStatus.DUPLICATE) == 1
    assert count(workspace.store) == 1


def test_combined_columns_and_excel_number_cells(workspace, tmp_path):
    path = write_xlsx(tmp_path, [
        ["Ime in priimek", "Datum rojstva", "EMŠO", "Telefon", "Pošta", "Država"],
        ["Ana Marija Čeh", dt.datetime(1985, 6, 1), int(EMSO_F_1985), 41234567, "2000 Maribor", "Slovenija"],
        ["Boris Žagar", 1990, None, "+386 31 555 666", "SI-2250 Ptuj", None],
        ["Jan Novak", None, None, None, None, "Avstrija"],
    ])
    plan = plan_for(workspace.store, path)
    assert _issues(plan) == {}
    commit_import(workspace.store, workspace.actor, plan)
    by_name = {person.last_name: person for person in stored_persons(workspace.store)}
    ana, jan, boris = by_name["Čeh"], by_name["Novak"], by_name["Žagar"]
    assert (ana.first_name, ana.last_name, ana.emso, ana.phone) == ("Ana Marija", "Čeh", EMSO_F_1985, "041234567")
    assert (ana.postal_code, ana.post_town, ana.birth_date) == ("2000", "Maribor", dt.date(1985, 6, 1))
    assert (boris.birth_year, boris.birth_date, boris.post_town) == (1990, None, "Ptuj")
    assert jan.country_code == "AT"


def test_a_name_split_from_a_full_name_column_is_reported_there(workspace, tmp_path):
    path = write_csv(tmp_path, "Ime in priimek;E-pošta\nCher;cher@example.com\n")
    assert _issues(plan_for(workspace.store, path)) == {
        2: [("Ime in priimek", "This field is required; enter a name.")]}


def test_rows_with_more_cells_than_the_header_are_refused(workspace, tmp_path):
    path = write_csv(tmp_path, "Ime,Priimek,Naslov\nAna,Čeh,Ulica 5, Maribor\nBoris,Žagar,Trg 1,\n")
    issues = _issues(plan_for(workspace.store, path))
    assert list(issues) == [2]
    assert "separator “,” without quotes" in issues[2][0][1]


def test_deleted_records_of_an_export_are_skipped(workspace, tmp_path):
    path = write_csv(tmp_path, "first_name,last_name,deleted_at,merged_into_id\nAna,Čeh,,\n"
                               "Boris,Žagar,2026-01-01 10:00:00,\nCene,Kos,,abc\n")
    plan = plan_for(workspace.store, path)
    assert [row.status for row in plan.rows] == [RowStatus.READY, RowStatus.SKIPPED, RowStatus.SKIPPED]
    assert commit_import(workspace.store, workspace.actor, plan).imported == 1


def test_validate_person_gives_the_values_create_person_stores(workspace):
    data = ps.PersonInput(" Ana ", "Čeh", emso=f" {EMSO_F_1985} ", municipality_code="Hoce - Slivnica")
    values = ps.validate_person(data, TODAY)
    assert (values["first_name"], values["emso"], values["birth_date"]) == ("Ana", EMSO_F_1985, dt.date(1985, 6, 1))
    assert values["municipality_code"] == "SI-160"
    created = ps.create_person(workspace.store, workspace.actor, data, today=TODAY)
    assert all(getattr(created, name) == value for name, value in values.items()
               if name not in ("site_id", "first_contact_date"))
    with pytest.raises(ps.PersonValidationError) as error:
        ps.validate_person(ps.PersonInput("Ana", "Čeh", email="ana"), TODAY)
    assert error.value.fields == ["email"]


def test_progress_is_reported_while_writing(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(importing.plan, "WRITE_BATCH", 10)
    rows = "".join(f"Oseba{i};Priimek{i};;;;;;\n" for i in range(22))
    plan = plan_for(workspace.store, write_csv(tmp_path, HEADER + rows))
    seen = []
    importing.commit_import(workspace.store, workspace.actor, plan, progress=lambda done, total: seen.append(
        (done, total)))
    assert seen == [(10, 22), (20, 22), (22, 22)]


def test_workbook_cells_beyond_the_named_columns_are_left_out_with_a_notice(workspace, tmp_path):
    path = write_xlsx(tmp_path, [["Ime", "Priimek"], ["Ana", "Čeh", "opomba brez glave"], ["Boris", "Žagar"]])
    plan = plan_for(workspace.store, path)
    assert plan.count(RowStatus.READY) == 2
    assert [notice.render(EN) for notice in plan.notices] == [
        "Cells to the right of the last named column (B) are not imported."]
