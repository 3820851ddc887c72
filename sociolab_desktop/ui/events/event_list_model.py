"""The events list's table model: the events matching the search and filters, read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.events.event_labels import (
    capacity_text,
    date_span,
    title_in,
    type_label,
)
from sociolab_desktop.ui.paged_list_model import Index, PagedListModel

# The venue is the title's tooltip: at 1366 px the title needs the room more.
(TITLE, EVENT_TYPE, DATES, SESSIONS, REGISTERED, INFO_POINT) = range(6)
COLUMNS = (N_("Title"), N_("Type"), N_("Dates"), N_("Sessions"), N_("Registered / places"), N_("Info point"))


@dataclass(frozen=True)
class EventQuery:
    """What the list shows: typed text (either title, accents ignored) and filters (None: any)."""

    text: str = ""
    event_type: str | None = None
    site_id: str | None = None

    @property
    def is_everything(self) -> bool:
        return not (self.text.strip() or self.event_type or self.site_id)


class EventListModel(PagedListModel):
    """A few hundred events at most over the project's life: one page holds them all."""

    COLUMNS = COLUMNS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent, query=EventQuery())
        self._site_names: dict[str, str] = {}
        self.retranslate(ctx.tr)

    @staticmethod
    def count_and_first_page(store, query: EventQuery, limit: int) -> tuple[int, list]:
        from sociolab_desktop.core.services.events.events import list_events

        rows = list_events(store, event_type=query.event_type, site_id=query.site_id, query=query.text)
        return len(rows), rows

    @staticmethod
    def next_page(store, query: EventQuery, offset: int, limit: int) -> list:
        return []  # the first page held them all

    def set_site_names(self, names: dict[str, str]) -> None:
        self._site_names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, INFO_POINT), self.index(self.rowCount() - 1, INFO_POINT))

    def event_id(self, row: int) -> str | None:
        return self.row_id(row)

    def cell(self, event, column: int) -> str:
        tr = self._tr
        if column == TITLE:
            return title_in(tr.language, event.title_sl, event.title_en)
        if column == EVENT_TYPE:
            return type_label(tr, event.event_type)
        if column == DATES:
            return date_span(tr, event.first_date, event.last_date) or tr.gettext("no sessions yet")
        if column == SESSIONS:
            return tr.format_number(event.session_count)
        if column == REGISTERED:
            return capacity_text(tr, event.registered, event.capacity, event.waiting)
        return self._site_names.get(event.site_id or "", "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (SESSIONS, REGISTERED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE and index.isValid():
            event = self._rows[index.row()]
            return "\n".join(part for part in (self.cell(event, TITLE), event.venue) if part)
        return super().data(index, role)
