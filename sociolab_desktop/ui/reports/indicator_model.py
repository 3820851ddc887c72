"""The indicators as a table: title, target, value, a bar against the target, then one column per
info point. The value and the info points' numbers open the records they count."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from sociolab_desktop.core.services.results.definitions import describe
from sociolab_desktop.core.services.results.indicators import (
    IndicatorReport,
    IndicatorValue,
    SiteColumn,
)
from sociolab_desktop.core.services.results.labels import site_name
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.list_choices import short_site_names

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the parent of every row: these are flat tables
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the indicator's key
SITE_ROLE = Qt.ItemDataRole.UserRole + 2  # a number's info point: a site id, "" for none, None for the total
SHARE_ROLE = Qt.ItemDataRole.UserRole + 3  # value / target, or None without a target
REACHED_ROLE = Qt.ItemDataRole.UserRole + 4
CLICKABLE_ROLE = Qt.ItemDataRole.UserRole + 5  # the cell is a number that lists its records

TITLE, TARGET, VALUE, PROGRESS = range(4)
FIRST_SITE = 4
HEADERS = (N_("Indicator"), N_("Target"), N_("Value"), N_("Against the target"))
NO_TARGET = N_("no target")
# The targets are the whole project's (DOMAIN.md sets none per info point): said so when the
# report is for one info point, whose value only counts toward them.
PROJECT_TARGET = N_("Project target")
TARGET_TIP = N_("The whole project's target; each info point's results count toward it.")


def percent_text(tr: Translator, share: float) -> str:
    """Whole percent rounded down, so 99.6 % never reads as a target reached (as the text report does)."""
    return tr.format_percent(share)


def target_text(tr: Translator, value: IndicatorValue) -> str:
    if value.target is None:
        return "–"
    prefix = "≥ " if value.definition.at_least else ""
    return prefix + tr.format_number(value.target)


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, tr: Translator, parent=None) -> None:
        super().__init__(parent)
        self._tr = tr
        self.report: IndicatorReport | None = None
        self._values: tuple[IndicatorValue, ...] = ()
        self._sites: tuple[SiteColumn, ...] = ()
        self._short: dict[str, str] = {}

    def set_report(self, report: IndicatorReport | None) -> None:
        """None: nothing to show (the period cannot be counted)."""
        self.beginResetModel()
        self.report = report
        self._values = report.values if report else ()
        # Per info point only when the report covers them all: otherwise the value is that point's.
        self._sites = report.sites if report and report.site_id is None else ()
        self._name_sites()
        self.endResetModel()

    def site_names(self) -> dict[str, str]:
        """Every info point of the report by id, as people read it."""
        sites = self.report.sites if self.report else ()
        return {column.site_id: site_name(self._tr, column.site_id, column.name) for column in sites}

    def _name_sites(self) -> None:
        self._short = short_site_names({column.site_id: site_name(self._tr, column.site_id, column.name)
                                        for column in self._sites})

    def site_at(self, column: int) -> SiteColumn | None:
        number = column - FIRST_SITE
        return self._sites[number] if 0 <= number < len(self._sites) else None

    def value_at(self, row: int) -> IndicatorValue | None:
        return self._values[row] if 0 <= row < len(self._values) else None

    def row_of(self, key: str) -> int:
        return next(row for row, value in enumerate(self._values) if value.key == key)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self._name_sites()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self._values:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- what a number opens ---------------------------------------------------------------

    def records_scope(self, index: Index) -> tuple[str, str | None] | None:
        """(indicator key, site id or None for every info point) behind a clickable number."""
        if not index.isValid() or not self.data(index, CLICKABLE_ROLE):
            return None
        return self.data(index, KEY_ROLE), self.data(index, SITE_ROLE)

    def _number(self, value: IndicatorValue, column: int) -> tuple[float | None, str | None]:
        """The number in a cell and the info point it is for (None: the total)."""
        if column == VALUE:
            # A report for one info point shows that point's value, except for the network-wide ones.
            site = self.report.site_id if value.definition.per_site else None
            return value.value, site
        site = self.site_at(column)
        if site is None or site.site_id not in value.by_site:
            return None, None
        return value.by_site[site.site_id], site.site_id

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._values)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else FIRST_SITE + len(self._sites)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        value = self.value_at(index.row()) if index.isValid() else None
        if value is None:
            return None
        column, tr = index.column(), self._tr
        if role == KEY_ROLE:
            return value.key
        if column == TITLE:
            if role == DISPLAY:
                return tr.gettext(value.definition.title)
            if role == TOOLTIP:
                return self._definition_tip(value)
            return None
        if column == TARGET:
            if role == DISPLAY:
                return target_text(tr, value)
            if role == TOOLTIP and value.target is None:
                return tr.gettext(NO_TARGET)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == PROGRESS:
            if role == SHARE_ROLE:
                return value.share
            if role == REACHED_ROLE:
                return value.reached
            if role == DISPLAY:
                return percent_text(tr, value.share) if value.share is not None else ""
            if role == TOOLTIP:
                return self._progress_tip(value)
            return None
        number, site = self._number(value, column)
        if number is None:
            return None
        if role == DISPLAY:
            return tr.format_number(number)
        if role == CLICKABLE_ROLE:
            return True
        if role == SITE_ROLE:
            return site
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().color(QPalette.ColorRole.Link)
        if role == TOOLTIP:
            return tr.gettext("Click, or press Enter, to see what this number counts.")
        return None

    def _definition_tip(self, value: IndicatorValue) -> str:
        tr = self._tr
        rule = self.report.training_rule if self.report else None
        text = describe(value.definition, tr, rule) if rule else tr.gettext(value.definition.definition)
        return f"<p><b>{html.escape(tr.gettext(value.definition.title))}</b></p><p>{html.escape(text)}</p>"

    def _progress_tip(self, value: IndicatorValue) -> str:
        tr = self._tr
        if value.target is None:
            return tr.gettext(NO_TARGET)
        if value.reached:
            return tr.gettext("Target reached: {value} of {target}.").format(
                value=tr.format_number(value.value), target=target_text(tr, value))
        return tr.gettext("{value} of {target}: not reached yet.").format(
            value=tr.format_number(value.value), target=target_text(tr, value))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        site = self.site_at(section)
        one_site = self.report is not None and self.report.site_id is not None
        if role == DISPLAY:
            if section == TARGET and one_site:
                return self._tr.gettext(PROJECT_TARGET)
            if section < FIRST_SITE:
                return self._tr.gettext(HEADERS[section])
            return self._short.get(site.site_id) if site else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # A header too long for its column wraps onto a second line (the tables make room for two).
            return int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        if role == TOOLTIP and section == TARGET:
            return self._tr.gettext(TARGET_TIP)
        if role == TOOLTIP and site is not None:
            return site_name(self._tr, site.site_id, site.name)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
