"""The import wizard's first page: what the list holds (registrations: for which event), which file, read in a worker.

The file is read as soon as it is chosen, so a file that cannot be imported (empty, the wrong
encoding, not really a workbook …) is explained on this page, before any mapping.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from sociolab_desktop.core.services import importing
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.importing.import_state import ImportState
from sociolab_desktop.ui.importing.import_text import how_read
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

# A path typed by hand is read once typing pauses.
TYPING_PAUSE_MS = 500


def read_source(path: Path, sheet: str | None) -> tuple[importing.SourceTable, tuple[str, ...]]:
    """In a worker: the table and, for a workbook, its sheets."""
    return importing.read_table(path, sheet=sheet), importing.sheet_names(path)


class SourcePage(QWizardPage):
    def __init__(self, ctx: ShellContext, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSourcePage")
        self.ctx = ctx
        self.state = state
        self.reading = False
        self._generation = 0
        self._read_key: tuple[str, str | None] | None = None  # what the shown table was read from

        self.people_radio = QRadioButton(objectName="importPeople")
        self.organisations_radio = QRadioButton(objectName="importOrganisations")
        self.registrations_radio = QRadioButton(objectName="importRegistrations")
        self.people_radio.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.people_radio)
        self.kind_group.addButton(self.organisations_radio)
        self.kind_group.addButton(self.registrations_radio)
        self.kind_group.buttonToggled.connect(self._on_kind_toggled)
        kind_box = QWidget()
        kind_layout = QVBoxLayout(kind_box)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.people_radio)
        kind_layout.addWidget(self.organisations_radio)
        kind_layout.addWidget(self.registrations_radio)
        self.kind_label = QLabel()
        self.event_combo = QComboBox(objectName="importEvent")
        self.event_combo.setMinimumWidth(320)
        self.event_combo.currentIndexChanged.connect(lambda _index: self.completeChanged.emit())
        self.event_label = QLabel(buddy=self.event_combo)
        self.events_asked = False  # the events are read once, when registrations are first chosen
        self.registration_hint = QLabel(wordWrap=True, objectName="importRegistrationHint")
        mute(self.registration_hint)

        self.path_edit = QLineEdit(objectName="importPath")
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textEdited.connect(lambda _text: self.typing_timer.start())
        self.path_edit.editingFinished.connect(self._read_now)
        self.typing_timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.typing_timer.timeout.connect(self._read_now)
        self.browse_button = QPushButton(objectName="importBrowse")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        self.browse_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self)
        self.browse_shortcut.activated.connect(self.browse)
        file_box = QWidget()
        file_layout = QHBoxLayout(file_box)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.path_edit, 1)
        file_layout.addWidget(self.browse_button)
        self.file_label = QLabel(buddy=self.path_edit)

        self.sheet_combo = QComboBox(objectName="importSheet")
        self.sheet_combo.setMinimumWidth(220)
        self.sheet_combo.activated.connect(lambda _index: self._read_now())
        self.sheet_label = QLabel(buddy=self.sheet_combo)

        self.hint = QLabel(wordWrap=True, objectName="importFileHint")
        mute(self.hint)
        self.status_label = QLabel(wordWrap=True, objectName="importReadStatus")
        self.error = InlineError()

        self.form = QFormLayout()
        self.form.addRow(self.kind_label, kind_box)
        self.form.addRow(self.event_label, self.event_combo)
        self.form.addRow(self.file_label, file_box)
        self.form.addRow(self.sheet_label, self.sheet_combo)
        self.form.setRowVisible(self.sheet_combo, False)
        self.form.setRowVisible(self.event_combo, False)
        self.registration_hint.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.registration_hint)
        layout.addSpacing(8)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error)
        layout.addStretch(1)
        QWidget.setTabOrder(self.people_radio, self.organisations_radio)
        QWidget.setTabOrder(self.organisations_radio, self.path_edit)
        QWidget.setTabOrder(self.path_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.sheet_combo)
        QWidget.setTabOrder(self.organisations_radio, self.registrations_radio)
        QWidget.setTabOrder(self.registrations_radio, self.event_combo)
        QWidget.setTabOrder(self.event_combo, self.path_edit)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setTitle(_("Choose the list to import"))
        self.setSubTitle(_("Persons or organisations from an Excel workbook (XLSX) or a CSV file."))
        self.kind_label.setText(_("The list holds:"))
        self.people_radio.setText(_("Persons (clients, participants)"))
        self.organisations_radio.setText(_("Organisations (social enterprises, cooperatives, initiatives)"))
        self.registrations_radio.setText(_("Registrations for an event (each row a person, e.g. an online form's "
                                           "export)"))
        self.event_label.setText(_("Event:"))
        # Not the newest event by default: registering into the wrong one would be easy to miss.
        none_yet = self.events_asked and not self.event_combo.count()
        self.event_combo.setPlaceholderText(_("No events yet: create the event on the Events page first.") if none_yet
                                            else _("Choose the event…"))
        self.registration_hint.setText(_(
            "A row that is a recorded person (same EMŠO, e-mail address, or name and date of birth) registers "
            "them; any other row records a new person, flagged incomplete for ESF when the list lacks ESF data, "
            "and registers them. Nobody is registered twice. Beyond the event's places, persons go on the "
            "waiting list in the order of the file."))
        self.file_label.setText(_("File:"))
        self.path_edit.setPlaceholderText(_("The path of a .xlsx or .csv file"))
        self.browse_button.setText(_("Choose…"))
        self.browse_button.setToolTip(self.browse_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        self.sheet_label.setText(_("Sheet:"))
        self.sheet_combo.setToolTip(_("The sheet of the Excel workbook that holds the list; choosing another reads "
                                      "that one."))
        self.hint.setText(_(
            "The first row of the list names the columns (for example Ime, Priimek, E-pošta, Datum rojstva). "
            "CSV files may be in UTF-8 or Windows-1250, separated by semicolons or commas, as Excel saves "
            "them. Nothing is written before the last step."))
        if self.state.table is not None and not self.reading:
            self.status_label.setText(how_read(self.state.table, tr))
        elif self.reading:
            self.status_label.setText(_("Reading the file…"))

    # --- what and where --------------------------------------------------------------------

    def kind(self) -> str:
        """Registrations are a list of persons too: the columns are a person's."""
        return importing.ORGANISATIONS if self.organisations_radio.isChecked() else importing.PEOPLE

    def chosen_event(self) -> str | None:
        """The event to register for (None: the list is not of registrations, or no event is chosen)."""
        return self.event_combo.currentData() if self.registrations_radio.isChecked() else None

    def preset_event(self, event_id: str, title: str) -> None:
        """Opened from an event's window: registrations for that event, nothing else to choose."""
        self.events_asked = True
        self.event_combo.clear()
        self.event_combo.addItem(title, event_id)
        self.registrations_radio.setChecked(True)
        for widget in (self.people_radio, self.organisations_radio, self.registrations_radio, self.event_combo):
            widget.setEnabled(False)
        self.state.event_id = event_id

    def _on_kind_toggled(self, _button, checked: bool) -> None:
        if checked:
            self.state.kind = self.kind()
        registrations = self.registrations_radio.isChecked()
        self.form.setRowVisible(self.event_combo, registrations)
        self.registration_hint.setVisible(registrations)
        if registrations and not self.events_asked:
            self.events_asked = True
            from sociolab_desktop.core.services.events.events import list_events

            store = self.ctx.workspace.store
            self.ctx.operations.run(lambda: list_events(store), on_success=self._on_events, owner=self)
        self.completeChanged.emit()

    def _on_events(self, events) -> None:
        tr = self.ctx.tr
        self.event_combo.clear()
        for event in events:
            title = event.title_en if tr.language == "en" and event.title_en else event.title_sl
            when = tr.format_date(event.first_date, "numeric") if event.first_date else ""
            self.event_combo.addItem(f"{title} ({when})" if when else title, event.id)
        self.event_combo.setCurrentIndex(-1)
        self.retranslate(tr)
        self.completeChanged.emit()

    def browse(self) -> None:
        tr = self.ctx.tr
        current = self.path_edit.text().strip()
        folder = str(Path(current).parent) if current else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, tr.gettext("Choose the list to import"), folder,
            tr.gettext("Lists (*.xlsx *.xlsm *.csv *.txt);;All files (*)"))
        if path:
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        """Show `path` and read it (what choosing a file does: again, if it was corrected meanwhile)."""
        self.path_edit.setText(str(path))
        self._read_key = None
        self._read_now()

    def _read_now(self) -> None:
        self.typing_timer.stop()
        text = self.path_edit.text().strip().strip('"')  # Windows' "Copy as path" adds quotes
        # A sheet chosen applies to the file it was offered for; a new file starts at its first sheet.
        same_file = self._read_key is not None and self._read_key[0] == text
        sheet = self.sheet_combo.currentText() if same_file and self.sheet_combo.count() > 1 else None
        key = (text, sheet)
        if key == self._read_key:
            return
        self._read_key = key
        self._generation += 1
        generation = self._generation
        self.state.table = None
        self.error.clear_error()
        self.completeChanged.emit()
        if not text:
            self._show_sheets(())
            self.status_label.clear()
            self._read_key = None
            return
        self.reading = True
        self.status_label.setText(self.ctx.tr.gettext("Reading the file…"))
        path = Path(text).expanduser()
        self.ctx.operations.run(lambda: read_source(path, sheet),
                                on_success=lambda result: self._on_read(generation, result),
                                on_failure=lambda error: self._on_failed(generation, error), owner=self)

    def _on_read(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        table, sheets = result
        self.reading = False
        self.state.table = table
        # The sheet read is the one shown, so a later focus change does not read it again.
        self._read_key = (self._read_key[0], table.sheet if len(sheets) > 1 else None)
        self._show_sheets(sheets, table.sheet)
        self.status_label.setText(how_read(table, self.ctx.tr))
        self.completeChanged.emit()

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.reading = False
        self.status_label.clear()
        self._read_key = None  # the same file may be corrected and chosen again
        self._show_sheets(())
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)
        self.completeChanged.emit()

    def _show_sheets(self, sheets: tuple[str, ...], current: str | None = None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(sheets))
        if current:
            self.sheet_combo.setCurrentText(current)
        self.sheet_combo.blockSignals(False)
        # One sheet needs no choice; a CSV file has none.
        self.form.setRowVisible(self.sheet_combo, len(sheets) > 1)

    # --- QWizardPage -----------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.path_edit.setFocus()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        registrations_ready = not self.registrations_radio.isChecked() or self.chosen_event() is not None
        return self.state.table is not None and not self.reading and registrations_ready

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.state.kind = self.kind()
        self.state.event_id = self.chosen_event()
        return self.isComplete()
