"""First start: the dialog sets up the info point and its first administrator, or nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from ui_helpers import type_text

from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.first_run_dialog import FirstRunDialog


@pytest.fixture
def dialog(fresh_ctx, qtbot) -> FirstRunDialog:
    dlg = FirstRunDialog(fresh_ctx)
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitExposed(dlg)
    return dlg


def _click(qtbot, dialog: FirstRunDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_ok_creates_the_info_point_and_its_administrator_and_signs_them_in(
    dialog, qtbot, fresh_workspace
):
    type_text(dialog.site_edit, "Informacijska točka Ptuj")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    type_text(dialog.admin_edit, "Špela Čeh")
    with qtbot.waitSignal(dialog.accepted):
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.result() == QDialog.DialogCode.Accepted
    [site] = sites.list_sites(fresh_workspace.store)
    assert (site.name, site.language) == ("Informacijska točka Ptuj", "en")
    [admin] = staff.list_staff(fresh_workspace.store)
    assert admin.display_name == "Špela Čeh"
    assert admin.is_admin and admin.is_staff and admin.is_active
    saved = load_settings(fresh_workspace.paths.settings)
    assert saved.site_id == site.id
    assert saved.site_name == "Informacijska točka Ptuj"
    assert saved.language == "en"
    assert saved.current_staff_id == admin.id
    assert fresh_workspace.actor.staff_id == admin.id


def test_choosing_english_turns_the_dialog_english_at_once(dialog, fresh_ctx, qtbot):
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    slovenian_title = dialog.windowTitle()
    dialog.language_combo.setFocus()
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Down)
    assert fresh_ctx.tr.language == "en"
    assert dialog.windowTitle() == "Set up SocioLab Desk"
    qtbot.waitUntil(lambda: cancel.text() == "Cancel")
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Up)
    assert dialog.windowTitle() == slovenian_title
    qtbot.waitUntil(lambda: cancel.text() == fresh_ctx.tr.gettext("Cancel") == "Prekliči")


def test_empty_info_point_name_is_reported_inline_and_nothing_is_created(
    dialog, qtbot, fresh_workspace, fresh_ctx
):
    type_text(dialog.admin_edit, "Špela Čeh")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == fresh_ctx.tr.gettext("Enter the name of the info point.")
    assert sites.list_sites(fresh_workspace.store) == []
    assert not fresh_workspace.paths.settings.exists()


def test_empty_administrator_name_is_reported_inline_and_nothing_is_created(
    dialog, qtbot, fresh_workspace, fresh_ctx
):
    type_text(dialog.site_edit, "Informacijska točka Ptuj")
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    assert dialog.isVisible()
    assert dialog.error.text() == fresh_ctx.tr.gettext("Enter the name of the first administrator.")
    assert sites.list_sites(fresh_workspace.store) == []
    assert staff.list_staff(fresh_workspace.store) == []


def test_cancel_creates_nothing(dialog, qtbot, fresh_workspace):
    type_text(dialog.site_edit, "Informacijska točka Ptuj")
    with qtbot.waitSignal(dialog.rejected):
        _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert sites.list_sites(fresh_workspace.store) == []
    assert staff.list_staff(fresh_workspace.store) == []
    assert not fresh_workspace.paths.settings.exists()


def test_enter_in_the_last_field_confirms(dialog, qtbot, fresh_workspace):
    type_text(dialog.site_edit, "Informacijska točka Ptuj")
    dialog.admin_edit.setFocus()
    type_text(dialog.admin_edit, "Ana")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.admin_edit, Qt.Key.Key_Return)
    assert len(sites.list_sites(fresh_workspace.store)) == 1


def test_escape_cancels(dialog, qtbot, fresh_workspace):
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.site_edit, Qt.Key.Key_Escape)
    assert sites.list_sites(fresh_workspace.store) == []
