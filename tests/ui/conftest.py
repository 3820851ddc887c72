"""Fixtures for window tests: shell contexts over real data folders (helpers in ui_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import make_context

from sociolab_desktop.paths import resolve_data_paths
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.startup import Startup
from sociolab_desktop.workspace import Workspace, open_workspace


@pytest.fixture
def ctx(workspace: Workspace, qapp) -> Iterator[ShellContext]:
    """The shell over the shared `workspace` fixture (Slovenian, an administrator signed in)."""
    context = make_context(workspace, qapp)
    yield context
    context.dispose()


@pytest.fixture
def fresh_workspace(data_dir: Path) -> Iterator[Workspace]:
    """A data folder opened for the first time: no site, no staff."""
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def fresh_ctx(fresh_workspace: Workspace, qapp) -> Iterator[ShellContext]:
    context = make_context(fresh_workspace, qapp)
    yield context
    context.dispose()


@pytest.fixture
def start(qapp, qtbot):
    """Run the start-up sequence over a data folder; the workspace is opened like app.py does."""
    made = []

    def begin(data_dir) -> Startup:
        paths = resolve_data_paths(data_dir)
        ctx = make_context(None, qapp, paths=paths, settings=load_settings(paths.settings))
        startup = Startup(ctx, open_workspace)
        made.append(startup)
        startup.start()
        return startup

    yield begin
    for startup in made:
        startup.close()
        if startup.ctx.workspace is not None:
            startup.ctx.workspace.close()
        startup.ctx.dispose()
    qapp.setQuitOnLastWindowClosed(True)
