"""Helpers for the tests of a person's page, consents, contacts and the lists built on them."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.services import consents, contacts, persons
from sociolab_desktop.ui.persons.person_window import PersonWindow

TODAY = dt.date.today()  # the windows date what they record today; the services refuse the future


def days(number: int) -> dt.date:
    return TODAY + dt.timedelta(days=number)


def add_person(ws, first: str = "Đurđa", last: str = "Čeh-Šuštarić", **values) -> str:
    data = persons.PersonInput(first_name=first, last_name=last, **values)
    return persons.create_person(ws.store, ws.actor, data, today=TODAY, allow_duplicates=True).id


def add_contact(ws, person_id: str | None, *, on: dt.date = TODAY, topics=("financing",), **values):
    data = contacts.ContactInput(contact_date=on, channel=values.pop("channel", "visit"), topics=list(topics),
                                 person_id=person_id, **values)
    return contacts.record_contact(ws.store, ws.actor, data)


def add_consent(ws, person_id: str, *, on: dt.date = TODAY, purpose: str = "data_processing",
                version: str = "2019-06"):
    data = consents.ConsentInput(purpose=purpose, text_version=version, given_on=on, channel="signed_paper")
    return consents.record_consent(ws.store, ws.actor, person_id, data)


def open_person(ctx, qtbot, person_id: str) -> PersonWindow:
    """The window on screen with its page read."""
    window = PersonWindow(ctx, person_id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    return window


def rows_of_kind(window: PersonWindow, kind_text: str) -> list[tuple[str, str, str]]:
    return [row for row in window.timeline.rows() if row[1] == kind_text]


def wait_saved_and_reloaded(qtbot, dialog, window, click) -> None:
    """Click Save (or whatever `click` does) and wait until the window shows the result."""
    with qtbot.waitSignal(window.loaded, timeout=10_000), qtbot.waitSignal(dialog.saved, timeout=10_000):
        click()
