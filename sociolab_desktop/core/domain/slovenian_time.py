"""Slovenian wall-clock time for times stored as naive UTC.

The EU summer-time rule (since 1996: from 01:00 UTC on the last Sunday of March to 01:00 UTC on
the last Sunday of October) rather than the PC's own time zone, so that every PC puts a moment
on the same Slovenian day, and rather than zoneinfo, because Windows has no time-zone database
of its own.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


def _last_sunday(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    last = first_of_next - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


@lru_cache(maxsize=64)
def _summer_time(year: int) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of summer time in `year`, as naive UTC."""
    return (dt.datetime.combine(_last_sunday(year, 3), dt.time(1)),
            dt.datetime.combine(_last_sunday(year, 10), dt.time(1)))


def utc_offset(moment_utc: dt.datetime) -> dt.timedelta:
    """Slovenia's offset from UTC at a naive UTC moment: +2 h in summer, +1 h otherwise."""
    starts, ends = _summer_time(moment_utc.year)
    return dt.timedelta(hours=2 if starts <= moment_utc < ends else 1)


def to_local(moment_utc: dt.datetime) -> dt.datetime:
    """A stored naive UTC time as naive Slovenian wall-clock time."""
    return moment_utc + utc_offset(moment_utc)


def to_utc(day: dt.date, time: dt.time) -> dt.datetime:
    """Slovenian wall-clock time as naive UTC. The hour repeated in October is taken the first
    time (summer time); a time in the hour skipped in March moves one hour on."""
    local = dt.datetime.combine(day, time.replace(tzinfo=None))
    summer = local - dt.timedelta(hours=2)
    return summer if utc_offset(summer) == dt.timedelta(hours=2) else local - dt.timedelta(hours=1)


def local_now(now_utc: dt.datetime | None = None) -> dt.datetime:
    """Now on a Slovenian clock (`now_utc` naive UTC, for tests)."""
    return to_local(now_utc or dt.datetime.now(dt.UTC).replace(tzinfo=None))
