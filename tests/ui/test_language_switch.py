"""Changing the language in Settings takes effect at once, everywhere, without losing the place."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sociolab_desktop.i18n import Translator
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.qt_translations import QtTranslators
from sociolab_desktop.ui.shell_context import ShellContext


@pytest.fixture
def window(ctx, qtbot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _shown_texts(window: MainWindow) -> dict[str, str]:
    page = window.pages.currentWidget()
    return {
        "navigation": window.navigation.item(0).text(),
        "file menu": window.menus.file_menu.title(),
        "settings menu": window.menus.settings_menu.title(),
        "page title": page.title_label.text(),
        "page description": page.body_label.text(),
        "site": window.status.site_label.text(),
        "staff": window.status.staff_label.text(),
    }


def _expected_texts(window: MainWindow, tr: Translator) -> dict[str, str]:
    _ = tr.gettext
    area = next(a for a in AREAS if a.key == window.current_area())
    return {
        "navigation": _("Clients"),
        "file menu": _("&File"),
        "settings menu": _("&Settings"),
        "page title": _(area.title),
        "page description": _(area.description),
        "site": _("Info point: {name}").format(name="Informacijska točka Maribor"),
        "staff": _("Signed in: {name}").format(name="Mojca Žagar"),
    }


def test_switching_to_english_and_back_changes_every_visible_text(window, ctx, workspace):
    window.show_area("events")
    slovenian = _shown_texts(window)
    assert slovenian == _expected_texts(window, ctx.tr)
    assert slovenian["navigation"] == "Stranke"

    window.menus.language_actions["en"].trigger()
    english = _shown_texts(window)
    assert english == _expected_texts(window, Translator("en"))
    assert english["navigation"] == "Clients"
    assert all(english[key] != slovenian[key] for key in ("navigation", "file menu", "page title"))
    assert window.menus.language_actions["en"].isChecked()
    assert load_settings(workspace.paths.settings).language == "en"
    # Nothing is lost: same area, same data folder, same person signed in.
    assert window.current_area() == "events"
    assert ctx.workspace is workspace

    window.menus.language_actions["sl"].trigger()
    assert _shown_texts(window) == slovenian
    assert load_settings(workspace.paths.settings).language == "sl"


def test_standard_buttons_follow_the_language_switch(window, ctx, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == ctx.tr.gettext("Cancel")
    window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel")
    window.menus.language_actions["sl"].trigger()
    qtbot.waitUntil(lambda: box.button(QMessageBox.StandardButton.Cancel).text() == "Prekliči")


def test_real_slovenian_catalogue_translates_the_shell(workspace, qapp, qtbot):
    """With the project's own Slovenian catalogue (no stand-in), the shell reads Slovenian."""
    ctx = ShellContext(workspace.paths, workspace.settings, qt_translators=QtTranslators(qapp))
    try:
        ctx.attach_workspace(workspace)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        assert win.navigation.item(0).text() == "Stranke"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Prekliči"
    finally:
        ctx.dispose()
