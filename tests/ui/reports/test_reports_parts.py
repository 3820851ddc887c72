"""The Reports area's parts on their own: only the newest count is shown, the table models keep
Qt's rules, the bars' arithmetic, and the remembered choices checked when read."""

from __future__ import annotations

import json
import threading

from reports_helpers import make_results

from sociolab_desktop.core.services.results.definitions import TRAINING_RULES
from sociolab_desktop.core.services.results.esf_sets import ESF_SETS
from sociolab_desktop.core.services.results.indicators import (
    compute_indicators,
    indicator_records,
)
from sociolab_desktop.core.services.results.periods import project_period
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.settings import ESF_PROGRAMME_PERIODS, load_settings
from sociolab_desktop.settings import TRAINING_RULES as SETTINGS_RULES
from sociolab_desktop.ui.reports.indicator_bars import (
    REACHED_COLOUR,
    UNDER_WAY_COLOUR,
    bar_colour,
    filled_width,
)
from sociolab_desktop.ui.reports.indicator_model import (
    FIRST_SITE,
    PROGRESS,
    REACHED_ROLE,
    SHARE_ROLE,
    IndicatorTableModel,
    percent_text,
)
from sociolab_desktop.ui.reports.latest_only import LatestOnly
from sociolab_desktop.ui.reports.records_dialog import DETAIL, RecordListModel


def test_only_the_newest_request_is_answered(qtbot, ctx):
    runner = LatestOnly(ctx)
    answers, started = [], []
    release = threading.Event()

    def slow(name):
        def work():
            started.append(name)
            release.wait(5)
            return name
        return work

    runner.finished.connect(answers.append)
    runner.request(slow("2019"))
    qtbot.waitUntil(lambda: started == ["2019"])
    runner.request(slow("2020"))  # waits, then is replaced: nobody wants 2020 any more
    runner.request(slow("2021"))
    assert runner.busy
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert started == ["2019", "2021"] and answers == ["2021"]


def test_a_cancelled_request_is_not_answered_and_errors_a_person_can_act_on_are_passed_on(qtbot, ctx):
    runner = LatestOnly(ctx)
    answers, failures = [], []
    runner.finished.connect(answers.append)
    runner.failed.connect(failures.append)
    runner.request(lambda: "old period")
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy)
    assert answers == []

    def refused():
        raise UserError(N_("The period ends on {last}, before it starts on {first}."), first="b", last="a")

    runner.request(refused)
    qtbot.waitUntil(lambda: not runner.busy)
    assert [type(error) for error in failures] == [UserError]


def test_the_table_models_keep_qts_rules(qtmodeltester, ctx):
    data = make_results(ctx.workspace)
    store = ctx.workspace.store
    report = compute_indicators(store, project_period())
    model = IndicatorTableModel(ctx.tr)
    model.set_report(report)
    qtmodeltester.check(model)
    assert model.columnCount() == FIRST_SITE + len(report.sites)
    records = RecordListModel(ctx.tr, {})
    records.set_records(indicator_records(store, "mentoring_hours", project_period()))
    qtmodeltester.check(records)
    assert records.index(0, DETAIL).data() == ctx.tr.ngettext("{hours} hour", "{hours} hours", 3).format(
        hours=ctx.tr.format_number(1.5))
    assert data.mentoring_session_id == records.records[0].record_id


def test_the_bar_shows_the_share_of_the_target_and_turns_green_when_reached(ctx):
    assert filled_width(None, 100) == 0 and filled_width(0.25, 200) == 50
    assert filled_width(2.63, 150) == 150  # beyond the target the bar is full, the text says 263 %
    assert bar_colour(True) == REACHED_COLOUR and bar_colour(False) == UNDER_WAY_COLOUR
    assert percent_text(ctx.tr, 0.996) == "99\u00a0%"  # never rounded up to a target reached
    assert percent_text(Translator("en"), 0.996) == "99%"  # as English writes it, not the Slovenian way
    make_results(ctx.workspace)
    model = IndicatorTableModel(ctx.tr)
    model.set_report(compute_indicators(ctx.workspace.store, project_period()))
    jobs = model.index(model.row_of("jobs"), PROGRESS)  # 1 of ≥ 40
    assert jobs.data(SHARE_ROLE) == 1 / 40 and jobs.data(REACHED_ROLE) is False
    hours = model.index(model.row_of("mentoring_hours"), PROGRESS)  # no target: no bar
    assert hours.data(SHARE_ROLE) is None


def test_the_remembered_choices_are_the_cores_and_a_wrong_one_falls_back(tmp_path):
    assert SETTINGS_RULES == TRAINING_RULES and ESF_PROGRAMME_PERIODS == tuple(ESF_SETS)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "training_rule": "came once", "esf_programme_period": 2014}))
    settings = load_settings(path)
    assert settings.training_rule == "attended" and settings.esf_programme_period == "2014-2020"
    path.write_text(json.dumps({"version": 1, "training_rule": "completed", "esf_programme_period": "2021-2027"}))
    settings = load_settings(path)
    assert settings.training_rule == "completed" and settings.esf_programme_period == "2021-2027"


def test_the_count_above_a_list_says_how_the_number_is_made_of_it():
    from sociolab_desktop.core.services.results.counted import CountedRecord
    from sociolab_desktop.ui.reports.records_dialog import count_text

    tr = Translator("en")
    enrolments = tuple(CountedRecord("enrolment", str(n), "Zadruga", None) for n in range(3))
    assert count_text(tr, "any", enrolments) == "3 records; counted as 1 when at least one is listed"
    assert count_text(tr, "any", ()) == "Counted as 0: nothing listed."
    sessions = (CountedRecord("mentoring_session", "a", "", None, amount=1.5),
                CountedRecord("mentoring_session", "b", "", None, amount=2.25))
    assert count_text(tr, "sum", sessions) == "2 records, 3.75 hours in total"
    lead_only = (CountedRecord("site", "l", "Vodilni partner", None, category="lead_partner"),)
    assert count_text(tr, "network", lead_only).startswith("Counted as 0")
    assert count_text(tr, "count", enrolments) == "3 records"
