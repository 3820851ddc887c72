"""Register participants for an event: find an existing person by typing (accents ignored), or
quick-add one at the door; says who got a place and who went on the waiting list."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.core.domain.labels import title_in
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.events import registrations as reg
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events.event_labels import status_label
from sociolab_desktop.ui.events.quick_add_panel import QuickAddPanel
from sociolab_desktop.ui.forms.questions import ask
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.person_finder import PersonFinder, person_text
from sociolab_desktop.ui.persons.municipality_picker import municipality_choices
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)
SEARCH_TAB, QUICK_TAB = range(2)
DONE_STYLE = "QLabel#registrationOutcome { color: #1b5e20; }"
NO_PERSON_FOUND = N_("No person found. Check the spelling, or add the person on the “New person” tab.")


def places_text(tr: Translator, detail) -> str:
    """How full the event is, and where the next registration goes."""
    values = {"registered": tr.format_number(detail.registered), "capacity": tr.format_number(detail.capacity or 0),
              "waiting": tr.format_number(detail.waiting), "free": tr.format_number(detail.free_places or 0)}
    if detail.capacity is None:
        return tr.gettext("Registered: {registered}; there is no limit of places.").format(**values)
    if detail.registered >= detail.capacity:
        return tr.ngettext("The event is full ({capacity} place; {waiting} on the waiting list): new registrations "
                           "go on the waiting list.",
                           "The event is full ({capacity} places; {waiting} on the waiting list): new registrations "
                           "go on the waiting list.", detail.capacity).format(**values)
    return tr.ngettext("Registered: {registered} of {capacity} place; {free} free.",
                       "Registered: {registered} of {capacity} places; {free} free.", detail.capacity).format(**values)


class RegistrationDialog(QDialog):
    """Stays open for the next person; each registration is saved at once."""

    registered = Signal(object)  # registrations.RegistrationOutcome

    def __init__(self, ctx: ShellContext, detail, parent: QWidget | None = None, *,
                 statuses: dict[str, str] | None = None) -> None:
        """`statuses`: person id → status of those registered already (marked in the results)."""
        super().__init__(parent)
        self.setObjectName("registrationDialog")
        self.ctx = ctx
        self.detail = detail  # events.EventDetail; its counts are read again after each registration
        self.statuses = dict(statuses or {})
        self.busy = False
        self.question_box = None
        self.places_label = QLabel(objectName="registrationPlaces", wordWrap=True)
        self.tabs = QTabWidget(objectName="registrationTabs")
        self.finder = PersonFinder(ctx, "registration", NO_PERSON_FOUND, describe=self._describe)
        self.search_edit, self.results = self.finder.field, self.finder.results
        self.finder.chosen.connect(self.register_chosen)
        self.register_button = QPushButton(objectName="registerChosenButton")
        self.register_button.setAutoDefault(False)
        self.register_button.clicked.connect(self.register_chosen)
        search_page = QWidget()
        search_layout = QVBoxLayout(search_page)
        search_layout.addWidget(self.finder)
        search_layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.quick = QuickAddPanel()
        self.quick.submitted.connect(self.quick_add)
        self.tabs.addTab(search_page, "")
        self.tabs.addTab(self.quick, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.outcome_label = QLabel(objectName="registrationOutcome", wordWrap=True)
        self.outcome_label.setStyleSheet(DONE_STYLE)
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error = InlineError()
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, lambda: self.tabs.setCurrentIndex(SEARCH_TAB))
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, lambda: self.tabs.setCurrentIndex(QUICK_TAB))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.places_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.results, self.register_button)
        self.resize(620, 560)
        ctx.language_changed.connect(self._on_language_changed)  # a method: disconnected when closed
        self.retranslate(ctx.tr)
        ctx.operations.run(municipality_choices, on_success=self._on_municipalities, owner=self)
        self.search_edit.setFocus()

    def _on_municipalities(self, choices) -> None:
        self.quick.municipality_picker.set_choices(choices, self.ctx.tr)

    def _on_tab_changed(self, index: int) -> None:
        (self.search_edit if index == SEARCH_TAB else self.quick.first_name_edit).setFocus()

    # --- finding ---------------------------------------------------------------------------

    def _describe(self, tr: Translator, row) -> str:
        """A person found, marked when registered already (Enter in the field registers them)."""
        text = person_text(row)
        status = self.statuses.get(row.id)
        if status in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITING):
            text = tr.gettext("{person} — {status}").format(person=text, status=status_label(tr, status))
        return text

    def chosen_person_id(self) -> str | None:
        return self.finder.chosen_person_id()

    # --- registering -----------------------------------------------------------------------

    def register_chosen(self) -> None:
        person_id = self.chosen_person_id()
        if person_id is None:
            self.error.show_text(self.ctx.tr.gettext("Find and choose the person first."))
            self.search_edit.setFocus()
            return
        store, actor, event_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.detail.id
        self._run(lambda: reg.register_person(store, actor, event_id, person_id))

    def quick_add(self, *, allow_duplicates: bool = False) -> None:
        self.quick.clear_errors()
        person = self.quick.read()
        store, actor, event_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.detail.id
        self._run(lambda: reg.quick_add_and_register(store, actor, event_id, person,
                                                     allow_duplicates=allow_duplicates))

    def _run(self, work) -> None:
        if self.busy:
            return
        self.busy = True
        self.error.clear_error()
        self.outcome_label.clear()

        def work_and_counts():
            from sociolab_desktop.core.services.events.events import get_event

            outcome = work()
            return outcome, get_event(store, event_id)

        store, event_id = self.ctx.workspace.store, self.detail.id
        self.ctx.operations.run(work_and_counts, on_success=self._on_registered, on_failure=self._on_failed,
                                owner=self)

    def _on_registered(self, result) -> None:
        outcome, detail = result
        self.busy = False
        self.detail = detail or self.detail
        row, tr = outcome.registration, self.ctx.tr
        self.statuses[row.person_id] = row.status
        log.info("Registration %s made (%s)", row.id, row.status)
        if outcome.waiting:
            text = tr.gettext("The event is full: {name} is on the waiting list (no. {position}), code {code}.")
        elif outcome.reinstated:
            text = tr.gettext("{name} is registered again (the earlier cancellation is undone), code {code}.")
        else:
            text = tr.gettext("{name} is registered, code {code}.")
        self.outcome_label.setText(text.format(name=row.full_name, position=row.waiting_position or "?",
                                               code=row.code))
        self.registered.emit(outcome)
        self._show_places(tr)
        if self.tabs.currentIndex() == QUICK_TAB:
            self.quick.clear()
            self.quick.first_name_edit.setFocus()
        else:
            self.finder.clear()
            self.search_edit.setFocus()

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        tr = self.ctx.tr
        if isinstance(error, persons.PersonValidationError):
            leftover = self.quick.mark({item.field: item.render(tr) for item in error.errors})
            self.error.show_text("\n".join([tr.gettext(error.message_id), *leftover.values()]))
        elif isinstance(error, persons.PossibleDuplicate):
            self._ask_duplicate(error)
        elif isinstance(error, UserError):
            self.error.show_error(error, tr)
        else:
            self.ctx.operations.report_error(error)

    def _ask_duplicate(self, error: persons.PossibleDuplicate) -> None:
        tr = self.ctx.tr
        first = error.candidates[0]
        names = ", ".join(f"{c.first_name} {c.last_name}" + (f" ({c.email})" if c.email else "")
                          for c in error.candidates[:5])
        text = tr.gettext("This person may be recorded already: {names}. Register the existing person, or add a "
                          "new one if it is someone else?").format(names=names)
        choices = [(tr.gettext("Register {name}").format(name=f"{first.first_name} {first.last_name}"),
                    QMessageBox.ButtonRole.AcceptRole),
                   (tr.gettext("Add as a new person"), QMessageBox.ButtonRole.ActionRole),
                   (tr.gettext("Back"), QMessageBox.ButtonRole.RejectRole)]
        store, actor, event_id = self.ctx.workspace.store, self.ctx.workspace.actor, self.detail.id

        def answered(index: int) -> None:
            if index == 0:
                self._run(lambda: reg.register_person(store, actor, event_id, first.id))
            elif index == 1:
                self.quick_add(allow_duplicates=True)

        ask(self, text, choices, answered)

    # --- words -----------------------------------------------------------------------------

    def _show_places(self, tr: Translator) -> None:
        self.places_label.setText(places_text(tr, self.detail))

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Register for “{title}”").format(
            title=title_in(tr.language, self.detail.title_sl, self.detail.title_en)))
        self.tabs.setTabText(SEARCH_TAB, _("Find a person"))
        self.tabs.setTabText(QUICK_TAB, _("New person"))
        self.tabs.setTabToolTip(SEARCH_TAB, QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.tabs.setTabToolTip(QUICK_TAB, QKeySequence(QKeySequence.StandardKey.New).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.finder.retranslate(tr)
        self.register_button.setText(_("Register the chosen person"))
        self.close_button.setText(_("Close"))
        self.quick.retranslate(tr)
        self._show_places(tr)
