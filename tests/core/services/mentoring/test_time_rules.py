"""Hours as the funder counts them, Slovenian local time, and periods."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain import slovenian_time as st
from sociolab_desktop.core.services.mentoring import time_rules as t


@pytest.mark.parametrize(("minutes", "hours"), [
    (0, 0.0), (7, 0.0), (8, 0.25), (15, 0.25), (22, 0.25), (23, 0.5), (45, 0.75), (50, 0.75), (52, 0.75),
    (53, 1.0), (60, 1.0), (82, 1.25), (83, 1.5), (90, 1.5), (720, 12.0), (-30, 0.0),
])
def test_session_hours_are_clock_hours_rounded_to_the_nearest_quarter(minutes, hours):
    assert t.funder_hours(minutes) == hours


def test_sums_of_quarters_are_exact():
    assert t.quarters_to_hours(sum(t.quarters(m) for m in [50] * 10_000)) == 7500.0


def test_winter_and_summer_times_convert_to_utc_and_back():
    assert st.to_utc(dt.date(2021, 3, 15), dt.time(9)) == dt.datetime(2021, 3, 15, 8)
    assert st.to_utc(dt.date(2021, 7, 1), dt.time(9)) == dt.datetime(2021, 7, 1, 7)
    assert st.to_local(dt.datetime(2021, 7, 1, 7)) == dt.datetime(2021, 7, 1, 9)
    # Late in the evening UTC is already the next Slovenian day.
    assert st.to_local(dt.datetime(2021, 6, 30, 22, 30)).date() == dt.date(2021, 7, 1)


def test_summer_time_switches_at_one_o_clock_utc_on_the_last_sundays():
    assert st.utc_offset(dt.datetime(2021, 3, 28, 0, 59)) == dt.timedelta(hours=1)
    assert st.utc_offset(dt.datetime(2021, 3, 28, 1, 0)) == dt.timedelta(hours=2)
    assert st.utc_offset(dt.datetime(2021, 10, 31, 0, 59)) == dt.timedelta(hours=2)
    assert st.utc_offset(dt.datetime(2021, 10, 31, 1, 0)) == dt.timedelta(hours=1)
    # The session's real length counts across the switch: 01:30 to 03:30 lasts one hour.
    assert t.duration_minutes(dt.date(2021, 3, 28), dt.time(1, 30), dt.time(3, 30)) == 60
    assert t.duration_minutes(dt.date(2021, 3, 15), dt.time(9), dt.time(10, 30)) == 90


def test_the_repeated_october_hour_is_taken_the_first_time():
    assert st.to_utc(dt.date(2021, 10, 31), dt.time(2, 30)) == dt.datetime(2021, 10, 31, 0, 30)


def test_a_month_runs_from_slovenian_midnight_to_slovenian_midnight():
    march = t.Period.month(dt.date(2021, 3, 17))
    assert (march.first, march.last) == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert march.utc_bounds() == (dt.datetime(2021, 2, 28, 23), dt.datetime(2021, 3, 31, 22))
    assert t.Period.month(dt.date(2020, 2, 10)).last == dt.date(2020, 2, 29)
    assert t.Period.month(dt.date(2021, 12, 31)).last == dt.date(2021, 12, 31)


def test_a_week_runs_monday_to_sunday():
    week = t.Period.week(dt.date(2021, 3, 17))  # a Wednesday
    assert (week.first, week.last) == (dt.date(2021, 3, 15), dt.date(2021, 3, 21))
    assert week.contains(dt.date(2021, 3, 21)) and not week.contains(dt.date(2021, 3, 22))


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        t.Period(dt.date(2021, 3, 2), dt.date(2021, 3, 1))
