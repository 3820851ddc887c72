"""Record a person's consent (purpose, text version, date, channel) or withdraw one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.documents.consent_form import CONSENT_TEXT_VERSION
from sociolab_desktop.core.domain.enums import ConsentChannel, ConsentPurpose
from sociolab_desktop.core.domain.labels import CONSENT_CHANNELS, CONSENT_PURPOSES, label
from sociolab_desktop.core.services import consents
from sociolab_desktop.core.services.consents import ConsentInput, ConsentRecord
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.buttons import save_buttons
from sociolab_desktop.ui.forms.dates import date_edit, from_qdate, set_date_format
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

NOTHING_TO_WITHDRAW = N_("The person has no consent to withdraw.")


class _SavingDialog(QDialog):
    """A small form whose Save runs the service off the GUI thread and marks what it refuses."""

    saved = Signal(object)  # the ConsentRecord as stored

    def __init__(self, ctx: ShellContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = InlineError()
        self.marks = FieldMarks(self.general_error)
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saving = False

    def _finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)
        self.ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(self.ctx.tr)

    def _field(self, name: str, label_widget: QLabel, widget: QWidget) -> None:
        label_widget.setBuddy(widget)
        self.form.addRow(label_widget, self.marks.field(name, widget))

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        self.save_button.setText(tr.gettext("Save"))
        self.cancel_button.setText(tr.gettext("Cancel"))

    def _save(self, work) -> None:
        self.marks.clear()
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.operations.run(work, on_success=self._on_saved, on_failure=self._on_failed, owner=self)

    def _on_saved(self, record: ConsentRecord) -> None:
        self.saving = False
        self.saved.emit(record)
        super().accept()

    def _on_failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, UserError):
            self.marks.show(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)


class ConsentDialog(_SavingDialog):
    """Record a consent the person has just given."""

    def __init__(self, ctx: ShellContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("consentDialog")
        self.person_id = person_id
        self.purpose_combo = QComboBox(objectName="consentPurpose")
        for purpose in ConsentPurpose:
            self.purpose_combo.addItem("", purpose.value)
        self.version_edit = QLineEdit(CONSENT_TEXT_VERSION, objectName="consentVersion")
        self.version_edit.setMaxLength(consents.MAX_TEXT_VERSION)
        self.date_edit = date_edit("consentDate")
        self.channel_combo = QComboBox(objectName="consentChannel")
        for channel in ConsentChannel:
            self.channel_combo.addItem("", channel.value)
        self.note = QLabel(wordWrap=True, objectName="consentNote")
        mute(self.note)

        self.purpose_label, self.version_label = QLabel(), QLabel()
        self.date_label, self.channel_label = QLabel(), QLabel()
        self._field("purpose", self.purpose_label, self.purpose_combo)
        self._field("text_version", self.version_label, self.version_edit)
        self._field("given_on", self.date_label, self.date_edit)
        self._field("channel", self.channel_label, self.channel_combo)
        self.form.addRow(self.note)
        self._finish_layout()
        self.setTabOrder(self.purpose_combo, self.version_edit)
        self.setTabOrder(self.version_edit, self.date_edit)
        self.setTabOrder(self.date_edit, self.channel_combo)
        self.setTabOrder(self.channel_combo, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)
        self.purpose_combo.setFocus()

    def retranslate(self, tr: Translator) -> None:
        super().retranslate(tr)
        _ = tr.gettext
        self.setWindowTitle(_("Record consent"))
        self.purpose_label.setText(_("Purpose:"))
        self.version_label.setText(_("Version of the consent text:"))
        self.date_label.setText(_("Given on:"))
        self.channel_label.setText(_("How it was given:"))
        for row in range(self.purpose_combo.count()):
            self.purpose_combo.setItemText(row, label(tr, CONSENT_PURPOSES, self.purpose_combo.itemData(row)))
        for row in range(self.channel_combo.count()):
            self.channel_combo.setItemText(row, label(tr, CONSENT_CHANNELS, self.channel_combo.itemData(row)))
        self.version_edit.setToolTip(_("The version printed at the foot of the form the person signed."))
        self.note.setText(_("A consent given on paper: keep the signed form with the person's file."))
        set_date_format(self.date_edit, tr)

    def consent_input(self) -> ConsentInput:
        return ConsentInput(
            purpose=self.purpose_combo.currentData(),
            text_version=self.version_edit.text(),
            given_on=from_qdate(self.date_edit.date()),
            channel=self.channel_combo.currentData(),
        )

    def accept(self) -> None:
        if self.saving:
            return
        store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
        person_id, data = self.person_id, self.consent_input()
        self._save(lambda: consents.record_consent(store, actor, person_id, data))


class WithdrawConsentDialog(_SavingDialog):
    """Withdraw one of the person's consents that is not withdrawn yet."""

    def __init__(self, ctx: ShellContext, open_consents: Sequence[ConsentRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("withdrawConsentDialog")
        self.consents = list(open_consents)
        self.consent_combo = QComboBox(objectName="withdrawWhich")
        for record in self.consents:
            self.consent_combo.addItem("", record.id)
        self.date_edit = date_edit("withdrawDate")
        self.which_label, self.date_label = QLabel(), QLabel()
        self._field("consent_id", self.which_label, self.consent_combo)
        self._field("withdrawn_on", self.date_label, self.date_edit)
        self._finish_layout()
        self.setTabOrder(self.consent_combo, self.date_edit)
        self.setTabOrder(self.date_edit, self.save_button)
        self.setTabOrder(self.save_button, self.cancel_button)
        self.consent_combo.setFocus()

    def retranslate(self, tr: Translator) -> None:
        super().retranslate(tr)
        _ = tr.gettext
        self.setWindowTitle(_("Withdraw consent"))
        self.which_label.setText(_("Consent:"))
        self.date_label.setText(_("Withdrawn on:"))
        # Not "Withdraw" beside "Cancel": in Slovenian both begin "Prekliči", one undoes a consent.
        self.save_button.setText(_("Record the withdrawal"))
        self.cancel_button.setText(_("Close without withdrawing"))
        for row, record in enumerate(self.consents):
            self.consent_combo.setItemText(row, _("{purpose}, given on {date} (text version {version})").format(
                purpose=label(tr, CONSENT_PURPOSES, record.purpose), date=tr.format_date(record.given_on),
                version=record.text_version))
        set_date_format(self.date_edit, tr)

    def accept(self) -> None:
        if self.saving:
            return
        if self.consent_combo.currentIndex() < 0:
            self.marks.show(UserError(NOTHING_TO_WITHDRAW), self.ctx.tr)
            return
        store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
        consent_id, day = self.consent_combo.currentData(), from_qdate(self.date_edit.date())
        self._save(lambda: consents.withdraw_consent(store, actor, consent_id, day))

