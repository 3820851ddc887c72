"""The client list's table model: pages of persons fetched off the GUI thread as the view scrolls.

Like Anki's browser model it keeps only what was fetched so far (pages of PAGE_SIZE rows); the
count and every page are read by the operation runner, never on the GUI thread. Each new query
starts a new generation: pages and counts that arrive for an older one are dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sociolab_desktop.i18n import N_, Translator

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1

(SURNAME, FIRST_NAME, EMAIL, PHONE, MUNICIPALITY, FIRST_CONTACT, INFO_POINT) = range(7)
COLUMNS = (
    N_("Surname"), N_("First name"), N_("E-mail"), N_("Phone"), N_("Municipality"),
    N_("First contact"), N_("Info point"),
)


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: the typed text and the filters as plain values (None: any).
    `consent` is a person_search.ConsentState value ("given" / "lacking")."""

    text: str = ""
    site_id: str | None = None
    municipality_code: str | None = None
    consent: str | None = None


def _filters(query: ListQuery):
    # Imported in the worker: the services load SQLAlchemy, which start-up defers.
    from sociolab_desktop.core.services.person_search import ConsentState, PersonFilter

    consent = ConsentState(query.consent) if query.consent else None
    return PersonFilter(site_id=query.site_id, municipality_code=query.municipality_code, consent=consent)


def count_and_first_page(store, query: ListQuery, limit: int) -> tuple[int, list]:
    """In a worker: how many persons match, and the first page of them."""
    from sociolab_desktop.core.services.person_search import (
        count_persons,
        search_persons,
    )

    filters = _filters(query)
    total = count_persons(store, query.text, filters)
    rows = search_persons(store, query.text, filters, offset=0, limit=limit) if total else []
    return total, rows


def next_page(store, query: ListQuery, offset: int, limit: int) -> list:
    from sociolab_desktop.core.services.person_search import search_persons

    return search_persons(store, query.text, _filters(query), offset=offset, limit=limit)


class PersonListModel(QAbstractTableModel):
    count_changed = Signal()  # `total` is known (or unknown again while a new query runs)
    loading_changed = Signal(bool)

    def __init__(self, ctx, parent=None, *, page_size: int = PAGE_SIZE) -> None:
        """`ctx`: the ShellContext (its workspace store, operation runner and translator)."""
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self._query = ListQuery()
        self._generation = 0
        self._rows: list = []  # person_search.PersonRow, in the service's (Slovenian) order
        self._total: int | None = None
        self._fetching = False
        self._in_flight = 0  # operations sent to the runner and not answered yet, stale ones too
        self._site_names: dict[str, str] = {}
        self._headers = list(COLUMNS)
        self._dates: dict[dt.date, str] = {}
        self.retranslate(ctx.tr)

    # --- queries ---------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int | None:
        """How many persons match the current query (None until counted)."""
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

    def set_query(self, query: ListQuery) -> None:
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
        store, limit = self.ctx.workspace.store, self.page_size

        def work():
            if generation != self._generation:
                return None  # typed on meanwhile: not worth a query
            return count_and_first_page(store, query, limit)

        self._run(generation, work, lambda result: self._on_first_page(generation, result))

    def refresh(self) -> None:
        """Read the current query again (after a change to the persons, or when the data opens)."""
        self.set_query(self._query)

    def _on_first_page(self, generation: int, result) -> None:
        if generation != self._generation or result is None:
            return
        total, rows = result
        self._total = total
        self._append(rows)
        self._set_fetching(False)
        self.count_changed.emit()
        log.debug("Client list: %d matches, %d rows fetched", total, len(rows))

    def _on_page(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self._append(rows)
        if len(rows) < self.page_size:
            # Fewer than asked: someone deleted persons meanwhile; the count follows what is there.
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

    def set_site_names(self, names: dict[str, str]) -> None:
        self._site_names = dict(names)
        self._column_changed(INFO_POINT)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self._headers = [tr.gettext(header) for header in COLUMNS]
        self._dates = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._column_changed(FIRST_CONTACT)

    def _column_changed(self, column: int) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def person_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == person_id), -1)

    def _date_text(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        text = self._dates.get(value)
        if text is None:  # Babel takes tens of µs a call: each day is formatted once per language
            text = self._dates[value] = self._tr.format_date(value, "numeric")
        return text

    def _cell(self, person, column: int) -> str:
        if column == SURNAME:
            return person.last_name
        if column == FIRST_NAME:
            return person.first_name
        if column == EMAIL:
            return person.email or ""
        if column == PHONE:
            return person.phone or ""
        if column == MUNICIPALITY:
            return person.municipality_name or ""
        if column == FIRST_CONTACT:
            return self._date_text(person.first_contact_date)
        return self._site_names.get(person.site_id or "", "")

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(person, index.column())
        if role == PERSON_ID_ROLE:
            return person.id
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
        generation, query = self._generation, self._query
        store, offset, limit = self.ctx.workspace.store, len(self._rows), self.page_size
        self._run(generation, lambda: next_page(store, query, offset, limit), lambda rows: self._on_page(generation, rows))

