"""The door set-up of the check-in tests (fixtures in conftest.py use these too)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import roster
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.ui.events.checkin.checkin_window import CheckInWindow


@dataclass
class Door:
    """Ana Čeh, Bojan Šuštar and Cvetka Novak registered (capacity 3), Darja Zupan waiting,
    Eva Kos cancelled; `codes` and `ids` by first name."""

    ws: object
    event_id: str
    session_id: str
    ids: dict[str, str]
    codes: dict[str, str]

    def person(self, first: str, last: str, **fields) -> str:
        data = ps.PersonInput(first, last, **fields)
        return ps.create_person(self.ws.store, self.ws.actor, data, today=dt.date.today(), allow_duplicates=True).id

    def add_session(self, day: dt.date) -> str:
        data = se.SessionInput(day, dt.time(0, 0), dt.time(23, 59))
        return se.add_session(self.ws.store, self.ws.actor, self.event_id, data).id

    def counters(self, session_id: str | None = None) -> tuple[int, int, int]:
        c = roster.session_counters(self.ws.store, session_id or self.session_id)
        return c.registered, c.present, c.walk_ins


def make_door(ws, *, day: dt.date | None = None) -> Door:
    store, actor = ws.store, ws.actor
    event_id = ev.create_event(store, actor, ev.EventInput("fair", "Sejem socialne ekonomije", title_en="Social "
                                                           "economy fair", capacity=3)).id
    door = Door(ws, event_id, "", {}, {})
    door.session_id = door.add_session(day or dt.date.today())
    for first, last in (("Ana", "Čeh"), ("Bojan", "Šuštar"), ("Cvetka", "Novak"), ("Darja", "Zupan"),
                        ("Eva", "Kos")):
        person_id = door.person(first, last)
        outcome = rg.register_person(store, actor, event_id, person_id)
        door.ids[first], door.codes[first] = person_id, outcome.registration.code
    eva = next(row for row in rg.list_registrations(store, event_id) if row.person_id == door.ids["Eva"])
    rg.cancel_registration(store, actor, eva.id)
    return door


def show_window(qtbot, ctx, event_id: str, session_id: str | None = None) -> CheckInWindow:
    window = CheckInWindow(ctx, event_id, session_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (F2, Ctrl+Z) need an active window
    return window


