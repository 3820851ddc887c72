"""A fair with a session today and people in every state, and its door window on screen."""

from __future__ import annotations

import pytest
from checkin_helpers import Door, make_door, show_window
from PySide6.QtCore import Qt

from sociolab_desktop.ui.events.checkin.checkin_window import CheckInWindow


@pytest.fixture
def door(workspace) -> Door:
    return make_door(workspace)


@pytest.fixture
def window(qtbot, ctx, door) -> CheckInWindow:
    return show_window(qtbot, ctx, door.event_id)


@pytest.fixture
def press(qtbot):
    """Press a key in the search field and wait until the check-in, walk-in or undo it starts is answered."""

    def press_key(window: CheckInWindow, key=Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        with qtbot.waitSignal(window.write_finished, timeout=5000):
            qtbot.keyClick(window.search_edit, key, modifier)

    return press_key
