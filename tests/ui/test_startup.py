"""Start-up order: window first, then the data folder, then who is at the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import type_text

from sociolab_desktop.core.services import staff
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.clients.clients_page import ClientsPage
from sociolab_desktop.ui.first_run_dialog import FirstRunDialog
from sociolab_desktop.ui.sign_in_dialog import SignInDialog


def _signed_out_folder(workspace) -> str:
    """The fixture's folder with a second person and nobody remembered as signed in."""
    staff.add_staff(workspace.store, workspace.actor, "Ana Novak")
    workspace.settings.current_staff_id = None
    workspace.save_settings()
    root = workspace.paths.root
    workspace.close()
    return root


def test_window_shows_before_the_data_folder_opens_then_asks_who_is_there(start, qtbot, workspace):
    root = _signed_out_folder(workspace)
    startup = start(root)
    assert startup.window is not None and startup.window.isVisible()
    assert startup.ctx.workspace is None  # not yet: the window comes first
    with qtbot.waitSignal(startup.shown):
        pass
    qtbot.waitUntil(lambda: isinstance(startup.dialog, SignInDialog) and startup.dialog.isVisible())
    dialog = startup.dialog
    assert dialog.reject_button.text() == startup.ctx.tr.gettext("&Quit")
    dialog.member_list.setCurrentRow(0)
    with qtbot.waitSignal(startup.ready):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert load_settings(root / "settings.json").current_staff_id == startup.ctx.current_staff().id
    assert startup.window.menus.staff_members.isEnabled()


def test_refusing_to_sign_in_at_start_ends_the_program(start, qtbot, workspace):
    startup = start(_signed_out_folder(workspace))
    qtbot.waitUntil(lambda: isinstance(startup.dialog, SignInDialog) and startup.dialog.isVisible())
    with qtbot.waitSignal(startup.finished) as finished:
        qtbot.keyClick(startup.dialog.member_list, Qt.Key.Key_Escape)
    assert finished.args == [0]


def test_a_remembered_active_person_is_not_asked_again(start, qtbot, workspace):
    root = workspace.paths.root
    workspace.close()
    startup = start(root)
    with qtbot.waitSignal(startup.ready, timeout=10_000):
        pass
    assert startup.dialog is None
    assert startup.window.status.staff_label.text() == startup.ctx.tr.gettext("Signed in: {name}").format(
        name="Mojca Žagar"
    )


def test_the_first_area_and_the_shortcuts_come_right_after_the_first_paint(start, qtbot, workspace):
    root = workspace.paths.root
    workspace.close()
    startup = start(root)
    window = startup.window
    assert window.pages.currentWidget() is None  # not before the first paint
    with qtbot.waitSignal(startup.shown):
        pass
    assert window.pages.currentWidget() is None  # the paint reaches the screen first
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), ClientsPage))
    assert window.menus.quit.shortcut().toString() == "Ctrl+Q"
    assert window.navigation.item(1).toolTip() == "Ctrl+2"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "organisations"
    assert window.pages.currentWidget() is window.area_page("organisations")


def test_first_run_then_the_main_window(start, qtbot, data_dir):
    startup = start(data_dir)
    assert startup.window is None
    qtbot.waitUntil(lambda: isinstance(startup.dialog, FirstRunDialog) and startup.dialog.isVisible())
    dialog = startup.dialog
    type_text(dialog.site_edit, "Informacijska točka Ptuj")
    type_text(dialog.admin_edit, "Špela Čeh")
    with qtbot.waitSignal(startup.ready):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    window = startup.window
    assert window.isVisible()
    assert "Informacijska točka Ptuj" in window.windowTitle()
    assert window.status.staff_label.text() == startup.ctx.tr.gettext("Signed in: {name}").format(
        name="Špela Čeh"
    )


def test_closing_the_window_while_starting_ends_the_program(start, qtbot, workspace):
    root = workspace.paths.root
    workspace.close()
    startup = start(root)
    with qtbot.waitSignal(startup.finished) as finished:
        startup.window.close()
    assert finished.args == [0]
