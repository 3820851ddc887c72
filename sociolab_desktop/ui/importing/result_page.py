"""The import wizard's last page: the plan written in one transaction (in a worker), then what it did.

The window cannot be closed while the transaction runs; if it fails, nothing was written and
the page says so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizardPage

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.services.importing import RegistrationImportResult, registration_text
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.importing.import_state import ImportState
from sociolab_desktop.ui.importing.import_text import summary_lines
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.operations import Progress
from sociolab_desktop.ui.shell_context import ShellContext


class ResultPage(QWizardPage):
    finished_importing = Signal(bool)  # True when records were written

    def __init__(self, ctx: ShellContext, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultPage")
        self.ctx = ctx
        self.state = state
        self.importing = False
        self.failure: BaseException | None = None

        self.progress_label = QLabel(objectName="importWriteProgressText")
        self.progress_bar = QProgressBar(objectName="importWriteProgress")
        self.headline = section_heading("importResultHeadline")
        self.headline.setWordWrap(True)
        self.details = QLabel(wordWrap=True, objectName="importResultDetails")
        self.error = InlineError()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.importing, self.failure, self.state.result = True, None, None
        self.headline.clear()
        self.details.clear()
        self.error.clear_error()
        self.progress_label.show()
        self.progress_bar.show()
        self.progress_bar.setRange(0, 0)
        self.retranslate(self.ctx.tr)
        self.completeChanged.emit()
        store, actor, state = self.ctx.workspace.store, self.ctx.workspace.actor, self.state
        plan, only_valid, allow_duplicates = state.plan, state.only_valid, state.allow_duplicates

        def work(report):
            if isinstance(plan, importing.RegistrationPlan):
                return importing.commit_registrations(store, actor, plan, only_valid=only_valid,
                                                      allow_duplicates=allow_duplicates,
                                                      progress=lambda done, total: report(done, total))
            return importing.commit_import(store, actor, plan, only_valid=only_valid,
                                           allow_duplicates=allow_duplicates,
                                           progress=lambda done, total: report(done, total))

        self.ctx.operations.run(work, on_success=self._on_done, on_failure=self._on_failed,
                                on_progress=self._on_progress, owner=self)

    def _on_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)

    def _on_done(self, result: importing.ImportResult) -> None:
        self.state.result = result
        self._finish()
        self.finished_importing.emit(result.imported > 0)

    def _on_failed(self, error: BaseException) -> None:
        self.failure = error
        self._finish()
        if not isinstance(error, UserError):
            self.ctx.operations.report_error(error)
        self.finished_importing.emit(False)

    def _finish(self) -> None:
        self.importing = False
        self.progress_label.hide()
        self.progress_bar.hide()
        self.retranslate(self.ctx.tr)
        self.completeChanged.emit()

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setTitle(tr.pgettext("import wizard page title", "Import"))  # "Import" alone is the button
        self.setSubTitle(_("The rows are written all together: either every chosen row is imported, or none."))
        self.progress_label.setText(_("Importing…"))
        result = self.state.result
        if self.importing:
            return
        if self.failure is not None:
            self.headline.setText(_("Nothing was imported."))
            if isinstance(self.failure, UserError):
                self.error.show_error(self.failure, tr)
            else:
                self.error.show_text(_("An unexpected error stopped the import; the records are as they were."))
        elif result is not None and result.refused:
            self.headline.setText(_("Nothing was imported."))
            self.error.show_text(_("Some rows have errors. Correct them, or import only the valid rows."))
        elif isinstance(result, RegistrationImportResult):
            lines = registration_text.summary_lines(result, tr, allow_duplicates=self.state.allow_duplicates)
            self.headline.setText(lines[0])
            if result.plan.count(importing.RowStatus.INVALID) or result.plan.count(importing.RowStatus.DUPLICATE):
                lines += ["", _("The rows left out can be corrected in the file and imported again: the persons "
                                "registered now will then show as already registered and be left out.")]
            self.details.setText("\n".join(lines[1:]))
        elif result is not None:
            lines = summary_lines(result, tr, self.state.allow_duplicates)
            self.headline.setText(lines[0])
            if len(lines) > 1:
                lines.append("")
                lines.append(_("The rows left out can be corrected in the file and imported again: the rows "
                               "imported now will then show as possible duplicates and be left out."))
            self.details.setText("\n".join(lines[1:]))

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return not self.importing
