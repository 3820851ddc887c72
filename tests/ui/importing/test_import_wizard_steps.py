"""The import window step by step: sheets of a workbook, a path typed by hand, the keyboard alone,
a corrected file checked again, organisations, the language switch and the preview's model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from import_wizard_helpers import (
    PEOPLE_CP1250,
    Button,
    choose_file,
    click,
    import_now,
    open_wizard,
    preview_rows,
    to_preview,
    wait_checked,
    write_cp1250,
)
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_helpers import type_text

from sociolab_desktop.core.services import importing, organisations, person_search
from sociolab_desktop.ui.importing.preview_model import PreviewModel
from sociolab_desktop.ui.importing.preview_page import CheckAbandoned, check_plan

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def _workbook(path: Path) -> Path:
    workbook = Workbook()
    first = workbook.active
    first.title = "Navodila"
    first.append(["Izpolnite list Udeleženci", "in ga pošljite"])
    first.append(["Ime", "Opis"])
    first.append(["x", "y"])
    people = workbook.create_sheet("Udeleženci")
    people.append(["Ime in priimek", "E-pošta"])
    people.append(["Janja Čeh", "janja.ceh@example.com"])
    people.append(["Rok Šuštar", None])
    workbook.save(path)
    return path


def test_a_workbooks_sheet_is_chosen_on_the_first_page(ctx, qtbot, tmp_path, monkeypatch):
    wizard = open_wizard(ctx, qtbot)
    page = wizard.source_page
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(_workbook(tmp_path / "a.xlsx")), ""))
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.reading)
    assert page.sheet_combo.isVisibleTo(wizard)
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == ["Navodila", "Udeleženci"]
    assert wizard.state.table.sheet == "Navodila"
    page.sheet_combo.setCurrentIndex(1)
    page.sheet_combo.activated.emit(1)
    qtbot.waitUntil(lambda: not page.reading and wizard.state.table is not None)
    assert wizard.state.table.sheet == "Udeleženci" and "Udeleženci" in page.status_label.text()
    click(qtbot, wizard, Button.NextButton)
    assert wizard.state.mapping.fields == ("full_name", "email")
    click(qtbot, wizard, Button.NextButton)
    wait_checked(qtbot, wizard)
    assert [row[2] for row in preview_rows(wizard)] == ["Janja Čeh", "Rok Šuštar"]


def test_a_typed_path_is_read_once_typing_pauses(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    page = wizard.source_page
    page.path_edit.setFocus()
    type_text(page.path_edit, str(tmp_path / "ni-ga.csv"))
    qtbot.waitUntil(lambda: page.error.isVisible())
    assert "ni-ga.csv" in page.error.text() and not wizard.button(Button.NextButton).isEnabled()
    page.path_edit.clear()
    type_text(page.path_edit, str(write_cp1250(tmp_path, name="čšž.csv")))
    qtbot.waitUntil(lambda: wizard.button(Button.NextButton).isEnabled())
    assert not page.error.isVisible()


def test_the_whole_import_by_keyboard(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    choose_file(qtbot, wizard, write_cp1250(tmp_path))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next
    assert wizard.currentPage() is wizard.mapping_page
    assert QApplication.focusWidget() is wizard.mapping_page.combos[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next
    wait_checked(qtbot, wizard)
    preview = wizard.preview_page
    assert QApplication.focusWidget() is preview.table
    qtbot.keyClick(preview.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is preview.problems_check
    qtbot.keyClick(preview.problems_check, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is preview.only_valid_check
    qtbot.keyClick(preview.only_valid_check, Qt.Key.Key_Space)
    assert wizard.button(Button.CommitButton).isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Import
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page and not wizard.is_importing())
    assert [row.last_name for row in person_search.search_persons(ctx.workspace.store, "kovacic")] == ["Kovačič"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Close
    assert not wizard.isVisible()


def test_a_corrected_file_is_checked_again_without_leaving_the_preview(ctx, qtbot, tmp_path):
    path = write_cp1250(tmp_path)
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, path)
    assert not wizard.button(Button.CommitButton).isEnabled()
    write_cp1250(tmp_path, PEOPLE_CP1250.replace("1503990500122", ""))  # staff fix row 4 in Excel
    qtbot.mouseClick(wizard.preview_page.recheck_button, Qt.MouseButton.LeftButton)
    wait_checked(qtbot, wizard)
    assert {row[1] for row in preview_rows(wizard)} == {ctx.tr.gettext("Ready")}
    assert wizard.button(Button.CommitButton).isEnabled()
    write_cp1250(tmp_path, "Ime;Priimek\r\nAna;Novak\r\n")  # other columns: the mapping no longer fits
    qtbot.mouseClick(wizard.preview_page.recheck_button, Qt.MouseButton.LeftButton)
    wait_checked(qtbot, wizard)
    assert wizard.preview_page.error.isVisible() and path.name in wizard.preview_page.error.text()
    assert not wizard.button(Button.CommitButton).isEnabled()


def test_problem_filter_and_duplicates_anyway(ctx, qtbot, tmp_path):
    text = PEOPLE_CP1250 + "Janja;Čeh;1. 6. 1985;;janja.ceh@example.com;;Maribor\r\n"  # row 6 repeats row 2
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, write_cp1250(tmp_path, text))
    preview, tr = wizard.preview_page, ctx.tr
    preview.problems_check.setChecked(True)
    assert [row[0] for row in preview_rows(wizard)] == ["4", "6"]
    assert "Janja Čeh" in preview_rows(wizard)[1][3]
    preview.table.selectRow(1)
    assert preview.detail.text().startswith(tr.gettext("Row {row}:").format(row=6))
    preview.only_valid_check.setChecked(True)
    def will_add(count: int) -> str:
        return tr.ngettext("Import will add {count} person.", "Import will add {count} persons.",
                           count).format(count=count)

    assert preview.outcome_label.text() == will_add(3)
    assert preview.duplicates_check.isEnabled()
    preview.duplicates_check.setChecked(True)
    assert preview_rows(wizard)[1][1] == tr.gettext("Duplicate, imported anyway")
    assert preview.outcome_label.text() == will_add(4)
    import_now(qtbot, wizard)
    assert wizard.state.result.imported == 4
    assert len(person_search.search_persons(ctx.workspace.store, "ceh")) == 2


def test_organisations_are_imported_and_their_list_requested(ctx, qtbot):
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, SAMPLES / "organisations_cp1250.csv", organisations=True)
    assert wizard.state.kind == "organisations"
    assert len(preview_rows(wizard)) == 3
    import_now(qtbot, wizard)
    assert wizard.result_page.headline.text() == ctx.tr.ngettext(
        "Imported {count} organisation.", "Imported {count} organisations.", 3).format(count=3)
    assert organisations.count_organisations(ctx.workspace.store) == 3
    requested = []
    wizard.list_requested.connect(requested.append)
    click(qtbot, wizard, Button.CustomButton1)
    assert requested == ["organisations"]


def test_language_switch_retranslates_the_preview(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, write_cp1250(tmp_path))
    ctx.set_language("en", save=False)
    assert wizard.windowTitle() == "Import persons or organisations"
    assert wizard.button(Button.CommitButton).text() == "Import"
    assert preview_rows(wizard)[2][1] == "Error"
    assert "has a wrong check digit" in preview_rows(wizard)[2][3]
    assert wizard.preview_page.import_blocked_reason().startswith("Nothing is imported while 1 row has errors.")


def test_the_window_stays_open_while_rows_are_written(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    wizard.result_page.importing = True  # as while the transaction runs
    wizard.reject()
    assert wizard.isVisible()
    wizard.result_page.importing = False
    wizard.reject()
    assert not wizard.isVisible()


def test_preview_model_is_a_well_behaved_model(ctx, qtbot, qtmodeltester, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, write_cp1250(tmp_path))
    model = PreviewModel(ctx.tr)
    model.set_plan(wizard.state.plan)
    qtmodeltester.check(model)
    model.set_problems_only(True)
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_an_abandoned_check_stops_at_its_next_report(workspace, tmp_path):
    text = "Ime;Priimek\r\n" + "".join(f"Ana;Novak{i}\r\n" for i in range(450))
    table = importing.read_table(write_cp1250(tmp_path, text))
    mapping = importing.propose_mapping("people", table.headers)
    reports = []
    with pytest.raises(CheckAbandoned):
        check_plan(workspace.store, "people", table, mapping, dt.date.today(), lambda *args: reports.append(args),
                   abandoned=lambda: True)
    assert reports == []
    plan = check_plan(workspace.store, "people", table, mapping, dt.date.today(), lambda *args: reports.append(args))
    assert len(plan.rows) == 450 and reports
