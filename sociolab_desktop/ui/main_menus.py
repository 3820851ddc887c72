"""The main window's menu bar: File, Go, Settings and Help, with mnemonics and shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.areas import AREAS

# Language names are shown in their own language, so anyone can find theirs.
LANGUAGE_NAMES = (("sl", "Slovenščina"), ("en", "English"))


class MainMenus:
    """Builds the menus once; `retranslate` renames them; the window connects the actions."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.import_list = QAction(window, objectName="importListAction")
        self.export_data = QAction(window, objectName="exportAction")
        self.file_menu.addAction(self.import_list)
        self.file_menu.addAction(self.export_data)
        self.file_menu.addSeparator()
        self.switch_user = QAction(window, objectName="switchUserAction")
        self.quit = QAction(window, objectName="quitAction")
        self.file_menu.addAction(self.switch_user)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)

        self.go_menu = QMenu(window)
        self.area_group = QActionGroup(window)
        self.area_actions: list[QAction] = []
        for area in AREAS:
            action = QAction(window, objectName=f"goto_{area.key}")
            action.setCheckable(True)
            action.setData(area.key)
            self.area_group.addAction(action)
            self.go_menu.addAction(action)
            self.area_actions.append(action)

        self.settings_menu = QMenu(window)
        self.language_menu = QMenu(window)
        self.language_group = QActionGroup(window)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES:
            action = QAction(name, window, objectName=f"language_{code}")
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.rename_site = QAction(window, objectName="renameSiteAction")
        self.staff_members = QAction(window, objectName="staffMembersAction")
        self.document_logos = QAction(window, objectName="documentLogosAction")
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.rename_site)
        self.settings_menu.addAction(self.staff_members)
        self.settings_menu.addAction(self.document_logos)

        self.help_menu = QMenu(window)
        self.user_guide = QAction(window, objectName="userGuideAction")
        self.help_menu.addAction(self.user_guide)
        self.help_menu.addSeparator()
        self.about = QAction(window, objectName="aboutAction")
        self.help_menu.addAction(self.about)

        for menu in (self.file_menu, self.go_menu, self.settings_menu, self.help_menu):
            bar.addMenu(menu)

    def install_shortcuts(self) -> None:
        """Ctrl+Q, F1 and Ctrl+1 ... Ctrl+6. The first setShortcut builds PySide6's whole `Qt` enum
        namespace (~12 ms), so start-up calls this right after the window's first paint."""
        from PySide6.QtGui import QKeySequence

        self.quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        if self.quit.shortcut().isEmpty():  # Windows has no standard Quit key; staff expect Ctrl+Q
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.install_help_shortcut()
        for number, action in enumerate(self.area_actions, start=1):
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))

    def install_help_shortcut(self) -> None:
        """F1 (the platform's help key) opens the guide from every window of the program, not only
        this one: the person, event and check-in windows are where staff need it."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        self.user_guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        if self.user_guide.shortcut().isEmpty():
            self.user_guide.setShortcut(QKeySequence("F1"))
        self.user_guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def area_shortcut_texts(self) -> list[str]:
        """"Ctrl+1" … as this system writes them (once install_shortcuts has run)."""
        from PySide6.QtGui import QKeySequence

        return [action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for action in self.area_actions]

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.file_menu.setTitle(_("&File"))
        self.import_list.setText(_("&Import persons or organisations…"))
        self.export_data.setText(_("&Export…"))
        self.switch_user.setText(_("&Switch user…"))
        self.quit.setText(_("&Quit"))
        self.go_menu.setTitle(_("&Go"))
        for action, area in zip(self.area_actions, AREAS, strict=True):
            action.setText(_(area.title))
        self.settings_menu.setTitle(_("&Settings"))
        self.language_menu.setTitle(_("&Language"))
        self.rename_site.setText(_("&Info point…"))
        self.staff_members.setText(_("S&taff members…"))
        self.document_logos.setText(_("&Document logos…"))
        self.help_menu.setTitle(_("&Help"))
        self.user_guide.setText(_("&User guide"))
        self.about.setText(_("&About SocioLab Desk"))

    def set_workspace_actions_enabled(self, enabled: bool, *, is_admin: bool) -> None:
        """Before the data folder is open nothing can be changed; some changes are admin-only."""
        self.switch_user.setEnabled(enabled)
        self.import_list.setEnabled(enabled)
        self.export_data.setEnabled(enabled)
        self.language_menu.setEnabled(enabled)
        self.staff_members.setEnabled(enabled)
        self.rename_site.setEnabled(enabled and is_admin)
        self.document_logos.setEnabled(enabled and is_admin)

    def check_language(self, language: str) -> None:
        self.language_actions[language].setChecked(True)
