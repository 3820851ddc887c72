"""Who is at the keyboard: pick yourself from the active staff, remembered on this PC.

With no staff yet (a folder set up with `sociolab-desktop init`) the person enters their name
and becomes the first administrator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services import staff
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.staff_text import roles_text

NAME_LIMIT = staff.MAX_NAME


class SignInDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None, *, at_start: bool) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.ctx = ctx
        self.at_start = at_start
        self.members = staff.list_staff(ctx.workspace.store)

        self.intro = QLabel(wordWrap=True)
        self.member_list = QListWidget(objectName="memberList")
        self.member_list.setMinimumHeight(260)
        self.member_list.setStyleSheet("QListWidget#memberList::item { padding: 4px 6px; }")
        for member in self.members:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.member_list.addItem(item)
            if member.id == ctx.settings.current_staff_id:
                self.member_list.setCurrentItem(item)
        if self.member_list.currentRow() < 0 and self.members:
            self.member_list.setCurrentRow(0)
        self.member_list.itemActivated.connect(lambda _item: self.accept())
        self.name_label = QLabel()
        self.name_edit = QLineEdit(objectName="firstAdminName")
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.name_label.setBuddy(self.name_edit)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.reject_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if self.members:
            layout.addWidget(self.member_list)
            self.name_label.hide()
            self.name_edit.hide()
        else:
            self.member_list.hide()
            layout.addWidget(self.name_label)
            layout.addWidget(self.name_edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        tr = self.ctx.tr
        _ = tr.gettext
        self.setWindowTitle(_("Who is at the keyboard?"))
        if self.members:
            self.intro.setText(
                _(
                    "Choose yourself from the list. Everything you record on this PC is saved "
                    "under your name until someone else signs in."
                )
            )
        else:
            self.intro.setText(
                _(
                    "No staff members are recorded for this info point yet. Enter your name: "
                    "you become its first administrator and can add the others."
                )
            )
        self.name_label.setText(_("&Your name:"))
        for row, member in enumerate(self.members):
            roles = roles_text(member, tr)
            text = f"{member.display_name} ({roles})" if roles else member.display_name
            self.member_list.item(row).setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Sign in"))
        if self.at_start:
            self.reject_button.setText(_("&Quit"))

    def selected_staff_id(self) -> str | None:
        item = self.member_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def accept(self) -> None:
        try:
            staff_id = self._chosen_or_created()
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        self.ctx.sign_in(staff_id)
        super().accept()

    def _chosen_or_created(self) -> str:
        if self.members:
            chosen = self.selected_staff_id()
            if chosen is None:
                raise UserError(N_("Choose yourself from the list."))
            return chosen
        admin = staff.add_staff(
            self.ctx.workspace.store,
            self.ctx.workspace.actor,
            self.name_edit.text(),
            is_staff=True,
            is_admin=True,
        )
        return admin.id
