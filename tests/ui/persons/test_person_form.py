"""The person form with real widgets and keys: registering by typing (Slovenian letters included),
editing, every bad input refused at its field with nothing saved, the unsaved-changes question,
the tab order, Enter and Ctrl+S, and the "New person" button of the Clients page."""

from __future__ import annotations

import datetime as dt

import pytest
from form_helpers import (
    EMSO_MAN_1985,
    EMSO_WOMAN_1985,
    answer_unsaved_question,
    open_form,
    persons_in,
    type_into,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import type_text

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.persons import PersonInput, PersonValidationError
from sociolab_desktop.ui.persons import field_names
from sociolab_desktop.ui.persons.person_form_values import read_form


def _fill_names(form, first="Živa", last="Šuštar Đurđević") -> None:
    type_into(form, "first_name", first)
    type_into(form, "last_name", last)


def _save_and_wait_refusal(form, qtbot) -> None:
    form.save_button.click()
    qtbot.waitUntil(lambda: form.summary.isVisible() and not form.is_busy)


def _save_and_wait_saved(form, qtbot) -> str:
    with qtbot.waitSignal(form.saved, timeout=5000) as blocker:
        form.save_button.click()
    return blocker.args[0]


def _service_message(workspace, data: PersonInput, field: str) -> str | None:
    """What the service says about `field` for this input (rendered by the same translator)."""
    try:
        persons.create_person(workspace.store, workspace.actor, data, today=dt.date.today())
    except PersonValidationError as error:
        return next((e for e in error.errors if e.field == field), None)
    return None


# --- registering and editing ------------------------------------------------------------------


def test_registering_by_typing_slovenian_letters_saves_every_field(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form, "Živa", "Čeh Đurđević")
    type_into(form, "birth", "27. 11. 1985")
    type_into(form, "emso", EMSO_WOMAN_1985)
    type_into(form, "email", "ziva.ceh@example.si")
    type_into(form, "phone", "02 234 56 78")
    type_into(form, "street_address", "Šuštarjeva ulica 5")
    type_into(form, "postal_code", "2250")
    qtbot.keyClick(form.fields.widgets["postal_code"], Qt.Key.Key_Tab)  # a known code fills the rest
    assert form.fields.text("post_town") == "Ptuj"
    assert form.fields.municipality.value() == ("SI-096", False)
    assert form.fields.widgets["gender"].currentData() == "female"  # read from the EMŠO
    form.fields.widgets["labour_status"].setFocus()
    qtbot.keyClick(form.fields.widgets["labour_status"], Qt.Key.Key_Down)  # "Employed"
    form.fields.widgets["disability"].setCurrentIndex(3)  # did not want to answer
    form.fields.language.setCurrentIndex(form.fields.language.findData("en"))
    type_into(form, "notes", "Želi ustanoviti zadrugo.")

    with qtbot.waitSignal(form.saved, timeout=5000) as blocker:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = persons.get_person(workspace.store, blocker.args[0])
    assert (saved.first_name, saved.last_name) == ("Živa", "Čeh Đurđević")
    assert saved.birth_date == dt.date(1985, 11, 27) and saved.gender == "female"
    assert saved.emso == EMSO_WOMAN_1985 and saved.email == "ziva.ceh@example.si"
    assert (saved.street_address, saved.postal_code, saved.post_town) == ("Šuštarjeva ulica 5", "2250", "Ptuj")
    assert saved.municipality_code == "SI-096" and saved.country_code == "SI"
    assert saved.labour_status == "employed" and saved.disability == "declined"
    assert saved.preferred_language == "en" and saved.notes == "Želi ustanoviti zadrugo."
    assert saved.site_id == workspace.settings.site_id
    assert saved.first_contact_date == dt.date.today()
    assert not form.isVisible()
    assert persons_in(workspace) == 1


def test_municipality_is_found_by_typing_without_accents(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    picker = form.fields.municipality
    picker.setFocus()
    type_text(picker.lineEdit(), "sredisce")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert picker.completer().completionModel().index(0, 0).data() == "Središče ob Dravi"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.lineEdit().text() == "Središče ob Dravi"
    assert picker.value() == ("SI-202", False)


def test_podravje_comes_first_then_slovenia_then_abroad_with_a_country(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    picker = form.fields.municipality
    names = [picker.itemText(row) for row in range(picker.count())]
    assert names[0] == "Benedikt" and "Žetale" in names[:42]
    assert names.index("Ljubljana") > names.index("Žetale")
    assert picker.itemData(picker.count() - 1) == "abroad"
    assert not form.fields.country.isVisibleTo(form)
    _fill_names(form)
    picker.setCurrentIndex(picker.count() - 1)
    assert form.fields.country.isVisibleTo(form)
    form.fields.country.setFocus()
    type_text(form.fields.country.lineEdit(), "avstrija" if ctx.tr.language == "sl" else "austria")
    person_id = _save_and_wait_saved(form, qtbot)
    saved = persons.get_person(workspace.store, person_id)
    assert saved.country_code == "AT" and saved.municipality_code is None


def test_abroad_without_a_country_is_refused_at_the_country(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    form.fields.municipality.setCurrentIndex(form.fields.municipality.count() - 1)
    _save_and_wait_refusal(form, qtbot)
    assert form.fields.errors["country_code"].text() == ctx.tr.gettext(field_names.COUNTRY_MISSING)
    assert persons_in(workspace) == 0


def test_reopened_person_shows_what_was_saved_and_an_edit_is_kept(ctx, qtbot, workspace):
    person = persons.create_person(workspace.store, workspace.actor, PersonInput(
        "Živa", "Čeh", birth_year=1985, email="ziva@example.si", municipality_code="SI-070",
        rural_area="yes", notes="prva vrstica\ndruga vrstica"), today=dt.date.today())
    form = open_form(ctx, qtbot, person.id)
    assert form.fields.text("first_name") == "Živa"
    assert form.fields.text("birth") == "1985"  # the year alone, as it was given
    assert form.fields.municipality.value() == ("SI-070", False)
    assert form.fields.widgets["rural_area"].currentData() == "yes"
    assert form.fields.notes.toPlainText() == "prva vrstica\ndruga vrstica"
    assert form.title_label.text() == "Živa Čeh"
    assert not form.has_changes()

    form.fields.widgets["phone"].setFocus()
    type_text(form.fields.widgets["phone"], "031 123 456")
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.fields.widgets["phone"], Qt.Key.Key_Return)  # Enter saves
    saved = persons.get_person(workspace.store, person.id)
    assert saved.phone == "031 123 456" and saved.birth_year == 1985 and saved.rural_area == "yes"
    assert persons_in(workspace) == 1


# --- bad input --------------------------------------------------------------------------------


BAD_INPUTS = {
    "wrong EMŠO check digit": ({"emso": "0106985500066"}, "emso"),
    "EMŠO of another birth date": ({"birth": "28. 11. 1985", "emso": EMSO_WOMAN_1985}, "emso"),
    "EMŠO of another gender": ({"gender": "female", "emso": EMSO_MAN_1985}, "emso"),
    "e-mail without @": ({"email": "ziva.example.si"}, "email"),
    "postal code of 3 digits": ({"postal_code": "200"}, "postal_code"),
    "birth date in the future": ({"birth": "1. 1. 2099"}, "birth"),
    "birth date before 1900": ({"birth": "31. 12. 1899"}, "birth"),
    "first name of only spaces": ({"first_name": "    "}, "first_name"),
    "notes of 20 000 characters": ({"notes": "x" * 20_000}, "notes"),
    "wrong tax number": ({"tax_number": "12345678"}, "tax_number"),
    "first contact in the future": ({"first_contact_date": "1. 1. 2099"}, "first_contact_date"),
    "phone with letters": ({"phone": "ena dva tri"}, "phone"),
}


def _enter(form, slot: str, value: str) -> None:
    widget = form.fields.widgets[slot]
    if slot == "notes":
        widget.setPlainText(value)  # 20 000 key events would only slow the test down
    elif slot == "gender":
        widget.setCurrentIndex(widget.findData(value))
    else:
        widget.clear()
        type_into(form, slot, value)


@pytest.mark.parametrize("inputs, slot", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_refused_at_its_field_and_nothing_is_saved(ctx, qtbot, workspace, inputs, slot):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    for field, value in inputs.items():
        _enter(form, field, value)
    data = read_form(form.fields).data
    _save_and_wait_refusal(form, qtbot)

    error = form.fields.errors[slot]
    service_field = {"birth": "birth_date"}.get(slot, slot)
    assert error.isVisible()
    assert error.text() == _service_message(workspace, data, service_field).render(ctx.tr)
    assert form.fields.widgets[slot].property("invalid") is True
    assert sum(label.isVisible() for label in form.fields.errors.values()) == 1
    assert ctx.tr.gettext(field_names.FIELD_LABELS[slot]) in form.summary.text()
    assert QApplication.focusWidget() is form.fields.widgets[slot]
    assert form.isVisible() and persons_in(workspace) == 0


def test_a_date_that_cannot_be_read_is_refused_with_the_other_errors(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form, first="  ")
    type_into(form, "birth", "32. 13. 1985")
    type_into(form, "email", "brez-afne")
    _save_and_wait_refusal(form, qtbot)
    expected = FieldError("birth_date", field_names.BIRTH_UNREADABLE, value="32. 13. 1985").render(ctx.tr)
    assert form.fields.errors["birth"].text() == expected
    assert form.fields.errors["first_name"].isVisible() and form.fields.errors["email"].isVisible()
    assert QApplication.focusWidget() is form.fields.widgets["first_name"]  # the first one on the form
    assert persons_in(workspace) == 0


def test_correcting_the_fields_clears_the_marks_and_saves(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    type_into(form, "postal_code", "200")
    _save_and_wait_refusal(form, qtbot)
    type_text(form.fields.widgets["postal_code"], "0")
    _save_and_wait_saved(form, qtbot)
    assert persons_in(workspace) == 1


# --- closing ----------------------------------------------------------------------------------


def test_escape_on_an_untouched_form_closes_without_asking(ctx, qtbot, workspace, monkeypatch):
    form = open_form(ctx, qtbot)
    monkeypatch.setattr(form, "ask_unsaved_changes", lambda: pytest.fail("asked without changes"))
    qtbot.keyClick(form.fields.widgets["first_name"], Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_escape_after_typing_asks_and_keep_editing_keeps_the_form(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    qtbot.keyClick(form.fields.widgets["last_name"], Qt.Key.Key_Escape)
    answer_unsaved_question(qtbot, form, "keep")
    assert form.isVisible()
    assert form.fields.text("last_name") == "Šuštar Đurđević"


def test_discard_closes_and_saves_nothing(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    form.cancel_button.click()
    answer_unsaved_question(qtbot, form, "discard")
    assert not form.isVisible()
    assert persons_in(workspace) == 0


def test_closing_the_window_with_changes_asks_and_save_saves(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    form.close()
    assert form.isVisible()  # open while it asks
    with qtbot.waitSignal(form.saved, timeout=5000):
        answer_unsaved_question(qtbot, form, "save")
    assert persons_in(workspace) == 1


def test_question_buttons_speak_the_users_language(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    form.reject()
    qtbot.waitUntil(lambda: form.question_box is not None)
    seen = {button.text() for button in form.question_box.buttons()}
    assert seen == {ctx.tr.gettext("Save"), ctx.tr.gettext("Close without saving"), ctx.tr.gettext("Keep editing")}
    answer_unsaved_question(qtbot, form, "keep")
    assert form.isVisible()


# --- keyboard ---------------------------------------------------------------------------------


def _focused_slot(form) -> str:
    focused = QApplication.focusWidget()
    for slot, widget in form.fields.widgets.items():
        if focused is widget or (hasattr(widget, "lineEdit") and widget.lineEdit() is focused):
            return slot
    return {form.save_button: "save", form.cancel_button: "cancel"}.get(focused, repr(focused))


def test_tab_walks_the_form_in_reading_order(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    form.fields.widgets["first_name"].setFocus()
    visited = ["first_name"]
    for _step in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(_focused_slot(form))
    assert visited == [
        "first_name", "last_name", "gender", "birth", "emso", "tax_number",
        "email", "phone", "street_address", "postal_code", "post_town", "municipality_code",
        "target_group", "preferred_language", "site_id", "first_contact_date",
        "labour_status", "isced_level", *field_names.ANSWER_FIELDS, "is_incomplete",
        "notes", "save", "cancel", "first_name",
    ]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert _focused_slot(form) == "cancel"


def test_country_joins_the_tab_order_only_for_an_address_abroad(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    form.fields.municipality.setCurrentIndex(form.fields.municipality.count() - 1)
    form.fields.municipality.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _focused_slot(form) == "country_code"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _focused_slot(form) == "target_group"


def test_enter_in_the_notes_starts_a_new_line_instead_of_saving(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    type_into(form, "notes", "prva")
    qtbot.keyClick(form.fields.notes, Qt.Key.Key_Return)
    type_text(form.fields.notes, "druga")
    assert form.fields.notes.toPlainText() == "prva\ndruga"
    assert form.isVisible() and not form.is_busy and persons_in(workspace) == 0


# --- the Clients page -------------------------------------------------------------------------


def test_ctrl_n_on_the_clients_page_registers_a_person_who_then_appears_in_the_list(ctx, qtbot, workspace):
    from sociolab_desktop.ui.clients.clients_page import ClientsPage
    from sociolab_desktop.ui.clients.person_list_model import SURNAME

    page = ClientsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.isActiveWindow() and page.model.total == 0 and page.model.idle)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.person_form
    assert form is not None and form.isVisible()
    qtbot.waitUntil(lambda: form.is_ready)
    _fill_names(form, "Živa", "Čeh")
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.fields.widgets["last_name"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total == 1 and page.model.idle)
    assert page.model.index(0, SURNAME).data() == "Čeh"
    assert page.new_person_button.text() == ctx.tr.gettext("New person")


def test_enter_still_saves_after_a_refused_save(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form)
    type_into(form, "email", "brez-afne")
    _save_and_wait_refusal(form, qtbot)
    assert form.save_button.isDefault() and not form.cancel_button.isDefault()
    form.fields.widgets["email"].clear()
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.fields.widgets["email"], Qt.Key.Key_Return)
    assert persons_in(workspace) == 1


def test_a_merged_away_record_is_shown_but_cannot_be_saved(ctx, qtbot, workspace):
    from sociolab_desktop.core.services.person_operations import merge_persons

    today = dt.date.today()
    survivor = persons.create_person(workspace.store, workspace.actor, PersonInput("Živa", "Čeh"), today=today)
    loser = persons.create_person(workspace.store, workspace.actor, PersonInput("Ziva", "Ceh"), today=today,
                                  allow_duplicates=True)
    merge_persons(workspace.store, workspace.actor, survivor.id, loser.id)
    form = open_form(ctx, qtbot, loser.id)
    assert form.summary.text() == ctx.tr.gettext(
        "This record was merged into another person's record; open and edit that one instead.")
    assert not form.save_button.isEnabled() and not form.is_ready
    assert form.fields.text("first_name") == "Ziva"


def test_a_person_who_is_not_there_says_so(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot, "no-such-person")
    assert form.summary.isVisible() and not form.save_button.isEnabled()
    assert not form.fields.isEnabled()


def test_switching_the_language_rewords_the_form_and_its_errors(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    _fill_names(form, first="   ")
    _save_and_wait_refusal(form, qtbot)
    ctx.set_language("en", save=False)
    assert form.windowTitle() == "New person"
    assert form.fields.labels["first_name"].text() == "First name:"
    assert form.fields.errors["first_name"].text() == "This field is required; enter a name."
    assert form.summary.text().startswith("The person was not saved: correct the marked fields.")
    assert form.save_button.text() == "Save"


def test_the_form_has_a_place_for_every_field_of_the_service(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    for field in persons.INPUT_FIELDS:
        slot = field_names.ERROR_SLOTS.get(field, field)
        assert slot in form.fields.widgets, field
        assert slot in field_names.FIELD_LABELS, field


def test_the_country_chosen_stays_when_the_language_changes(ctx, qtbot, workspace):
    form = open_form(ctx, qtbot)
    form.fields.municipality.setCurrentIndex(form.fields.municipality.count() - 1)
    form.fields.country.select_data("DE")
    ctx.set_language("en", save=False)
    assert form.fields.country.value() == "DE"
    assert form.fields.country.currentText() == "Germany"


@pytest.mark.parametrize("width", [760, 1180])
def test_errors_are_readable_whole_in_a_narrow_window_and_in_a_wide_one(ctx, qtbot, workspace, width):
    form = open_form(ctx, qtbot)
    form.setMinimumSize(0, 0)
    form.resize(width, 700)
    _fill_names(form)
    for slot, value in (("emso", "2711985505123"), ("tax_number", "12345678"), ("email", "ana.example.si"),
                        ("postal_code", "225")):
        _enter(form, slot, value)
    _save_and_wait_refusal(form, qtbot)
    qtbot.waitUntil(lambda: form.fields.side_by_side is (width >= form.fields.width_for_two_columns()))

    assert form.fields.side_by_side is (width > 1000)  # narrow: intake and ESF answers below
    assert not form.scroll.horizontalScrollBar().isVisible()
    shown = [label for label in form.fields.errors.values() if label.isVisible()]
    assert len(shown) == 4
    for label in shown:  # every line of the message has room, none is cut off
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    entry = form.fields.widgets
    if not form.fields.side_by_side:
        assert entry["target_group"].mapTo(form.fields, entry["target_group"].rect().topLeft()).y() > \
            entry["municipality_code"].mapTo(form.fields, entry["municipality_code"].rect().topLeft()).y()
        assert form.fields.notes.mapTo(form.fields, form.fields.notes.rect().topLeft()).y() > \
            entry["is_incomplete"].mapTo(form.fields, entry["is_incomplete"].rect().topLeft()).y()
