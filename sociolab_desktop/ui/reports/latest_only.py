"""Counting off the GUI thread where only the newest request matters: one job at a time, the
requests made meanwhile folded into one, and a result that no longer answers the newest
request dropped (the period changed while it was being counted)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


class LatestOnly(QObject):
    """`request(work)`: run `work()` in a worker, then `finished(result)` on the GUI thread, or
    `failed(UserError)` for an error a person can act on (others go to the operation runner's
    report). While a job runs, later requests wait; only the last of them runs next."""

    finished = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, ctx: ShellContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.generation = 0  # the number of the newest request
        self._running: int | None = None  # the generation of the job in the worker
        self._waiting: Callable[[], Any] | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None or self._waiting is not None

    def request(self, work: Callable[[], Any]) -> None:
        was_busy = self.busy
        self.generation += 1
        if self._running is None:
            self._start(work)
        else:
            self._waiting = work  # replaces an earlier waiting request: nobody wants its answer
        if not was_busy:
            self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Forget what is waiting and the answer of what runs (the request became invalid)."""
        was_busy = self.busy
        self.generation += 1
        self._waiting = None
        if was_busy and not self.busy:
            self.busy_changed.emit(False)

    def _start(self, work: Callable[[], Any]) -> None:
        generation = self._running = self.generation
        self.ctx.operations.run(work, on_success=lambda result: self._done(generation, result, None),
                                on_failure=lambda error: self._done(generation, None, error), owner=self)

    def _done(self, generation: int, result: Any, error: BaseException | None) -> None:
        self._running = None
        current = generation == self.generation
        if not current:
            log.debug("A report for an earlier request was dropped")
        if self._waiting is not None:
            work, self._waiting = self._waiting, None
            self._start(work)
        elif not self.busy:
            self.busy_changed.emit(False)
        if not current:
            return
        if error is None:
            self.finished.emit(result)
        elif isinstance(error, UserError):
            self.failed.emit(error)
        else:
            self.ctx.operations.report_error(error)
