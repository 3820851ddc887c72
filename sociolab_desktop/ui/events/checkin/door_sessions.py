"""Which session the door checks people in for when none is named, and how a session is named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sociolab_desktop.core.services.events.sessions import SessionInfo
from sociolab_desktop.i18n import Translator


def choose_session(sessions: Sequence[SessionInfo], now: dt.datetime) -> SessionInfo | None:
    """Today's session (the one running or still to come today, else today's last), else the next
    one. None when every session is over: the window asks rather than recording attendance for a
    past day nobody chose."""
    today, clock = now.date(), now.time()
    todays = [row for row in sessions if row.session_date == today]
    if todays:
        return next((row for row in todays if row.ends_at >= clock), todays[-1])
    return next((row for row in sessions if row.session_date > today), None)


def session_choice_text(tr: Translator, sessions: Sequence[SessionInfo], row: SessionInfo) -> str:
    """"2/3 · 4. 12. 2026 · 09:00–12:00 · Module B" for the session switcher."""
    number = next(index for index, other in enumerate(sessions, start=1) if other.id == row.id)
    text = tr.gettext("{number}/{count} · {date} · {times}").format(
        number=tr.format_number(number), count=tr.format_number(len(sessions)),
        date=tr.format_date(row.session_date, "numeric"),
        times=tr.format_time_span(row.starts_at, row.ends_at))
    return f"{text} · {row.title}" if row.title else text


def session_heading(tr: Translator, row: SessionInfo) -> str:
    """"Friday, 27 November 2026, 9:00 AM–12:00 PM" above the counters."""
    return tr.gettext("{date}, {times}").format(date=tr.format_date(row.session_date, "full"),
                                                 times=tr.format_time_span(row.starts_at, row.ends_at))
