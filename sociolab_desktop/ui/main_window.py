"""The main window: navigation between the work areas, menus, status bar, remembered geometry."""

from __future__ import annotations

import binascii
import importlib

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from sociolab_desktop import APP_NAME
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.main_menus import MainMenus
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.status_bar import ShellStatusBar
from sociolab_desktop.ui.sync.controller import SyncController

# Nothing here touches PySide6's `Qt` namespace before the first paint: building it costs ~12 ms,
# a tenth of a bare window's start (areas are found by row, shortcuts may come later).

# Fits a 1366×768 screen with a task bar and the window frame; never smaller than a usable form.
DEFAULT_SIZE = QSize(1200, 680)
MINIMUM_SIZE = QSize(760, 520)
NAVIGATION_WIDTH = 200


# Each area's page is imported when the area is first shown (the Sync page also takes the
# window's sync controller).
AREA_PAGES = {
    "clients": ("sociolab_desktop.ui.clients.clients_page", "ClientsPage"),
    "organisations": ("sociolab_desktop.ui.organisations.organisations_page", "OrganisationsPage"),
    "mentoring": ("sociolab_desktop.ui.mentoring.mentoring_page", "MentoringPage"),
    "events": ("sociolab_desktop.ui.events.events_page", "EventsPage"),
    "reports": ("sociolab_desktop.ui.reports.reports_page", "ReportsPage"),
}


class MainWindow(QMainWindow):
    area_changed = Signal(str)
    closed = Signal()

    def __init__(self, ctx: ShellContext, *, defer_until_painted: bool = False) -> None:
        """`defer_until_painted`: the caller runs `finish_after_first_paint()` once the window has
        painted (start-up does): the shortcuts and the first area's page wait until then, so
        the window appears sooner."""
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setMinimumSize(MINIMUM_SIZE)

        self.navigation = QListWidget(objectName="navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setSpacing(2)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { border-right: 1px solid palette(mid); }"
            "QListWidget#navigation::item { padding: 8px 12px; }"
        )
        self.pages = QStackedWidget(objectName="areaPages")
        # An area's page is built when it is first shown: start-up needs only one, and the real
        # areas will be heavier than their empty states. Pages offer `retranslate(tr)`.
        self.area_pages: dict[str, QWidget] = {}
        self._current_area = AREAS[0].key
        for _area in AREAS:
            self.navigation.addItem(QListWidgetItem())

        central = QWidget(objectName="central")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        # A window narrower than an area's page scrolls it sideways instead of cutting off its
        # buttons and counts (the lists need about 1 070 px; the window may be half a screen).
        self.page_scroll = QScrollArea(objectName="areaScroll", widgetResizable=True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setWidget(self.pages)
        layout.addWidget(self.page_scroll, 1)
        self.setCentralWidget(central)

        self.menus = MainMenus(self)
        # Until the first paint the current area has no page yet (its import costs ~15 ms).
        self._pages_deferred = defer_until_painted
        self.status = ShellStatusBar(self)
        self.setStatusBar(self.status)
        # Rounds run on a timer whether or not the Sync area was ever opened; the status bar
        # shows their state.
        self.sync = SyncController(ctx, self)
        self.sync.changed.connect(self._show_sync_state)

        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        self.menus.area_group.triggered.connect(self._on_area_action_triggered)
        self.menus.quit.triggered.connect(self.close)
        self.menus.switch_user.triggered.connect(self.open_sign_in)
        self.menus.language_group.triggered.connect(self._on_language_triggered)
        self.menus.rename_site.triggered.connect(self.open_site_dialog)
        self.menus.staff_members.triggered.connect(self.open_staff_dialog)
        self.menus.import_list.triggered.connect(self.open_import_wizard)
        self.menus.export_data.triggered.connect(self.open_export_dialog)
        self.menus.document_logos.triggered.connect(self.open_document_settings)
        self.menus.about.triggered.connect(self.open_about)
        self.menus.user_guide.triggered.connect(self.open_user_guide)
        ctx.language_changed.connect(self.retranslate)
        ctx.workspace_opened.connect(self.refresh_state)
        ctx.signed_in_changed.connect(self.refresh_state)
        ctx.site_changed.connect(self.refresh_state)
        ctx.staff_changed.connect(self.refresh_state)

        self.menus.check_language(ctx.settings.language)
        self.refresh_state()
        self.show_area(AREAS[0].key)
        self._restore_geometry()
        self.navigation.setFocus()
        if not defer_until_painted:
            self.finish_after_first_paint()

    def finish_after_first_paint(self) -> None:
        # Every Qt class first touched from Python costs PySide6 its enum types (~0.3 ms each),
        # so the key sequences and the area pages wait until the window is on screen.
        self.menus.install_shortcuts()
        for row, shortcut in enumerate(self.menus.area_shortcut_texts()):
            self.navigation.item(row).setToolTip(shortcut)
        self._pages_deferred = False
        self.pages.setCurrentWidget(self.area_page(self._current_area))
        from PySide6.QtCore import Qt

        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab moves between the page's fields

    # --- areas -----------------------------------------------------------------------------

    def current_area(self) -> str:
        return self._current_area

    def area_page(self, key: str) -> QWidget:
        page = self.area_pages.get(key)
        if page is None:
            if key == "sync":
                from sociolab_desktop.ui.sync.sync_page import SyncPage

                page = SyncPage(self.ctx, self.sync)
            else:
                module_name, class_name = AREA_PAGES[key]
                page = getattr(importlib.import_module(module_name), class_name)(self.ctx)
            self.area_pages[key] = page
            self.pages.addWidget(page)
        return page

    def show_area(self, key: str) -> None:
        index = next(i for i, area in enumerate(AREAS) if area.key == key)
        self.navigation.setCurrentRow(index)

    def _on_navigation_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._current_area = AREAS[row].key
        if not self._pages_deferred:
            self.pages.setCurrentWidget(self.area_page(self._current_area))
        self.menus.area_actions[row].setChecked(True)
        self.area_changed.emit(AREAS[row].key)

    def _on_area_action_triggered(self, action) -> None:
        self.show_area(action.data())

    # --- language and state ----------------------------------------------------------------

    def retranslate(self) -> None:
        tr = self.ctx.tr
        self.menus.retranslate(tr)
        self.menus.check_language(tr.language)
        for row, area in enumerate(AREAS):
            self.navigation.item(row).setText(tr.gettext(area.title))
        for page in self.area_pages.values():
            page.retranslate(tr)
        self.status.retranslate(tr)
        self._show_sync_state()
        self._retranslate_title()

    def _retranslate_title(self) -> None:
        name = self.ctx.settings.site_name
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    def refresh_state(self) -> None:
        """Re-read what the status bar and menus show (after opening, signing in, renaming)."""
        member = self.ctx.current_staff()
        is_open = self.ctx.is_open
        self.menus.set_workspace_actions_enabled(is_open, is_admin=bool(member and member.is_admin))
        self.status.show_state(
            self.ctx.tr,
            self.ctx.settings.site_name,
            member.display_name if member else None,
            opening=not is_open,
        )
        self.retranslate()

    def _show_sync_state(self) -> None:
        from sociolab_desktop.ui.sync import sync_text

        tr, sync = self.ctx.tr, self.sync
        status = sync.snapshot.status if sync.snapshot else None
        text = sync_text.status_bar_text(tr, share_path=sync.share_path, busy=sync.busy, status=status)
        self.status.show_sync(text, sync_text.status_bar_tooltip(tr, status))

    def _on_language_triggered(self, action) -> None:
        self.ctx.set_language(action.data())

    # --- dialogs ---------------------------------------------------------------------------
    # Imported when first used: they load the services (and SQLAlchemy), which start-up defers.

    def open_sign_in(self):
        from sociolab_desktop.ui.sign_in_dialog import SignInDialog

        dialog = SignInDialog(self.ctx, self, at_start=False)
        dialog.open()
        return dialog

    def open_site_dialog(self):
        from sociolab_desktop.ui.site_dialog import SiteDialog

        dialog = SiteDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_staff_dialog(self):
        from sociolab_desktop.ui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_import_wizard(self):
        from sociolab_desktop.ui.importing import ImportWizard

        dialog = ImportWizard(self.ctx, self)
        dialog.imported.connect(self._on_imported)
        dialog.list_requested.connect(self.show_area)
        dialog.finished.connect(dialog.deleteLater)  # a read list can be large: do not keep it
        dialog.open()
        return dialog

    def _on_imported(self, kind: str, _count: int) -> None:
        """The list of what was imported reads again, if it is already built."""
        page = self.area_pages.get("clients" if kind == "people" else "organisations")
        refresh = getattr(page, "refresh", None) or getattr(getattr(page, "model", None), "refresh", None)
        if refresh is not None:
            refresh()

    def open_export_dialog(self):
        from sociolab_desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_document_settings(self):
        from sociolab_desktop.ui.document_settings_dialog import DocumentSettingsDialog

        dialog = DocumentSettingsDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_about(self):
        from sociolab_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.open()
        return dialog

    help_window = None  # the user guide once opened: one window, kept (hidden) when closed

    def open_user_guide(self):
        """The guide (F1) at the section for what is on screen; it closes with this window."""
        from sociolab_desktop.ui.help_window import HelpWindow, section_for

        section = section_for(self._current_area)
        if self.help_window is None:
            self.help_window = HelpWindow(self.ctx)
            self.closed.connect(self.help_window.close)
        self.help_window.present(section)
        return self.help_window

    # --- geometry --------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        available = self.screen().availableGeometry().size()
        self.resize(DEFAULT_SIZE.boundedTo(available))
        saved = self.ctx.settings.window_geometry
        if saved:
            # Qt keeps a restored window on a screen that still exists.
            self.restoreGeometry(binascii.a2b_base64(saved))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        if self.ctx.is_open:
            self.ctx.save_settings()
        self.sync.stop()
        super().closeEvent(event)
        self.closed.emit()
