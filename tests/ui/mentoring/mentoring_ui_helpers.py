"""Helpers for the Mentoring windows' tests: data recorded through the services, windows shown and
active (shortcuts and focus need an active window), and answering the questions they ask."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import show_active

from sociolab_desktop.core.services import organisations, staff
from sociolab_desktop.core.services.mentoring import sessions

TODAY = dt.date.today()
RECENT = TODAY - dt.timedelta(days=3)  # a day that has passed, whatever day the tests run


def add_organisation(ws, name: str, **fields) -> str:
    data = organisations.OrganisationInput(name=name, legal_form=fields.pop("legal_form", "cooperative"), **fields)
    return organisations.create_organisation(ws.store, ws.actor, data).id


def add_mentor(ws, name: str = "Ćiril Đokić") -> str:
    return staff.add_staff(ws.store, ws.actor, name, is_mentor=True).id


def add_session(ws, day: dt.date, starts: tuple[int, int], ends: tuple[int, int], *, mentors, organisation_id=None,
                person_ids=(), topics=("financing",), site_id=None, **fields) -> str:
    data = sessions.SessionInput(
        session_date=day, starts=dt.time(*starts), ends=dt.time(*ends), mode=fields.pop("mode", "in_person"),
        mentor_ids=list(mentors), organisation_id=organisation_id, person_ids=list(person_ids), topics=list(topics),
        summary=fields.pop("summary", "Pregled načrta."), site_id=site_id, **fields)
    return sessions.record_session(ws.store, ws.actor, data, confirmed=True).id


show = show_active  # shown and active: shortcuts and focus need an active window


def activate(qtbot, window):
    """A window opened by another is active at once on a desktop; offscreen it must be asked to be."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def type_keys(widget, text: str) -> None:
    """ASCII typed into the widget that has the focus (QTest handles ASCII keys)."""
    QTest.keyClicks(widget, text)


def tab_into(widget) -> None:
    """Focus as the Tab key gives it (a date or time field then selects its first part)."""
    if widget.hasFocus():
        widget.clearFocus()  # focus coming in again selects the first part
    widget.setFocus(Qt.FocusReason.TabFocusReason)


def type_date(widget, day: dt.date) -> None:
    """Typed from the day on, as after Tab (the field may have had the focus, its cursor elsewhere)."""
    tab_into(widget)
    widget.setSelectedSection(widget.sectionAt(0))
    # Two digits each: a full part moves on by itself (a dot after it would skip the next part).
    type_keys(widget, f"{day.day:02d}{day.month:02d}{day.year}")


def type_time(widget, text: str) -> None:
    tab_into(widget)
    type_keys(widget, text)


def answer(qtbot, window, button_text: str) -> None:
    """Click the button `button_text` of the question the window shows (kept on `question_box`)."""
    qtbot.waitUntil(lambda: getattr(window, "question_box", None) is not None and window.question_box.isVisible())
    box = window.question_box
    button = next(b for b in box.buttons() if b.text() == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
