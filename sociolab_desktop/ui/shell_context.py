"""What the windows share: the data folder, its settings, the translator and who is signed in.

Services are imported inside the methods that call them: the main window is shown before
SQLAlchemy (~0.2 s to import) is loaded, and the workspace is opened after it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from sociolab_desktop.i18n import Translator
from sociolab_desktop.paths import DataPaths
from sociolab_desktop.settings import Settings

if TYPE_CHECKING:
    from sociolab_desktop.core.services.dto import StaffMember
    from sociolab_desktop.ui.operations import OperationRunner
    from sociolab_desktop.ui.qt_translations import QtTranslators
    from sociolab_desktop.workspace import Workspace

TranslatorFactory = Callable[[str], Translator]


class ShellContext(QObject):
    workspace_opened = Signal()
    language_changed = Signal()
    signed_in_changed = Signal()
    site_changed = Signal()
    staff_changed = Signal()

    def __init__(
        self,
        paths: DataPaths,
        settings: Settings,
        *,
        translator_factory: TranslatorFactory = Translator,
        qt_translators: "QtTranslators | None" = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        # Until the workspace is open these are the settings read ahead to show the window early.
        self.settings = settings
        self.workspace: "Workspace | None" = None
        self._translator_factory = translator_factory
        self._qt_translators = qt_translators
        self.tr = translator_factory(settings.language)
        if qt_translators is not None:
            qt_translators.install(self.tr)
        self._operations: "OperationRunner | None" = None

    @property
    def operations(self) -> "OperationRunner":
        """Runs slow work off the GUI thread (ui/operations.py); made when first needed, after
        the first paint (its queued connections build PySide6's slow `Qt` namespace)."""
        if self._operations is None:
            from sociolab_desktop.ui.operations import OperationRunner

            self._operations = OperationRunner(lambda: self.tr, self)
        return self._operations

    def wait_for_operations(self) -> None:
        """Before the workspace closes: let running work finish, drop what has not started."""
        if self._operations is not None:
            self._operations.shutdown()

    # --- workspace -------------------------------------------------------------------------

    def attach_workspace(self, workspace: "Workspace") -> None:
        self.workspace = workspace
        self.settings = workspace.settings
        if self.tr.language != workspace.settings.language:
            self._switch_translator(workspace.settings.language)
        self.workspace_opened.emit()

    @property
    def is_open(self) -> bool:
        return self.workspace is not None

    def save_settings(self) -> None:
        if self.workspace is not None:
            self.workspace.save_settings()

    def dispose(self) -> None:
        """Give Qt its own texts back (tests create many contexts in one application)."""
        self.wait_for_operations()
        if self._qt_translators is not None:
            self._qt_translators.remove()

    # --- language --------------------------------------------------------------------------

    def set_language(self, language: str, *, save: bool = True) -> None:
        """Switch every window to `language` now; `save=False` previews it (first run)."""
        self.settings.language = language
        if save:
            self.save_settings()
        if language != self.tr.language:
            self._switch_translator(language)
            self.language_changed.emit()

    def _switch_translator(self, language: str) -> None:
        self.tr = self._translator_factory(language)
        if self._qt_translators is not None:
            self._qt_translators.install(self.tr)

    # --- who is at the keyboard ------------------------------------------------------------

    def current_staff(self) -> "StaffMember | None":
        if self.workspace is None or not self.settings.current_staff_id:
            return None
        from sociolab_desktop.core.services import staff

        return staff.get_staff(self.workspace.store, self.settings.current_staff_id)

    def needs_sign_in(self) -> bool:
        member = self.current_staff()
        return member is None or not member.is_active

    def sign_in(self, staff_id: str) -> None:
        """Remember on this PC who is at the keyboard; the workspace's actor follows."""
        self.settings.current_staff_id = staff_id
        self.save_settings()
        self.signed_in_changed.emit()

    def is_admin(self) -> bool:
        member = self.current_staff()
        return bool(member and member.is_admin and member.is_active)

    # --- info point ------------------------------------------------------------------------

    def site_renamed(self, name: str) -> None:
        self.settings.site_name = name
        self.save_settings()
        self.site_changed.emit()
