"""The indicator table's room at an office screen's size: the info points' columns beside the
indicators without scrolling when they fit (six on a 1366-pixel screen), headers on at most two
lines with the whole name in the tooltip, the shared scroll bar never over the last numbers."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from reports_helpers import show_page, wait_counted

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.services import sites
from sociolab_desktop.ui.reports.indicator_model import (
    FIRST_SITE,
    PROGRESS,
    TARGET,
    TITLE,
    VALUE,
)
from sociolab_desktop.ui.reports.indicator_tables import (
    HEADER_LINES,
    TEXT_PADDING,
    TITLE_MINIMUM,
)

# The Reports page in the main window on a 1366 × 728 screen (the navigation takes the rest).
PAGE_SIZE = (1166, 660)
PLACES = ("Lenart (demo)", "Ormož (demo)", "Ptuj (demo)", "Slovenska Bistrica (demo)", "Ormož – Središče ob Dravi",
          "Ruše", "Gornja Radgona", "Slovenske Konjice", "Murska Sobota", "Sveti Jurij v Slovenskih goricah")


def _add_info_points(workspace, count: int) -> None:
    """`count` info points in all (this PC's own is one), with names as long as the demo's."""
    for place in PLACES[:count - 1]:
        sites.create_site(workspace.store, new_key(), f"Informacijska točka {place}", "sl")


def _shown(qtbot, ctx, size):
    """The page shown, counted and laid out (the splitter settles an event later than the show)."""
    page = show_page(qtbot, ctx, size)
    tables = page.tables
    qtbot.waitUntil(lambda: sum(tables.sizes()) + tables.handleWidth() == tables.width())
    return page


def _site_columns(page) -> range:
    return range(FIRST_SITE, page.model.columnCount())


def _lines(table, column: int) -> int:
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    text = table.model().headerData(column, Qt.Orientation.Horizontal)
    box = metrics.boundingRect(QRect(0, 0, header.sectionSize(column) - TEXT_PADDING, 10_000),
                               int(Qt.TextFlag.TextWordWrap), text)
    return round(box.height() / metrics.lineSpacing())


def _number_rect_visible(table, row: int, column: int) -> bool:
    rect = table.visualRect(table.model().index(row, column))
    return table.viewport().rect().contains(rect.topLeft()) and table.viewport().rect().right() >= rect.right()


def test_six_info_points_fit_beside_the_indicators_on_a_1366_pixel_screen(qtbot, ctx, workspace):
    _add_info_points(workspace, 6)
    page = _shown(qtbot, ctx, PAGE_SIZE)
    tables = page.tables
    assert len(_site_columns(page)) == 6
    assert tables.sites.horizontalScrollBar().maximum() == 0  # nothing behind a sideways scroll bar
    for column in _site_columns(page):
        assert _number_rect_visible(tables.sites, 0, column), page.model.headerData(column, Qt.Orientation.Horizontal)
        assert _lines(tables.sites, column) <= HEADER_LINES
        # Short names in the header, the whole name in its tooltip.
        assert page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole).startswith(
            "Informacijska točka ")
    assert tables.main.columnWidth(TITLE) >= TITLE_MINIMUM - 1
    assert tables.main.horizontalHeader().height() == tables.sites.horizontalHeader().height()


def test_the_vertical_scroll_bar_never_covers_the_last_info_points_numbers(qtbot, ctx, workspace):
    _add_info_points(workspace, 6)
    page = _shown(qtbot, ctx, (PAGE_SIZE[0], 420))  # too low for every row: the rows scroll
    sites_table = page.tables.sites
    assert sites_table.verticalScrollBar().isVisible()
    last = page.model.columnCount() - 1
    assert sites_table.horizontalScrollBar().maximum() == 0
    assert _number_rect_visible(sites_table, 0, last)


def test_two_info_points_leave_the_titles_the_rest_of_the_width(qtbot, ctx, workspace):
    _add_info_points(workspace, 2)
    page = _shown(qtbot, ctx, PAGE_SIZE)
    tables = page.tables
    main, right = tables.sizes()
    assert right == tables.sites_width_needed() and main > right
    assert tables.main.columnWidth(TITLE) > 400


def test_ten_info_points_scroll_sideways_while_the_indicators_keep_their_room(qtbot, ctx, workspace):
    _add_info_points(workspace, 10)
    page = _shown(qtbot, ctx, PAGE_SIZE)
    tables = page.tables
    assert len(_site_columns(page)) == 10
    assert tables.sites.horizontalScrollBar().maximum() > 0
    assert tables.main.width() >= tables.main.minimumWidth()
    main, right = tables.sizes()
    assert abs(main - right) <= 1  # scrolling anyway, the titles keep half the width
    for column in (TARGET, VALUE, PROGRESS):
        assert tables.main.columnWidth(column) > 0
    # Both views keep the same height of rows, so the rows stay level when scrolled to the end.
    assert tables.main.viewport().height() == tables.sites.viewport().height()


def test_the_person_moving_the_divider_is_not_undone_by_a_recount_or_a_new_language(qtbot, ctx, workspace):
    _add_info_points(workspace, 3)
    page = _shown(qtbot, ctx, PAGE_SIZE)
    tables = page.tables
    tables.moveSplitter(500, 1)
    chosen = tables.sizes()
    page.count()
    wait_counted(qtbot, page)
    ctx.set_language("en", save=False)
    page.retranslate(ctx.tr)
    page.resize(PAGE_SIZE[0], PAGE_SIZE[1] - 10)
    qtbot.wait(50)  # what the layout does after a resize happens in the event loop
    assert tables.sizes()[0] == chosen[0]


def test_in_english_the_headers_are_fitted_again(qtbot, ctx, workspace):
    _add_info_points(workspace, 6)
    page = _shown(qtbot, ctx, PAGE_SIZE)
    ctx.set_language("en", save=False)
    page.retranslate(ctx.tr)  # the main window does this for its pages
    assert page.model.headerData(PROGRESS, Qt.Orientation.Horizontal) == "Against the target"
    assert _lines(page.tables.main, PROGRESS) <= HEADER_LINES
    assert page.tables.sites.horizontalScrollBar().maximum() == 0
