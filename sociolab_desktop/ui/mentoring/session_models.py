"""Table models of the mentoring windows: the lazy list of all sessions, and short lists read at
once (a mentor's month, an organisation's sessions, totals, outcomes) described by their columns.
Their tables are ui/list_table.py's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sociolab_desktop.core.domain.labels import (
    MENTORING_MODES,
    MENTORING_TOPICS,
    Label,
    label,
    labels,
    translated,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.mentoring.labels import party_text
from sociolab_desktop.ui.paged_list_model import ROW_ID_ROLE, PagedListModel

Index = QModelIndex | QPersistentModelIndex
Cell = Callable[[Any, Translator], str]


def _date(tr: Translator, value: dt.date | None) -> str:
    return tr.format_date(value, "numeric") if value else ""


# The columns of every session list (listing.SessionRow).
SESSION_COLUMNS: tuple[tuple[str, Cell], ...] = (
    (N_("Date"), lambda row, tr: _date(tr, row.session_date)),
    (N_("Time"), lambda row, tr: tr.format_time_span(row.starts, row.ends)),
    (N_("Hours"), lambda row, tr: tr.format_number(row.hours)),
    (N_("With"), lambda row, tr: party_text(row.organisation_name, row.person_names)),
    (N_("Mentors"), lambda row, tr: ", ".join(row.mentor_names)),
    (N_("Mode"), lambda row, tr: label(tr, MENTORING_MODES, row.mode)),
    (N_("Topics"), lambda row, tr: labels(tr, MENTORING_TOPICS, row.topics)),
)
DATE, TIME, HOURS, WITH, MENTORS, MODE, TOPICS = range(len(SESSION_COLUMNS))
SESSION_WIDTHS = {DATE: 85, TIME: 90, HOURS: 50, WITH: 240, MENTORS: 160, MODE: 80}


@dataclass(frozen=True)
class SessionQuery:
    """The all-sessions filters as plain values (None: any)."""

    mentor_id: str | None = None
    organisation_id: str | None = None
    site_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    topic: str | None = None

    @property
    def is_everything(self) -> bool:
        return not any((self.mentor_id, self.organisation_id, self.site_id, self.date_from, self.date_to,
                        self.topic))


def _filter(query: SessionQuery):
    from sociolab_desktop.core.services.mentoring.listing import SessionFilter

    return SessionFilter(mentor_id=query.mentor_id, organisation_id=query.organisation_id, site_id=query.site_id,
                         date_from=query.date_from, date_to=query.date_to, topic=query.topic)


class SessionListModel(PagedListModel):
    """All sessions matching the filters, newest first, read in pages off the GUI thread; `hours`
    (counted) is known with the count."""

    COLUMNS = tuple(header for header, _cell in SESSION_COLUMNS)

    def __init__(self, ctx, parent=None, **kwargs) -> None:
        super().__init__(ctx, parent, query=SessionQuery(), **kwargs)
        self.hours: float | None = None

    @staticmethod
    def count_and_first_page(store, query: SessionQuery, limit: int) -> tuple[int, list]:
        from sociolab_desktop.core.services.mentoring.listing import (
            count_sessions,
            list_sessions,
        )

        criteria = _filter(query)
        totals = count_sessions(store, criteria)
        rows = list_sessions(store, criteria, offset=0, limit=limit) if totals.sessions else []
        return totals.sessions, _Counted(rows, totals.hours)

    @staticmethod
    def next_page(store, query: SessionQuery, offset: int, limit: int) -> list:
        from sociolab_desktop.core.services.mentoring.listing import list_sessions

        return list_sessions(store, _filter(query), offset=offset, limit=limit)

    def _on_first_page(self, generation: int, result) -> None:
        if generation == self._generation and result is not None:
            self.hours = result[1].hours
        super()._on_first_page(generation, result)

    def set_query(self, query) -> None:
        self.hours = None
        super().set_query(query)

    def cell(self, row, column: int) -> str:
        return SESSION_COLUMNS[column][1](row, self._tr)


class _Counted(list):
    """A first page that also carries the counted hours of every match."""

    def __init__(self, rows: list, hours: float) -> None:
        super().__init__(rows)
        self.hours = hours


class RowsModel(QAbstractTableModel):
    """A short list of plain rows with `columns` of (header label, cell function); rows with an `id`
    give it under ROW_ID_ROLE."""

    def __init__(self, tr: Translator, columns: Sequence[tuple[Label, Cell]], parent=None) -> None:
        super().__init__(parent)
        self._tr = tr
        self._columns = tuple(columns)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int):
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rows(self) -> list[list[str]]:
        """What the table shows, as text (for tests and copying)."""
        return [[cell(row, self._tr) for _header, cell in self._columns] for row in self._rows]

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](row, self._tr)
        if role == ROW_ID_ROLE:
            return getattr(row, "id", None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return translated(self._tr, self._columns[section][0])
        return None

