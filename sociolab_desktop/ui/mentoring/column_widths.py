"""Column widths of the mentoring lists measured in the font and language shown, so every column
fits beside the totals at 1366 pixels: the long columns share what the short ones leave, and the
week and month totals are exactly as wide as their longest dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from sociolab_desktop.i18n import Translator

# A year of weeks and months: their longest text is the longest of any year (a week over the turn of a
# month in November or December writes the most digits).
_SAMPLE_MONDAY = dt.date(2028, 1, 3)
WEEK_SPANS = tuple((_SAMPLE_MONDAY + dt.timedelta(weeks=n), _SAMPLE_MONDAY + dt.timedelta(weeks=n, days=6))
                   for n in range(53))
MONTHS = tuple(dt.date(2028, month, 1) for month in range(1, 13))
SAMPLE_COUNT, SAMPLE_HOURS = 999, 999.5  # a period's sessions and hours as wide as they get


def share_the_rest(table: QTableView, columns: Iterable[int]) -> None:
    """`columns` share the width the other columns leave, so none is pushed out of view."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def _padding(table: QTableView) -> int:
    """A cell's margins and a little air: text this much narrower than its column is not elided."""
    return 2 * table.fontMetrics().horizontalAdvance("M")


def fit_totals(table: QTableView, tr: Translator, first_texts: Iterable[str]) -> int:
    """Size a totals table (period, sessions, hours) to its longest texts; the width it needs,
    frame and vertical scroll bar included."""
    cells, header = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    model, padding = table.model(), _padding(table)

    def heading(column: int) -> int:
        return header.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal)))

    widths = [
        max((cells.horizontalAdvance(text) for text in first_texts), default=0),
        cells.horizontalAdvance(tr.format_number(SAMPLE_COUNT)),
        cells.horizontalAdvance(tr.format_number(SAMPLE_HOURS)),
    ]
    widths = [max(width, heading(column)) + padding for column, width in enumerate(widths)]
    for column, width in enumerate(widths):
        table.horizontalHeader().resizeSection(column, width)
    return sum(widths) + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()


def week_texts(tr: Translator) -> list[str]:
    return [tr.format_date_span(first, last) for first, last in WEEK_SPANS]


def month_texts(tr: Translator) -> list[str]:
    return [tr.format_month(month) for month in MONTHS]
