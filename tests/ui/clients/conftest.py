"""Fixtures for the Clients area: 300 invented persons (seed 3) and the page over them."""

from __future__ import annotations

import pytest
from clients_helpers import DEMO_PEOPLE, DEMO_SEED
from ui_helpers import list_settled, show_active

from sociolab_desktop.core.services.demo import generate_demo_data
from sociolab_desktop.ui.clients.clients_page import ClientsPage
from sociolab_desktop.workspace import Workspace


@pytest.fixture
def demo_workspace(workspace: Workspace) -> Workspace:
    generate_demo_data(workspace.store, workspace.actor, people=DEMO_PEOPLE, seed=DEMO_SEED)
    return workspace


@pytest.fixture
def page(demo_workspace, ctx, qtbot) -> ClientsPage:
    """The page on screen and active (shortcuts and focus need an active window), list loaded."""
    widget = show_active(qtbot, ClientsPage(ctx), (1100, 640))
    qtbot.waitUntil(list_settled(widget, DEMO_PEOPLE))
    qtbot.waitUntil(lambda: widget.site_combo.count() > 1)
    return widget
