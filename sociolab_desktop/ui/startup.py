"""Start-up order: the window on screen first, then the data folder, then who is at the keyboard.

Opening the workspace imports SQLAlchemy and may back up or migrate the database, so it starts once
the window has painted, and runs in a worker (ui/operations.py) so the window keeps repainting
meanwhile. That is safe because the folder's instance lock is not thread-local (the GUI thread
releases it at exit) and SQLAlchemy's SQLite pool hands out file connections to any thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.shell_context import ShellContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from sociolab_desktop.workspace import Workspace

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_UNEXPECTED = 3  # as the command line
# Open anyway if no paint event arrives (a minimised window, an unusual platform).
FIRST_PAINT_TIMEOUT_MS = 500


class _FirstPaint(QObject):
    painted = Signal()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.painted.emit()
        return False


class Startup(QObject):
    shown = Signal()  # the main window has painted
    ready = Signal()  # data folder open and somebody signed in: the window is usable
    finished = Signal(int)  # the program should end now with this exit code

    def __init__(
        self,
        ctx: ShellContext,
        open_workspace: Callable[[Path], "Workspace"],
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """`open_workspace` runs in a worker thread; `prepare` on the GUI thread just before it
        (the log and the error hook, which must belong to the GUI thread)."""
        super().__init__()
        self.ctx = ctx
        self._open = open_workspace
        self._prepare = prepare
        # Set by the worker: a workspace opened after the event loop ended is closed by close().
        self._opened: "Workspace | None" = None
        self._ended = False
        self.finished.connect(self._on_finished)
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self._opening_started = False
        self._is_ready = False
        self._first_paint = _FirstPaint(self)
        self._first_paint.painted.connect(self._on_first_paint)

    def start(self) -> None:
        if self.ctx.settings.is_initialised:
            self._show_window()
            QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, self._open_workspace)
        else:
            QTimer.singleShot(0, self._open_workspace)

    def _show_window(self) -> None:
        self.window = MainWindow(self.ctx, defer_until_painted=True)
        self.window.installEventFilter(self._first_paint)
        self.window.closed.connect(self._on_window_closed)
        self.window.show()

    def _on_first_paint(self) -> None:
        self.shown.emit()
        # This runs just before the window's first paint: let that paint reach the screen before
        # the event loop is busy with the rest of the window and with opening the database.
        QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.window.finish_after_first_paint()
        self._open_workspace()

    def _open_workspace(self) -> None:
        if self._opening_started:
            return
        self._opening_started = True
        from PySide6.QtCore import Qt  # after the first paint: its namespace is slow to build

        # The window still answers (it is painted, it can be closed): busy, not blocked.
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        if self._prepare is not None:
            self._prepare()
        root = self.ctx.paths.root

        def open_in_worker() -> "Workspace":
            workspace = self._open(root)
            self._opened = workspace
            return workspace

        self.ctx.operations.run(open_in_worker, on_success=self._on_opened, on_failure=self._on_open_failed)

    def _on_open_failed(self, error: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if isinstance(error, UserError):
            self._fail(error)
            return
        if self.window is not None:
            self.window.hide()
        # Logged and shown like any unexpected error; without a workspace there is no way on.
        sys.excepthook(type(error), error, error.__traceback__)
        self.finished.emit(EXIT_UNEXPECTED)

    def _on_opened(self, workspace: "Workspace") -> None:
        QApplication.restoreOverrideCursor()
        if self._ended:
            return  # the window was closed while the folder opened; close() closes it
        self.ctx.attach_workspace(workspace)
        if workspace.settings.is_initialised:
            if self.window is None:
                self._show_window()
            self._ask_who_is_at_the_keyboard()
        else:
            self._ask_first_run()

    def _fail(self, error: UserError) -> None:
        from sociolab_desktop.ui.messages import show_user_error

        if self.window is not None:
            self.window.hide()
        show_user_error(None, error, self.ctx.tr)
        self.finished.emit(EXIT_USER_ERROR)

    def _ask_first_run(self) -> None:
        from sociolab_desktop.ui.first_run_dialog import FirstRunDialog

        self.dialog = FirstRunDialog(self.ctx)
        self.dialog.accepted.connect(self._on_first_run_done)
        self.dialog.rejected.connect(lambda: self.finished.emit(EXIT_OK))
        self.dialog.open()

    def _on_first_run_done(self) -> None:
        self._show_window()
        self._ready()

    def _ask_who_is_at_the_keyboard(self) -> None:
        if not self.ctx.needs_sign_in():
            self._ready()
            return
        from sociolab_desktop.ui.sign_in_dialog import SignInDialog

        self.dialog = SignInDialog(self.ctx, self.window, at_start=True)
        self.dialog.accepted.connect(self._ready)
        self.dialog.rejected.connect(self._on_sign_in_refused)
        self.dialog.open()

    def _on_sign_in_refused(self) -> None:
        self.window.hide()
        self.finished.emit(EXIT_OK)

    def _on_finished(self, _code: int) -> None:
        self._ended = True

    def _on_window_closed(self) -> None:
        # Closed while still starting (Qt would not quit: start-up holds the last-window rule).
        if not self._is_ready:
            self.finished.emit(EXIT_OK)

    def _ready(self) -> None:
        self._is_ready = True
        self.dialog = None
        QApplication.instance().setQuitOnLastWindowClosed(True)
        self.ready.emit()

    def close(self) -> None:
        """Called when the event loop has ended: the windows go, the workspace stays for app.py
        (after any work still running on it has finished)."""
        self.ctx.wait_for_operations()
        if self._opened is not None and self.ctx.workspace is None:
            # Opened while the program was already ending: nobody else will close it.
            self._opened.close()
        self._opened = None
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
