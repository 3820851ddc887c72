"""The form for a new organisation or changes to one: loading, saving off the GUI thread, errors
at the field, duplicates, and closing with unsaved changes (the fields: organisation_fields.py)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.forms.buttons import save_buttons
from sociolab_desktop.ui.forms.questions import SAVE, ask_save_anyway, ask_unsaved_changes
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.organisations.organisation_fields import OrganisationFields
from sociolab_desktop.ui.persons.municipality_picker import country_choices, municipality_choices
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)


def load_form_data(store, organisation_id: str | None, babel_locale: str):
    """In a worker: the municipalities, the countries named in the window's language, the organisation."""
    detail = org.get_organisation(store, organisation_id) if organisation_id else None
    return municipality_choices(), country_choices(babel_locale), detail


class OrganisationForm(QDialog):
    saved = Signal(str)  # the organisation's id, once stored
    open_requested = Signal(str)  # "Open it": the id of an existing organisation the person chose

    def __init__(self, ctx: ShellContext, organisation_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationForm")
        self.ctx = ctx
        self.organisation_id = organisation_id
        self.detail: org.OrganisationDetail | None = None
        self.ready = False  # choices and the organisation loaded
        self.saving = False
        self._initial: org.OrganisationInput | None = None
        self._existing_id: str | None = None  # the duplicate "Open it" would show
        self.question_box = None  # "save anyway?" or "unsaved changes?" while it is shown

        self.fields = OrganisationFields()
        self.error = InlineError()
        self.open_existing_button = QPushButton(objectName="openExistingButton")
        self.open_existing_button.hide()
        self.open_existing_button.clicked.connect(lambda: self.open_existing(self._existing_id))
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.accept)
        self._build_layout()
        self._set_tab_order()
        self._set_enabled(False)

        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        store, locale = ctx.workspace.store, ctx.tr.babel_locale
        ctx.operations.run(lambda: load_form_data(store, organisation_id, locale), on_success=self._on_loaded,
                           owner=self)

    # --- building --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_existing_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.setMinimumWidth(880)

    def _set_tab_order(self) -> None:
        self.fields.set_tab_order(self.open_existing_button, self.save_button, self.cancel_button)

    def _set_enabled(self, enabled: bool) -> None:
        self.fields.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        if enabled:
            self.save_button.setDefault(True)  # while it was disabled Qt made Cancel the default

    # --- loading ---------------------------------------------------------------------------

    def _on_loaded(self, loaded) -> None:
        municipalities, countries, detail = loaded
        tr = self.ctx.tr
        self.fields.municipality_picker.set_choices(municipalities, tr)
        self.fields.country_picker.set_choices(countries)
        if self.organisation_id and detail is None:
            self.error.show_text(tr.gettext("The organisation was not found; it may have been deleted "
                                            "at another info point. Close this window and refresh the list."))
            return
        self.detail = detail
        if detail is not None:
            self.fields.fill(detail)
        self._initial = self.current_input()
        self.ready = True
        self._set_enabled(True)
        self.retranslate(tr)
        self.fields.name_edit.setFocus()

    # --- what was typed --------------------------------------------------------------------

    def current_input(self) -> org.OrganisationInput:
        return self.fields.read(self.detail.site_id if self.detail else None)

    def is_dirty(self) -> bool:
        return self.ready and self._initial is not None and self.current_input() != self._initial

    def field_errors(self) -> dict[str, str]:
        """What each marked field says (for tests and accessibility checks)."""
        return self.fields.errors()

    # --- saving ----------------------------------------------------------------------------

    def accept(self) -> None:
        self.save()

    def save(self, *, allow_same_name: bool = False) -> None:
        if not self.ready or self.saving:
            return
        self._clear_errors()
        data = self.current_input()
        if self.fields.municipality_picker.is_abroad() and not data.country_code:
            self._mark({"country_code": self.ctx.tr.gettext("Choose the country of the address.")})
            return
        self.saving = True
        self._set_enabled(False)
        store, actor, organisation_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.organisation_id

        def work():
            if organisation_id:
                return org.update_organisation(store, actor, organisation_id, data, allow_same_name=allow_same_name)
            return org.create_organisation(store, actor, data, allow_same_name=allow_same_name)

        self.ctx.operations.run(work, on_success=self._on_saved, on_failure=self._on_save_failed, owner=self)

    def _on_saved(self, detail: org.OrganisationDetail) -> None:
        self.saving = False
        log.info("Organisation %s saved", detail.id)
        self.organisation_id, self.detail = detail.id, detail
        self._initial = self.current_input()
        self.saved.emit(detail.id)
        self.done(QDialog.DialogCode.Accepted)

    def _on_save_failed(self, error: BaseException) -> None:
        self.saving = False
        self._set_enabled(True)
        tr = self.ctx.tr
        if isinstance(error, org.OrganisationValidationError):
            self._mark({item.field: item.render(tr) for item in error.errors})
            self.error.show_text(tr.gettext(error.message_id))
        elif isinstance(error, org.DuplicateOrganisationError):
            if error.only_name:
                self._ask_same_name(error)
            else:
                field = next(d.reason for d in error.duplicates if d.reason != "name")
                existing = next(d for d in error.duplicates if d.reason == field)
                self._mark({field: error.render(tr)})
                self._existing_id = existing.id
                self.open_existing_button.show()
        elif isinstance(error, UserError):
            self.error.show_error(error, tr)
        else:
            self.ctx.operations.report_error(error)

    def _mark(self, messages: dict[str, str]) -> None:
        for text in self.fields.mark(messages).values():
            self.error.show_text(text)

    def _clear_errors(self) -> None:
        self.fields.clear_errors()
        self.error.clear_error()
        self.open_existing_button.hide()
        self._existing_id = None

    def _ask_same_name(self, error: org.DuplicateOrganisationError) -> None:
        """An organisation with the same name exists: open it (the default), save this one anyway,
        or go back."""
        tr, existing = self.ctx.tr, error.duplicates[0].id
        ask_save_anyway(self, tr, error.render(tr), lambda: self.save(allow_same_name=True),
                        instead=(tr.gettext("Open it"), lambda: self.open_existing(existing)))

    def open_existing(self, organisation_id: str | None) -> None:
        """Show the organisation that already exists instead; what was typed here is dropped."""
        if organisation_id:
            self.open_requested.emit(organisation_id)
            self.done(QDialog.DialogCode.Rejected)

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: ask first when something was changed."""
        if self.saving:
            return
        if self.is_dirty():
            tr = self.ctx.tr
            text = (tr.gettext("Save the new organisation before closing?") if self.organisation_id is None
                    else tr.gettext("Save the changes to this organisation before closing?"))
            ask_unsaved_changes(self, tr, text, lambda answer: self.save() if answer == SAVE else self.discard())
            return
        super().reject()

    def discard(self) -> None:
        super().reject()

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)
        locale = self.ctx.tr.babel_locale  # the countries' names follow the language
        self.ctx.operations.run(lambda: country_choices(locale), on_success=self.fields.country_picker.set_choices,
                                owner=self)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        if self.organisation_id is None:
            self.setWindowTitle(_("New organisation"))
        else:
            name = self.detail.name if self.detail else ""
            self.setWindowTitle(_("Edit organisation: {name}").format(name=name) if name else _("Edit organisation"))
        self.fields.retranslate(tr)
        self.open_existing_button.setText(_("Open the existing organisation"))
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(self.save_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        self.cancel_button.setText(_("Cancel"))
