"""Shared steps of the person form tests: open the form on screen, type into a field, count persons."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from ui_helpers import answer_question, type_text

from sociolab_desktop.ui.persons.person_form import PersonFormDialog

# Valid EMŠO numbers for the tests (python-stdnum checks them): a woman born 27 November 1985,
# a man born 1 June 1985.
EMSO_WOMAN_1985 = "2711985505005"
EMSO_MAN_1985 = "0106985500064"


def open_form(ctx, qtbot, person_id: str | None = None) -> PersonFormDialog:
    """The form on screen, active (shortcuts need it) and filled with its lists."""
    form = PersonFormDialog(ctx, person_id)
    # Hidden before pytest-qt closes it: an open form with changes would ask (and wait) first.
    qtbot.addWidget(form, before_close_func=lambda widget: widget.hide())
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: form.isActiveWindow())
    qtbot.waitUntil(lambda: form.is_ready or form.summary.isVisible())
    return form


def type_into(form: PersonFormDialog, slot: str, text: str) -> None:
    widget = form.fields.widgets[slot]
    widget.setFocus()
    type_text(widget, text)


def persons_in(workspace) -> int:
    """Rows of the person table, read with plain sqlite3: what was really written."""
    with closing(sqlite3.connect(workspace.paths.database)) as connection:
        return connection.execute("SELECT count(*) FROM person").fetchone()[0]


UNSAVED_ANSWERS = {"save": "Save", "discard": "Close without saving", "keep": "Keep editing"}


def answer_unsaved_question(qtbot, form: PersonFormDialog, answer: str) -> None:
    """Click `answer` ("save", "discard", "keep") in the unsaved-changes question on screen."""
    answer_question(qtbot, form, form.ctx.tr.gettext(UNSAVED_ANSWERS[answer]))
