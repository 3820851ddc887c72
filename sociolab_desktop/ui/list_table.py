"""The read-only tables of whole rows that every list shows (clients, organisations, events,
mentoring sessions): compact fixed-height lines, no row numbers, columns of given widths."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from sociolab_desktop.ui.paged_list_model import ROW_ID_ROLE


def list_table(object_name: str, model, widths: dict[int, int] | None = None, *,
               stretch_column: int | None = None, tab_leaves: bool = True) -> QTableView:
    """A table over `model`; `stretch_column` takes the width the others leave (default: the last
    column). `tab_leaves`: Tab moves on to the next widget, the arrows move inside the table;
    otherwise Tab walks the cells first (Qt's default)."""
    table = QTableView(objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(not tab_leaves)
    rows = table.verticalHeader()
    rows.hide()
    # Fixed, compact rows: the view never measures rows it has not shown (100 000 persons), and
    # more of them fit a 768-pixel screen than at the default touch-sized 30 px.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    for column, width in (widths or {}).items():
        header.resizeSection(column, width)
    return table


def current_id(table: QTableView) -> str | None:
    """The id of the table's current row (None when no row is current)."""
    index = table.currentIndex()
    return index.siblingAtColumn(0).data(ROW_ID_ROLE) if index.isValid() else None
