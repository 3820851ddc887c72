"""Jobs and products with the support that led to them; programme enrolment; the organisation page."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_helpers import TODAY

from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.services.mentoring import outcomes as o
from sociolab_desktop.core.services.mentoring import programme as p
from sociolab_desktop.core.services.mentoring import sessions as s
from sociolab_desktop.core.services.mentoring.checks import (
    ConfirmationNeeded,
    EnrolmentValidationError,
    OutcomeValidationError,
)


def _job(mentoring, confirmed=False, **fields):
    values = {"organisation_id": None, "occurred_on": dt.date(2021, 3, 16), "kind": "created",
              "contract_type": "permanent", "is_vulnerable_group": True, "evidence": "Pogodba o zaposlitvi"}
    values.update(fields)
    return o.save_job(mentoring.store, mentoring.actor, o.JobInput(**values), confirmed=confirmed, today=TODAY)


def test_a_job_is_linked_to_the_session_that_led_to_it(mentoring):
    organisation_id, person_id = mentoring.organisation(), mentoring.person()
    support = mentoring.session(organisation_id=organisation_id)
    job = _job(mentoring, organisation_id=organisation_id, person_id=person_id, mentoring_session_id=support.id)
    assert (job.organisation_name, job.person_name, job.kind, job.is_vulnerable_group) == (
        "Zadruga Đurđevka", "Ana Čeh", "created", True)
    assert job.mentoring_session_id == support.id
    assert o.jobs_of(mentoring.store, organisation_id) == [job]


def test_a_job_without_organisation_kind_or_contract_is_refused(mentoring):
    with pytest.raises(OutcomeValidationError) as error:
        _job(mentoring, kind="", contract_type="zero_hours", occurred_on=TODAY + dt.timedelta(days=3))
    assert sorted(error.value.fields) == ["contract_type", "kind", "occurred_on", "organisation_id"]


def test_a_job_before_the_support_started_is_warned(mentoring):
    organisation_id = mentoring.organisation()
    mentoring.session(organisation_id=organisation_id)  # 15 March 2021
    with pytest.raises(ConfirmationNeeded) as warning:
        _job(mentoring, organisation_id=organisation_id, occurred_on=dt.date(2021, 3, 14))
    assert warning.value.fields == ["occurred_on"] and "2021-03-15" in str(warning.value)
    assert _job(mentoring, organisation_id=organisation_id, occurred_on=dt.date(2021, 3, 14), confirmed=True)
    assert _job(mentoring, organisation_id=organisation_id, occurred_on=dt.date(2021, 3, 15))  # that day: fine


def test_the_programme_enrolment_also_starts_the_support(mentoring):
    organisation_id = mentoring.organisation()
    with pytest.raises(ConfirmationNeeded):  # no support at all yet
        _job(mentoring, organisation_id=organisation_id)
    p.save_enrolment(mentoring.store, mentoring.actor, p.EnrolmentInput(organisation_id, dt.date(2021, 1, 4)),
                     today=TODAY)
    assert _job(mentoring, organisation_id=organisation_id, occurred_on=dt.date(2021, 2, 1))


def test_a_support_session_of_another_organisation_or_after_the_job_is_refused(mentoring):
    organisation_id, other = mentoring.organisation(), mentoring.organisation("Socialno podjetje Čebelica")
    theirs = mentoring.session(organisation_id=other)
    with pytest.raises(OutcomeValidationError) as error:
        _job(mentoring, organisation_id=organisation_id, mentoring_session_id=theirs.id, confirmed=True)
    assert error.value.fields == ["mentoring_session_id"]
    later = mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 18))
    with pytest.raises(OutcomeValidationError):
        _job(mentoring, organisation_id=organisation_id, mentoring_session_id=later.id, confirmed=True)


def test_a_job_of_a_merged_person_names_the_survivor(mentoring):
    organisation_id = mentoring.organisation()
    mentoring.session(organisation_id=organisation_id)
    survivor, duplicate = mentoring.person(), mentoring.person()
    person_operations.merge_persons(mentoring.store, mentoring.actor, survivor, duplicate)
    assert _job(mentoring, organisation_id=organisation_id, person_id=duplicate).person_id == survivor


def test_a_product_needs_a_name_and_stage_and_links_to_its_session(mentoring):
    organisation_id = mentoring.organisation()
    support = mentoring.session(organisation_id=organisation_id)
    with pytest.raises(OutcomeValidationError) as error:
        o.save_product(mentoring.store, mentoring.actor, o.ProductInput(organisation_id, " ", dt.date(2021, 3, 16),
                                                                        None), today=TODAY)
    assert sorted(error.value.fields) == ["name", "stage"]
    product = o.save_product(mentoring.store, mentoring.actor, o.ProductInput(
        organisation_id, "Košarica lokalnih dobrot", dt.date(2021, 3, 16), "pilot", "Dostava na dom",
        support.id), today=TODAY)
    assert (product.name, product.stage, product.mentoring_session_id) == (
        "Košarica lokalnih dobrot", "pilot", support.id)
    edited = o.save_product(mentoring.store, mentoring.actor, o.ProductInput(
        organisation_id, "Košarica lokalnih dobrot", dt.date(2021, 3, 16), "on_market"), product_id=product.id,
        today=TODAY)
    assert o.products_of(mentoring.store, organisation_id) == [edited]


def test_enrolment_rules(mentoring):
    organisation_id = mentoring.organisation()

    def enrol(confirm_id=None, **fields):
        data = p.EnrolmentInput(**{"organisation_id": organisation_id, "started_on": dt.date(2021, 1, 4), **fields})
        return p.save_enrolment(mentoring.store, mentoring.actor, data, enrolment_id=confirm_id, today=TODAY)

    with pytest.raises(EnrolmentValidationError) as error:
        enrol(status="active", ended_on=dt.date(2021, 2, 1))
    assert error.value.fields == ["ended_on"]
    with pytest.raises(EnrolmentValidationError) as error:
        enrol(status="completed")
    assert error.value.fields == ["ended_on"]
    with pytest.raises(EnrolmentValidationError) as error:
        enrol(status="withdrawn", ended_on=dt.date(2020, 12, 1))
    assert error.value.fields == ["ended_on"]
    with pytest.raises(EnrolmentValidationError) as error:
        enrol(started_on=TODAY + dt.timedelta(days=1), status="paused")
    assert sorted(error.value.fields) == ["started_on", "status"]
    active = enrol()
    with pytest.raises(EnrolmentValidationError) as error:
        enrol(started_on=dt.date(2021, 2, 1))
    assert error.value.fields == ["status"]
    done = enrol(active.id, status="completed", ended_on=dt.date(2021, 3, 1), outcome="Ustanovljena zadruga")
    assert (done.id, done.status, done.outcome) == (active.id, "completed", "Ustanovljena zadruga")
    assert p.enrolments_of(mentoring.store, organisation_id) == [done]


def test_the_organisation_overview_shows_sessions_hours_plan_enrolment_and_outcomes(mentoring):
    organisation_id = mentoring.organisation()
    first = mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 2, 1), ends=dt.time(9, 50),
                              actions=[s.ActionInput("Poslati ponudbo", due_on=dt.date(2021, 2, 15))])
    second = mentoring.session(organisation_id=organisation_id, actions=[s.ActionInput("Urediti spletno stran")])
    s.set_action_done(mentoring.store, mentoring.actor, second.actions[0].id)
    plan = mentoring.diagnostic(organisation_id, dt.date(2021, 2, 1), has_development_plan=True)
    mentoring.diagnostic(organisation_id, dt.date(2021, 3, 1))  # a later one without a plan
    enrolment = p.save_enrolment(mentoring.store, mentoring.actor,
                                 p.EnrolmentInput(organisation_id, dt.date(2021, 1, 4)), today=TODAY)
    job = _job(mentoring, organisation_id=organisation_id, mentoring_session_id=first.id)
    product = o.save_product(mentoring.store, mentoring.actor, o.ProductInput(
        organisation_id, "Košarica", dt.date(2021, 3, 16), "idea"), today=TODAY)
    overview = p.organisation_overview(mentoring.store, organisation_id)
    assert [row.id for row in overview.sessions] == [second.id, first.id]
    assert (overview.totals.sessions, overview.totals.hours) == (2, 0.75 + 1.5)
    assert [(m.period.first, m.hours) for m in overview.months] == [(dt.date(2021, 2, 1), 0.75),
                                                                    (dt.date(2021, 3, 1), 1.5)]
    assert overview.development_plan.id == plan.id and len(overview.progress.assessments) == 2
    assert overview.enrolments == (enrolment,)
    assert [(a.action.description, a.session_id) for a in overview.open_actions] == [("Poslati ponudbo", first.id)]
    assert (overview.jobs, overview.products) == ((job,), (product,))
