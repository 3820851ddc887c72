"""Print the signed mentoring documents: a session's record, an organisation's monthly record and
a mentor's monthly timesheet. Asks the month and language, then a file; builds it in a worker."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, label
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.document_output import PrintDialog
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

SESSION, MONTHLY, TIMESHEET = "session", "monthly", "timesheet"
TITLES = {SESSION: N_("Print the mentoring record"), MONTHLY: N_("Print the monthly mentoring record"),
          TIMESHEET: N_("Print the mentor's timesheet")}
FILE_NAMES = {SESSION: N_("mentoring-record-{name}-{date}.pdf"), MONTHLY: N_("monthly-record-{name}-{date}.pdf"),
              TIMESHEET: N_("timesheet-{name}-{date}.pdf")}


@dataclass(frozen=True)
class PrintChoices:
    """Read in a worker: whose document, its default language and the months to choose from."""

    name: str
    language: str
    months: list[dt.date]  # first days, newest first (empty for one session's record)
    session_date: dt.date | None = None


def load_choices(store, kind: str, subject_id: str, today: dt.date) -> PrintChoices:
    from sociolab_desktop.core.services.mentoring import record_builder

    if kind == SESSION:
        data = record_builder.session_record(store, subject_id)
        name = data.party.organisation_name or ", ".join(data.session.persons)
        return PrintChoices(name, data.language, [], data.session.session_date)
    this_month = today.replace(day=1)
    if kind == MONTHLY:
        from sociolab_desktop.core.services.organisations import get_organisation

        organisation = get_organisation(store, subject_id)
        if organisation is None:
            raise UserError(N_("The organisation was not found; refresh the list."))
        months = record_builder.record_months(store, subject_id)
        return PrintChoices(organisation.name, organisation.preferred_language or "sl",
                            sorted(set(months) | {this_month}, reverse=True))
    from sociolab_desktop.core.services import staff
    from sociolab_desktop.core.services.mentoring.listing import my_sessions
    from sociolab_desktop.core.services.mentoring.time_rules import Period

    member = staff.get_staff(store, subject_id)
    if member is None:
        raise UserError(N_("This staff member no longer exists; refresh the list."))
    mine = my_sessions(store, subject_id, Period(dt.date(2000, 1, 1), today))
    months = {total.period.first for total in mine.months} | {this_month}
    return PrintChoices(member.display_name, "sl", sorted(months, reverse=True))


def write_document(store, kind: str, subject_id: str, month: dt.date | None, language: str, branding,
                   path: Path) -> list:
    """In a worker: build the document in `language` and write it whole; returns its warnings."""
    from sociolab_desktop.core.services.mentoring import record_builder

    tr = Translator(language)
    if kind == SESSION:
        from sociolab_desktop.core.documents.mentoring_record import (
            build_session_record,
        )

        result = build_session_record(record_builder.session_record(store, subject_id), tr, branding)
    elif kind == MONTHLY:
        from sociolab_desktop.core.documents.mentoring_record import (
            build_monthly_record,
        )

        result = build_monthly_record(record_builder.monthly_record(store, subject_id, month), tr, branding)
    else:
        from sociolab_desktop.core.documents.mentor_timesheet import (
            build_mentor_timesheet,
        )

        result = build_mentor_timesheet(record_builder.mentor_timesheet(store, subject_id, month), tr, branding)
    document_output.write_pdf(path, result.pdf)
    log.info("Mentoring document written (%s, %d pages, %s)", kind, result.pages, language)
    return list(result.warnings)


class MentoringPrintDialog(PrintDialog):
    def __init__(self, ctx: ShellContext, kind: str, subject_id: str, parent: QWidget | None = None, *,
                 month: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mentoringPrintDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._init_printing(ctx)
        self.kind, self.subject_id, self.wanted_month = kind, subject_id, month
        self.choices: PrintChoices | None = None
        self.busy = True  # until the choices are read
        self.month_combo = QComboBox(objectName="printMonth")
        self.language_combo = QComboBox(objectName="printLanguage")
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem("", code)
        self.month_label = QLabel(buddy=self.month_combo)
        self.language_label = QLabel(buddy=self.language_combo)
        self.subject_label = QLabel(objectName="printSubject", wordWrap=True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.subject_label)
        form.addRow(self.month_label, self.month_combo)
        form.addRow(self.language_label, self.language_combo)
        self.month_label.setVisible(kind != SESSION)
        self.month_combo.setVisible(kind != SESSION)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate(ctx.tr)
        store, today = ctx.workspace.store, dt.date.today()
        ctx.operations.run(lambda: load_choices(store, kind, subject_id, today), on_success=self._on_loaded,
                           on_failure=self._on_failed, owner=self)

    def _on_loaded(self, choices: PrintChoices) -> None:
        self.busy = False
        self.choices = choices
        for month in choices.months:
            self.month_combo.addItem("", month)
        wanted = self.wanted_month.replace(day=1) if self.wanted_month else None
        # By value: findData() does not compare dates kept as Python objects.
        self.month_combo.setCurrentIndex(choices.months.index(wanted) if wanted in choices.months else 0)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(choices.language), 0))
        self.save_button.setEnabled(True)
        self.retranslate(self.ctx.tr)
        (self.month_combo if self.kind != SESSION else self.language_combo).setFocus()

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_(TITLES[self.kind]))
        self.subject_label.setText(self.choices.name if self.choices else _("Reading…"))
        self.month_label.setText(_("Month:"))
        self.language_label.setText(_("Language:"))
        for row in range(self.month_combo.count()):
            self.month_combo.setItemText(row, tr.format_month(self.month_combo.itemData(row)))
        for row in range(self.language_combo.count()):
            self.language_combo.setItemText(row, label(tr, DOCUMENT_LANGUAGES, self.language_combo.itemData(row)))
        self.save_button.setText(_("Save PDF…"))
        self.cancel_button.setText(_("Cancel"))

    def month(self) -> dt.date | None:
        return self.month_combo.currentData() if self.kind != SESSION else None

    def _file_name(self, language: str) -> str:
        month = self.month()
        day = month.strftime("%Y-%m") if month else (self.choices.session_date or dt.date.today()).isoformat()
        name = document_output.file_name_part(self.choices.name, fallback="document")
        return Translator(language).gettext(FILE_NAMES[self.kind]).format(name=name, date=day)

    def accept(self) -> None:
        if self.busy or self.choices is None:
            return
        language = self.language_combo.currentData()
        tr = self.ctx.tr
        chosen = document_output.choose_save_path(self, tr, tr.gettext("Save the document"),
                                                  self._file_name(language))
        if not chosen:
            return
        path = document_output.pdf_path(chosen)
        from sociolab_desktop.branding_settings import branding_from_settings

        branding = branding_from_settings(self.ctx.paths, self.ctx.settings)
        store, kind, subject_id, month = self.ctx.workspace.store, self.kind, self.subject_id, self.month()
        self.write_off_thread(lambda: write_document(store, kind, subject_id, month, language, branding, path),
                              lambda warnings: self._on_written(path, warnings))

    def _on_written(self, path: Path, warnings: list) -> None:
        self.finish([path], self.ctx.tr.gettext("The document was saved as {path}.").format(path=str(path)), warnings)

    def can_save(self) -> bool:
        return self.choices is not None


def _open(ctx: ShellContext, kind: str, subject_id: str, parent: QWidget | None, month=None) -> MentoringPrintDialog:
    dialog = MentoringPrintDialog(ctx, kind, subject_id, parent, month=month)
    dialog.open()
    return dialog


def print_session_record(ctx: ShellContext, session_id: str, parent: QWidget | None = None) -> MentoringPrintDialog:
    return _open(ctx, SESSION, session_id, parent)


def print_monthly_record(ctx: ShellContext, organisation_id: str, parent: QWidget | None = None,
                         month: dt.date | None = None) -> MentoringPrintDialog:
    return _open(ctx, MONTHLY, organisation_id, parent, month)


def print_timesheet(ctx: ShellContext, mentor_id: str, parent: QWidget | None = None,
                    month: dt.date | None = None) -> MentoringPrintDialog:
    return _open(ctx, TIMESHEET, mentor_id, parent, month)
