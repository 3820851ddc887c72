"""Who is at the keyboard: chosen from the active staff, remembered on this PC."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import type_text

from sociolab_desktop.core.services import staff
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.sign_in_dialog import SignInDialog


@pytest.fixture
def colleagues(workspace):
    ana = staff.add_staff(workspace.store, workspace.actor, "Ana Novak")
    tomaz = staff.add_staff(workspace.store, workspace.actor, "Tomaž Čeh", is_staff=False, is_mentor=True)
    gone = staff.add_staff(workspace.store, workspace.actor, "Bojan Bivši")
    staff.update_staff(
        workspace.store, workspace.actor, gone.id, gone.display_name,
        email=None, is_staff=True, is_mentor=False, is_admin=False, is_active=False,
    )
    return {"ana": ana, "tomaz": tomaz, "gone": gone}


def _open(ctx, qtbot, *, at_start: bool) -> SignInDialog:
    dialog = SignInDialog(ctx, at_start=at_start)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _names(dialog: SignInDialog) -> list[str]:
    return [dialog.member_list.item(row).text() for row in range(dialog.member_list.count())]


def test_picking_a_colleague_signs_them_in_and_is_remembered(ctx, qtbot, colleagues, workspace):
    dialog = _open(ctx, qtbot, at_start=False)
    row = [m.id for m in dialog.members].index(colleagues["tomaz"].id)
    rect = dialog.member_list.visualItemRect(dialog.member_list.item(row))
    qtbot.mouseClick(dialog.member_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(ctx.signed_in_changed):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert load_settings(workspace.paths.settings).current_staff_id == colleagues["tomaz"].id
    assert workspace.actor.staff_id == colleagues["tomaz"].id
    # What is written next is stamped with the new person.
    added = staff.add_staff(workspace.store, workspace.actor, "Nova Oseba")
    with sqlite3.connect(workspace.paths.database) as connection:
        [(created_by,)] = connection.execute(
            "SELECT created_by_id FROM staff_user WHERE id = ?", (added.id,)
        ).fetchall()
    assert created_by == colleagues["tomaz"].id


def test_only_active_staff_are_offered_sorted_the_slovenian_way(ctx, qtbot, colleagues):
    dialog = _open(ctx, qtbot, at_start=True)
    names = [name.split(" (")[0] for name in _names(dialog)]
    assert names == ["Ana Novak", "Mojca Žagar", "Tomaž Čeh"]
    assert "Bojan Bivši" not in names
    # The person signed in last is preselected.
    assert dialog.member_list.currentItem().text().startswith("Mojca Žagar")


def test_enter_on_a_name_signs_in(ctx, qtbot, colleagues, workspace):
    dialog = _open(ctx, qtbot, at_start=True)
    dialog.member_list.setFocus()
    qtbot.keyClick(dialog.member_list, Qt.Key.Key_Home)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.member_list, Qt.Key.Key_Return)
    assert workspace.settings.current_staff_id == colleagues["ana"].id


def test_at_start_the_way_out_is_quit(ctx, qtbot, colleagues):
    dialog = _open(ctx, qtbot, at_start=True)
    assert dialog.reject_button.text() == ctx.tr.gettext("&Quit")


def test_without_any_staff_the_person_becomes_the_first_administrator(fresh_ctx, qtbot, fresh_workspace):
    from sociolab_desktop.core.services import sites

    fresh_ctx.settings.site_name = sites.create_site(
        fresh_workspace.store, fresh_workspace.settings.site_id, "Informacijska točka Ormož", "sl"
    ).name
    dialog = _open(fresh_ctx, qtbot, at_start=True)
    assert dialog.name_edit.isVisible() and not dialog.member_list.isVisible()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # the service's "Enter the staff member's name."
    type_text(dialog.name_edit, "Žiga Đurić")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    [admin] = staff.list_staff(fresh_workspace.store)
    assert admin.display_name == "Žiga Đurić" and admin.is_admin
    assert load_settings(fresh_workspace.paths.settings).current_staff_id == admin.id


def test_switch_user_in_the_file_menu_updates_the_status_bar(ctx, qtbot, colleagues):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.menus.switch_user.trigger()
    dialog = window.findChild(SignInDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.reject_button.text() == ctx.tr.gettext("Cancel")
    dialog.member_list.setCurrentRow([m.id for m in dialog.members].index(colleagues["ana"].id))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.member_list, Qt.Key.Key_Return)
    assert window.status.staff_label.text() == ctx.tr.gettext("Signed in: {name}").format(name="Ana Novak")
    # Ana is not an administrator: renaming the info point is not offered.
    assert not window.menus.rename_site.isEnabled()
