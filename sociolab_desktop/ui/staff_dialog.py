"""The staff members and mentors of this info point; administrators add and edit them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services import staff
from sociolab_desktop.core.services.dto import StaffMember
from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.staff_edit_dialog import StaffEditDialog
from sociolab_desktop.ui.staff_text import roles_text

COLUMNS = (N_("Name"), N_("E-mail"), N_("Roles"), N_("Active"))


class StaffDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.ctx = ctx
        self.can_edit = ctx.is_admin()
        self.members: list[StaffMember] = []
        self.editor: StaffEditDialog | None = None

        self.note = QLabel(wordWrap=True, objectName="staffNote")
        self.table = QTableWidget(0, len(COLUMNS), objectName="staffTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = QPushButton(objectName="addStaffButton")
        self.edit_button = QPushButton(objectName="editStaffButton")
        self.add_button.setAutoDefault(False)
        self.edit_button.setAutoDefault(False)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.buttons.rejected.connect(self.reject)
        self.add_button.setVisible(self.can_edit)
        self.edit_button.setVisible(self.can_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(780, 460)
        ctx.language_changed.connect(self.retranslate)
        self.reload()

    def retranslate(self) -> None:
        tr = self.ctx.tr
        _ = tr.gettext
        self.setWindowTitle(_("Staff members"))
        if self.can_edit:
            self.note.setText(
                _(
                    "Staff members and mentors of this info point. Inactive people stay in the "
                    "records but cannot sign in."
                )
            )
        else:
            self.note.setText(_("Only administrators can add or change staff members."))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.add_button.setText(_("&Add…"))
        self.edit_button.setText(_("&Edit…"))
        for row, member in enumerate(self.members):
            self.table.item(row, 2).setText(roles_text(member, tr))
            self.table.item(row, 3).setText(_("yes") if member.is_active else _("no"))

    def reload(self, select_id: str | None = None) -> None:
        self.members = staff.list_staff(self.ctx.workspace.store, include_inactive=True)
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            cells = (member.display_name, member.email or "", "", "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.id)
                self.table.setItem(row, column, item)
            if member.id == select_id:
                self.table.selectRow(row)
        if select_id is None and self.members:
            self.table.selectRow(0)
        self.retranslate()

    def selected_member(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members[rows[0].row()] if rows else None

    def add_member(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        member = self.selected_member()
        if member is not None and self.can_edit:
            self._open_editor(member)

    def _open_editor(self, member: StaffMember | None) -> None:
        self.editor = StaffEditDialog(self.ctx, member, self)
        self.editor.saved.connect(self._on_saved)
        self.editor.open()

    def _on_saved(self, member: StaffMember) -> None:
        self.reload(select_id=member.id)
        self.ctx.staff_changed.emit()
