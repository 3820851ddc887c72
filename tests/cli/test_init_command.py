"""`sociolab-desktop init` sets a PC up without a window, and refuses what it cannot do."""

from __future__ import annotations

import json
import subprocess
import sys

from sociolab_desktop.core.services import sites
from sociolab_desktop.workspace import open_workspace


def test_init_creates_the_site_and_settings(run_cli, data_dir):
    result = run_cli("init", "--site-name", "Informacijska točka Ptuj", "--language", "en",
                     "--share", r"\\server\share\sociolab", "--data-dir", data_dir)
    assert result.exit_code == 0, result.stderr
    assert "Informacijska točka Ptuj" in result.stdout
    settings = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["site_name"] == "Informacijska točka Ptuj"
    assert settings["language"] == "en"
    assert settings["share_path"] == r"\\server\share\sociolab"
    with open_workspace(data_dir) as workspace:
        assert [site.id for site in sites.list_sites(workspace.store)] == [settings["site_id"]]


def test_init_twice_is_refused_and_changes_nothing(run_cli, data_dir):
    assert run_cli("init", "--site-name", "Ptuj", "--data-dir", data_dir).exit_code == 0
    before = (data_dir / "settings.json").read_text(encoding="utf-8")
    result = run_cli("init", "--site-name", "Ormož", "--data-dir", data_dir)
    assert result.exit_code == 2
    assert "že" in result.stderr or "already" in result.stderr
    assert (data_dir / "settings.json").read_text(encoding="utf-8") == before


def test_init_with_unknown_language_is_refused(run_cli, data_dir):
    result = run_cli("init", "--site-name", "Ptuj", "--language", "de", "--data-dir", data_dir)
    assert result.exit_code == 2
    assert "de" in result.stderr and "sl, en" in result.stderr
    assert not (data_dir / "settings.json").exists()


def test_init_with_a_blank_site_name_is_refused(run_cli, data_dir):
    result = run_cli("init", "--site-name", "   ", "--data-dir", data_dir)
    assert result.exit_code == 2
    assert not (data_dir / "settings.json").exists()


def test_environment_variable_chooses_the_data_folder(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIOLAB_DATA_DIR", str(tmp_path / "from-env"))
    assert run_cli("init", "--site-name", "Lenart").exit_code == 0
    assert (tmp_path / "from-env" / "settings.json").exists()


def test_errors_speak_the_folders_language(run_cli, data_dir):
    run_cli("init", "--site-name", "Ptuj", "--language", "en", "--data-dir", data_dir)
    result = run_cli("init", "--site-name", "Ptuj", "--data-dir", data_dir)
    assert "already set up" in result.stderr


def test_module_entry_point_runs_as_a_separate_process(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "sociolab_desktop", "init", "--site-name", "Slovenska Bistrica",
         "--data-dir", str(data_dir)],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert (data_dir / "sociolab.sqlite3").exists()


def test_unknown_command_exits_non_zero(run_cli):
    try:
        code = run_cli("fly-to-the-moon").exit_code
    except SystemExit as stop:
        code = stop.code
    assert code != 0


def test_data_dir_may_stand_before_the_command(run_cli, data_dir):
    result = run_cli("--data-dir", data_dir, "init", "--site-name", "Ormož")
    assert result.exit_code == 0, result.stderr
    assert (data_dir / "settings.json").exists()
