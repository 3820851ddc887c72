"""Fixtures for the Sync area: two info points sharing a real folder, and the main window of the
first one (Maribor) with automatic rounds held back until a test asks for them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sync_helpers import Office
from ui_helpers import make_context

from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.sync import controller as controller_module

NEVER_MS = 3_600_000


@pytest.fixture(autouse=True)
def no_automatic_rounds(monkeypatch) -> None:
    """Rounds start when a test clicks or shortens the timer, never behind its back."""
    monkeypatch.setattr(controller_module, "FIRST_ROUND_DELAY_MS", NEVER_MS)
    monkeypatch.setattr(controller_module, "AUTO_SYNC_INTERVAL_MS", NEVER_MS)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def maribor(tmp_path: Path, share: Path) -> Iterator[Office]:
    office = Office(tmp_path, "Informacijska točka Maribor", share)
    yield office
    office.close()


@pytest.fixture
def ptuj(tmp_path: Path, share: Path) -> Iterator[Office]:
    office = Office(tmp_path, "Informacijska točka Ptuj", share)
    yield office
    office.close()


@pytest.fixture
def sync_ctx(maribor: Office, qapp):
    context = make_context(maribor.ws, qapp)
    yield context
    context.dispose()  # waits for a round still running before the workspace closes


@pytest.fixture
def window(sync_ctx, qtbot) -> MainWindow:
    win = MainWindow(sync_ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_area("sync")
    qtbot.waitUntil(lambda: win.sync.snapshot is not None)
    return win


@pytest.fixture
def no_boxes(monkeypatch) -> list[str]:
    """Every message box the program tries to show, instead of showing it."""
    shown: list[str] = []

    def record(*args, **_kwargs):
        shown.append(" ".join(str(arg) for arg in args[1:3]))
        return QMessageBox.StandardButton.Ok

    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(QMessageBox, "open", lambda self, *a: shown.append(self.text()))
    return shown
