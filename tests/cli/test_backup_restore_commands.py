"""`sociolab-desktop backup` and `restore`: a round trip gives the data back as it was, the replaced
database is kept, anything that is not our backup is refused, and newer data is never thrown away
without a yes."""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from sociolab_desktop.core.services import sites
from sociolab_desktop.core.store import migrate
from sociolab_desktop.core.store.instance_lock import InstanceLock
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.workspace import open_workspace


def _add_person(data_dir: Path, last_name: str) -> None:
    with open_workspace(data_dir) as workspace:
        with workspace.store.unit_of_work(workspace.actor) as session:
            session.add(Person(first_name="Ana", last_name=last_name))


def _last_names(data_dir: Path) -> list[str]:
    with open_workspace(data_dir) as workspace, workspace.store.reader() as session:
        return sorted(session.scalars(select(Person.last_name)))


@pytest.fixture
def folder(workspace) -> Path:
    """An initialised English data folder holding "Prej"; its window closed (commands lock it)."""
    workspace.settings.language = "en"
    workspace.save_settings()
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Person(first_name="Ana", last_name="Prej"))
    workspace.close()
    return workspace.paths.root


@pytest.fixture
def saved(run_cli, folder, tmp_path) -> Path:
    """A backup of `folder` made with the command, before "Potem" was added to the folder."""
    target = tmp_path / "shramba.sqlite3"
    result = run_cli("backup", "-o", target, "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    _add_person(folder, "Potem")
    return target


def test_backup_and_restore_give_the_data_back_as_it_was(run_cli, folder, saved):
    result = run_cli("restore", saved, "--yes", "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert _last_names(folder) == ["Prej"]
    kept = list((folder / "backups").glob("before-restore-*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in result.stdout
    connection = sqlite3.connect(kept[0])
    assert sorted(row[0] for row in connection.execute("SELECT last_name FROM person")) == ["Potem", "Prej"]
    connection.close()


def test_backup_prints_where_it_went(run_cli, folder, tmp_path):
    target = tmp_path / "copy.sqlite3"
    result = run_cli("backup", "-o", target, "--data-dir", folder)
    assert result.exit_code == 0 and str(target) in result.stdout
    assert target.exists()


def test_backup_without_a_file_goes_to_the_backups_folder(run_cli, folder):
    result = run_cli("backup", "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    made = list((folder / "backups").glob("backup-*.sqlite3"))
    assert len(made) == 1 and str(made[0]) in result.stdout


def test_backup_to_a_missing_folder_is_refused(run_cli, folder, tmp_path):
    result = run_cli("backup", "-o", tmp_path / "nowhere" / "b.sqlite3", "--data-dir", folder)
    assert result.exit_code == 2 and str(tmp_path / "nowhere") in result.stderr


def test_backup_of_a_folder_without_a_database_is_refused_and_creates_nothing(run_cli, tmp_path):
    data_dir = tmp_path / "typo"
    result = run_cli("backup", "--data-dir", data_dir)
    assert result.exit_code == 2 and str(data_dir) in result.stderr
    assert not data_dir.exists()


def _text_file(path: Path) -> Path:
    path.write_text("To ni varnostna kopija.\n", encoding="utf-8")
    return path


def _random_bytes(path: Path) -> Path:
    path.write_bytes(os.urandom(4096))
    return path


def _other_program(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    return path


def _missing(path: Path) -> Path:
    return path


def _newer_schema(path: Path, source: Path) -> Path:
    path.write_bytes(source.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0042_future'")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("text file", _text_file),
        ("random bytes", _random_bytes),
        ("another program's database", _other_program),
        ("missing file", _missing),
        ("newer schema", None),
    ],
)
def test_restore_refuses_what_is_not_our_backup(run_cli, folder, saved, tmp_path, kind, make):
    bad = tmp_path / "kandidat.sqlite3"
    bad = _newer_schema(bad, saved) if make is None else make(bad)
    before = (folder / "sociolab.sqlite3").read_bytes()
    result = run_cli("restore", bad, "--yes", "--data-dir", folder)
    assert result.exit_code == 2
    assert str(bad) in result.stderr
    if make is None:
        assert "newer version" in result.stderr
    assert (folder / "sociolab.sqlite3").read_bytes() == before
    assert not list((folder / "backups").glob("before-restore-*"))


def test_newer_data_is_replaced_after_a_slovenian_yes(run_cli, folder, saved, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("da\n"))
    result = run_cli("restore", saved, "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "newer than the backup" in result.stdout
    assert _last_names(folder) == ["Prej"]


@pytest.mark.parametrize("answer", ["y\n", "YES\n", "d\n"])
def test_other_yes_words_are_understood(run_cli, folder, saved, monkeypatch, answer):
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    assert run_cli("restore", saved, "--data-dir", folder).exit_code == 0
    assert _last_names(folder) == ["Prej"]


@pytest.mark.parametrize("answer", ["n\n", "\n", "ne\n"])
def test_newer_data_stays_when_the_answer_is_not_yes(run_cli, folder, saved, monkeypatch, answer):
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    result = run_cli("restore", saved, "--data-dir", folder)
    assert result.exit_code == 2
    assert _last_names(folder) == ["Potem", "Prej"]
    assert not list((folder / "backups").glob("before-restore-*"))


def test_without_a_terminal_newer_data_is_kept_unless_yes_is_given(run_cli, folder, saved, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # end of input: a scheduled task
    result = run_cli("restore", saved, "--data-dir", folder)
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert _last_names(folder) == ["Potem", "Prej"]
    monkeypatch.setattr(sys, "stdin", None)  # pythonw: no console at all
    assert run_cli("restore", saved, "--data-dir", folder).exit_code == 2
    result = run_cli("restore", saved, "--yes", "--data-dir", folder)
    assert result.exit_code == 0 and "newer than the backup" not in result.stdout
    assert _last_names(folder) == ["Prej"]


def test_a_backup_as_new_as_the_data_restores_without_asking(run_cli, folder, tmp_path):
    target = tmp_path / "fresh.sqlite3"
    assert run_cli("backup", "-o", target, "--data-dir", folder).exit_code == 0
    # pytest's stdin refuses to be read: a question here would end in a refusal.
    result = run_cli("restore", target, "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert _last_names(folder) == ["Prej"]


def test_a_backup_of_another_info_point_asks_first(run_cli, folder, tmp_path, monkeypatch):
    other = tmp_path / "other"
    with open_workspace(other) as workspace:
        sites.create_site(workspace.store, workspace.settings.site_id, "Informacijska točka Ormož", "sl")
    foreign = tmp_path / "ormoz.sqlite3"
    assert run_cli("backup", "-o", foreign, "--data-dir", other).exit_code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = run_cli("restore", foreign, "--data-dir", folder)
    assert result.exit_code == 2
    assert "another info point" in result.stdout
    assert _last_names(folder) == ["Prej"]


def test_restore_while_the_program_runs_is_refused(run_cli, folder, saved):
    before = (folder / "sociolab.sqlite3").read_bytes()
    with InstanceLock(folder / ".sociolab-desktop.lock"):  # what a running window holds
        result = run_cli("restore", saved, "--yes", "--data-dir", folder)
        assert result.exit_code == 2
        assert "already running" in result.stderr and str(folder) in result.stderr
        backup_result = run_cli("backup", "--data-dir", folder)
        assert backup_result.exit_code == 2 and "already running" in backup_result.stderr
    assert (folder / "sociolab.sqlite3").read_bytes() == before
    assert not (folder / "backups").exists() or not list((folder / "backups").glob("before-restore-*"))


def test_restore_onto_a_new_pc_needs_no_previous_database(run_cli, saved, tmp_path):
    new_pc = tmp_path / "new-pc"
    result = run_cli("restore", saved, "--data-dir", new_pc)
    assert result.exit_code == 0, result.stderr
    assert _last_names(new_pc) == ["Prej"]


def test_restored_database_opens_and_keeps_working(run_cli, folder, saved):
    assert run_cli("restore", saved, "--yes", "--data-dir", folder).exit_code == 0
    _add_person(folder, "Novo")
    assert _last_names(folder) == ["Novo", "Prej"]


def test_an_older_backup_is_brought_up_to_date_at_the_next_start(run_cli, folder):
    old = Path(__file__).resolve().parents[1] / "fixtures" / "schema_0001_initial.sqlite3"
    result = run_cli("restore", old, "--yes", "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert "older version" in result.stdout
    assert migrate.current_revision(folder / "sociolab.sqlite3") == "0001_initial"
    assert _last_names(folder) == ["Čeh"]  # opening migrates it
    assert migrate.current_revision(folder / "sociolab.sqlite3") == migrate.HEAD_REVISION
    assert len(list((folder / "backups").glob("before-upgrade-*.sqlite3"))) == 1


def test_a_backup_lacking_records_asks_even_when_no_change_is_newer(run_cli, folder, tmp_path, monkeypatch):
    target = tmp_path / "b.sqlite3"
    assert run_cli("backup", "-o", target, "--data-dir", folder).exit_code == 0
    # An imported record keeps its own (old) change time, older than everything in the backup.
    with open_workspace(folder) as workspace, workspace.store.unit_of_work(workspace.actor) as session:
        old = dt.datetime(2019, 1, 1)
        session.execute(insert(Person).values(first_name="Uvožena", last_name="Stara", created_at=old, updated_at=old))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = run_cli("restore", target, "--data-dir", folder)
    assert result.exit_code == 2
    assert "1 record more than the backup" in result.stdout
    assert "newer than the backup" not in result.stdout
    assert _last_names(folder) == ["Prej", "Stara"]
