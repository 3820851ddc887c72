"""`sociolab-desktop demo` fills an empty data folder, and never mixes with real records."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.workspace import open_workspace


def _count(data_dir, table: str) -> int:
    with open_workspace(data_dir) as workspace, workspace.store.engine.connect() as connection:
        return connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()


def _settings(data_dir) -> dict:
    return json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))


def test_demo_sets_up_a_new_folder_as_a_demo_info_point(run_cli, data_dir):
    result = run_cli("demo", "--people", "40", "--data-dir", data_dir)
    assert result.exit_code == 0, result.stderr
    settings = _settings(data_dir)
    assert settings["site_name"] == "Maribor (demo)"
    assert settings["language"] == "sl"
    assert _count(data_dir, "person") == 40
    assert "40" in result.stdout and str(data_dir) in result.stdout
    with open_workspace(data_dir) as workspace:
        assert settings["site_id"] in {site.id for site in sites.list_sites(workspace.store)}
        signed_in = staff.get_staff(workspace.store, settings["current_staff_id"])
        assert signed_in is not None and signed_in.is_admin


def test_demo_fills_a_folder_set_up_by_init_for_that_info_point(run_cli, data_dir):
    assert run_cli("init", "--site-name", "Informacijska točka Ptuj", "--language", "en",
                   "--data-dir", data_dir).exit_code == 0
    result = run_cli("demo", "--people", "30", "--data-dir", data_dir)
    assert result.exit_code == 0, result.stderr
    assert "30 clients" in result.stdout
    settings = _settings(data_dir)
    assert settings["site_name"] == "Informacijska točka Ptuj"
    with open_workspace(data_dir) as workspace:
        names = {site.name for site in sites.list_sites(workspace.store)}
    assert "Informacijska točka Ptuj" in names and "Informacijska točka Ptuj (demo)" not in names
    assert len(names) == 6  # five info points and the lead partner


def test_demo_refuses_a_database_that_holds_clients_and_changes_nothing(run_cli, data_dir):
    assert run_cli("demo", "--people", "25", "--data-dir", data_dir).exit_code == 0
    before = (_count(data_dir, "person"), _count(data_dir, "event"), _settings(data_dir))
    result = run_cli("demo", "--people", "25", "--seed", "2", "--data-dir", data_dir)
    assert result.exit_code == 2
    assert str(data_dir) in result.stderr
    assert (_count(data_dir, "person"), _count(data_dir, "event"), _settings(data_dir)) == before


def test_refusal_says_why_in_english_for_an_english_folder(run_cli, data_dir):
    run_cli("init", "--site-name", "Ormož", "--language", "en", "--data-dir", data_dir)
    assert run_cli("demo", "--people", "10", "--data-dir", data_dir).exit_code == 0
    result = run_cli("demo", "--data-dir", data_dir)
    assert "would mix with real records" in result.stderr and "nothing was changed" in result.stderr


def test_if_empty_leaves_a_database_with_clients_alone_and_succeeds(run_cli, data_dir):
    assert run_cli("demo", "--people", "15", "--data-dir", data_dir).exit_code == 0
    result = run_cli("demo", "--if-empty", "--people", "50", "--data-dir", data_dir)
    assert result.exit_code == 0, result.stderr
    assert str(data_dir) in result.stdout
    assert _count(data_dir, "person") == 15


def test_if_empty_fills_an_empty_folder(run_cli, data_dir):
    result = run_cli("demo", "--if-empty", "--people", "12", "--data-dir", data_dir)
    assert result.exit_code == 0, result.stderr
    assert _count(data_dir, "person") == 12


@pytest.mark.parametrize("people", ["0", "-5", "1000001", "many", "2.5", ""])
def test_impossible_numbers_of_people_are_refused_before_anything_is_written(run_cli, data_dir, people):
    result = run_cli("demo", "--people", people, "--data-dir", data_dir)
    assert result.exit_code == 2
    assert "--people" in result.stderr and people in result.stderr
    assert not (data_dir / "settings.json").exists()
    assert not (data_dir / "sociolab.sqlite3").exists()


def test_a_seed_that_is_not_a_number_is_refused(run_cli, data_dir):
    result = run_cli("demo", "--seed", "abc", "--data-dir", data_dir)
    assert result.exit_code == 2
    assert "--seed" in result.stderr and "abc" in result.stderr


def test_the_same_seed_gives_the_same_clients_in_two_folders(run_cli, tmp_path):
    folders = [tmp_path / "one", tmp_path / "two"]
    for folder in folders:
        assert run_cli("demo", "--people", "20", "--seed", "5", "--data-dir", folder).exit_code == 0
    names = []
    for folder in folders:
        with open_workspace(folder) as workspace, workspace.store.engine.connect() as connection:
            names.append(connection.execute(text(
                "SELECT first_name, last_name, email, birth_date FROM person ORDER BY sort_key, email"
            )).all())
    assert names[0] == names[1]
