"""One event's window: its facts, its sessions with their signed-sheet evidence, its registrations
with the waiting list, and the way to registering, cancelling, printing, certificates and the door."""

from __future__ import annotations

import logging
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.core.domain.labels import title_in
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events import cancellation, evidence
from sociolab_desktop.ui.events.event_labels import event_facts, event_subtitle
from sociolab_desktop.ui.events.event_tables import (
    EventView,
    RegistrationsTable,
    SessionsTable,
    load_event_view,
)
from sociolab_desktop.ui.events.split_fit import fit_top_pane
from sociolab_desktop.ui.forms import questions
from sociolab_desktop.ui.labels import area_title, mute, section_heading
from sociolab_desktop.ui.open_windows import front_window
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 150
DEFAULT_SIZE = (1120, 690)  # fits 1366×768 with the task bar and frame
SESSION_ROWS = 6  # most trainings have up to six sessions: all in view, whole rows, before a scroll bar
REGISTRATION_ROWS = 5  # the registrations keep at least this many rows when the window is short
FACTS = (("when", N_("When:")), ("venue", N_("Venue:")), ("site", N_("Organised by:")),
         ("places", N_("Places:")), ("certificate", N_("Certificate:")), ("other_title", N_("Title in English:")))


def open_event_window(ctx: ShellContext, event_id: str, parent: QWidget | None = None) -> EventWindow:
    """The event's window, brought to the front if it is open already (one window per event)."""
    window = front_window(parent, EventWindow, lambda open_window: open_window.event_id == event_id)
    if window is not None:
        return window
    window = EventWindow(ctx, event_id, parent)
    window.show()
    return window


class EventWindow(QWidget):
    loaded = Signal()  # the window shows what the database holds now
    changed = Signal(str)  # the event or its registrations were changed here (event id)

    def __init__(self, ctx: ShellContext, event_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("eventWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.event_id = event_id
        self.view: EventView | None = None
        self.dialogs: list[QWidget] = []  # the dialogs opened here (tests reach the last one)
        self.question_box = None
        self.reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.title_label = area_title("eventTitle")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel(objectName="eventSubtitle")
        mute(self.subtitle_label)
        self.description_label = QLabel(objectName="eventDescription", wordWrap=True)
        self.description_label.setTextFormat(Qt.TextFormat.PlainText)
        self.description_label.hide()
        self.fact_labels = {key: QLabel() for key, _text in FACTS}
        self.facts = {key: QLabel(objectName=f"eventFact_{key}", wordWrap=True) for key, _text in FACTS}
        for value in self.facts.values():
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sessions_heading = section_heading("eventSessionsHeading")
        self.sessions_table = SessionsTable()
        self.registrations_heading = section_heading("eventRegistrationsHeading")
        self.registrations_count = QLabel(objectName="eventRegistrationsCount")
        self.registrations_table = RegistrationsTable()
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (("edit", self.edit_event), ("certificates", self.print_certificates),
                           ("close", self.close), ("attach", self.attach_signed_sheet), ("scans", self.open_scans),
                           ("sheet", self.print_attendance_sheet), ("checkin", self.open_checkin),
                           ("register", self.register), ("import", self.import_registrations),
                           ("cancel", self.cancel_registration),
                           ("person", self.open_person)):
            button = QPushButton(objectName=f"event_{name}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[name] = button
        self.shortcuts = {
            "edit": QShortcut(QKeySequence("Ctrl+E"), self, self.edit_event),
            "register": QShortcut(QKeySequence("Ctrl+R"), self, self.register),
            "sheet": QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_attendance_sheet),
            "checkin": QShortcut(QKeySequence("Ctrl+D"), self, self.open_checkin),
            "attach": QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.attach_signed_sheet),
        }
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self.registrations_table.delete_pressed.connect(self.cancel_registration)
        self.registrations_table.activated.connect(lambda _index: self.open_person())
        self.sessions_table.currentCellChanged.connect(lambda *_args: self._update_buttons())
        self.registrations_table.currentCellChanged.connect(lambda *_args: self._update_buttons())
        self._build_layout()
        self._update_buttons()
        ctx.language_changed.connect(self._on_language_changed)  # a method: disconnected when closed
        self.retranslate(ctx.tr)
        available = self.screen().availableGeometry().size()
        self.resize(min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height()))
        self.reload()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        for name in ("edit", "certificates", "close"):
            top.addWidget(self.buttons[name], 0, Qt.AlignmentFlag.AlignTop)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for keys in (("when", "venue", "site"), ("places", "certificate", "other_title")):
            form = QFormLayout()
            form.setVerticalSpacing(4)
            for key in keys:
                form.addRow(self.fact_labels[key], self.facts[key])
            columns.addLayout(form, 1)
        sessions = QWidget()
        session_layout = QVBoxLayout(sessions)
        session_layout.setContentsMargins(0, 0, 0, 0)
        session_row = QHBoxLayout()
        session_row.addWidget(self.sessions_heading)
        session_row.addStretch(1)
        for name in ("attach", "scans", "sheet", "checkin"):
            session_row.addWidget(self.buttons[name])
        session_layout.addLayout(session_row)
        session_layout.addWidget(self.sessions_table)
        registrations = QWidget()
        registration_layout = QVBoxLayout(registrations)
        registration_layout.setContentsMargins(0, 0, 0, 0)
        registration_row = QHBoxLayout()
        registration_row.addWidget(self.registrations_heading)
        registration_row.addSpacing(12)
        registration_row.addWidget(self.registrations_count)
        registration_row.addStretch(1)
        for name in ("register", "import", "cancel", "person"):
            registration_row.addWidget(self.buttons[name])
        registration_layout.addLayout(registration_row)
        registration_layout.addWidget(self.registrations_table)
        self.sessions_pane, self.registrations_pane = sessions, registrations
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(sessions)
        splitter.addWidget(registrations)
        splitter.setStretchFactor(0, 0)  # a taller window gives the registrations the room
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 330])
        self.splitter_moved_by_hand = False
        splitter.splitterMoved.connect(self._on_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.subtitle_label)
        layout.addWidget(self.description_label)
        layout.addLayout(columns)
        layout.addSpacing(4)
        layout.addWidget(splitter, 1)
        order = [self.buttons["edit"], self.buttons["certificates"], self.buttons["close"], self.sessions_table,
                 self.buttons["attach"], self.buttons["scans"], self.buttons["sheet"], self.buttons["checkin"],
                 self.registrations_table, self.buttons["register"], self.buttons["import"], self.buttons["cancel"],
                 self.buttons["person"]]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        store, event_id = self.ctx.workspace.store, self.event_id
        self.ctx.operations.run(lambda: load_event_view(store, event_id), on_success=self._on_loaded, owner=self)

    def _on_loaded(self, view: EventView | None) -> None:
        if view is None:
            self.title_label.setText(self.ctx.tr.gettext("This event no longer exists"))
            self.view = None
        else:
            self.view = view
        self._show(self.ctx.tr)
        self._update_buttons()
        if self.view is not None and not self.sessions_table.hasFocus() and not self.registrations_table.hasFocus():
            (self.registrations_table if view.registrations else self.sessions_table).setFocus()
        self.loaded.emit()

    def _after_change(self, *_args) -> None:
        self.changed.emit(self.event_id)
        self.reload_timer.start()  # a burst of check-ins at the door reads the lists once

    def _update_buttons(self) -> None:
        session = self.sessions_table.current_session()
        registration = self.registrations_table.current_registration()
        ready = self.view is not None
        has_sessions = ready and bool(self.view.detail.sessions)
        self.buttons["attach"].setEnabled(session is not None)
        self.buttons["sheet"].setEnabled(ready)  # without sessions it says what to do first
        self.buttons["checkin"].setEnabled(has_sessions)
        self.buttons["scans"].setEnabled(session is not None and session.evidence_complete)
        self.buttons["certificates"].setEnabled(has_sessions)
        self.buttons["edit"].setEnabled(ready)
        self.buttons["register"].setEnabled(ready)
        self.buttons["import"].setEnabled(ready)
        self.buttons["person"].setEnabled(registration is not None)
        self.buttons["cancel"].setEnabled(registration is not None
                                          and registration.status != RegistrationStatus.CANCELLED)

    # --- the split between sessions and registrations --------------------------------------

    def _on_splitter_moved(self, *_args) -> None:
        self.splitter_moved_by_hand = True  # from now on the split is the user's

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_sessions()

    def _fit_sessions(self) -> None:
        """A session row cut in half looks like the last session: whole rows until the user drags the split."""
        if not self.splitter_moved_by_hand:
            fit_top_pane(self.splitter, (self.sessions_pane, self.sessions_table, SESSION_ROWS),
                         (self.registrations_pane, self.registrations_table, REGISTRATION_ROWS))

    # --- actions ---------------------------------------------------------------------------

    def _keep(self, dialog: QWidget) -> QWidget:
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.show()
        return dialog

    def edit_event(self):
        if self.view is None:
            return None
        from sociolab_desktop.ui.events.event_form import EventForm

        form = EventForm(self.ctx, self.event_id, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._after_change)
        return self._keep(form)

    def register(self):
        if self.view is None:
            return None
        from sociolab_desktop.ui.events.registration_dialog import RegistrationDialog

        statuses = {row.person_id: row.status for row in self.view.registrations}
        dialog = RegistrationDialog(self.ctx, self.view.detail, self, statuses=statuses)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(self._after_change)
        return self._keep(dialog)

    def import_registrations(self):
        """The import window for this event's registrations (e.g. an online form's export)."""
        if self.view is None:
            return None
        from sociolab_desktop.ui.importing import ImportWizard

        title = title_in(self.ctx.tr.language, self.view.detail.title_sl, self.view.detail.title_en)
        wizard = ImportWizard(self.ctx, self, event_id=self.event_id, event_title=title)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a read list can be large: do not keep it
        wizard.imported.connect(self._after_change)
        return self._keep(wizard)

    def cancel_registration(self):
        registration = self.registrations_table.current_registration()
        if registration is None or registration.status == RegistrationStatus.CANCELLED:
            return None
        return cancellation.ask_to_cancel(self.ctx, self, registration, self._after_change)

    def open_person(self):
        registration = self.registrations_table.current_registration()
        if registration is None:
            return None
        from sociolab_desktop.ui.persons.person_window import open_person_window

        return open_person_window(self.ctx, registration.person_id, self)

    def attach_signed_sheet(self) -> None:
        session = self.sessions_table.current_session()
        if session is not None:
            evidence.attach_scan(self.ctx, self, session, self._after_change)

    def open_scans(self) -> None:
        session = self.sessions_table.current_session()
        if session is not None and session.evidence_complete:
            evidence.open_scans(self.ctx, self, session)

    def print_attendance_sheet(self):
        if self.view is None:
            return None
        session = self.sessions_table.current_session()
        if session is None:
            title = title_in(self.ctx.tr.language, self.view.detail.title_sl, self.view.detail.title_en)
            return questions.tell(self, self.ctx.tr.gettext(
                "The event “{title}” has no sessions yet. Add a session (date and times) before printing its "
                "attendance sheet.").format(title=title), self.ctx.tr)
        from sociolab_desktop.ui.events.print_dialogs import AttendanceSheetDialog

        return self._keep(AttendanceSheetDialog(self.ctx, self.view.detail, session.id, self))

    def print_certificates(self):
        if self.view is None or not self.view.detail.sessions:
            return None
        from sociolab_desktop.ui.events.certificate_dialog import CertificatesDialog

        dialog = CertificatesDialog(self.ctx, self.view.detail, self)
        dialog.issued.connect(self._after_change)
        return self._keep(dialog)

    def open_checkin(self):
        """The door check-in window (ui/events/checkin) for the chosen session, else the one it picks."""
        if self.view is None or not self.view.detail.sessions:
            return None
        from sociolab_desktop.ui.events.checkin.checkin_window import (
            open_checkin_window,
        )

        session = self.sessions_table.current_session()
        window = open_checkin_window(self.ctx, self.event_id, session.id if session else None, self)
        if not window.property("eventWindowFollows"):
            window.setProperty("eventWindowFollows", True)
            # Walk-ins become registrations: the lists here follow what happens at the door.
            window.attendance_changed.connect(self._after_change)
        return window

    # --- words -----------------------------------------------------------------------------

    def _show(self, tr: Translator) -> None:
        if self.view is None:
            return
        detail = self.view.detail
        title = title_in(tr.language, detail.title_sl, detail.title_en)
        self.title_label.setText(title)
        self.setWindowTitle(title)
        self.subtitle_label.setText(event_subtitle(tr, detail))
        description = (detail.description or "").strip()
        self.description_label.setText(description if len(description) <= 240 else description[:240] + "…")
        self.description_label.setToolTip(description)
        self.description_label.setVisible(bool(description))
        self.fact_labels["other_title"].setText(tr.gettext("Title in Slovenian:") if tr.language == "en"
                                                else tr.gettext("Title in English:"))
        for key, value in event_facts(tr, detail).items():
            self.facts[key].setText(value)
        self.sessions_table.fill(detail.sessions, detail.venue, tr)
        self.registrations_table.fill(self.view.registrations, tr)
        self._fit_sessions()
        live = [row for row in self.view.registrations if row.status != RegistrationStatus.CANCELLED]
        self.registrations_count.setText(tr.ngettext("{count} person", "{count} persons", len(live)).format(
            count=tr.format_number(len(live))))

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        for key, text in FACTS:
            self.fact_labels[key].setText(_(text))
        self.sessions_heading.setText(_("Sessions"))
        self.registrations_heading.setText(_("Registrations"))
        for name, text in (("edit", _("Edit event…")), ("certificates", _("Certificates…")), ("close", _("Close")),
                           ("attach", _("Attach signed sheet…")), ("scans", _("Open signed sheet")),
                           ("sheet", _("Print attendance sheet…")), ("checkin", _("Door check-in")),
                           ("register", _("Register…")), ("import", _("Import registrations…")),
                           ("cancel", _("Cancel registration")),
                           ("person", _("Open person"))):
            self.buttons[name].setText(text)
        # What a button does where that is not obvious; "{shortcut}" keeps its key in view.
        tips = {"checkin": _("Open the door check-in for the chosen session ({shortcut})"),
                "attach": _("Attach the scan (PDF or picture) of the chosen session's signed attendance sheet "
                            "({shortcut})"),
                "scans": _("Open the scans of the chosen session's signed attendance sheet"),
                "certificates": _("Print certificates for the registered persons who meet the event's certificate "
                                  "rule"),
                "cancel": _("Delete")}
        for name, button in self.buttons.items():
            shortcut = self.shortcuts.get(name)
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText) if shortcut is not None else ""
            button.setToolTip(tips[name].format(shortcut=keys) if name in tips else keys)
        self._show(tr)
