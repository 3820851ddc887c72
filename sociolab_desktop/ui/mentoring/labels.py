"""Words only the mentoring windows use: who a session was with, and counts of sessions.

The labels of stored values (modes, topics, assessed areas, job kinds, ...) are the domain's
(core/domain/labels.py); hours, durations and months are the Translator's (format_hours, ...).
"Session" here is a mentoring session, translated apart from an event's session (gettext context
"mentoring").
"""

from __future__ import annotations

from collections.abc import Sequence

from sociolab_desktop.i18n import Translator


def sessions_heading(tr: Translator) -> str:
    return tr.pgettext("mentoring", "Sessions")


def totals_text(tr: Translator, sessions: int, hours: float) -> str:
    """ "3 sessions · 4,5 h" """
    count = tr.npgettext("mentoring", "{count} session", "{count} sessions", sessions).format(
        count=tr.format_number(sessions))
    return f"{count} · {tr.format_hours(hours)}"


def party_text(organisation_name: str | None, person_names: Sequence[str]) -> str:
    """Who a session was with: the organisation, then the persons coached."""
    persons = ", ".join(person_names)
    if organisation_name and persons:
        return f"{organisation_name} ({persons})"
    return organisation_name or persons
