"""Add or edit one staff member or mentor: name, e-mail, roles and whether they are active."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services import staff
from sociolab_desktop.core.services.dto import StaffMember
from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext

EMAIL_LIMIT = 254


class StaffEditDialog(QDialog):
    saved = Signal(object)  # the StaffMember as stored

    def __init__(
        self, ctx: ShellContext, member: StaffMember | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffEditDialog")
        self.ctx = ctx
        self.member = member
        self.name_edit = QLineEdit(objectName="staffName")
        self.name_edit.setMaxLength(staff.MAX_NAME)
        self.email_edit = QLineEdit(objectName="staffEmail")
        self.email_edit.setMaxLength(EMAIL_LIMIT)
        self.staff_check = QCheckBox(objectName="roleStaff")
        self.mentor_check = QCheckBox(objectName="roleMentor")
        self.admin_check = QCheckBox(objectName="roleAdmin")
        self.active_check = QCheckBox(objectName="active")
        roles = QHBoxLayout()
        roles.setSpacing(16)
        for check in (self.staff_check, self.mentor_check, self.admin_check):
            roles.addWidget(check)
        roles.addStretch(1)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.name_label = QLabel(buddy=self.name_edit)
        self.email_label = QLabel(buddy=self.email_edit)
        self.roles_label = QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.email_label, self.email_edit)
        form.addRow(self.roles_label, roles)
        form.addRow("", self.active_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

        if member is None:
            self.staff_check.setChecked(True)
            self.active_check.setChecked(True)
            self.active_check.hide()
        else:
            self.name_edit.setText(member.display_name)
            self.email_edit.setText(member.email or "")
            self.staff_check.setChecked(member.is_staff)
            self.mentor_check.setChecked(member.is_mentor)
            self.admin_check.setChecked(member.is_admin)
            self.active_check.setChecked(member.is_active)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()
        self.name_edit.setFocus()

    def retranslate(self) -> None:
        _ = self.ctx.tr.gettext
        self.setWindowTitle(_("New staff member") if self.member is None else _("Staff member"))
        self.name_label.setText(_("&Name:"))
        self.email_label.setText(_("&E-mail:"))
        self.roles_label.setText(_("Roles:"))
        self.staff_check.setText(_("S&taff"))
        self.mentor_check.setText(_("&Mentor"))
        self.admin_check.setText(_("&Administrator"))
        self.active_check.setText(_("A&ctive (can sign in and be chosen)"))

    def accept(self) -> None:
        workspace = self.ctx.workspace
        values = dict(
            email=self.email_edit.text(),
            is_staff=self.staff_check.isChecked(),
            is_mentor=self.mentor_check.isChecked(),
            is_admin=self.admin_check.isChecked(),
        )
        try:
            if self.member is None:
                saved = staff.add_staff(workspace.store, workspace.actor, self.name_edit.text(), **values)
            else:
                saved = staff.update_staff(
                    workspace.store,
                    workspace.actor,
                    self.member.id,
                    self.name_edit.text(),
                    is_active=self.active_check.isChecked(),
                    **values,
                )
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        self.saved.emit(saved)
        super().accept()
