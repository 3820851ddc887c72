"""Assessments by keyboard: a first one, a later one shown beside it with the change per area, a
missing score marked at its area, and a second assessment on the same day asked about."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_ui_helpers import (
    RECENT,
    activate,
    add_organisation,
    answer,
    show,
    tab_into,
    type_date,
    type_keys,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import type_text

from sociolab_desktop.core.domain.labels import DIAGNOSTIC_AREAS
from sociolab_desktop.core.services.mentoring.diagnostics import AREAS, diagnostics_of
from sociolab_desktop.ui.mentoring.diagnostic_comparison import DiagnosticHistoryDialog
from sociolab_desktop.ui.mentoring.diagnostic_dialog import DiagnosticDialog

FIRST = dict(zip(AREAS, (2, 3, 2, 4, 3, 3), strict=True))
LATER = dict(zip(AREAS, (3, 3, 4, 3, 5, 3), strict=True))


@pytest.fixture
def history(ctx, qtbot, workspace) -> DiagnosticHistoryDialog:
    organisation_id = add_organisation(workspace, "Zadruga Đurđevka")
    dialog = DiagnosticHistoryDialog(ctx, organisation_id, "Zadruga Đurđevka")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        show(qtbot, dialog)
    return dialog


def new_assessment(qtbot, history) -> DiagnosticDialog:
    activate(qtbot, history)  # back from the previous dialog
    QTest.keyClick(history, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: history.dialog is not None and history.dialog.isVisible())
    return activate(qtbot, history.dialog)


def fill(dialog: DiagnosticDialog, day: dt.date, scores: dict[str, int], comment: str = "") -> None:
    type_date(dialog.date_edit, day)
    for area, score in scores.items():
        tab_into(dialog.score_spins[area])
        type_keys(dialog.score_spins[area], str(score))
    if comment:
        tab_into(dialog.comment_edits["finances"])
        type_text(dialog.comment_edits["finances"], comment)


def save(qtbot, history, dialog) -> None:
    with qtbot.waitSignal(history.loaded, timeout=10_000), qtbot.waitSignal(dialog.saved, timeout=10_000):
        QTest.keyClick(dialog.goals_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_later_assessment_shows_the_change_in_every_area(ctx, qtbot, workspace, history):
    first = new_assessment(qtbot, history)
    fill(first, RECENT - dt.timedelta(days=60), FIRST, "Ni finančnega načrta; dolgovi.")
    tab_into(first.goals_edit)
    type_text(first.goals_edit, "Stabilni prihodki iz prodaje")
    tab_into(first.plan_check)
    QTest.keyClick(first.plan_check, Qt.Key.Key_Space)
    save(qtbot, history, first)
    [stored] = diagnostics_of(workspace.store, history.organisation_id)
    assert {item.area: item.score for item in stored.scores} == FIRST
    assert stored.score("finances").comment == "Ni finančnega načrta; dolgovi."
    assert stored.has_development_plan and stored.goals == "Stabilni prihodki iz prodaje"

    later = new_assessment(qtbot, history)
    fill(later, RECENT, LATER, "Zdaj z načrtom.")
    save(qtbot, history, later)

    tr = ctx.tr
    header, *rows = history.comparison.cells()
    assert header == [tr.gettext("Area"), tr.format_date(RECENT - dt.timedelta(days=60), "numeric"),
                      tr.format_date(RECENT, "numeric"), tr.gettext("Change"), tr.gettext("Latest comment")]
    assert rows == [[tr.gettext(DIAGNOSTIC_AREAS[area]), str(FIRST[area]), str(LATER[area]),
                     {1: "+1", 2: "+2", 0: "0", -1: "−1"}[LATER[area] - FIRST[area]],
                     "Zdaj z načrtom." if area == "finances" else ""] for area in AREAS]
    finances = AREAS.index("finances")
    history.comparison.table.setCurrentCell(finances, 1)
    assert "Ni finančnega načrta; dolgovi." in history.comparison.detail.text()
    assert history.comparison.selected_assessment().assessed_on == RECENT - dt.timedelta(days=60)


def test_an_area_left_unscored_is_marked_there(ctx, qtbot, workspace, history):
    dialog = new_assessment(qtbot, history)
    fill(dialog, RECENT, {area: 3 for area in AREAS if area != "marketing"})
    QTest.keyClick(dialog.goals_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dialog.marks.marked()), timeout=10_000)
    assert dialog.marks.marked() == ["scores.marketing"]
    assert dialog.score_spins["marketing"].hasFocus()
    assert diagnostics_of(workspace.store, history.organisation_id) == []


def test_a_second_assessment_on_the_same_day_is_asked_about(ctx, qtbot, workspace, history):
    first = new_assessment(qtbot, history)
    fill(first, RECENT, FIRST)
    save(qtbot, history, first)
    second = new_assessment(qtbot, history)
    fill(second, RECENT, LATER)
    QTest.keyClick(second.goals_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(second.saved, timeout=10_000):
        answer(qtbot, second, ctx.tr.gettext("Save anyway"))
    assert len(diagnostics_of(workspace.store, history.organisation_id)) == 2


def test_the_chosen_assessment_is_deleted_after_asking_and_the_other_stays(ctx, qtbot, workspace, history):
    from sociolab_desktop.core.services.mentoring.diagnostics import (
        AreaScoreInput,
        DiagnosticInput,
        save_diagnostic,
    )

    for day, scores in ((RECENT - dt.timedelta(days=60), FIRST), (RECENT, LATER)):
        save_diagnostic(workspace.store, workspace.actor, DiagnosticInput(
            history.organisation_id, day, [AreaScoreInput(area, score) for area, score in scores.items()]),
            confirmed=True)
    with qtbot.waitSignal(history.loaded, timeout=10_000):
        history.reload()
    assert history.delete_button.isEnabled()
    history.comparison.table.setFocus()
    history.comparison.table.setCurrentCell(0, history.comparison.table.columnCount() - 1)  # the later one
    chosen = history.comparison.selected_assessment()
    QTest.keyClick(history.comparison.table, Qt.Key.Key_Delete)
    assert ctx.tr.format_date(chosen.assessed_on, "numeric") in history.question_box.text()
    answer(qtbot, history, ctx.tr.gettext("Do not delete"))
    assert len(diagnostics_of(workspace.store, history.organisation_id)) == 2

    with qtbot.waitSignal(history.changed, timeout=10_000):
        qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
        answer(qtbot, history, ctx.tr.gettext("Delete"))
    [left] = diagnostics_of(workspace.store, history.organisation_id)
    assert left.assessed_on == RECENT - dt.timedelta(days=60) and left.id != chosen.id
    qtbot.waitUntil(lambda: [a.id for a in history.comparison.history.assessments] == [left.id])


def test_the_detail_line_shows_only_the_comments_that_exist(ctx, qtbot, workspace, history):
    from sociolab_desktop.core.services.mentoring.diagnostics import (
        AreaScoreInput,
        DiagnosticInput,
        save_diagnostic,
    )

    comments = {"finances": "Ni finančnega načrta."}
    save_diagnostic(workspace.store, workspace.actor, DiagnosticInput(
        history.organisation_id, RECENT, [AreaScoreInput(area, score, comments.get(area))
                                          for area, score in FIRST.items()]), confirmed=True)
    with qtbot.waitSignal(history.loaded, timeout=10_000):
        history.reload()
    comparison, tr = history.comparison, ctx.tr
    areas = [progress.area for progress in comparison.history.areas]

    comparison.table.setCurrentCell(areas.index("business_model"), 1)
    area = tr.gettext(DIAGNOSTIC_AREAS["business_model"])
    assert comparison.detail.text() == tr.gettext("{area}: no comment").format(area=area)
    assert "—" not in comparison.detail.text()  # not "Business model — —"

    comparison.table.setCurrentCell(areas.index("finances"), 1)
    assert comparison.detail.text() == "{area} — {day}: Ni finančnega načrta.".format(
        area=tr.gettext(DIAGNOSTIC_AREAS["finances"]), day=tr.format_date(RECENT, "numeric"))
