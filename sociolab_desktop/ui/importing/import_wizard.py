"""The import window: choose the list, map its columns, check the rows, import — in four steps.

Opened from an event's window (`event_id`), it imports registrations for that event only.

Enter moves on (Next, then Import), Esc cancels, Back returns to change the mapping. After the
commit page there is no way back: the rows are written, and the last page says what happened.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget, QWizard

from sociolab_desktop.core.services.importing import PEOPLE
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.importing.import_state import ImportState
from sociolab_desktop.ui.importing.mapping_page import MappingPage
from sociolab_desktop.ui.importing.preview_page import PreviewPage
from sociolab_desktop.ui.importing.result_page import ResultPage
from sociolab_desktop.ui.importing.source_page import SourcePage
from sociolab_desktop.ui.shell_context import ShellContext

SOURCE, MAPPING, PREVIEW, RESULT = range(4)
# The main window's area that lists what was imported.
LIST_AREAS = {"people": "clients", "organisations": "organisations"}
Button = QWizard.WizardButton
STEP_BUTTONS = [Button.Stretch, Button.BackButton, Button.NextButton, Button.CommitButton, Button.FinishButton,
                Button.CancelButton]
# Once written there is nothing to cancel: Close, and Open the list when records were added.
DONE_BUTTONS = [Button.Stretch, Button.FinishButton]
DONE_WITH_LIST_BUTTONS = [Button.Stretch, Button.CustomButton1, Button.FinishButton]


class ImportWizard(QWizard):
    imported = Signal(str, int)  # kind ("people" or "organisations"; also "people" for registrations), count
    list_requested = Signal(str)  # the area to show ("clients" or "organisations")

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None, *, event_id: str | None = None,
                 event_title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.ctx = ctx
        self.state = ImportState()
        self.event_title = event_title if event_id else ""
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonLayout(STEP_BUTTONS)
        self.source_page = SourcePage(ctx, self.state)
        self.mapping_page = MappingPage(ctx, self.state)
        self.preview_page = PreviewPage(ctx, self.state)
        self.result_page = ResultPage(ctx, self.state)
        if event_id:
            self.source_page.preset_event(event_id, event_title)
        for page_id, page in enumerate((self.source_page, self.mapping_page, self.preview_page, self.result_page)):
            self.setPage(page_id, page)
        self.result_page.finished_importing.connect(self._on_finished_importing)
        self.result_page.completeChanged.connect(self._lock_while_importing)
        self.customButtonClicked.connect(self._on_custom_button)
        self.resize(980, 640)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        if self.event_title:
            self.setWindowTitle(_("Import registrations for “{title}”").format(title=self.event_title))
        else:
            self.setWindowTitle(_("Import persons or organisations"))
        # Qt's own Slovenian catalogue lacks the wizard's buttons (PITFALLS.md): our words instead.
        for button, text in ((Button.BackButton, _("Back")), (Button.NextButton, _("Next")),
                             (Button.CommitButton, _("Import")), (Button.FinishButton, _("Close")),
                             (Button.CancelButton, _("Cancel")), (Button.CustomButton1, _("Open the list"))):
            self.setButtonText(button, text)
        for page in (self.source_page, self.mapping_page, self.preview_page, self.result_page):
            page.retranslate(tr)

    # --- while and after writing -----------------------------------------------------------

    def is_importing(self) -> bool:
        return self.result_page.importing

    def _lock_while_importing(self) -> None:
        self.button(Button.CancelButton).setEnabled(not self.is_importing())

    def _on_finished_importing(self, wrote: bool) -> None:
        result = self.state.result
        # Registrations show in the event's window, which follows `imported`: no list to open here.
        with_list = wrote and self.state.event_id is None
        self.setOption(QWizard.WizardOption.HaveCustomButton1, with_list)
        self.setButtonLayout(DONE_WITH_LIST_BUTTONS if with_list else DONE_BUTTONS)
        if wrote:
            self.imported.emit(result.plan.kind, result.imported)
        self.button(Button.FinishButton).setFocus()

    def _on_custom_button(self, which: int) -> None:
        if which == Button.CustomButton1.value and self.state.result is not None:
            self.list_requested.emit(LIST_AREAS.get(self.state.result.plan.kind, LIST_AREAS[PEOPLE]))
            self.accept()

    def reject(self) -> None:
        if self.is_importing():  # the transaction finishes first; then the window may close
            return
        self.preview_page.abandon_check()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if self.is_importing():
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.is_importing():
            event.ignore()
            return
        super().closeEvent(event)
