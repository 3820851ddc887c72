"""A vertical split between two panes (a row of buttons over a table) sized so the upper table
shows whole rows: all of them up to a limit, while the lower one keeps a few."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTableView, QWidget

Pane = tuple[QWidget, QTableView, int]  # the pane, its table, and a number of rows


def table_height(table: QTableView, rows: int) -> int:
    """The height of a table that shows `rows` whole rows under its header."""
    bar = table.horizontalScrollBar()
    return (2 * table.frameWidth() + table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize() + (bar.sizeHint().height() if bar.isVisible() else 0))


def pane_height(pane: QWidget, table: QTableView, rows: int) -> int:
    """The height of a pane whose table shows `rows` rows: the rest of the pane as laid out now."""
    # The layout takes the larger of a table's size hint and its minimum height.
    table_now = max(table.sizeHint().height(), table.minimumHeight())
    return pane.sizeHint().height() - table_now + table_height(table, rows)


def fit_top_pane(splitter: QSplitter, top: Pane, bottom: Pane) -> None:
    """The top pane as tall as its table's rows, at most top's number of them, and never so tall
    that the bottom table shows fewer than bottom's number; the bottom pane gets the rest."""
    total = splitter.height() - splitter.handleWidth()
    if total <= 0:
        return  # not laid out yet: the resize that follows fits it
    (top_pane, top_table, most), (bottom_pane, bottom_table, least) = top, bottom
    top_table.setMinimumHeight(table_height(top_table, 1))  # Qt's default minimum is taller than two rows
    room = total - pane_height(bottom_pane, bottom_table, least)
    rows = min(max(top_table.model().rowCount(), 1), most)
    while rows > 1 and pane_height(top_pane, top_table, rows) > room:
        rows -= 1
    height = pane_height(top_pane, top_table, rows)
    splitter.setSizes([height, max(total - height, 0)])
