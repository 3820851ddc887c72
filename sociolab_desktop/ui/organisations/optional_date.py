"""A date that may be left unknown: a tick box and a date field with a calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from sociolab_desktop.i18n import Translator

# Qt's own display formats matching Translator.format_date(…, "numeric").
DATE_FORMATS = {"sl": "d. M. yyyy", "en": "dd/MM/yyyy"}


class OptionalDateEdit(QWidget):
    def __init__(self, parent: QWidget | None = None, *, today=dt.date.today) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate(today()))
        self.date_edit.setEnabled(False)
        self.check.toggled.connect(self._on_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def _on_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)
        if checked and self.check.hasFocus():
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> dt.date | None:
        return self.date_edit.date().toPython() if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        if value is not None:
            self.date_edit.setDate(QDate(value))
        self.check.setChecked(value is not None)

    def retranslate(self, tr: Translator, text: str) -> None:
        """`text`: the tick box's words, already translated ("known")."""
        self.check.setText(text)
        self.date_edit.setDisplayFormat(DATE_FORMATS.get(tr.language, "yyyy-MM-dd"))
