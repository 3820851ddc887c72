"""Which session the door opens on, and which row Enter acts on when the list appears."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events.sessions import SessionInfo
from sociolab_desktop.ui.events.checkin.door_sessions import choose_session

DAY = dt.date(2026, 11, 27)


def session(key: str, day: dt.date, start: int, end: int) -> SessionInfo:
    return SessionInfo(key, "event", None, day, dt.time(start), dt.time(end), end - start, None, 0)


SESSIONS = [session("past", DAY - dt.timedelta(days=7), 9, 12), session("morning", DAY, 9, 12),
            session("afternoon", DAY, 13, 16), session("next", DAY + dt.timedelta(days=7), 9, 12)]


def test_today_the_session_running_or_next_today_is_chosen():
    assert choose_session(SESSIONS, dt.datetime.combine(DAY, dt.time(8))).id == "morning"
    assert choose_session(SESSIONS, dt.datetime.combine(DAY, dt.time(11, 59))).id == "morning"
    assert choose_session(SESSIONS, dt.datetime.combine(DAY, dt.time(12, 30))).id == "afternoon"
    assert choose_session(SESSIONS, dt.datetime.combine(DAY, dt.time(18))).id == "afternoon"  # latecomers


def test_without_a_session_today_the_next_one_else_none_so_the_window_asks():
    assert choose_session(SESSIONS, dt.datetime.combine(DAY - dt.timedelta(days=3), dt.time(9))).id == "morning"
    assert choose_session(SESSIONS, dt.datetime.combine(DAY + dt.timedelta(days=30), dt.time(9))) is None
    assert choose_session([], dt.datetime.combine(DAY, dt.time(9))) is None


def test_the_highlight_starts_on_the_first_person_still_to_check_in(window, door):
    ci.check_in(door.ws.store, door.ws.actor, door.session_id, door.ids["Ana"])
    window.refresh()
    assert window.roster.entries[0].first_name == "Ana"
    assert window.roster.current_entry().first_name == "Cvetka"  # Novak: next in Slovenian order


def test_a_cut_list_says_the_others_are_found_by_typing(qtbot, ctx, door):
    from checkin_helpers import show_window

    from sociolab_desktop.core.services.events import registrations as rg
    from sociolab_desktop.core.services.events.roster import ROSTER_LIMIT

    for number in range(ROSTER_LIMIT):
        rg.register_person(door.ws.store, door.ws.actor, door.event_id, door.person("Oseba", f"Številka {number}"))
    window = show_window(qtbot, ctx, door.event_id)
    assert len(window.roster.entries) == ROSTER_LIMIT
    assert window.more_label.isVisible()
    qtbot.keyClicks(window.search_edit, "ceh")
    qtbot.waitUntil(lambda: len(window.roster.entries) == 1)
    assert not window.more_label.isVisible()
