"""An unexpected exception while the window runs is logged, shown once, and survived."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from sociolab_desktop.i18n import Translator
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.ui.error_hook import ErrorHook, redacted_traceback

PERSONAL = "Mojca Žagar <mojca.zagar@example.org>"


@pytest.fixture
def boxes(monkeypatch) -> list[tuple]:
    shown: list[tuple] = []

    def fake_critical(parent, title, text, *args):
        shown.append((parent, title, text, threading.current_thread()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    return shown


@pytest.fixture
def hook(tmp_path):
    log_file = tmp_path / "logs" / "sociolab-desktop.log"
    setup_logging(log_file)
    installed = ErrorHook(log_file, lambda: Translator("en")).install()
    yield installed
    installed.uninstall()
    for handler in logging.getLogger().handlers:
        handler.flush()


def _explode() -> None:
    raise ValueError(f"cannot save {PERSONAL}")


def _log_text(hook: ErrorHook) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return hook.log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_clicked_slot_is_logged_and_shown_and_the_program_goes_on(hook, boxes, qtbot):
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.clicked.connect(_explode)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(boxes) == 1)

    _parent, _title, text, _thread = boxes[0]
    assert text.startswith("Something went wrong")
    assert "The program keeps running" in text
    assert str(hook.log_file) in text
    log = _log_text(hook)
    assert "Traceback (most recent call last)" in log
    assert "_explode" in log and "builtins.ValueError" in log
    assert "Mojca" not in log and "example.org" not in log

    # Still running: the next click is handled (and reported) again.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(boxes) == 2)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_timer_slot_is_reported(hook, boxes, qtbot):
    QTimer.singleShot(0, _explode)
    qtbot.waitUntil(lambda: len(boxes) == 1)
    assert "_explode" in _log_text(hook)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker_thread_is_shown_on_the_gui_thread(hook, boxes, qtbot):
    worker = threading.Thread(target=_explode, name="worker-1")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(boxes) == 1)
    # Qt widgets may only be touched on the GUI thread.
    assert boxes[0][3] is threading.main_thread()
    assert "thread worker-1" in _log_text(hook)


def test_redacted_traceback_keeps_causes_but_no_messages():
    try:
        try:
            raise KeyError(PERSONAL)
        except KeyError as inner:
            raise RuntimeError(f"while saving {PERSONAL}") from inner
    except RuntimeError as outer:
        text = redacted_traceback(outer)
    assert "builtins.RuntimeError" in text and "builtins.KeyError" in text
    assert "Caused by" in text
    assert "Mojca" not in text
