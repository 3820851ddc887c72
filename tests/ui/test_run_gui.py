"""Starting the program: a folder it cannot use is explained and refused with exit code 2."""

from __future__ import annotations

import json
import os

import pytest

from sociolab_desktop.i18n import Translator
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sociolab_desktop import app
from sociolab_desktop.core.services import sites
from sociolab_desktop.ui.first_run_dialog import FirstRunDialog
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.workspace import open_workspace

GIVE_UP_MS = 20_000


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    shown: list[str] = []

    def fake_critical(parent, title, text, *args):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake_critical)
    return shown


@pytest.fixture
def run(qapp):
    """run_gui, with a safety net: a test that goes wrong ends with 99 instead of hanging. The
    net is taken down afterwards: fired later, exit() would make every event loop of the tests
    that follow return at once (they would spin and time out)."""
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: qapp.exit(99))

    def start(data_dir) -> int:
        give_up.start(GIVE_UP_MS)
        try:
            return app.run_gui(str(data_dir))
        finally:
            give_up.stop()

    yield start
    give_up.stop()


def _initialised_settings(data_dir, language="en") -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(
        json.dumps(
            {"version": 1, "site_id": "s-1", "site_name": "Informacijska točka Ptuj", "language": language}
        ),
        encoding="utf-8",
    )


def _visible_main_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_corrupt_database_is_explained_and_left_untouched(run, boxes, data_dir):
    _initialised_settings(data_dir)
    database = data_dir / "sociolab.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    before = database.read_bytes()

    assert run(data_dir) == 2

    assert len(boxes) == 1
    assert str(database) in boxes[0] and "damaged" in boxes[0]
    assert database.read_bytes() == before
    assert not (data_dir / "backups").exists()
    assert _visible_main_windows() == []


def test_read_only_data_folder_is_explained(run, boxes, data_dir, monkeypatch):
    _initialised_settings(data_dir)
    real_access = os.access
    # Tests may run as root, for whom every folder is writable: pretend this one is not.
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: False if str(path) == str(data_dir) else real_access(path, mode, **kw),
    )
    assert run(data_dir) == 2
    assert len(boxes) == 1 and "read-only" in boxes[0] and str(data_dir) in boxes[0]
    assert not (data_dir / "sociolab.sqlite3").exists()


def test_data_folder_that_cannot_be_created_is_explained(run, boxes, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert run(blocker / "data") == 2
    assert len(boxes) == 1 and str(blocker / "data") in boxes[0]


def test_garbage_settings_are_explained_before_any_window(run, boxes, data_dir):
    data_dir.mkdir(parents=True)
    settings = data_dir / "settings.json"
    settings.write_bytes(b"\x00\xffnot json")
    assert run(data_dir) == 2
    assert len(boxes) == 1 and str(settings) in boxes[0]
    assert settings.read_bytes() == b"\x00\xffnot json"
    assert not (data_dir / "sociolab.sqlite3").exists()


def test_second_copy_on_the_same_folder_is_refused(run, boxes, workspace):
    from sociolab_desktop.core.store.instance_lock import InstanceLock
    from sociolab_desktop.errors import UserError
    from sociolab_desktop.i18n import Translator

    assert run(workspace.paths.root) == 2
    with pytest.raises(UserError) as refused:
        InstanceLock(workspace.paths.lock_file).acquire()
    assert boxes == [refused.value.render(Translator("sl"))]


def test_a_set_up_folder_opens_and_the_folder_is_released_on_exit(run, boxes, workspace, monkeypatch, capfd):
    root = workspace.paths.root
    workspace.close()
    monkeypatch.setenv(app.EXIT_AFTER_SHOW_ENV, "1")
    assert run(root) == 0
    out = capfd.readouterr().out
    assert out.index(app.SHOWN_MARKER) < out.index(app.READY_MARKER)
    assert boxes == []
    # The lock is released: the folder opens again.
    open_workspace(root).close()


def test_cancelling_the_first_run_ends_the_program_without_a_site(run, boxes, data_dir, qapp):
    def cancel_when_asked():
        dialogs = [w for w in qapp.topLevelWidgets() if isinstance(w, FirstRunDialog) and w.isVisible()]
        if dialogs:
            dialogs[0].reject()
        else:
            QTimer.singleShot(20, cancel_when_asked)

    QTimer.singleShot(0, cancel_when_asked)
    assert run(data_dir) == 0
    assert not (data_dir / "settings.json").exists()
    with open_workspace(data_dir) as workspace:
        assert sites.list_sites(workspace.store) == []


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_failure_while_opening_is_logged_shown_and_ends_with_3(
    run, boxes, workspace, monkeypatch
):
    import sociolab_desktop.workspace as workspace_module

    root = workspace.paths.root
    workspace.close()

    def broken(_root):
        detail = "-".join(("disk", "on", "fire"))  # the log shows code lines, not values
        raise RuntimeError(detail)

    monkeypatch.setattr(workspace_module, "open_workspace", broken)
    assert run(root) == 3
    expected = Translator("sl").gettext(
        "Something went wrong, and what you just did may not have been finished. "
        "The program keeps running. Details were written to {log_file}."
    ).format(log_file=root / "logs" / "sociolab-desktop.log")
    assert boxes == [expected]
    log = (root / "logs" / "sociolab-desktop.log").read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log and "disk-on-fire" not in log
