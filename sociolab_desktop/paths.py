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


def _bundle_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def translations_dir() -> Path:
    return _bundle_root() / "translations"


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
