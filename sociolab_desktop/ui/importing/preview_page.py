"""The import wizard's third page: every row checked in a worker, counted and listed with its reasons.

Import (the wizard's commit button) stays disabled while rows have errors, unless staff choose to
import only the valid rows; the page says why. Nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import html
import threading

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sociolab_desktop.core.services import importing
from sociolab_desktop.core.services.importing import RegistrationPlan, RowStatus, registration_text
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.importing.import_state import ImportState
from sociolab_desktop.ui.importing.import_text import (
    STATUS_COLOURS,
    blocked_reason,
    status_counts,
    will_import_text,
    would_import,
)
from sociolab_desktop.ui.importing.preview_model import NAME, REASONS, ROW, STATUS, PreviewModel
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.operations import Progress
from sociolab_desktop.ui.shell_context import ShellContext

CHECKING_ROWS = N_("Checking the rows…")
LOOKING_FOR_DUPLICATES = N_("Looking for persons or organisations already recorded…")


class CheckAbandoned(Exception):
    """A check nobody waits for any more (Back, a newer check, the window closed): stop early."""


def check_plan(store, kind: str, table: importing.SourceTable, mapping: importing.ColumnMapping, today: dt.date,
               report, reread: bool = False, abandoned=lambda: False, event_id: str | None = None
               ) -> importing.ImportPlan:
    """In a worker: the rows checked, then compared with the records (and, with `event_id`, what
    each row does for that event). `reread` reads the file again first (it was corrected
    meanwhile); its header row must be the one mapped."""

    def progress(text: str):
        def step(done: int, total: int) -> None:
            if abandoned():  # the service reports every few hundred rows: stop there
                raise CheckAbandoned
            report(done, total, text)
        return step

    if reread:
        again = importing.read_table(table.path, sheet=table.sheet)
        if again.headers != table.headers:
            raise UserError(N_("The columns of {name} have changed since it was read. Go back to the first page "
                               "and choose the file again."), name=table.path.name)
        table = again
    plan = importing.validate_rows(kind, table, mapping, today=today, progress=progress(CHECKING_ROWS))
    report(0, None, LOOKING_FOR_DUPLICATES)
    if event_id:
        return importing.check_registrations(store, event_id, plan, progress=progress(LOOKING_FOR_DUPLICATES))
    return importing.check_database(store, plan, progress=progress(LOOKING_FOR_DUPLICATES))


def outcome_html(lines: list[str]) -> str:
    """The first line as the (bold) label shows it, the details under it in plain weight."""
    details = "".join(f"<br>{html.escape(line)}" for line in lines[1:])
    return f"{html.escape(lines[0])}<span style='font-weight:normal'>{details}</span>"


class PreviewPage(QWizardPage):
    def __init__(self, ctx: ShellContext, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewPage")
        self.ctx = ctx
        self.state = state
        self.checking = False
        self._generation = 0  # results of older checks are dropped
        self._stop = threading.Event()  # set: the running check's worker stops
        self.setCommitPage(True)

        self.progress_label = QLabel(objectName="importCheckProgressText")
        self.progress_bar = QProgressBar(objectName="importCheckProgress")
        self.count_labels = {status: QLabel(objectName=f"importCount_{status.value}") for status in RowStatus}
        for status, label in self.count_labels.items():
            foreground, background = STATUS_COLOURS[status]
            label.setStyleSheet(f"QLabel {{ color: {foreground}; background: {background}; padding: 3px 8px; "
                                "border-radius: 3px; }")
        self.problems_check = QCheckBox(objectName="importProblemsOnly")
        self.problems_check.toggled.connect(self._on_problems_only)
        counts = QHBoxLayout()
        counts.addWidget(self.progress_label)
        counts.addWidget(self.progress_bar, 1)
        for label in self.count_labels.values():
            counts.addWidget(label)
        counts.addStretch(1)
        counts.addWidget(self.problems_check)

        self.model = PreviewModel(ctx.tr, self)
        self.table = QTableView(objectName="importPreviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows move between rows; Tab goes on to the options
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, mode in ((ROW, QHeaderView.ResizeMode.ResizeToContents),
                             (STATUS, QHeaderView.ResizeMode.ResizeToContents),
                             (NAME, QHeaderView.ResizeMode.Interactive),
                             (REASONS, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(NAME, 200)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.detail = QLabel(wordWrap=True, objectName="importRowDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.only_valid_check = QCheckBox(objectName="importOnlyValid")
        self.only_valid_check.toggled.connect(self._on_options)
        self.duplicates_check = QCheckBox(objectName="importAllowDuplicates")
        self.duplicates_check.toggled.connect(self._on_options)
        self.recheck_button = QPushButton(objectName="importCheckAgain")
        self.recheck_button.setAutoDefault(False)
        self.recheck_button.clicked.connect(lambda: self.start_check(reread=True))
        options = QHBoxLayout()
        options.addWidget(self.only_valid_check)
        options.addSpacing(16)
        options.addWidget(self.duplicates_check)
        options.addStretch(1)
        options.addWidget(self.recheck_button)
        self.outcome_label = QLabel(wordWrap=True, objectName="importOutcome")
        font = self.outcome_label.font()
        font.setBold(True)
        self.outcome_label.setFont(font)
        self.blocked = InlineError()
        self.error = InlineError()

        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(options)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.blocked)
        layout.addWidget(self.error)
        QWidget.setTabOrder(self.table, self.problems_check)
        QWidget.setTabOrder(self.problems_check, self.only_valid_check)
        QWidget.setTabOrder(self.only_valid_check, self.duplicates_check)
        QWidget.setTabOrder(self.duplicates_check, self.recheck_button)
        self._show_busy(False)

    # --- checking --------------------------------------------------------------------------

    def start_check(self, reread: bool = False) -> None:
        self.abandon_check()
        generation = self._generation
        self._stop = stop = threading.Event()
        self.state.plan = None
        self.model.set_plan(None)
        self.error.clear_error()
        self._show_busy(True)
        self._update()
        # The worker gets the values, not the state the page goes on changing.
        store, state, today = self.ctx.workspace.store, self.state, dt.date.today()
        kind, table, mapping, event_id = state.kind, state.table, state.mapping, state.event_id

        def work(report):
            return check_plan(store, kind, table, mapping, today, report, reread,
                              abandoned=stop.is_set, event_id=event_id)

        self.ctx.operations.run(work, on_success=lambda plan: self._on_checked(generation, plan),
                                on_failure=lambda error: self._on_failed(generation, error),
                                on_progress=lambda progress: self._on_progress(generation, progress), owner=self)

    def _on_progress(self, generation: int, progress: Progress) -> None:
        if generation != self._generation:
            return
        self.progress_label.setText(self.ctx.tr.gettext(progress.text))
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)
        else:
            self.progress_bar.setRange(0, 0)

    def _on_checked(self, generation: int, plan: importing.ImportPlan) -> None:
        if generation != self._generation:
            return
        self.state.plan = plan
        self.state.table = plan.table
        self.model.set_plan(plan)
        self._show_busy(False)
        for check in (self.only_valid_check, self.duplicates_check):
            check.blockSignals(True)
        self.only_valid_check.setEnabled(plan.count(RowStatus.INVALID) > 0)
        self.only_valid_check.setChecked(self.state.only_valid and self.only_valid_check.isEnabled())
        self.duplicates_check.setEnabled(any(row.importable_anyway for row in plan.rows))
        self.duplicates_check.setChecked(self.state.allow_duplicates and self.duplicates_check.isEnabled())
        for check in (self.only_valid_check, self.duplicates_check):
            check.blockSignals(False)
        self._on_options()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._show_busy(False)
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)
        self._update()

    def _show_busy(self, busy: bool) -> None:
        self.checking = busy
        self.progress_label.setVisible(busy)
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_label.setText(self.ctx.tr.gettext(CHECKING_ROWS))
            self.progress_bar.setRange(0, 0)
        for label in self.count_labels.values():
            label.setVisible(not busy and self.state.plan is not None)
        self.recheck_button.setEnabled(not busy)

    # --- choices ---------------------------------------------------------------------------

    def _on_problems_only(self, checked: bool) -> None:
        self.model.set_problems_only(checked)
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _on_options(self, *_args) -> None:
        self.state.only_valid = self.only_valid_check.isChecked()
        self.state.allow_duplicates = self.duplicates_check.isChecked()
        self.model.set_allow_duplicates(self.state.allow_duplicates)
        self._update()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.planned_row(rows[0].row()) if rows else None
        if row is None:
            self.detail.clear()
            return
        tr = self.ctx.tr
        reasons = self.model.reasons(row) or [tr.gettext("Nothing to remark: the row is imported as it is.")]
        self.detail.setText("\n".join([tr.gettext("Row {row}:").format(row=row.number),
                                       *("• " + reason for reason in reasons)]))

    def _update(self) -> None:
        """The counts, what Import would do, and why it cannot be pressed."""
        tr, plan, state = self.ctx.tr, self.state.plan, self.state
        if plan is None:
            self.outcome_label.clear()
            self.blocked.clear_error()
        else:
            registrations = isinstance(plan, RegistrationPlan)
            counts = registration_text.status_counts(plan, tr) if registrations else status_counts(plan, tr)
            for status, text in counts.items():
                self.count_labels[status].setText(text)
                self.count_labels[status].setVisible(plan.count(status) > 0 or status == RowStatus.READY)
            count = would_import(plan, only_valid=state.only_valid, allow_duplicates=state.allow_duplicates)
            reason = blocked_reason(plan, tr, only_valid=state.only_valid, allow_duplicates=state.allow_duplicates)
            if registrations:  # whom it registers, who waits, who is new: the preview's promise
                lines = registration_text.preview_lines(plan, tr, allow_duplicates=state.allow_duplicates)
                outcome = outcome_html(lines)
            else:
                outcome = will_import_text(plan.kind, count, tr)
            self.outcome_label.setTextFormat(Qt.TextFormat.RichText if registrations else Qt.TextFormat.PlainText)
            self.outcome_label.setText(outcome if count else "")
            self.blocked.show_text(reason)
        self.outcome_label.setVisible(bool(self.outcome_label.text()))
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.CommitButton).setToolTip(self.blocked.text() if plan else "")
        self.completeChanged.emit()

    def import_blocked_reason(self) -> str:
        """Why Import is disabled now ("" when it is not, or while checking)."""
        return self.blocked.text() if self.state.plan is not None and self.blocked.isVisibleTo(self) else ""

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setTitle(_("Check before importing"))
        self.setSubTitle(_("Every row was checked like the form checks it, and compared with the records "
                           "already kept. Nothing has been written yet."))
        self.problems_check.setText(_("Show only rows that need attention"))
        self.only_valid_check.setText(_("Import only the valid rows"))
        self.only_valid_check.setToolTip(_("Rows with errors are left out; correct them and import them later."))
        self.duplicates_check.setText(_("Import possible duplicates anyway"))
        self.duplicates_check.setToolTip(_("Only for rows that are really different people or organisations. "
                                           "Two organisations never share a registration or tax number."))
        self.recheck_button.setText(_("Check the file again"))
        self.recheck_button.setToolTip(_("After correcting the file in Excel and saving it, read it again."))
        self.model.retranslate(tr)
        if self.checking:
            self.progress_label.setText(_(CHECKING_ROWS))
        self._update()
        self._on_selection(QItemSelection(), QItemSelection())

    # --- QWizardPage -----------------------------------------------------------------------
        self.problems_check.setToolTip(tr.gettext(
            "Hide the rows that are ready; show only errors, possible duplicates and skipped rows."))

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.start_check()

    def abandon_check(self) -> None:
        """A check still running is not wanted any more; its worker stops at its next report."""
        self._generation += 1
        self._stop.set()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt API)
        # Back to the mapping: a check still running is of a mapping that may change.
        self.abandon_check()
        self._show_busy(False)
        self.state.plan = None
        self.model.set_plan(None)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        plan, state = self.state.plan, self.state
        return bool(plan is not None and not self.checking
                    and would_import(plan, only_valid=state.only_valid, allow_duplicates=state.allow_duplicates))
