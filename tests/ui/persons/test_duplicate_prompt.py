"""The duplicate prompt before a new person is saved: shown for the same EMŠO and for the same name
(ignoring accents and case) with the same date of birth; "Save anyway" creates the second record,
"Open existing" creates nothing and hands over the existing person's id."""

from __future__ import annotations

import datetime as dt

import pytest
from form_helpers import EMSO_WOMAN_1985, open_form, persons_in, type_into
from PySide6.QtCore import Qt

from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.person_search import (
    DUPLICATE_REASON_LABELS,
    DuplicateReason,
)
from sociolab_desktop.core.services.persons import PersonInput
from sociolab_desktop.ui.persons.duplicate_dialog import (
    BIRTH,
    EMAIL,
    MUNICIPALITY,
    NAME,
    REASONS,
)


@pytest.fixture
def existing(workspace):
    """Živa Čeh, born 27 November 1985, of Maribor, already recorded."""
    return persons.create_person(workspace.store, workspace.actor, PersonInput(
        "Živa", "Čeh", birth_date=dt.date(1985, 11, 27), emso=EMSO_WOMAN_1985, email="ziva@example.si",
        municipality_code="SI-070"), today=dt.date.today())


def _prompt(form, qtbot):
    form.save_button.click()
    qtbot.waitUntil(lambda: form.duplicate_dialog is not None and form.duplicate_dialog.isVisible())
    return form.duplicate_dialog


def _reason(ctx, reason: DuplicateReason) -> str:
    return ctx.tr.gettext(DUPLICATE_REASON_LABELS[reason])


def test_same_emso_under_another_name_is_shown_before_saving(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot)
    type_into(form, "first_name", "Marija")
    type_into(form, "last_name", "Novak")
    type_into(form, "emso", EMSO_WOMAN_1985)
    dialog = _prompt(form, qtbot)

    assert dialog.table.topLevelItemCount() == 1
    row = dialog.table.topLevelItem(0)
    assert row.text(NAME) == "Živa Čeh"
    assert row.text(BIRTH) == ctx.tr.format_date(dt.date(1985, 11, 27), "numeric")
    assert row.text(MUNICIPALITY) == "Maribor" and row.text(EMAIL) == "ziva@example.si"
    assert _reason(ctx, DuplicateReason.SAME_EMSO) in row.text(REASONS)
    assert dialog.open_button.text() == ctx.tr.gettext("Open existing")
    assert persons_in(workspace) == 1  # nothing written while staff decide


def test_same_name_without_accents_and_same_birth_date_is_shown(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot)
    type_into(form, "first_name", "ziva")
    type_into(form, "last_name", "CEH")
    type_into(form, "birth", "27.11.1985")
    dialog = _prompt(form, qtbot)
    row = dialog.table.topLevelItem(0)
    assert row.text(NAME) == "Živa Čeh"
    assert _reason(ctx, DuplicateReason.SAME_NAME_AND_BIRTH_DATE) in row.text(REASONS)
    assert persons_in(workspace) == 1


def test_save_anyway_creates_the_second_record(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot)
    type_into(form, "first_name", "Živa")
    type_into(form, "last_name", "Čeh")
    type_into(form, "birth", "27. 11. 1985")
    dialog = _prompt(form, qtbot)
    with qtbot.waitSignal(form.saved, timeout=5000) as blocker:
        dialog.save_anyway_button.click()
    assert blocker.args[0] != existing.id
    assert persons_in(workspace) == 2
    assert not form.isVisible()


def test_open_existing_creates_nothing_and_hands_over_the_existing_id(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot)
    type_into(form, "first_name", "Marija")
    type_into(form, "last_name", "Novak")
    type_into(form, "emso", EMSO_WOMAN_1985)
    dialog = _prompt(form, qtbot)
    with qtbot.waitSignal(form.existing_chosen) as blocker:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter on the row: the default choice
    assert blocker.args == [existing.id]
    assert form.existing_person_id == existing.id
    assert not form.isVisible()
    if form.opened_window is not None:  # the person's page, when it is built, shows them
        form.opened_window.close()
    assert persons_in(workspace) == 1


def test_back_to_the_form_keeps_what_was_typed_and_saves_nothing(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot)
    type_into(form, "first_name", "ziva")
    type_into(form, "last_name", "ceh")
    type_into(form, "birth", "27. 11. 1985")
    dialog = _prompt(form, qtbot)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and form.isVisible()
    assert form.fields.text("first_name") == "ziva"
    assert persons_in(workspace) == 1


def test_no_prompt_for_someone_new(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot)
    type_into(form, "first_name", "Marko")
    type_into(form, "last_name", "Kovačič")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save_button.click()
    assert form.duplicate_dialog is None
    assert persons_in(workspace) == 2


def test_editing_the_existing_person_does_not_ask_about_themselves(ctx, qtbot, workspace, existing):
    form = open_form(ctx, qtbot, existing.id)
    form.fields.widgets["phone"].setFocus()
    type_into(form, "phone", "02 123 45 67")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save_button.click()
    assert form.duplicate_dialog is None
    assert persons_in(workspace) == 1
