"""Printing from the Mentoring windows: a session's record, the monthly record and the timesheet are
written as PDF files in the language chosen, with the names and hours of the data."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from mentoring_ui_helpers import add_organisation, add_session, show
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.mentoring.mentoring_page import MentoringPage

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def page(ctx, qtbot, workspace) -> MentoringPage:
    firm = add_organisation(workspace, "Zadruga Čebelica Đurđevka", preferred_language="en")
    add_session(workspace, dt.date(2021, 3, 4), (9, 0), (10, 30), mentors=[workspace.actor.staff_id],
                organisation_id=firm, summary="Finančni načrt za leto 2021.")
    made = show(qtbot, MentoringPage(ctx), (1100, 640))
    made.mine.show_period(dt.date(2021, 3, 1))
    qtbot.waitUntil(lambda: made.mine.sessions_model.rowCount() == 1, timeout=10_000)
    made.mine.sessions_table.selectRow(0)
    return made


def print_with(qtbot, monkeypatch, tmp_path, open_dialog, language: str | None = None):
    target = tmp_path / "record.pdf"
    offered = []
    monkeypatch.setattr(document_output, "choose_save_path",
                        lambda _parent, _tr, _title, suggested: offered.append(suggested) or str(target))
    dialog = open_dialog()
    qtbot.waitUntil(lambda: dialog.choices is not None, timeout=10_000)
    if language:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
    with qtbot.waitSignal(dialog.printed, timeout=30_000):
        QTest.keyClick(dialog.language_combo, Qt.Key.Key_Return)
    dialog.notice.done(0)
    return target, offered[0], dialog


def test_a_sessions_record_prints_in_the_organisations_language(ctx, qtbot, page, tmp_path, monkeypatch):
    path, suggested, dialog = print_with(qtbot, monkeypatch, tmp_path, page.print_record)
    assert dialog.language_combo.currentData() == "en"  # the organisation's language
    assert suggested.endswith("2021-03-04.pdf")
    text = pdf_text(path)
    assert "Zadruga Čebelica Đurđevka" in text and "Mojca Žagar" in text
    assert "4 March 2021" in text and "1.5" in text


def test_the_monthly_record_and_the_timesheet_print_the_month_chosen(ctx, qtbot, page, tmp_path, monkeypatch):
    path, suggested, dialog = print_with(qtbot, monkeypatch, tmp_path, page.print_monthly_record, "sl")
    assert dialog.month() == dt.date(2021, 3, 1)  # the month of the session chosen
    assert "2021-03" in suggested
    text = pdf_text(path)
    assert "Zadruga Čebelica Đurđevka" in text and "1,5" in text

    path, suggested, dialog = print_with(qtbot, monkeypatch, tmp_path, page.print_timesheet)
    assert dialog.month() == dt.date(2021, 3, 1)  # the month "my sessions" shows
    assert "Mojca Žagar" in pdf_text(path)
