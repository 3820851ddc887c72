"""The indicator table in two views side by side over one model: the indicators with their targets,
values and bars stay put on the left while the info points' columns scroll on the right (a
spreadsheet's frozen columns). A number opens its records on a click or Enter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from sociolab_desktop.ui.reports.indicator_bars import IndicatorBarDelegate
from sociolab_desktop.ui.reports.indicator_model import (
    CLICKABLE_ROLE,
    FIRST_SITE,
    PROGRESS,
    TARGET,
    TITLE,
    VALUE,
    IndicatorTableModel,
)

ROW_HEIGHT = 28
HEADER_HEIGHT = 30
COLUMN_WIDTHS = {TARGET: 64, VALUE: 76, PROGRESS: 150}
TITLE_MINIMUM = 240
SITE_MINIMUM = 80
# Left of the splitter: room for the titles first; the info points scroll in what is left.
MAIN_SHARE = 0.64
TITLE_PADDING = 4


class _TitleDelegate(QStyledItemDelegate):
    """A wrapped title gets a little air above and below, like a one-line row has."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + TITLE_PADDING)


class _NumberTable(QTableView):
    """A table whose numbers look and act like links: a hand over them, a click opens them."""

    number_chosen = Signal(QModelIndex)

    def __init__(self, object_name: str, model: IndicatorTableModel) -> None:
        super().__init__(objectName=object_name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setMouseTracking(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        self.horizontalHeader().setHighlightSections(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between numbers
        self.entered.connect(self._on_entered)
        self.clicked.connect(self._on_chosen)
        self.activated.connect(self._on_chosen)  # Enter (and a double-click: the page opens one list)

    def _on_entered(self, index: QModelIndex) -> None:
        shape = Qt.CursorShape.PointingHandCursor if index.data(CLICKABLE_ROLE) else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(QCursor(shape))

    def _on_chosen(self, index: QModelIndex) -> None:
        if index.data(CLICKABLE_ROLE):
            self.number_chosen.emit(index)


class IndicatorTables(QSplitter):
    number_chosen = Signal(str, object)  # the indicator's key, its info point (None: the total)

    def __init__(self, model: IndicatorTableModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("indicatorTables")
        self.setChildrenCollapsible(False)
        self.model = model
        self._sized = False  # the splitter's first sizes are set once; then the person's choice holds
        self.main = _NumberTable("indicatorTable", model)
        self.main.setItemDelegateForColumn(PROGRESS, IndicatorBarDelegate(self.main))
        self.main.setItemDelegateForColumn(TITLE, _TitleDelegate(self.main))
        self.main.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A long title wraps onto a second line rather than being cut; the info points' rows follow.
        self.main.setWordWrap(True)
        self.main.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.main.verticalHeader().sectionResized.connect(self._on_row_resized)
        self.sites = _NumberTable("indicatorSiteTable", model)
        self.sites.setWordWrap(False)
        self.sites.setSelectionModel(self.main.selectionModel())  # one current cell across both
        self.sites.horizontalHeader().setMinimumSectionSize(SITE_MINIMUM)
        self.addWidget(self.main)
        self.addWidget(self.sites)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        for table in (self.main, self.sites):
            table.number_chosen.connect(self._on_number_chosen)
        # The views scroll up and down together; the right one's bar serves both.
        self.main.verticalScrollBar().valueChanged.connect(self.sites.verticalScrollBar().setValue)
        self.sites.verticalScrollBar().valueChanged.connect(self.main.verticalScrollBar().setValue)
        model.modelReset.connect(self._lay_out)
        model.headerDataChanged.connect(self._fit_site_columns)
        self._lay_out()

    @property
    def has_site_columns(self) -> bool:
        return self.model.columnCount() > FIRST_SITE

    def _lay_out(self) -> None:
        header = self.main.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        columns = self.model.columnCount()
        for column in range(columns):
            self.main.setColumnHidden(column, column >= FIRST_SITE)
            self.sites.setColumnHidden(column, column < FIRST_SITE)
        self.sites.setVisible(self.has_site_columns)
        self.main.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if self.has_site_columns
                                             else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.main.setMinimumWidth(TITLE_MINIMUM + sum(COLUMN_WIDTHS.values()))
        self._fit_site_columns()
        for row in range(self.model.rowCount()):
            self.sites.setRowHeight(row, self.main.rowHeight(row))
        self._first_sizes()

    def _on_row_resized(self, row: int, _old: int, height: int) -> None:
        self.sites.setRowHeight(row, height)

    def _fit_site_columns(self, *_args) -> None:
        header = self.sites.horizontalHeader()
        for column in range(FIRST_SITE, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._first_sizes()

    def _first_sizes(self) -> None:
        if not self._sized and self.isVisible() and self.has_site_columns:
            self._sized = True
            main = max(int(self.width() * MAIN_SHARE), self.main.minimumWidth())
            self.setSizes([main, max(self.width() - main, SITE_MINIMUM)])

    def focus_first_number(self) -> None:
        if self.model.rowCount():
            self.main.setCurrentIndex(self.model.index(0, VALUE))
        self.main.setFocus()

    def _on_number_chosen(self, index: QModelIndex) -> None:
        scope = self.model.records_scope(index)
        if scope is not None:
            self.number_chosen.emit(*scope)
