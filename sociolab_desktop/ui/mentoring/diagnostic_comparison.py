"""An organisation's assessments side by side, area by area, with the change from the first to the
latest score, and the latest development plan; a window to add and change assessments."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DIAGNOSTIC_AREAS, label
from sociolab_desktop.core.services.mentoring.diagnostics import DiagnosticHistory
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.mentoring import deleting
from sociolab_desktop.ui.shell_context import ShellContext

BETTER, WORSE = QColor("#1b7a2e"), QColor("#b00020")


def load_progress(store, organisation_id: str) -> DiagnosticHistory:
    from sociolab_desktop.core.services.mentoring.diagnostics import progress_of

    return progress_of(store, organisation_id)


def change_text(change: int | None) -> str:
    if change is None:
        return ""
    return f"+{change}" if change > 0 else ("0" if change == 0 else f"−{-change}")


class DiagnosticComparison(QWidget):
    """Rows: the areas; columns: the area, each assessment (oldest first), the change, and the
    latest assessment's comment (every comment of the current row is shown under the table)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: DiagnosticHistory | None = None
        self.table = QTableWidget(objectName="diagnosticComparison")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel(objectName="diagnosticDetail", wordWrap=True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.plan = QLabel(objectName="diagnosticPlanText", wordWrap=True)
        self.plan.setTextFormat(Qt.TextFormat.PlainText)
        self.plan.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.plan)
        self.setFocusProxy(self.table)
        self._tr: Translator | None = None

    def show_history(self, history: DiagnosticHistory, tr: Translator) -> None:
        self.history = history
        self.retranslate(tr)
        if history.assessments:
            self.table.setCurrentCell(0, len(history.assessments))

    def selected_assessment(self):
        """The assessment of the current column (the latest when the area or change column is current)."""
        if self.history is None or not self.history.assessments:
            return None
        column = self.table.currentColumn()
        if 1 <= column <= len(self.history.assessments):
            return self.history.assessments[column - 1]
        return self.history.assessments[-1]

    def cells(self) -> list[list[str]]:
        """What the table shows, as text, header row first (for tests)."""
        header = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        return [header] + [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                           for r in range(self.table.rowCount())]

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        history = self.history
        if history is None:
            return
        assessments = history.assessments
        self.table.clear()
        self.table.setColumnCount(len(assessments) + 3)
        self.table.setRowCount(len(history.areas))
        headers = [tr.gettext("Area"), *(tr.format_date(a.assessed_on, "numeric") for a in assessments),
                   tr.gettext("Change"), tr.gettext("Latest comment")]
        self.table.setHorizontalHeaderLabels(headers)
        for row, progress in enumerate(history.areas):
            self.table.setItem(row, 0, QTableWidgetItem(label(tr, DIAGNOSTIC_AREAS, progress.area)))
            for number, (score, comment) in enumerate(zip(progress.scores, progress.comments, strict=True)):
                item = QTableWidgetItem("" if score is None else str(score))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(comment or "")
                self.table.setItem(row, number + 1, item)
            change = QTableWidgetItem(change_text(progress.change))
            change.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if progress.change:
                change.setForeground(QBrush(BETTER if progress.change > 0 else WORSE))
                font = change.font()
                font.setBold(True)
                change.setFont(font)
            self.table.setItem(row, len(assessments) + 1, change)
            latest = progress.comments[-1] if progress.comments else None
            self.table.setItem(row, len(assessments) + 2, QTableWidgetItem(" ".join((latest or "").split())))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, len(assessments) + 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(assessments) + 2, QHeaderView.ResizeMode.Stretch)
        self._show_detail()
        latest = assessments[-1] if assessments else None
        if latest is None:
            self.plan.setText(tr.gettext("No assessment yet."))
            return
        parts = [tr.gettext("Goals: {text}").format(text=latest.goals or "—"),
                 tr.gettext("Planned actions: {text}").format(text=latest.planned_actions or "—")]
        if latest.has_development_plan:
            parts.append(tr.gettext("A development plan was prepared."))
        self.plan.setText(tr.gettext("Latest assessment ({date})").format(
            date=tr.format_date(latest.assessed_on, "numeric")) + "\n" + "\n".join(parts))

    def _show_detail(self) -> None:
        """The comment of the current cell (or the whole row's comments) under the table."""
        history, tr = self.history, self._tr
        row = self.table.currentRow()
        if history is None or tr is None or not 0 <= row < len(history.areas):
            self.detail.setText("")
            return
        progress = history.areas[row]
        lines = [f"{tr.format_date(a.assessed_on, 'numeric')}: {comment}"
                 for a, comment in zip(history.assessments, progress.comments, strict=True) if comment]
        area = label(tr, DIAGNOSTIC_AREAS, progress.area)
        # Only what exists: an area nobody commented on says so instead of "Area — —".
        self.detail.setText(f"{area} — {'; '.join(lines)}" if lines
                            else tr.gettext("{area}: no comment").format(area=area))


class DiagnosticHistoryDialog(QDialog):
    """The comparison with "New assessment…" and "Change…" for the assessment chosen."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, ctx: ShellContext, organisation_id: str, organisation_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticHistoryDialog")
        self.ctx, self.organisation_id, self.organisation_name = ctx, organisation_id, organisation_name
        self.dialog = None
        self.heading = section_heading("diagnosticHistoryHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.comparison = DiagnosticComparison()
        self.new_button = QPushButton(objectName="newAssessmentButton")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_assessment)
        self.edit_button = QPushButton(objectName="editAssessmentButton")
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_assessment)
        self.delete_button = QPushButton(objectName="deleteAssessmentButton")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_assessment)
        self.close_button = QPushButton(objectName="closeHistoryButton")
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_assessment)
        deleting.delete_shortcut(self.comparison.table, self.delete_assessment)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.comparison, 1)
        layout.addLayout(buttons)
        self.resize(900, 560)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.reload()

    def _on_language_changed(self) -> None:
        """A bound method, not a lambda: Qt drops the connection when the window is deleted."""
        self.retranslate(self.ctx.tr)

    def reload(self) -> None:
        store, organisation_id = self.ctx.workspace.store, self.organisation_id
        self.ctx.operations.run(lambda: load_progress(store, organisation_id), on_success=self._on_loaded, owner=self)

    def _on_loaded(self, history: DiagnosticHistory) -> None:
        self.comparison.show_history(history, self.ctx.tr)
        self.edit_button.setEnabled(bool(history.assessments))
        self.delete_button.setEnabled(bool(history.assessments))
        self.loaded.emit()

    def _open(self, diagnostic_id: str | None):
        from sociolab_desktop.ui.mentoring.diagnostic_dialog import DiagnosticDialog

        dialog = DiagnosticDialog(self.ctx, self.organisation_id, self.organisation_name, diagnostic_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: (self.reload(), self.changed.emit()))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_assessment(self):
        return self._open(None)

    def edit_assessment(self):
        chosen = self.comparison.selected_assessment()
        return self._open(chosen.id) if chosen else None

    def delete_assessment(self):
        """Ask, then delete the chosen assessment (the latest when the cursor is on the areas)."""
        chosen = self.comparison.selected_assessment()
        if chosen is None:
            return None
        tr = self.ctx.tr
        text, informative = deleting.question_for(tr, "assessments", chosen)

        def delete() -> None:
            deleting.delete_in_worker(self.ctx, self, "assessments", chosen.id,
                                      lambda: (self.reload(), self.changed.emit()))

        return deleting.ask_to_delete(self, tr, text, informative, delete)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Assessments of “{name}”").format(name=self.organisation_name))
        self.heading.setText(_("Assessments of “{name}”").format(name=self.organisation_name))
        self.new_button.setText(_("New assessment…"))
        self.edit_button.setText(_("Change the chosen assessment…"))
        self.delete_button.setText(_("Delete…"))
        self.delete_button.setToolTip(deleting.delete_key_text())
        self.close_button.setText(_("Close"))
        self.comparison.retranslate(tr)
