"""Slovenian local time, reporting periods, and how the funder counts mentoring hours.

Session times are stored as naive UTC (like every time in the store); mentors type and read
Slovenian wall-clock times, and every count ("in March", "this week") is by the Slovenian date.
The conversion is core/domain/slovenian_time.py's, so every PC counts a session into the same
day and month.

Hours as the funder counts them (decision): clock hours of 60 minutes — pedagogical hours of 45
minutes apply to training, not to mentoring — per session, rounded to the nearest quarter of an
hour (7 minutes count 0, 8 minutes count 0.25, 1 h 22 min counts 1.25, 1 h 23 min counts 1.5).
Whole minutes never fall exactly half-way between two quarters, so there is no tie to break.
A month's or a mentor's hours are the sum of the sessions' rounded hours, so a timesheet adds up
to the hours printed on the signed records it summarises. Quarters are integers, so sums are
exact; `hours` as float is exact too (multiples of 0.25).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sociolab_desktop.core.domain.slovenian_time import (
    to_utc,
)

MINUTES_PER_QUARTER = 15


def minutes_between(starts_utc: dt.datetime, ends_utc: dt.datetime) -> int:
    """Whole minutes of a session (negative when the end lies before the start)."""
    return round((ends_utc - starts_utc).total_seconds() / 60)


def duration_minutes(day: dt.date, starts: dt.time, ends: dt.time) -> int:
    """What the form shows as the duration of a session on `day` from `starts` to `ends`."""
    return minutes_between(to_utc(day, starts), to_utc(day, ends))


def quarters(minutes: int) -> int:
    """Quarter hours the funder counts for a session of `minutes` (see the module docstring)."""
    return (max(0, minutes) + MINUTES_PER_QUARTER // 2) // MINUTES_PER_QUARTER


def funder_hours(minutes: int) -> float:
    """Hours the funder counts for one session: 90 minutes → 1.5, 50 minutes → 0.75."""
    return quarters(minutes) / 4


def quarters_to_hours(count: int) -> float:
    return count / 4


@dataclass(frozen=True)
class Period:
    """A run of Slovenian calendar days, both ends included."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period ends on or after its first day")

    @classmethod
    def month(cls, day: dt.date) -> Period:
        """The calendar month of `day`."""
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return cls(first, following - dt.timedelta(days=1))

    @classmethod
    def week(cls, day: dt.date) -> Period:
        """The Monday-to-Sunday week of `day`."""
        monday = day - dt.timedelta(days=day.weekday())
        return cls(monday, monday + dt.timedelta(days=6))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def utc_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[from, until) in naive UTC: a session belongs to the period when its start is in it."""
        return (to_utc(self.first, dt.time(0)),
                to_utc(self.last + dt.timedelta(days=1), dt.time(0)))


def utc_bounds(first: dt.date | None, last: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Like Period.utc_bounds, for open-ended ranges (None: no bound on that side)."""
    return (to_utc(first, dt.time(0)) if first else None,
            to_utc(last + dt.timedelta(days=1), dt.time(0)) if last else None)
