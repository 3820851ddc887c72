"""Slow work off the GUI thread: run a callable in a worker, deliver its result, progress or error
on the GUI thread.

Modelled on Anki's aqt/operations: the screen hands over a function of plain data (it must not
touch widgets), and gets back its result in a callback that may update widgets. An error the
person can act on (UserError) is shown in their language; anything else goes to sys.excepthook,
which the GUI routes to the log and an apology (ui/error_hook.py). Operations that share a
`serial` key run one after another in the order given (sync rounds and conflict choices of one
database), others run side by side on a small pool.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

log = logging.getLogger(__name__)

# Two cores on the office PCs: one worker for a long job (a sync round, a PDF batch), one for
# whatever the person starts meanwhile.
MAX_WORKERS = 2


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None = None  # None: not known (show a busy indicator)
    text: str = ""


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    progressed = Signal(object, object)  # task, Progress
    finished = Signal(object, object, object)  # task, result, error


class Operation:
    """One piece of work handed to the runner (what `run` returns)."""

    def __init__(self, work, on_success, on_failure, on_progress, owner, serial) -> None:
        self.work = work
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_progress = on_progress
        self.owner = owner
        self.serial = serial
        self.done = False
        self.relay: _Relay | None = None

    def _run(self) -> None:
        """In the worker thread: no widgets here, only plain data."""
        result = error = None
        try:
            if self.on_progress is not None:
                result = self.work(self._report)
            else:
                result = self.work()
        except BaseException as exc:  # noqa: BLE001 (handed to the GUI thread, which decides)
            error = exc
        self.relay.finished.emit(self, result, error)

    def _report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.relay.progressed.emit(self, Progress(done, total, text))

    def release(self) -> None:
        """On the GUI thread, once delivered: drop the callables and the owner. The worker may
        hold the last reference to this operation, and a window freed there would be deleted
        off its thread (a crash once nothing else, e.g. a lambda, keeps the window alive)."""
        self.work = self.on_success = self.on_failure = self.on_progress = self.owner = None


class OperationRunner(QObject):
    def __init__(self, translator: Callable[[], Translator], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator = translator
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(MAX_WORKERS)
        self._relay = _Relay(self)
        # Queued explicitly: the worker emits, the slot runs when the GUI thread's loop gets to it.
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.finished.connect(self._on_finished, queued)
        self._relay.progressed.connect(self._on_progressed, queued)
        self._running: set[Operation] = set()
        self._waiting: dict[str, deque[Operation]] = {}
        self._closed = False

    def run(
        self,
        work: Callable[..., Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        owner: QObject | None = None,
        serial: str | None = None,
    ) -> Operation:
        """Run `work()` in a worker (`work(report)` when `on_progress` is given; the worker calls
        `report(done, total, text)`). The callbacks run on the GUI thread, and not at all if
        `owner` has been destroyed by then. Without `on_failure` errors are reported as above."""
        operation = Operation(work, on_success, on_failure, on_progress, owner, serial)
        operation.relay = self._relay
        if self._closed:
            log.debug("Operation refused: the runner has shut down")
            operation.done = True
            return operation
        if serial is not None and self.is_busy(serial):
            self._waiting.setdefault(serial, deque()).append(operation)
        else:
            self._start(operation)
        return operation

    def is_busy(self, serial: str) -> bool:
        """Something with this key is running or waiting."""
        return any(op.serial == serial for op in self._running) or bool(self._waiting.get(serial))

    def shutdown(self, timeout_ms: int = -1) -> bool:
        """At exit, before the workspace closes: drop what has not started, wait for the rest.
        Results that arrive after this are not delivered."""
        self._closed = True
        self._waiting.clear()
        return self._pool.waitForDone(timeout_ms)

    def report_error(self, error: BaseException) -> None:
        """The default for a failed operation: a UserError in a box, anything else to the hook."""
        if isinstance(error, UserError):
            from sociolab_desktop.ui.messages import show_user_error

            show_user_error(QApplication.activeWindow(), error, self._translator())
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # --- on the GUI thread -----------------------------------------------------------------

    def _start(self, operation: Operation) -> None:
        self._running.add(operation)
        # A plain callable: Qt owns the runnable it wraps it in, so no Python QRunnable can be
        # collected while its run() is still unwinding on the worker.
        self._pool.start(operation._run)

    def _owner_alive(self, operation: Operation) -> bool:
        return operation.owner is None or shiboken6.isValid(operation.owner)

    def _on_progressed(self, operation: Operation, progress: Progress) -> None:
        if not operation.done and self._owner_alive(operation):
            operation.on_progress(progress)

    def _on_finished(self, operation: Operation, result: Any, error: BaseException | None) -> None:
        operation.done = True
        self._running.discard(operation)
        try:
            if self._closed or not self._owner_alive(operation):
                return
            if error is None:
                if operation.on_success is not None:
                    operation.on_success(result)
            elif operation.on_failure is not None:
                operation.on_failure(error)
            else:
                self.report_error(error)
        finally:
            operation.release()
            # Even if a callback raised (the hook reports it): the next one of the queue starts.
            self._start_next(operation.serial)

    def _start_next(self, serial: str | None) -> None:
        queue = self._waiting.get(serial) if serial is not None else None
        if queue and not self._closed:
            self._start(queue.popleft())
            if not queue:
                del self._waiting[serial]
