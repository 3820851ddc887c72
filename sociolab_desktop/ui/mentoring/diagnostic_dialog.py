"""Record or change an organisation's diagnostic assessment: each fixed area scored 1–5 with a
comment, the goals and planned actions of its development plan."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DIAGNOSTIC_AREAS, label
from sociolab_desktop.core.services.mentoring import diagnostics
from sociolab_desktop.core.services.mentoring.diagnostics import (
    AREAS,
    SCORE_MAX,
    SCORE_MIN,
    AreaScoreInput,
    DiagnosticInput,
    DiagnosticRecord,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import date_edit, from_qdate, set_date_format, to_qdate
from sociolab_desktop.ui.forms.field_marks import ErrorLine
from sociolab_desktop.ui.labels import mute, section_heading
from sociolab_desktop.ui.mentoring.form_support import SavingDialog
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

NOT_SCORED = 0  # the spin box's "–": no score given yet
COMMENT_LIMIT = 2000


def load_diagnostic(store, diagnostic_id: str) -> DiagnosticRecord:
    record = diagnostics.get_diagnostic(store, diagnostic_id)
    if record is None:
        raise UserError(N_("The assessment was not found; refresh the list."))
    return record


class DiagnosticDialog(SavingDialog):
    saved = Signal(str)  # the assessment's id

    def __init__(self, ctx: ShellContext, organisation_id: str, organisation_name: str,
                 diagnostic_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticDialog")
        self._init_saving(ctx)
        self.organisation_id, self.organisation_name, self.diagnostic_id = organisation_id, organisation_name, \
            diagnostic_id
        self.loaded = diagnostic_id is None
        self._assessor_id: str | None = None

        self.heading = section_heading("diagnosticOrganisation")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.date_edit = date_edit("diagnosticDate")
        self.scale_label = QLabel(objectName="diagnosticScale", wordWrap=True)
        mute(self.scale_label)
        self.score_spins: dict[str, QSpinBox] = {}
        self.comment_edits: dict[str, QLineEdit] = {}
        self.area_labels: dict[str, QLabel] = {}
        for area in AREAS:
            spin = QSpinBox(objectName=f"score_{area}")
            spin.setRange(NOT_SCORED, SCORE_MAX)
            spin.setSpecialValueText("–")
            spin.setFixedWidth(64)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.score_spins[area] = spin
            self.comment_edits[area] = QLineEdit(objectName=f"comment_{area}", maxLength=COMMENT_LIMIT)
            self.area_labels[area] = QLabel(buddy=spin)
        self.goals_edit = QPlainTextEdit(objectName="diagnosticGoals")
        self.planned_edit = QPlainTextEdit(objectName="diagnosticPlanned")
        for edit in (self.goals_edit, self.planned_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        self.plan_check = QCheckBox(objectName="diagnosticPlan")
        self._build_layout()
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.resize(820, 640)
        self._initial = self.diagnostic_input()
        if diagnostic_id:
            self.save_button.setEnabled(False)
            store = ctx.workspace.store
            ctx.operations.run(lambda: load_diagnostic(store, diagnostic_id), on_success=self._on_loaded,
                               on_failure=lambda error: self._on_save_failed(None, error), owner=self)
        self.date_edit.setFocus()

    def _build_layout(self) -> None:
        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.date_label = QLabel(buddy=self.date_edit)
        top.addRow(self.date_label, self.marks.field("assessed_on", self.date_edit))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.score_header, self.comment_header = QLabel(), QLabel()
        grid.addWidget(self.score_header, 0, 1)
        grid.addWidget(self.comment_header, 0, 2)
        for number, area in enumerate(AREAS):
            row = 1 + number * 2
            error = ErrorLine([self.score_spins[area], self.comment_edits[area]])
            grid.addWidget(self.area_labels[area], row, 0)
            grid.addWidget(self.score_spins[area], row, 1)
            grid.addWidget(self.comment_edits[area], row, 2)
            grid.addWidget(error, row + 1, 1, 1, 2)
            self.marks.add(f"scores.{area}", self.score_spins[area], error)
        grid.setColumnStretch(2, 1)
        texts = QFormLayout()
        texts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.goals_label, self.planned_label = QLabel(buddy=self.goals_edit), QLabel(buddy=self.planned_edit)
        for name, label_widget, edit in (("goals", self.goals_label, self.goals_edit),
                                         ("planned_actions", self.planned_label, self.planned_edit)):
            texts.addRow(label_widget, self.marks.field(name, edit))
        texts.addRow(self.plan_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.scale_label)
        layout.addLayout(grid)
        layout.addLayout(texts, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        chain = [self.date_edit]
        for area in AREAS:
            chain += [self.score_spins[area], self.comment_edits[area]]
        chain += [self.goals_edit, self.planned_edit, self.plan_check, self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Diagnostic assessment") if self.diagnostic_id else _("New diagnostic assessment"))
        self.heading.setText(self.organisation_name)
        self.date_label.setText(_("Assessed on:"))
        self.scale_label.setText(_("Score each area from {low} (weak) to {high} (strong); type the number.").format(
            low=SCORE_MIN, high=SCORE_MAX))
        self.score_header.setText(_("Score"))
        self.comment_header.setText(_("Comment"))
        for area, widget in self.area_labels.items():
            widget.setText(label(tr, DIAGNOSTIC_AREAS, area) + ":")
        self.goals_label.setText(_("Goals:"))
        self.planned_label.setText(_("Planned actions:"))
        self.plan_check.setText(_("A development plan was prepared with the organisation"))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))
        set_date_format(self.date_edit, tr)

    def _on_loaded(self, record: DiagnosticRecord) -> None:
        self._assessor_id = record.assessor_id
        self.date_edit.setDate(to_qdate(record.assessed_on))
        for item in record.scores:
            if item.area in self.score_spins:
                self.score_spins[item.area].setValue(item.score)
                self.comment_edits[item.area].setText(item.comment or "")
        self.goals_edit.setPlainText(record.goals or "")
        self.planned_edit.setPlainText(record.planned_actions or "")
        self.plan_check.setChecked(record.has_development_plan)
        self._initial = self.diagnostic_input()
        self.loaded = True
        self.save_button.setEnabled(True)

    def diagnostic_input(self) -> DiagnosticInput:
        scores = tuple(AreaScoreInput(area, spin.value() or None, self.comment_edits[area].text())
                       for area, spin in self.score_spins.items())
        return DiagnosticInput(self.organisation_id, from_qdate(self.date_edit.date()), scores,
                               goals=self.goals_edit.toPlainText(), planned_actions=self.planned_edit.toPlainText(),
                               has_development_plan=self.plan_check.isChecked(), assessor_id=self._assessor_id)

    def is_changed(self) -> bool:
        return self.loaded and self.diagnostic_input() != self._initial

    def accept(self) -> None:
        if self.saving or not self.loaded:
            return
        store, actor, data, diagnostic_id = self.ctx.workspace.store, self.ctx.workspace.actor, \
            self.diagnostic_input(), self.diagnostic_id
        self.run_save(lambda confirmed: diagnostics.save_diagnostic(store, actor, data, diagnostic_id=diagnostic_id,
                                                                    confirmed=confirmed))

    def _saved(self, record: DiagnosticRecord) -> None:
        log.info("Assessment %s saved", record.id)
        self.diagnostic_id = record.id
        self._initial = self.diagnostic_input()
        self.saved.emit(record.id)
        self.done(self.DialogCode.Accepted)
