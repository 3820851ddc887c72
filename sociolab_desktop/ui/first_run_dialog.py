"""First start on a PC: name the info point, choose the language, name the first administrator.

OK creates the site and the administrator and signs them in; Cancel leaves the data folder
without a site, so the next start asks again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.core.services.dto import SiteInfo
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.main_menus import LANGUAGE_NAMES
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute


class FirstRunDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.ctx = ctx
        self._site: SiteInfo | None = None

        self.heading = QLabel(objectName="firstRunHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(wordWrap=True, objectName="firstRunIntro")
        self.site_edit = QLineEdit(objectName="siteName")
        self.site_edit.setMaxLength(sites.MAX_SITE_NAME)
        self.language_combo = QComboBox(objectName="language")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(ctx.tr.language))
        self.admin_edit = QLineEdit(objectName="adminName")
        self.admin_edit.setMaxLength(staff.MAX_NAME)
        self.admin_note = QLabel(wordWrap=True, objectName="adminNote")
        mute(self.admin_note)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.site_label = QLabel(buddy=self.site_edit)
        self.language_label = QLabel(buddy=self.language_combo)
        self.admin_label = QLabel(buddy=self.admin_edit)
        self.form.addRow(self.site_label, self.site_edit)
        self.form.addRow(self.language_label, self.language_combo)
        admin_field = QVBoxLayout()
        admin_field.setSpacing(4)
        admin_field.addWidget(self.admin_edit)
        admin_field.addWidget(self.admin_note)
        self.form.addRow(self.admin_label, admin_field)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        ctx.language_changed.connect(self.retranslate)
        self.retranslate()
        self.site_edit.setFocus()

    def retranslate(self) -> None:
        _ = self.ctx.tr.gettext
        self.setWindowTitle(_("Set up SocioLab Desk"))
        self.heading.setText(_("Welcome to SocioLab Desk"))
        self.intro.setText(
            _(
                "Set up this PC for your info point. You can change these settings later in "
                "the Settings menu."
            )
        )
        self.site_label.setText(_("&Name of the info point:"))
        self.site_edit.setPlaceholderText(_("for example, Info point Ptuj"))
        self.language_label.setText(_("&Language:"))
        self.admin_label.setText(_("&First administrator:"))
        self.admin_edit.setPlaceholderText(_("your first and last name"))
        self.admin_note.setText(
            _("The administrator adds the other staff members and mentors under Settings.")
        )

    def _on_language_chosen(self, _index: int) -> None:
        # A preview: nothing is written until OK.
        self.ctx.set_language(self.language_combo.currentData(), save=False)

    def accept(self) -> None:
        try:
            self._set_up()
        except UserError as error:
            self.error.show_error(error, self.ctx.tr)
            return
        super().accept()

    def _set_up(self) -> None:
        workspace = self.ctx.workspace
        language = self.language_combo.currentData()
        site_name = sites.clean_site_name(self.site_edit.text())
        admin_name = " ".join(self.admin_edit.text().split())
        # Checked before anything is created, so an error here leaves no site behind.
        if not admin_name:
            self.admin_edit.setFocus()
            raise UserError(N_("Enter the name of the first administrator."))
        if self._site is None:
            self._site = sites.create_site(workspace.store, workspace.settings.site_id, site_name, language)
        settings = workspace.settings
        settings.site_id, settings.site_name, settings.language = self._site.id, self._site.name, language
        if self._site.name != site_name:
            self._site = sites.rename_site(workspace.store, workspace.actor, self._site.id, site_name)
            settings.site_name = self._site.name
        admin = staff.add_staff(
            workspace.store, workspace.actor, admin_name, is_staff=True, is_admin=True
        )
        settings.current_staff_id = admin.id
        self.ctx.set_language(language)
        workspace.save_settings()
