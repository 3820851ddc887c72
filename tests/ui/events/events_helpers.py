"""Helpers shared by the Events windows' tests: data made through the services, showing windows,
answering the boxes the windows open, and reading PDFs back."""

from __future__ import annotations

import datetime as dt
import io

from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import show_active

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import sessions as se

DAY_1 = dt.date(2026, 11, 27)


class EventKit:
    """Writes like the windows do, as the signed-in administrator of the workspace."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.store, self.actor = ws.store, ws.actor

    def person(self, first: str, last: str, **fields) -> str:
        data = ps.PersonInput(first, last, **fields)
        return ps.create_person(self.store, self.actor, data, today=DAY_1, allow_duplicates=True).id

    def event(self, title: str = "Usposabljanje za socialne podjetnike", *, sessions: int = 2,
              event_type: str = "training_programme", **fields) -> tuple[str, list[str]]:
        event_id = ev.create_event(self.store, self.actor, ev.EventInput(event_type, title, **fields)).id
        ids = [se.add_session(self.store, self.actor, event_id, se.SessionInput(
            DAY_1 + dt.timedelta(weeks=week), dt.time(9), dt.time(12))).id for week in range(sessions)]
        return event_id, ids

    def register(self, event_id: str, person_id: str):
        return rg.register_person(self.store, self.actor, event_id, person_id, today=DAY_1)

    def check_in(self, session_id: str, person_id: str) -> None:
        ci.check_in(self.store, self.actor, session_id, person_id)


def show(qtbot, widget, size=(1120, 690)):
    return show_active(qtbot, widget, size)


def question(qtbot, owner) -> QMessageBox:
    """The box `owner` opened (ui/forms/questions.py keeps it on `question_box`)."""
    qtbot.waitUntil(lambda: getattr(owner, "question_box", None) is not None)
    return owner.question_box


def click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()
    QApplication.processEvents()


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def pdf_pages(path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)
