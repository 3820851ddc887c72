"""Rename this PC's info point (administrators only)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sociolab_desktop.core.services import sites
from sociolab_desktop.errors import UserError
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext


class SiteDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteDialog")
        self.ctx = ctx
        self.name_edit = QLineEdit(ctx.settings.site_name or "", objectName="siteName")
        self.name_edit.setMaxLength(sites.MAX_SITE_NAME)
        self.name_label = QLabel(buddy=self.name_edit)
        self.note = QLabel(wordWrap=True)
        self.note.setEnabled(False)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        _ = self.ctx.tr.gettext
        self.setWindowTitle(_("Info point"))
        self.name_label.setText(_("&Name of the info point:"))
        self.note.setText(_("The name appears in the status bar and on printed documents."))

    def accept(self) -> None:
        workspace = self.ctx.workspace
        try:
            site = sites.rename_site(
                workspace.store, workspace.actor, self.ctx.settings.site_id, self.name_edit.text()
            )
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        self.ctx.site_renamed(site.name)
        super().accept()
