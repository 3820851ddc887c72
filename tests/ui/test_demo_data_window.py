"""The shell over a data folder full of demo data: it opens, signs in, visits every area by
keyboard, switches language and lists the staff."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sociolab_desktop.core.services import staff
from sociolab_desktop.core.services.demo import generate_demo_data
from sociolab_desktop.ui.areas import AREAS


def test_main_window_opens_over_300_demo_people(start, qtbot, workspace):
    summary = generate_demo_data(workspace.store, workspace.actor, people=300, seed=7)
    members = staff.list_staff(workspace.store)
    assert len(members) > 1
    root = workspace.paths.root
    workspace.close()

    startup = start(root)
    with qtbot.waitSignal(startup.ready, timeout=15_000):
        pass
    window = startup.window
    for number, area in enumerate(AREAS, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == area.key

    window.menus.language_actions["en"].trigger()
    assert window.navigation.item(0).text() == "Clients"
    assert window.current_area() == AREAS[-1].key  # the place is kept
    window.menus.language_actions["sl"].trigger()
    assert window.navigation.item(0).text() == "Stranke"

    dialog = window.open_staff_dialog()
    qtbot.addWidget(dialog)
    names = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert {m.display_name for m in members} <= names
    assert summary.admin_id is None or summary.admin_id in {m.id for m in dialog.members}
    dialog.reject()
