"""The Reports area's indicators: values as the services count them, the list behind a number,
the training rule, a period that ends before it starts, an empty database, Ctrl+5."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from reports_helpers import (
    click_cell,
    make_results,
    show_page,
    shown_values,
    wait_counted,
)
from ui_helpers import show_main_window

from sociolab_desktop.core.services.results.definitions import (
    INDICATORS,
    training_rule_label,
)
from sociolab_desktop.core.services.results.indicators import (
    compute_indicators,
    indicator_records,
)
from sociolab_desktop.core.services.results.periods import make_period, project_period
from sociolab_desktop.errors import UserError
from sociolab_desktop.settings import load_settings
from sociolab_desktop.ui.reports.indicator_model import FIRST_SITE, TARGET, VALUE
from sociolab_desktop.ui.reports.records_dialog import NAME, RecordsDialog


@pytest.fixture
def data(workspace):
    return make_results(workspace)


def _dialog(qtbot, page) -> RecordsDialog:
    qtbot.waitUntil(lambda: len(page.records_dialogs) == 1)
    dialog = next(iter(page.records_dialogs.values()))  # the page's child: closed with it
    qtbot.waitUntil(lambda: not dialog.loading)
    return dialog


def _names(dialog: RecordsDialog) -> list[str]:
    return [dialog.proxy.index(row, NAME).data() for row in range(dialog.proxy.rowCount())]


def test_the_values_shown_are_the_services_values_in_total_and_per_info_point(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    report = compute_indicators(ctx.workspace.store, project_period())
    tr = ctx.tr
    assert shown_values(page, VALUE) == {value.key: tr.format_number(value.value) for value in report.values}
    assert shown_values(page, VALUE)["persons_trained"] == "2"
    assert shown_values(page, VALUE)["organisations_supported"] == "1"
    assert shown_values(page, VALUE)["jobs"] == "1"
    assert shown_values(page, VALUE)["mentoring_hours"] == tr.format_number(1.5)
    assert shown_values(page, TARGET)["persons_trained"] == "≥ 200"
    maribor = ctx.settings.site_id
    column = next(c for c in range(FIRST_SITE, page.model.columnCount()) if page.model.site_at(c).site_id == maribor)
    assert shown_values(page, column)["persons_trained"] == tr.format_number(
        report.value("persons_trained").by_site[maribor])
    assert page.tables.sites.isVisible() and page.tables.sites.isColumnHidden(VALUE)
    row = page.model.row_of("persons_trained")
    tip = page.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "attended at least once" in tip or tr.gettext("attended at least once") in tip  # the definition


def test_clicking_a_number_lists_the_records_it_counts(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    table = page.tables.main
    click_cell(qtbot, table, page.model.index(page.model.row_of("persons_trained"), VALUE))
    dialog = _dialog(qtbot, page)
    expected = indicator_records(ctx.workspace.store, "persons_trained", project_period())
    assert [record.record_id for record in dialog.model.records] == [record.record_id for record in expected]
    assert sorted(_names(dialog)) == ["Ana Čeh", "Bojan Zupan"]
    assert "Usposabljanje za socialne podjetnike" in dialog.proxy.index(0, 4).data()
    assert dialog.open_button.isEnabled()
    dialog.close()


def test_enter_on_a_number_opens_its_list_and_a_listed_organisation_opens_its_window(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    table = page.tables.main
    table.setFocus()
    table.setCurrentIndex(page.model.index(page.model.row_of("organisations_supported"), VALUE))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, page)
    assert _names(dialog) == ["Zadruga Đurđevka"]
    window = dialog.open_current()  # the page's child, deleted on close
    assert window.organisation_id == data.organisation_id and window.isVisible()
    window.close()
    dialog.close()


def test_a_number_per_info_point_lists_that_info_points_records(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    maribor = ctx.settings.site_id
    column = next(c for c in range(FIRST_SITE, page.model.columnCount()) if page.model.site_at(c).site_id == maribor)
    click_cell(qtbot, page.tables.sites, page.model.index(page.model.row_of("jobs"), column))
    dialog = _dialog(qtbot, page)
    assert [record.record_id for record in dialog.model.records] == [data.job_id]
    assert not dialog.open_button.isEnabled()  # a job has no window of its own


def test_changing_the_rule_changes_the_persons_value_and_is_remembered(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    expected = {"registered": "3", "attended": "2", "completed": "1"}
    for rule in ("registered", "completed", "attended"):
        page.rule_combo.setCurrentIndex(page.rule_combo.findData(rule))
        wait_counted(qtbot, page)
        assert shown_values(page, VALUE)["persons_trained"] == expected[rule]
        assert page.rule_combo.currentText() == training_rule_label(ctx.tr, rule)
        assert page.rule_text.text()  # the rule explained beside the choice
    page.rule_combo.setCurrentIndex(page.rule_combo.findData("completed"))
    assert load_settings(ctx.paths.settings).training_rule == "completed"


def test_an_end_before_the_start_is_said_at_the_field_and_nothing_is_counted(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    page.period.set_range(dt.date(2021, 3, 1), dt.date(2021, 1, 31))
    page.count()  # as the pause after typing does
    with pytest.raises(UserError) as refused:
        make_period(dt.date(2021, 3, 1), dt.date(2021, 1, 31))
    assert page.period_error.isVisible()
    assert page.period_error.text() == refused.value.render(ctx.tr)
    assert not page.busy and page.model.rowCount() == 0  # no numbers of an earlier period left
    page.period.last_edit.setDate(dt.date(2021, 3, 31))
    wait_counted(qtbot, page)
    assert not page.period_error.isVisible()
    assert shown_values(page, VALUE)["persons_trained"] == "2"


def test_a_year_without_activity_shows_zeros(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    assert not page.busy_bar.isVisible()
    page.period.set_year(2019)
    page.count()
    assert page.busy_bar.isVisible()  # counting in a worker: the page says so
    wait_counted(qtbot, page)
    assert shown_values(page, VALUE)["persons_trained"] == "0"
    assert shown_values(page, VALUE)["jobs"] == "0"


def test_an_empty_database_shows_zeros_not_errors(qtbot, ctx):
    page = show_page(qtbot, ctx)
    values = shown_values(page, VALUE)
    assert list(values) == [definition.key for definition in INDICATORS]
    assert values.pop("info_points") == "1"  # this PC's own info point
    assert set(values.values()) == {"0"}
    assert not page.period_error.isVisible() and not page.export_error.isVisible()


def test_one_info_point_shows_its_values_without_the_columns_per_info_point(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    page.site_combo.setCurrentIndex(page.site_combo.findData(ctx.settings.site_id))
    page.site_combo.activated.emit(page.site_combo.currentIndex())
    wait_counted(qtbot, page)
    assert page.model.columnCount() == FIRST_SITE and not page.tables.sites.isVisible()
    assert shown_values(page, VALUE)["persons_trained"] == "2"
    # The targets are the project's, not this info point's: the column says so.
    assert page.model.headerData(TARGET, Qt.Orientation.Horizontal) == ctx.tr.gettext("Project target")
    page.site_combo.setCurrentIndex(0)
    page.site_combo.activated.emit(0)
    wait_counted(qtbot, page)
    assert page.model.headerData(TARGET, Qt.Orientation.Horizontal) == ctx.tr.gettext("Target")


def test_a_quick_change_of_period_shows_only_the_last_periods_values(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    for year in (2019, 2020, 2018):
        page.period.set_year(year)
        page.count()
    page.period.set_year(2021)
    wait_counted(qtbot, page)
    assert page.shown_request.period == make_period(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert shown_values(page, VALUE)["persons_trained"] == "2"


def test_the_page_speaks_the_new_language_at_once(qtbot, ctx, data):
    page = show_page(qtbot, ctx)
    ctx.set_language("en", save=False)
    page.retranslate(ctx.tr)
    assert page.tabs.tabText(0) == "Indicators"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Indicator"
    assert page.rule_combo.currentText() == "attended at least once"


def test_ctrl_5_shows_the_reports_page(qtbot, ctx, data):
    from sociolab_desktop.ui.reports.reports_page import ReportsPage

    window = show_main_window(qtbot, ctx)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, ReportsPage) and page.isVisible()
    wait_counted(qtbot, page)
    assert shown_values(page, VALUE)["persons_trained"] == "2"


def test_on_demo_data_a_year_is_counted_and_a_number_opens_what_it_counts(qtbot, ctx):
    from sociolab_desktop.core.services.demo import generate_demo_data

    generate_demo_data(ctx.workspace.store, ctx.workspace.actor, people=120, seed=3)
    page = show_page(qtbot, ctx)
    page.period.set_year(2019)
    wait_counted(qtbot, page)
    year = make_period(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    report = compute_indicators(ctx.workspace.store, year)
    assert shown_values(page, VALUE) == {value.key: ctx.tr.format_number(value.value) for value in report.values}
    assert report.value("persons_trained").value > 0
    click_cell(qtbot, page.tables.main, page.model.index(page.model.row_of("persons_trained"), VALUE))
    dialog = _dialog(qtbot, page)
    assert len(dialog.model.records) == report.value("persons_trained").value


def _add_site(workspace, name: str, *, lead: bool = False) -> str:
    from sociolab_desktop.core.domain.keys import new_key
    from sociolab_desktop.core.store.models import Site

    key = new_key()
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Site(id=key, name=name, is_lead_partner=lead, origin_site_id=workspace.settings.site_id))
    return key


def test_the_network_labs_list_says_how_its_members_make_the_number_one(qtbot, ctx, data):
    _add_site(ctx.workspace, "SocioLab – vodilni partner", lead=True)
    _add_site(ctx.workspace, "Informacijska točka Ptuj")
    page = show_page(qtbot, ctx)
    assert shown_values(page, VALUE)["network_lab"] == "1"
    page.open_records("network_lab", None)
    dialog = _dialog(qtbot, page)
    tr = ctx.tr
    assert len(dialog.model.records) == 3  # the lead partner and two info points: one network
    assert dialog.count_label.text() == tr.ngettext(
        "Counted as 1 network: the lead partner and {count} info point",
        "Counted as 1 network: the lead partner and {count} info points", 2).format(count="2")
    kinds = {dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())}
    assert kinds == {tr.gettext("Lead partner"), tr.gettext("Info point")}
    dialog.close()


def test_the_info_points_list_shows_no_date_that_would_fall_outside_the_period(qtbot, ctx, data):
    """This PC's info point was recorded today, years after the project: its list gives no date,
    since the program does not know when an info point opened (nor does the number depend on it)."""
    _add_site(ctx.workspace, "Informacijska točka Ptuj")
    page = show_page(qtbot, ctx)
    page.open_records("info_points", None)
    dialog = _dialog(qtbot, page)
    assert shown_values(page, VALUE)["info_points"] == "2" and len(dialog.model.records) == 2
    assert [dialog.model.index(row, 2).data() for row in range(2)] == ["", ""]
    assert dialog.count_label.text() == ctx.tr.ngettext("{count} record", "{count} records", 2).format(count="2")
    dialog.close()
