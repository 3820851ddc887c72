"""Unexpected exceptions while the window runs: logged with their traceback, shown, survived.

The log gets the stack (files, lines, functions) and the exception's type, but not its message:
messages of database errors carry the values of the row (names, e-mails), and the log is sent
to IT staff.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from sociolab_desktop import APP_NAME
from sociolab_desktop.i18n import Translator

log = logging.getLogger(__name__)


def redacted_traceback(exc: BaseException) -> str:
    """The traceback of `exc` and its causes, each ending with the type only."""
    parts: list[str] = []
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        parts.append("Traceback (most recent call last):\n" + "".join(frames.format()) + kind + "\n")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "Caused by:\n".join(parts)


class ErrorHook(QObject):
    """Installed as sys.excepthook and threading.excepthook for as long as the GUI runs."""

    _thread_failed = Signal()

    def __init__(
        self,
        log_file: Path,
        translator: Callable[[], Translator],
        parent_window: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__()
        self.log_file = log_file
        self._translator = translator
        self._parent_window = parent_window
        self._showing = False
        self._previous: tuple | None = None
        # Emitted from a worker thread, delivered (queued) on the GUI thread that owns self.
        self._thread_failed.connect(self._show)

    def install(self) -> "ErrorHook":
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _on_exception(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        log.error("Unexpected error:\n%s", redacted_traceback(error))
        self._show()

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        log.error(
            "Unexpected error in thread %s:\n%s",
            args.thread.name if args.thread else "?",
            redacted_traceback(args.exc_value),
        )
        self._thread_failed.emit()

    def _show(self) -> None:
        # One box at a time: an error repeating in a paint event must not stack up boxes.
        if self._showing:
            return
        self._showing = True
        try:
            _ = self._translator().gettext
            text = _(
                "Something went wrong, and what you just did may not have been finished. "
                "The program keeps running. Details were written to {log_file}."
            ).format(log_file=self.log_file)
            QMessageBox.critical(self._parent_window(), APP_NAME, text)
        finally:
            self._showing = False
