"""The main window: areas by keyboard, status bar, remembered geometry, live language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from ui_helpers import show_main_window

from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(ctx, qtbot) -> MainWindow:
    return show_main_window(qtbot, ctx)


def _visible_texts(window: MainWindow) -> set[str]:
    page = window.pages.currentWidget()
    return {page.title_label.text(), page.body_label.text()}


def test_ctrl_number_visits_every_area_and_shows_its_page(window, qtbot, ctx):
    for number, area in reversed(list(enumerate(AREAS, start=1))):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == area.key
        page = window.pages.currentWidget()
        assert page.isVisible()
        assert page.title_label.text() == ctx.tr.gettext(area.title)
        assert page.body_label.text() == ctx.tr.gettext(area.description)
        assert window.navigation.currentRow() == number - 1


def test_arrow_keys_in_the_navigation_switch_areas(window, qtbot):
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_area() == AREAS[1].key
    qtbot.keyClick(window.navigation, Qt.Key.Key_End)
    assert window.current_area() == AREAS[-1].key


def test_clicking_an_area_in_the_navigation_shows_it(window, qtbot):
    item = window.navigation.item(3)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_area() == AREAS[3].key


def test_status_bar_names_the_info_point_and_who_is_signed_in(window, ctx):
    _ = ctx.tr.gettext
    assert window.status.site_label.text() == _("Info point: {name}").format(
        name="Informacijska točka Maribor"
    )
    assert window.status.staff_label.text() == _("Signed in: {name}").format(name="Mojca Žagar")
    assert "Informacijska točka Maribor" in window.windowTitle()


def test_menus_have_mnemonics_and_quit_has_ctrl_q(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert all("&" in title for title in titles), titles
    assert window.menus.quit.shortcut().toString() == "Ctrl+Q"


def test_geometry_is_remembered_across_two_windows(ctx, qtbot, workspace):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(QRect(10, 20, 780, 600))
    qtbot.waitUntil(lambda: first.width() == 780)
    first.close()
    assert load_settings(workspace.paths.settings).window_geometry

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (780, 600)


def test_default_size_fits_a_1366_by_768_screen(ctx, qtbot):
    ctx.settings.window_geometry = None
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.width() <= 1366 and win.height() <= 768 - 40 - 30
    assert win.minimumWidth() <= 1024 and win.minimumHeight() <= 600


@pytest.mark.parametrize("width", [760, 1366])
def test_a_narrow_window_scrolls_the_page_sideways_instead_of_cutting_it_off(window, qtbot, width):
    window.resize(width, 700)
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: window.page_scroll.viewport().width() < width)
    needed = page.minimumSizeHint().width()
    assert page.width() >= needed  # the count and the last button keep their room
    # what does not fit can be scrolled to; a wide window has nothing to scroll
    sideways = window.page_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: sideways.maximum() == max(0, page.width() - window.page_scroll.viewport().width()))
    assert (sideways.maximum() > 0) is (width == 760)


def test_about_shows_version_and_folders_as_selectable_text(window, qtbot, ctx):
    from sociolab_desktop import __version__

    dialog = window.open_about()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert __version__ in text
    assert str(ctx.paths.root) in text and str(ctx.paths.logs) in text
    assert dialog.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    dialog.reject()
