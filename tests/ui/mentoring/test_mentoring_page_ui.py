"""The Mentoring area: "my sessions" with week and month totals, the all-sessions filters, Ctrl+3."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_ui_helpers import add_mentor, add_organisation, add_session, show
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import type_text

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.services import sites
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.mentoring.labels import totals_text
from sociolab_desktop.ui.mentoring.mentoring_page import ALL, MentoringPage

MARCH = dt.date(2021, 3, 1)


@pytest.fixture
def page(ctx, qtbot) -> MentoringPage:
    return show(qtbot, MentoringPage(ctx), (1100, 640))


def wait_mine(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.mine.loading and page.mine.result is not None, timeout=10_000)


def test_my_sessions_sum_the_counted_hours_by_week_and_month(ctx, qtbot, workspace, page):
    me, other = workspace.actor.staff_id, add_mentor(workspace)
    firm = add_organisation(workspace, "Zadruga Đurđevka")
    add_session(workspace, dt.date(2021, 2, 26), (9, 0), (10, 0), mentors=[me], organisation_id=firm)
    add_session(workspace, dt.date(2021, 3, 1), (9, 0), (10, 30), mentors=[me, other], organisation_id=firm)
    add_session(workspace, dt.date(2021, 3, 3), (10, 0), (10, 50), mentors=[me], organisation_id=firm)  # 0,75
    add_session(workspace, dt.date(2021, 3, 8), (9, 0), (11, 0), mentors=[me], organisation_id=firm)
    add_session(workspace, dt.date(2021, 3, 31), (13, 0), (14, 7), mentors=[me], organisation_id=firm)  # 1
    add_session(workspace, dt.date(2021, 3, 2), (9, 0), (12, 0), mentors=[other], organisation_id=firm)  # not mine

    page.mine.show_period(MARCH)
    wait_mine(qtbot, page)
    tr = ctx.tr
    assert page.mine.sessions_model.rowCount() == 4
    assert [row[0] for row in page.mine.sessions_model.rows()] == ["31. 3. 2021", "8. 3. 2021", "3. 3. 2021",
                                                                   "1. 3. 2021"]
    assert page.mine.weeks_model.rows() == [
        [tr.format_date_span(dt.date(2021, 3, 1), dt.date(2021, 3, 7)), "2", "2,25"],
        [tr.format_date_span(dt.date(2021, 3, 8), dt.date(2021, 3, 14)), "1", "2"],
        [tr.format_date_span(dt.date(2021, 3, 29), dt.date(2021, 4, 4)), "1", "1"],
    ]
    assert page.mine.months_model.rows() == [["marec 2021", "4", "5,25"]]
    assert page.mine.total_label.text() == totals_text(tr, 4, 5.25)
    assert "5,25" in page.mine.total_label.text()

    # The year: February's session joins, with its own week and month.
    page.mine.scope_combo.setFocus()
    QTest.keyClick(page.mine.scope_combo, Qt.Key.Key_Down)  # month → year
    wait_mine(qtbot, page)
    assert page.mine.period_label.text() == "2021"
    assert page.mine.months_model.rows() == [["februar 2021", "1", "1"], ["marec 2021", "4", "5,25"]]
    assert page.mine.total_label.text() == totals_text(tr, 5, 6.25)

    # The arrows move by the period shown.
    qtbot.mouseClick(page.mine.previous_button, Qt.MouseButton.LeftButton)
    wait_mine(qtbot, page)
    assert page.mine.period_label.text() == "2020" and page.mine.sessions_model.rowCount() == 0
    assert page.mine.empty_label.isVisible()


def _settle(qtbot, page, total: int) -> None:
    qtbot.waitUntil(lambda: page.all.model.total == total and page.all.model.idle, timeout=10_000)


def test_the_filters_narrow_the_list_of_all_sessions(ctx, qtbot, workspace, page):
    me, other = workspace.actor.staff_id, add_mentor(workspace)
    ptuj = sites.create_site(workspace.store, new_key(), "Informacijska točka Ptuj", "sl").id
    cebelica, sonce = add_organisation(workspace, "Zadruga Čebelica"), add_organisation(workspace, "Zavod Sonce")
    add_session(workspace, dt.date(2021, 3, 1), (9, 0), (10, 30), mentors=[me], organisation_id=cebelica,
                topics=("marketing",))
    add_session(workspace, dt.date(2021, 3, 9), (9, 0), (10, 0), mentors=[other], organisation_id=cebelica,
                topics=("financing",), site_id=ptuj)
    add_session(workspace, dt.date(2021, 4, 2), (9, 0), (11, 0), mentors=[me, other], organisation_id=sonce,
                topics=("financing", "legal_form"))
    add_session(workspace, dt.date(2021, 5, 5), (9, 0), (9, 45), mentors=[other], organisation_id=sonce,
                topics=("social_impact",), site_id=ptuj)
    page.tabs.setCurrentIndex(ALL)
    page.all.start()
    _settle(qtbot, page, 4)
    assert page.all.count_label.text() == totals_text(ctx.tr, 4, 5.25)

    mentor = page.all.mentor_combo
    qtbot.waitUntil(lambda: mentor.count() == 3)
    mentor.setFocus()
    while mentor.currentData() != other:
        QTest.keyClick(mentor, Qt.Key.Key_Down)
    _settle(qtbot, page, 3)

    picker = page.all.organisation
    picker.field.setFocus()
    type_text(picker.field, "cebel")
    qtbot.waitUntil(picker.has_matches, timeout=10_000)
    assert picker.match_names() == ["Zadruga Čebelica"]
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    _settle(qtbot, page, 1)
    assert page.all.model.row(0).session_date == dt.date(2021, 3, 9)

    page.all.clear_filters()
    _settle(qtbot, page, 4)
    site = page.all.site_combo
    site.setCurrentIndex(site.findData(ptuj))
    site.activated.emit(site.currentIndex())
    _settle(qtbot, page, 2)
    page.all.from_edit.set_value(dt.date(2021, 4, 1))
    _settle(qtbot, page, 1)
    assert page.all.model.row(0).organisation_name == "Zavod Sonce"

    page.all.clear_filters()
    topic = page.all.topic_combo
    topic.setCurrentIndex(topic.findData("financing"))
    topic.activated.emit(topic.currentIndex())
    _settle(qtbot, page, 2)
    page.all.to_edit.set_value(dt.date(2021, 3, 31))
    _settle(qtbot, page, 1)
    assert page.all.count_label.text() == totals_text(ctx.tr, 1, 1)


def test_enter_on_a_session_opens_its_form(ctx, qtbot, workspace, page):
    firm = add_organisation(workspace, "Zadruga Đurđevka")
    session_id = add_session(workspace, dt.date(2021, 3, 1), (9, 0), (10, 30), mentors=[workspace.actor.staff_id],
                             organisation_id=firm)
    page.tabs.setCurrentIndex(ALL)
    page.all.start()
    _settle(qtbot, page, 1)
    page.all.table.setFocus()
    page.all.table.setCurrentIndex(page.all.model.index(0, 0))
    QTest.keyClick(page.all.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.forms))
    form = page.forms[0]
    qtbot.waitUntil(lambda: form.loaded, timeout=10_000)
    assert form.session_id == session_id and form.organisation.field.text() == "Zadruga Đurđevka"
    assert form.print_button.isEnabled()


def test_ctrl_3_shows_the_mentoring_page(ctx, qtbot):
    window = MainWindow(ctx)
    show(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "mentoring"
    page = window.pages.currentWidget()
    assert isinstance(page, MentoringPage) and page.isVisible()
    assert page.tabs.tabText(0) == ctx.tr.gettext("My sessions")
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new session from here
    qtbot.waitUntil(lambda: bool(page.forms))
    assert QApplication.activeModalWidget() is page.forms[0] or page.forms[0].isVisible()
