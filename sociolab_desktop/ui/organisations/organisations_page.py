"""The Organisations area's page: search, four filters, the count, the lazy list, "New organisation"."""

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
from sociolab_desktop.ui.clients.clients_page import SEARCH_DELAY_MS, SearchField, load_choices
from sociolab_desktop.ui.labels import area_title, section_heading
from sociolab_desktop.ui.organisations.choices import LEGAL_FORMS, STAGES, fill_combo
from sociolab_desktop.ui.organisations.organisation_list_model import (
    INFO_POINT,
    LEGAL_FORM,
    MUNICIPALITY,
    NAME,
    REGISTRATION_NUMBER,
    STAGE,
    OrganisationListModel,
    OrganisationQuery,
    short_site_names,
)
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

AREA = next(area for area in AREAS if area.key == "organisations")
ANY_LEGAL_FORM = N_("Any legal form")
ANY_STAGE = N_("Any stage")
ALL_MUNICIPALITIES = N_("All municipalities")
ALL_SITES = N_("All info points")
# What the list area shows instead of the table when it would be empty.
TABLE, NONE_YET, NO_MATCH = range(3)
FILTER_WIDTH_CHARACTERS = 16
# Wide enough for the Slovenian headers ("Pravnoorganizacijska oblika"); the name takes the rest.
COLUMN_WIDTHS = {LEGAL_FORM: 185, STAGE: 115, MUNICIPALITY: 135, REGISTRATION_NUMBER: 120, INFO_POINT: 120}


def _fit_popup(combo: QComboBox) -> None:
    """The open list shows whole items even where the closed combo is narrower."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)


class OrganisationsPage(QWidget):
    organisation_activated = Signal(str)  # an organisation's id: Enter or a double-click on its row

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationsPage")
        self.ctx = ctx
        self._choices_loaded = False
        self.windows: dict[str, QWidget] = {}  # open organisation windows by id
        self.form = None  # the "new organisation" form while it is open

        self.title_label = area_title("organisationsTitle")
        self.body_label = QLabel(objectName="organisationsDescription", wordWrap=True)
        self.body_label.setEnabled(False)  # muted: the list is what matters here

        self.search_edit = SearchField(objectName="organisationsSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)
        self.search_edit.down_pressed.connect(self._focus_list)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_now)
        # The clear button changes the text without textEdited: follow textChanged to empty too.
        self.search_edit.textChanged.connect(lambda text: text or self._search_now())
        self.new_button = QPushButton(objectName="newOrganisationButton")
        self.new_button.clicked.connect(self.new_organisation)

        # Window-wide while the page is shown (a hidden page's shortcuts are inactive).
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_search)
        self.new_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.new_shortcut.activated.connect(self.new_organisation)

        self.legal_form_combo = QComboBox(objectName="organisationsLegalFormFilter")
        self.stage_combo = QComboBox(objectName="organisationsStageFilter")
        self.municipality_combo = QComboBox(objectName="organisationsMunicipalityFilter")
        self.municipality_combo.setMaxVisibleItems(20)
        self.municipality_combo.addItem("", None)
        self.site_combo = QComboBox(objectName="organisationsSiteFilter")
        self.site_combo.addItem("", None)
        for combo in self.filter_combos:
            # Not as wide as the longest item: four filters and the count share one line.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(FILTER_WIDTH_CHARACTERS)
            combo.activated.connect(self._search_now)
        self.count_label = QLabel(objectName="organisationsCount")

        self.model = OrganisationListModel(ctx, self)
        self.model.count_changed.connect(self._on_count_changed)
        self.table = self._build_table()
        self.none_yet = self._build_none_yet()
        self.no_match_label = QLabel(objectName="organisationsNoMatch", wordWrap=True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_match_label.setEnabled(False)
        self.list_stack = QStackedWidget(objectName="organisationsListStack")
        for widget in (self.table, self.none_yet, self.no_match_label):
            self.list_stack.addWidget(widget)

        self._build_layout()
        for first, second in pairwise((self.search_edit, self.new_button, *self.filter_combos, self.table)):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.search_edit)
        ctx.workspace_opened.connect(self._on_workspace_opened)
        self.retranslate(ctx.tr)
        if ctx.is_open:
            self._on_workspace_opened()

    @property
    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.legal_form_combo, self.stage_combo, self.municipality_combo, self.site_combo)

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="organisationsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        # Fixed, compact rows: the view never measures rows it has not shown.
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)  # what the rest leaves
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        # Enter on a row and a double-click both arrive as `activated` (per the platform's style).
        table.activated.connect(self._on_row_activated)
        return table

    def _build_none_yet(self) -> QWidget:
        panel = QWidget(objectName="organisationsNoneYet")
        self.none_yet_heading = section_heading("organisationsNoneYetHeading")
        self.none_yet_text = QLabel(objectName="organisationsNoneYetText", wordWrap=True)
        self.none_yet_button = QPushButton(objectName="organisationsNoneYetButton")
        self.none_yet_button.clicked.connect(self.new_organisation)
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
        for combo in self.filter_combos:
            filters.addWidget(combo)
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

    def current_query(self) -> OrganisationQuery:
        return OrganisationQuery(
            text=self.search_edit.text().strip(),
            legal_form=self.legal_form_combo.currentData(),
            stage=self.stage_combo.currentData(),
            municipality_code=self.municipality_combo.currentData(),
            site_id=self.site_combo.currentData(),
        )

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_now(self, *_args) -> None:
        self.search_timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)

    def refresh(self) -> None:
        """Read the list again (after an organisation was added, changed or deleted)."""
        self.model.refresh()

    def _on_workspace_opened(self) -> None:
        self.model.set_query(self.current_query())
        if self._choices_loaded:
            return
        self._choices_loaded = True
        store = self.ctx.workspace.store
        self.ctx.operations.run(lambda: load_choices(store), on_success=self._on_choices, owner=self)

    def _on_choices(self, choices) -> None:
        sites, municipalities = choices
        short = short_site_names(sites)
        self.model.set_site_names(short)
        for site_id, name in sites.items():  # in the service's order (by name)
            self.site_combo.addItem(short[site_id], site_id)
            self.site_combo.setItemData(self.site_combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        podravje_done = False
        for code, name, is_podravje in municipalities:
            if not is_podravje and not podravje_done:
                podravje_done = True
                self.municipality_combo.insertSeparator(self.municipality_combo.count())
            self.municipality_combo.addItem(name, code)
        for combo in self.filter_combos:
            _fit_popup(combo)

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    # --- opening ---------------------------------------------------------------------------

    def _on_row_activated(self, index: QModelIndex) -> None:
        organisation_id = self.model.organisation_id(index.row())
        if organisation_id:
            log.info("Organisation %s opened from the list", organisation_id)
            self.organisation_activated.emit(organisation_id)
            self.open_organisation(organisation_id)

    def open_organisation(self, organisation_id: str):
        """Show the organisation's window (the one already open, if any) and return it."""
        from sociolab_desktop.ui.organisations.organisation_window import OrganisationWindow

        window = self.windows.get(organisation_id)
        if window is None:
            window = OrganisationWindow(self.ctx, organisation_id, self.window())
            window.changed.connect(self.refresh)
            window.open_requested.connect(self.open_organisation)
            window.destroyed.connect(lambda *_: self.windows.pop(organisation_id, None))
            self.windows[organisation_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_organisation(self):
        """Open the form for a new organisation (the open one, if it is already open)."""
        from sociolab_desktop.ui.organisations.organisation_form import OrganisationForm

        if not self.ctx.is_open:
            return None
        if self.form is None:
            self.form = OrganisationForm(self.ctx, None, self.window())
            self.form.saved.connect(self._on_created)
            self.form.open_requested.connect(self.open_organisation)
            self.form.finished.connect(self._on_form_finished)
        self.form.show()
        self.form.raise_()
        self.form.activateWindow()
        return self.form

    def _on_form_finished(self, _result: int) -> None:
        self.form.deleteLater()
        self.form = None

    def _on_created(self, organisation_id: str) -> None:
        self.refresh()
        self.open_organisation(organisation_id)  # next: link its people

    # --- words -----------------------------------------------------------------------------

    def _on_count_changed(self) -> None:
        self._show_count()
        total = self.model.total
        none_yet = total == 0 and self.model.query.is_everything
        if total == 0:
            self.list_stack.setCurrentIndex(NONE_YET if none_yet else NO_MATCH)
        else:
            self.list_stack.setCurrentIndex(TABLE)
        for widget in (*self.filter_combos, self.count_label):
            widget.setHidden(none_yet)  # nothing to filter or count yet

    def _show_count(self) -> None:
        tr, total = self.ctx.tr, self.model.total
        if total is None:
            self.count_label.setText(tr.gettext("Searching…"))
        else:
            self.count_label.setText(tr.ngettext("{count} organisation", "{count} organisations", total)
                                     .format(count=tr.format_number(total)))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.title_label.setText(_(AREA.title))
        self.body_label.setText(_(AREA.description))
        self.search_edit.setPlaceholderText(
            _("Search by name, registration or tax number, or e-mail (Ctrl+F)"))
        self.new_button.setText(_("New organisation…"))
        self.new_button.setToolTip(self.new_shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
        fill_combo(self.legal_form_combo, LEGAL_FORMS, tr, first=ANY_LEGAL_FORM)
        fill_combo(self.stage_combo, STAGES, tr, first=ANY_STAGE)
        for combo in (self.legal_form_combo, self.stage_combo):
            _fit_popup(combo)
        self.municipality_combo.setItemText(0, _(ALL_MUNICIPALITIES))
        self.site_combo.setItemText(0, _(ALL_SITES))
        self.none_yet_heading.setText(_("No organisations yet"))
        self.none_yet_text.setText(_(
            "Add the social enterprises, cooperatives and initiatives this info point supports; "
            "then link the people behind them and record every contact."))
        self.none_yet_button.setText(_("Add the first organisation…"))
        self.no_match_label.setText(_(
            "No organisation matches the search and filters. Check the spelling, or clear the "
            "search (Esc) and the filters."))
        self.model.retranslate(tr)
        self._show_count()
