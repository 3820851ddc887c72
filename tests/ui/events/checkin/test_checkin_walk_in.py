"""Walk-ins at the door by keyboard: quick-added and checked in in one step, a possible duplicate
offered as "this is them", wrong fields marked, a refusal shown large in the door window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import type_text

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.ui.events.checkin.door_texts import REFUSED, SUCCESS
from sociolab_desktop.ui.events.checkin.walk_in_dialog import (
    WalkInDialog,
    split_typed_name,
)


def open_dialog(qtbot, window, key=Qt.Key.Key_F2) -> WalkInDialog:
    qtbot.keyClick(window.search_edit, key)
    qtbot.waitUntil(lambda: window.walk_in_dialog is not None and window.walk_in_dialog.isVisible())
    dialog = window.walk_in_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def finish(qtbot, window, dialog, key=Qt.Key.Key_Return) -> None:
    with qtbot.waitSignal(window.write_finished, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget() or dialog, key)


def test_f2_opens_the_walk_in_form_and_enter_adds_and_checks_in(qtbot, window, door):
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.fields["first_name"].hasFocus())
    type_text(dialog.fields["first_name"], "Žiga")
    qtbot.keyClick(dialog.fields["first_name"], Qt.Key.Key_Tab)
    assert dialog.fields["last_name"].hasFocus()
    type_text(dialog.fields["last_name"], "Đurić")
    finish(qtbot, window, dialog)
    assert not dialog.isVisible()
    assert window.banner.kind == SUCCESS
    assert window.banner.headline.text() == "✓ Žiga Đurić"
    assert door.counters() == (3, 1, 1)
    assert window.counters.values["walk_ins"] == 1
    receipt = window.undo_stack[-1]
    assert receipt.is_walk_in and receipt.person_created
    assert ps.get_person(door.ws.store, receipt.person_id).is_incomplete  # to be completed later
    qtbot.waitUntil(window.search_edit.hasFocus)


def test_a_name_nobody_has_is_carried_into_the_walk_in_form(qtbot, window, door):
    qtbot.keyClicks(window.search_edit, "janez novak")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.banner.kind == REFUSED
    dialog = open_dialog(qtbot, window)
    assert (dialog.fields["first_name"].text(), dialog.fields["last_name"].text()) == ("Janez", "Novak")
    qtbot.keyClicks(dialog.fields["email"], "janez@example.si")
    finish(qtbot, window, dialog)
    assert window.banner.headline.text() == "✓ Janez Novak"
    assert door.counters() == (3, 1, 1)


def test_a_possible_duplicate_is_offered_and_enter_checks_in_the_person_already_recorded(qtbot, window, door):
    marko = door.person("Marko", "Kos", email="marko.kos@example.si")
    dialog = open_dialog(qtbot, window)
    type_text(dialog.fields["first_name"], "Marko")
    type_text(dialog.fields["last_name"], "Kos")
    type_text(dialog.fields["email"], "marko.kos@example.si")
    with qtbot.waitSignal(dialog.candidate_list.model().rowsInserted, timeout=5000):
        qtbot.keyClick(dialog.fields["email"], Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicates.isVisible)
    assert "Marko Kos" in dialog.candidate_list.item(0).text()
    assert dialog.candidate_list.hasFocus()
    finish(qtbot, window, dialog)  # Enter: "This is them: check in"
    receipt = window.undo_stack[-1]
    assert receipt.person_id == marko and not receipt.person_created
    assert door.counters() == (3, 1, 1)


def test_ctrl_n_opens_the_form_and_someone_else_saves_a_new_person(qtbot, window, door):
    marko = door.person("Marko", "Kos", email="marko.kos@example.si")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.walk_in_dialog is not None and window.walk_in_dialog.isVisible())
    dialog = window.walk_in_dialog
    type_text(dialog.fields["first_name"], "Marko")
    type_text(dialog.fields["last_name"], "Kos")
    type_text(dialog.fields["email"], "marko.kos@example.si")
    qtbot.keyClick(dialog.fields["email"], Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicates.isVisible)
    with qtbot.waitSignal(window.write_finished, timeout=5000):
        dialog.someone_else.click()
    receipt = window.undo_stack[-1]
    assert receipt.person_id != marko and receipt.person_created
    assert door.counters() == (3, 1, 1)


def test_a_walk_in_without_a_last_name_is_marked_and_nothing_is_saved(qtbot, window, door):
    dialog = open_dialog(qtbot, window)
    type_text(dialog.fields["first_name"], "Mojca")
    qtbot.keyClick(dialog.fields["first_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.marks.message("last_name")))
    assert dialog.isVisible()
    assert door.counters() == (3, 0, 0)
    dialog.reject()


def test_this_is_them_for_someone_already_in_is_refused_large_in_the_window(qtbot, window, door):
    marko = door.person("Marko", "Kos", email="marko.kos@example.si")
    ci.check_in_walk_in(door.ws.store, door.ws.actor, door.session_id, person_id=marko)
    window.refresh()
    dialog = open_dialog(qtbot, window)
    type_text(dialog.fields["first_name"], "Marko")
    type_text(dialog.fields["last_name"], "Kos")
    type_text(dialog.fields["email"], "marko.kos@example.si")
    qtbot.keyClick(dialog.fields["email"], Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicates.isVisible)
    finish(qtbot, window, dialog)
    assert not dialog.isVisible()
    assert window.banner.kind == REFUSED
    assert "Marko Kos" in window.banner.detail.text()
    assert door.counters() == (3, 1, 1)  # counted once


def test_typed_names_are_split_into_first_and_last_name():
    assert split_typed_name("janez novak") == ("Janez", "Novak")
    assert split_typed_name("Ana van der Berg") == ("Ana", "van der Berg")
    assert split_typed_name("čeh") == ("", "Čeh")
    assert split_typed_name("") == ("", "")


def test_editing_a_field_after_the_likeness_brings_back_add(qtbot, window, door):
    door.person("Marko", "Kos", email="marko.kos@example.si")
    dialog = open_dialog(qtbot, window)
    type_text(dialog.fields["first_name"], "Marko")
    type_text(dialog.fields["last_name"], "Kos")
    type_text(dialog.fields["email"], "marko.kos@example.si")
    qtbot.keyClick(dialog.fields["email"], Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicates.isVisible)
    assert not dialog.add_button.isVisible() and dialog.this_is_them.isDefault()
    dialog.fields["email"].setFocus()
    qtbot.keyClick(dialog.fields["email"], Qt.Key.Key_Backspace)
    assert not dialog.duplicates.isVisible()
    assert dialog.add_button.isVisible() and dialog.add_button.isDefault()
    dialog.reject()
