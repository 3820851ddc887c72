"""The export window: persons, organisations or contacts written to an XLSX, CSV or JSON file in a worker.

The file holds every record with every column (as `sociolab-desktop export` writes it), so that it
can be compared, archived or imported into another data folder; cells a spreadsheet would run as
formulas are neutralised by the service.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop import APP_NAME
from sociolab_desktop.core.services import export
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.operations import Progress
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

DATASETS = (
    ("people", N_("Clients (persons)")),
    ("organisations", N_("Organisations")),
    ("contacts", N_("Contacts (visits, calls, e-mails)")),
)
FORMATS = (
    ("xlsx", N_("Excel workbook (.xlsx)")),
    ("csv", N_("CSV text file, UTF-8, comma-separated (.csv)")),
    ("json", N_("JSON, for other programs (.json)")),
)
FILE_FILTERS = {"xlsx": N_("Excel workbooks (*.xlsx)"), "csv": N_("CSV files (*.csv)"),
                "json": N_("JSON files (*.json)")}
FILE_NAMES = {"people": N_("persons-{date}"), "organisations": N_("organisations-{date}"),
              "contacts": N_("contacts-{date}")}


def _combo(object_name: str, choices) -> QComboBox:
    combo = QComboBox(objectName=object_name)
    for value, _label in choices:
        combo.addItem("", value)
    return combo


class ExportDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None, dataset: str = "people") -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.ctx = ctx
        self.busy = False
        self.written: Path | None = None  # the last file written
        self._suggested = ""  # the name last proposed; a name typed by staff is left alone

        self.dataset_combo = _combo("exportDataset", DATASETS)
        self.dataset_combo.setCurrentIndex(max(self.dataset_combo.findData(dataset), 0))
        self.dataset_label = QLabel(buddy=self.dataset_combo)
        self.format_combo = _combo("exportFormat", FORMATS)
        self.format_label = QLabel(buddy=self.format_combo)
        self.path_edit = QLineEdit(objectName="exportPath")
        self.path_edit.setMinimumWidth(420)
        self.browse_button = QPushButton(objectName="exportBrowse")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        file_box = QWidget()
        file_layout = QHBoxLayout(file_box)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.path_edit, 1)
        file_layout.addWidget(self.browse_button)
        self.path_label = QLabel(buddy=self.path_edit)
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_changed)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)

        self.note = QLabel(wordWrap=True, objectName="exportNote")
        mute(self.note)
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(objectName="exportProgressText")
        self.error = InlineError()
        self.done_label = QLabel(wordWrap=True, objectName="exportDone")
        self.folder_button = QPushButton(objectName="exportOpenFolder")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.open_folder)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.dataset_label, self.dataset_combo)
        form.addRow(self.format_label, self.format_combo)
        form.addRow(self.path_label, file_box)
        done = QHBoxLayout()
        done.addWidget(self.done_label, 1)
        done.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(done)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.dataset_combo, self.format_combo)
        QWidget.setTabOrder(self.format_combo, self.path_edit)
        QWidget.setTabOrder(self.path_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.close_button)
        self._show_busy(False)
        self._show_done(None)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.resize(660, self.heightForWidth(660) if self.hasHeightForWidth() else self.sizeHint().height())
        self.dataset_combo.setFocus()

    # --- choices ---------------------------------------------------------------------------

    def dataset(self) -> str:
        return self.dataset_combo.currentData()

    def file_format(self) -> str:
        return self.format_combo.currentData()

    def suggested_name(self) -> str:
        stem = self.ctx.tr.gettext(FILE_NAMES[self.dataset()]).format(date=dt.date.today().isoformat())
        return f"{stem}.{self.file_format()}"

    def _suggest_path(self) -> None:
        current = self.path_edit.text().strip()
        if current and current != self._suggested:
            return
        folder = Path(current).parent if current else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self._suggested = str(folder / self.suggested_name())
        self.path_edit.setText(self._suggested)

    def _on_dataset_changed(self) -> None:
        self._suggest_path()
        self._show_done(None)

    def _on_format_changed(self) -> None:
        """The file name's ending follows the format (a name typed without a known ending is kept)."""
        text = self.path_edit.text().strip()
        if text == self._suggested:
            self._suggest_path()
        elif text:
            path = Path(text)
            if path.suffix.lower() in export.EXTENSIONS:
                self.path_edit.setText(str(path.with_suffix(f".{self.file_format()}")))
        self._show_done(None)

    def browse(self) -> None:
        tr = self.ctx.tr
        path, _filter = QFileDialog.getSaveFileName(self, tr.gettext("Export to file"), self.path_edit.text(),
                                                    tr.gettext(FILE_FILTERS[self.file_format()]))
        if not path:
            return
        chosen = Path(path)
        known = export.EXTENSIONS.get(chosen.suffix.lower())
        if known is None:
            chosen = chosen.with_name(f"{chosen.name}.{self.file_format()}")
        self.path_edit.setText(str(chosen))
        if known is not None and known != self.file_format():
            self.format_combo.setCurrentIndex(self.format_combo.findData(known))

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    # --- exporting -------------------------------------------------------------------------

    def _target(self) -> Path:
        text = self.path_edit.text().strip().strip('"')
        if not text:
            raise UserError(N_("Choose the file to write with “Choose…”, or type its full path."))
        target = Path(text).expanduser()
        if not target.is_absolute():
            raise UserError(N_("{path} is not a full path. Choose the file with “Choose…”, or type its folder "
                               "too."), path=text)
        if target.suffix.lower() not in export.EXTENSIONS:
            target = target.with_name(f"{target.name}.{self.file_format()}")
        export.choose_format(self.file_format(), target)  # the ending and the format agree
        return target

    def _replace_allowed(self, target: Path) -> bool:
        if not target.exists() or target.is_dir() or target == self.written:
            return True
        tr = self.ctx.tr
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          tr.gettext("{name} already exists. Replace it?").format(name=target.name), parent=self)
        replace = box.addButton(tr.gettext("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.setEscapeButton(box.addButton(tr.gettext("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is replace

    def start_export(self) -> None:
        if self.busy:
            return
        self.error.clear_error()
        self._show_done(None)
        try:
            target = self._target()
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        if not self._replace_allowed(target):
            return
        store, dataset, file_format = self.ctx.workspace.store, self.dataset(), self.file_format()
        self._show_busy(True)

        def work(report):
            return export.export_dataset(store, dataset, file_format, target, progress=lambda count: report(count))

        self.ctx.operations.run(work, on_success=lambda count: self._on_exported(target, count),
                                on_failure=self._on_failed, on_progress=self._on_progress, owner=self)

    def _on_progress(self, progress: Progress) -> None:
        tr = self.ctx.tr
        self.progress_label.setText(tr.ngettext("{count} record written…", "{count} records written…",
                                                progress.done).format(count=tr.format_number(progress.done)))

    def _on_exported(self, target: Path, count: int) -> None:
        self._show_busy(False)
        self.written = target
        self._show_done(count)

    def _on_failed(self, error: BaseException) -> None:
        self._show_busy(False)
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
            self.path_edit.setFocus()  # most refusals are about the file: correct it there
        else:
            self.ctx.operations.report_error(error)

    def _show_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.progress_label.setText(self.ctx.tr.gettext("Exporting…"))
        for widget in (self.dataset_combo, self.format_combo, self.path_edit, self.browse_button,
                       self.export_button, self.close_button):
            widget.setEnabled(not busy)
        if not busy:  # disabling moved Enter to Close; give it back to Export
            self.export_button.setDefault(True)

    def _show_done(self, count: int | None) -> None:
        self.exported_count = count
        self.done_label.setVisible(count is not None)
        self.folder_button.setVisible(count is not None)
        if count is not None:
            tr = self.ctx.tr
            self.done_label.setText(tr.ngettext("Exported {count} record to {path}.",
                                                "Exported {count} records to {path}.", count).format(
                count=tr.format_number(count), path=str(self.written)))

    def reject(self) -> None:
        if not self.busy:  # the file is written whole or not at all; let it finish
            super().reject()

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Export"))
        self.dataset_label.setText(_("Export:"))
        self.format_label.setText(_("Format:"))
        self.path_label.setText(_("File:"))
        for combo, choices in ((self.dataset_combo, DATASETS), (self.format_combo, FORMATS)):
            for row, (_value, label) in enumerate(choices):
                combo.setItemText(row, _(label))
        self.browse_button.setText(_("Choose…"))
        self.note.setText(_(
            "Every record is written with all its columns, deleted and merged ones included, so that the file "
            "can be archived, compared or imported into another data folder. Cells that start with =, +, - or "
            "@ are written as text, so a spreadsheet never runs them as formulas. The file holds personal "
            "data: keep it safe."))
        self.export_button.setText(_("Export"))
        self.close_button.setText(_("Close"))
        self.folder_button.setText(_("Open the folder"))
        if self.exported_count is not None:
            self._show_done(self.exported_count)
        self._suggest_path()  # a proposed name follows the language; a typed one stays
