"""The data folder opens in a worker thread: the window keeps answering meanwhile, and a folder
opened after the window was closed is still released."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from ui_helpers import make_context

from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.startup import Startup
from sociolab_desktop.workspace import open_workspace

WAIT_S = 10


@pytest.fixture
def gated_start(qapp, workspace):
    """Start-up over the `workspace` folder whose opening waits until the test opens the gate."""
    root = workspace.paths.root
    workspace.close()
    gate = threading.Event()
    threads: list[threading.Thread] = []

    def slow_open(path):
        threads.append(threading.current_thread())
        assert gate.wait(WAIT_S), "the GUI thread never opened the gate: it was blocked"
        return open_workspace(path)

    paths = workspace.paths
    ctx = make_context(None, qapp, paths=paths, settings=load_settings(paths.settings))
    startup = Startup(ctx, slow_open)
    startup.start()
    yield startup, gate, threads, root
    gate.set()
    startup.close()
    if ctx.workspace is not None:
        ctx.workspace.close()
    ctx.dispose()
    qapp.setQuitOnLastWindowClosed(True)


def test_the_window_keeps_answering_while_the_data_folder_opens(gated_start, qtbot):
    startup, gate, threads, _root = gated_start
    qtbot.waitUntil(lambda: bool(threads), timeout=WAIT_S * 1000)
    assert threads[0] is not threading.main_thread()
    # Opening has begun and waits; the GUI thread still runs timers and paints.
    fired: list[int] = []
    QTimer.singleShot(0, lambda: fired.append(1))
    qtbot.waitUntil(lambda: bool(fired))
    startup.window.repaint()
    assert startup.ctx.workspace is None
    assert not startup.window.menus.staff_members.isEnabled()  # nothing to change before it is open
    gate.set()
    with qtbot.waitSignal(startup.ready, timeout=WAIT_S * 1000):
        pass
    assert startup.ctx.workspace is not None
    assert startup.window.menus.staff_members.isEnabled()


def test_a_folder_opened_after_the_window_closed_is_released(gated_start, qtbot):
    startup, gate, threads, root = gated_start
    qtbot.waitUntil(lambda: bool(threads), timeout=WAIT_S * 1000)
    with qtbot.waitSignal(startup.finished) as finished:
        startup.window.close()
    assert finished.args == [0]
    gate.set()
    startup.close()  # waits for the worker, then closes what it opened
    assert startup.ctx.workspace is None
    open_workspace(root).close()  # the instance lock is free again
