"""The data of the signed mentoring documents, in the order they print it: a record per session,
a monthly record per organisation, a monthly timesheet per mentor.

Plain values only (no store, no services), so that a document builder can take them. Dates and
times are Slovenian wall-clock; hours are what the funder counts (time_rules); `mode` and
`topics` are the stored values (MentoringMode, MentoringTopic), which the document labels in its
own language. `language` is the document's default: the organisation's preferred language (or
the first coached person's for a session without an organisation), "sl" otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RecordAction:
    description: str
    owner: str | None
    due_on: dt.date | None
    is_done: bool


@dataclass(frozen=True)
class RecordSession:
    """One session as a record prints it."""

    session_id: str
    session_date: dt.date
    starts: dt.time
    ends: dt.time
    minutes: int
    hours: float
    mode: str
    place: str | None
    mentors: tuple[str, ...]
    persons: tuple[str, ...]
    topics: tuple[str, ...]
    summary: str | None
    actions: tuple[RecordAction, ...]
    next_session_on: dt.date | None


@dataclass(frozen=True)
class RecordParty:
    """Who was coached: the organisation (if any) as its documents name it."""

    organisation_id: str | None
    organisation_name: str | None
    registration_number: str | None
    address: str | None  # one line: street, postal code and town


@dataclass(frozen=True)
class SessionRecordData:
    """The mentoring record of one session; signature lines: each mentor, and the organisation's
    representative (or the coached persons when there is no organisation)."""

    language: str
    site_name: str | None
    party: RecordParty
    session: RecordSession


@dataclass(frozen=True)
class MonthlyRecordData:
    """The month's sessions with one organisation, oldest first, with totals; signature lines for
    every mentor who took part (`mentors`, by name) and the organisation's representative."""

    language: str
    site_name: str | None
    party: RecordParty
    month_first: dt.date
    month_last: dt.date
    sessions: tuple[RecordSession, ...]
    mentors: tuple[str, ...]
    total_sessions: int
    total_minutes: int
    total_hours: float


@dataclass(frozen=True)
class TimesheetLine:
    session_id: str
    session_date: dt.date
    starts: dt.time
    ends: dt.time
    minutes: int
    hours: float
    mode: str
    organisation_name: str | None
    persons: tuple[str, ...]
    topics: tuple[str, ...]
    other_mentors: tuple[str, ...]  # who shared the session with this mentor


@dataclass(frozen=True)
class MentorTimesheetData:
    """A mentor's sessions in a month, oldest first, with total hours; one signature line (the
    mentor). Each session counts its full hours for every mentor who led it."""

    mentor_id: str
    mentor_name: str
    site_name: str | None
    month_first: dt.date
    month_last: dt.date
    lines: tuple[TimesheetLine, ...]
    total_sessions: int
    total_minutes: int
    total_hours: float
