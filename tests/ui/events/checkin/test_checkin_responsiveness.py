"""500 registrations at the door: what one keystroke, one list refresh and one check-in cost on the
GUI thread (printed with -s; no timed assertions, machines differ)."""

from __future__ import annotations

import datetime as dt
import statistics
import time

from checkin_helpers import show_window
from PySide6.QtCore import Qt

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import sessions as se

FIRST = ("Ana", "Bojan", "Cvetka", "Čedomir", "Darja", "Eva", "Franc", "Gregor", "Helena", "Igor", "Jana", "Luka",
         "Maja", "Nina", "Primož", "Rok", "Sara", "Špela", "Tina", "Urška", "Vid", "Žiga")
LAST = ("Čeh", "Šuštar", "Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Mlakar",
        "Vidmar", "Golob", "Turk", "Božič", "Kos", "Žagar", "Đurić", "Hribar", "Kralj", "Vogrin")


def test_typing_stays_responsive_with_500_registrations(qtbot, ctx, workspace):
    store, actor = workspace.store, workspace.actor
    event_id = ev.create_event(store, actor, ev.EventInput("fair", "Sejem")).id
    session_id = se.add_session(store, actor, event_id, se.SessionInput(dt.date.today(), dt.time(0), dt.time(23, 59))).id
    for number in range(500):
        first, last = FIRST[number % len(FIRST)], LAST[(number // len(FIRST)) % len(LAST)]
        person = ps.create_person(store, actor, ps.PersonInput(first, f"{last}{'' if number < 440 else number}"),
                                  today=dt.date.today(), allow_duplicates=True).id
        rg.register_person(store, actor, event_id, person)
    window = show_window(qtbot, ctx, event_id, session_id)

    keystrokes = []
    for character in "kovacic":
        started = time.perf_counter()
        qtbot.keyClick(window.search_edit, character)
        keystrokes.append((time.perf_counter() - started) * 1000)
    qtbot.waitUntil(lambda: window._listed_for == "kovacic", timeout=2000)
    searches = []
    for typed in ("", "c", "ce", "ceh", "kov", "ana novak", "zz"):
        window.search_edit.setText(typed)
        started = time.perf_counter()
        window.search_now()  # the query and the list of up to 50 rows, as after a pause in typing
        searches.append(((time.perf_counter() - started) * 1000, typed, len(window.roster.entries)))
    window.search_edit.setText("")
    answers = []
    codes = [row.code for row in rg.list_registrations(store, event_id)][:10]
    for code in codes:  # a scanner: the code and Enter at once
        qtbot.keyClicks(window.search_edit, code)
        started = time.perf_counter()
        with qtbot.waitSignal(window.write_finished, timeout=5000):
            qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
        answers.append((time.perf_counter() - started) * 1000)
    refreshes = []
    for _ in range(10):
        started = time.perf_counter()
        window.refresh()
        refreshes.append((time.perf_counter() - started) * 1000)

    print(f"\nkeystroke handling: median {statistics.median(keystrokes):.2f} ms, max {max(keystrokes):.2f} ms")
    for elapsed, typed, rows in searches:
        print(f"search {typed!r:13} {rows:3d} rows: {elapsed:.1f} ms (query + list)")
    print(f"scan + Enter to answer shown (write in a worker, counters and list refreshed): median "
          f"{statistics.median(answers):.1f} ms, max {max(answers):.1f} ms")
    print(f"refresh after a write on the GUI thread (counters + list): median {statistics.median(refreshes):.1f} ms")
    assert window.counters.values["registered"] == 500
    assert window.counters.values["present"] == 10
