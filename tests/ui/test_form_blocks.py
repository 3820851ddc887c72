"""The building blocks of the forms (ui/forms): a date typed the Slovenian way in every date field,
the messages under the fields, and the window-modal questions."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import OptionalDateEdit, date_edit, from_qdate, parse_typed_date, set_date_format
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.forms.questions import DISCARD, SAVE, ask, ask_unsaved_changes
from sociolab_desktop.ui.messages import InlineError

NOV_27 = dt.date(2026, 11, 27)
MAR_1 = dt.date(2021, 3, 1)


def _type_date(qtbot, language: str, text: str) -> dt.date:
    edit = date_edit("day", dt.date(2020, 1, 1))
    qtbot.addWidget(edit)
    set_date_format(edit, Translator(language))
    edit.show()
    edit.setFocus()
    edit.setSelectedSection(edit.sectionAt(0))  # as after Tab
    QTest.keyClicks(edit, text)
    edit.interpretText()
    return from_qdate(edit.date())


@pytest.mark.parametrize(("language", "text", "day"), [
    ("sl", "27. 11. 2026", NOV_27), ("sl", "27.11.2026", NOV_27), ("sl", "27112026", NOV_27),
    ("sl", "27/11/2026", NOV_27), ("sl", "1. 3. 2021", MAR_1), ("sl", "1.3.2021", MAR_1), ("sl", "01032021", MAR_1),
    ("en", "27/11/2026", NOV_27), ("en", "27. 11. 2026", NOV_27), ("en", "1/3/2021", MAR_1),
])
def test_a_date_typed_day_first_is_read_alike_in_calendar_and_text_fields(qtbot, language, text, day):
    assert _type_date(qtbot, language, text) == day
    assert parse_typed_date(text).date == day


def test_an_optional_date_is_none_until_ticked(qtbot):
    edit = OptionalDateEdit(today=lambda: NOV_27)
    qtbot.addWidget(edit)
    assert edit.value() is None and not edit.date_edit.isEnabled()
    edit.check.setChecked(True)
    assert edit.value() == NOV_27
    edit.set_value(MAR_1)
    assert edit.value() == MAR_1
    edit.set_value(None)
    assert edit.value() is None


def test_each_refusal_is_marked_at_its_field_and_the_rest_under_the_form(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    general = InlineError()
    marks = FieldMarks(general)
    starts, ends, name = QLineEdit(), QLineEdit(), QLineEdit()
    layout = QVBoxLayout(dialog)
    for field_name, editor in (("name", name), ("starts", starts)):
        layout.addWidget(marks.field(field_name, editor))
    marks.add("ends", ends, marks.line("starts"))  # one line under both times
    layout.addWidget(ends)
    layout.addWidget(general)
    dialog.show()
    error = FieldErrors([FieldError("ends", N_("The end is before the start.")),
                         FieldError("site_id", N_("This field is required."))])
    marks.show(error, Translator("en"))
    assert marks.marked() == ["starts", "ends"]  # the shared line speaks for both
    assert marks.errors() == {"starts": "The end is before the start."}
    assert dialog.focusWidget() is ends and name.accessibleDescription() == ""
    assert "This field is required." in general.text() and general.isVisibleTo(dialog)
    marks.clear()
    assert marks.marked() == [] and general.isHidden()


def test_the_unsaved_changes_question_is_kept_on_the_window_until_answered(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    tr, answers = Translator("en"), []
    box = ask_unsaved_changes(dialog, tr, "Save the changes?", answers.append)
    assert dialog.question_box is box and box.windowModality() == Qt.WindowModality.WindowModal
    assert box.defaultButton().text() == "Save" and box.escapeButton().text() == "Keep editing"
    next(button for button in box.buttons() if button.text() == "Keep editing").click()
    assert answers == [] and dialog.question_box is None
    for text, answer in (("Close without saving", DISCARD), ("Save", SAVE)):
        box = ask_unsaved_changes(dialog, tr, "Save the changes?", answers.append)
        next(button for button in box.buttons() if button.text() == text).click()
        assert answers[-1] == answer


def _ask_on_a_window_only_the_answer_refers_to(qtbot, answers: list) -> None:
    dialog = QDialog()  # held weakly by qtbot: the answer's callable is its last reference
    qtbot.addWidget(dialog)
    dialog.show()
    box = ask(dialog, "?", [("Yes", QMessageBox.ButtonRole.AcceptRole), ("No", QMessageBox.ButtonRole.RejectRole)],
              lambda index: answers.append((index, dialog.isVisible())))
    next(button for button in box.buttons() if button.text() == "No").click()


def test_a_window_released_with_its_answered_question_is_deleted_once(qtbot):
    answers = []
    _ask_on_a_window_only_the_answer_refers_to(qtbot, answers)
    QApplication.processEvents()  # the box's deferred delete: it once took the window (and itself) down twice
    assert answers == [(1, True)]
