"""The import window driven like staff drive it: a Windows-1250 list with a bad row, the mapping,
the preview with its reasons, only the valid rows imported, and the files it refuses."""

from __future__ import annotations

import zipfile

from import_wizard_helpers import (
    BAD_EMSO,
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
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sociolab_desktop.core.services import person_search
from sociolab_desktop.core.services.importing import RowStatus


def _last_names(ctx, query: str | None = None) -> list[str]:
    return [row.last_name for row in person_search.search_persons(ctx.workspace.store, query)]


def test_bad_row_is_listed_with_its_number_and_reason_and_blocks_import(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, write_cp1250(tmp_path))
    tr = ctx.tr
    assert "Windows-1250" in wizard.source_page.status_label.text()
    rows = preview_rows(wizard)
    assert [row[0] for row in rows] == ["2", "3", "4", "5"]
    number, status, name, reasons = rows[2]
    assert (number, name) == ("4", "Boris Žagar")
    assert status == tr.gettext("Error")
    assert BAD_EMSO in reasons
    assert reasons.startswith(tr.gettext("“{column}”: {reason}").format(column="EMŠO", reason=""))
    assert [row[1] for row in rows].count(tr.gettext("Ready")) == 3
    # Nothing is half-imported: Import stays disabled and the page says why.
    assert not wizard.button(Button.CommitButton).isEnabled()
    reason = wizard.preview_page.import_blocked_reason()
    assert tr.gettext("Import only the valid rows") in reason
    assert wizard.button(Button.CommitButton).toolTip() == reason
    counts = wizard.preview_page.count_labels
    assert counts[RowStatus.READY].text() == tr.ngettext("{count} row ready", "{count} rows ready", 3).format(count=3)
    assert counts[RowStatus.INVALID].text() == tr.ngettext("{count} row with errors", "{count} rows with errors",
                                                          1).format(count=1)
    assert _last_names(ctx) == []


def test_only_valid_rows_are_imported_and_found_by_typing_without_accents(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    to_preview(qtbot, wizard, write_cp1250(tmp_path))
    qtbot.mouseClick(wizard.preview_page.only_valid_check, Qt.MouseButton.LeftButton)
    assert wizard.button(Button.CommitButton).isEnabled()
    assert wizard.preview_page.import_blocked_reason() == ""
    imported = []
    wizard.imported.connect(lambda kind, count: imported.append((kind, count)))
    import_now(qtbot, wizard)
    tr = ctx.tr
    page = wizard.result_page
    assert page.headline.text() == tr.ngettext("Imported {count} person.", "Imported {count} persons.",
                                               3).format(count=3)
    assert tr.ngettext("{count} row has errors and was not imported.",
                       "{count} rows have errors and were not imported.", 1).format(count=1) in page.details.text()
    assert imported == [("people", 3)]
    assert _last_names(ctx, "ceh") == ["Čeh"]
    assert _last_names(ctx, "sustar") == ["Šuštar"]
    assert _last_names(ctx, "zagar") == []  # the bad row was left out
    # "Open the list" asks the main window for the Clients area and closes.
    requested = []
    wizard.list_requested.connect(requested.append)
    click(qtbot, wizard, Button.CustomButton1)
    assert requested == ["clients"] and not wizard.isVisible()


def test_importing_the_same_list_again_reports_duplicates_instead_of_doubling(ctx, qtbot, tmp_path):
    path = write_cp1250(tmp_path)
    first = open_wizard(ctx, qtbot)
    to_preview(qtbot, first, path)
    first.preview_page.only_valid_check.setChecked(True)
    import_now(qtbot, first)
    second = open_wizard(ctx, qtbot)
    to_preview(qtbot, second, path)
    rows = {row[0]: row for row in preview_rows(second)}
    assert rows["2"][1] == ctx.tr.gettext("Possible duplicate") and "Janja Čeh" in rows["2"][3]
    second.preview_page.only_valid_check.setChecked(True)
    assert not second.button(Button.CommitButton).isEnabled()  # nothing new to import
    assert second.preview_page.import_blocked_reason()
    assert sorted(_last_names(ctx)) == sorted(["Čeh", "Šuštar", "Kovačič"])


def test_remapping_a_column_changes_the_preview(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    choose_file(qtbot, wizard, write_cp1250(tmp_path))
    click(qtbot, wizard, Button.NextButton)
    page = wizard.mapping_page
    emso_column = 3
    assert page.combos[emso_column].currentData() == "emso"
    # By keyboard: focus the EMŠO column's list and choose "Do not import" (the first entry).
    page.combos[emso_column].setFocus()
    QTest.keyClick(page.combos[emso_column], Qt.Key.Key_Home)
    assert wizard.state.mapping.fields[emso_column] is None
    assert "EMŠO" in page.notice_label.text()
    click(qtbot, wizard, Button.NextButton)
    wait_checked(qtbot, wizard)
    assert {row[1] for row in preview_rows(wizard)} == {ctx.tr.gettext("Ready")}
    assert wizard.button(Button.CommitButton).isEnabled()
    # Back, and the EMŠO column is checked again.
    click(qtbot, wizard, Button.BackButton)
    page.choose(emso_column, "emso")
    click(qtbot, wizard, Button.NextButton)
    wait_checked(qtbot, wizard)
    assert [row[1] for row in preview_rows(wizard)].count(ctx.tr.gettext("Error")) == 1


def test_missing_required_column_blocks_next_with_the_message(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    choose_file(qtbot, wizard, write_cp1250(tmp_path))
    click(qtbot, wizard, Button.NextButton)
    page = wizard.mapping_page
    page.choose(1, None)  # "Priimek": the last name
    assert not wizard.button(Button.NextButton).isEnabled()
    tr = ctx.tr
    assert page.error.isVisible()
    assert tr.gettext("“{field}”").format(field=tr.gettext('Last name')) in page.error.text()
    page.choose(1, "last_name")
    assert wizard.button(Button.NextButton).isEnabled() and not page.error.isVisible()
    # Two columns cannot fill one field: choosing it for another column frees the first.
    page.choose(4, "last_name")
    assert page.combos[1].currentData() is None and wizard.button(Button.NextButton).isEnabled()


def test_a_file_that_is_not_a_workbook_is_explained_on_the_first_page(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    fake = tmp_path / "seznam.xlsx"
    fake.write_text("Ime;Priimek\nAna;Čeh\n", encoding="utf-8")
    choose_file(qtbot, wizard, fake)
    page = wizard.source_page
    assert page.error.isVisible() and "seznam.xlsx" in page.error.text()
    assert not wizard.button(Button.NextButton).isEnabled()
    broken = tmp_path / "pokvarjen.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    choose_file(qtbot, wizard, broken)
    assert page.error.isVisible() and "pokvarjen.xlsx" in page.error.text()
    empty = tmp_path / "prazen.csv"
    empty.write_bytes(b"")
    choose_file(qtbot, wizard, empty)
    assert "prazen.csv" in page.error.text() and not wizard.button(Button.NextButton).isEnabled()
    # A good file clears the message and lets the wizard go on.
    choose_file(qtbot, wizard, write_cp1250(tmp_path))
    assert not page.error.isVisible() and wizard.button(Button.NextButton).isEnabled()


def test_a_utf16_file_gets_the_encoding_message(ctx, qtbot, tmp_path):
    wizard = open_wizard(ctx, qtbot)
    path = tmp_path / "unicode.csv"
    path.write_bytes("Ime;Priimek\nAna;Čeh\n".encode("utf-16"))
    choose_file(qtbot, wizard, path)
    assert "Windows-1250" in wizard.source_page.error.text()
