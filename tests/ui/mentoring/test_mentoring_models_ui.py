"""The mentoring table models keep Qt's rules, and the page follows a language switch at once."""

from __future__ import annotations

import datetime as dt

import shiboken6
from mentoring_ui_helpers import add_organisation, add_session, show

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.main_window import MainWindow
from sociolab_desktop.ui.mentoring.mentoring_page import MentoringPage
from sociolab_desktop.ui.mentoring.session_models import SESSION_COLUMNS, RowsModel


def test_the_session_models_are_well_behaved_qt_models(ctx, qtbot, workspace, qtmodeltester):
    firm = add_organisation(workspace, "Zadruga Đurđevka")
    for day in (1, 2, 3):
        add_session(workspace, dt.date(2021, 3, day), (9, 0), (10, 0), mentors=[workspace.actor.staff_id],
                    organisation_id=firm)
    page = show(qtbot, MentoringPage(ctx), (1100, 640))
    page.all.start()
    qtbot.waitUntil(lambda: page.all.model.total == 3 and page.all.model.idle, timeout=10_000)
    qtmodeltester.check(page.all.model)
    page.mine.show_period(dt.date(2021, 3, 1))
    qtbot.waitUntil(lambda: page.mine.sessions_model.rowCount() == 3, timeout=10_000)
    qtmodeltester.check(page.mine.sessions_model)
    qtmodeltester.check(RowsModel(ctx.tr, SESSION_COLUMNS))


def test_switching_the_language_rewords_the_page_and_its_numbers(ctx, qtbot, workspace):
    firm = add_organisation(workspace, "Zadruga Đurđevka")
    add_session(workspace, dt.date(2021, 3, 1), (9, 0), (10, 30), mentors=[workspace.actor.staff_id],
                organisation_id=firm)
    window = show(qtbot, MainWindow(ctx))
    window.show_area("mentoring")
    page = window.pages.currentWidget()
    page.mine.show_period(dt.date(2021, 3, 1))
    qtbot.waitUntil(lambda: page.mine.sessions_model.rowCount() == 1, timeout=10_000)
    assert page.mine.sessions_model.rows()[0][:3] == ["1. 3. 2021", "09:00–10:30", "1,5"]

    window.menus.language_actions["en"].trigger()
    english = Translator("en")
    assert page.tabs.tabText(0) == english.gettext("My sessions") == "My sessions"
    assert page.new_button.text() == "New session…"
    assert page.mine.sessions_model.rows()[0][:3] == ["01/03/2021", "09:00–10:30", "1.5"]
    assert page.mine.period_label.text() == "March 2021"
    window.menus.language_actions["sl"].trigger()
    assert page.mine.period_label.text() == "marec 2021"


def test_a_language_switch_after_the_windows_closed_reaches_no_deleted_window(ctx, qtbot, workspace, monkeypatch):
    import sys

    from sociolab_desktop.ui.mentoring.diagnostic_comparison import (
        DiagnosticHistoryDialog,
    )
    from sociolab_desktop.ui.mentoring.organisation_support_window import (
        SupportOverviewWindow,
    )
    from sociolab_desktop.ui.mentoring.outcome_dialogs import ProductDialog
    from sociolab_desktop.ui.mentoring.session_form import SessionForm

    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: reported.append(args))
    firm = add_organisation(workspace, "Zadruga Đurđevka")
    windows = [SessionForm(ctx), SupportOverviewWindow(ctx, firm), DiagnosticHistoryDialog(ctx, firm, "Zadruga"),
               ProductDialog(ctx, (firm, "Zadruga"))]
    qtbot.wait(200)  # what they read in workers has arrived
    for window in windows:
        window.deleteLater()
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(window) for window in windows))
    ctx.set_language("en")
    assert reported == []
