"""Print a session's attendance sheet: the session, the sheet's language, blank numbered rows for
walk-ins, or an empty sheet for a fair; the PDF is built off the GUI thread and offered to open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, title_in
from sociolab_desktop.core.domain.labels import label as choice_label
from sociolab_desktop.i18n import SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.document_output import PrintDialog, file_name_part, pdf_path
from sociolab_desktop.ui.events.print_jobs import Printed, print_attendance_sheet
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

WALK_IN_ROWS = 10  # a few walk-ins come to most sessions
FAIR_ROWS = 40  # a fair's sheet is all blank rows: two pages
MAX_BLANK_ROWS = 1000


def session_text(tr: Translator, number: int, session) -> str:
    """"Session 1 · 3. 2. 2020, 09:00–13:00 · title": the number in words, not "1. 3. 2. 2020",
    which reads like a broken date in Slovenian."""
    text = tr.gettext("Session {number} · {date}, {time}").format(
        number=tr.format_number(number), date=tr.format_date(session.session_date, "numeric"),
        time=tr.format_time_span(session.starts_at, session.ends_at))
    return f"{text} · {session.title}" if session.title else text


class AttendanceSheetDialog(PrintDialog):
    def __init__(self, ctx: ShellContext, detail, session_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attendanceSheetDialog")
        self._init_printing(ctx)
        self.detail = detail  # events.EventDetail
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
        mute(self.note)
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
        chosen = document_output.choose_save_path(self, tr, tr.gettext("Save the attendance sheet"), suggested)
        if not chosen:
            return
        from sociolab_desktop.branding_settings import branding_from_settings

        store, event_id, path = self.ctx.workspace.store, self.detail.id, pdf_path(chosen)
        blank, empty = self.blank_spin.value(), self.empty_check.isChecked()
        info_point = self.ctx.settings.site_name or ""
        branding = branding_from_settings(self.ctx.paths, self.ctx.settings)
        self.write_off_thread(
            lambda: print_attendance_sheet(store, event_id, session_id, language=language, blank_rows=blank,
                                           empty=empty, info_point=info_point, branding=branding, path=path),
            self._on_printed)

    def _on_printed(self, printed: Printed) -> None:
        self.last_printed = printed
        tr = self.ctx.tr
        self.finish(printed.paths, tr.ngettext(
            "The attendance sheet was saved as {path} ({count} page).",
            "The attendance sheet was saved as {path} ({count} pages).", printed.pages).format(
            path=str(printed.paths[0]), count=printed.pages), printed.warnings)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Print attendance sheet"))
        for row, session in enumerate(self.detail.sessions):
            self.session_combo.setItemText(row, session_text(tr, row + 1, session))
        for row in range(self.language_combo.count()):
            code = self.language_combo.itemData(row)
            self.language_combo.setItemText(row, choice_label(tr, DOCUMENT_LANGUAGES, code))
        for label, text in zip(self.labels, (_("Session:"), _("Language of the sheet:"), _("Blank rows:")),
                               strict=True):
            label.setText(text)
        self.empty_check.setText(_("Empty sheet (e.g. for a fair): no names, only numbered rows"))
        self.blank_spin.setToolTip(_("Numbered empty rows after the registered persons, for walk-ins"))
        self.note.setText(_("Registered persons are printed in Slovenian alphabetical order, then the blank rows. "
                            "Participants sign the printed sheet; attach its scan to the session afterwards."))
        self.save_button.setText(_("Save PDF…"))
        self.cancel_button.setText(_("Cancel"))

