"""Record or edit one contact at the info point: when, who, how, about what, and what follows."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.enums import ContactChannel, ContactTopic
from sociolab_desktop.core.domain.labels import CONTACT_CHANNELS, CONTACT_TOPICS, label
from sociolab_desktop.core.services import contacts
from sociolab_desktop.core.services.contacts import ContactInput, ContactRecord
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.buttons import save_buttons
from sociolab_desktop.ui.forms.dates import date_edit, from_qdate, set_date_format, to_qdate
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.forms.questions import FORM_CHANGED, ask_unsaved_changes
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext

FOLLOW_UP_AFTER_DAYS = 14  # the date a follow-up starts at when ticked: two weeks after the contact


@dataclass(frozen=True)
class ContactChoices:
    """What the form offers, read in a worker: info points, staff, the person's organisations."""

    sites: list[tuple[str, str]]
    staff: list[tuple[str, str]]
    organisations: list[tuple[str, str]]
    party_name: str | None  # the person's name, or the organisation's for its own contact
    contact: ContactRecord | None


def load_choices(store, person_id: str | None, contact_id: str | None,
                 organisation_id: str | None = None) -> ContactChoices:
    """In a worker. A contact edited may name a staff member who has left: they stay choosable."""
    from sociolab_desktop.core.services import (
        organisation_roles,
        organisations,
        persons,
        sites,
        staff,
    )

    contact = contacts.get_contact(store, contact_id) if contact_id else None
    if contact_id and contact is None:
        raise UserError(N_("This contact no longer exists; refresh the list."))
    person_id = person_id or (contact.person_id if contact else None)
    organisation_id = organisation_id or (contact.organisation_id if contact else None)
    members = [(m.id, m.display_name) for m in staff.list_staff(store, include_inactive=True)
               if m.is_active or (contact and m.id == contact.staff_id)]
    linked = {}
    if person_id:
        for link in organisation_roles.organisations_of_person(store, person_id):
            linked.setdefault(link.organisation_id, link.organisation_name)
    if organisation_id and organisation_id not in linked:
        organisation = organisations.get_organisation(store, organisation_id, include_deleted=True)
        linked[organisation_id] = organisation.name if organisation else ""
    person = persons.get_person(store, person_id) if person_id else None
    if person is not None:
        party = f"{person.first_name} {person.last_name}"
    else:
        party = linked.get(organisation_id)
    return ContactChoices([(s.id, s.name) for s in sites.list_sites(store)], members,
                          list(linked.items()), party, contact)


def _select(combo: QComboBox, value: str | None) -> None:
    row = combo.findData(value)
    if row >= 0:
        combo.setCurrentIndex(row)


class ContactDialog(QDialog):
    saved = Signal(object)  # the ContactRecord as stored

    def __init__(self, ctx: ShellContext, person_id: str | None = None, *, contact_id: str | None = None,
                 organisation_id: str | None = None, parent: QWidget | None = None) -> None:
        """A new contact with `person_id` (and/or `organisation_id`), or the contact `contact_id`."""
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.ctx = ctx
        self.person_id, self.contact_id, self.organisation_id = person_id, contact_id, organisation_id
        self.saving = False
        self.loaded = False
        self.question_box = None
        self._initial: ContactInput | None = None

        self.person_value = QLabel(objectName="contactPerson")
        self.date_edit = date_edit("contactDate")
        self.channel_combo = QComboBox(objectName="contactChannel")
        for channel in ContactChannel:
            self.channel_combo.addItem("", channel.value)
        self.site_combo = QComboBox(objectName="contactSite")
        self.staff_combo = QComboBox(objectName="contactStaff")
        self.organisation_combo = QComboBox(objectName="contactOrganisation")
        self.organisation_combo.addItem("", None)
        self.follow_up_check = QCheckBox(objectName="contactFollowUpCheck")
        self.follow_up_edit = date_edit("contactFollowUp")
        self.follow_up_edit.setEnabled(False)
        self.follow_up_check.toggled.connect(self._on_follow_up_toggled)
        self.topic_checks = {topic.value: QCheckBox(objectName=f"topic_{topic.value}") for topic in ContactTopic}
        self.description_edit = QPlainTextEdit(objectName="contactDescription")
        self.outcome_edit = QPlainTextEdit(objectName="contactOutcome")
        for edit, lines in ((self.description_edit, 6), (self.outcome_edit, 3)):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        self.outcome_edit.setMaximumHeight(self.outcome_edit.minimumHeight())  # the description takes the room
        self.referral_edit = QLineEdit(objectName="contactReferral")
        self.referral_edit.setMaxLength(contacts.MAX_REFERRAL)

        self.general_error = InlineError()
        self.marks = FieldMarks(self.general_error)
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button.setEnabled(False)  # until the choices are read
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        self._build_layout()
        self._set_tab_order()
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.resize(880, 560)
        store = ctx.workspace.store
        ctx.operations.run(lambda: load_choices(store, person_id, contact_id, organisation_id), on_success=self._on_loaded,
                           on_failure=self._on_load_failed, owner=self)

    def _build_layout(self) -> None:
        self.labels: dict[str, QLabel] = {}

        def add(form: QFormLayout, name: str, widget: QWidget, label_widget: QWidget | None = None) -> None:
            if label_widget is None:
                label_widget = self.labels[name] = QLabel(buddy=widget)
            form.addRow(label_widget, self.marks.field(name, widget))

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels["person"] = QLabel()
        left.addRow(self.labels["person"], self.person_value)
        add(left, "contact_date", self.date_edit)
        add(left, "channel", self.channel_combo)
        add(left, "site_id", self.site_combo)
        add(left, "staff_id", self.staff_combo)
        add(left, "organisation_id", self.organisation_combo)
        add(left, "follow_up_on", self.follow_up_edit, self.follow_up_check)

        self.topics_box = QGroupBox(objectName="contactTopics")
        grid = QGridLayout(self.topics_box)
        for number, check in enumerate(self.topic_checks.values()):
            grid.addWidget(check, number % 4, number // 4)
        topics = self.marks.field("topics", self.topics_box, focus=next(iter(self.topic_checks.values())))

        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(topics, 1)
        below = QFormLayout()
        add(below, "description", self.description_edit)
        add(below, "outcome", self.outcome_edit)
        add(below, "referral", self.referral_edit)
        self.forms = (left, below)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(below, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _set_tab_order(self) -> None:
        chain = [self.date_edit, self.channel_combo, self.site_combo, self.staff_combo, self.organisation_combo,
                 self.follow_up_check, self.follow_up_edit, *self.topic_checks.values(), self.description_edit,
                 self.outcome_edit, self.referral_edit, self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Contact") if self.contact_id else _("Record contact"))
        texts = {"person": _("With:"), "contact_date": _("Date:"), "channel": _("Channel:"),
                 "site_id": _("Info point:"), "staff_id": _("Staff member:"), "organisation_id": _("Organisation:"),
                 "description": _("What it was about:"), "outcome": _("Outcome:"), "referral": _("Referred to:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.follow_up_check.setText(_("Follow up on:"))
        self.topics_box.setTitle(_("Topics"))
        for value, check in self.topic_checks.items():
            check.setText(label(tr, CONTACT_TOPICS, value))
        for row in range(self.channel_combo.count()):
            self.channel_combo.setItemText(row, label(tr, CONTACT_CHANNELS, self.channel_combo.itemData(row)))
        self.organisation_combo.setItemText(0, _("(none)"))
        self.description_edit.setPlaceholderText(_("What the person asked, what was explained"))
        self.outcome_edit.setPlaceholderText(_("What was agreed or handed over"))
        self.referral_edit.setPlaceholderText(_("An institution or person the client was sent to"))
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText))
        self.cancel_button.setText(_("Cancel"))
        for edit in (self.date_edit, self.follow_up_edit):
            set_date_format(edit, tr)
        self._align_labels()
        self.follow_up_check.setToolTip(tr.gettext(
            "Set a date to be reminded: the contact appears in Follow-ups due when the date is near."))

    def _align_labels(self) -> None:
        """One label column for the fields beside the topics and the texts below them."""
        labels = [form.labelForField(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
                  for form in self.forms for row in range(form.rowCount())]
        width = max(widget.sizeHint().width() for widget in labels if widget is not None)
        for widget in labels:
            if widget is not None:
                widget.setMinimumWidth(width)

    # --- loading ---------------------------------------------------------------------------

    def _on_loaded(self, choices: ContactChoices) -> None:
        for site_id, name in choices.sites:
            self.site_combo.addItem(name, site_id)
        for staff_id, name in choices.staff:
            self.staff_combo.addItem(name, staff_id)
        for organisation_id, name in choices.organisations:
            self.organisation_combo.addItem(name, organisation_id)
        self.person_value.setText(choices.party_name or "—")
        contact = choices.contact
        if contact is None:
            _select(self.site_combo, self.ctx.settings.site_id)
            _select(self.staff_combo, self.ctx.settings.current_staff_id)
            _select(self.organisation_combo, self.organisation_id)
        else:
            self._show_contact(contact)
        self.organisation_combo.setEnabled(bool(self.person_id) and self.organisation_combo.count() > 1)
        self._initial = self.contact_input()
        self.loaded = True
        self.save_button.setEnabled(True)
        self.date_edit.setFocus()

    def _show_contact(self, contact: ContactRecord) -> None:
        self.person_id = contact.person_id
        self.organisation_id = contact.organisation_id
        self.date_edit.setDate(to_qdate(contact.contact_date))
        _select(self.channel_combo, contact.channel)
        _select(self.site_combo, contact.site_id)
        _select(self.staff_combo, contact.staff_id)
        _select(self.organisation_combo, contact.organisation_id)
        for value, check in self.topic_checks.items():
            check.setChecked(value in contact.topics)
        self.description_edit.setPlainText(contact.description or "")
        self.outcome_edit.setPlainText(contact.outcome or "")
        self.referral_edit.setText(contact.referral or "")
        if contact.follow_up_on:
            self.follow_up_check.setChecked(True)
            self.follow_up_edit.setDate(to_qdate(contact.follow_up_on))

    def _on_load_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.marks.show(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _on_follow_up_toggled(self, checked: bool) -> None:
        self.follow_up_edit.setEnabled(checked)
        if checked and self.loaded:
            start = from_qdate(self.date_edit.date()) + dt.timedelta(days=FOLLOW_UP_AFTER_DAYS)
            self.follow_up_edit.setDate(to_qdate(start))
            self.follow_up_edit.setFocus()

    # --- saving ----------------------------------------------------------------------------

    def contact_input(self) -> ContactInput:
        # A person's contact names one of their organisations (or none); an organisation's, itself.
        organisation_id = self.organisation_combo.currentData() if self.person_id else self.organisation_id
        return ContactInput(
            contact_date=from_qdate(self.date_edit.date()),
            channel=self.channel_combo.currentData(),
            topics=[value for value, check in self.topic_checks.items() if check.isChecked()],
            person_id=self.person_id,
            organisation_id=organisation_id,
            description=self.description_edit.toPlainText(),
            outcome=self.outcome_edit.toPlainText(),
            referral=self.referral_edit.text(),
            follow_up_on=from_qdate(self.follow_up_edit.date()) if self.follow_up_check.isChecked() else None,
            site_id=self.site_combo.currentData(),
            staff_id=self.staff_combo.currentData(),
        )

    def is_changed(self) -> bool:
        return self.loaded and self.contact_input() != self._initial

    def accept(self) -> None:
        if self.saving or not self.loaded:
            return
        store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
        data, contact_id = self.contact_input(), self.contact_id
        if contact_id:
            def work():
                return contacts.update_contact(store, actor, contact_id, data)
        else:
            def work():
                return contacts.record_contact(store, actor, data)
        self.marks.clear()
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.operations.run(work, on_success=self._on_saved, on_failure=self._on_save_failed, owner=self)

    def _on_saved(self, record: ContactRecord) -> None:
        self.saving = False
        self._initial = self.contact_input()
        self.saved.emit(record)
        super().accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self._on_load_failed(error)

    def reject(self) -> None:
        if self.is_changed():
            tr = self.ctx.tr
            ask_unsaved_changes(self, tr, tr.gettext(FORM_CHANGED), lambda _discard: QDialog.reject(self),
                                can_save=False)
            return
        super().reject()
