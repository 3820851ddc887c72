"""Settings: one typed file per data folder, written atomically, never 'repaired'."""

from __future__ import annotations

import json

import pytest

from sociolab_desktop.errors import UserError
from sociolab_desktop.paths import DATA_DIR_ENV, resolve_data_paths
from sociolab_desktop.settings import SETTINGS_VERSION, Settings, load_settings, save_settings


def test_missing_file_means_first_run(tmp_path):
    settings = load_settings(tmp_path / "settings.json")
    assert not settings.is_initialised
    assert settings.language == "sl"


def test_round_trip_keeps_slovenian_letters(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, Settings(site_id="abc", site_name="Točka Šentilj – Ćirić Đ", language="en"))
    again = load_settings(path)
    assert again.site_name == "Točka Šentilj – Ćirić Đ"
    assert again.language == "en" and again.is_initialised
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == SETTINGS_VERSION


@pytest.mark.parametrize("content", ["{broken", "[1, 2, 3]", "\x00\x01binary", '"just a string"'])
def test_garbage_is_reported_with_the_path_and_left_alone(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_settings(path)
    assert str(path) in str(error.value)
    assert path.read_text(encoding="utf-8") == content


def test_settings_from_a_newer_program_are_refused(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": SETTINGS_VERSION + 1, "site_name": "X"}), encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_settings(path)
    assert "newer version" in str(error.value)


def test_unknown_language_in_the_file_falls_back_to_slovenian(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "language": "klingon"}), encoding="utf-8")
    assert load_settings(path).language == "sl"


def test_unknown_keys_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "site_name": "Ptuj", "from_the_future": 1}), encoding="utf-8")
    assert load_settings(path).site_name == "Ptuj"


def test_no_temporary_files_are_left_behind(tmp_path):
    save_settings(tmp_path / "settings.json", Settings(site_name="Ptuj"))
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_data_dir_option_beats_environment_beats_default(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_paths().root == (tmp_path / "from-env").resolve()
    assert resolve_data_paths(tmp_path / "from-option").root == (tmp_path / "from-option").resolve()
    monkeypatch.delenv(DATA_DIR_ENV)
    assert "sociolab-desktop" in str(resolve_data_paths().root)
