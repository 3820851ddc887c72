"""Composition root of the GUI: Qt application → settings → translators → window → workspace.

The QApplication comes first and the main window is shown before the database layer is even
imported (see ui/startup.py), so the program appears about as fast as an empty Qt window.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from sociolab_desktop import APP_NAME, __version__

# For benchmarks and smoke tests: print markers on stdout and quit once the window is usable.
EXIT_AFTER_SHOW_ENV = "SOCIOLAB_EXIT_AFTER_SHOW"
SHOWN_MARKER = "SOCIOLAB_SHOWN"
READY_MARKER = "SOCIOLAB_READY"
EXIT_USER_ERROR = 2


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    quit_on_last_window = app.quitOnLastWindowClosed()
    # Dialogs come and go before the main window exists; start-up decides when to end.
    app.setQuitOnLastWindowClosed(False)

    from sociolab_desktop.errors import UserError
    from sociolab_desktop.i18n import DEFAULT_LANGUAGE, Translator
    from sociolab_desktop.paths import resolve_data_paths
    from sociolab_desktop.settings import load_settings
    from sociolab_desktop.ui.qt_translations import QtTranslators
    from sociolab_desktop.ui.shell_context import ShellContext
    from sociolab_desktop.ui.startup import Startup

    paths = resolve_data_paths(data_dir)
    qt_translators = QtTranslators(app)
    try:
        settings = load_settings(paths.settings)
    except UserError as error:
        from sociolab_desktop.ui.messages import show_user_error

        # Unreadable settings: nothing tells which language this PC speaks; use the default.
        tr = Translator(DEFAULT_LANGUAGE)
        qt_translators.install(tr)
        show_user_error(None, error, tr)
        qt_translators.remove()
        app.setQuitOnLastWindowClosed(quit_on_last_window)
        return EXIT_USER_ERROR

    ctx = ShellContext(paths, settings, qt_translators=qt_translators)
    hooks = []

    def prepare_when_shown():
        """Runs on the GUI thread once the window is on screen (or before the first-run dialog):
        the log and the error hook, which the first paint does not need."""
        from sociolab_desktop.logs import setup_logging
        from sociolab_desktop.ui.error_hook import ErrorHook

        setup_logging(paths.log_file)
        hooks.append(ErrorHook(paths.log_file, lambda: ctx.tr, lambda: startup.window).install())

    def open_in_worker(root):
        """Runs in a worker thread: SQLAlchemy's import alone costs about as much as showing the
        window, and a backup or migration may take seconds."""
        from sociolab_desktop.workspace import open_workspace

        return open_workspace(root)

    startup = Startup(ctx, open_in_worker, prepare_when_shown)
    startup.finished.connect(app.exit)
    if os.environ.get(EXIT_AFTER_SHOW_ENV) == "1":
        startup.shown.connect(lambda: print(SHOWN_MARKER, flush=True))
        startup.ready.connect(lambda: (print(READY_MARKER, flush=True), app.quit()))
    startup.start()
    try:
        return app.exec()
    finally:
        for hook in hooks:
            hook.uninstall()
        startup.close()
        if ctx.workspace is not None:
            ctx.workspace.close()
        ctx.dispose()
        app.setQuitOnLastWindowClosed(quit_on_last_window)
