"""Staff administration: administrators add and edit staff and mentors; others only look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import type_text

from sociolab_desktop.core.services import staff
from sociolab_desktop.ui.staff_dialog import StaffDialog
from sociolab_desktop.ui.staff_edit_dialog import StaffEditDialog


@pytest.fixture
def dialog(ctx, qtbot) -> StaffDialog:
    dlg = StaffDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitExposed(dlg)
    return dlg


def _editor(dialog: StaffDialog, qtbot) -> StaffEditDialog:
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible())
    return dialog.editor


def _ok(qtbot, editor: StaffEditDialog) -> None:
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_administrator_adds_a_mentor(dialog, qtbot, workspace):
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    editor = _editor(dialog, qtbot)
    type_text(editor.name_edit, "Tomaž Čeh")
    type_text(editor.email_edit, "tomaz.ceh@example.org")
    qtbot.mouseClick(editor.staff_check, Qt.MouseButton.LeftButton)  # off: a mentor only
    qtbot.mouseClick(editor.mentor_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.saved):
        _ok(qtbot, editor)

    mentor = next(m for m in staff.list_staff(workspace.store) if m.display_name == "Tomaž Čeh")
    assert (mentor.is_mentor, mentor.is_staff, mentor.is_admin) == (True, False, False)
    assert mentor.email == "tomaz.ceh@example.org"
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "Tomaž Čeh" in names
    assert dialog.selected_member().id == mentor.id


def test_a_member_without_any_role_is_refused_inline(dialog, qtbot, workspace, ctx):
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    editor = _editor(dialog, qtbot)
    type_text(editor.name_edit, "Brez Vloge")
    qtbot.mouseClick(editor.staff_check, Qt.MouseButton.LeftButton)
    _ok(qtbot, editor)
    assert editor.isVisible()
    assert editor.error.text() == ctx.tr.gettext(
        "Choose at least one role: staff, mentor or administrator."
    )
    assert [m.display_name for m in staff.list_staff(workspace.store)] == ["Mojca Žagar"]


def test_the_last_administrator_cannot_be_demoted(dialog, qtbot, workspace, ctx):
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = _editor(dialog, qtbot)
    qtbot.mouseClick(editor.admin_check, Qt.MouseButton.LeftButton)
    _ok(qtbot, editor)
    assert editor.error.text() == ctx.tr.gettext("At least one active administrator must remain.")
    assert staff.list_staff(workspace.store)[0].is_admin


def test_editing_renames_and_deactivates(dialog, qtbot, workspace):
    ana = staff.add_staff(workspace.store, workspace.actor, "Ana Novak")
    dialog.reload(select_id=ana.id)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    editor = _editor(dialog, qtbot)
    editor.name_edit.clear()
    type_text(editor.name_edit, "Ana Kovač")
    qtbot.mouseClick(editor.active_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.saved):
        _ok(qtbot, editor)
    assert staff.get_staff(workspace.store, ana.id).display_name == "Ana Kovač"
    assert not staff.get_staff(workspace.store, ana.id).is_active
    row = [m.id for m in dialog.members].index(ana.id)
    assert dialog.table.item(row, 3).text() == dialog.ctx.tr.gettext("no")


def test_non_administrators_see_the_list_read_only(ctx, qtbot, workspace):
    ana = staff.add_staff(workspace.store, workspace.actor, "Ana Novak")
    ctx.sign_in(ana.id)
    dialog = StaffDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.table.rowCount() == 2
    assert not dialog.add_button.isVisible() and not dialog.edit_button.isVisible()
    assert dialog.note.text() == ctx.tr.gettext("Only administrators can add or change staff members.")
    dialog.table.selectRow(0)
    dialog.edit_selected()
    assert dialog.editor is None
