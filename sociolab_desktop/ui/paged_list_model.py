"""A table model that fetches its rows in pages off the GUI thread, one query at a time.

Like Anki's browser model it keeps only what was fetched so far (pages of PAGE_SIZE rows); the
count and every page are read by the operation runner, never on the GUI thread. Subclasses (the
clients, organisations, events and mentoring session lists) give only their queries and cells.
Each new query starts a new generation: pages and counts that arrive for an older one are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sociolab_desktop.i18n import Translator

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PagedListModel(QAbstractTableModel):
    """Subclasses give `COLUMNS` (N_ headers) and the three functions below; rows need an `id`.
    A list with an info point column names it in `SITE_COLUMN` and shows `site_name(row.site_id)`."""

    COLUMNS: Sequence[str] = ()
    SITE_COLUMN: int | None = None
    count_changed = Signal()  # `total` is known (or unknown again while a new query runs)
    loading_changed = Signal(bool)

    def __init__(self, ctx, parent=None, *, query, page_size: int = PAGE_SIZE) -> None:
        """`ctx`: the ShellContext; `query`: the subclass's frozen query value to start with."""
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self._query = query
        self._generation = 0
        self._rows: list = []
        self._total: int | None = None
        self._fetching = False
        self._in_flight = 0  # operations sent to the runner and not answered yet, stale ones too
        self._headers = list(self.COLUMNS)
        self._site_names: dict[str, str] = {}
        self.retranslate(ctx.tr)

    # --- what subclasses give (called in a worker, except `cell`) -----------------------------

    @staticmethod
    def count_and_first_page(store, query, limit: int) -> tuple[int, list]:
        raise NotImplementedError

    @staticmethod
    def next_page(store, query, offset: int, limit: int) -> list:
        raise NotImplementedError

    def cell(self, row, column: int) -> str:
        raise NotImplementedError

    # --- queries ---------------------------------------------------------------------------

    @property
    def query(self):
        return self._query

    @property
    def total(self) -> int | None:
        """How many rows match the current query (None until counted)."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._fetching

    @property
    def idle(self) -> bool:
        """No answer is on its way, not even one that will be dropped."""
        return self._in_flight == 0

    def _run(self, generation: int, work, on_success) -> None:
        self._in_flight += 1

        def succeeded(result) -> None:
            self._in_flight -= 1
            on_success(result)

        def failed(error: BaseException) -> None:
            self._in_flight -= 1
            if generation == self._generation:
                self._set_fetching(False)
            self.ctx.operations.report_error(error)

        self.ctx.operations.run(work, on_success=succeeded, on_failure=failed, owner=self)

    def set_query(self, query) -> None:
        """Show `query` from its first row: forget the rows, count and read the first page."""
        if not self.ctx.is_open:
            self._query = query
            return
        self._generation += 1
        generation = self._generation
        self._query = query
        self.beginResetModel()
        self._rows = []
        self._total = None
        self.endResetModel()
        self.count_changed.emit()
        self._set_fetching(True)
        store, limit, first_page = self.ctx.workspace.store, self.page_size, self.count_and_first_page

        def work():
            if generation != self._generation:
                return None  # typed on meanwhile: not worth a query
            return first_page(store, query, limit)

        self._run(generation, work, lambda result: self._on_first_page(generation, result))

    def refresh(self) -> None:
        """Read the current query again (after a change, or when the data opens)."""
        self.set_query(self._query)

    def _on_first_page(self, generation: int, result) -> None:
        if generation != self._generation or result is None:
            return
        total, rows = result
        self._total = total
        self._append(rows)
        self._set_fetching(False)
        self.count_changed.emit()
        log.debug("%s: %d matches, %d rows fetched", type(self).__name__, total, len(rows))

    def _on_page(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self._append(rows)
        if len(rows) < self.page_size:
            # Fewer than asked: someone deleted rows meanwhile; the count follows what is there.
            self._total = len(self._rows)
            self.count_changed.emit()
        self._set_fetching(False)

    def _append(self, rows: list) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _set_fetching(self, fetching: bool) -> None:
        if fetching != self._fetching:
            self._fetching = fetching
            self.loading_changed.emit(fetching)

    # --- what the rows show ----------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self._headers = [tr.gettext(header) for header in self.COLUMNS]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def set_site_names(self, names: dict[str, str]) -> None:
        """Info point id → the name to show in `SITE_COLUMN` (see list_choices.short_site_names)."""
        self._site_names = dict(names)
        if self._rows and self.SITE_COLUMN is not None:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, self.SITE_COLUMN), self.index(last, self.SITE_COLUMN))

    def site_name(self, site_id: str | None) -> str:
        return self._site_names.get(site_id or "", "")

    def row(self, number: int):
        """The row shown in line `number` (None outside the rows read so far)."""
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == row_id), -1)

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == ROW_ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        if parent.isValid() or self._fetching or self._total is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 (Qt API)
        """Ask for the next page; its rows are appended when the worker delivers them."""
        if not self.canFetchMore(parent):
            return
        self._set_fetching(True)
        generation, query, next_page = self._generation, self._query, self.next_page
        store, offset, limit = self.ctx.workspace.store, len(self._rows), self.page_size
        self._run(generation, lambda: next_page(store, query, offset, limit),
                  lambda rows: self._on_page(generation, rows))
