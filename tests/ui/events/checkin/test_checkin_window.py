"""The door window driven by the keyboard: typing and Enter, a scanner's code, refusals with their
message, the walk-in offer, undo, switching session, and the counters after every step."""

from __future__ import annotations

import datetime as dt

from checkin_helpers import show_window
from PySide6.QtCore import Qt
from ui_helpers import type_text

from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.ui.events.checkin.checkin_window import (
    CheckInWindow,
    open_checkin_window,
)
from sociolab_desktop.ui.events.checkin.door_texts import (
    INFO,
    OFFER,
    REFUSED,
    SUCCESS,
    clock,
)

ENTER = Qt.Key.Key_Return


def shown(window: CheckInWindow) -> tuple[int, int, int]:
    values = window.counters.values
    return values["registered"], values["present"], values["walk_ins"]


def test_the_window_opens_on_todays_session_with_everyone_listed_and_counted(window, door):
    assert window.session_id == door.session_id
    assert window.search_edit.hasFocus()
    assert shown(window) == (3, 0, 0) == door.counters()
    assert window.counters.values["not_arrived"] == 3
    names = [entry.full_name for entry in window.roster.entries]
    assert names == ["Ana Čeh", "Cvetka Novak", "Bojan Šuštar", "Darja Zupan", "Eva Kos"]  # registered first
    assert not window.not_today_label.isVisible()


def test_typing_ceh_and_enter_checks_in_ana_ceh(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "ceh")
    press(window)  # at once: Enter acts on what is typed, not on the list shown before the pause
    assert door.counters() == (3, 1, 0)
    assert shown(window) == (3, 1, 0)
    assert window.banner.kind == SUCCESS
    assert window.banner.headline.text() == "✓ Ana Čeh"
    assert window.search_edit.text() == ""  # ready for the next person
    ana = next(entry for entry in window.roster.entries if entry.first_name == "Ana")
    assert ana.is_present
    assert window.undo_button.text() == window.ctx.tr.gettext("Undo: {name}").format(name="Ana Čeh")


def test_slovenian_letters_typed_find_the_same_person(qtbot, window, door, press):
    type_text(window.search_edit, "Šušt")
    press(window)
    assert door.counters() == (3, 1, 0)
    assert window.banner.headline.text() == "✓ Bojan Šuštar"


def test_a_scanner_code_and_enter_at_once_check_in_the_right_person(qtbot, window, door, press):
    window.search_now()  # the whole roster is listed and Ana is highlighted: the code must win
    assert window.roster.current_entry().first_name == "Ana"
    qtbot.keyClicks(window.search_edit, door.codes["Cvetka"])
    press(window)
    assert window.banner.headline.text() == "✓ Cvetka Novak"
    assert door.counters() == (3, 1, 0)
    # The next scan follows straight away, in lower case (the scanner's Caps Lock off).
    qtbot.keyClicks(window.search_edit, door.codes["Bojan"].lower())
    press(window)
    assert window.banner.headline.text() == "✓ Bojan Šuštar"
    assert door.counters() == shown(window) == (3, 2, 0)


def test_a_name_that_looks_like_a_code_is_searched_as_a_name(qtbot, ctx, door, press):
    from sociolab_desktop.core.services.events import registrations as rg

    rg.register_person(door.ws.store, door.ws.actor, door.event_id, door.person("Tanja", "Kramberger"))  # waiting
    window = show_window(qtbot, ctx, door.event_id)
    qtbot.keyClicks(window.search_edit, "kramberg")  # eight letters of the codes' alphabet
    press(window)
    assert window.banner.kind == OFFER  # her waiting place, not "no registration has this code"
    assert "Tanja Kramberger" in window.banner.detail.text()


def test_two_scans_typed_before_the_first_answer_are_both_checked_in(qtbot, window, door):
    with qtbot.waitSignals([window.write_finished, window.write_finished], timeout=5000):
        qtbot.keyClicks(window.search_edit, door.codes["Ana"])
        qtbot.keyClick(window.search_edit, ENTER)
        qtbot.keyClicks(window.search_edit, door.codes["Bojan"])
        qtbot.keyClick(window.search_edit, ENTER)
    qtbot.waitUntil(lambda: door.counters() == (3, 2, 0))
    qtbot.waitUntil(lambda: shown(window) == (3, 2, 0))


def test_a_second_check_in_is_refused_in_red_with_the_first_time_and_not_counted(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, door.codes["Ana"])
    press(window)
    first = window.undo_stack[-1].checked_in_at
    qtbot.keyClicks(window.search_edit, "ana ceh")
    press(window)
    assert window.banner.kind == REFUSED
    assert clock(window.ctx.tr, first) in window.banner.headline.text()  # "Already checked in at 09:05"
    assert "Ana Čeh" in window.banner.detail.text()
    assert window.banner.isVisible() and window.banner.headline.font().pointSizeF() > window.font().pointSizeF()
    assert door.counters() == shown(window) == (3, 1, 0)
    assert len(window.undo_stack) == 1


def test_a_waiting_person_is_offered_walk_in_and_f2_admits_them(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "zupan")
    press(window)
    assert window.banner.kind == OFFER
    assert window.banner.action.isVisible()
    assert "F2" in window.banner.action.text()
    assert door.counters() == (3, 0, 0)
    press(window, Qt.Key.Key_F2)
    assert window.banner.kind == SUCCESS
    assert window.banner.headline.text() == "✓ Darja Zupan"
    assert door.counters() == shown(window) == (3, 1, 1)


def test_a_cancelled_registration_is_offered_walk_in_too(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "eva kos")
    press(window)
    assert window.banner.kind == OFFER
    assert "Eva Kos" in window.banner.detail.text()
    with qtbot.waitSignal(window.write_finished, timeout=5000):
        window.banner.action.click()
    assert door.counters() == (3, 1, 1)


def test_an_unknown_code_is_refused_and_offers_a_new_walk_in(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "ZZZZ2222")
    press(window)
    assert window.banner.kind == REFUSED
    assert "ZZZZ2222" in window.banner.detail.text()
    assert window.banner.action.isVisible()
    assert door.counters() == (3, 0, 0)


def test_a_name_nobody_has_says_so_and_enter_admits_nobody(qtbot, window, door):
    qtbot.keyClicks(window.search_edit, "xaver")
    qtbot.keyClick(window.search_edit, ENTER)
    assert window.banner.kind == REFUSED
    assert "xaver" in window.banner.detail.text()
    assert window.search_edit.text() == "xaver"  # kept for the walk-in form
    assert door.counters() == (3, 0, 0)


def test_a_fast_enter_on_several_matches_asks_to_choose_and_down_enter_picks(qtbot, ctx, door, press):
    from sociolab_desktop.core.services.events import registrations as rg

    horvat = door.person("Ana", "Horvat")
    rg.register_person(door.ws.store, door.ws.actor, door.event_id, horvat)  # full: waiting
    window = show_window(qtbot, ctx, door.event_id)
    qtbot.keyClicks(window.search_edit, "ana")
    qtbot.keyClick(window.search_edit, ENTER)
    assert window.banner.kind == INFO
    assert door.counters() == (3, 0, 0)  # nobody admitted from a list staff had not seen
    assert [entry.full_name for entry in window.roster.entries] == ["Ana Čeh", "Ana Horvat"]
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Down)
    press(window)
    assert window.banner.kind == OFFER and "Ana Horvat" in window.banner.detail.text()
    qtbot.keyClicks(window.search_edit, "ana")
    qtbot.wait(200)  # the list follows the typing after a pause
    press(window)
    assert window.banner.headline.text() == "✓ Ana Čeh"
    assert door.counters() == (3, 1, 0)


def test_a_stray_enter_in_the_empty_field_admits_nobody(qtbot, window, door):
    qtbot.keyClick(window.search_edit, ENTER)
    qtbot.wait(50)
    assert door.counters() == (3, 0, 0)


def test_undo_restores_the_counters_and_the_person_can_be_checked_in_again(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "bojan")
    press(window)
    assert door.counters() == shown(window) == (3, 1, 0)
    assert "Bojan Šuštar" in window.undo_button.text()
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.banner.kind == INFO
    assert "Bojan Šuštar" in window.banner.detail.text()
    assert door.counters() == shown(window) == (3, 0, 0)
    assert not window.undo_button.isEnabled()
    qtbot.keyClicks(window.search_edit, "bojan")
    press(window)
    assert window.banner.kind == SUCCESS
    assert door.counters() == shown(window) == (3, 1, 0)


def test_the_undo_button_takes_back_a_walk_in_admitted_from_the_waiting_list(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "darja")
    press(window)
    press(window, Qt.Key.Key_F2)
    assert door.counters() == (3, 1, 1)
    with qtbot.waitSignal(window.write_finished, timeout=5000):
        window.undo_button.click()
    assert door.counters() == shown(window) == (3, 0, 0)
    darja = next(entry for entry in window.roster.entries if entry.first_name == "Darja")
    assert darja.status == "waiting"  # back on the waiting list where she was


def test_switching_session_counts_and_checks_in_for_the_chosen_session(qtbot, ctx, door, press):
    tomorrow = door.add_session(dt.date.today() + dt.timedelta(days=1))
    ci.check_in(door.ws.store, door.ws.actor, door.session_id, door.ids["Ana"])
    window = show_window(qtbot, ctx, door.event_id)
    assert window.session_id == door.session_id and shown(window) == (3, 1, 0)
    window.session_combo.setCurrentIndex(window.session_combo.findData(tomorrow))
    window.session_combo.activated.emit(window.session_combo.currentIndex())
    assert window.session_id == tomorrow
    assert shown(window) == (3, 0, 0)
    assert window.not_today_label.isVisible()
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, "ceh")
    press(window)
    assert door.counters(tomorrow) == (3, 1, 0)
    assert door.counters(door.session_id) == (3, 1, 0)


def test_an_event_whose_sessions_are_over_asks_which_session(qtbot, ctx, workspace):
    from checkin_helpers import make_door

    past = make_door(workspace, day=dt.date.today() - dt.timedelta(days=3))
    window = show_window(qtbot, ctx, past.event_id)
    assert window.session_id is None
    assert not window.search_edit.isEnabled()
    assert window.banner.kind == INFO
    window.set_session(past.session_id)
    assert window.search_edit.isEnabled() and shown(window) == (3, 0, 0)
    assert window.not_today_label.isVisible()


def test_open_checkin_window_brings_the_open_one_to_the_front(qtbot, ctx, door):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_checkin_window(ctx, door.event_id, parent=parent)
    assert first.session_id == door.session_id
    added = door.add_session(dt.date.today() + dt.timedelta(days=7))  # in the event window meanwhile
    assert open_checkin_window(ctx, door.event_id, added, parent=parent) is first
    assert first.session_id == added and first.session_combo.count() == 2
    first.close()


def test_f11_toggles_full_screen_and_fonts_grow_with_the_window(qtbot, window):
    small = window.search_edit.font().pointSizeF()
    assert small > window.font().pointSizeF() * 1.5  # readable from a step away even in a small window
    qtbot.keyClick(window.search_edit, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    window.showNormal()
    window.resize(1600, 1100)
    qtbot.waitUntil(lambda: window.search_edit.font().pointSizeF() > small)


def test_switching_to_english_retranslates_the_banner(qtbot, window, door, press):
    qtbot.keyClicks(window.search_edit, "zupan")
    press(window)
    window.ctx.set_language("en", save=False)
    assert window.banner.action.text() == "Check in as walk-in (F2)"
    assert window.windowTitle() == "Check-in: Social economy fair"
