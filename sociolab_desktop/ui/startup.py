"""Start-up order: the window on screen first, then the data folder, then who is at the keyboard.

Opening the workspace imports SQLAlchemy and may back up or migrate the database, so it runs once
the window has painted. It runs on the GUI thread on purpose: the folder's instance lock
(filelock) belongs to the thread that took it, and the workspace is closed on this thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog

from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.shell_context import ShellContext

if TYPE_CHECKING:
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

    def __init__(self, ctx: ShellContext, open_workspace: Callable[[Path], "Workspace"]) -> None:
        super().__init__()
        self.ctx = ctx
        self._open = open_workspace
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
        self.window = MainWindow(self.ctx, defer_shortcuts=True)
        self.window.installEventFilter(self._first_paint)
        self.window.closed.connect(self._on_window_closed)
        self.window.show()

    def _on_first_paint(self) -> None:
        self.window.menus.install_shortcuts()
        self.shown.emit()
        # Let the paint reach the screen before the event loop is busy opening the database.
        QTimer.singleShot(0, self._open_workspace)

    def _open_workspace(self) -> None:
        if self._opening_started:
            return
        self._opening_started = True
        from PySide6.QtCore import Qt  # after the first paint: its namespace is slow to build

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            workspace = self._open(self.ctx.paths.root)
        except UserError as error:
            QApplication.restoreOverrideCursor()
            self._fail(error)
            return
        except Exception:
            QApplication.restoreOverrideCursor()
            if self.window is not None:
                self.window.hide()
            # Logged and shown like any unexpected error; without a workspace there is no way on.
            sys.excepthook(*sys.exc_info())
            self.finished.emit(EXIT_UNEXPECTED)
            return
        QApplication.restoreOverrideCursor()
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
        """Called when the event loop has ended: the windows go, the workspace stays for app.py."""
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
