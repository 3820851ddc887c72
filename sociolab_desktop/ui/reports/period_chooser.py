"""The reporting period as staff choose it: the whole project, all records, one year, or from one
date to another (an end before the start is refused by the service, and said at the fields)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from sociolab_desktop.core.services.results.periods import (
    ALL_DATES,
    PROJECT_FIRST,
    PROJECT_LAST,
    ReportPeriod,
    make_period,
    project_period,
    year_period,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import DateEdit, set_date_format

PROJECT, ALL, YEAR, RANGE = "project", "all", "year", "range"
MODES = (
    (PROJECT, N_("Whole project ({first} – {last})")),
    (YEAR, N_("One year")),
    (RANGE, N_("From – to")),
    (ALL, N_("All records, any date")),
)
_INVALID_STYLE = "QDateEdit { border: 1px solid #b00020; }"


class PeriodChooser(QWidget):
    """`period()` gives the ReportPeriod chosen, or raises the service's UserError when the end
    is before the start. `changed` follows every edit (the page waits a moment before counting)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        today = today or dt.date.today()
        self.mode_combo = QComboBox(objectName="reportPeriodMode")
        for mode, _label in MODES:
            self.mode_combo.addItem("", mode)
        self.year_combo = QComboBox(objectName="reportPeriodYear")
        for year in range(PROJECT_FIRST.year, max(today.year, PROJECT_LAST.year) + 1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(min(today.year, PROJECT_LAST.year)))
        self.first_edit = _date_edit("reportPeriodFrom", PROJECT_FIRST)
        self.last_edit = _date_edit("reportPeriodTo", PROJECT_LAST)
        self.dash = QLabel("–")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.mode_combo, self.year_combo, self.first_edit, self.dash, self.last_edit):
            layout.addWidget(widget)
        layout.addStretch(1)
        QWidget.setTabOrder(self.mode_combo, self.year_combo)
        QWidget.setTabOrder(self.year_combo, self.first_edit)
        QWidget.setTabOrder(self.first_edit, self.last_edit)
        self.setFocusProxy(self.mode_combo)

        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.year_combo.currentIndexChanged.connect(self.changed)
        self.first_edit.dateChanged.connect(self.changed)
        self.last_edit.dateChanged.connect(self.changed)
        self._on_mode_changed(emit=False)

    def mode(self) -> str:
        return self.mode_combo.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def set_range(self, first: dt.date, last: dt.date) -> None:
        self.set_mode(RANGE)
        self.first_edit.setDate(QDate(first))
        self.last_edit.setDate(QDate(last))

    def set_year(self, year: int) -> None:
        self.set_mode(YEAR)
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))

    def period(self) -> ReportPeriod:
        mode = self.mode()
        if mode == PROJECT:
            return project_period()
        if mode == YEAR:
            return year_period(self.year_combo.currentData())
        if mode == RANGE:
            return make_period(self.first_edit.date().toPython(), self.last_edit.date().toPython())
        return ALL_DATES

    def mark_invalid(self, invalid: bool) -> None:
        """A red frame round the end date while the period cannot be counted."""
        self.last_edit.setStyleSheet(_INVALID_STYLE if invalid else "")

    def _on_mode_changed(self, *_args, emit: bool = True) -> None:
        mode = self.mode()
        self.year_combo.setVisible(mode == YEAR)
        for widget in (self.first_edit, self.dash, self.last_edit):
            widget.setVisible(mode == RANGE)
        if emit:
            self.changed.emit()

    def retranslate(self, tr: Translator) -> None:
        first, last = (tr.format_date(day, "numeric") for day in (PROJECT_FIRST, PROJECT_LAST))
        for row, (_mode, label) in enumerate(MODES):
            self.mode_combo.setItemText(row, tr.gettext(label).format(first=first, last=last))
        for edit in (self.first_edit, self.last_edit):
            set_date_format(edit, tr)
        self.first_edit.setToolTip(tr.gettext("First day of the period"))
        self.last_edit.setToolTip(tr.gettext("Last day of the period, included"))
        self.year_combo.setToolTip(tr.gettext("1 January to 31 December of this year"))


def _date_edit(object_name: str, day: dt.date) -> DateEdit:
    edit = DateEdit(objectName=object_name)
    edit.setCalendarPopup(True)
    edit.setDate(QDate(day))
    return edit
