"""This PC's info point: its name and the data controller its consent forms name (administrators only)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sociolab_desktop.core.services import sites
from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.messages import InlineError, settings_not_saved
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

MAX_CONTROLLER = 300  # a name and an address on one line
MAX_CONTROLLER_CONTACT = 200


class SiteDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteDialog")
        self.ctx = ctx
        self.name_edit = QLineEdit(ctx.settings.site_name or "", objectName="siteName")
        self.name_edit.setMaxLength(sites.MAX_SITE_NAME)
        self.name_label = QLabel(buddy=self.name_edit)
        self.note = QLabel(wordWrap=True)
        mute(self.note)
        self.controller_edit = QLineEdit(ctx.settings.data_controller or "", objectName="dataController")
        self.controller_edit.setMaxLength(MAX_CONTROLLER)
        self.controller_label = QLabel(buddy=self.controller_edit)
        self.contact_edit = QLineEdit(ctx.settings.data_controller_contact or "", objectName="dataControllerContact")
        self.contact_edit.setMaxLength(MAX_CONTROLLER_CONTACT)
        self.contact_label = QLabel(buddy=self.contact_edit)
        self.controller_note = QLabel(wordWrap=True)
        mute(self.controller_note)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.note)
        form.addRow(self.controller_label, self.controller_edit)
        form.addRow(self.contact_label, self.contact_edit)
        form.addRow(self.controller_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        _ = self.ctx.tr.gettext
        self.setWindowTitle(_("Info point"))
        self.name_label.setText(_("&Name of the info point:"))
        self.note.setText(_("The name appears in the status bar and on printed documents."))
        self.controller_label.setText(_("&Data controller:"))
        self.controller_edit.setPlaceholderText(_("Name and address of the organisation"))
        self.contact_label.setText(_("C&ontact for data protection:"))
        self.contact_edit.setPlaceholderText(_("E-mail or phone"))
        self.controller_note.setText(_(
            "The consent form names the data controller and this contact. Leave the controller empty to "
            "name the info point."))

    def accept(self) -> None:
        workspace = self.ctx.workspace
        try:
            site = sites.rename_site(
                workspace.store, workspace.actor, self.ctx.settings.site_id, self.name_edit.text()
            )
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        settings = self.ctx.settings
        settings.data_controller = self.controller_edit.text().strip() or None
        settings.data_controller_contact = self.contact_edit.text().strip() or None
        try:
            self.ctx.site_renamed(site.name)  # saves the settings, the controller with them
        except OSError as error:
            self.error.show_error(settings_not_saved(error), self.ctx.tr)
            return
        super().accept()
