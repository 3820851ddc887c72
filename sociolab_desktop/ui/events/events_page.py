"""The Events area's page: search by title, filters by type and info point, the list, "New event"."""

from __future__ import annotations

import logging
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.clients.clients_page import SEARCH_DELAY_MS, SearchField
from sociolab_desktop.ui.events.event_labels import EVENT_TYPE_LABELS
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
from sociolab_desktop.ui.labels import area_title, section_heading
from sociolab_desktop.ui.organisations.organisation_list_model import short_site_names
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

AREA = next(area for area in AREAS if area.key == "events")
ANY_TYPE = N_("Any type")
ALL_SITES = N_("All info points")
TABLE, NONE_YET, NO_MATCH = range(3)
# The title takes what the others leave; these fit the Slovenian headers at 1366 px.
COLUMN_WIDTHS = {EVENT_TYPE: 150, DATES: 165, SESSIONS: 75, REGISTERED: 135, INFO_POINT: 130}


def load_sites(store) -> dict[str, str]:
    """In a worker: the info points, id → name, by name."""
    from sociolab_desktop.core.services.sites import list_sites

    return {site.id: site.name for site in list_sites(store)}


class EventsPage(QWidget):
    event_activated = Signal(str)  # an event's id: Enter or a double-click on its row

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPage")
        self.ctx = ctx
        self._sites_loaded = False
        self.form = None  # the "new event" form while it is open

        self.title_label = area_title("eventsTitle")
        self.body_label = QLabel(objectName="eventsDescription", wordWrap=True)
        self.body_label.setEnabled(False)
        self.search_edit = SearchField(objectName="eventsSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)
        self.search_edit.down_pressed.connect(self._focus_list)
        self.search_edit.textChanged.connect(lambda text: text or self._search_now())
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_now)
        self.new_button = QPushButton(objectName="newEventButton")
        self.new_button.clicked.connect(self.new_event)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_search)
        self.new_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.new_shortcut.activated.connect(self.new_event)

        self.type_combo = QComboBox(objectName="eventsTypeFilter")
        self.type_combo.addItem("", None)
        for value in EVENT_TYPE_LABELS:
            self.type_combo.addItem("", value.value)
        self.site_combo = QComboBox(objectName="eventsSiteFilter")
        self.site_combo.addItem("", None)
        for combo in (self.type_combo, self.site_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(self._search_now)
        self.count_label = QLabel(objectName="eventsCount")

        self.model = EventListModel(ctx, self)
        self.model.count_changed.connect(self._on_count_changed)
        self.table = self._build_table()
        self.none_yet = self._build_none_yet()
        self.no_match_label = QLabel(objectName="eventsNoMatch", wordWrap=True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_match_label.setEnabled(False)
        self.list_stack = QStackedWidget(objectName="eventsListStack")
        for widget in (self.table, self.none_yet, self.no_match_label):
            self.list_stack.addWidget(widget)
        self._build_layout()
        for first, second in pairwise((self.search_edit, self.new_button, self.type_combo, self.site_combo,
                                       self.table)):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.search_edit)
        ctx.workspace_opened.connect(self._on_workspace_opened)
        self.retranslate(ctx.tr)
        if ctx.is_open:
            self._on_workspace_opened()

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="eventsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        table.activated.connect(self._on_row_activated)
        return table

    def _build_none_yet(self) -> QWidget:
        panel = QWidget(objectName="eventsNoneYet")
        self.none_yet_heading = section_heading("eventsNoneYetHeading")
        self.none_yet_text = QLabel(objectName="eventsNoneYetText", wordWrap=True)
        self.none_yet_button = QPushButton(objectName="eventsNoneYetButton")
        self.none_yet_button.clicked.connect(self.new_event)
        column = QVBoxLayout()
        column.addWidget(self.none_yet_heading)
        column.addWidget(self.none_yet_text)
        column.addSpacing(8)
        column.addWidget(self.none_yet_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return panel

    def _build_layout(self) -> None:
        search_row = QHBoxLayout()
        search_row.setSpacing(8)
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.type_combo)
        filters.addWidget(self.site_combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addSpacing(4)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.list_stack, 1)

    # --- searching -------------------------------------------------------------------------

    def current_query(self) -> EventQuery:
        return EventQuery(text=self.search_edit.text().strip(), event_type=self.type_combo.currentData(),
                          site_id=self.site_combo.currentData())

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_now(self, *_args) -> None:
        self.search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def refresh(self, *_args) -> None:
        """Read the list again (after an event was added or changed)."""
        self.model.refresh()

    def _on_workspace_opened(self) -> None:
        self.model.set_query(self.current_query())
        if not self._sites_loaded:
            self._sites_loaded = True
            store = self.ctx.workspace.store
            self.ctx.operations.run(lambda: load_sites(store), on_success=self._on_sites, owner=self)

    def _on_sites(self, sites: dict[str, str]) -> None:
        short = short_site_names(sites)
        self.model.set_site_names(short)
        for site_id, name in sites.items():
            self.site_combo.addItem(short[site_id], site_id)
            self.site_combo.setItemData(self.site_combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    # --- opening ---------------------------------------------------------------------------

    def _on_row_activated(self, index: QModelIndex) -> None:
        event_id = self.model.event_id(index.row())
        if event_id:
            log.info("Event %s opened from the list", event_id)
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

    def new_event(self):
        """Open the form for a new event (the open one, if it is already open)."""
        from sociolab_desktop.ui.events.event_form import EventForm

        if not self.ctx.is_open:
            return None
        if self.form is None:
            self.form = EventForm(self.ctx, None, self.window())
            self.form.saved.connect(self._on_created)
            self.form.finished.connect(self._on_form_finished)
        self.form.show()
        self.form.raise_()
        self.form.activateWindow()
        return self.form

    def _on_form_finished(self, _result: int) -> None:
        self.form.deleteLater()
        self.form = None

    def _on_created(self, event_id: str) -> None:
        self.refresh()
        self.open_event(event_id)  # next: register the participants

    # --- words -----------------------------------------------------------------------------

    def _on_count_changed(self) -> None:
        self._show_count()
        total = self.model.total
        none_yet = total == 0 and self.model.query.is_everything
        if total == 0:
            self.list_stack.setCurrentIndex(NONE_YET if none_yet else NO_MATCH)
        else:
            self.list_stack.setCurrentIndex(TABLE)
        for widget in (self.type_combo, self.site_combo, self.count_label):
            widget.setHidden(none_yet)

    def _show_count(self) -> None:
        tr, total = self.ctx.tr, self.model.total
        if total is None:
            self.count_label.setText(tr.gettext("Searching…"))
        else:
            self.count_label.setText(tr.ngettext("{count} event", "{count} events", total)
                                     .format(count=tr.format_number(total)))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.title_label.setText(_(AREA.title))
        self.body_label.setText(_(AREA.description))
        self.search_edit.setPlaceholderText(_("Search by title, Slovenian or English (Ctrl+F)"))
        self.new_button.setText(_("New event…"))
        self.new_button.setToolTip(self.new_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        self.type_combo.setItemText(0, _(ANY_TYPE))
        for row in range(1, self.type_combo.count()):
            self.type_combo.setItemText(row, _(EVENT_TYPE_LABELS[self.type_combo.itemData(row)]))
        self.site_combo.setItemText(0, _(ALL_SITES))
        self.none_yet_heading.setText(_("No events yet"))
        self.none_yet_text.setText(_(
            "Plan a training programme, workshop, info session or fair with its sessions; then register "
            "participants, check them in at the door and print attendance sheets and certificates."))
        self.none_yet_button.setText(_("Create the first event…"))
        self.no_match_label.setText(_(
            "No event matches the search and filters. Check the spelling, or clear the search (Esc) "
            "and the filters."))
        self.model.retranslate(tr)
        self._show_count()
