"""The list behind every number holds exactly what the number counts (the counting services give
the totals, the lists are built record by record), on demo data and on data synced from another
office."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from sociolab_desktop.core.services.demo import generate_demo_data
from sociolab_desktop.core.services.results.counted import NO_SITE
from sociolab_desktop.core.services.results.definitions import ANY, INDICATORS, NETWORK, SUM, TRAINING_RULES
from sociolab_desktop.core.services.results.indicators import compute_indicators, indicator_records
from sociolab_desktop.core.services.results.periods import ReportPeriod, make_period, project_period
from sociolab_desktop.core.store.models import Attendance, Event, EventSession, Person

_spec = importlib.util.spec_from_file_location(
    "sync_offices_conftest", Path(__file__).resolve().parents[2] / "sync" / "conftest.py")
_sync = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_sync)

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from sociolab_desktop.core.services import sites
    from sociolab_desktop.workspace import open_workspace

    ws = open_workspace(tmp_path_factory.mktemp("demo"))
    sites.create_site(ws.store, ws.settings.site_id, "Informacijska točka Maribor (demo)", "sl")
    ws.settings.site_name = "Informacijska točka Maribor (demo)"
    generate_demo_data(ws.store, ws.actor, people=300, seed=7)
    yield ws.store
    ws.close()


def _from_list(definition, records) -> float:
    if definition.aggregate == SUM:
        return sum(record.amount for record in records)
    if definition.aggregate == NETWORK:
        return int({"lead_partner", "info_point"} <= {record.category for record in records})
    return min(1, len(records)) if definition.aggregate == ANY else len(records)


@pytest.mark.parametrize("rule", TRAINING_RULES)
@pytest.mark.parametrize("period", [ReportPeriod(), project_period(), make_period(dt.date(2019, 7, 1),
                                                                                  dt.date(2020, 6, 30))])
def test_every_total_equals_the_list_behind_it_on_demo_data(demo_store, rule, period):
    report = compute_indicators(demo_store, period, training_rule=rule, today=TODAY)
    assert report.value("persons_trained").value > 0 and report.value("organisations_supported").value > 0
    for value in report.values:
        records = indicator_records(demo_store, value.key, period, training_rule=rule, today=TODAY)
        assert len({record.record_id for record in records}) == len(records)
        assert _from_list(value.definition, records) == pytest.approx(value.value), value.key
        for site_id, at_site in value.by_site.items():
            listed = indicator_records(demo_store, value.key, period, site_id=site_id, training_rule=rule, today=TODAY)
            assert _from_list(value.definition, listed) == pytest.approx(at_site), (value.key, site_id)


def test_each_info_point_alone_gives_its_column_of_the_whole_report(demo_store):
    whole = compute_indicators(demo_store, project_period(), today=TODAY)
    for column in whole.sites:
        alone = compute_indicators(demo_store, project_period(), site_id=column.site_id, today=TODAY)
        for value in whole.values:
            if value.definition.per_site:
                assert alone.value(value.key).value == value.by_site[column.site_id], (value.key, column.name)
    assert NO_SITE not in {column.site_id for column in whole.sites}
    assert {definition.key for definition in INDICATORS} == {value.key for value in whole.values}


def test_a_programme_synced_from_another_office_counts_for_that_office(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    maribor, ptuj = (_sync.Office(tmp_path, name, share) for name in ("Maribor", "Ptuj"))
    try:
        with ptuj.write() as session:
            event = Event(event_type="training_programme", title_sl="Program na Ptuju", site_id=ptuj.site_id)
            person = Person(first_name="Žiga", last_name="Čeh")
            session.add_all([event, person])
            session.flush()
            sitting = EventSession(event_id=event.id, session_date=dt.date(2021, 3, 1), starts_at=dt.time(9),
                                   ends_at=dt.time(12), hours=3)
            session.add(sitting)
            session.flush()
            session.add(Attendance(event_session_id=sitting.id, person_id=person.id,
                                   checked_in_at=dt.datetime(2021, 3, 1, 8)))
        _sync._exchange(maribor, ptuj)
        report = compute_indicators(maribor.ws.store, project_period(), today=TODAY)
        value = report.value("persons_trained")
        assert value.value == 1 and value.by_site == {maribor.site_id: 0, ptuj.site_id: 1}
        assert report.value("info_points").value == 2
        (record,) = indicator_records(maribor.ws.store, "persons_trained", project_period(), site_id=ptuj.site_id)
        assert (record.name, record.detail, record.date) == ("Žiga Čeh", "Program na Ptuju", dt.date(2021, 3, 1))
    finally:
        maribor.close()
        ptuj.close()
