"""The door check-in window: one big search field, the registrations found as staff type or scan,
a big coloured answer to each check-in, live counters, walk-ins and undo. Works on this PC's
database alone: it never touches the sync share.

Roster searches and counters run on the GUI thread: they are bounded by the event's registrations
(≤ 50 rows shown; 5–8 ms for 500 registrations, see tests/ui/events/checkin), a reader never waits
for a writer under WAL, and the search runs once per pause in typing. That keeps Enter exact: it
acts on what is typed at that moment, never on a list still waiting for its refresh. Writes run in
a worker, one after another (DOOR_SERIAL): a write may wait for SQLite's lock while a sync round
applies a bundle, and the queue at the door must not freeze meanwhile.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from sociolab_desktop.core.domain.labels import title_in
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import roster
from sociolab_desktop.core.services.events.codes import code_candidates, looks_like_code
from sociolab_desktop.core.services.events.events import EventDetail, get_event
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.events.checkin import door_texts as texts
from sociolab_desktop.ui.events.checkin.door_sessions import choose_session
from sociolab_desktop.ui.events.checkin.door_view import DoorView
from sociolab_desktop.ui.events.checkin.door_writes import DoorWrites
from sociolab_desktop.ui.events.checkin.walk_in_dialog import WalkInDialog
from sociolab_desktop.ui.open_windows import front_window
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


def open_checkin_window(ctx: ShellContext, event_id: str, session_id: str | None = None,
                        parent: QWidget | None = None) -> CheckInWindow:
    """The event's door window (maximized; F11 for full screen), brought to the front if open.
    `session_id` None: today's session, else the next one, else the window asks."""
    window = front_window(parent, CheckInWindow, lambda open_window: open_window.event_id == event_id)
    if window is not None:
        window.reload(session_id or window.session_id)  # sessions may have been added meanwhile
        return window
    window = CheckInWindow(ctx, event_id, session_id, parent)
    window.showMaximized()
    return window


class CheckInWindow(DoorWrites, DoorView):
    checked_in = Signal(object)  # a CheckInReceipt: someone was admitted (the event window refreshes)
    attendance_changed = Signal(str)  # a session's attendance changed here (check-in or undo)
    write_finished = Signal()  # a check-in, walk-in or undo came back, admitted or refused

    def __init__(self, ctx: ShellContext, event_id: str, session_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("checkInWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.event_id = event_id
        self.event_info: EventDetail | None = None
        self.session_id: str | None = None
        self.undo_stack: list[ci.CheckInReceipt] = []
        self.last_search_ms = 0.0
        self.walk_in_dialog: WalkInDialog | None = None
        self._listed_for: str | None = None  # the typed text the list shows the result of
        self._pending: set[tuple[str, str]] = set()  # writes on their way (a double Enter is dropped)
        self._offer: tuple[str, str] | None = None  # ("person", id) or ("new", typed) for F2
        self._banner_text = None  # tr -> BannerText, re-rendered on a language switch
        self._highlight_moved = False

        self._connect()
        ctx.language_changed.connect(self._on_language_changed)
        self.apply_scale()
        self.reload(session_id)
        self.search_edit.setFocus()

    def _connect(self) -> None:
        self.session_combo.activated.connect(lambda index: self.set_session(self.session_combo.itemData(index)))
        self.search_edit.textEdited.connect(self._on_text_edited)
        self.search_edit.returnPressed.connect(self._on_return_pressed)
        self.search_edit.moved.connect(self._on_moved)
        self.search_edit.escaped.connect(self._on_escaped)
        self.search_edit.undo_requested.connect(self.undo_last)
        self.search_timer.timeout.connect(self.search_now)
        self.banner.action_clicked.connect(self.walk_in)
        self.roster.itemClicked.connect(lambda *_args: self._on_moved(0))
        self.roster.itemDoubleClicked.connect(lambda *_args: self._check_in_highlighted())
        self.undo_button.clicked.connect(self.undo_last)
        self.walk_in_button.clicked.connect(lambda: self.open_walk_in_dialog(self._typed_name()))
        for keys, slot in ((QKeySequence(Qt.Key.Key_F11), self.toggle_full_screen),
                           (QKeySequence(Qt.Key.Key_F2), self.walk_in),
                           (QKeySequence(QKeySequence.StandardKey.New), lambda: self.open_walk_in_dialog()),
                           (QKeySequence(QKeySequence.StandardKey.Undo), self.undo_last),
                           (QKeySequence(QKeySequence.StandardKey.Refresh), self.refresh),
                           (QKeySequence(QKeySequence.StandardKey.Find), self.search_edit.setFocus)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # --- event and session ----------------------------------------------------------------------

    def reload(self, session_id: str | None = None) -> None:
        """Read the event and its sessions again and check in for `session_id` (None: today's,
        else the next one, else ask)."""
        self.event_info = get_event(self.ctx.workspace.store, self.event_id)
        sessions = list(self.event_info.sessions) if self.event_info else []
        self.session_combo.clear()
        for row in sessions:
            self.session_combo.addItem("", row.id)
        if session_id is None:
            chosen = choose_session(sessions, dt.datetime.now())
            session_id = chosen.id if chosen else None
        if self.event_info is None:
            self._show_banner(lambda tr: texts.BannerText(texts.REFUSED, tr.gettext("Event not found"), tr.gettext(
                "The event was not found; it may have been deleted. Close this window and open the event again.")))
        self.set_session(session_id)
        self.retranslate(self.ctx.tr)

    def set_session(self, session_id: str | None) -> None:
        """Check people in for this session from now on (None: ask which)."""
        sessions = self.event_info.sessions if self.event_info else ()
        if session_id is not None and all(row.id != session_id for row in sessions):
            session_id = None
        self.session_id = session_id
        self.session_combo.setCurrentIndex(self.session_combo.findData(session_id) if session_id else -1)
        self.search_edit.setEnabled(session_id is not None)
        self.walk_in_button.setEnabled(session_id is not None)
        if session_id is None and self.event_info is not None:
            self._show_banner(lambda tr: texts.no_session_text(tr, bool(sessions)))
        elif self.event_info is not None:
            self._clear_banner()
        self._retranslate_session(self.ctx.tr)
        self.refresh()
        self.search_edit.setFocus()

    def current_session(self):
        return next((row for row in self.event_info.sessions if row.id == self.session_id), None) if self.event_info else None

    # --- searching -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Counters and list as the database holds them now (after a write, F5, a session switch)."""
        if self.session_id is None:
            self.counters.show_counters(None, self.ctx.tr)
            self.roster.set_entries([], self.ctx.tr)
            self._listed_for = None
            return
        try:
            self.counters.show_counters(roster.session_counters(self.ctx.workspace.store, self.session_id),
                                        self.ctx.tr)
        except UserError as error:
            self._show_refusal(error)
        self.search_now()

    def search_now(self) -> None:
        self.search_timer.stop()
        if self.session_id is None:
            return
        typed = self.search_edit.text().strip()
        started = time.perf_counter()
        try:
            entries = roster.search_roster(self.ctx.workspace.store, self.session_id, typed)
        except UserError as error:
            entries = []
            self._show_refusal(error)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        log.debug("Door search: %d row(s) in %.1f ms", len(entries), self.last_search_ms)
        self.roster.set_entries(entries, self.ctx.tr)
        self._retranslate_more(self.ctx.tr)
        self._listed_for = typed
        self._highlight_moved = False

    def _on_text_edited(self, _text: str) -> None:
        if self.banner.kind and self.session_id is not None:
            self._clear_banner()  # the answer to the last person goes when the next one is looked for
        self.search_timer.start()  # restarted by every key: one query once typing pauses

    def _on_moved(self, step: int) -> None:
        if self._listed_for != self.search_edit.text().strip():
            self.search_now()
        self.roster.move_highlight(step)
        self._highlight_moved = True
        self.search_edit.setFocus()

    def _on_escaped(self) -> None:
        self._clear_banner()
        self.search_now()

    def _typed_name(self) -> str:
        typed = self.search_edit.text().strip()
        return "" if looks_like_code(typed) else typed

    # --- checking in ---------------------------------------------------------------------------

    def _on_return_pressed(self) -> None:
        """What is typed decides, not what the list showed a moment ago: a code checks in its
        person at once; a name checks in the highlighted person once the list shows that name."""
        typed = self.search_edit.text().strip()
        if self.session_id is None:
            return
        stale = self._listed_for != typed
        if stale:
            self.search_now()
        entries = self.roster.entries
        # A name can look like a code ("kramberg"): it is one only if no name but a code matches.
        codes = set(code_candidates(typed))
        if codes and (not entries or any(entry.code in codes for entry in entries)):
            session_id, store, actor = self.session_id, self.ctx.workspace.store, self.ctx.workspace.actor
            self.search_edit.clear()
            self._write(("code", typed.upper()), lambda: ci.check_in_by_code(store, actor, session_id, typed))
            return
        if not typed and not self._highlight_moved:
            return  # a stray Enter in an empty field admits nobody
        if stale and len(entries) > 1:  # found just now: staff have not seen whom they would admit
            count = len(entries)
            self._show_banner(lambda tr: texts.choose_one_text(tr, count))
            return
        if not entries:
            self._offer = ("new", typed)
            self._show_banner(lambda tr: texts.nobody_found_text(tr, typed))
            self._beep()
            return
        self._check_in_highlighted()

    def _check_in_highlighted(self) -> None:
        entry = self.roster.current_entry()
        if entry is None or self.session_id is None:
            return
        session_id, store, actor = self.session_id, self.ctx.workspace.store, self.ctx.workspace.actor
        self.search_edit.clear()
        self._write(("person", entry.person_id), lambda: ci.check_in(store, actor, session_id, entry.person_id))

    def walk_in(self) -> None:
        """F2 and the banner's button: admit the person just refused as a walk-in, else add one."""
        if self.session_id is None:
            return
        if self._offer and self._offer[0] == "person":
            person_id, session_id = self._offer[1], self.session_id
            store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
            self._offer = None
            self._write(("walk-in", person_id),
                        lambda: ci.check_in_walk_in(store, actor, session_id, person_id=person_id))
            return
        self.open_walk_in_dialog(self._offer[1] if self._offer else self._typed_name())

    def open_walk_in_dialog(self, typed: str = "") -> WalkInDialog | None:
        if self.session_id is None:
            return None
        dialog = WalkInDialog(self.ctx, self.session_id, typed, self)
        dialog.checked_in.connect(lambda receipt: self._on_admitted(None, receipt))
        dialog.refused.connect(lambda error: self._on_refused(None, error))
        dialog.finished.connect(self._on_dialog_finished)
        self.walk_in_dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        self.activateWindow()  # back to the door's search field, ready for the next person
        self.search_edit.setFocus()

    # --- language -------------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        title = title_in(tr.language, self.event_info.title_sl, self.event_info.title_en) if self.event_info else ""
        self.setWindowTitle(tr.gettext("Check-in: {title}").format(title=title))
        self.title_label.setText(title)
        self.retranslate_view(tr)
        self._retranslate_session(tr)
        self._retranslate_undo(tr)
        self._retranslate_more(tr)
        if self._banner_text is not None:
            self.banner.show_text(self._banner_text(tr))

    def _retranslate_session(self, tr: Translator) -> None:
        self.show_session(tr, list(self.event_info.sessions) if self.event_info else [], self.current_session())

    def _retranslate_more(self, tr: Translator) -> None:
        self.show_more(tr, len(self.roster.entries) >= roster.ROSTER_LIMIT, roster.ROSTER_LIMIT)

    def _retranslate_undo(self, tr: Translator) -> None:
        self.show_undo(tr, self.undo_stack[-1] if self.undo_stack else None)
