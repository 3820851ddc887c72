"""Reporting periods: both ends included, open ends allowed, an end before the start refused."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.services.results.periods import (
    ReportPeriod,
    make_period,
    parse_date,
    project_period,
    year_period,
)
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator


def test_a_period_whose_end_is_before_its_start_is_refused_with_both_dates():
    with pytest.raises(UserError) as error:
        make_period(dt.date(2021, 3, 1), dt.date(2021, 2, 28))
    message = error.value.render(Translator("en"))
    assert "28/02/2021" in message and "01/03/2021" in message and "on or after the start" in message


def test_a_one_day_period_and_open_ends_are_allowed():
    day = dt.date(2021, 3, 1)
    assert make_period(day, day).contains(day)
    assert make_period(None, day).contains(dt.date(1990, 1, 1)) and not make_period(None, day).contains(
        dt.date(2021, 3, 2))
    assert ReportPeriod().contains(dt.date(2100, 1, 1)) and not ReportPeriod().contains(None)
    assert ReportPeriod().closed().first <= dt.date(1900, 1, 1)


def test_periods_read_in_both_languages():
    assert project_period().label(Translator("sl")) == "1. 4. 2018 – 31. 12. 2021"
    assert year_period(2020).label(Translator("en")) == "01/01/2020 – 31/12/2020"
    assert ReportPeriod(dt.date(2021, 1, 1)).label(Translator("en")) == "from 01/01/2021"
    assert ReportPeriod().label(Translator("en")) == "all dates"


@pytest.mark.parametrize(("typed", "expected"), [
    ("2021-03-31", dt.date(2021, 3, 31)), ("31. 3. 2021", dt.date(2021, 3, 31)), ("31.3.2021", dt.date(2021, 3, 31)),
    ("", None), (None, None)])
def test_dates_typed_on_the_command_line(typed, expected):
    assert parse_date(typed, "--to") == expected


@pytest.mark.parametrize("typed", ["31. 2. 2021", "yesterday", "2021-13-01"])
def test_a_date_that_is_not_one_names_the_option(typed):
    with pytest.raises(UserError, match="--from"):
        parse_date(typed, "--from")
