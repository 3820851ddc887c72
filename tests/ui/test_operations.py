"""Slow work runs in a worker; its result, progress or error comes back on the GUI thread."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.operations import OperationRunner, Progress

WAIT_MS = 5_000


@pytest.fixture
def runner(qapp):
    made = OperationRunner(lambda: Translator("en"))
    yield made
    made.shutdown()


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    shown: list[str] = []

    def fake_critical(parent, title, text, *args):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    return shown


def test_work_runs_in_a_worker_and_its_result_arrives_on_the_gui_thread(runner, qtbot):
    seen: dict[str, object] = {}

    def work():
        seen["work"] = threading.current_thread()
        return 42

    def done(result):
        seen["done"] = threading.current_thread()
        seen["result"] = result

    runner.run(work, on_success=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=WAIT_MS)
    assert seen["result"] == 42
    assert seen["work"] is not threading.main_thread()
    assert seen["done"] is threading.main_thread()


def test_an_error_reaches_on_failure_with_its_traceback(runner, qtbot):
    failures: list[BaseException] = []

    def work():
        raise KeyError("missing")

    runner.run(work, on_success=lambda _r: pytest.fail("no result expected"), on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert isinstance(failures[0], KeyError) and failures[0].__traceback__ is not None


def test_a_user_error_without_a_handler_is_shown_in_the_window_language(runner, qtbot, boxes):
    def work():
        raise UserError(N_("The data folder {path} is read-only."), path="/x")

    runner.run(work)
    qtbot.waitUntil(lambda: bool(boxes), timeout=WAIT_MS)
    assert boxes == ["The data folder /x is read-only."]


def test_an_unexpected_error_without_a_handler_goes_to_the_error_hook(runner, qtbot, monkeypatch):
    hooked: list[tuple] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: hooked.append(args))

    def work():
        raise ZeroDivisionError

    runner.run(work)
    qtbot.waitUntil(lambda: bool(hooked), timeout=WAIT_MS)
    kind, error, tb = hooked[0]
    assert kind is ZeroDivisionError and isinstance(error, ZeroDivisionError) and tb is not None


def test_work_with_one_serial_key_runs_one_after_another_in_order(runner, qtbot):
    release = threading.Event()
    started: list[str] = []
    finished: list[str] = []

    def step(name, wait=False):
        def work():
            started.append(name)
            if wait:
                assert release.wait(WAIT_MS / 1000)
            return name

        return work

    runner.run(step("first", wait=True), on_success=finished.append, serial="sync")
    runner.run(step("second"), on_success=finished.append, serial="sync")
    runner.run(step("third"), on_success=finished.append, serial="sync")
    qtbot.waitUntil(lambda: started == ["first"], timeout=WAIT_MS)
    assert runner.is_busy("sync")
    qtbot.wait(50)  # would be enough for "second" to start, were the key not respected
    assert started == ["first"]
    release.set()
    qtbot.waitUntil(lambda: finished == ["first", "second", "third"], timeout=WAIT_MS)
    assert not runner.is_busy("sync")


def test_work_without_a_key_runs_beside_a_long_one(runner, qtbot):
    release = threading.Event()
    results: list[str] = []
    runner.run(lambda: release.wait(WAIT_MS / 1000) and "long", on_success=results.append, serial="sync")
    runner.run(lambda: "quick", on_success=results.append)
    qtbot.waitUntil(lambda: results == ["quick"], timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: results == ["quick", "long"], timeout=WAIT_MS)


def test_progress_is_reported_on_the_gui_thread(runner, qtbot):
    reports: list[tuple[Progress, threading.Thread]] = []
    results: list[str] = []

    def work(report):
        for done in range(3):
            report(done, 3, f"step {done}")
        return "ok"

    runner.run(work, on_progress=lambda p: reports.append((p, threading.current_thread())),
               on_success=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert [p for p, _thread in reports] == [Progress(0, 3, "step 0"), Progress(1, 3, "step 1"), Progress(2, 3, "step 2")]
    assert all(thread is threading.main_thread() for _p, thread in reports)


def test_nothing_is_delivered_to_an_owner_that_is_gone(runner, qtbot):
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    runner.run(lambda: release.wait(WAIT_MS / 1000), on_success=delivered.append, owner=owner, serial="k")
    after: list[str] = []
    runner.run(lambda: "next", on_success=after.append, serial="k")
    import shiboken6

    shiboken6.delete(owner)
    release.set()
    qtbot.waitUntil(lambda: after == ["next"], timeout=WAIT_MS)  # the queue goes on
    assert delivered == []


def test_shutdown_waits_for_running_work_and_drops_what_has_not_started(runner, qtbot):
    release = threading.Event()
    ran: list[str] = []

    def slow():
        release.wait(0.2)
        ran.append("slow")

    runner.run(slow, serial="k")
    runner.run(lambda: ran.append("queued"), serial="k")
    qtbot.waitUntil(lambda: runner.is_busy("k"), timeout=WAIT_MS)
    assert runner.shutdown(WAIT_MS)
    assert ran == ["slow"]
    refused = runner.run(lambda: ran.append("late"))
    assert refused.done and ran == ["slow"]
