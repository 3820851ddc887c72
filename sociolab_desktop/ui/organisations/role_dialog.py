"""Link a person to an organisation with a role (found by typing), or change a link's dates."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import ORGANISATION_ROLES, label
from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import OptionalDateEdit
from sociolab_desktop.ui.forms.field_marks import FieldBox
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.organisations.choices import fill_combo
from sociolab_desktop.ui.person_finder import PersonFinder
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

CHOOSE_ROLE = N_("Choose…")
NO_PERSON_FOUND = N_("No person found. Check the spelling, or register the person in Clients first.")


class _DatesDialog(QDialog):
    """What both dialogs share: since / until, an error line and OK / Cancel run off the GUI thread."""

    def __init__(self, ctx: ShellContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.since_edit = OptionalDateEdit()
        self.until_edit = OptionalDateEdit()
        self.since_box, self.until_box = FieldBox(self.since_edit), FieldBox(self.until_edit)
        self.since_label = QLabel(buddy=self.since_edit)
        self.until_label = QLabel(buddy=self.until_edit)
        self.error = InlineError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        ctx.language_changed.connect(self._on_language_changed)

    def _on_language_changed(self) -> None:
        """A bound method, not a lambda: Qt drops the connection when the dialog is deleted."""
        self.retranslate(self.ctx.tr)

    def _finish_layout(self) -> None:
        self.form.addRow(self.since_label, self.since_box)
        self.form.addRow(self.until_label, self.until_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def dates_in_order(self) -> bool:
        """An end before the start is refused here, in words with the window's dates (the service
        refuses it too)."""
        since, until = self.since_edit.value(), self.until_edit.value()
        self.until_box.clear_error()
        if since and until and until < since:
            tr = self.ctx.tr
            self.until_box.show_error(tr.gettext("The role cannot end ({until}) before it started ({since}).").format(
                until=tr.format_date(until, "numeric"), since=tr.format_date(since, "numeric")))
            self.until_edit.date_edit.setFocus()
            return False
        return True

    def _run(self, work, on_success) -> None:
        self.busy = True
        self.buttons.setEnabled(False)
        self.error.clear_error()
        self.until_box.clear_error()
        self.ctx.operations.run(work, on_success=lambda result: self._succeeded(on_success, result),
                                on_failure=self._failed, owner=self)

    def _succeeded(self, on_success, result) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        on_success(result)
        self.done(QDialog.DialogCode.Accepted)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        tr = self.ctx.tr
        if isinstance(error, FieldErrors):
            for item in error.errors:
                box = self.until_box if item.field == "until" else None
                if box is not None:
                    box.show_error(item.render(tr))
                    box.setFocus()
                else:
                    self.error.show_error(item, tr)
        elif isinstance(error, UserError):
            self.error.show_error(error, tr)
        else:
            self.ctx.operations.report_error(error)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.since_label.setText(_("Since:"))
        self.until_label.setText(_("Until:"))
        self.since_edit.retranslate(tr, _("Date known"))
        self.until_edit.retranslate(tr, _("The role has ended"))


class RoleDialog(_DatesDialog):
    """Find a person by typing, choose the role and, if known, its dates; OK links them."""

    linked = Signal(object)  # the organisation_roles.RoleLink made

    def __init__(self, ctx: ShellContext, organisation_id: str, organisation_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("roleDialog")
        self.organisation_id = organisation_id
        self.organisation_name = organisation_name

        self.finder = PersonFinder(ctx, "roleDialog", NO_PERSON_FOUND)
        self.search_edit, self.results = self.finder.field, self.finder.results
        self.results.setMinimumHeight(180)
        self.finder.chosen.connect(lambda: self.role_combo.setFocus())
        self.role_combo = QComboBox(objectName="roleDialogRole")
        self.role_box = FieldBox(self.role_combo)
        self.person_label = QLabel(buddy=self.search_edit)
        self.role_label = QLabel(buddy=self.role_combo)
        self.form.addRow(self.person_label, self.finder)
        self.form.addRow(self.role_label, self.role_box)
        self._finish_layout()
        for first, second in ((self.search_edit, self.results), (self.results, self.role_combo),
                              (self.role_combo, self.since_edit.check), (self.since_edit.check, self.since_edit.date_edit),
                              (self.since_edit.date_edit, self.until_edit.check),
                              (self.until_edit.check, self.until_edit.date_edit)):
            self.setTabOrder(first, second)
        self.setMinimumWidth(560)
        self.retranslate(ctx.tr)
        self.search_edit.setFocus()

    def accept(self) -> None:
        if self.busy:
            return
        person_id, role = self.finder.chosen_person_id(), self.role_combo.currentData()
        self.role_box.clear_error()
        if person_id is None:
            self.error.show_text(self.ctx.tr.gettext("Find and choose the person first."))
            self.search_edit.setFocus()
            return
        if not role:
            self.role_box.show_error(self.ctx.tr.gettext("Choose the role."))
            self.role_combo.setFocus()
            return
        if not self.dates_in_order():
            return
        store, actor, organisation_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.organisation_id
        since, until = self.since_edit.value(), self.until_edit.value()
        log.info("Linking a person to organisation %s", organisation_id)
        self._run(lambda: roles.link_person(store, actor, organisation_id, person_id, role, since=since, until=until),
                  self.linked.emit)

    def retranslate(self, tr: Translator) -> None:
        super().retranslate(tr)
        _ = tr.gettext
        self.setWindowTitle(_("Link a person to “{name}”").format(name=self.organisation_name))
        self.person_label.setText(_("Person:"))
        self.role_label.setText(_("Role:"))
        self.finder.retranslate(tr)
        fill_combo(self.role_combo, ORGANISATION_ROLES, tr, first=CHOOSE_ROLE)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Link"))


class RoleDatesDialog(_DatesDialog):
    """Change when a person's role began and ended (a role that ended is kept with its end date)."""

    changed = Signal(object)  # the organisation_roles.RoleLink as stored

    def __init__(self, ctx: ShellContext, link, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("roleDatesDialog")
        self.link = link
        self.who_label = QLabel(objectName="roleDatesWho", wordWrap=True)
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.who_label)
        self._finish_layout()
        self.since_edit.set_value(link.since)
        self.until_edit.set_value(link.until)
        self.setTabOrder(self.since_edit.check, self.since_edit.date_edit)
        self.setTabOrder(self.since_edit.date_edit, self.until_edit.check)
        self.setTabOrder(self.until_edit.check, self.until_edit.date_edit)
        self.setMinimumWidth(440)
        self.retranslate(ctx.tr)
        self.since_edit.setFocus()

    def accept(self) -> None:
        if self.busy or not self.dates_in_order():
            return
        store, actor, role_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.link.id
        since, until = self.since_edit.value(), self.until_edit.value()
        self._run(lambda: roles.change_role_dates(store, actor, role_id, since=since, until=until), self.changed.emit)

    def retranslate(self, tr: Translator) -> None:
        super().retranslate(tr)
        _ = tr.gettext
        self.setWindowTitle(_("Dates of the role"))
        self.who_label.setText(_("{person}: {role} in “{organisation}”").format(
            person=self.link.person_name, role=label(tr, ORGANISATION_ROLES, self.link.role),
            organisation=self.link.organisation_name))
