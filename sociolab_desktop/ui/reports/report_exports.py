"""The Reports area's export buttons: the results to an XLSX workbook, or a PDF report in the
window's language (or, from the button's menu, the other one). The file is chosen, then written
in a worker by the services, whole or not at all; their message shows when it cannot be."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QToolButton, QWidget

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.reports import report_jobs
from sociolab_desktop.ui.reports.report_jobs import ReportRequest
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

FILE_NAMES = {"xlsx": N_("results-{date}.xlsx"), "pdf": N_("results-report-{date}.pdf")}


class ReportExports(QObject):
    """The buttons and the two lines that report the outcome; the page places them. `request()`
    gives the choices on screen or raises the UserError that the page shows at its fields
    (`on_invalid`)."""

    def __init__(self, ctx: ShellContext, page: QWidget, request: Callable[[], ReportRequest],
                 on_invalid: Callable[[UserError], None]) -> None:
        super().__init__(page)
        self.ctx, self.page = ctx, page
        self._request, self._on_invalid = request, on_invalid
        self.exporting = False
        self.written: Path | None = None  # the last file written

        self.xlsx_button = QPushButton(objectName="reportXlsxButton")
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button = QToolButton(objectName="reportPdfButton")
        self.pdf_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.pdf_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.pdf_menu = QMenu(self.pdf_button)
        self.pdf_actions: dict[str, QAction] = {}
        for language in SUPPORTED_LANGUAGES:
            action = self.pdf_menu.addAction("")
            action.triggered.connect(lambda _checked=False, chosen=language: self.export_pdf(chosen))
            self.pdf_actions[language] = action
        self.pdf_button.setMenu(self.pdf_menu)
        self.error = InlineError()
        self.done = QLabel(objectName="reportExportDone", wordWrap=True)
        self.done.setTextFormat(Qt.TextFormat.RichText)
        self.done.setOpenExternalLinks(True)
        self.done.hide()

    def export_xlsx(self) -> None:
        """The indicators, their definitions and the ESF tables in one workbook."""
        self._export("xlsx", self.ctx.tr)

    def export_pdf(self, language: str | None = None) -> None:
        """In `language` (default: the window's), with the ESF summary of the programme period."""
        tr = self.ctx.tr if language in (None, self.ctx.tr.language) else Translator(language)
        self._export("pdf", tr)

    def _export(self, file_format: str, out: Translator) -> None:
        if self.exporting or self.ctx.workspace is None:
            return
        self.error.clear_error()
        self.done.hide()
        try:
            request = self._request()
        except UserError as error:
            self._on_invalid(error)
            return
        tr = self.ctx.tr
        suggested = tr.gettext(FILE_NAMES[file_format]).format(date=dt.date.today().isoformat())
        if file_format == "xlsx":
            title, file_filter = tr.gettext("Export the results"), tr.gettext("Excel workbooks (*.xlsx)")
        else:
            title, file_filter = tr.gettext("Save the PDF report"), tr.gettext("PDF files (*.pdf)")
        chosen = report_jobs.choose_save_path(self.page, title, suggested, file_filter)
        if not chosen:
            return
        target = report_jobs.with_suffix(chosen, f".{file_format}")
        store, paths, settings = self.ctx.workspace.store, self.ctx.paths, self.ctx.settings

        def work():
            if file_format == "xlsx":
                return report_jobs.write_xlsx(store, request, target, out), []
            from sociolab_desktop.branding_settings import branding_from_settings

            result = report_jobs.write_pdf(store, request, target, out, issuer=settings.site_name or "",
                                           branding=branding_from_settings(paths, settings))
            return target, result.warnings

        self._set_exporting(True)
        self.ctx.operations.run(work, on_success=self._on_exported, on_failure=self._on_failed, owner=self)

    def _on_exported(self, result) -> None:
        target, warnings = result
        self._set_exporting(False)
        self.written = target
        tr = self.ctx.tr
        link = QUrl.fromLocalFile(str(target)).toString()
        text = '{saved} <a href="{link}">{open}</a>'.format(
            saved=html.escape(tr.gettext("Saved to {path}.").format(path=str(target))), link=html.escape(link),
            open=html.escape(tr.gettext("Open it")))
        for warning in warnings:  # a logo that could not be printed
            text += "<br>" + html.escape(warning.render(tr))
        self.done.setText(text)
        self.done.show()
        log.info("Results exported (%s)", target.suffix)

    def _on_failed(self, error: BaseException) -> None:
        self._set_exporting(False)
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _set_exporting(self, exporting: bool) -> None:
        self.exporting = exporting
        self.xlsx_button.setEnabled(not exporting)
        self.pdf_button.setEnabled(not exporting)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.xlsx_button.setText(_("Export to Excel…"))
        self.xlsx_button.setToolTip(_("The indicators, their definitions and the ESF tables in one XLSX workbook."))
        self.pdf_button.setText(_("PDF report…"))
        self.pdf_button.setToolTip(_("The report for the funder in the program's language; the arrow offers "
                                     "the other language."))
        for language, action in self.pdf_actions.items():
            action.setText(_("PDF report in {language}…").format(language=tr.language_name(language)))
