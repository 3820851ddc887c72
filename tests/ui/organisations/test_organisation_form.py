"""The organisation form typed into like a person would: saved, refused at the field, duplicates,
"save anyway", unsaved changes, editing, abroad, and the tab order."""

from __future__ import annotations

import pytest
from organisations_helpers import OTHER_REGISTRATION, OTHER_TAX, REGISTRATION, show
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import answer_question, type_text

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.ui.organisations.organisation_form import OrganisationForm


@pytest.fixture
def new_form(ctx, qtbot) -> OrganisationForm:
    form = show(qtbot, OrganisationForm(ctx), size=(900, 560))
    qtbot.waitUntil(lambda: form.ready)
    return form


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    type_text(widget, text)


def _choose(qtbot, combo, downs: int) -> None:
    """Pick an item the keyboard way: focus the list and press Down."""
    combo.setFocus()
    for _ in range(downs):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def _save(qtbot, form) -> None:
    qtbot.keyClick(form.fields.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.saving)


def _count(workspace, text: str) -> int:
    return org.count_organisations(workspace.store, org.OrganisationFilter(text=text))


def test_a_new_organisation_typed_with_slovenian_letters_is_saved(new_form, qtbot, workspace):
    form = new_form
    _type(qtbot, form.fields.name_edit, "Zadruga Žabji Čepek, z.o.o.")
    _choose(qtbot, form.fields.legal_form_combo, 2)  # Choose… → Social enterprise → Cooperative
    _choose(qtbot, form.fields.stage_combo, 3)  # Not known → Idea → Initiative → Start-up
    _type(qtbot, form.fields.registration_edit, OTHER_REGISTRATION)
    _type(qtbot, form.fields.tax_edit, OTHER_TAX)
    _type(qtbot, form.fields.sector_edit, "Čebelarstvo in ćevapčiči")
    _type(qtbot, form.fields.address_edit, "Čučkova ulica 5")
    _type(qtbot, form.fields.postal_code_edit, "2250")
    _type(qtbot, form.fields.email_edit, "info@cepek.si")  # leaving the postal code fills town and municipality
    assert form.fields.post_town_edit.text() == "Ptuj"
    assert form.fields.municipality_picker.value() == ("SI-096", False)
    _type(qtbot, form.fields.website_edit, "www.cepek.si")
    _type(qtbot, form.fields.phone_edit, "02 123 45 67")
    _type(qtbot, form.fields.notes_edit, "Šola, žaga, đuveč.")

    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form.fields.phone_edit, Qt.Key.Key_Return)  # Enter saves, as in every dialog
    assert not form.isVisible()
    stored = org.get_organisation(workspace.store, saved.args[0])
    assert stored.name == "Zadruga Žabji Čepek, z.o.o."
    assert (stored.legal_form, stored.stage) == ("cooperative", "start_up")
    assert (stored.registration_number, stored.tax_number) == (OTHER_REGISTRATION + "000", OTHER_TAX)
    assert (stored.street_address, stored.postal_code, stored.post_town) == ("Čučkova ulica 5", "2250", "Ptuj")
    assert (stored.municipality_code, stored.country_code) == ("SI-096", "SI")
    assert (stored.sector, stored.notes) == ("Čebelarstvo in ćevapčiči", "Šola, žaga, đuveč.")
    assert stored.website == "https://www.cepek.si"
    assert stored.site_id == workspace.actor.site_id


def test_wrong_numbers_email_and_postal_code_are_refused_at_their_fields(new_form, qtbot, workspace, ctx):
    form = new_form
    _type(qtbot, form.fields.name_edit, "Društvo Napačno")
    _choose(qtbot, form.fields.legal_form_combo, 4)
    _type(qtbot, form.fields.registration_edit, "5933103")  # wrong check digit
    _type(qtbot, form.fields.tax_edit, "1234")
    _type(qtbot, form.fields.email_edit, "info.napacno.si")
    _type(qtbot, form.fields.postal_code_edit, "200")
    _save(qtbot, form)

    errors = form.field_errors()
    assert set(errors) == {"registration_number", "tax_number", "email", "postal_code"}
    assert "5933103" in errors["registration_number"]
    assert "1234" in errors["tax_number"]
    assert "info.napacno.si" in errors["email"]
    assert "200" in errors["postal_code"]
    assert form.error.text() == ctx.tr.gettext(org.OrganisationValidationError.message_id)
    assert form.isVisible() and _count(workspace, "napacno") == 0
    assert form.fields.registration_edit.hasFocus()  # the first wrong field, ready to be corrected

    form.fields.registration_edit.clear()
    form.fields.tax_edit.clear()
    form.fields.email_edit.clear()
    form.fields.postal_code_edit.clear()
    with qtbot.waitSignal(form.saved):
        _save(qtbot, form)
    assert _count(workspace, "napacno") == 1


def test_a_missing_name_and_legal_form_are_asked_for(new_form, qtbot):
    _save(qtbot, new_form)
    assert set(new_form.field_errors()) == {"name", "legal_form"}


def test_duplicate_registration_number_is_refused_naming_the_organisation_and_offering_it(
        organisations, new_form, qtbot, workspace):
    form = new_form
    _type(qtbot, form.fields.name_edit, "Druga zadruga")
    _choose(qtbot, form.fields.legal_form_combo, 2)
    _type(qtbot, form.fields.registration_edit, REGISTRATION)
    _save(qtbot, form)

    message = form.field_errors()["registration_number"]
    assert "Zadruga Đurđevka, z.o.o." in message and REGISTRATION in message
    assert form.open_existing_button.isVisible()
    assert _count(workspace, "druga zadruga") == 0
    with qtbot.waitSignal(form.open_requested) as requested:
        form.open_existing_button.click()
    assert requested.args == [organisations["zadruga"].id]
    assert not form.isVisible()


def _same_name(qtbot, form):
    _type(qtbot, form.fields.name_edit, "ZAVOD SONCE")  # the same name but for case
    _choose(qtbot, form.fields.legal_form_combo, 3)
    _save(qtbot, form)
    box = form.question_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Zavod Sonce" in box.text()
    return box


def test_the_same_name_asks_and_save_anyway_saves_another_one(organisations, new_form, qtbot, workspace, ctx):
    _same_name(qtbot, new_form)
    with qtbot.waitSignal(new_form.saved):
        answer_question(qtbot, new_form, ctx.tr.gettext("Save anyway"))
    assert _count(workspace, "zavod sonce") == 2


def test_the_same_name_can_open_the_existing_one_instead(organisations, new_form, qtbot, workspace, ctx):
    box = _same_name(qtbot, new_form)
    assert box.defaultButton().text() == ctx.tr.gettext("Open it")
    with qtbot.waitSignal(new_form.open_requested) as requested:
        answer_question(qtbot, new_form, ctx.tr.gettext("Open it"))
    assert requested.args == [organisations["sonce"].id]
    assert _count(workspace, "zavod sonce") == 1


def test_closing_with_unsaved_changes_asks_first(new_form, qtbot, workspace, ctx):
    form = new_form
    _type(qtbot, form.fields.name_edit, "Zavod Čakalnica")
    qtbot.keyClick(form.fields.name_edit, Qt.Key.Key_Escape)
    box = form.question_box
    assert box is not None and box.isVisible() and form.isVisible()
    answer_question(qtbot, form, ctx.tr.gettext("Keep editing"))
    assert form.isVisible() and form.fields.name_edit.text() == "Zavod Čakalnica"

    form.close()  # the window's close button asks the same
    answer_question(qtbot, form, ctx.tr.gettext("Close without saving"))
    assert not form.isVisible()
    assert _count(workspace, "cakalnica") == 0


def test_saving_from_the_unsaved_changes_question(new_form, qtbot, workspace, ctx):
    _type(qtbot, new_form.fields.name_edit, "Zavod Shranjeni")
    _choose(qtbot, new_form.fields.legal_form_combo, 3)
    new_form.reject()
    with qtbot.waitSignal(new_form.saved):
        answer_question(qtbot, new_form, ctx.tr.gettext("Save"))
    assert _count(workspace, "shranjeni") == 1


def test_editing_shows_the_stored_values_and_saves_the_change(organisations, ctx, qtbot, workspace):
    zadruga = organisations["zadruga"]
    form = show(qtbot, OrganisationForm(ctx, zadruga.id), size=(900, 560))
    qtbot.waitUntil(lambda: form.ready)
    assert form.fields.name_edit.text() == "Zadruga Đurđevka, z.o.o."
    assert form.fields.registration_edit.text() == zadruga.registration_number
    assert form.fields.legal_form_combo.currentData() == "cooperative"
    assert form.fields.municipality_picker.currentText() == "Ptuj"
    assert not form.is_dirty()

    _type(qtbot, form.fields.sector_edit, "Ekološko kmetijstvo")
    with qtbot.waitSignal(form.saved):
        _save(qtbot, form)
    stored = org.get_organisation(workspace.store, zadruga.id)
    assert stored.sector == "Ekološko kmetijstvo"
    assert stored.registration_number == zadruga.registration_number  # its own number is no duplicate


def test_closing_an_unchanged_form_does_not_ask(organisations, ctx, qtbot):
    form = show(qtbot, OrganisationForm(ctx, organisations["sonce"].id), size=(900, 560))
    qtbot.waitUntil(lambda: form.ready)
    qtbot.keyClick(form.fields.name_edit, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.question_box is None


def test_an_address_abroad_needs_a_country(new_form, qtbot, workspace):
    form = new_form
    _type(qtbot, form.fields.name_edit, "Verein Grenzenlos")
    _choose(qtbot, form.fields.legal_form_combo, 4)
    form.fields.municipality_picker.set_value(None, True)
    assert form.fields.boxes["country_code"].isVisibleTo(form)
    _save(qtbot, form)
    assert set(form.field_errors()) == {"country_code"}

    form.fields.country_picker.setFocus()
    type_text(form.fields.country_picker.lineEdit(), "AT")
    with qtbot.waitSignal(form.saved) as saved:
        _save(qtbot, form)
    stored = org.get_organisation(workspace.store, saved.args[0])
    assert (stored.country_code, stored.municipality_code) == ("AT", None)


def test_tab_walks_the_fields_in_reading_order(new_form, qtbot):
    form = new_form
    order = [form.fields.name_edit, form.fields.legal_form_combo, form.fields.stage_combo, form.fields.registration_edit, form.fields.tax_edit,
             form.fields.sector_edit, form.fields.language_combo, form.fields.address_edit, form.fields.postal_code_edit, form.fields.post_town_edit,
             form.fields.municipality_picker, form.fields.website_edit, form.fields.email_edit, form.fields.phone_edit, form.fields.notes_edit]
    form.fields.name_edit.setFocus()
    for expected in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is expected or focused.parent() is expected, expected.objectName()
