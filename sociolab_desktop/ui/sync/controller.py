"""Sync for the window: rounds on demand and on a timer, conflict choices, the state to show.

One per main window; the Sync page and the status bar watch `changed`. All database and share
work runs through the operation runner under one serial key, so a round, a conflict choice and
a refresh of the state never overlap, and a round never blocks the window. A share that cannot
be reached is a state ("not synced since …"), never a dialog: rounds may run every few minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

AUTO_SYNC_INTERVAL_MS = 5 * 60 * 1000
# The first automatic round after the data folder opens: sign-in and the first screen come first.
FIRST_ROUND_DELAY_MS = 10 * 1000
SYNC_SERIAL = "sync"

Message = Callable[[Translator], str]  # words rendered when shown, so they follow the language


class SyncController(QObject):
    changed = Signal()  # state, busy flag or message changed: re-read and redraw
    round_finished = Signal(object)  # the RoundResult, or None when the round failed
    conflict_resolved = Signal(str)

    def __init__(self, ctx: ShellContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.interval_ms = AUTO_SYNC_INTERVAL_MS
        self.first_round_delay_ms = FIRST_ROUND_DELAY_MS
        self.snapshot = None  # ui/sync/snapshot.SyncSnapshot, once read
        self.shared_sites: dict[str, dict] = {}  # site.json of each info point, as last read
        self.last_result = None
        self.busy = False  # a round is running
        self.message: Message | None = None
        self._automatic = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)  # re-armed after each round: rounds never pile up
        self._timer.timeout.connect(self._on_timer)
        ctx.workspace_opened.connect(self._on_workspace_opened)
        if ctx.is_open:
            self._on_workspace_opened()

    # --- state -----------------------------------------------------------------------------

    @property
    def share_path(self) -> str | None:
        return self.ctx.settings.share_path

    def can_sync(self) -> bool:
        return bool(self.ctx.is_open and self.ctx.settings.is_initialised and self.share_path)

    def is_scheduled(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, milliseconds: int) -> None:
        """How often rounds run on their own (tests shorten it); applies from now."""
        self.interval_ms = milliseconds
        self._schedule(milliseconds)

    def stop(self) -> None:
        """The window closes: no more automatic rounds (a running one finishes)."""
        self._timer.stop()

    # --- actions ---------------------------------------------------------------------------

    def sync_now(self, *, automatic: bool = False) -> bool:
        """Start a round unless one is running or there is nowhere to sync to."""
        if self.busy or not self.can_sync():
            return False
        self.busy = True
        self._automatic = automatic
        self._timer.stop()
        self.changed.emit()
        workspace = self.ctx.workspace

        def round_in_worker():
            from sociolab_desktop.ui.sync.snapshot import take_snapshot
            from sociolab_desktop.workspace import shared_site_infos, sync_round

            result = sync_round(workspace)
            shared = None if result.share_unavailable else shared_site_infos(workspace)
            return result, take_snapshot(workspace), shared

        log.info("Sync round started (%s)", "automatic" if automatic else "by hand")
        self.ctx.operations.run(
            round_in_worker, on_success=self._on_round_done, on_failure=self._on_round_failed,
            owner=self, serial=SYNC_SERIAL,
        )
        return True

    def refresh(self) -> None:
        """Re-read the state from the database (it never waits for the share)."""
        if not self.ctx.is_open:
            return
        workspace = self.ctx.workspace

        def read_in_worker():
            from sociolab_desktop.ui.sync.snapshot import take_snapshot

            return take_snapshot(workspace)

        self.ctx.operations.run(read_in_worker, on_success=self._on_snapshot, owner=self, serial=SYNC_SERIAL)

    def resolve(self, conflict_id: str, choice: str) -> None:
        """`choice`: core.sync.conflicts.KEEP_WINNER or TAKE_OTHER."""
        workspace = self.ctx.workspace

        def resolve_in_worker():
            from sociolab_desktop.ui.sync.snapshot import take_snapshot
            from sociolab_desktop.workspace import resolve_conflict

            resolve_conflict(workspace, conflict_id, choice)
            return take_snapshot(workspace)

        def done(snapshot) -> None:
            self.message = None
            self._on_snapshot(snapshot)
            self.conflict_resolved.emit(conflict_id)

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserError):
                self.ctx.operations.report_error(error)
            else:
                self.message = error.render
                self.changed.emit()
            self.refresh()  # resolved elsewhere meanwhile: the list catches up

        log.info("Conflict %s resolved (%s)", conflict_id, choice)
        self.ctx.operations.run(resolve_in_worker, on_success=done, on_failure=failed, owner=self,
                                serial=SYNC_SERIAL)

    def set_share_path(self, path: str | None) -> None:
        """Save the shared folder and, when there is one, try it at once."""
        self.ctx.settings.share_path = path or None
        self.ctx.save_settings()
        self.message = None
        self.shared_sites = {}
        self.changed.emit()
        if self.can_sync():
            self.sync_now()
        else:
            self._timer.stop()

    # --- results ---------------------------------------------------------------------------

    def _on_workspace_opened(self) -> None:
        self.refresh()
        self._schedule(self.first_round_delay_ms)

    def _schedule(self, delay_ms: int) -> None:
        if self.can_sync() and not self.busy:
            self._timer.start(max(0, delay_ms))
        else:
            self._timer.stop()

    def _on_timer(self) -> None:
        if not self.sync_now(automatic=True):
            self._schedule(self.interval_ms)

    def _on_snapshot(self, snapshot) -> None:
        self.snapshot = snapshot
        self.changed.emit()

    def _on_round_done(self, outcome) -> None:
        result, snapshot, shared = outcome
        from sociolab_desktop.ui.sync.sync_text import round_summary

        self.busy = False
        self.last_result = result
        self.snapshot = snapshot
        if shared is not None:
            self.shared_sites = shared
        self.message = lambda tr: round_summary(tr, result)
        log.info("Sync round finished (needs attention: %s)", result.needs_attention)
        self._schedule(self.interval_ms)
        self.changed.emit()
        self.round_finished.emit(result)

    def _on_round_failed(self, error: BaseException) -> None:
        self.busy = False
        if isinstance(error, UserError):
            self.message = error.render
        elif isinstance(error, OSError):
            # A share that answers but refuses (permissions, a full disk): a state, not an alarm.
            log.warning("Sync round failed: %s (errno %s)", type(error).__name__, error.errno)
            reason = error.strerror or type(error).__name__
            self.message = lambda tr: tr.gettext(
                "The shared folder could not be used ({reason}). Changes wait here; the next "
                "round tries again. Ask IT if this stays."
            ).format(reason=reason)
        else:
            self.message = lambda tr: tr.gettext(_UNEXPECTED)
            if self._automatic:
                # Not a box every few minutes: logged, and said quietly on the page.
                from sociolab_desktop.ui.error_hook import redacted_traceback

                log.error("Automatic sync round failed:\n%s", redacted_traceback(error))
            else:
                self.ctx.operations.report_error(error)
        self._schedule(self.interval_ms)
        self.changed.emit()
        self.refresh()  # the attempt itself is recorded: "not synced since …"
        self.round_finished.emit(None)


_UNEXPECTED = N_("The last sync round failed unexpectedly; details are in the log. The next round tries again.")
