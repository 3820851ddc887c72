"""Dates as people type and read them, the same in every date field: day first, in the numeric form
Translator.format_date(…, "numeric") writes — "27. 11. 2026" in Slovenian, "27/11/2026" in English.

Either separator (".", "/" or "-"), with or without spaces, or the digits alone ("27112026") are
read the same way. A calendar field (DateEdit) always holds a date; a plain text field read with
parse_typed_date may stay empty or, where allowed, hold a year alone (a date of birth).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from sociolab_desktop.i18n import Translator

# Qt's display formats matching Translator.format_date(…, "numeric") in each language.
QT_DATE_FORMATS = {"sl": "d. M. yyyy", "en": "dd/MM/yyyy"}
SEPARATORS = "./-"
_SEPARATOR_KEYS = {".": Qt.Key.Key_Period, "/": Qt.Key.Key_Slash, "-": Qt.Key.Key_Minus}


class DateEdit(QDateEdit):
    """A QDateEdit that takes "27. 11. 2026" as typed. Qt alone moves on by itself after "27" and
    then lets the dot skip the month ("27. 1. 2020"), and ignores a separator not its own."""

    _moved_on = False  # the last digit filled its part and Qt went on to the next part

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text()
        if text == " ":  # the format's spaces come by themselves
            event.accept()
            return
        if text and text in SEPARATORS:
            if self._moved_on:  # already in the next part: the separator only closes the last one
                self._moved_on = False
                event.accept()
                return
            own = self._separator()
            if text != own:
                event = QKeyEvent(event.type(), _SEPARATOR_KEYS[own], event.modifiers(), own)
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before

    def _separator(self) -> str:
        return next((ch for ch in self.displayFormat() if ch in SEPARATORS), ".")


def date_edit(object_name: str, value: dt.date | None = None) -> DateEdit:
    """A date typed or picked from a calendar; today unless given."""
    edit = DateEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setDate(to_qdate(value or dt.date.today()))
    edit.setMinimumWidth(130)
    return edit


def set_date_format(edit: QDateEdit, tr: Translator) -> None:
    edit.setDisplayFormat(QT_DATE_FORMATS.get(tr.language, QT_DATE_FORMATS["en"]))


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date that may be left unknown: a tick box and a date field with a calendar."""

    def __init__(self, parent: QWidget | None = None, *, today=dt.date.today) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.date_edit = date_edit("", today())
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
        return from_qdate(self.date_edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        if value is not None:
            self.date_edit.setDate(to_qdate(value))
        self.check.setChecked(value is not None)

    def retranslate(self, tr: Translator, text: str, tip: str | None = None) -> None:
        """`text`: the tick box's words, already translated ("known"); `tip`: its tooltip, when the
        general one does not say enough."""
        self.check.setText(text)
        self.check.setToolTip(tip or tr.gettext("Tick to use the date beside it; unticked, no date is set."))
        set_date_format(self.date_edit, tr)


# --- dates typed into a plain text field ------------------------------------------------------

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS_ONLY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 27111985: a numeric keypad, no dots
_YEAR = re.compile(r"^(\d{4})\.?$")


@dataclass(frozen=True)
class TypedDate:
    """What a date field holds: nothing, a date, a year alone (where allowed) or unreadable text."""

    text: str
    date: dt.date | None = None
    year: int | None = None
    readable: bool = True

    @property
    def empty(self) -> bool:
        return not self.text


def parse_typed_date(text: str | None, *, year_alone: bool = False) -> TypedDate:
    """A plain text field keeps what staff key in one go from the paper in front of them (it may
    stay empty); an ISO date (2026-11-27) is read too, as pasted from a spreadsheet."""
    raw = " ".join((text or "").split())
    if not raw:
        return TypedDate("")
    if year_alone and (match := _YEAR.match(raw)):
        return TypedDate(raw, year=int(match.group(1)))
    for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_DIGITS_ONLY, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.match(raw)
        if match:
            year, month, day = (int(match.group(group)) for group in order)
            try:
                return TypedDate(raw, date=dt.date(year, month, day))
            except ValueError:  # 31. 2. or month 13: the shape is right, the date impossible
                return TypedDate(raw, readable=False)
    return TypedDate(raw, readable=False)
