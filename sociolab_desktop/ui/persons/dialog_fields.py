"""Pieces the consent and contact dialogs share: date fields, a message under each field, and Save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop import APP_NAME
from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.messages import InlineError

# How Babel writes a numeric date in each language (i18n.Translator.format_date "numeric").
DATE_FORMATS = {"sl": "d. M. yyyy", "en": "dd/MM/yyyy"}


def date_edit(object_name: str, value: dt.date | None = None) -> QDateEdit:
    """A date typed or picked from a calendar; today unless given."""
    edit = QDateEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setDate(to_qdate(value or dt.date.today()))
    edit.setMinimumWidth(130)
    return edit


def set_date_format(edit: QDateEdit, tr: Translator) -> None:
    edit.setDisplayFormat(DATE_FORMATS.get(tr.language, DATE_FORMATS["en"]))


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def with_error(field: QWidget) -> tuple[QWidget, InlineError]:
    """The field with room for its message underneath (hidden while there is none)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    error = InlineError()
    layout.addWidget(error)
    return box, error


class FieldMarks:
    """The message of each field shown under it; what belongs to no field goes to `general`."""

    def __init__(self, general: InlineError) -> None:
        self.general = general
        self._fields: dict[str, tuple[QWidget, InlineError]] = {}

    def add(self, name: str, widget: QWidget, error: InlineError) -> None:
        self._fields[name] = (widget, error)

    def message(self, name: str) -> str:
        """What the field's message says now ("" when it has none)."""
        _widget, error = self._fields[name]
        return error.text() if error.isVisibleTo(error.window()) else ""

    def marked(self) -> list[str]:
        """The fields that show a message now."""
        return [name for name in self._fields if self.message(name)]

    def clear(self) -> None:
        self.general.clear_error()
        for _widget, error in self._fields.values():
            error.clear_error()

    def show(self, error: UserError, tr: Translator) -> None:
        """Mark each wrong field and move the cursor to the first one."""
        self.clear()
        if not isinstance(error, FieldErrors):
            self.general.show_error(error, tr)
            return
        first = None
        leftover = []
        for field_error in error.errors:
            marked = self._fields.get(field_error.field)
            if marked is None:
                leftover.append(field_error.render(tr))
                continue
            widget, label = marked
            label.show_text(field_error.render(tr))
            first = first or widget
        self.general.show_text("\n".join([tr.gettext(error.message), *leftover]))
        if first is not None:
            first.setFocus()


def save_buttons(parent: QWidget) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Save and Cancel with our own words (Qt's Slovenian leaves its standard buttons English)."""
    box = QDialogButtonBox(parent)
    save = QPushButton(objectName="saveButton")
    cancel = QPushButton(objectName="cancelButton")
    save.setDefault(True)
    cancel.setAutoDefault(False)
    box.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    return box, save, cancel


def ask_discard_changes(parent: QWidget, tr: Translator) -> bool:
    """Closing a form with unsaved changes: True when the person chooses to throw them away."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                      tr.gettext("You have changed this form. Close it without saving?"), parent=parent)
    discard = box.addButton(tr.gettext("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr.gettext("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
