"""One organisation's window: key data, linking a person found by typing, changing a role's dates,
removing a link, the timeline, editing, and opening a linked person."""

from __future__ import annotations

import datetime as dt

import pytest
from organisations_helpers import show
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import answer_question, type_text

from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services.contacts import ContactInput, record_contact
from sociolab_desktop.core.services.organisations import get_organisation
from sociolab_desktop.ui.organisations.organisation_models import DETAILS, PERSON, ROLE, SINCE, UNTIL, WHAT
from sociolab_desktop.ui.organisations.organisation_window import OrganisationWindow
from sociolab_desktop.ui.organisations.role_dialog import RoleDatesDialog, RoleDialog

START = dt.date(2024, 3, 1)


@pytest.fixture
def zadruga(organisations):
    return organisations["zadruga"]


def _open(ctx, qtbot, organisation_id) -> OrganisationWindow:
    window = show(qtbot, OrganisationWindow(ctx, organisation_id), size=(1060, 640))
    qtbot.waitUntil(lambda: window.view is not None and not window.loading)
    return window


def _reloaded(qtbot, window, action) -> None:
    with qtbot.waitSignal(window.loaded, timeout=5000):
        action()


@pytest.fixture
def linked(workspace, zadruga, person_id):
    return roles.link_person(workspace.store, workspace.actor, zadruga.id, person_id, "founder", since=START)


def test_the_window_shows_the_key_data(ctx, qtbot, zadruga):
    window = _open(ctx, qtbot, zadruga.id)
    assert window.windowTitle() == "Zadruga Đurđevka, z.o.o."
    assert window.details.name_label.text() == "Zadruga Đurđevka, z.o.o."
    assert window.details.value("registration_number") == zadruga.registration_number
    assert window.details.value("tax_number") == zadruga.tax_number
    assert window.details.value("municipality") == "Ptuj"
    assert window.details.value("site") == "Informacijska točka Maribor"
    assert ctx.tr.gettext("Cooperative") in window.details.kind_label.text()
    assert window.persons_model.rowCount() == 0


def test_the_timeline_shows_a_contact_recorded_for_the_organisation(ctx, qtbot, workspace, zadruga, linked):
    record_contact(workspace.store, workspace.actor, ContactInput(
        contact_date=dt.date(2025, 5, 6), channel="visit", topics=["cooperative", "financing"],
        organisation_id=zadruga.id, description="Vprašanja o ustanovitvi zadruge."))
    window = _open(ctx, qtbot, zadruga.id)
    model = window.timeline_model
    rows = [[model.index(row, column).data() for column in range(3)] for row in range(model.rowCount())]
    assert len(rows) == 2  # the contact, and the founder's role starting (newest first)
    date, what, details = rows[0]
    assert date == ctx.tr.format_date(dt.date(2025, 5, 6), "numeric")
    assert ctx.tr.gettext("Visit") in what
    assert "Vprašanja o ustanovitvi zadruge." in details and ctx.tr.gettext("Financing") in details
    assert rows[1][0] == ctx.tr.format_date(START, "numeric")
    assert ctx.tr.gettext("Founder") in rows[1][WHAT] and rows[1][DETAILS] == "Špela Đurić"
    assert ctx.tr.gettext("Timeline ({count})").format(count=2) == window.tabs.tabText(1)


def test_link_a_person_found_by_typing_without_accents(ctx, qtbot, workspace, zadruga, person_id):
    window = _open(ctx, qtbot, zadruga.id)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, RoleDialog)
    qtbot.waitUntil(dialog.search_edit.hasFocus)
    type_text(dialog.search_edit, "spela duric")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert "Đurić Špela" in dialog.results.item(0).text()
    dialog.role_combo.setFocus()
    qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Down)  # Choose… → Founder → Employee
    dialog.since_edit.set_value(START)

    with qtbot.waitSignal(window.changed), qtbot.waitSignal(window.loaded):
        qtbot.keyClick(dialog.role_combo, Qt.Key.Key_Return)
    links = roles.linked_persons(workspace.store, zadruga.id)
    assert [(link.person_id, link.role, link.since) for link in links] == [(person_id, "employee", START)]
    model = window.persons_model
    assert model.index(0, PERSON).data() == "Špela Đurić"
    assert model.index(0, ROLE).data() == ctx.tr.gettext("Employee")
    assert model.index(0, SINCE).data() == ctx.tr.format_date(START, "numeric")


def test_linking_without_a_role_is_refused_at_the_role(ctx, qtbot, zadruga, person_id):
    window = _open(ctx, qtbot, zadruga.id)
    dialog = window.link_person()
    type_text(dialog.search_edit, "Đurić")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.accept()
    assert dialog.role_box.error and dialog.isVisible()


def test_the_same_role_twice_is_refused_with_a_message(ctx, qtbot, zadruga, linked):
    window = _open(ctx, qtbot, zadruga.id)
    dialog = window.link_person()
    type_text(dialog.search_edit, "duric")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("founder"))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "Špela Đurić" in dialog.error.text() and dialog.isVisible()


def test_an_end_date_before_the_start_is_refused_and_a_later_one_saved(ctx, qtbot, workspace, zadruga, linked):
    window = _open(ctx, qtbot, zadruga.id)
    window.persons_table.setFocus()
    window.persons_table.selectRow(0)
    dialog = window.change_dates()
    assert isinstance(dialog, RoleDatesDialog)
    assert dialog.since_edit.value() == START and dialog.until_edit.value() is None

    dialog.until_edit.check.setChecked(True)
    dialog.until_edit.date_edit.setDate(QDate(2024, 1, 31))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert ctx.tr.format_date(dt.date(2024, 1, 31), "numeric") in dialog.until_box.error  # the window's dates
    assert ctx.tr.format_date(START, "numeric") in dialog.until_box.error and dialog.isVisible()
    assert roles.linked_persons(workspace.store, zadruga.id)[0].until is None

    dialog.until_edit.date_edit.setDate(QDate(2024, 12, 31))
    _reloaded(qtbot, window, dialog.accept)
    assert roles.linked_persons(workspace.store, zadruga.id)[0].until == dt.date(2024, 12, 31)
    assert window.persons_model.index(0, UNTIL).data() == ctx.tr.format_date(dt.date(2024, 12, 31), "numeric")
    assert window.dialog is None  # closed (and deleted)


def test_removing_a_link_asks_first(ctx, qtbot, workspace, zadruga, linked):
    window = _open(ctx, qtbot, zadruga.id)
    window.persons_table.setFocus()
    window.persons_table.selectRow(0)
    qtbot.keyClick(window.persons_table, Qt.Key.Key_Delete)
    box = window.question_box
    assert box is not None and box.isVisible() and "Špela Đurić" in box.text()
    answer_question(qtbot, window, ctx.tr.gettext("Cancel"))
    assert len(roles.linked_persons(workspace.store, zadruga.id)) == 1

    box = window.unlink()
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    _reloaded(qtbot, window, remove.click)
    assert roles.linked_persons(workspace.store, zadruga.id) == []
    assert window.persons_model.rowCount() == 0


def test_edit_opens_the_form_and_the_window_shows_the_change(ctx, qtbot, workspace, zadruga):
    window = _open(ctx, qtbot, zadruga.id)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = window.dialog
    qtbot.waitUntil(lambda: form.ready)
    form.fields.name_edit.clear()
    form.fields.name_edit.setFocus()
    type_text(form.fields.name_edit, "Zadruga Đurđevka Ptuj")
    _reloaded(qtbot, window, form.accept)
    assert get_organisation(workspace.store, zadruga.id).name == "Zadruga Đurđevka Ptuj"
    assert window.windowTitle() == "Zadruga Đurđevka Ptuj"


def test_the_window_follows_a_language_switch(ctx, qtbot, zadruga, linked):
    window = _open(ctx, qtbot, zadruga.id)
    ctx.set_language("en", save=False)
    assert window.tabs.tabText(0) == "People (1)"
    assert window.persons_model.index(0, ROLE).data() == "Founder"
    assert window.persons_model.index(0, SINCE).data() == "01/03/2024"
    assert window.details.captions["registration_number"].text() == "Registration number:"
    ctx.set_language("sl", save=False)
    assert window.persons_model.index(0, SINCE).data() == "1. 3. 2024"


def test_escape_closes_the_window(ctx, qtbot, zadruga):
    window = OrganisationWindow(ctx, zadruga.id)  # not handed to qtbot: it deletes itself on closing
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.view is not None)
    with qtbot.waitSignal(window.destroyed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_enter_on_a_linked_person_opens_their_window(ctx, qtbot, zadruga, linked, person_id):
    window = _open(ctx, qtbot, zadruga.id)
    window.persons_table.setFocus()
    window.persons_table.selectRow(0)
    qtbot.keyClick(window.persons_table, Qt.Key.Key_Return)
    assert window.person_windows and window.person_windows[-1].person_id == person_id
    window.person_windows[-1].close()
