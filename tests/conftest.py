"""Shared fixtures. Qt runs offscreen; every test gets its own data folder on a real SQLite file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SOCIOLAB_DATA_DIR", None)

from sociolab_desktop import cli  # noqa: E402
from sociolab_desktop.core.services import sites, staff  # noqa: E402
from sociolab_desktop.workspace import Workspace, open_workspace  # noqa: E402


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(capsys) -> "callable":
    """Run `sociolab-desktop ARGS` in this process and capture what it prints."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = cli.main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    """An initialised data folder: info point "Maribor", an administrator signed in."""
    ws = open_workspace(data_dir)
    site = sites.create_site(ws.store, ws.settings.site_id, "Informacijska točka Maribor", "sl")
    ws.settings.site_id, ws.settings.site_name = site.id, site.name
    admin = staff.add_staff(ws.store, ws.actor, "Mojca Žagar", is_admin=True, is_mentor=True)
    ws.settings.current_staff_id = admin.id
    ws.save_settings()
    yield ws
    ws.close()


@pytest.fixture
def python_exe() -> str:
    return sys.executable
