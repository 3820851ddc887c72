"""The Events area's page: search by title, filters by type and info point, the list, "New event"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from sociolab_desktop.core.domain.labels import EVENT_TYPES, label
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events.event_list_model import (
    DATES,
    EVENT_TYPE,
    INFO_POINT,
    REGISTERED,
    SESSIONS,
    TITLE,
    EventListModel,
    EventQuery,
)
from sociolab_desktop.ui.list_choices import add_sites, load_sites
from sociolab_desktop.ui.list_page import ListPage
from sociolab_desktop.ui.list_table import list_table
from sociolab_desktop.ui.shell_context import ShellContext

ANY_TYPE = N_("Any type")
ALL_SITES = N_("All info points")
# The title takes what the others leave; these fit the Slovenian headers at 1366 px.
COLUMN_WIDTHS = {EVENT_TYPE: 150, DATES: 165, SESSIONS: 75, REGISTERED: 135, INFO_POINT: 205}


class EventsPage(ListPage):
    event_activated = Signal(str)  # an event's id: Enter or a double-click on its row

    SEARCH_HINT = N_("Search by title, Slovenian or English (Ctrl+F)")
    NEW_TEXT = N_("New event…")
    NONE_YET_HEADING = N_("No events yet")
    NONE_YET_TEXT = N_("Plan a training programme, workshop, info session or fair with its sessions; then register "
                       "participants, check them in at the door and print attendance sheets and certificates.")
    NONE_YET_BUTTON = N_("Create the first event…")
    NO_MATCH_TEXT = N_("No event matches the search and filters. Check the spelling, or clear the search (Esc) "
                       "and the filters.")
    load_choices = staticmethod(load_sites)

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "events", new_button_name="newEventButton", parent=parent)
        self.type_combo = QComboBox(objectName="eventsTypeFilter")
        self.type_combo.addItem("", None)
        for value in EVENT_TYPES:
            self.type_combo.addItem("", value.value)
        self.site_combo = QComboBox(objectName="eventsSiteFilter")
        self.site_combo.addItem("", None)
        filters = (self.type_combo, self.site_combo)
        for combo in filters:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.model = EventListModel(ctx, self)
        self.table = list_table("eventsTable", self.model, COLUMN_WIDTHS, stretch_column=TITLE, tab_leaves=False)
        self.set_up(filters)

    # --- searching -------------------------------------------------------------------------

    def current_query(self) -> EventQuery:
        return EventQuery(text=self.search_edit.text().strip(), event_type=self.type_combo.currentData(),
                          site_id=self.site_combo.currentData())

    def show_choices(self, sites: dict[str, str]) -> None:
        self.model.set_site_names(add_sites(self.site_combo, sites, short=True))

    # --- opening ---------------------------------------------------------------------------

    def activate(self, event_id: str) -> None:
        self.event_activated.emit(event_id)
        self.open_event(event_id)

    def open_event(self, event_id: str):
        """Show the event's window (the one already open, if any) and return it."""
        from sociolab_desktop.ui.events.event_window import open_event_window

        window = open_event_window(self.ctx, event_id, self.window())
        if not window.property("listFollows"):
            window.setProperty("listFollows", True)
            window.changed.connect(self.refresh)
        return window

    def new_record(self):
        """Open the form for a new event (the open one, if it is already open)."""
        from sociolab_desktop.ui.events.event_form import EventForm

        return self.show_form(lambda: EventForm(self.ctx, None, self.window()), self.open_event)

    # --- words -----------------------------------------------------------------------------

    def count_text(self, tr: Translator, total: int) -> str:
        return tr.ngettext("{count} event", "{count} events", total).format(count=tr.format_number(total))

    def retranslate(self, tr: Translator) -> None:
        self.type_combo.setItemText(0, tr.gettext(ANY_TYPE))
        for row in range(1, self.type_combo.count()):
            self.type_combo.setItemText(row, label(tr, EVENT_TYPES, self.type_combo.itemData(row)))
        self.site_combo.setItemText(0, tr.gettext(ALL_SITES))
        super().retranslate(tr)
