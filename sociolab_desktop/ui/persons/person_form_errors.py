"""What the person form shows when saving is refused: each message under its field (the field
framed in red) and one line at the top naming every field to correct, kept so that a language
switch can word them again."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QWidget

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.persons.field_names import ERROR_SLOTS, FIELD_LABELS
from sociolab_desktop.ui.persons.person_form_fields import PersonFormFields

log = logging.getLogger(__name__)


class FormErrors:
    def __init__(self, fields: PersonFormFields, summary: QLabel) -> None:
        self.fields = fields
        self.summary = summary  # an InlineError
        self.shown: list[tuple[str, FieldError]] = []  # (slot, error) in the order Tab visits them
        self.headline: UserError | None = None

    def show_refusal(self, error: UserError, field_errors: list[FieldError],
                     local_errors: tuple[FieldError, ...], tr: Translator) -> QWidget:
        """Mark every refused field; returns the first one on the form. What the form could not
        read replaces the service's message about the stand-in value (person_form_values.py)."""
        local = {ERROR_SLOTS.get(e.field, e.field): e for e in local_errors}
        by_slot: dict[str, FieldError] = {}
        for field_error in field_errors:
            slot = ERROR_SLOTS.get(field_error.field, field_error.field)
            if slot not in self.fields.widgets:
                log.warning("Refused field %s is not on the person form", field_error.field)
                slot = "first_name"
            by_slot.setdefault(slot, local.get(slot, field_error))
        for slot, field_error in local.items():
            by_slot.setdefault(slot, field_error)
        order = {widget: number for number, widget in enumerate(self.fields.tab_chain())}
        self.shown = sorted(by_slot.items(), key=lambda item: order[self.fields.widgets[item[0]]])
        self.headline = error
        self.render(tr)
        return self.fields.widgets[self.shown[0][0]]

    def show_message(self, error: UserError, tr: Translator) -> None:
        """A refusal that concerns the whole record, not one field."""
        self.shown, self.headline = [], error
        self.render(tr)

    def clear(self, tr: Translator) -> None:
        self.shown, self.headline = [], None
        self.render(tr)

    def render(self, tr: Translator) -> None:
        self.fields.clear_errors()
        for slot, field_error in self.shown:
            self.fields.show_error(slot, field_error.render(tr))
        if self.headline is None:
            self.summary.clear_error()
            return
        text = self.headline.render(tr).split("\n")[0]
        if self.shown:
            count = len(self.shown)
            names = ", ".join(tr.gettext(FIELD_LABELS[slot]) for slot, _error in self.shown)
            text += " " + tr.ngettext("{count} field to correct: {fields}.",
                                      "{count} fields to correct: {fields}.", count).format(
                count=tr.format_number(count), fields=names)
        self.summary.show_text(text)
