"""The indicator table in two views side by side over one model: the indicators with their targets,
values and bars stay put on the left while the info points' columns scroll on the right (a
spreadsheet's frozen columns). A number opens its records on a click or Enter.

The info points get the room their columns need (a header on up to two lines, its full name in the
tooltip) and the titles wrap in what is left, so six info points fit beside the indicators on a
1366-pixel screen; only when they cannot (many info points, a narrow window) do they scroll."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCursor, QFontMetrics
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
# The least the fixed columns get; a longer header word or number widens them.
COLUMN_WIDTHS = {TARGET: 52, VALUE: 60, PROGRESS: 120}
TITLE_MINIMUM = 200
SITE_MINIMUM = 56
SITE_MAXIMUM = 130  # a longer name is cut on its second line; the tooltip has it whole
HEADER_LINES = 2
SCROLLING_MAIN_SHARE = 0.5  # the indicators' share of the width when the info points must scroll
TEXT_PADDING = 14  # a cell's or header section's margins around its text
TITLE_PADDING = 4


def two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width at which `text` wraps between its words onto at most two lines."""
    words = text.split()
    if len(words) < 2:
        return metrics.horizontalAdvance(text)
    return min(max(metrics.horizontalAdvance(" ".join(words[:cut])), metrics.horizontalAdvance(" ".join(words[cut:])))
               for cut in range(1, len(words)))


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
        self._moved = False  # the splitter follows the columns until the person moves it
        self.main = _NumberTable("indicatorTable", model)
        self.main.setItemDelegateForColumn(PROGRESS, IndicatorBarDelegate(self.main))
        self.main.setItemDelegateForColumn(TITLE, _TitleDelegate(self.main))
        self.main.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.main.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)  # headers wrap instead
        # A long title wraps onto a second line rather than being cut; the info points' rows follow.
        self.main.setWordWrap(True)
        self.main.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.main.verticalHeader().sectionResized.connect(self._on_row_resized)
        self.sites = _NumberTable("indicatorSiteTable", model)
        self.sites.setWordWrap(False)
        self.sites.setSelectionModel(self.main.selectionModel())  # one current cell across both
        self.sites.horizontalHeader().setMinimumSectionSize(SITE_MINIMUM)
        self.sites.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        # When the info points must scroll sideways, the left view keeps the same height of rows.
        self.sites.horizontalScrollBar().rangeChanged.connect(self._match_scroll_bars)
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
        model.headerDataChanged.connect(self._fit_columns)
        self.splitterMoved.connect(self._on_splitter_moved)
        self._lay_out()

    @property
    def has_site_columns(self) -> bool:
        return self.model.columnCount() > FIRST_SITE

    def _lay_out(self) -> None:
        header = self.main.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column in COLUMN_WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        columns = self.model.columnCount()
        for column in range(columns):
            self.main.setColumnHidden(column, column >= FIRST_SITE)
            self.sites.setColumnHidden(column, column < FIRST_SITE)
        self.sites.setVisible(self.has_site_columns)
        self.main.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if self.has_site_columns
                                             else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._fit_columns()
        self._match_scroll_bars()
        for row in range(self.model.rowCount()):
            self.sites.setRowHeight(row, self.main.rowHeight(row))

    def _on_row_resized(self, row: int, _old: int, height: int) -> None:
        self.sites.setRowHeight(row, height)

    # --- widths ------------------------------------------------------------------------------

    def _header_text(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")

    def _widest_number(self, column: int) -> int:
        metrics = self.sites.fontMetrics()
        return max((metrics.horizontalAdvance(str(self.model.index(row, column).data() or ""))
                    for row in range(self.model.rowCount())), default=0)

    def _fit_columns(self, *_args) -> None:
        """Each column as wide as its numbers and its header on two lines; the headers as tall as
        the tallest needs, the same on both sides so that the rows stay level."""
        metrics = self.main.horizontalHeader().fontMetrics()
        main_header, site_header = self.main.horizontalHeader(), self.sites.horizontalHeader()
        for column, least in COLUMN_WIDTHS.items():
            words = max((metrics.horizontalAdvance(word) for word in self._header_text(column).split()), default=0)
            main_header.resizeSection(column, max(least, words + TEXT_PADDING,
                                                  self._widest_number(column) + TEXT_PADDING))
        for column in range(FIRST_SITE, self.model.columnCount()):
            site_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            wanted = max(two_line_width(metrics, self._header_text(column)), self._widest_number(column))
            site_header.resizeSection(column, min(max(wanted + TEXT_PADDING, SITE_MINIMUM), SITE_MAXIMUM))
        self.main.setMinimumWidth(TITLE_MINIMUM + sum(main_header.sectionSize(column) for column in COLUMN_WIDTHS)
                                  + 2 * self.main.frameWidth())
        lines = max((self._header_lines(metrics, column) for column in range(self.model.columnCount())
                     if column != TITLE), default=1)
        height = max(HEADER_HEIGHT, min(lines, HEADER_LINES) * metrics.lineSpacing() + 10)
        main_header.setFixedHeight(height)
        site_header.setFixedHeight(height)
        self._fit_sizes()

    def _header_lines(self, metrics: QFontMetrics, column: int) -> int:
        header = self.main.horizontalHeader() if column < FIRST_SITE else self.sites.horizontalHeader()
        width = max(header.sectionSize(column) - TEXT_PADDING, 10)
        box = metrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), self._header_text(column))
        return max(1, round(box.height() / metrics.lineSpacing()))

    def sites_width_needed(self) -> int:
        """The right view's width that shows every info point's column without scrolling sideways
        (the room of the shared vertical scroll bar kept, so it never covers the last numbers)."""
        header = self.sites.horizontalHeader()
        columns = sum(header.sectionSize(column) for column in range(FIRST_SITE, self.model.columnCount()))
        return columns + 2 * self.sites.frameWidth() + self.sites.verticalScrollBar().sizeHint().width()

    def _match_scroll_bars(self, *_range) -> None:
        scrolls = self.has_site_columns and self.sites.horizontalScrollBar().maximum() > 0
        self.main.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if scrolls
                                               else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_sizes()

    def _on_splitter_moved(self, *_args) -> None:
        self._moved = True

    def _fit_sizes(self) -> None:
        """The info points get what their columns need, the titles the rest (never less than
        their minimum): the info points scroll only when they do not fit beside it."""
        if self._moved or not self.isVisible() or not self.has_site_columns:
            return
        room = self.width() - self.handleWidth()
        main = room - self.sites_width_needed()
        if main < self.main.minimumWidth():
            # They scroll anyway: the titles keep room for two lines rather than four.
            main = max(int(room * SCROLLING_MAIN_SHARE), self.main.minimumWidth())
        self.setSizes([main, max(room - main, SITE_MINIMUM)])

    def focus_first_number(self) -> None:
        if self.model.rowCount():
            self.main.setCurrentIndex(self.model.index(0, VALUE))
        self.main.setFocus()

    def _on_number_chosen(self, index: QModelIndex) -> None:
        scope = self.model.records_scope(index)
        if scope is not None:
            self.number_chosen.emit(*scope)
