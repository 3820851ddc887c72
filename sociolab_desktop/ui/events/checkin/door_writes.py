"""The door window's writes: check-ins, walk-ins and undo queued in a worker in the order staff
made them, each answered in the big banner and followed by fresh counters and list."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.events.checkin import door_texts as texts
from sociolab_desktop.ui.events.checkin.walk_in_dialog import DOOR_SERIAL

log = logging.getLogger(__name__)


class DoorWrites:
    """Mixed into CheckInWindow (which has the widgets, `ctx`, `refresh` and the signals)."""

    def undo_last(self) -> None:
        if not self.undo_stack:
            return
        receipt = self.undo_stack.pop()
        store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
        self._retranslate_undo(self.ctx.tr)

        def done(_result) -> None:
            self._pending.discard(("undo", receipt.attendance_id))
            self._show_banner(lambda tr: texts.undone_text(tr, receipt))
            self._after_write(receipt.event_session_id)

        self._pending.add(("undo", receipt.attendance_id))
        self.ctx.operations.run(lambda: ci.undo_check_in(store, actor, receipt), on_success=done,
                                on_failure=lambda error: self._on_refused(("undo", receipt.attendance_id), error),
                                owner=self, serial=DOOR_SERIAL)

    def _write(self, key: tuple[str, str], work) -> None:
        if key in self._pending:
            return  # Enter twice on the same person before the first answer: one check-in
        self._pending.add(key)
        self.ctx.operations.run(work, on_success=lambda receipt: self._on_admitted(key, receipt),
                                on_failure=lambda error: self._on_refused(key, error), owner=self,
                                serial=DOOR_SERIAL)

    def _on_admitted(self, key, receipt: ci.CheckInReceipt) -> None:
        self._pending.discard(key)
        self._offer = None
        self.undo_stack.append(receipt)
        self._show_banner(lambda tr: texts.checked_in_text(tr, receipt))
        log.info("Checked in at session %s (walk-in: %s)", receipt.event_session_id, receipt.is_walk_in)
        self.checked_in.emit(receipt)
        self._after_write(receipt.event_session_id)

    def _on_refused(self, key, error: BaseException) -> None:
        self._pending.discard(key)
        if not isinstance(error, UserError):
            self.write_finished.emit()
            self.ctx.operations.report_error(error)
            return
        self._show_refusal(error)
        self._beep()
        self.refresh()  # someone else may have changed the registration meanwhile
        self.write_finished.emit()

    def _show_refusal(self, error: UserError) -> None:
        if getattr(error, "offer_walk_in", False) and error.person_id:
            self._offer = ("person", error.person_id)
        elif isinstance(error, ci.UnknownCode):
            self._offer = ("new", "")
        else:
            self._offer = None
        self._show_banner(lambda tr: texts.refusal_text(tr, error))

    def _after_write(self, session_id: str) -> None:
        self._retranslate_undo(self.ctx.tr)
        self.refresh()
        self.attendance_changed.emit(session_id)
        self.write_finished.emit()

    def _beep(self) -> None:
        if self.sound_check.isChecked():
            QApplication.beep()

    # --- banner -----------------------------------------------------------------------------------

    def _show_banner(self, render) -> None:
        self._banner_text = render
        self.banner.show_text(render(self.ctx.tr))

    def _clear_banner(self) -> None:
        self._banner_text = None
        self._offer = None
        self.banner.clear()
