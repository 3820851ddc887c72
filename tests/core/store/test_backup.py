"""Backups are consistent single files, daily ones are pruned (only they), anything that is not a
SocioLab Desk backup is refused, and a restore always keeps the database it replaces."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from sociolab_desktop.core.store import backup, migrate
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.errors import UserError


def _add_person(workspace, last_name: str) -> str:
    with workspace.store.unit_of_work(workspace.actor) as session:
        person = Person(first_name="Ana", last_name=last_name)
        session.add(person)
        session.flush()
        return person.id


def _last_names(database: Path) -> list[str]:
    connection = sqlite3.connect(database)
    try:
        return sorted(row[0] for row in connection.execute("SELECT last_name FROM person"))
    finally:
        connection.close()


def test_backup_of_an_open_database_holds_its_data_in_one_file(workspace, tmp_path):
    _add_person(workspace, "Čeh")  # the engine is open in WAL mode: the change may sit in -wal
    target = backup.backup_database(workspace.paths.database, tmp_path / "copy.sqlite3")
    assert _last_names(target) == ["Čeh"]
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("copy")) == ["copy.sqlite3"]
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


def test_backup_works_in_a_folder_with_spaces_hashes_and_slovenian_letters(tmp_path, workspace):
    _add_person(workspace, "Žagar")
    odd = tmp_path / "Mapa č # 100% ?x"
    odd.mkdir()
    database = odd / "sociolab.sqlite3"
    backup.backup_database(workspace.paths.database, database)
    made = backup.make_named_backup(database, odd / "backups", "backup")
    assert backup.inspect_backup(made).persons == 1


def test_daily_backup_is_made_once_a_day(workspace):
    folder = workspace.paths.backups
    shutil.rmtree(folder, ignore_errors=True)
    morning = dt.datetime(2026, 11, 27, 8, 0, 0)
    first = backup.daily_backup(workspace.paths.database, folder, 14, morning)
    assert first is not None and first.name == "daily-20261127-080000.sqlite3"
    assert backup.daily_backup(workspace.paths.database, folder, 14, morning.replace(hour=17)) is None
    assert backup.daily_backup(workspace.paths.database, folder, 14, morning + dt.timedelta(days=1)) is not None
    assert len(list(folder.glob("daily-*"))) == 2


def test_pruning_keeps_the_newest_daily_backups_and_never_others(workspace):
    folder = workspace.paths.backups
    shutil.rmtree(folder, ignore_errors=True)
    database = workspace.paths.database
    start = dt.datetime(2026, 1, 1, 9, 0, 0)
    others = [
        backup.make_named_backup(database, folder, "backup", start - dt.timedelta(days=30)),
        backup.make_named_backup(database, folder, "before-upgrade", start - dt.timedelta(days=29)),
        backup.make_named_backup(database, folder, "before-restore", start - dt.timedelta(days=28)),
    ]
    (folder / "daily-my-own-copy.sqlite3").write_bytes(b"kept: not an automatic name")
    for day in range(6):
        backup.daily_backup(database, folder, 3, start + dt.timedelta(days=day))
    daily = sorted(path.name for path in folder.glob("daily-2*"))
    assert daily == [f"daily-2026010{day}-090000.sqlite3" for day in (4, 5, 6)]
    assert all(path.exists() for path in others)
    assert (folder / "daily-my-own-copy.sqlite3").exists()


def test_a_keep_of_zero_still_keeps_todays_backup(workspace):
    folder = workspace.paths.backups
    made = backup.daily_backup(workspace.paths.database, folder, 0, dt.datetime(2030, 1, 1))
    assert made is not None and made.exists()


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(workspace, tmp_path):
    now = dt.datetime(2026, 11, 27, 10, 0, 0)
    first = backup.make_named_backup(workspace.paths.database, tmp_path, "backup", now)
    _add_person(workspace, "Novak")
    second = backup.make_named_backup(workspace.paths.database, tmp_path, "backup", now)
    assert first != second and second.name == "backup-20261127-100000-2.sqlite3"
    assert _last_names(first) == [] and _last_names(second) == ["Novak"]


def test_list_backups_shows_newest_first(workspace, tmp_path):
    older = backup.make_named_backup(workspace.paths.database, tmp_path, "backup", dt.datetime(2026, 1, 1))
    newer = backup.make_named_backup(workspace.paths.database, tmp_path, "backup", dt.datetime(2026, 1, 2))
    os.utime(older, (1_000_000, 1_000_000))
    assert backup.list_backups(tmp_path)[:2] == [newer, older]
    assert backup.list_backups(tmp_path / "nowhere") == []


def test_inspect_reads_revision_newest_change_and_sites(workspace, tmp_path):
    _add_person(workspace, "Kovač")
    made = backup.backup_database(workspace.paths.database, tmp_path / "b.sqlite3")
    info = backup.inspect_backup(made, check_integrity=True)
    assert info.revision == migrate.HEAD_REVISION
    assert info.site_ids == {workspace.settings.site_id}
    assert info.persons == 1
    assert info.records >= 3  # the site, the administrator, the person
    assert dt.datetime.now(dt.UTC).replace(tzinfo=None) - info.newest_change < dt.timedelta(minutes=5)
    assert backup.describe_backup(made) == info.newest_change


def _other_program_database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES ('abc123')")
    connection.commit()
    connection.close()
    return path


def _file_with(content: bytes):
    def write(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return write


NOT_OURS = {
    "text file": _file_with("ime;priimek\nAna;Čeh\n".encode()),
    "random bytes": _file_with(os.urandom(8192)),
    "empty file": _file_with(b""),
    "other program's database": _other_program_database,
}


@pytest.mark.parametrize("kind", list(NOT_OURS))
def test_files_that_are_not_backups_are_refused(tmp_path, kind):
    path = NOT_OURS[kind](tmp_path / "file.sqlite3")
    with pytest.raises(UserError) as error:
        backup.inspect_backup(path, check_integrity=True)
    assert "not a SocioLab Desk backup" in str(error.value) and str(path) in str(error.value)


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        backup.inspect_backup(tmp_path / "missing.sqlite3")
    with pytest.raises(UserError, match="is a folder"):
        backup.inspect_backup(tmp_path)


def test_backup_from_a_newer_schema_is_refused(workspace, tmp_path):
    made = backup.backup_database(workspace.paths.database, tmp_path / "future.sqlite3")
    connection = sqlite3.connect(made)
    connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.commit()
    connection.close()
    with pytest.raises(UserError) as error:
        backup.inspect_backup(made)
    assert "newer version" in str(error.value) and "0099_from_the_future" in str(error.value)


def test_damaged_backup_is_refused_when_checked(workspace, tmp_path):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add_all(Person(first_name="Ana", last_name=f"Priimek {n}" * 20) for n in range(400))
    made = backup.backup_database(workspace.paths.database, tmp_path / "b.sqlite3")
    data = bytearray(made.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(len(data) // page_size // 2, len(data) // page_size):
        data[page * page_size + 8: page * page_size + 100] = os.urandom(92)
    made.write_bytes(bytes(data))
    with pytest.raises(UserError) as error:
        backup.inspect_backup(made, check_integrity=True)
    assert "damaged" in str(error.value) or "not a SocioLab" in str(error.value)


def test_restore_replaces_the_database_and_keeps_the_replaced_one(workspace, tmp_path):
    _add_person(workspace, "Prej")
    saved = backup.backup_database(workspace.paths.database, tmp_path / "saved.sqlite3")
    _add_person(workspace, "Potem")
    database = workspace.paths.database
    workspace.close()
    kept = backup.restore_database(saved, database, workspace.paths.backups, dt.datetime(2026, 5, 6, 7, 8, 9))
    assert _last_names(database) == ["Prej"]
    assert kept == workspace.paths.backups / "before-restore-20260506-070809.sqlite3"
    assert _last_names(kept) == ["Potem", "Prej"]
    assert not list(database.parent.glob(".*restoring*"))


def test_restore_never_replays_the_old_write_ahead_log(workspace, tmp_path):
    _add_person(workspace, "Prej")
    saved = backup.backup_database(workspace.paths.database, tmp_path / "saved.sqlite3")
    with workspace.store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
    _add_person(workspace, "Samo v WAL")
    wal = Path(f"{workspace.paths.database}-wal")
    assert wal.stat().st_size > 0
    # What a crashed program leaves behind: the database with its -wal and -shm.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{workspace.paths.database}{suffix}", crashed / f"sociolab.sqlite3{suffix}")
    kept = backup.restore_database(saved, crashed / "sociolab.sqlite3", crashed / "backups")
    assert not (crashed / "sociolab.sqlite3-wal").exists()
    assert _last_names(crashed / "sociolab.sqlite3") == ["Prej"]
    assert _last_names(kept) == ["Prej", "Samo v WAL"]


def test_restore_over_a_damaged_database_keeps_a_byte_copy_of_it(workspace, tmp_path):
    _add_person(workspace, "Dobra")
    saved = backup.backup_database(workspace.paths.database, tmp_path / "saved.sqlite3")
    broken = tmp_path / "broken"
    broken.mkdir()
    garbage = b"SQLite format 3\x00" + os.urandom(4096)
    (broken / "sociolab.sqlite3").write_bytes(garbage)
    kept = backup.restore_database(saved, broken / "sociolab.sqlite3", broken / "backups")
    assert kept.read_bytes() == garbage
    assert _last_names(broken / "sociolab.sqlite3") == ["Dobra"]


def test_restore_into_an_empty_folder_needs_nothing_kept(workspace, tmp_path):
    saved = backup.backup_database(workspace.paths.database, tmp_path / "saved.sqlite3")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert backup.restore_database(saved, fresh / "sociolab.sqlite3", fresh / "backups") is None
    assert backup.inspect_backup(fresh / "sociolab.sqlite3").site_ids == {workspace.settings.site_id}


def test_refused_restore_changes_nothing(workspace, tmp_path):
    database = workspace.paths.database
    workspace.close()
    before = database.read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("not a backup")
    with pytest.raises(UserError):
        backup.restore_database(text, database, workspace.paths.backups)
    assert database.read_bytes() == before
    assert not list(workspace.paths.backups.glob("before-restore-*"))


def test_restoring_the_database_onto_itself_is_refused(workspace):
    database = workspace.paths.database
    with pytest.raises(UserError, match="database itself"):
        backup.restore_database(database, database, workspace.paths.backups)


def test_manual_backup_refuses_missing_database_folder_and_self(tmp_path, workspace):
    with pytest.raises(UserError, match="nothing to back up"):
        backup.make_manual_backup(tmp_path / "none" / "sociolab.sqlite3", tmp_path / "backups")
    with pytest.raises(UserError, match="does not exist"):
        backup.make_manual_backup(workspace.paths.database, workspace.paths.backups, tmp_path / "no" / "b.sqlite3")
    with pytest.raises(UserError, match="database itself"):
        backup.make_manual_backup(workspace.paths.database, workspace.paths.backups, workspace.paths.database)
