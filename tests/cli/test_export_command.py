"""`sociolab-desktop export`: writes the table, says how many records, and refuses unclear requests."""

from __future__ import annotations

import csv
import json

import pytest

from sociolab_desktop.core.services.export import DATASETS
from sociolab_desktop.core.store.models import Person


@pytest.fixture
def folder(workspace):
    """An initialised data folder speaking English, with two persons; its window closed, because
    the command takes the folder's instance lock."""
    workspace.settings.language = "en"
    workspace.save_settings()
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add_all([Person(first_name="Ana", last_name="Čeh"), Person(first_name="Đuro", last_name="Žagar")])
    workspace.close()
    return workspace.paths.root


def test_export_people_writes_the_file_and_says_how_many(run_cli, folder, tmp_path):
    target = tmp_path / "ljudje.csv"
    result = run_cli("export", "people", "--format", "csv", "-o", target, "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert f"Exported 2 records to {target}" in result.stdout
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert sorted(row["last_name"] for row in csv.DictReader(handle)) == ["Čeh", "Žagar"]


def test_singular_message_for_one_record(run_cli, workspace, tmp_path):
    workspace.settings.language = "en"
    workspace.save_settings()
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Person(first_name="Ana", last_name="Novak"))
    workspace.close()
    result = run_cli("export", "people", "-o", tmp_path / "p.json", "--data-dir", workspace.paths.root)
    assert f"Exported 1 record to {tmp_path / 'p.json'}" in result.stdout


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_every_table_can_be_exported(run_cli, folder, tmp_path, dataset):
    target = tmp_path / f"{dataset}.xlsx"
    result = run_cli("export", dataset, "-o", target, "--data-dir", folder)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes()[:2] == b"PK"  # a zip: the XLSX container


def test_format_comes_from_the_file_name(run_cli, folder, tmp_path):
    target = tmp_path / "people.JSON"
    assert run_cli("export", "people", "-o", target, "--data-dir", folder).exit_code == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2


def test_format_option_allows_any_other_file_ending(run_cli, folder, tmp_path):
    target = tmp_path / "people.txt"
    assert run_cli("export", "people", "--format", "csv", "-o", target, "--data-dir", folder).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid,")


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--format", "csv", "-o", "people.xlsx"], ".xlsx"),
        (["-o", "people.txt"], "people.txt"),
        (["--format", "ods", "-o", "people.ods"], "ods"),
    ],
)
def test_unclear_or_contradicting_format_is_refused(run_cli, folder, tmp_path, monkeypatch, arguments, named):
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", "people", *arguments, "--data-dir", folder)
    assert result.exit_code == 2
    assert named in result.stderr
    assert not any(tmp_path.glob("people*"))


def test_unknown_table_is_refused_with_the_choices(run_cli, folder, tmp_path):
    result = run_cli("export", "clients", "-o", tmp_path / "c.csv", "--data-dir", folder)
    assert result.exit_code == 2
    assert "clients" in result.stderr and "people, organisations" in result.stderr


def test_export_from_an_uninitialised_folder_is_refused(run_cli, data_dir, tmp_path):
    result = run_cli("export", "people", "-o", tmp_path / "p.csv", "--data-dir", data_dir)
    assert result.exit_code == 2
    assert str(data_dir) in result.stderr and "sociolab-desktop init" in result.stderr
    assert not (tmp_path / "p.csv").exists()


def test_missing_output_folder_is_refused(run_cli, folder, tmp_path):
    target = tmp_path / "nowhere" / "p.csv"
    result = run_cli("export", "people", "-o", target, "--data-dir", folder)
    assert result.exit_code == 2
    assert str(target.parent) in result.stderr
    assert not target.parent.exists()


def test_export_while_the_window_is_open_is_refused(run_cli, workspace, tmp_path):
    result = run_cli("export", "people", "-o", tmp_path / "p.csv", "--data-dir", workspace.paths.root)
    assert result.exit_code == 2
    assert str(workspace.paths.root) in result.stderr
    assert not (tmp_path / "p.csv").exists()
