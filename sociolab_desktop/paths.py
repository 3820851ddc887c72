"""Where SocioLab Desk keeps its data, and where it finds its own resources.

The data folder comes from platformdirs unless `--data-dir` or SOCIOLAB_DATA_DIR names another,
which is what tests, portable installs and IT staff preparing PCs use. Resources are found both
in a source checkout and inside a PyInstaller bundle (`sys._MEIPASS`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop import APP_ID

DATA_DIR_ENV = "SOCIOLAB_DATA_DIR"


def _data_root_candidates() -> list[Path]:
    """Where resources/ and translations/ may be: inside a PyInstaller bundle, beside the
    package in a source checkout (or editable install), or under <prefix>/share after
    `pip install .` (they are installed there as data files)."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root))
    candidates.append(Path(__file__).resolve().parent.parent)
    candidates.append(Path(sys.prefix) / "share" / APP_ID)
    return candidates


def _data_root(name: str) -> Path:
    for root in _data_root_candidates():
        if (root / name).is_dir():
            return root / name
    return _data_root_candidates()[0] / name


def resources_dir() -> Path:
    return _data_root("resources")


def translations_dir() -> Path:
    return _data_root("translations")


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "core" / "store" / "migrations"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataPaths:
    """Every file SocioLab Desk writes lives below one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "sociolab.sqlite3"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs / "sociolab-desktop.log"

    @property
    def lock_file(self) -> Path:
        return self.root / ".sociolab-desktop.lock"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"


def resolve_data_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """The command-line option wins over the environment, which wins over the platform default."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or default_data_dir()
    return DataPaths(Path(chosen).expanduser().resolve())
