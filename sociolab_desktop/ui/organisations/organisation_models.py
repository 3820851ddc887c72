"""Table models of the organisation window: its people with their roles, and its timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from sociolab_desktop.core.domain.labels import ORGANISATION_ROLES, label
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.organisations.timeline_text import describe

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _ListModel(QAbstractTableModel):
    """A short list of plain rows, all read at once (a few dozen at most), shown in COLUMNS."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, tr: Translator, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._tr = tr

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int):
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def _date(self, value: dt.date | None) -> str:
        return self._tr.format_date(value, "numeric") if value else ""

    def cell(self, row, column: int) -> str:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == ID_ROLE:
            return row.id if hasattr(row, "id") else row.record_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self._tr.gettext(self.COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


(PERSON, ROLE, SINCE, UNTIL) = range(4)


class LinkedPersonsModel(_ListModel):
    """organisation_roles.RoleLink rows; links that have ended are shown muted."""

    COLUMNS = (N_("Person"), N_("Role"), N_("Started"), N_("Ended"))

    def __init__(self, tr: Translator, parent=None, *, today=dt.date.today) -> None:
        super().__init__(tr, parent)
        self._today = today

    def cell(self, link, column: int) -> str:
        if column == PERSON:
            return link.person_name
        if column == ROLE:
            return label(self._tr, ORGANISATION_ROLES, link.role)
        return self._date(link.since if column == SINCE else link.until)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            link = self.row(index.row())
            if link is not None and not link.is_current(self._today()):
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return super().data(index, role)


(DATE, WHAT, DETAILS) = range(3)


class TimelineModel(_ListModel):
    """timeline.TimelineItem rows, newest first as the service gives them."""

    COLUMNS = (N_("Date"), N_("What"), N_("Details"))

    def __init__(self, tr: Translator, parent=None) -> None:
        super().__init__(tr, parent)
        self._words: dict[int, tuple[str, str]] = {}

    def set_rows(self, rows: list) -> None:
        self._words = {}
        super().set_rows(rows)

    def retranslate(self, tr: Translator) -> None:
        self._words = {}
        super().retranslate(tr)

    def cell(self, item, column: int) -> str:
        if column == DATE:
            return self._date(item.date)
        key = id(item)
        words = self._words.get(key)
        if words is None:
            words = self._words[key] = describe(item, self._tr)
        return words[0] if column == WHAT else words[1]
