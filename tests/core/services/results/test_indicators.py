"""Every indicator on crafted data whose right answer is known by hand: period edges included,
deleted and merged records not counted twice, per info point beside the total."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY

from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.services.results.counted import NO_SITE
from sociolab_desktop.core.services.results.definitions import INDICATORS
from sociolab_desktop.core.services.results.indicators import compute_indicators, indicator_records, resolve_site
from sociolab_desktop.core.services.results.periods import ReportPeriod, make_period
from sociolab_desktop.core.store.models import MentoringSession, Organisation, Person
from sociolab_desktop.errors import UserError

YEAR_2021 = make_period(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
D = dt.date


def _value(store, key, period=YEAR_2021, **options):
    return compute_indicators(store, period, today=options.pop("today", TODAY), **options).value(key)


def _names(store, key, period=YEAR_2021, **options):
    return sorted(record.name for record in indicator_records(store, key, period, today=TODAY, **options))


def test_an_empty_database_gives_zeros_not_errors(workspace):
    report = compute_indicators(workspace.store, YEAR_2021, today=TODAY)
    assert [value.key for value in report.values] == [definition.key for definition in INDICATORS]
    values = {value.key: value.value for value in report.values}
    assert values.pop("info_points") == 1  # this PC's own info point
    assert set(values.values()) == {0}
    assert report.value("diagnostics").target == 0 and report.value("diagnostics").share is None
    assert [column.site_id for column in report.sites] == [workspace.settings.site_id]
    for definition in INDICATORS:
        if definition.counts != "site":
            assert indicator_records(workspace.store, definition.key, YEAR_2021) == ()


def _programmes(recorder):
    """Programme A at Maribor (two sessions of 3 h), B at Ptuj (one session), a workshop."""
    ptuj = recorder.site("Informacijska točka Ptuj", code="PT")
    a, (a1, a2) = recorder.event("Program A", [D(2021, 3, 1), D(2021, 3, 8)])
    b, (b1,) = recorder.event("Program B", [D(2021, 6, 1)], site=ptuj)
    _workshop, (w1,) = recorder.event("Delavnica", [D(2021, 4, 1)], event_type="workshop")
    ana, bojan, cvetka, dana, eva = (recorder.person(name) for name in ("Ana", "Bojan", "Cvetka", "Dana", "Eva"))
    for person in (ana, bojan, cvetka):
        recorder.register(a, person)
    recorder.register(a, dana, status="waiting")
    recorder.register(b, eva, status="cancelled")
    recorder.attend(a1, ana), recorder.attend(a2, ana)  # 6 of 6 hours: meets the 80 % rule
    recorder.attend(a1, bojan)  # 3 of 6 hours: attended, not completed
    recorder.attend(b1, ana)  # Ana again, at Ptuj
    recorder.attend(w1, eva)  # a workshop is not a training programme
    return ptuj, {"ana": ana, "bojan": bojan, "cvetka": cvetka}


@pytest.mark.parametrize(("rule", "total", "maribor", "ptuj"), [
    ("registered", 3, 3, 1), ("attended", 2, 2, 1), ("completed", 1, 1, 1)])
def test_persons_in_training_programmes_under_each_rule_per_info_point_and_in_total(recorder, rule, total,
                                                                                   maribor, ptuj):
    ptuj_id, _people = _programmes(recorder)
    value = _value(recorder.store, "persons_trained", training_rule=rule)
    assert value.value == total  # Ana trained at both info points counts once in the total
    assert value.by_site == {recorder.maribor: maribor, ptuj_id: ptuj}
    assert len(indicator_records(recorder.store, "persons_trained", YEAR_2021, training_rule=rule)) == total


def test_the_default_rule_is_attended_at_least_once(recorder):
    _programmes(recorder)
    report = compute_indicators(recorder.store, YEAR_2021, today=TODAY)
    assert report.training_rule == "attended" and report.value("persons_trained").value == 2
    assert _names(recorder.store, "persons_trained") == ["Ana Novak", "Bojan Novak"]


def test_a_programme_counts_in_the_period_of_its_first_session_both_ends_included(recorder):
    for title, first in (("Prvi dan", D(2021, 1, 1)), ("Zadnji dan", D(2021, 12, 31)),
                         ("Prezgodaj", D(2020, 12, 31)), ("Prepozno", D(2022, 1, 1))):
        _event, (session,) = recorder.event(title, [first])
        recorder.attend(session, recorder.person(title.split()[0]))
    # A programme that began in December 2020 and went on into 2021 belongs to 2020.
    _event, (_december, january) = recorder.event("Čez novo leto", [D(2020, 12, 20), D(2021, 1, 10)])
    recorder.attend(january, recorder.person("Jan"))
    assert _names(recorder.store, "persons_trained") == ["Prvi Novak", "Zadnji Novak"]
    assert _value(recorder.store, "persons_trained", ReportPeriod()).value == 5


def test_merged_and_deleted_persons_and_deleted_records_are_not_counted_twice(recorder, workspace):
    _event, (session,) = recorder.event("Program", [D(2021, 3, 1)])
    ana, duplicate, deleted, undone = (recorder.person(name) for name in ("Ana", "Ana", "Gal", "Hana"))
    for person in (ana, duplicate, deleted):
        recorder.attend(session, person)
    recorder.attend(session, undone, deleted=True)  # a check-in undone at the door
    _gone, (gone,) = recorder.event("Izbrisan program", [D(2021, 3, 2)], deleted=True)
    recorder.attend(gone, recorder.person("Iva"))
    assert _value(recorder.store, "persons_trained").value == 3
    person_operations.merge_persons(workspace.store, workspace.actor, ana, duplicate)
    recorder.delete(Person, deleted)
    assert _value(recorder.store, "persons_trained").value == 1
    assert [record.record_id for record in indicator_records(recorder.store, "persons_trained", YEAR_2021)] == [ana]


def _mentoring(recorder):
    """Sessions whose Slovenian date decides the period: 00:30 on 1 January is 23:30 UTC before."""
    ptuj = recorder.site("Informacijska točka Ptuj")
    first, last, outside, gone = (recorder.organisation(name)
                                  for name in ("Zadruga Prva", "Zadnja", "Zunaj", "Izbrisana"))
    ptuj_org = recorder.organisation("Ptujska", site=ptuj)
    recorder.mentoring(first, D(2021, 1, 1), dt.time(0, 30), 90)  # 1.5 h
    recorder.mentoring(first, D(2021, 2, 1), dt.time(9), 50)  # 0.75 h
    recorder.mentoring(first, D(2021, 5, 1), dt.time(9), 60, site=ptuj)  # 1 h, at Ptuj
    recorder.mentoring(last, D(2021, 12, 31), dt.time(23, 50), 30, site=ptuj)  # 0.5 h, the last minutes
    recorder.mentoring(outside, D(2022, 1, 1), dt.time(0, 10), 60)
    recorder.mentoring(outside, D(2020, 12, 31), dt.time(23, 50), 60)
    recorder.mentoring(ptuj_org, D(2021, 3, 1), dt.time(9), 60, site=ptuj, deleted=True)
    recorder.mentoring(gone, D(2021, 3, 1), dt.time(9), 60)  # 1 h: hours count, the organisation does not
    recorder.mentoring(None, D(2021, 5, 5), dt.time(9), 45, persons=(recorder.person("Ana"),))  # 0.75 h
    recorder.delete(Organisation, gone)
    return ptuj


def test_organisations_mentored_by_slovenian_date_once_per_info_point_and_once_in_total(recorder):
    ptuj = _mentoring(recorder)
    value = _value(recorder.store, "organisations_supported")
    assert value.value == 2
    assert value.by_site == {recorder.maribor: 1, ptuj: 2}
    assert _names(recorder.store, "organisations_supported") == ["Zadnja", "Zadruga Prva"]
    assert _names(recorder.store, "organisations_supported", site_id=ptuj) == ["Zadnja", "Zadruga Prva"]


def test_mentoring_hours_per_info_point_add_up_to_the_total(recorder):
    ptuj = _mentoring(recorder)
    value = _value(recorder.store, "mentoring_hours")
    assert value.value == 1.5 + 0.75 + 1 + 0.5 + 1 + 0.75
    assert value.by_site == {recorder.maribor: 4.0, ptuj: 1.5}
    assert value.target is None and value.reached is None
    persons_only = [r for r in indicator_records(recorder.store, "mentoring_hours", YEAR_2021) if r.amount == 0.75
                    and r.date == D(2021, 5, 5)]
    assert persons_only[0].name == "Ana Novak"


def test_diagnostics_and_development_plans_count_organisations_against_those_supported(recorder):
    ptuj = recorder.site("Informacijska točka Ptuj")
    first = recorder.organisation("Prva")
    second, early = recorder.organisation("Druga", site=ptuj), recorder.organisation("Zgodnja", site=ptuj)
    recorder.diagnostic(first, D(2021, 1, 1), plan=True)
    recorder.diagnostic(first, D(2021, 6, 1), plan=False)  # the same organisation again: once
    recorder.diagnostic(second, D(2021, 12, 31), plan=False)
    recorder.diagnostic(early, D(2020, 12, 31), plan=True)
    recorder.diagnostic(early, D(2021, 3, 1), plan=True, deleted=True)
    for organisation in (first, second, early):
        recorder.mentoring(organisation, D(2021, 2, 1), dt.time(9), 60)
    diagnostics, plans = _value(recorder.store, "diagnostics"), _value(recorder.store, "development_plans")
    assert (diagnostics.value, diagnostics.target, diagnostics.by_site) == (2, 3, {recorder.maribor: 1, ptuj: 1})
    assert (plans.value, plans.target) == (1, 3)
    assert _names(recorder.store, "development_plans") == ["Prva"]


def test_jobs_count_a_merged_persons_job_of_one_kind_once(recorder, workspace):
    organisation = recorder.organisation("Zadruga")
    ana, duplicate = recorder.person("Ana"), recorder.person("Ana")
    recorder.job(organisation, D(2021, 2, 1), person_id=ana)
    recorder.job(organisation, D(2021, 3, 1), person_id=duplicate)  # recorded twice for one person
    recorder.job(organisation, D(2021, 4, 1), kind="retained", person_id=ana)
    recorder.job(organisation, D(2021, 5, 1)), recorder.job(organisation, D(2021, 5, 1))  # no person: each
    recorder.job(organisation, D(2021, 5, 1), deleted=True)
    recorder.job(organisation, D(2022, 1, 1))
    assert _value(recorder.store, "jobs").value == 5
    person_operations.merge_persons(workspace.store, workspace.actor, ana, duplicate)
    value = _value(recorder.store, "jobs")
    assert value.value == 4 and value.by_site == {recorder.maribor: 4}
    assert len(indicator_records(recorder.store, "jobs", YEAR_2021)) == 4


def test_products_with_the_same_name_are_one_product_at_its_latest_stage(recorder):
    ptuj = recorder.site("Informacijska točka Ptuj")
    first, second = recorder.organisation("Prva"), recorder.organisation("Druga", site=ptuj)
    recorder.product(first, "Zeliščni čaj", D(2021, 2, 1), stage="idea")
    recorder.product(first, "ZELISCNI  CAJ", D(2021, 5, 1), stage="pilot")
    recorder.product(second, "Zeliščni čaj", D(2021, 6, 1))  # another organisation's: another product
    recorder.product(second, "Izbrisan", D(2021, 6, 1), deleted=True)
    value = _value(recorder.store, "products")
    assert value.value == 2 and value.by_site == {recorder.maribor: 1, ptuj: 1}
    records = indicator_records(recorder.store, "products", YEAR_2021, site_id=recorder.maribor)
    assert [(r.name, r.category) for r in records] == [("ZELISCNI  CAJ", "pilot")]


@pytest.mark.parametrize(("ended", "expected"), [(D(2021, 1, 1), 1), (D(2020, 12, 31), 0), (None, 1)])
def test_support_programme_runs_when_an_enrolment_overlaps_the_period(recorder, ended, expected):
    recorder.enrolment(recorder.organisation("Zagon"), D(2020, 5, 1), ended)
    assert _value(recorder.store, "support_programme").value == expected


def test_competitions_count_when_concluded_at_their_award_event_or_year_end(recorder):
    ptuj = recorder.site("Informacijska točka Ptuj")
    ceremony, _sessions = recorder.event("Podelitev", [D(2021, 10, 1)], event_type="competition", site=ptuj)
    recorder.competition("social_innovation", 2021, ceremony)
    recorder.competition("social_innovation", 2020)  # 31 December 2020: outside
    recorder.competition("social_innovation", 2021, deleted=True)
    recorder.competition("ethical_investor", 2021)  # 31 December 2021, no award event: no info point
    social = _value(recorder.store, "competitions_social_innovation")
    ethical = _value(recorder.store, "competitions_ethical_investor")
    assert (social.value, social.by_site[ptuj]) == (1, 1)
    assert (ethical.value, ethical.by_site[NO_SITE]) == (1, 1)
    assert _value(recorder.store, "competitions_ethical_investor", today=D(2021, 12, 30)).value == 0


def test_fairs_and_conference_count_once_held_and_an_open_day_is_not_a_second_fair(recorder):
    ptuj = recorder.site("Informacijska točka Ptuj")
    recorder.event("Sejem", [D(2021, 9, 21), D(2021, 9, 22)], event_type="fair")  # fair and open day
    recorder.event("Jesenski sejem", [D(2021, 12, 15)], event_type="fair", site=ptuj)
    recorder.event("Konferenca", [D(2021, 11, 11)], event_type="conference", site=ptuj)
    recorder.event("Izbrisan sejem", [D(2021, 5, 5)], event_type="fair", deleted=True)
    assert _value(recorder.store, "fairs").value == 2
    before = compute_indicators(recorder.store, YEAR_2021, today=D(2021, 12, 1))
    assert before.value("fairs").value == 1 and before.value("fairs").by_site == {recorder.maribor: 1, ptuj: 0}
    assert before.value("conference").value == 1 and before.value("conference").reached


def test_info_points_and_the_network_lab_are_counted_from_the_sites(recorder):
    assert _value(recorder.store, "network_lab").value == 0  # no lead partner recorded yet
    recorder.site("Vodilni partner", lead=True)
    recorder.site("Informacijska točka Ptuj")
    report = compute_indicators(recorder.store, YEAR_2021, today=TODAY)
    assert report.value("network_lab").value == 1 and report.value("network_lab").by_site == {}
    assert report.value("info_points").value == 2
    assert [column.is_lead_partner for column in report.sites] == [False, False]  # nothing counted at the lead


def test_the_info_points_list_has_every_info_point_it_counts_and_no_date_outside_the_period(recorder):
    """The period does not change the number of info points (the program does not know when one
    opened): the list holds the same info points, without the day their records were made (this
    PC's own was made today, years after the period), which would read as a set-up date."""
    recorder.site("Vodilni partner", lead=True)
    recorder.site("Informacijska točka Ptuj")
    project = make_period(D(2018, 4, 1), D(2021, 12, 31))
    listed = indicator_records(recorder.store, "info_points", project, today=TODAY)
    assert _value(recorder.store, "info_points", project).value == len(listed) == 2
    assert recorder.maribor in {record.record_id for record in listed}
    assert [record.date for record in listed] == [None, None]
    network = indicator_records(recorder.store, "network_lab", project, today=TODAY)
    assert sorted(record.category for record in network) == ["info_point", "info_point", "lead_partner"]
    assert {record.date for record in network} == {None}


def test_a_report_limited_to_one_info_point_gives_its_values(recorder):
    ptuj, _people = _programmes(recorder)
    assert resolve_site(recorder.store, "pt") == ptuj == resolve_site(recorder.store, "informacijska točka ptuj")
    report = compute_indicators(recorder.store, YEAR_2021, site_id=ptuj, today=TODAY)
    assert report.value("persons_trained").value == 1 and [c.site_id for c in report.sites] == [ptuj]
    with pytest.raises(UserError, match="No info point is called"):
        resolve_site(recorder.store, "Murska Sobota")


def test_unknown_rule_and_indicator_are_refused(workspace):
    with pytest.raises(UserError, match="Unknown rule"):
        compute_indicators(workspace.store, YEAR_2021, training_rule="signed")
    with pytest.raises(UserError, match="Unknown indicator"):
        indicator_records(workspace.store, "happiness", YEAR_2021)


def test_a_deleted_mentoring_session_leaves_the_counts(recorder):
    organisation = recorder.organisation("Zadruga")
    session = recorder.mentoring(organisation, D(2021, 2, 1), dt.time(9), 60)
    assert _value(recorder.store, "organisations_supported").value == 1
    recorder.delete(MentoringSession, session)
    assert _value(recorder.store, "organisations_supported").value == 0
    assert _value(recorder.store, "mentoring_hours").value == 0


def test_events_of_every_type_count_only_where_they_belong(recorder):
    from sociolab_desktop.core.domain.enums import EventType

    for event_type in EventType:
        _event, (session,) = recorder.event(f"Dogodek {event_type.value}", [D(2021, 5, 5)], event_type=event_type.value)
        recorder.attend(session, recorder.person(event_type.value))
    report = compute_indicators(recorder.store, YEAR_2021, today=TODAY)
    assert _names(recorder.store, "persons_trained") == ["training_programme Novak"]
    assert _names(recorder.store, "fairs") == ["Dogodek fair"]
    assert _names(recorder.store, "conference") == ["Dogodek conference"]
    assert report.value("competitions_social_innovation").value == 0  # an event is not a competition record
    assert report.value("organisations_supported").value == 0
