"""Record or edit one mentoring session: who was coached, by whom, when, how, about what, what
was agreed; copy the mentor's last session with the same party; print its record for signing;
delete a session recorded by mistake."""

from __future__ import annotations

import datetime as dt
import itertools
import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.enums import MentoringMode
from sociolab_desktop.core.domain.labels import MENTORING_MODES, label
from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.mentoring import sessions
from sociolab_desktop.core.services.mentoring.checks import SessionValidationError
from sociolab_desktop.core.services.mentoring.session_input import MAX_PLACE
from sociolab_desktop.core.services.mentoring.sessions import (
    SessionInput,
    SessionRecord,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import OptionalDateEdit, date_edit, from_qdate, set_date_format, to_qdate
from sociolab_desktop.ui.mentoring import deleting
from sociolab_desktop.ui.mentoring.form_support import SavingDialog
from sociolab_desktop.ui.mentoring.session_fields import (
    ActionsTable,
    MentorList,
    TimeFields,
    TopicChecks,
)
from sociolab_desktop.ui.mentoring.session_loading import (
    SessionFormData,
    load_copy,
    load_form,
)
from sociolab_desktop.ui.search_picker import SearchPicker
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

DEFAULT_TIMES = (dt.time(9, 0), dt.time(10, 0))
UNREADABLE_DUE = N_("“{value}” is not a date: type it like 30. 4. 2021, or leave it empty.")


class SessionForm(SavingDialog):
    # The session's id, after it was saved or deleted: the lists that show it read it again.
    saved = Signal(str)
    deleted = Signal(str)  # the session's id, after it was deleted (then `saved` follows)

    def __init__(self, ctx: ShellContext, session_id: str | None = None, *, organisation_id: str | None = None,
                 person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionForm")
        self._init_saving(ctx, tables=("actions",))
        self.session_id = session_id
        self.loaded = False
        self._initial: SessionInput | None = None
        self._record: SessionRecord | None = None  # the session as stored, when editing one
        self._site_id: str | None = None

        self.organisation = SearchPicker(ctx, "organisation", object_name="sessionOrganisation")
        self.persons = SearchPicker(ctx, "person", multiple=True, object_name="sessionPersons")
        self.mentors = MentorList()
        self.date_edit = date_edit("sessionDate")
        self.times = TimeFields()
        self.times.set_times(*DEFAULT_TIMES)
        self.times.changed.connect(lambda: self.times.show_duration(self.ctx.tr))
        self.date_edit.dateChanged.connect(self.times.set_day)
        self.mode_combo = QComboBox(objectName="sessionMode")
        for mode in MentoringMode:
            self.mode_combo.addItem("", mode.value)
        self.place_edit = QLineEdit(objectName="sessionPlace")
        self.place_edit.setMaxLength(MAX_PLACE)
        self.next_edit = OptionalDateEdit()
        self.next_edit.setObjectName("sessionNext")
        self.topics = TopicChecks()
        self.summary_edit = QPlainTextEdit(objectName="sessionSummary")
        self.summary_edit.setTabChangesFocus(True)
        self.actions = ActionsTable()
        # Both take the room there is, not their (tall) size hints: errors must not push the
        # window past a 768-pixel screen.
        for widget, lines in ((self.summary_edit, 5), (self.actions.table, 5)):
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * lines + 12)

        self.save_button.setEnabled(False)  # until the form is filled
        self.copy_button = QPushButton(objectName="copyLastSessionButton")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_last)
        self.print_button = QPushButton(objectName="printSessionRecordButton")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_record)
        self.delete_button = QPushButton(objectName="deleteSessionButton")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_session)
        self.delete_button.setVisible(session_id is not None)  # nothing to delete in a new session
        self.delete_button.setEnabled(False)  # until the session is read
        for keys, slot in (("Ctrl+L", self.copy_last), ("Ctrl+P", self.print_record),
                           ("Ctrl+Shift+A", self.actions.add_row)):
            QShortcut(QKeySequence(keys), self, slot)
        self._build_layout()
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.resize(1140, 660)
        store = ctx.workspace.store
        ctx.operations.run(lambda: load_form(store, session_id, organisation_id, person_id),
                           on_success=self._on_loaded, on_failure=self._on_load_failed, owner=self)

    def _build_layout(self) -> None:
        self.labels: dict[str, QLabel] = {}

        def add(form, name: str, widget: QWidget, stretch: int = 0) -> None:
            box = self.marks.field(name, widget)
            self.labels[name] = QLabel(buddy=widget.focusProxy() or widget)
            if isinstance(form, QFormLayout):
                form.addRow(self.labels[name], box)
            else:  # label above, the field taking its share of the height
                form.addWidget(self.labels[name])
                form.addWidget(box, stretch)

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in (("organisation_id", self.organisation), ("person_ids", self.persons),
                             ("mentor_ids", self.mentors), ("session_date", self.date_edit), ("starts", self.times),
                             ("mode", self.mode_combo), ("place", self.place_edit),
                             ("next_session_on", self.next_edit)):
            add(left, name, widget)
        self.marks.add("ends", self.times.ends_edit, self.marks.line("starts"))  # one line under both
        right = QVBoxLayout()
        for name, widget, stretch in (("topics", self.topics, 0), ("summary", self.summary_edit, 1),
                                      ("actions", self.actions, 1)):
            add(right, name, widget, stretch)
        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)  # the fields keep together at the top; the room goes below
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addLayout(left_column, 5)
        top.addLayout(right, 6)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(top, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        chain = [self.organisation.field, self.organisation.matches, self.persons.field, self.persons.matches,
                 self.persons.chosen_list, self.mentors, self.date_edit, self.times.starts_edit, self.times.ends_edit,
                 self.mode_combo, self.place_edit, self.next_edit.check, self.next_edit.date_edit,
                 *self.topics.checks.values(), self.summary_edit, self.actions.table, self.actions.add_button,
                 self.actions.remove_button, self.copy_button, self.print_button, self.delete_button, self.save_button,
                 self.cancel_button]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Mentoring session") if self.session_id else _("New mentoring session"))
        texts = {"organisation_id": _("Organisation:"), "person_ids": _("Persons coached:"),
                 "mentor_ids": _("Mentors:"), "session_date": _("Date:"), "starts": _("Time:"), "mode": _("Mode:"),
                 "place": _("Place:"), "next_session_on": _("Next session:"), "topics": _("Topics:"),
                 "summary": _("Summary of the work done:"), "actions": _("Agreed actions:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.organisation.retranslate(tr, _("Type part of the organisation's name"))
        self.persons.retranslate(tr, _("Type part of a name, e-mail or phone to add a person"))
        self.mentors.setToolTip(_("Space ticks the mentor in the current row."))
        for row in range(self.mode_combo.count()):
            self.mode_combo.setItemText(row, label(tr, MENTORING_MODES, self.mode_combo.itemData(row)))
        self.place_edit.setPlaceholderText(_("Where it took place, or the online tool"))
        self.next_edit.retranslate(tr, _("Planned on"))
        self.summary_edit.setPlaceholderText(_("What was worked on, what was explained or decided"))
        self.topics.retranslate(tr)
        self.actions.retranslate(tr)
        self.copy_button.setText(_("Copy last session"))
        self.copy_button.setToolTip(_("Fill in parties, mentors, mode, place, topics and times from your last "
                                      "session with this organisation or person (Ctrl+L)"))
        self.print_button.setText(_("Print record…"))
        self.print_button.setToolTip("Ctrl+P")
        self.delete_button.setText(_("Delete session…"))
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText))
        self.cancel_button.setText(_("Cancel"))
        set_date_format(self.date_edit, tr)
        self.times.show_duration(tr)

    # --- filling ---------------------------------------------------------------------------

    def _on_loaded(self, data: SessionFormData) -> None:
        self.mentors.set_mentors(data.mentors)
        record = data.session
        if record is None:
            if self.ctx.settings.current_staff_id:
                self.mentors.tick([self.ctx.settings.current_staff_id])
            if data.organisation:
                self.organisation.set_chosen([data.organisation])
            if data.person:
                self.persons.set_chosen([data.person])
        else:
            self._show_session(record)
        self._initial = self.session_input()
        self.loaded = True
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(self.session_id is not None)
        self.delete_button.setEnabled(self._record is not None)
        (self.summary_edit if record else self.organisation).setFocus()

    def _show_session(self, record: SessionRecord) -> None:
        self._record = record
        self._site_id = record.site_id
        self.organisation.set_chosen([(record.organisation_id, record.organisation_name or "")]
                                     if record.organisation_id else [])
        self.persons.set_chosen([(p.id, p.name) for p in record.persons])
        self.mentors.add_missing([(m.id, m.name) for m in record.mentors])
        self.mentors.tick([m.id for m in record.mentors])
        self.date_edit.setDate(to_qdate(record.session_date))
        self.times.set_times(record.starts, record.ends)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(record.mode), 0))
        self.place_edit.setText(record.place or "")
        self.topics.set_chosen(record.topics)
        self.summary_edit.setPlainText(record.summary or "")
        self.actions.set_actions(record.actions)
        self.next_edit.set_value(record.next_session_on)

    def _on_load_failed(self, error: BaseException) -> None:
        self._on_save_failed(None, error)

    def copy_last(self) -> None:
        """Prefill from the signed-in mentor's last session with the chosen organisation (or the
        first chosen person); what the new session alone has (summary, actions) stays."""
        if not self.loaded or self.saving:
            return
        tr = self.ctx.tr
        organisation_id, person_ids = self.organisation.chosen_id(), self.persons.chosen_ids()
        mentor_id = self.ctx.settings.current_staff_id
        if not (organisation_id or person_ids):
            self.general_error.show_text(tr.gettext("Choose the organisation or a person first: the form copies "
                                                    "your last session with them."))
            self.organisation.setFocus()
            return
        store, person_id = self.ctx.workspace.store, None if organisation_id else person_ids[0]
        self.ctx.operations.run(lambda: load_copy(store, mentor_id, organisation_id, person_id),
                                on_success=self._on_copied, owner=self)

    def _on_copied(self, result) -> None:
        tr = self.ctx.tr
        if result is None:
            self.general_error.show_text(tr.gettext("You have no earlier session with this organisation or person "
                                                    "to copy."))
            return
        copied, person_names, mentors = result
        self.general_error.clear_error()
        self.persons.set_chosen([*self.persons.chosen(),
                                 *((key, person_names.get(key, "")) for key in copied.person_ids)])
        self.mentors.add_missing(mentors)
        self.mentors.tick(copied.mentor_ids)
        self.date_edit.setDate(to_qdate(copied.session_date))
        self.times.set_times(copied.starts, copied.ends)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(copied.mode), 0))
        self.place_edit.setText(copied.place or "")
        self.topics.set_chosen(copied.topics)
        self._site_id = copied.site_id
        self.summary_edit.setFocus()

    # --- saving ----------------------------------------------------------------------------

    def session_input(self) -> SessionInput:
        actions, _unreadable = self.actions.actions()
        return SessionInput(
            session_date=from_qdate(self.date_edit.date()), starts=self.times.starts(), ends=self.times.ends(),
            mode=self.mode_combo.currentData(), mentor_ids=tuple(self.mentors.ticked_ids()),
            organisation_id=self.organisation.chosen_id(), person_ids=tuple(self.persons.chosen_ids()),
            place=self.place_edit.text(), topics=tuple(self.topics.chosen()), summary=self.summary_edit.toPlainText(),
            actions=tuple(actions), next_session_on=self.next_edit.value(), site_id=self._site_id)

    def is_changed(self) -> bool:
        return self.loaded and self.session_input() != self._initial

    def accept(self) -> None:
        if self.saving or not self.loaded:
            return
        self.actions.commit_editing()
        _actions, unreadable = self.actions.actions()
        table = self.actions.table
        unreadable_errors = [FieldError(f"actions.{row}.due_on", UNREADABLE_DUE, value=table.item(row, 2).text())
                             for row in unreadable]
        store, actor, data, session_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.session_input(), \
            self.session_id

        def work(confirmed: bool) -> SessionRecord:
            if unreadable_errors:  # refused with whatever else the service refuses, all marked at once
                try:
                    sessions.check_session(store, data, session_id=session_id)
                    others = []
                except SessionValidationError as error:
                    others = error.errors
                raise SessionValidationError(others + unreadable_errors)
            if session_id:
                return sessions.update_session(store, actor, session_id, data, confirmed=confirmed)
            return sessions.record_session(store, actor, data, confirmed=confirmed)

        self.run_save(work)

    def _saved(self, record: SessionRecord) -> None:
        log.info("Mentoring session %s saved", record.id)
        self.session_id = record.id
        self._initial = self.session_input()
        self.saved.emit(record.id)
        self._reload_open_overviews(record.organisation_id)
        self.done(self.DialogCode.Accepted)

    def _reload_open_overviews(self, organisation_id: str | None) -> None:
        """An organisation's support window open beside the form (not its parent, which reloads
        on `saved`) shows the session too; the one it was moved from as well."""
        from sociolab_desktop.ui.mentoring.organisation_support_window import (
            reload_open_overviews,
        )

        before = self._record.organisation_id if self._record else None
        reload_open_overviews(self.parentWidget(), {key for key in (before, organisation_id) if key})

    # --- deleting --------------------------------------------------------------------------

    def delete_session(self):
        """Ask, naming the session as stored, then delete it; the form closes once it is gone."""
        if not self.loaded or self.saving or self._record is None:
            return None
        tr = self.ctx.tr
        return deleting.ask_to_delete(self, tr, deleting.session_question(tr, self._record),
                                      tr.gettext(deleting.SESSION_NO_LONGER_COUNTS), self._delete)

    def _delete(self) -> None:
        if self.saving:
            return
        self.saving = True  # Save, Delete and closing wait until the service has answered
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.marks.clear()
        store, actor, session_id = self.ctx.workspace.store, self.ctx.workspace.actor, self._record.id
        self.ctx.operations.run(lambda: sessions.delete_session(store, actor, session_id),
                                on_success=lambda _result: self._deleted(session_id),
                                on_failure=self._on_delete_failed, owner=self)

    def _deleted(self, session_id: str) -> None:
        log.info("Mentoring session %s deleted", session_id)
        self.saving = False
        self.deleted.emit(session_id)
        self.saved.emit(session_id)
        self._reload_open_overviews(None)
        self.done(self.DialogCode.Accepted)

    def _on_delete_failed(self, error: BaseException) -> None:
        """Nothing was deleted: the form stays as it was, the reason under it."""
        self.saving = False
        self.save_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        if isinstance(error, UserError):
            self.marks.show(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def print_record(self):
        if not self.loaded:
            return None
        if self.session_id is None or self.is_changed():
            self.general_error.show_text(self.ctx.tr.gettext("Save the session first: the record prints what is "
                                                             "saved."))
            return None
        from sociolab_desktop.ui.mentoring.mentoring_print import print_session_record

        return print_session_record(self.ctx, self.session_id, self)
