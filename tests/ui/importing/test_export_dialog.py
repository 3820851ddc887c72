"""The export window: persons to XLSX and CSV read back, errors shown in the window, and an export
imported into a fresh data folder through the import window (the round trip)."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import tempfile
from pathlib import Path

import pytest
from import_wizard_helpers import import_now, open_wizard, preview_rows, to_preview
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from ui_helpers import make_context

from sociolab_desktop.core.services import person_search, persons, sites, staff
from sociolab_desktop.core.services.persons import PersonInput
from sociolab_desktop.ui.export_dialog import ExportDialog
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.workspace import open_workspace

PEOPLE = (
    PersonInput(first_name="Janja", last_name="Čeh", email="janja.ceh@example.com", birth_date=dt.date(1985, 6, 1),
                municipality_code="Maribor"),
    PersonInput(first_name="Rok", last_name="Šuštar", phone="041 234 567", notes="=HYPERLINK(\"x\")"),
    PersonInput(first_name="Vesna", last_name="Žagar", postal_code="2250", post_town="Ptuj"),
)


@pytest.fixture
def recorded(workspace) -> list[str]:
    return [persons.create_person(workspace.store, workspace.actor, person, today=dt.date.today()).id
            for person in PEOPLE]


def open_export(ctx, qtbot) -> ExportDialog:
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose_target(dialog: ExportDialog, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(path), ""))
    dialog.browse_button.click()


def export_now(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)


def test_persons_exported_to_xlsx_read_back_with_formulas_neutralised(ctx, qtbot, recorded, tmp_path, monkeypatch):
    dialog = open_export(ctx, qtbot)
    assert dialog.dataset() == "people" and dialog.file_format() == "xlsx"
    choose_target(dialog, monkeypatch, tmp_path / "osebe")  # no ending: the format's is added
    assert dialog.path_edit.text() == str(tmp_path / "osebe.xlsx")
    export_now(qtbot, dialog)
    target = tmp_path / "osebe.xlsx"
    tr = ctx.tr
    assert dialog.done_label.text() == tr.ngettext("Exported {count} record to {path}.",
                                                   "Exported {count} records to {path}.", 3).format(
        count=3, path=str(target))
    sheet = load_workbook(target, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_name = {row[header.index("last_name")]: row for row in rows[1:]}
    assert sorted(by_name) == sorted(["Čeh", "Šuštar", "Žagar"])
    assert by_name["Čeh"][header.index("email")] == "janja.ceh@example.com"
    assert by_name["Šuštar"][header.index("notes")] == "'=HYPERLINK(\"x\")"


def test_persons_exported_to_csv_by_keyboard_read_back(ctx, qtbot, recorded, tmp_path, monkeypatch):
    dialog = open_export(ctx, qtbot)
    choose_target(dialog, monkeypatch, tmp_path / "osebe.xlsx")
    dialog.format_combo.setFocus()
    qtbot.keyClick(dialog.format_combo, Qt.Key.Key_Down)  # the next format: CSV
    assert dialog.file_format() == "csv"
    assert dialog.path_edit.text() == str(tmp_path / "osebe.csv")  # the ending follows the format
    dialog.export_button.setFocus()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.busy)
    with (tmp_path / "osebe.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["last_name"] for row in rows) == sorted(["Čeh", "Šuštar", "Žagar"])
    assert {row["first_name"] for row in rows} == {"Janja", "Rok", "Vesna"}


def test_an_unwritable_folder_is_explained_in_the_window(ctx, qtbot, recorded, tmp_path, monkeypatch):
    dialog = open_export(ctx, qtbot)
    dialog.path_edit.setText(str(tmp_path / "missing" / "osebe.xlsx"))
    export_now(qtbot, dialog)
    assert dialog.error.isVisible() and str(tmp_path / "missing") in dialog.error.text()

    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # as a folder without write access answers
    dialog.path_edit.setText(str(tmp_path / "osebe.xlsx"))
    export_now(qtbot, dialog)
    assert dialog.error.isVisible() and "Permission denied" in dialog.error.text()
    assert str(tmp_path) in dialog.error.text() and not dialog.done_label.isVisible()
    assert not (tmp_path / "osebe.xlsx").exists()


def test_a_name_ending_that_disagrees_with_the_format_is_refused(ctx, qtbot, recorded, tmp_path):
    dialog = open_export(ctx, qtbot)
    dialog.path_edit.setText(str(tmp_path / "osebe.json"))
    export_now(qtbot, dialog)
    assert dialog.error.isVisible() and ".json" in dialog.error.text()
    assert not (tmp_path / "osebe.json").exists()


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_export_imports_into_a_fresh_data_folder_through_the_wizard(
        ctx, qtbot, recorded, tmp_path, monkeypatch, qapp, file_format):
    dialog = open_export(ctx, qtbot)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(file_format))
    target = tmp_path / f"osebe.{file_format}"
    choose_target(dialog, monkeypatch, target)
    export_now(qtbot, dialog)

    fresh = open_workspace(tmp_path / "fresh")
    site = sites.create_site(fresh.store, fresh.settings.site_id, "Informacijska točka Ptuj", "sl")
    fresh.settings.site_id, fresh.settings.site_name = site.id, site.name
    fresh.settings.current_staff_id = staff.add_staff(fresh.store, fresh.actor, "Ana Kralj", is_admin=True).id
    fresh.save_settings()
    fresh_ctx = make_context(fresh, qapp)
    try:
        wizard = open_wizard(fresh_ctx, qtbot)
        to_preview(qtbot, wizard, target)
        assert {row[1] for row in preview_rows(wizard)} == {fresh_ctx.tr.gettext("Ready")}
        import_now(qtbot, wizard)
        assert wizard.state.result.imported == 3
        found = {row.last_name: row for row in person_search.search_persons(fresh.store, None)}
        assert sorted(found) == sorted(["Čeh", "Šuštar", "Žagar"])
        assert found["Čeh"].email == "janja.ceh@example.com" and found["Šuštar"].phone == "041 234 567"
        assert [row.last_name for row in person_search.search_persons(fresh.store, "zagar")] == ["Žagar"]
    finally:
        fresh_ctx.dispose()
        fresh.close()


def test_the_file_menu_opens_both_windows(ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.menus.import_list.isEnabled() and window.menus.export_data.isEnabled()
    assert window.menus.import_list in window.menus.file_menu.actions()
    wizard = window.open_import_wizard()
    qtbot.addWidget(wizard)
    assert wizard.isVisible()
    wizard.list_requested.emit("organisations")
    assert window.current_area() == "organisations"
    wizard.reject()
    dialog = window.open_export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == ctx.tr.gettext("Export")
    dialog.reject()
