"""Enrol an organisation in the support programme, or change its enrolment: start, status, end,
outcome."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.enums import EnrolmentStatus
from sociolab_desktop.core.domain.labels import ENROLMENT_STATUSES
from sociolab_desktop.core.services.mentoring import programme
from sociolab_desktop.core.services.mentoring.programme import (
    EnrolmentInput,
    EnrolmentRecord,
)
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.forms.dates import OptionalDateEdit, date_edit, from_qdate, set_date_format, to_qdate
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.mentoring.form_support import SavingDialog
from sociolab_desktop.ui.organisations.choices import fill_combo
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


class EnrolmentDialog(SavingDialog):
    saved = Signal(str)  # the enrolment's id

    def __init__(self, ctx: ShellContext, organisation_id: str, organisation_name: str,
                 enrolment: EnrolmentRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolmentDialog")
        self._init_saving(ctx)
        self.organisation_id, self.organisation_name, self.enrolment = organisation_id, organisation_name, enrolment
        self.heading = section_heading("enrolmentOrganisation")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.start_edit = date_edit("enrolmentStart")
        self.status_combo = QComboBox(objectName="enrolmentStatus")
        self.status_combo.currentIndexChanged.connect(self._on_status_changed)
        self.end_edit = OptionalDateEdit()
        self.end_edit.setObjectName("enrolmentEnd")
        self.outcome_edit = QPlainTextEdit(objectName="enrolmentOutcome")
        self.outcome_edit.setTabChangesFocus(True)
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in (("started_on", self.start_edit), ("status", self.status_combo),
                             ("ended_on", self.end_edit), ("outcome", self.outcome_edit)):
            self.labels[name] = QLabel(buddy=widget.focusProxy() or widget)
            form.addRow(self.labels[name], self.marks.field(name, widget))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.heading)
        layout.addLayout(form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        chain = (self.start_edit, self.status_combo, self.end_edit.check, self.end_edit.date_edit, self.outcome_edit,
                 self.save_button, self.cancel_button)
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        if enrolment is not None:
            self.start_edit.setDate(to_qdate(enrolment.started_on))
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(enrolment.status), 0))
            self.end_edit.set_value(enrolment.ended_on)
            self.outcome_edit.setPlainText(enrolment.outcome or "")
        self._initial = self.enrolment_input()
        self.resize(560, 380)
        (self.status_combo if enrolment else self.start_edit).setFocus()

    def _on_status_changed(self, _index: int) -> None:
        """An enrolment ends with its status: offer the end date when it is no longer active."""
        ended = self.status_combo.currentData() != EnrolmentStatus.ACTIVE
        if ended != self.end_edit.check.isChecked():
            self.end_edit.set_value(from_qdate(self.end_edit.date_edit.date()) if ended else None)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Support programme enrolment") if self.enrolment else _("Enrol in the support programme"))
        self.heading.setText(self.organisation_name)
        for name, text in (("started_on", _("Joined on:")), ("status", _("Status:")), ("ended_on", _("Ended on:")),
                           ("outcome", _("Outcome:"))):
            self.labels[name].setText(text)
        fill_combo(self.status_combo, ENROLMENT_STATUSES, tr)
        self.end_edit.retranslate(tr, _("Ended"))
        self.outcome_edit.setPlaceholderText(_("What the organisation achieved in the programme"))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))
        set_date_format(self.start_edit, tr)

    def enrolment_input(self) -> EnrolmentInput:
        return EnrolmentInput(self.organisation_id, from_qdate(self.start_edit.date()), self.status_combo.currentData(),
                              self.end_edit.value(), self.outcome_edit.toPlainText())

    def is_changed(self) -> bool:
        return self.enrolment_input() != self._initial

    def accept(self) -> None:
        store, actor, data = self.ctx.workspace.store, self.ctx.workspace.actor, self.enrolment_input()
        enrolment_id = self.enrolment.id if self.enrolment else None
        self.run_save(lambda _confirmed: programme.save_enrolment(store, actor, data, enrolment_id=enrolment_id))

    def _saved(self, record: EnrolmentRecord) -> None:
        log.info("Enrolment %s saved", record.id)
        self._initial = self.enrolment_input()
        self.saved.emit(record.id)
        self.done(self.DialogCode.Accepted)
