"""Register a new person or edit one: the form, saving through the persons service off the GUI
thread, every refused field marked at once, the duplicate prompt, and the unsaved-changes question."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.persons import (
    PersonDetail,
    PersonValidationError,
    PossibleDuplicate,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.questions import SAVE, ask_unsaved_changes
from sociolab_desktop.ui.labels import area_title
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.persons.duplicate_dialog import DuplicateDialog
from sociolab_desktop.ui.persons.municipality_picker import (
    country_choices,
    municipality_choices,
)
from sociolab_desktop.ui.persons.person_form_errors import FormErrors
from sociolab_desktop.ui.persons.person_form_fields import (
    ERROR_COLOUR,
    INVALID,
    PersonFormFields,
)
from sociolab_desktop.ui.persons.person_form_values import (
    FormReading,
    read_form,
    show_new,
    show_person,
    snapshot,
)
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

NOT_EDITABLE = {
    "merged": N_("This record was merged into another person's record; open and edit that one instead."),
    "erased": N_("This person's data was erased; the record cannot be edited."),
    "missing": N_("The person was not found; the list may be out of date. Refresh it and try again."),
}
# A refused field is framed in the error colour; the message under it says why.
INVALID_STYLE = "".join(
    f'{kind}[{INVALID}="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}'
    for kind in ("QLineEdit", "QComboBox", "QPlainTextEdit")
)
PREFERRED_SIZE = (1180, 760)


@dataclass(frozen=True)
class FormData:
    """What the form needs before it can be used, read in a worker."""

    sites: list
    municipalities: list
    countries: list
    person: PersonDetail | None


def load_form_data(store, person_id: str | None, babel_locale: str) -> FormData:
    from sociolab_desktop.core.services.persons import get_person
    from sociolab_desktop.core.services.sites import list_sites

    person = get_person(store, person_id) if person_id else None
    return FormData(list_sites(store), municipality_choices(), country_choices(babel_locale), person)


def save_person(store, actor, person_id: str | None, reading: FormReading, allow_duplicates: bool):
    """In a worker: create (refused as PossibleDuplicate unless allowed) or update."""
    from sociolab_desktop.core.services import persons

    today = dt.date.today()
    if person_id is None:
        return persons.create_person(store, actor, reading.data, today=today, allow_duplicates=allow_duplicates)
    return persons.update_person(store, actor, person_id, reading.data, today=today)


class PersonFormDialog(QDialog):
    saved = Signal(str)  # the person's id, after the record was written
    existing_chosen = Signal(str)  # "Open existing" in the duplicate prompt: that person's id

    def __init__(self, ctx: ShellContext, person_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personFormDialog")
        self.ctx = ctx
        self.person_id = person_id
        self.person: PersonDetail | None = None
        self.saved_person: PersonDetail | None = None
        self.existing_person_id: str | None = None
        self.duplicate_dialog: DuplicateDialog | None = None
        self.question_box: QMessageBox | None = None  # "save the changes?" while it is shown
        self.opened_window: QWidget | None = None
        self._ready = False
        self._busy = False
        self._baseline: tuple | None = None

        self.title_label = area_title("personFormTitle")
        self.summary = InlineError()
        self.summary.setObjectName("personFormSummary")
        self.summary.setStyleSheet(f"QLabel#personFormSummary {{ color: {ERROR_COLOUR}; }}")
        self.fields = PersonFormFields()
        self.error_display = FormErrors(self.fields, self.summary)
        self.scroll = QScrollArea(objectName="personFormScroll", widgetResizable=True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from Cancel back to the first name
        self.scroll.setWidget(self.fields)
        self.scroll.viewport().installEventFilter(self)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setObjectName("saveButton")
        self.cancel_button.setObjectName("cancelButton")
        self.save_button.setDefault(True)  # Enter in any one-line field saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.fields.tab_chain()[-1], self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        self.setStyleSheet(INVALID_STYLE)
        self._fit_screen()

        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        if person_id is None:
            # Typing may start at once; the lists arrive in a moment and only saving waits for them.
            show_new(self.fields, ctx.settings.site_id, dt.date.today(), ctx.tr)
            self._baseline = snapshot(self.fields)
            self.save_button.setEnabled(False)
        else:
            self._set_enabled(False)
        store = ctx.workspace.store
        locale = ctx.tr.babel_locale
        ctx.operations.run(lambda: load_form_data(store, person_id, locale), on_success=self._on_loaded,
                           on_failure=self._on_load_failed, owner=self)
        self.fields.widgets["first_name"].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.fields.arrange(side_by_side=event.size().width() >= self.fields.width_for_two_columns())
        return super().eventFilter(watched, event)

    def _fit_screen(self) -> None:
        """As large as the form wants, but inside the screen (1366×768 with a task bar); the
        scroll area takes what does not fit."""
        width, height = PREFERRED_SIZE
        screen = (self.parentWidget().screen() if self.parentWidget() else None) or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 40), min(height, available.height() - 50)
        self.resize(width, height)
        self.setMinimumSize(min(width, 720), min(height, 480))

    # --- loading ---------------------------------------------------------------------------

    def _on_loaded(self, data: FormData) -> None:
        self.fields.set_choices(data.sites, data.municipalities, data.countries)
        if self.person_id is not None:
            person = data.person
            if person is None or person.is_deleted:
                self._refuse_editing("missing")
                return
            self.person = person
            show_person(self.fields, person, self.ctx.tr)
            self._baseline = snapshot(self.fields)
            self.retranslate(self.ctx.tr)
            if person.erased_at is not None:
                self._refuse_editing("erased")
                return
            if person.merged_into_id:
                self._refuse_editing("merged")
                return
        self._ready = True
        self._set_enabled(True)
        if self.person_id is not None:
            self.fields.widgets["first_name"].setFocus()
        log.debug("Person form ready (%s)", self.person_id or "new")

    def _on_load_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.error_display.show_message(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    def _refuse_editing(self, reason: str) -> None:
        self.error_display.show_message(UserError(NOT_EDITABLE[reason]), self.ctx.tr)
        self.fields.setEnabled(reason != "missing")
        self.save_button.setEnabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        self.fields.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        if enabled:
            # While it was disabled Qt made Cancel the default button; Enter saves again.
            self.save_button.setDefault(True)

    # --- saving ----------------------------------------------------------------------------

    @property
    def is_ready(self) -> bool:
        """The lists (and the person being edited) have arrived: the form can be saved."""
        return self._ready

    @property
    def is_busy(self) -> bool:
        """A save is on its way to the database."""
        return self._busy

    def has_changes(self) -> bool:
        return self._baseline is not None and snapshot(self.fields) != self._baseline

    def accept(self) -> None:
        """Enter and the Save button save; the form closes once the record is written."""
        self.save()

    def save(self, *, allow_duplicates: bool = False) -> None:
        if self._busy or not self._ready:
            return
        reading = read_form(self.fields)
        store, actor, person_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.person_id
        self._busy = True
        self.save_button.setEnabled(False)
        self.ctx.operations.run(
            lambda: save_person(store, actor, person_id, reading, allow_duplicates),
            on_success=self._on_saved,
            on_failure=lambda error: self._on_save_failed(error, reading),
            owner=self,
        )

    def _on_saved(self, person: PersonDetail) -> None:
        self._busy = False
        self.saved_person = person
        log.info("Person %s %s from the form", person.id, "saved" if self.person_id else "registered")
        self.saved.emit(person.id)
        super().done(QDialog.DialogCode.Accepted)

    def _on_save_failed(self, error: BaseException, reading: FormReading) -> None:
        self._busy = False
        self._set_enabled(True)
        if isinstance(error, PersonValidationError):
            first = self.error_display.show_refusal(error, error.errors, reading.local_errors, self.ctx.tr)
            self.scroll.ensureWidgetVisible(first, 40, 40)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            log.info("Person form refused: %d fields", len(self.error_display.shown))
        elif isinstance(error, PossibleDuplicate):
            self.error_display.clear(self.ctx.tr)
            self._ask_about_duplicates(error)
        elif isinstance(error, UserError):
            self.error_display.show_message(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)

    # --- duplicates ------------------------------------------------------------------------

    def _ask_about_duplicates(self, error: PossibleDuplicate) -> None:
        dialog = DuplicateDialog(self.ctx, error.candidates, self)
        dialog.open_existing.connect(self._open_existing)
        dialog.save_anyway.connect(lambda: self.save(allow_duplicates=True))
        self.duplicate_dialog = dialog
        log.info("Possible duplicates shown: %d", len(error.candidates))
        dialog.open()

    def _open_existing(self, person_id: str) -> None:
        """Staff recognised the person: drop this entry and open the existing record."""
        self.existing_person_id = person_id
        self.existing_chosen.emit(person_id)
        self.opened_window = self._open_person_window(person_id)
        super().done(QDialog.DialogCode.Rejected)

    def _open_person_window(self, person_id: str) -> QWidget:
        """The existing person's window (one per person), beside the caller's window."""
        from sociolab_desktop.ui.persons.person_window import open_person_window

        return open_person_window(self.ctx, person_id, self.parentWidget())

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: ask first when something was changed."""
        if self._busy:
            return  # the record is being written; the form closes by itself when it is
        if self.isVisible() and self._ready and self.has_changes():  # a hidden form cannot ask
            self.ask_unsaved_changes()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    def ask_unsaved_changes(self) -> QMessageBox:
        """Save, close without saving, or keep editing (Esc); the form stays open while it asks."""
        _ = self.ctx.tr.gettext
        return ask_unsaved_changes(self, self.ctx.tr, _("Save the changes to this person?"), self._on_unsaved_answer,
                                   informative=_("You changed the form and have not saved it yet."))

    def _on_unsaved_answer(self, answer: str) -> None:
        if answer == SAVE:
            self.save()
        else:
            super().reject()

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        if self._ready:  # the countries are named in the window's language
            self.fields.country.set_choices(country_choices(self.ctx.tr.babel_locale))
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        if self.person_id is None:
            self.setWindowTitle(_("New person"))
            self.title_label.setText(_("New person"))
        else:
            self.setWindowTitle(_("Edit person"))
            person = self.person
            self.title_label.setText(f"{person.first_name} {person.last_name}" if person else _("Loading…"))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.fields.retranslate(tr)
        self.error_display.render(tr)
