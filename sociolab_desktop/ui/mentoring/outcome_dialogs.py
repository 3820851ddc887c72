"""Record the outcomes of the support: a job created or retained, and a socially innovative
product, each in an organisation and linked to the mentoring session that led to it."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import CONTRACT_TYPES, JOB_KINDS, PRODUCT_STAGES
from sociolab_desktop.core.services.mentoring import outcomes
from sociolab_desktop.core.services.mentoring.outcomes import (
    MAX_PRODUCT_NAME,
    JobInput,
    JobRecord,
    ProductInput,
    ProductRecord,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import date_edit, from_qdate, set_date_format, to_qdate
from sociolab_desktop.ui.mentoring.form_support import SavingDialog
from sociolab_desktop.ui.mentoring.labels import party_text
from sociolab_desktop.ui.organisations.choices import fill_combo
from sociolab_desktop.ui.search_picker import SearchPicker
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

CHOOSE = N_("Choose…")
NO_SESSION = N_("(no particular session)")


def load_sessions(store, organisation_id: str) -> list:
    """In a worker: the organisation's sessions, newest first, to link an outcome to."""
    from sociolab_desktop.core.services.mentoring.listing import (
        SessionFilter,
        list_sessions,
    )

    return list_sessions(store, SessionFilter(organisation_id=organisation_id), limit=500)


class _OutcomeDialog(SavingDialog):
    """The organisation (found by typing), the date, the support session, and the fields of a kind."""

    saved = Signal(str)
    FIELDS: tuple[str, ...] = ()

    def __init__(self, ctx: ShellContext, organisation: tuple[str, str] | None, date_field: str, record,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self._init_saving(ctx)
        self.record = record
        self.date_field = date_field
        self.sessions_loaded = False
        self.organisation = SearchPicker(ctx, "organisation", object_name="outcomeOrganisation")
        self.organisation.changed.connect(self._load_sessions)
        self.date_edit = date_edit("outcomeDate")
        self.session_combo = QComboBox(objectName="outcomeSession")
        self.session_combo.addItem("", None)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self._wanted_session = getattr(record, "mentoring_session_id", None)
        if organisation:
            self.organisation.set_chosen([organisation])

    def add_field(self, name: str, widget: QWidget) -> None:
        self.labels[name] = QLabel(buddy=widget.focusProxy() or widget)
        self.form.addRow(self.labels[name], self.marks.field(name, widget))

    def finish(self, chain: list[QWidget]) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for first, second in itertools.pairwise([*chain, self.save_button, self.cancel_button]):
            self.setTabOrder(first, second)
        self.ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(self.ctx.tr)
        self._initial = self.outcome_input()
        self.resize(620, 480)
        (chain[1] if self.organisation.chosen_id() else chain[0]).setFocus()

    def _load_sessions(self) -> None:
        organisation_id = self.organisation.chosen_id()
        self.session_combo.clear()
        self.session_combo.addItem(self.ctx.tr.gettext(NO_SESSION), None)
        if not organisation_id:
            return
        store = self.ctx.workspace.store
        self.ctx.operations.run(lambda: load_sessions(store, organisation_id),
                                on_success=lambda rows: self._on_sessions(organisation_id, rows), owner=self)

    def _on_sessions(self, organisation_id: str, rows: list) -> None:
        if organisation_id != self.organisation.chosen_id():
            return
        tr = self.ctx.tr
        for row in rows:
            text = "{date} · {hours} · {who}".format(date=tr.format_date(row.session_date, "numeric"),
                                                     hours=tr.format_hours(row.hours),
                                                     who=", ".join(row.mentor_names) or party_text(None, ()))
            self.session_combo.addItem(text, row.id)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(self._wanted_session), 0))
        self.sessions_loaded = True

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.labels["organisation_id"].setText(_("Organisation:"))
        self.labels["mentoring_session_id"].setText(_("Support that led to it:"))
        self.organisation.retranslate(tr, _("Type part of the organisation's name"))
        self.session_combo.setItemText(0, _(NO_SESSION))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))
        set_date_format(self.date_edit, tr)

    def outcome_input(self):
        raise NotImplementedError

    def is_changed(self) -> bool:
        return self.outcome_input() != self._initial

    def _saved(self, record) -> None:
        log.info("%s %s saved", type(record).__name__, record.id)
        self._initial = self.outcome_input()
        self.saved.emit(record.id)
        self.done(self.DialogCode.Accepted)


class JobDialog(_OutcomeDialog):
    def __init__(self, ctx: ShellContext, organisation: tuple[str, str] | None = None, job: JobRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, organisation, "occurred_on", job, parent)
        self.setObjectName("jobDialog")
        self.person = SearchPicker(ctx, "person", object_name="jobPerson")
        self.kind_combo = QComboBox(objectName="jobKind")
        self.contract_combo = QComboBox(objectName="jobContract")
        self.vulnerable_check = QCheckBox(objectName="jobVulnerable")
        self.evidence_edit = QPlainTextEdit(objectName="jobEvidence")
        self.evidence_edit.setTabChangesFocus(True)
        for name, widget in (("organisation_id", self.organisation), ("person_id", self.person),
                             ("occurred_on", self.date_edit), ("kind", self.kind_combo),
                             ("contract_type", self.contract_combo), ("is_vulnerable_group", self.vulnerable_check),
                             ("evidence", self.evidence_edit), ("mentoring_session_id", self.session_combo)):
            self.add_field(name, widget)
        if job is not None:
            self.person.set_chosen([(job.person_id, job.person_name or "")] if job.person_id else [])
            self.date_edit.setDate(to_qdate(job.occurred_on))
            self.vulnerable_check.setChecked(job.is_vulnerable_group)
            self.evidence_edit.setPlainText(job.evidence or "")
        self.finish([self.organisation.field, self.person.field, self.date_edit, self.kind_combo,
                     self.contract_combo, self.vulnerable_check, self.evidence_edit, self.session_combo])
        if job is not None:
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(job.kind), 0))
            self.contract_combo.setCurrentIndex(max(self.contract_combo.findData(job.contract_type), 0))
            self._initial = self.outcome_input()

    def retranslate(self, tr: Translator) -> None:
        super().retranslate(tr)
        _ = tr.gettext
        self.setWindowTitle(_("Job") if self.record else _("New job created or retained"))
        for name, text in (("person_id", _("Person employed:")), ("occurred_on", _("Date:")), ("kind", _("Job:")),
                           ("contract_type", _("Contract:")), ("is_vulnerable_group", ""),
                           ("evidence", _("Evidence:"))):
            self.labels[name].setText(text)
        self.person.retranslate(tr, _("Optional: type part of the person's name"))
        fill_combo(self.kind_combo, JOB_KINDS, tr, first=CHOOSE)
        fill_combo(self.contract_combo, CONTRACT_TYPES, tr, first=CHOOSE)
        self.vulnerable_check.setText(_("Employment of a person from a vulnerable group"))
        self.evidence_edit.setPlaceholderText(_("E.g. the employment contract seen on 3. 5. 2021, M1 form"))

    def outcome_input(self) -> JobInput:
        return JobInput(self.organisation.chosen_id(), from_qdate(self.date_edit.date()), self.kind_combo.currentData(),
                        self.contract_combo.currentData(), self.vulnerable_check.isChecked(),
                        self.person.chosen_id(), self.evidence_edit.toPlainText(), self.session_combo.currentData())

    def accept(self) -> None:
        store, actor, data = self.ctx.workspace.store, self.ctx.workspace.actor, self.outcome_input()
        job_id = self.record.id if self.record else None
        self.run_save(lambda confirmed: outcomes.save_job(store, actor, data, job_id=job_id, confirmed=confirmed))


class ProductDialog(_OutcomeDialog):
    def __init__(self, ctx: ShellContext, organisation: tuple[str, str] | None = None,
                 product: ProductRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, organisation, "developed_on", product, parent)
        self.setObjectName("productDialog")
        self.name_edit = QLineEdit(objectName="productName", maxLength=MAX_PRODUCT_NAME)
        self.description_edit = QPlainTextEdit(objectName="productDescription")
        self.description_edit.setTabChangesFocus(True)
        self.stage_combo = QComboBox(objectName="productStage")
        for name, widget in (("organisation_id", self.organisation), ("name", self.name_edit),
                             ("description", self.description_edit), ("developed_on", self.date_edit),
                             ("stage", self.stage_combo), ("mentoring_session_id", self.session_combo)):
            self.add_field(name, widget)
        if product is not None:
            self.name_edit.setText(product.name)
            self.description_edit.setPlainText(product.description or "")
            self.date_edit.setDate(to_qdate(product.developed_on))
        self.finish([self.organisation.field, self.name_edit, self.description_edit, self.date_edit,
                     self.stage_combo, self.session_combo])
        if product is not None:
            self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(product.stage), 0))
            self._initial = self.outcome_input()

    def retranslate(self, tr: Translator) -> None:
        super().retranslate(tr)
        _ = tr.gettext
        self.setWindowTitle(_("Socially innovative product") if self.record else
                            _("New socially innovative product"))
        for name, text in (("name", _("Name:")), ("description", _("Description:")), ("developed_on", _("Date:")),
                           ("stage", _("Stage:"))):
            self.labels[name].setText(text)
        fill_combo(self.stage_combo, PRODUCT_STAGES, tr, first=CHOOSE)

    def outcome_input(self) -> ProductInput:
        return ProductInput(self.organisation.chosen_id(), self.name_edit.text(), from_qdate(self.date_edit.date()),
                            self.stage_combo.currentData(), self.description_edit.toPlainText(),
                            self.session_combo.currentData())

    def accept(self) -> None:
        store, actor, data = self.ctx.workspace.store, self.ctx.workspace.actor, self.outcome_input()
        product_id = self.record.id if self.record else None
        self.run_save(lambda confirmed: outcomes.save_product(store, actor, data, product_id=product_id,
                                                              confirmed=confirmed))
