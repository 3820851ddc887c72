"""The Clients area's page: one search field, three filters, the count and the lazy list."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.clients.person_list_model import (
    EMAIL,
    FIRST_CONTACT,
    MUNICIPALITY,
    PHONE,
    ListQuery,
    PersonListModel,
)
from sociolab_desktop.ui.labels import area_title
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

AREA = next(area for area in AREAS if area.key == "clients")
# Long enough to let a word be typed, short enough to feel immediate.
SEARCH_DELAY_MS = 200
ALL_SITES = N_("All info points")
ALL_MUNICIPALITIES = N_("All municipalities")
CONSENT_CHOICES = (
    (None, N_("Any consent")),
    ("given", N_("With valid consent")),
    ("lacking", N_("Without valid consent")),
)


class SearchField(QLineEdit):
    """Esc clears what was typed (and the search with it); Down moves into the list."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


def load_choices(store) -> tuple[dict[str, str], list[tuple[str, str, bool]]]:
    """In a worker: the info points (id → name) and every municipality (code, name, in Podravje),
    Podravje's first (reading pycountry's tables takes a moment)."""
    from sociolab_desktop.core.domain.municipalities import all_municipalities
    from sociolab_desktop.core.services.sites import list_sites

    sites = {site.id: site.name for site in list_sites(store)}
    municipalities = [(m.code, m.name, m.is_podravje) for m in all_municipalities()]
    return sites, municipalities


class ClientsPage(QWidget):
    person_activated = Signal(str)  # a person's id: Enter or a double-click on their row

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientsPage")
        self.ctx = ctx
        self._choices_loaded = False

        self.title_label = area_title("clientsTitle")
        self.body_label = QLabel(objectName="clientsDescription", wordWrap=True)
        self.body_label.setEnabled(False)  # muted: the list is what matters here

        self.search_edit = SearchField(objectName="clientsSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.search_edit.returnPressed.connect(self._search_now)
        self.search_edit.down_pressed.connect(self._focus_list)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_now)
        # The clear button changes the text without textEdited: follow textChanged to empty too.
        self.search_edit.textChanged.connect(lambda text: text or self._search_now())
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        # Anywhere in the window while the page is shown (a hidden page's shortcut is inactive).
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_search)
        self.new_person_button = QPushButton(objectName="newPersonButton")
        self.new_person_button.clicked.connect(self.new_person)
        self.new_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.new_shortcut.activated.connect(self.new_person)
        self.person_form = None  # the open "New person" form, if any
        # Lists that ask for work, and the merge of two selected rows.
        self.follow_ups_button = QPushButton(objectName="followUpsButton")
        self.follow_ups_button.clicked.connect(self.open_follow_ups)
        self.lacking_consent_button = QPushButton(objectName="lackingConsentButton")
        self.lacking_consent_button.clicked.connect(self.open_lacking_consent)
        self.merge_button = QPushButton(objectName="mergeButton", enabled=False)
        self.merge_button.clicked.connect(self.merge_selected)
        self.dialog = None  # the list or merge window opened last

        self.site_combo = QComboBox(objectName="clientsSiteFilter")
        self.municipality_combo = QComboBox(objectName="clientsMunicipalityFilter")
        self.municipality_combo.setMaxVisibleItems(20)
        self.consent_combo = QComboBox(objectName="clientsConsentFilter")
        for value, _label in CONSENT_CHOICES:
            self.consent_combo.addItem("", value)
        self.site_combo.addItem("", None)
        self.municipality_combo.addItem("", None)
        for combo in (self.site_combo, self.municipality_combo, self.consent_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(self._search_now)
        self.count_label = QLabel(objectName="clientsCount")

        self.model = PersonListModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table = QTableView(objectName="clientsTable")
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two rows selected (Ctrl+click) can be merged.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # The info points' names all begin "Informacijska točka": their ends tell them apart.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures rows it has not shown (100 000 persons).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 130), (1, 110), (EMAIL, 210), (PHONE, 115), (MUNICIPALITY, 140),
                              (FIRST_CONTACT, 95)):
            header.resizeSection(column, width)
        # Compact rows: more clients on a 768-pixel screen (the default is a touch-sized 30 px).
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        # Enter on a row and a double-click both arrive as `activated` (per the platform's style).
        self.table.activated.connect(self._on_row_activated)

        self._build_layout()
        ctx.workspace_opened.connect(self._on_workspace_opened)
        self.retranslate(ctx.tr)
        if ctx.is_open:
            self._on_workspace_opened()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.site_combo)
        filters.addWidget(self.municipality_combo)
        filters.addWidget(self.consent_combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addSpacing(4)
        search = QHBoxLayout()
        search.setSpacing(8)
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.new_person_button)
        search.addWidget(self.follow_ups_button)
        search.addWidget(self.lacking_consent_button)
        search.addWidget(self.merge_button)
        layout.addLayout(search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    # --- searching -------------------------------------------------------------------------

    def current_query(self) -> ListQuery:
        return ListQuery(
            text=self.search_edit.text().strip(),
            site_id=self.site_combo.currentData(),
            municipality_code=self.municipality_combo.currentData(),
            consent=self.consent_combo.currentData(),
        )

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_search_edited(self, _text: str) -> None:
        self.search_timer.start()  # restarted by every key: one query once typing pauses

    def _search_now(self, *_args) -> None:
        self.search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def _on_workspace_opened(self) -> None:
        self.model.set_query(self.current_query())
        if self._choices_loaded:
            return
        self._choices_loaded = True
        store = self.ctx.workspace.store
        self.ctx.operations.run(lambda: load_choices(store), on_success=self._on_choices, owner=self)

    def _on_choices(self, choices) -> None:
        sites, municipalities = choices
        self.model.set_site_names(sites)
        for site_id, name in sites.items():  # in the service's order (by name)
            self.site_combo.addItem(name, site_id)
        podravje_done = False
        for code, name, is_podravje in municipalities:
            if not is_podravje and not podravje_done:
                podravje_done = True
                self.municipality_combo.insertSeparator(self.municipality_combo.count())
            self.municipality_combo.addItem(name, code)

    def new_person(self) -> None:
        """The form for a person who is not on the list yet; the list reads again after saving."""
        from sociolab_desktop.ui.persons.person_form import PersonFormDialog

        if not self.ctx.is_open:
            return
        self.person_form = PersonFormDialog(self.ctx, parent=self)
        self.person_form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.person_form.saved.connect(lambda _person_id: self.model.refresh())
        self.person_form.open()

    def refresh(self) -> None:
        self.model.refresh()

    def selected_person_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [person_id for person_id in map(self.model.person_id, rows) if person_id]

    def _on_selection_changed(self, *_args) -> None:
        self.merge_button.setEnabled(len(self.selected_person_ids()) == 2)

    def open_person(self, person_id: str):
        from sociolab_desktop.ui.persons.person_window import open_person_window

        window = open_person_window(self.ctx, person_id, self.window())
        window.changed.connect(self.refresh)
        return window

    def open_follow_ups(self):
        from sociolab_desktop.ui.persons.follow_ups_dialog import FollowUpsDialog

        return self._show_dialog(FollowUpsDialog(self.ctx, self.window()))

    def open_lacking_consent(self):
        from sociolab_desktop.ui.persons.lacking_consent_dialog import LackingConsentDialog

        return self._show_dialog(LackingConsentDialog(self.ctx, self.window()))

    def merge_selected(self):
        from sociolab_desktop.ui.persons.merge_dialog import MergeDialog

        chosen = self.selected_person_ids()
        if len(chosen) != 2:
            return None
        dialog = MergeDialog(self.ctx, chosen[0], chosen[1], self.window())
        dialog.merged.connect(self._on_merged)
        return self._show_dialog(dialog)

    def _on_merged(self, survivor_id: str) -> None:
        self.refresh()
        self.open_person(survivor_id)

    def _show_dialog(self, dialog):
        # Shown, not exec'd: persons opened from these lists must stay usable beside them.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    def _on_row_activated(self, index: QModelIndex) -> None:
        person_id = self.model.person_id(index.row())
        if person_id:
            log.info("Person %s opened from the client list", person_id)
            self.person_activated.emit(person_id)
            self.open_person(person_id)

    # --- words -----------------------------------------------------------------------------

    def _show_count(self) -> None:
        tr, total = self.ctx.tr, self.model.total
        if total is None:
            self.count_label.setText(tr.gettext("Searching…"))
        else:
            self.count_label.setText(
                tr.ngettext("{count} client", "{count} clients", total).format(count=tr.format_number(total))
            )

    def retranslate(self, tr: Translator) -> None:
        self.title_label.setText(tr.gettext(AREA.title))
        self.body_label.setText(tr.gettext(AREA.description))
        self.search_edit.setPlaceholderText(
            tr.gettext("Search by name, e-mail, phone, EMŠO or municipality (Ctrl+F)")
        )
        self.new_person_button.setText(tr.gettext("New person"))
        self.follow_ups_button.setText(tr.gettext("Follow-ups due"))
        self.follow_ups_button.setToolTip(tr.gettext("Contacts whose follow-up date has come or is near"))
        self.lacking_consent_button.setText(tr.gettext("Without consent"))
        self.lacking_consent_button.setToolTip(tr.gettext("Persons without a valid consent to data processing"))
        self.merge_button.setText(tr.gettext("Merge…"))
        self.merge_button.setToolTip(tr.gettext(
            "Select two rows of the same person (Ctrl+click), then merge them into one record"))
        self.new_person_button.setToolTip(self.new_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        self.site_combo.setItemText(0, tr.gettext(ALL_SITES))
        self.municipality_combo.setItemText(0, tr.gettext(ALL_MUNICIPALITIES))
        for row, (_value, label) in enumerate(CONSENT_CHOICES):
            self.consent_combo.setItemText(row, tr.gettext(label))
        self.model.retranslate(tr)
        self._show_count()
