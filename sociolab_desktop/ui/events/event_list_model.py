"""The events list's table model: the events matching the search and filters, read off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from sociolab_desktop.core.domain.labels import EVENT_TYPES, label, title_in
from sociolab_desktop.i18n import N_
from sociolab_desktop.ui.events.event_labels import capacity_text
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
    SITE_COLUMN = INFO_POINT

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent, query=EventQuery())

    @staticmethod
    def count_and_first_page(store, query: EventQuery, limit: int) -> tuple[int, list]:
        from sociolab_desktop.core.services.events.events import list_events

        rows = list_events(store, event_type=query.event_type, site_id=query.site_id, query=query.text)
        return len(rows), rows

    @staticmethod
    def next_page(store, query: EventQuery, offset: int, limit: int) -> list:
        return []  # the first page held them all

    def event_id(self, row: int) -> str | None:
        return self.row_id(row)

    def cell(self, event, column: int) -> str:
        tr = self._tr
        if column == TITLE:
            return title_in(tr.language, event.title_sl, event.title_en)
        if column == EVENT_TYPE:
            return label(tr, EVENT_TYPES, event.event_type)
        if column == DATES:
            return tr.format_date_span(event.first_date, event.last_date) or tr.gettext("no sessions yet")
        if column == SESSIONS:
            return tr.format_number(event.session_count)
        if column == REGISTERED:
            return capacity_text(tr, event.registered, event.capacity, event.waiting)
        return self.site_name(event.site_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (SESSIONS, REGISTERED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        event = self.row(index.row()) if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE else None
        if event is not None:  # the venue under the title
            return "\n".join(part for part in (self.cell(event, TITLE), event.venue) if part)
        return super().data(index, role)
