"""The form for a new event or changes to one, with its sessions: loading and saving off the GUI
thread, errors at the field and at the session's row, and closing with unsaved changes."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import title_in
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.events.event_fields import EventFields
from sociolab_desktop.ui.events.session_rows import SessionRowsEditor
from sociolab_desktop.ui.forms.buttons import save_buttons
from sociolab_desktop.ui.forms.questions import SAVE, ask_unsaved_changes, tell
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


def load_form_data(store, event_id: str | None):
    """In a worker: the info points (id → name) and the event (None for a new one)."""
    from sociolab_desktop.ui.list_choices import load_sites

    return load_sites(store), ev.get_event(store, event_id) if event_id else None


@dataclass
class SaveOutcome:
    """What a save did. Session rows are saved one by one: those refused keep their error and the
    form stays open on the (now stored) event."""

    event: ev.EventDetail
    promoted: tuple = ()
    saved_rows: dict[int, se.SessionInfo] = field(default_factory=dict)  # id(row) → stored session
    deleted_rows: list[int] = field(default_factory=list)
    row_errors: dict[int, UserError] = field(default_factory=dict)


def save_event(store, actor, event_id: str | None, data: ev.EventInput, rows: list[tuple[int, str | None, object]],
               removed: list[tuple[int, str]]) -> SaveOutcome:
    """In a worker: the event first (its errors stop everything), then each session."""
    if event_id is None:
        outcome = SaveOutcome(ev.create_event(store, actor, data))
    else:
        saved = ev.update_event(store, actor, event_id, data)
        outcome = SaveOutcome(saved.event, saved.promoted)
    for key, session_id in removed:
        try:
            se.delete_session(store, actor, session_id)
            outcome.deleted_rows.append(key)
        except UserError as error:
            outcome.row_errors[key] = error
    for key, session_id, session_input in rows:
        try:
            if session_id is None:
                outcome.saved_rows[key] = se.add_session(store, actor, outcome.event.id, session_input)
            else:
                outcome.saved_rows[key] = se.update_session(store, actor, session_id, session_input)
        except UserError as error:
            outcome.row_errors[key] = error
    if outcome.saved_rows or outcome.deleted_rows:
        outcome.event = ev.get_event(store, outcome.event.id) or outcome.event
    return outcome


class EventForm(QDialog):
    saved = Signal(str)  # the event's id, once stored

    def __init__(self, ctx: ShellContext, event_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventForm")
        self.ctx = ctx
        self.event_id = event_id
        self.detail: ev.EventDetail | None = None
        self.ready = self.saving = False
        self.question_box = None
        self._initial = None
        self.fields = EventFields()
        self.sessions_heading = section_heading("eventSessionsHeading")
        self.sessions = SessionRowsEditor()
        self.add_session_button = QPushButton(objectName="addSessionButton")
        self.add_session_button.clicked.connect(self.sessions.add_session)
        self.add_shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), self)
        self.add_shortcut.activated.connect(self.sessions.add_session)
        self.error = InlineError()
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.accept)
        self._build_layout()
        self._set_enabled(False)
        ctx.language_changed.connect(self._on_language_changed)  # a method: disconnected when closed
        self.retranslate(ctx.tr)
        store = ctx.workspace.store
        ctx.operations.run(lambda: load_form_data(store, event_id), on_success=self._on_loaded, owner=self)

    def _build_layout(self) -> None:
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.sessions_heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.add_session_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.fields)
        layout.addSpacing(6)
        layout.addLayout(heading_row)
        layout.addWidget(self.sessions, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)  # fits 1366×768 with the task bar

    def _set_tab_order(self) -> None:
        chain = [*self.fields.widgets_in_order(), self.add_session_button]
        for row in self.sessions.live_rows():
            chain.extend(row.widgets_in_order())
        chain.extend([self.save_button, self.cancel_button])
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.fields, self.sessions, self.add_session_button, self.save_button):
            widget.setEnabled(enabled)

    # --- loading ---------------------------------------------------------------------------

    def _on_loaded(self, loaded) -> None:
        sites, detail = loaded
        tr = self.ctx.tr
        if self.event_id and detail is None:
            self.error.show_text(tr.gettext("The event was not found; it may have been deleted at another info "
                                            "point. Close this window and refresh the list."))
            return
        self.detail = detail
        self.fields.set_sites(sites, detail.site_id if detail else self.ctx.settings.site_id)
        if detail is not None:
            self.fields.fill(detail)
            self.sessions.set_sessions(detail.sessions)
        self.sessions.changed.connect(self._set_tab_order)
        self._set_tab_order()
        self._initial = self.snapshot()
        self.ready = True
        self._set_enabled(True)
        self.retranslate(tr)
        (self.fields.title_sl_edit if detail is None else self.fields.type_combo).setFocus()

    # --- what was typed --------------------------------------------------------------------

    def snapshot(self) -> tuple:
        rows = tuple((row.session.id if row.session else None, row.read()) for row in self.sessions.live_rows())
        removed = tuple(row.session.id for row in self.sessions.removed_rows())
        return self.fields.snapshot(), rows, removed

    def is_dirty(self) -> bool:
        return self.ready and self._initial is not None and self.snapshot() != self._initial

    def field_errors(self) -> dict[str, str]:
        return self.fields.marks.errors()

    def row_errors(self) -> list[str]:
        return [row.error for row in self.sessions.live_rows()]

    # --- saving ----------------------------------------------------------------------------

    def accept(self) -> None:
        self.save()

    def save(self) -> None:
        if not self.ready or self.saving:
            return
        tr = self.ctx.tr
        self.fields.marks.clear()
        self.error.clear_error()
        data, errors = self.fields.read(tr)
        if errors:
            self.fields.marks.mark(errors)
            self.error.show_text(tr.gettext(ev.EventValidationError.message_id))
            return
        live = self.sessions.live_rows()
        wrong = [row for row in live if row.time_error(tr)]
        for row in live:
            row.show_error(row.time_error(tr))
        if wrong:
            self.error.show_text(tr.gettext(se.SessionValidationError.message_id))
            wrong[0].end_edit.setFocus()
            return
        rows = [(id(row), row.session.id if row.session else None, row.read()) for row in live]
        removed = [(id(row), row.session.id) for row in self.sessions.removed_rows()]
        self.saving = True
        self._set_enabled(False)
        store, actor, event_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.event_id
        self.ctx.operations.run(lambda: save_event(store, actor, event_id, data, rows, removed),
                                on_success=self._on_saved, on_failure=self._on_save_failed, owner=self)

    def _on_saved(self, outcome: SaveOutcome) -> None:
        self.saving = False
        self._set_enabled(True)
        tr = self.ctx.tr
        self.event_id, self.detail = outcome.event.id, outcome.event
        by_key = {id(row): row for row in self.sessions.rows}
        for key, info in outcome.saved_rows.items():
            by_key[key].session = info
        for key in outcome.deleted_rows:
            row = by_key[key]
            self.sessions.rows.remove(row)
            row.deleteLater()
        for key, error in outcome.row_errors.items():
            row = by_key[key]
            if row.removed:
                self.sessions.restore_row(row)
            row.show_error(error.render(tr))
        log.info("Event %s saved (%d session(s) saved, %d refused)", outcome.event.id, len(outcome.saved_rows),
                 len(outcome.row_errors))
        self.saved.emit(outcome.event.id)
        self.retranslate(tr)
        if outcome.row_errors:
            self._initial = None  # what was refused is still to be saved
            self.error.show_text(tr.gettext("The event was saved, but not every session: correct the marked "
                                            "sessions and save again."))
            return
        self._initial = self.snapshot()
        if outcome.promoted:
            names = ", ".join(row.full_name for row in outcome.promoted)
            tell(self.parentWidget() or self, tr.ngettext(
                "With more places, {count} person moved up from the waiting list: {names}.",
                "With more places, {count} persons moved up from the waiting list: {names}.",
                len(outcome.promoted)).format(count=tr.format_number(len(outcome.promoted)), names=names), tr)
        self.done(QDialog.DialogCode.Accepted)

    def _on_save_failed(self, error: BaseException) -> None:
        self.saving = False
        self._set_enabled(True)
        tr = self.ctx.tr
        if isinstance(error, ev.EventValidationError):
            leftover = self.fields.marks.mark({item.field: item.render(tr) for item in error.errors})
            self.error.show_text("\n".join([tr.gettext(error.message_id), *leftover.values()]))
        elif isinstance(error, UserError):
            self.error.show_error(error, tr)
        else:
            self.ctx.operations.report_error(error)

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Esc and the close button: ask first when something was changed."""
        if self.saving:
            return
        if not self.is_dirty():
            super().reject()
            return
        tr = self.ctx.tr
        ask_unsaved_changes(self, tr, tr.gettext("You have changed this event. Save the changes before closing?"),
                            lambda answer: self.save() if answer == SAVE else QDialog.reject(self))

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        if self.event_id is None:
            self.setWindowTitle(_("New event"))
        else:
            title = title_in(tr.language, self.detail.title_sl, self.detail.title_en) if self.detail else ""
            self.setWindowTitle(_("Edit event: {title}").format(title=title) if title else _("Edit event"))
        self.fields.retranslate(tr)
        self.sessions_heading.setText(_("Sessions"))
        self.sessions.retranslate(tr)
        self.add_session_button.setText(_("Add session"))
        self.add_session_button.setToolTip(self.add_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(self.save_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        self.cancel_button.setText(_("Cancel"))
