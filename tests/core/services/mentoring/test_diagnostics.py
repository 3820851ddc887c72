"""Diagnostics: every area scored on the scale, edits, and later assessments beside earlier ones."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_helpers import TODAY
from sqlalchemy import func, select

from sociolab_desktop.core.services.mentoring import diagnostics as d
from sociolab_desktop.core.services.mentoring.checks import (
    ConfirmationNeeded,
    DiagnosticValidationError,
)
from sociolab_desktop.core.store.models import DiagnosticScore


def _scores(**overrides):
    scores = dict.fromkeys(d.AREAS, 3) | overrides
    return [d.AreaScoreInput(area, score, f"Opomba {area}" if area == "finances" else None)
            for area, score in scores.items()]


def _save(mentoring, organisation_id, day, scores=None, **fields):
    return mentoring.diagnostic(organisation_id, day, scores if scores is not None else _scores(), **fields)


def test_an_assessment_records_every_area_with_goals_and_plan(mentoring):
    organisation_id = mentoring.organisation()
    record = _save(mentoring, organisation_id, dt.date(2020, 5, 4), _scores(finances=2, marketing=1),
                   goals="Stabilni prihodki", planned_actions="Mentorstvo pri trženju", has_development_plan=True)
    assert [(item.area, item.score) for item in record.scores] == [
        (area, {"finances": 2, "marketing": 1}.get(area, 3)) for area in d.AREAS]
    assert record.score("finances").comment == "Opomba finances"
    assert (record.organisation_name, record.assessor_name) == ("Zadruga Đurđevka", "Mojca Žagar")
    assert (record.goals, record.has_development_plan) == ("Stabilni prihodki", True)
    assert d.get_diagnostic(mentoring.store, record.id) == record


@pytest.mark.parametrize("score", [0, 6, -1, 2.5, True])
def test_a_score_outside_the_scale_is_refused(mentoring, score):
    with pytest.raises(DiagnosticValidationError) as error:
        _save(mentoring, mentoring.organisation(), dt.date(2020, 5, 4), _scores(governance=score))
    assert error.value.fields == ["scores.governance"]


def test_missing_unknown_and_twice_scored_areas_are_refused_together(mentoring):
    scores = [item for item in _scores() if item.area != "finances"]
    scores += [d.AreaScoreInput("astrology", 3), d.AreaScoreInput("marketing", 4)]
    with pytest.raises(DiagnosticValidationError) as error:
        _save(mentoring, mentoring.organisation(), TODAY + dt.timedelta(days=1), scores)
    assert sorted(error.value.fields) == sorted([
        "assessed_on", f"scores.{len(scores) - 2}", "scores.marketing", "scores.finances"])


def test_an_edit_replaces_scores_without_new_records(mentoring):
    organisation_id = mentoring.organisation()
    record = _save(mentoring, organisation_id, dt.date(2020, 5, 4))
    data = d.DiagnosticInput(organisation_id, dt.date(2020, 5, 5), _scores(finances=5))
    edited = d.save_diagnostic(mentoring.store, mentoring.actor, data, diagnostic_id=record.id, today=TODAY)
    assert (edited.id, edited.assessed_on, edited.score("finances").score) == (record.id, dt.date(2020, 5, 5), 5)
    with mentoring.store.reader() as session:
        assert session.scalar(select(func.count()).select_from(DiagnosticScore)) == len(d.AREAS)


def test_a_second_assessment_on_the_same_day_is_warned(mentoring):
    organisation_id = mentoring.organisation()
    _save(mentoring, organisation_id, dt.date(2020, 5, 4))
    with pytest.raises(ConfirmationNeeded) as warning:
        _save(mentoring, organisation_id, dt.date(2020, 5, 4))
    assert warning.value.fields == ["assessed_on"]


def test_later_assessments_are_shown_beside_earlier_ones_area_by_area(mentoring):
    organisation_id = mentoring.organisation()
    later = _save(mentoring, organisation_id, dt.date(2021, 2, 1), _scores(finances=4, marketing=5))
    earlier = _save(mentoring, organisation_id, dt.date(2020, 5, 4), _scores(finances=2, marketing=1))
    middle = _save(mentoring, organisation_id, dt.date(2020, 11, 2), _scores(finances=3, marketing=1))
    deleted = _save(mentoring, organisation_id, dt.date(2020, 12, 1), _scores(finances=1))
    d.delete_diagnostic(mentoring.store, mentoring.actor, deleted.id)
    history = d.progress_of(mentoring.store, organisation_id)
    assert [item.id for item in history.assessments] == [earlier.id, middle.id, later.id]
    rows = {row.area: row for row in history.areas}
    assert list(rows) == list(d.AREAS)
    assert (rows["finances"].scores, rows["finances"].change) == ((2, 3, 4), 2)
    assert (rows["marketing"].scores, rows["marketing"].change) == ((1, 1, 5), 4)
    assert (rows["governance"].scores, rows["governance"].change) == ((3, 3, 3), 0)
    assert rows["finances"].comments == ("Opomba finances",) * 3


def test_a_single_assessment_shows_no_change(mentoring):
    organisation_id = mentoring.organisation()
    _save(mentoring, organisation_id, dt.date(2020, 5, 4))
    history = d.progress_of(mentoring.store, organisation_id)
    assert {row.change for row in history.areas} == {None}
