"""`sociolab-desktop report`: the indicators and ESF tables as text, JSON, XLSX and PDF, for a
period and an info point, and clear refusals of periods, formats and files that cannot be."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sociolab_desktop.core.store.models import Attendance, Event, EventSession, Person


@pytest.fixture
def folder(workspace):
    """An English-speaking data folder with one training programme: Ana attended, Bor did not
    give his ESF data; the window closed, because the command takes the folder's lock."""
    workspace.settings.language = "en"
    workspace.save_settings()
    with workspace.store.unit_of_work(workspace.actor) as session:
        event = Event(event_type="training_programme", title_sl="Program", site_id=workspace.settings.site_id)
        ana = Person(first_name="Ana", last_name="Čeh", gender="female", birth_year=1990, labour_status="employed",
                     isced_level="isced_6", jobless_household="no", dependent_children="no",
                     single_adult_with_children="no", migrant_or_minority="no", disability="no",
                     other_disadvantage="no", homeless_or_housing_excluded="no", rural_area="no")
        bor = Person(first_name="Bor", last_name="Žagar", gender="male")
        session.add_all([event, ana, bor])
        session.flush()
        sitting = EventSession(event_id=event.id, session_date=dt.date(2021, 3, 1), starts_at=dt.time(9),
                               ends_at=dt.time(12), hours=3)
        session.add(sitting)
        session.flush()
        for person in (ana, bor):
            session.add(Attendance(event_session_id=sitting.id, person_id=person.id,
                                   checked_in_at=dt.datetime(2021, 3, 1, 8)))
    workspace.close()
    return workspace.paths.root


def test_text_report_lists_every_indicator_with_its_target(run_cli, folder):
    result = run_cli("report", "indicators", "--data-dir", folder, "--from", "2021-01-01", "--to", "31. 12. 2021")
    assert result.exit_code == 0, result.stderr
    assert "Period: 01/01/2021 – 31/12/2021" in result.stdout
    assert "Persons included in training programmes: 2 (target ≥ 200, 1%)" in result.stdout
    assert "    Informacijska točka Maribor: 2" in result.stdout
    assert "Mentoring hours: 0 (no target)" in result.stdout


def test_text_report_speaks_the_language_asked_for(run_cli, folder):
    result = run_cli("report", "indicators", "--data-dir", folder, "--lang", "sl", "--from", "2021-01-01")
    assert result.exit_code == 0, result.stderr
    assert "1. 1. 2021" in result.stdout and "01/01/2021" not in result.stdout


def test_json_report_for_scripts(run_cli, folder, tmp_path):
    result = run_cli("report", "indicators", "--format", "json", "--data-dir", folder, "--site", "Informacijska "
                     "točka Maribor")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)["indicators"]
    assert {item["key"]: item["value"] for item in data["indicators"]}["persons_trained"] == 2
    target = tmp_path / "kazalniki.json"
    assert run_cli("report", "indicators", "-o", target, "--data-dir", folder).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["indicators"]["training_rule"] == "attended"


def test_xlsx_report_with_the_esf_tables(run_cli, folder, tmp_path):
    target = tmp_path / "kazalniki.xlsx"
    result = run_cli("report", "indicators", "--with-esf", "-o", target, "--data-dir", folder,
                     "--programme-period", "2021-2027")
    assert result.exit_code == 0, result.stderr
    assert f"Report written to {target}." in result.stdout
    workbook = load_workbook(target)
    assert "ESF summary" in workbook.sheetnames
    missing = [row[0] for row in workbook["Missing ESF data"].iter_rows(min_row=2, values_only=True)]
    assert missing == ["Bor Žagar"]


@pytest.mark.parametrize("language", ["sl", "en"])
def test_pdf_report_in_both_languages(run_cli, folder, tmp_path, language):
    target = tmp_path / f"porocilo-{language}.pdf"
    result = run_cli("report", "indicators", "--format", "pdf", "-o", target, "--lang", language, "--with-esf",
                     "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert ("Operacija je sofinancirana" in text) == (language == "sl")
    assert ("The operation is co-financed" in text) == (language == "en")
    assert "Informacijska točka Maribor" in text


def test_esf_report_lists_who_misses_data(run_cli, folder):
    result = run_cli("report", "esf", "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "Total participants: 2 (Women 1, Men 1)" in result.stdout
    assert "1 participant misses required ESF data:" in result.stdout
    assert "Bor Žagar (01/03/2021): Labour-market status, Date or year of birth, Education (ISCED)" in result.stdout


def test_an_empty_database_reports_zeros(run_cli, workspace):
    workspace.settings.language = "en"
    workspace.save_settings()
    workspace.close()
    result = run_cli("report", "indicators", "--data-dir", workspace.paths.root)
    assert result.exit_code == 0, result.stderr
    assert "Persons included in training programmes: 0 (target ≥ 200, 0%)" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("--from", "2021-12-31", "--to", "2021-01-01"), "before it starts"),
    (("--to", "yesterday"), "is not a date for --to"),
    (("--format", "docx"), "Unknown report format"),
    (("--format", "pdf"), "needs a file"),
    (("--site", "Murska Sobota"), "No info point is called"),
    (("--rule", "signed"), "Unknown rule"),
    (("--programme-period", "1990"), "Unknown ESF programme period"),
])
def test_bad_requests_are_refused_with_a_clear_message(run_cli, folder, args, message):
    result = run_cli("report", "indicators", "--with-esf", "--data-dir", folder, *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_a_folder_in_place_of_the_file_writes_nothing(run_cli, folder, tmp_path):
    (tmp_path / "r.pdf").mkdir()
    result = run_cli("report", "indicators", "-o", tmp_path / "r.pdf", "--data-dir", folder)
    assert result.exit_code == 2 and "is a folder" in result.stderr
    assert list((tmp_path / "r.pdf").iterdir()) == []
