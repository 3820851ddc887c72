"""Helpers for the import and export window tests: sample lists, opening the wizard, stepping through."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from sociolab_desktop.ui.importing import ImportWizard

Button = QWizard.WizardButton
# Fictional people, as Slovenian Excel saves "CSV (ločeno s podpičji)": Windows-1250, `;`, CRLF.
# Row 4 (the header is row 1) has an EMŠO with a wrong check digit.
BAD_EMSO = "1503990500122"
PEOPLE_CP1250 = (
    "Ime;Priimek;Datum rojstva;EMŠO;E-pošta;Telefon;Občina\r\n"
    "Janja;Čeh;1. 6. 1985;;janja.ceh@example.com;041 234 567;Maribor\r\n"
    "Rok;Šuštar;3.2.2001;;rok.sustar@example.net;;Ptuj\r\n"
    f"Boris;Žagar;15.03.1990;{BAD_EMSO};boris.zagar@example.com;;Hoče - Slivnica\r\n"
    "Vesna;Kovačič;1990-09-09;;;031 555 666;Slovenska Bistrica\r\n"
)


def write_cp1250(folder: Path, text: str = PEOPLE_CP1250, name: str = "udelezenci.csv") -> Path:
    path = folder / name
    path.write_bytes(text.encode("cp1250"))
    return path


def open_wizard(ctx, qtbot) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def choose_file(qtbot, wizard: ImportWizard, path: Path) -> None:
    wizard.source_page.set_path(path)
    qtbot.waitUntil(lambda: not wizard.source_page.reading)


def click(qtbot, wizard: ImportWizard, button: Button) -> None:
    widget = wizard.button(button)
    assert widget.isVisible() and widget.isEnabled(), f"{button} is not available"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def wait_checked(qtbot, wizard: ImportWizard) -> None:
    page = wizard.preview_page
    qtbot.waitUntil(lambda: not page.checking and (page.state.plan is not None or page.error.isVisible()))


def to_preview(qtbot, wizard: ImportWizard, path: Path, *, organisations: bool = False) -> None:
    """Choose `path`, accept the proposed mapping and wait for the checked rows."""
    if organisations:
        wizard.source_page.organisations_radio.setChecked(True)
    choose_file(qtbot, wizard, path)
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.mapping_page
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.preview_page
    wait_checked(qtbot, wizard)


def import_now(qtbot, wizard: ImportWizard) -> None:
    click(qtbot, wizard, Button.CommitButton)
    assert wizard.currentPage() is wizard.result_page
    qtbot.waitUntil(lambda: not wizard.is_importing())


def preview_rows(wizard: ImportWizard) -> list[tuple[str, str, str, str]]:
    """The preview table as shown: row number, status, name, reasons."""
    model = wizard.preview_page.model
    return [tuple(model.data(model.index(row, column)) for column in range(model.columnCount()))
            for row in range(model.rowCount())]
