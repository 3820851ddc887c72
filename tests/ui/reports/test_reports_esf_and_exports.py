"""The Reports area's ESF tab (programme periods, missing data opened to complete it) and its
exports: the XLSX workbook read back with openpyxl, the PDF report's text in both languages, and
a file that cannot be written told in the service's words with nothing written."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from reports_helpers import make_results, show_page, wait_counted

from sociolab_desktop.core.services.results.esf import esf_report
from sociolab_desktop.core.services.results.periods import project_period
from sociolab_desktop.i18n import Translator
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.reports import report_jobs
from sociolab_desktop.ui.reports.reports_page import ESF_TAB


@pytest.fixture
def data(workspace):
    return make_results(workspace)


def _summary(page) -> dict[str, list[str]]:
    """Category → [total, per gender…] as the tree shows them (group headings left out)."""
    tree, rows = page.esf_page.summary, {}
    for top in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(top)
        children = [item.child(number) for number in range(item.childCount())] or [item]
        for child in children:
            rows[child.text(0)] = [child.text(column) for column in range(1, tree.columnCount())]
    return rows


def _esf_tab(qtbot, ctx):
    page = show_page(qtbot, ctx)
    page.tabs.setCurrentIndex(ESF_TAB)
    wait_counted(qtbot, page)
    return page


def test_the_esf_summary_counts_the_participants_by_gender(qtbot, ctx, data):
    page = _esf_tab(qtbot, ctx)
    tr = ctx.tr
    header = page.esf_page.summary.headerItem()
    assert [header.text(column) for column in range(page.esf_page.summary.columnCount())] == [
        tr.gettext("Category"), tr.gettext("Total"), tr.gettext("Women"), tr.gettext("Men")]
    rows = _summary(page)
    assert rows[tr.gettext("Total participants")] == ["2", "1", "1"]  # Ana and Bojan attended
    assert rows[tr.gettext("Unemployed, including long-term unemployed")] == ["1", "1", "0"]
    report = esf_report(ctx.workspace.store, project_period())
    assert {row.text(tr): [str(row.total), *map(str, row.counts)] for row in report.rows} == rows


def test_the_programme_period_switches_to_the_2021_2027_categories_and_is_remembered(qtbot, ctx, data):
    page = _esf_tab(qtbot, ctx)
    tr, combo = ctx.tr, page.esf_page.period_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # as staff do: the arrow key picks the next period
    assert page.esf_page.programme_period() == "2021-2027"
    wait_counted(qtbot, page)
    header = page.esf_page.summary.headerItem()
    assert header.text(4) == tr.pgettext("ESF group", "Non-binary")  # a column of people, not one's answer
    rows = _summary(page)
    for category in ("Below 18 years of age", "18 to 29 years of age", "55 years of age and above",
                     "With lower secondary education or less (ISCED 0 to 2)"):
        assert tr.gettext(category) in rows
    assert tr.gettext("Below 25 years of age") not in rows
    assert load_settings(ctx.paths.settings).esf_programme_period == "2021-2027"


def test_a_participant_missing_esf_data_is_listed_and_opens_to_complete_it(qtbot, ctx, data):
    page = _esf_tab(qtbot, ctx)
    missing = page.esf_page.missing
    names = [missing.topLevelItem(row).text(0) for row in range(missing.topLevelItemCount())]
    assert names == ["Ana Čeh", "Bojan Zupan"]  # neither has every answer the ESF needs
    assert ctx.tr.gettext("Date or year of birth") in missing.topLevelItem(1).text(2)  # Bojan
    missing.setCurrentItem(missing.topLevelItem(1))
    form = page.esf_page.complete_current()
    assert form.person_id == data.people["Bojan Zupan"]
    form.reject()


def test_a_completed_record_is_counted_again(qtbot, ctx, data):
    from dataclasses import asdict, fields

    from sociolab_desktop.core.services import persons as ps

    page = _esf_tab(qtbot, ctx)
    missing = page.esf_page.missing
    missing.setCurrentItem(missing.topLevelItem(1))
    form = page.esf_page.complete_current()
    bojan = ps.get_person(ctx.workspace.store, data.people["Bojan Zupan"])
    values = {name: value for name, value in asdict(bojan).items() if name in {f.name for f in fields(ps.PersonInput)}}
    ps.update_person(ctx.workspace.store, ctx.workspace.actor, bojan.id,
                     ps.PersonInput(**{**values, "birth_year": 1960}), today=dt.date(2021, 6, 1))
    form.saved.emit(bojan.id)  # as the form does once it has written the record
    form.reject()
    wait_counted(qtbot, page)
    assert ctx.tr.gettext("Date or year of birth") not in missing.topLevelItem(1).text(2)
    assert _summary(page)[ctx.tr.gettext("Above 54 years of age")][0] == "1"


def _export(qtbot, page, monkeypatch, target: Path, language: str | None = None, file_format: str = "xlsx"):
    monkeypatch.setattr(report_jobs, "choose_save_path", lambda *_args: str(target))
    if file_format == "xlsx":
        qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    else:
        page.export_pdf(language)
    qtbot.waitUntil(lambda: not page.exporting, timeout=20_000)


def test_export_to_excel_holds_the_indicators_and_the_esf_tables(qtbot, ctx, data, tmp_path, monkeypatch):
    page = show_page(qtbot, ctx)
    _export(qtbot, page, monkeypatch, tmp_path / "rezultati")  # the ending is added
    target = tmp_path / "rezultati.xlsx"
    assert page.export_done.isVisible() and str(target) in page.export_done.text()
    workbook = load_workbook(target)
    tr = ctx.tr
    assert tr.gettext("Indicators") in workbook.sheetnames and tr.gettext("ESF summary") in workbook.sheetnames
    rows = list(workbook[tr.gettext("Indicators")].iter_rows(values_only=True))
    trained = next(row for row in rows if row[0] == tr.gettext("Persons included in training programmes"))
    assert trained[1:3] == ("≥ 200", 2)
    summary = {row[0]: row[1:] for row in workbook[tr.gettext("ESF summary")].iter_rows(values_only=True)}
    assert summary[tr.gettext("Total participants")][:3] == (2, 1, 1)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.mark.parametrize("language", ["en", None], ids=["english", "the-window-language"])
def test_the_pdf_report_in_english_or_in_the_window_language(qtbot, ctx, data, tmp_path, monkeypatch, language):
    page = show_page(qtbot, ctx)
    target = tmp_path / "porocilo.pdf"
    _export(qtbot, page, monkeypatch, target, language, "pdf")
    out = Translator(language or ctx.tr.language)
    assert (language or ctx.tr.language) == ("en" if language else "sl")
    text = _pdf_text(target)
    assert out.gettext("Persons included in training programmes") + " ≥ 200 2" in text
    assert out.gettext("Total participants") + " 2 1 1" in text
    assert out.format_date(dt.date.today()) in text  # "27. november 2026" or "27 November 2026"
    assert page.export_done.isVisible()


def test_a_file_open_in_excel_is_left_as_it_was_with_the_services_message(qtbot, ctx, data, tmp_path,
                                                                         monkeypatch):
    page = show_page(qtbot, ctx)
    target = tmp_path / "rezultati.xlsx"
    target.write_bytes(b"last month's report")

    def locked(_source, _destination):  # what Windows says while Excel holds the file
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    _export(qtbot, page, monkeypatch, target)
    assert page.export_error.isVisible()
    assert str(target) in page.export_error.text() and not page.export_done.isVisible()
    assert target.read_bytes() == b"last month's report"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "rezultati.xlsx"]


def test_a_folder_that_cannot_be_written_is_said_and_nothing_is_written(qtbot, ctx, data, tmp_path, monkeypatch):
    import tempfile

    page = show_page(qtbot, ctx)
    folder = tmp_path / "samo-branje"
    folder.mkdir()

    def refuse(*_args, **_kwargs):  # as the system answers office staff (root writes anywhere)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    _export(qtbot, page, monkeypatch, folder / "porocilo.pdf", None, "pdf")
    assert page.export_error.isVisible() and str(folder) in page.export_error.text()
    assert list(folder.iterdir()) == []
