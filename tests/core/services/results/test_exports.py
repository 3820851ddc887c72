"""The indicators and ESF tables in an XLSX workbook read back with openpyxl, formula-like text kept
as text, and a file that cannot be written leaving nothing half written."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile

import pytest
from conftest import TODAY
from openpyxl import load_workbook

from sociolab_desktop.core.services.results import exports
from sociolab_desktop.core.services.results.esf import esf_report
from sociolab_desktop.core.services.results.indicators import compute_indicators
from sociolab_desktop.core.services.results.periods import project_period
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

EN, SL = Translator("en"), Translator("sl")


@pytest.fixture
def reports(recorder):
    ptuj = recorder.site("=HYPERLINK(\"http://example.com\")", code="PT")
    _event, (first, second) = recorder.event("Program", [dt.date(2021, 3, 1), dt.date(2021, 3, 8)], site=ptuj)
    for name in ("=1+1", "Đurđa", "@SUM(A1)"):
        person = recorder.person(name, "Čeh", gender="female", birth_year=1990)
        recorder.attend(first, person)
    recorder.attend(second, recorder.person("Žiga", "Šuštar", gender="male"))
    recorder.mentoring(recorder.organisation("Zadruga"), dt.date(2021, 2, 1), dt.time(9), 90)
    indicators = compute_indicators(recorder.store, project_period(), today=TODAY)
    return indicators, esf_report(recorder.store, project_period())


def _rows(sheet):
    return [row for row in sheet.iter_rows(values_only=True)]


def test_xlsx_reads_back_with_every_indicator_per_info_point(reports, tmp_path):
    indicators, esf = reports
    target = exports.export_results_xlsx(tmp_path / "rezultati.xlsx", EN, indicators=indicators, esf=esf)
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Indicators", "Definitions", "ESF summary", "ESF participants", "Missing ESF data"]
    rows = _rows(workbook["Indicators"])
    header = next(index for index, row in enumerate(rows) if row[0] == "Indicator")
    assert rows[header][:4] == ("Indicator", "Target", "Total", "Share of target")
    body = {row[0]: row for row in rows[header + 1:]}
    trained = body["Persons included in training programmes"]
    assert trained[1:4] == ("≥ 200", 4, 0.02)
    assert list(trained[4:]) == [indicators.value("persons_trained").by_site[c.site_id] for c in indicators.sites]
    assert body["Mentoring hours"][1:4] == (None, 1.5, None)
    assert workbook["Indicators"].freeze_panes == f"A{header + 2}"
    assert workbook["Indicators"].cell(header + 1, 1).font.bold
    summary = {row[0]: row[1:] for row in _rows(workbook["ESF summary"])}
    assert summary["Total participants"] == (4, 3, 1) and summary["Women"] == (3, 3, 0)


def test_an_xlsx_for_one_info_point_names_it_and_says_the_targets_are_the_projects(reports, recorder, tmp_path):
    indicators, _esf = reports
    ptuj = next(column for column in indicators.sites if column.name.startswith("=HYPERLINK"))
    one = compute_indicators(recorder.store, project_period(), site_id=ptuj.site_id, today=TODAY)
    esf = esf_report(recorder.store, project_period(), site_id=ptuj.site_id)
    workbook = load_workbook(exports.export_results_xlsx(tmp_path / "ptuj.xlsx", EN, indicators=one, esf=esf))
    rows = _rows(workbook["Indicators"])
    assert ("Info points", "'=HYPERLINK(\"http://example.com\")") in [row[:2] for row in rows]
    header = next(row for row in rows if row[0] == "Indicator")
    assert header[:4] == ("Indicator", "Project target", "Value", "Share of target")
    assert all(cell is None for cell in header[4:])  # no column per info point for one of them
    assert ("Info points", "'=HYPERLINK(\"http://example.com\")") in [
        row[:2] for row in _rows(workbook["ESF summary"])]
    everyone = load_workbook(exports.export_results_xlsx(tmp_path / "all.xlsx", EN, indicators=indicators))
    assert ("Info points", "all info points") in [row[:2] for row in _rows(everyone["Indicators"])]


def test_formula_like_text_comes_back_as_text(reports, tmp_path):
    indicators, esf = reports
    workbook = load_workbook(exports.export_results_xlsx(tmp_path / "r.xlsx", EN, indicators=indicators, esf=esf))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert {"'=1+1 Čeh", "'@SUM(A1) Čeh", "Đurđa Čeh", "'=HYPERLINK(\"http://example.com\")"} <= texts


def test_xlsx_in_slovenian(reports, tmp_path):
    indicators, _esf = reports
    workbook = load_workbook(exports.export_results_xlsx(tmp_path / "r.xlsx", SL, indicators=indicators))
    assert workbook.sheetnames == [SL.gettext("Indicators"), SL.gettext("Definitions")]
    assert SL.gettext("Persons included in training programmes") in {
        row[0] for row in _rows(workbook.worksheets[0])}


def test_an_empty_database_exports_zeros(workspace, tmp_path):
    indicators = compute_indicators(workspace.store, project_period(), today=TODAY)
    esf = esf_report(workspace.store, project_period())
    workbook = load_workbook(exports.export_results_xlsx(tmp_path / "r.xlsx", EN, indicators=indicators, esf=esf))
    assert _rows(workbook["Missing ESF data"]) == [("Name", "Entry date", "Programme", "Missing data")]
    data = exports.indicators_as_json(indicators, EN)
    assert {item["value"] for item in data["indicators"] if item["key"] != "info_points"} == {0}


def test_json_keeps_keys_and_codes_for_scripts(reports):
    indicators, esf = reports
    data = exports.indicators_as_json(indicators, SL)
    trained = next(item for item in data["indicators"] if item["key"] == "persons_trained")
    assert trained["value"] == 4 and trained["target"] == 200 and trained["target_is_minimum"]
    assert data["period"] == {"first": "2018-04-01", "last": "2021-12-31"} and data["training_rule"] == "attended"
    assert exports.esf_as_json(esf, EN)["summary"][0] == {
        "group": "total", "key": "total", "kind": "total", "label": "Total participants", "total": 4,
        "by_gender": [3, 1]}


def test_a_folder_that_cannot_be_written_gives_a_clear_message_and_no_file(reports, tmp_path, monkeypatch):
    indicators, _esf = reports
    folder = tmp_path / "samo-branje"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes anywhere: answer as the system does for office staff

        def refuse(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(UserError) as error:
            exports.export_results_xlsx(folder / "r.xlsx", EN, indicators=indicators)
        assert str(folder) in error.value.render(EN) and "write access" in error.value.render(EN)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_folder_in_place_of_the_file_is_refused(reports, tmp_path):
    indicators, _esf = reports
    (tmp_path / "r.xlsx").mkdir()
    with pytest.raises(UserError, match="is a folder"):
        exports.export_results_xlsx(tmp_path / "r.xlsx", EN, indicators=indicators)
    with pytest.raises(UserError, match="is a folder"):
        exports.write_file(tmp_path / "r.xlsx", b"%PDF")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "r.xlsx"]


def test_a_file_open_in_excel_is_kept_as_it_was(reports, tmp_path, monkeypatch):
    indicators, _esf = reports
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"last month's report")

    def locked(_source, _destination):  # what Windows says while Excel holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError, match="Close it"):
        exports.export_results_xlsx(target, EN, indicators=indicators)
    assert target.read_bytes() == b"last month's report"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "r.xlsx"]


@pytest.mark.parametrize("tr", [SL, EN], ids=["sl", "en"])
def test_pdf_report_from_the_records_in_both_languages(reports, tmp_path, tr):
    from pypdf import PdfReader

    indicators, esf = reports
    result = exports.export_results_pdf(tmp_path / "r.pdf", tr, indicators, issuer="Informacijska točka Maribor",
                                        esf=esf)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "r.pdf").pages)
    assert (tmp_path / "r.pdf").read_bytes() == result.pdf and result.warnings == []
    percent = {"sl": "2 %", "en": "2%"}[tr.language]  # each language's way of writing a percentage
    assert tr.gettext("Persons included in training programmes") + " ≥ 200 4 " + percent in text
    assert tr.gettext("Mentoring hours") + " – " + tr.format_number(1.5) in text
    assert tr.gettext("attended at least once") in text and "'=HYPERLINK" not in text
    assert tr.gettext("Total participants") + " 4 3 1" in text
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "r.pdf"]


def test_a_pdf_for_one_info_point_has_no_column_per_info_point_and_names_the_project_target(
        reports, recorder, tmp_path):
    from pypdf import PdfReader

    indicators, _esf = reports
    ptuj = next(column for column in indicators.sites if column.name.startswith("=HYPERLINK"))
    others = [column.name for column in indicators.sites if column is not ptuj and column.name]
    one = compute_indicators(recorder.store, project_period(), site_id=ptuj.site_id, today=TODAY)
    exports.export_results_pdf(tmp_path / "r.pdf", EN, one, issuer="Vodilni partner")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "Indicator Project target Value Progress" in text
    assert others and not any(name in text for name in others)
