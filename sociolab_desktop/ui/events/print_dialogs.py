"""Print a session's attendance sheet: the session, the sheet's language, blank numbered rows for
walk-ins, or an empty sheet for a fair; the PDF is built off the GUI thread and offered to open.
Shared by the certificates dialog: choosing where to save, and what happens after printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui.events import questions
from sociolab_desktop.ui.events.event_labels import LANGUAGE_LABELS, time_span, title_in
from sociolab_desktop.ui.events.print_jobs import (
    Printed,
    file_name_part,
    print_attendance_sheet,
)
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.persons.dialog_fields import save_buttons
from sociolab_desktop.ui.shell_context import ShellContext

WALK_IN_ROWS = 10  # a few walk-ins come to most sessions
FAIR_ROWS = 40  # a fair's sheet is all blank rows: two pages
MAX_BLANK_ROWS = 1000


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def choose_save_path(parent: QWidget, tr: Translator, title: str, suggested: str) -> str:
    """The PDF file chosen ("" when cancelled); a function of its own, so tests can answer it."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / suggested),
                                                tr.gettext("PDF files (*.pdf)"))
    return path


def choose_folder(parent: QWidget, tr: Translator, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, str(documents_folder()))


def pdf_path(chosen: str) -> Path:
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def show_printed(ctx: ShellContext, parent: QWidget, printed: Printed, text: str) -> None:
    """Warnings first (a logo left out), then "saved as …, open it?"."""
    tr = ctx.tr
    if printed.warnings:
        text += "\n\n" + "\n".join(warning.render(tr) for warning in printed.warnings)
    if len(printed.paths) == 1:
        questions.offer_to_open(parent, tr, text, printed.paths[0])
    else:
        questions.offer_to_open(parent, tr, text, printed.paths[0].parent)


def session_text(tr: Translator, number: int, session) -> str:
    text = "{number}. {date}, {time}".format(number=number, date=tr.format_date(session.session_date, "numeric"),
                                             time=time_span(tr, session.starts_at, session.ends_at))
    return f"{text} · {session.title}" if session.title else text


class AttendanceSheetDialog(QDialog):
    def __init__(self, ctx: ShellContext, detail, session_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attendanceSheetDialog")
        self.ctx = ctx
        self.detail = detail  # events.EventDetail
        self.busy = False
        self.question_box = None
        self.last_printed: Printed | None = None
        self.session_combo = QComboBox(objectName="sheetSession")
        for session in detail.sessions:
            self.session_combo.addItem("", session.id)
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(session_id)))
        self.language_combo = QComboBox(objectName="sheetLanguage")
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem("", code)
        self.empty_check = QCheckBox(objectName="sheetEmpty")
        self.empty_check.toggled.connect(self._on_empty_toggled)
        self.blank_spin = QSpinBox(objectName="sheetBlankRows", minimum=0, maximum=MAX_BLANK_ROWS,
                                   value=WALK_IN_ROWS)
        self.labels = [QLabel(buddy=widget) for widget in (self.session_combo, self.language_combo, self.blank_spin)]
        self.note = QLabel(wordWrap=True)
        self.note.setEnabled(False)
        self.error = InlineError()
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.labels[0], self.session_combo)
        form.addRow(self.labels[1], self.language_combo)
        form.addRow("", self.empty_check)
        form.addRow(self.labels[2], self.blank_spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        ctx.language_changed.connect(self._on_language_changed)  # a method: disconnected when closed
        self.retranslate(ctx.tr)
        self.session_combo.setFocus()

    def _on_empty_toggled(self, empty: bool) -> None:
        if empty and self.blank_spin.value() < FAIR_ROWS:
            self.blank_spin.setValue(FAIR_ROWS)
        elif not empty and self.blank_spin.value() == FAIR_ROWS:
            self.blank_spin.setValue(WALK_IN_ROWS)

    def accept(self) -> None:
        if self.busy:
            return
        tr, session_id = self.ctx.tr, self.session_combo.currentData()
        language = self.language_combo.currentData()
        session = next(s for s in self.detail.sessions if s.id == session_id)
        sheet_tr = Translator(language)
        suggested = "{name}-{date}-{title}.pdf".format(
            name=sheet_tr.gettext("attendance-sheet"), date=session.session_date.isoformat(),
            title=file_name_part(title_in(language, self.detail.title_sl, self.detail.title_en), 40))
        chosen = choose_save_path(self, tr, tr.gettext("Save the attendance sheet"), suggested)
        if not chosen:
            return
        from sociolab_desktop.branding_settings import branding_from_settings

        store, event_id, path = self.ctx.workspace.store, self.detail.id, pdf_path(chosen)
        blank, empty = self.blank_spin.value(), self.empty_check.isChecked()
        info_point = self.ctx.settings.site_name or ""
        branding = branding_from_settings(self.ctx.paths, self.ctx.settings)
        self.busy = True
        self.save_button.setEnabled(False)
        self.error.clear_error()
        self.ctx.operations.run(
            lambda: print_attendance_sheet(store, event_id, session_id, language=language, blank_rows=blank,
                                           empty=empty, info_point=info_point, branding=branding, path=path),
            on_success=self._on_printed, on_failure=self._on_failed, owner=self)

    def _on_printed(self, printed: Printed) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.last_printed = printed
        tr = self.ctx.tr
        parent = self.parentWidget() or self
        super().accept()
        show_printed(self.ctx, parent, printed, tr.ngettext(
            "The attendance sheet was saved as {path} ({count} page).",
            "The attendance sheet was saved as {path} ({count} pages).", printed.pages).format(
            path=str(printed.paths[0]), count=printed.pages))

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Print attendance sheet"))
        for row, session in enumerate(self.detail.sessions):
            self.session_combo.setItemText(row, session_text(tr, row + 1, session))
        for row in range(self.language_combo.count()):
            self.language_combo.setItemText(row, _(LANGUAGE_LABELS[self.language_combo.itemData(row)]))
        for label, text in zip(self.labels, (_("Session:"), _("Language of the sheet:"), _("Blank rows:")),
                               strict=True):
            label.setText(text)
        self.empty_check.setText(_("Empty sheet (e.g. for a fair): no names, only numbered rows"))
        self.blank_spin.setToolTip(_("Numbered empty rows after the registered persons, for walk-ins"))
        self.note.setText(_("Registered persons are printed in Slovenian alphabetical order, then the blank rows. "
                            "Participants sign the printed sheet; attach its scan to the session afterwards."))
        self.save_button.setText(_("Save PDF…"))
        self.cancel_button.setText(_("Cancel"))

