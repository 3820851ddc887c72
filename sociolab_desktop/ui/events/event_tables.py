"""The two lists of the event window and what they show: its sessions with their signed-sheet
evidence, and its registrations (Slovenian order, status, code, organisation or municipality, ESF data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events.event_labels import status_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMPLETE = QColor("#1b5e20")  # dark green and dark red: readable on white and on a selection
MISSING = QColor("#b00020")

SESSION_COLUMNS = (N_("No."), N_("Date"), N_("Time"), N_("Hours"), N_("Title"), N_("Venue"), N_("Signed sheet"))
(S_NUMBER, S_DATE, S_TIME, S_HOURS, S_TITLE, S_VENUE, S_EVIDENCE) = range(7)
REGISTRATION_COLUMNS = (N_("Surname and name"), N_("Status"), N_("Code"), N_("Organisation or municipality"),
                        N_("ESF data"), N_("Registered on"))
(R_NAME, R_STATUS, R_CODE, R_AFFILIATION, R_ESF, R_REGISTERED_ON) = range(6)


@dataclass(frozen=True)
class EventView:
    detail: object  # events.EventDetail
    registrations: list  # RegistrationRow, Slovenian order


def load_event_view(store, event_id: str) -> EventView | None:
    """In a worker: the event and its registrations (None when the event is gone)."""
    from sociolab_desktop.core.services.events.events import get_event
    from sociolab_desktop.core.services.events.registrations import list_registrations

    detail = get_event(store, event_id)
    return EventView(detail, list_registrations(store, event_id)) if detail is not None else None


class _ListTable(QTableWidget):
    delete_pressed = Signal()  # Delete on a row: the window offers to cancel or remove it

    COLUMNS: tuple[str, ...] = ()
    WIDTHS: ClassVar[dict[int, int]] = {}
    STRETCH = 0

    def __init__(self, object_name: str) -> None:
        super().__init__(0, len(self.COLUMNS))
        self.setObjectName(object_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next button
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.STRETCH, QHeaderView.ResizeMode.Stretch)
        for column, width in self.WIDTHS.items():
            header.resizeSection(column, width)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentRow() >= 0:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def current_id(self) -> str | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def select_id(self, row_id: str | None) -> None:
        for row in range(self.rowCount()):
            if self.item(row, 0).data(ID_ROLE) == row_id:
                self.setCurrentCell(row, 0)
                return
        if self.rowCount() and self.currentRow() < 0:
            self.setCurrentCell(0, 0)

    def _put(self, row: int, column: int, text: str, *, color: QColor | None = None, right: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if color is not None:
            item.setForeground(QBrush(color))
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setItem(row, column, item)

    def retranslate_headers(self, tr: Translator) -> None:
        self.setHorizontalHeaderLabels([tr.gettext(text) for text in self.COLUMNS])


class SessionsTable(_ListTable):
    COLUMNS = SESSION_COLUMNS
    WIDTHS: ClassVar[dict[int, int]] = {S_NUMBER: 40, S_DATE: 140, S_TIME: 100, S_HOURS: 60, S_VENUE: 190, S_EVIDENCE: 170}
    STRETCH = S_TITLE

    def __init__(self) -> None:
        super().__init__("eventSessions")
        self.sessions: list = []

    def fill(self, sessions, event_venue: str | None, tr: Translator) -> None:
        chosen = self.current_id()
        self.sessions = list(sessions)
        self.setRowCount(len(self.sessions))
        for row, session in enumerate(self.sessions):
            self._put(row, S_NUMBER, tr.format_number(row + 1), right=True)
            self.item(row, S_NUMBER).setData(ID_ROLE, session.id)
            self._put(row, S_DATE, tr.format_date(session.session_date, "EEE, d. M. y" if tr.language == "sl"
                                                  else "EEE d MMM y"))
            self._put(row, S_TIME, tr.format_time_span(session.starts_at, session.ends_at))
            self._put(row, S_HOURS, tr.format_hours(session.hours), right=True)
            self._put(row, S_TITLE, session.title or "")
            self._put(row, S_VENUE, session.venue or event_venue or "")
            if session.evidence_complete:
                text = tr.ngettext("✔ complete ({count} scan)", "✔ complete ({count} scans)",
                                   session.evidence_count).format(count=session.evidence_count)
                self._put(row, S_EVIDENCE, text, color=COMPLETE)
            else:
                self._put(row, S_EVIDENCE, tr.gettext("✘ missing"), color=MISSING)
                self.item(row, S_EVIDENCE).setToolTip(tr.gettext(
                    "No signed sheet yet: attach its scan when the session is over."))
        self.retranslate_headers(tr)
        self.select_id(chosen)

    def current_session(self):
        chosen = self.current_id()
        return next((session for session in self.sessions if session.id == chosen), None)

    def evidence_text(self, row: int) -> str:
        return self.item(row, S_EVIDENCE).text()


class RegistrationsTable(_ListTable):
    COLUMNS = REGISTRATION_COLUMNS
    WIDTHS: ClassVar[dict[int, int]] = {R_STATUS: 150, R_CODE: 90, R_AFFILIATION: 230, R_ESF: 110, R_REGISTERED_ON: 110}
    STRETCH = R_NAME

    def __init__(self) -> None:
        super().__init__("eventRegistrations")
        self.registrations: list = []

    def fill(self, registrations, tr: Translator) -> None:
        chosen = self.current_id()
        self.registrations = list(registrations)
        self.setRowCount(len(self.registrations))
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for row, registration in enumerate(self.registrations):
            cancelled = registration.status == RegistrationStatus.CANCELLED
            color = muted if cancelled else None
            self._put(row, R_NAME, f"{registration.last_name} {registration.first_name}".strip(), color=color)
            self.item(row, R_NAME).setData(ID_ROLE, registration.id)
            status = status_label(tr, registration.status, registration.waiting_position)
            if cancelled and registration.cancelled_on:
                status = tr.gettext("{status} on {date}").format(
                    status=status, date=tr.format_date(registration.cancelled_on, "numeric"))
            self._put(row, R_STATUS, status, color=color)
            self._put(row, R_CODE, registration.code, color=color)
            self._put(row, R_AFFILIATION, registration.affiliation, color=color)
            if registration.person_incomplete:
                self._put(row, R_ESF, tr.gettext("incomplete"), color=color or MISSING)
                self.item(row, R_ESF).setToolTip(tr.gettext(
                    "Added in a hurry: open the person and complete the ESF entry data."))
            else:
                self._put(row, R_ESF, tr.gettext("complete"), color=color)
            self._put(row, R_REGISTERED_ON, tr.format_date(registration.registered_on, "numeric"), color=color)
        self.retranslate_headers(tr)
        self.select_id(chosen)

    def retranslate_headers(self, tr: Translator) -> None:
        super().retranslate_headers(tr)
        self.horizontalHeaderItem(R_CODE).setToolTip(tr.gettext(
            "The person's registration code: type or scan it in the door check-in to check them in."))

    def current_registration(self):
        chosen = self.current_id()
        return next((row for row in self.registrations if row.id == chosen), None)
