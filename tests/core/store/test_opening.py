"""Opening a data folder: bad folders and bad database files get a message, never a repair."""

from __future__ import annotations

import os
import sqlite3

import pytest

from sociolab_desktop.core.store.instance_lock import InstanceLock
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.workspace import open_workspace

def test_missing_data_folder_is_created(tmp_path):
    folder = tmp_path / "new" / "deeper"
    with open_workspace(folder) as workspace:
        assert workspace.paths.database.exists()


def test_read_only_data_folder_is_refused_with_its_path(tmp_path, monkeypatch):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    real_access = os.access
    # Root may write anywhere, so ask the same question the program asks, answered as for staff.
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(folder.resolve()) else real_access(path, mode))
    try:
        with pytest.raises(UserError) as error:
            open_workspace(folder)
        assert str(folder) in str(error.value)
        assert "read-only" in str(error.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_data_folder_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(UserError) as error:
        open_workspace(blocker / "data")
    assert "cannot be created" in str(error.value)
    assert blocker.read_text() == "not a folder"


def test_corrupt_database_is_refused_and_left_as_it_was(data_dir):
    data_dir.mkdir()
    database = data_dir / "sociolab.sqlite3"
    database.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = database.read_bytes()
    with pytest.raises(UserError) as error:
        open_workspace(data_dir)
    message = error.value.render(Translator("en"))
    assert str(database) in message and "restore" in message.lower()
    assert database.read_bytes() == before
    assert not list((data_dir / "backups").glob("*")) if (data_dir / "backups").exists() else True


def test_database_with_a_damaged_page_is_refused(data_dir, workspace):
    database = workspace.paths.database
    workspace.close()
    raw = bytearray(database.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page behind a valid header
    database.write_bytes(bytes(raw))
    with pytest.raises(UserError) as error:
        open_workspace(data_dir)
    assert "damaged" in str(error.value)


def test_database_locked_by_another_program_is_reported(data_dir, workspace, monkeypatch):
    database = workspace.paths.database
    workspace.close()
    monkeypatch.setattr("sociolab_desktop.core.store.engine.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserError) as error:
            open_workspace(data_dir).close()
        assert "locked" in str(error.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_second_copy_on_the_same_folder_is_refused(data_dir):
    with open_workspace(data_dir):
        with pytest.raises(UserError) as error:
            open_workspace(data_dir)
        assert "already running" in str(error.value)
        assert str(data_dir.resolve()) in str(error.value)
    # Once the first copy closes, the folder opens again.
    open_workspace(data_dir).close()


def test_lock_is_released_when_opening_fails(data_dir):
    data_dir.mkdir()
    (data_dir / "sociolab.sqlite3").write_bytes(b"garbage" * 10)
    with pytest.raises(UserError):
        open_workspace(data_dir)
    with InstanceLock(data_dir.resolve() / ".sociolab-desktop.lock"):
        pass


def test_garbage_settings_file_is_reported_and_not_rewritten(data_dir):
    data_dir.mkdir()
    settings = data_dir / "settings.json"
    settings.write_text("{not json at all", encoding="utf-8")
    with pytest.raises(UserError) as error:
        open_workspace(data_dir)
    assert str(settings) in str(error.value)
    assert settings.read_text(encoding="utf-8") == "{not json at all"
