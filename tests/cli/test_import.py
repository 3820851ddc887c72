"""`sociolab-desktop import`: a list in, all or nothing, with a report by row number; every bad
file refused with a message and a non-zero exit code, and the data left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from sociolab_desktop.core.store.models import Organisation, Person
from sociolab_desktop.workspace import open_workspace

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
EMSO_F_1980 = "1212980505996"  # born 12 December 1980, female


@pytest.fixture
def folder(workspace):
    """An initialised data folder speaking English, one person recorded, its window closed (the
    command takes the folder's lock)."""
    workspace.settings.language = "en"
    workspace.save_settings()
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Person(first_name="Zala", last_name="Obstoječa", emso=EMSO_F_1980))
    workspace.close()
    return workspace.paths.root


def _names(folder: Path, model=Person) -> list[str]:
    ws = open_workspace(folder)
    try:
        with ws.store.reader() as session:
            column = model.last_name if model is Person else model.name
            return sorted(session.scalars(select(column)))
    finally:
        ws.close()


def _csv(tmp_path: Path, text: str, encoding: str = "cp1250") -> Path:
    path = tmp_path / "seznam.csv"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def test_windows_1250_list_with_a_bad_row_imports_nothing(run_cli, folder):
    result = run_cli("import", "people", SAMPLES / "people_cp1250.csv", "--data-dir", folder)
    assert result.exit_code == 2
    assert "Read 4 rows from" in result.stdout and "Windows-1250, separator “;”" in result.stdout
    assert "Row 4, column “EMŠO”: EMŠO 1503990500122 has a wrong check digit." in result.stdout
    assert "Nothing was imported because 1 row has errors" in result.stderr and "--only-valid" in result.stderr
    assert _names(folder) == ["Obstoječa"]


def test_only_valid_imports_the_other_rows_and_says_so(run_cli, folder):
    result = run_cli("import", "people", SAMPLES / "people_cp1250.csv", "--only-valid", "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "Imported 3 persons." in result.stdout
    assert "1 row has errors and was not imported." in result.stdout
    assert _names(folder) == ["Kovačič", "Obstoječa", "Čeh", "Šimić"]


def test_dry_run_reports_and_writes_nothing(run_cli, folder):
    result = run_cli("import", "people", SAMPLES / "people_utf8_bom.csv", "--dry-run", "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "Dry run, nothing was written: 2 persons would be imported." in result.stdout
    assert _names(folder) == ["Obstoječa"]
    refused = run_cli("import", "people", SAMPLES / "people_cp1250.csv", "--dry-run", "--data-dir", folder)
    assert refused.exit_code == 2 and "Dry run: the import would write nothing" in refused.stderr


def test_duplicates_are_reported_and_skipped(run_cli, folder, tmp_path):
    path = _csv(tmp_path, f"Ime;Priimek;EMŠO;E-pošta\nZala;Obstoječa;{EMSO_F_1980};\nAna;Čeh;;ana@example.com\n"
                          "Anica;Čeh;;ANA@example.com\n")
    result = run_cli("import", "people", path, "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "Row 2: may already be recorded as Zala Obstoječa (same EMŠO" in result.stdout
    assert "Row 4: repeats row 3, Ana Čeh (same e-mail address); not imported." in result.stdout
    assert "Imported 1 person." in result.stdout and "2 rows not imported as possible duplicates." in result.stdout
    again = run_cli("import", "people", path, "--allow-duplicates", "--data-dir", folder)
    assert "3 possible duplicates imported anyway." in again.stdout
    assert _names(folder).count("Čeh") == 3


def test_map_names_columns_the_headers_do_not(run_cli, folder, tmp_path):
    path = _csv(tmp_path, "Oseba;Družina;Majica\nAna;Čeh;M\n")
    missing = run_cli("import", "people", path, "--data-dir", folder)
    assert missing.exit_code == 2
    assert "“First name”, “Last name”" in missing.stderr and "“Oseba”, “Družina”, “Majica”" in missing.stderr
    assert "--map \"COLUMN=first_name,COLUMN=last_name\"" in missing.stderr
    result = run_cli("import", "people", path, "--map", "Oseba=first_name,Družina=last_name", "--data-dir",
                     folder)
    assert result.exit_code == 0, result.stderr
    assert "These columns are not imported: “Majica”." in result.stdout
    assert "Čeh" in _names(folder)


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ("Ime;Priimek\nAna;Čeh\n".encode("utf-16"), "seznam.csv", "UTF-8 or Windows-1250"),
        (b"", "prazno.csv", "is empty"),
        (b"Ime;Priimek\r\n", "glava.csv", "only a header row"),
        (b"Ime;Priimek\r\nAna;Ceh\r\n", "seznam.xlsx", "is not an Excel workbook"),
    ],
    ids=["utf-16", "empty", "header-only", "not-xlsx"],
)
def test_bad_files_are_refused_with_a_message(run_cli, folder, tmp_path, content, name, expected):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("import", "people", path, "--data-dir", folder)
    assert result.exit_code == 2
    assert expected in result.stderr and str(path) in result.stderr
    assert _names(folder) == ["Obstoječa"]


def test_unknown_kind_is_refused(run_cli, folder):
    result = run_cli("import", "events", SAMPLES / "people_utf8_bom.csv", "--data-dir", folder)
    assert result.exit_code == 2 and "Unknown list “events”" in result.stderr


def test_workbook_sheet_and_organisations(run_cli, folder):
    result = run_cli("import", "organisations", SAMPLES / "people.xlsx", "--sheet", "Organizacije",
                     "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "XLSX, sheet “Organizacije”" in result.stdout and "Imported 1 organisation." in result.stdout
    assert _names(folder, Organisation) == ["Društvo Most"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_then_import_into_a_fresh_folder(run_cli, folder, tmp_path, file_format):
    exported = tmp_path / f"osebe.{file_format}"
    assert run_cli("export", "people", "-o", exported, "--data-dir", folder).exit_code == 0
    fresh = tmp_path / "fresh"
    assert run_cli("init", "--site-name", "Informacijska točka Ptuj", "--language", "en",
                   "--data-dir", fresh).exit_code == 0
    result = run_cli("import", "people", exported, "--data-dir", fresh)
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 person." in result.stdout
    assert _names(fresh) == _names(folder)


def test_help_explains_map_and_lists_fields(run_cli, folder, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_cli("import", "--help", "--data-dir", folder)
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    assert "COLUMN=FIELD" in shown and "--only-valid" in shown and "--dry-run" in shown
    assert "first_name, last_name, full_name" in shown and "registration_number" in shown


def test_the_report_is_in_the_folders_language(run_cli, workspace, tmp_path):
    workspace.close()  # the fixture's folder speaks Slovenian, the default
    result = run_cli("import", "people", _csv(tmp_path, "Ime;Priimek\nAna;Čeh\n"), "--dry-run",
                     "--data-dir", workspace.paths.root)
    assert result.exit_code == 0, result.stderr
    assert "“Priimek” → Priimek" in result.stdout and "Last name" not in result.stdout
