"""The mentoring lists on a 1366 × 728 screen: every column of "my sessions" and of an organisation's
sessions in view beside their totals (no sideways scrolling), the organisation's sessions naming the
persons coached rather than the organisation again, and the session form's mentors list showing
whole rows with no mentor looking chosen unless ticked."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_ui_helpers import (
    activate,
    add_mentor,
    add_organisation,
    add_session,
    show,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from ui_helpers import show_main_window

from sociolab_desktop.core.domain.enums import MentoringTopic
from sociolab_desktop.core.services.persons import PersonInput, create_person
from sociolab_desktop.ui.mentoring.column_widths import month_texts, week_texts
from sociolab_desktop.ui.mentoring.organisation_support_window import (
    open_support_overview,
)
from sociolab_desktop.ui.mentoring.session_form import SessionForm
from sociolab_desktop.ui.mentoring.session_models import TOPICS, WITH

SCREEN = (1366, 728)
LONG_NAME = "Zadruga za trajnostni razvoj podeželja Sveta Trojica v Slovenskih goricah, z.o.o., so.p."
ALL_TOPICS = tuple(MentoringTopic)
FEBRUARY = dt.date(2021, 2, 1)


def assert_every_column_in_view(table: QTableView, narrowest: int = 40) -> None:
    header = table.horizontalHeader()
    right = table.viewport().width()
    for column in range(header.count()):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= right, (table.objectName(), column)
        assert header.sectionSize(column) >= narrowest, (table.objectName(), column)
    assert not table.horizontalScrollBar().isVisible()


def assert_first_column_holds(table: QTableView, texts: list[str]) -> None:
    metrics = table.fontMetrics()
    assert table.horizontalHeader().sectionSize(0) > max(metrics.horizontalAdvance(text) for text in texts)


@pytest.fixture
def person_id(workspace) -> str:
    return create_person(workspace.store, workspace.actor, PersonInput(first_name="Špela", last_name="Đurić"),
                         today=dt.date.today()).id


@pytest.mark.parametrize("language", ["sl", "en"])
def test_my_sessions_show_every_column_beside_the_totals_at_1366_pixels(ctx, qtbot, workspace, person_id,
                                                                         language):
    ctx.set_language(language, save=False)
    me, other = workspace.actor.staff_id, add_mentor(workspace)
    firm = add_organisation(workspace, LONG_NAME)
    for day in (3, 10, 17, 24):
        add_session(workspace, FEBRUARY.replace(day=day), (9, 0), (11, 0), mentors=[me, other],
                    organisation_id=firm, person_ids=[person_id], topics=ALL_TOPICS)
    window = show_main_window(qtbot, ctx)
    window.resize(*SCREEN)
    window.show_area("mentoring")
    mine = window.area_page("mentoring").mine
    mine.show_period(FEBRUARY)
    qtbot.waitUntil(lambda: not mine.loading and mine.sessions_model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: mine.sessions_table.viewport().width() > 0)

    assert_every_column_in_view(mine.sessions_table)
    # The long columns share the room: neither is squeezed to nothing by the other.
    header = mine.sessions_table.horizontalHeader()
    assert header.sectionSize(TOPICS) >= 120 and header.sectionSize(WITH) >= 120
    for table in (mine.weeks_table, mine.months_table):
        assert_every_column_in_view(table)
        assert_first_column_holds(table, week_texts(ctx.tr) + month_texts(ctx.tr))
    assert mine.sums_panel.geometry().right() <= mine.width()


def test_an_organisations_sessions_name_the_persons_coached_and_show_the_topics(ctx, qtbot, workspace,
                                                                               person_id):
    firm = add_organisation(workspace, LONG_NAME)
    me = workspace.actor.staff_id
    add_session(workspace, FEBRUARY, (9, 0), (10, 30), mentors=[me], organisation_id=firm,
                person_ids=[person_id], topics=ALL_TOPICS)
    add_session(workspace, FEBRUARY.replace(day=9), (9, 0), (10, 0), mentors=[me], organisation_id=firm)
    window = open_support_overview(ctx, firm)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.overview is not None, timeout=10_000)
    activate(qtbot, window)

    model = window.models["sessions"]
    assert model.headerData(WITH, Qt.Orientation.Horizontal) == ctx.tr.gettext("Persons coached")
    assert [row[WITH] for row in model.rows()] == ["", "Špela Đurić"]  # newest first; not the name again
    assert all(LONG_NAME not in cell for row in model.rows() for cell in row)
    assert_every_column_in_view(window.tables["sessions"])
    assert window.tables["sessions"].horizontalHeader().sectionSize(TOPICS) >= 120
    assert_every_column_in_view(window.tables["months"])
    assert_first_column_holds(window.tables["months"], month_texts(ctx.tr))


def test_the_mentors_list_shows_whole_rows_and_no_mentor_looks_chosen_unless_ticked(ctx, qtbot, workspace):
    firm = add_organisation(workspace, "Zadruga Đurđevka")
    for name in ("Amra Đukić", "Bojan Černe", "Ćiril Đokić", "Darja Šuštar", "Eva Žnidar", "Franc Kos"):
        add_mentor(workspace, name)
    me = workspace.actor.staff_id
    session_id = add_session(workspace, FEBRUARY, (9, 0), (10, 0), mentors=[me], organisation_id=firm)
    form = show(qtbot, SessionForm(ctx, session_id), (1140, 660))
    qtbot.waitUntil(lambda: form.loaded, timeout=10_000)
    mentors = form.mentors

    assert mentors.selectedItems() == []  # the current row is no highlighted choice
    assert mentors.count() >= mentors.VISIBLE_ROWS + 1
    assert mentors.ticked_ids() == [me]
    current = mentors.currentItem()  # where Space ticks: on the mentor ticked, not on the first name
    assert current is not None and current.checkState() == Qt.CheckState.Checked
    assert mentors.currentRow() > 0  # "Mojca Žagar" comes after the others, and is scrolled into view
    assert mentors.viewport().rect().contains(mentors.visualItemRect(current))
    row = mentors.sizeHintForRow(0)
    assert mentors.viewport().height() == row * mentors.VISIBLE_ROWS  # whole rows, none cut at the bottom
