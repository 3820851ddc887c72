"""Importing an online form's registrations from the event window: the wizard opens preset to the
event, the preview says what each row does and who waits, and the event window then lists the new
registrations. Also: the main import window's "Registrations for an event" choice and its picker."""

from __future__ import annotations

from events_helpers import DAY_1, show
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.importing import RowStatus, registration_text
from sociolab_desktop.ui.events.event_labels import status_label
from sociolab_desktop.ui.events.event_tables import R_ESF, R_NAME, R_STATUS
from sociolab_desktop.ui.events.event_window import EventWindow
from sociolab_desktop.ui.importing import ImportWizard
from sociolab_desktop.ui.importing.preview_page import outcome_html

Button = QWizard.WizardButton
FORM = ("Ime;Priimek;E-pošta;Telefon;Občina\r\n"
        "Ana;Čeh;ana.ceh@example.si;041 111 222;Maribor\r\n"  # 2: recorded
        "Rok;Šuštar;rok.sustar@example.net;031 555 666;Ptuj\r\n"  # 3: new
        "Rok;Šuštar;rok.sustar@example.net;;Ptuj\r\n"  # 4: the same as row 3
        "Boris;Žagar;boris.zagar@example.com;;Lenart\r\n"  # 5: already registered
        "Cilka;Kos;cilka.kos.example.com;;Maribor\r\n"  # 6: not an e-mail address
        "Vesna;Kovačič;vesna@example.org;;Ormož\r\n")  # 7: new, the event is full: waiting


def _form(tmp_path):
    path = tmp_path / "prijave.csv"
    path.write_bytes(FORM.encode("cp1250"))
    return path


def _click(qtbot, wizard: ImportWizard, button: Button) -> None:
    widget = wizard.button(button)
    assert widget.isVisible() and widget.isEnabled(), f"{button} is not available"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _to_preview(qtbot, wizard: ImportWizard, path) -> None:
    wizard.source_page.set_path(path)
    qtbot.waitUntil(lambda: not wizard.source_page.reading)
    _click(qtbot, wizard, Button.NextButton)
    _click(qtbot, wizard, Button.NextButton)
    assert wizard.currentPage() is wizard.preview_page
    page = wizard.preview_page
    qtbot.waitUntil(lambda: not page.checking and (page.state.plan is not None or page.error.isVisible()))


def _rows(window) -> list[tuple[str, str, str]]:
    table = window.registrations_table
    return sorted((table.item(row, R_NAME).text(), table.item(row, R_STATUS).text(), table.item(row, R_ESF).text())
                  for row in range(table.rowCount()))


def test_the_event_window_imports_a_form_and_lists_the_new_registrations(qtbot, ctx, event_kit, workspace, tmp_path):
    tr = ctx.tr
    event_id, _sessions = event_kit.event("Delavnica za zadruge", capacity=3)
    event_kit.person("Ana", "Čeh", email="ana.ceh@example.si")
    rg.register_person(workspace.store, workspace.actor, event_id,
                       event_kit.person("Boris", "Žagar", email="boris.zagar@example.com"), today=DAY_1)
    window = show(qtbot, EventWindow(ctx, event_id))
    qtbot.waitUntil(lambda: window.view is not None)
    assert window.registrations_table.rowCount() == 1

    qtbot.mouseClick(window.buttons["import"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.dialogs))
    wizard = window.dialogs[-1]
    assert isinstance(wizard, ImportWizard)
    qtbot.waitExposed(wizard)
    source = wizard.source_page
    assert source.registrations_radio.isChecked() and not source.registrations_radio.isEnabled()
    assert source.chosen_event() == event_id and "Delavnica za zadruge" in wizard.windowTitle()

    _to_preview(qtbot, wizard, _form(tmp_path))
    plan = wizard.state.plan
    assert isinstance(plan, importing.RegistrationPlan)
    assert [row.status for row in plan.rows] == [RowStatus.READY, RowStatus.READY, RowStatus.SKIPPED,
                                                 RowStatus.SKIPPED, RowStatus.INVALID, RowStatus.READY]
    page = wizard.preview_page
    reasons = {row[0]: row[3] for row in _preview_rows(page)}
    assert tr.gettext("The event is full: goes on the waiting list (place {place}).").format(place=1) in reasons["7"]
    assert "cilka.kos.example.com" in reasons["6"]
    assert not wizard.button(Button.CommitButton).isEnabled()  # a bad row: all or nothing
    qtbot.mouseClick(page.only_valid_check, Qt.MouseButton.LeftButton)
    assert page.outcome_label.text() == outcome_html(registration_text.preview_lines(plan, tr, allow_duplicates=False))
    assert page.count_labels[RowStatus.SKIPPED].text() == registration_text.status_counts(plan, tr)[RowStatus.SKIPPED]

    _click(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: not wizard.is_importing())
    result = wizard.state.result
    assert result.imported == 3 and not result.refused
    assert wizard.result_page.headline.text() == registration_text.summary_lines(
        result, tr, allow_duplicates=False)[0]
    assert not wizard.button(Button.CustomButton1).isVisible()  # the event window shows them

    qtbot.waitUntil(lambda: window.registrations_table.rowCount() == 4)
    registered, waiting = status_label(tr, "registered", None), status_label(tr, "waiting", 1)
    complete, incomplete = tr.gettext("complete"), tr.gettext("incomplete")
    assert _rows(window) == sorted([("Čeh Ana", registered, complete), ("Žagar Boris", registered, complete),
                                    ("Šuštar Rok", registered, incomplete), ("Kovačič Vesna", waiting, incomplete)])


def _preview_rows(page) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.data(model.index(row, column)) for column in range(model.columnCount()))
            for row in range(model.rowCount())]


def test_the_import_window_offers_registrations_with_an_event_picker(qtbot, ctx, event_kit, tmp_path):
    event_id, _sessions = event_kit.event("Sejem socialne ekonomije", event_type="fair", capacity=None)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    source = wizard.source_page
    source.set_path(_form(tmp_path))
    qtbot.waitUntil(lambda: not source.reading)
    assert not source.event_combo.isVisible()
    qtbot.mouseClick(source.registrations_radio, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: source.event_combo.count() == 1)
    # No event is taken for granted: Next waits for the choice.
    assert source.event_combo.isVisible() and source.chosen_event() is None
    assert not wizard.button(Button.NextButton).isEnabled()
    source.event_combo.setCurrentIndex(0)
    assert "Sejem socialne ekonomije" in source.event_combo.currentText()
    assert source.chosen_event() == event_id and wizard.button(Button.NextButton).isEnabled()
    _click(qtbot, wizard, Button.NextButton)
    _click(qtbot, wizard, Button.NextButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: not page.checking and page.state.plan is not None)
    assert isinstance(page.state.plan, importing.RegistrationPlan) and page.state.plan.event.id == event_id
