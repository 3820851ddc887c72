"""Words and number formats of the mentoring windows that no other area has: assessed areas, job
kinds, hours as the funder counts them, and who a session was with.

Modes, topics, enrolment statuses, contract types and product stages are worded where the person's
and organisation's windows word them (ui/persons/history_labels.py, ui/organisations/choices.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sociolab_desktop.core.domain.enums import DiagnosticArea, JobKind
from sociolab_desktop.i18n import N_, Translator

DIAGNOSTIC_AREAS = {
    DiagnosticArea.BUSINESS_MODEL: N_("Business model"),
    DiagnosticArea.GOVERNANCE: N_("Governance and organisation"),
    DiagnosticArea.FINANCES: N_("Finances"),
    DiagnosticArea.MARKETING: N_("Marketing and sales"),
    DiagnosticArea.SOCIAL_IMPACT: N_("Social impact"),
    DiagnosticArea.HUMAN_RESOURCES: N_("People and skills"),
}
JOB_KINDS = {
    JobKind.CREATED: N_("job created"),
    JobKind.RETAINED: N_("job retained"),
}


def hours_text(tr: Translator, hours: float) -> str:
    """Counted hours as a number in the window's language: 1.5 → "1,5" in Slovenian."""
    return tr.format_number(hours)


def hours_phrase(tr: Translator, hours: float) -> str:
    """ "1,5 h" (the symbol reads the same in both languages and needs no plural)."""
    return tr.gettext("{hours} h").format(hours=hours_text(tr, hours))


def duration_text(tr: Translator, minutes: int) -> str:
    """A duration as "1 h 30 min" (negative minutes read as they are: the form says why)."""
    hours, rest = divmod(abs(minutes), 60)
    sign = "−" if minutes < 0 else ""
    if hours and rest:
        return sign + tr.gettext("{hours} h {minutes} min").format(hours=hours, minutes=rest)
    if hours:
        return sign + tr.gettext("{hours} h").format(hours=hours)
    return sign + tr.gettext("{minutes} min").format(minutes=rest)


def totals_text(tr: Translator, sessions: int, hours: float) -> str:
    """ "3 sessions · 4,5 h" """
    count = tr.ngettext("{count} session", "{count} sessions", sessions).format(count=tr.format_number(sessions))
    return f"{count} · {hours_phrase(tr, hours)}"


def party_text(organisation_name: str | None, person_names: Sequence[str]) -> str:
    """Who a session was with: the organisation, then the persons coached."""
    persons = ", ".join(person_names)
    if organisation_name and persons:
        return f"{organisation_name} ({persons})"
    return organisation_name or persons


def time_range(tr: Translator, starts: dt.time, ends: dt.time) -> str:
    return f"{tr.format_time(starts)}–{tr.format_time(ends)}"


def month_text(tr: Translator, day: dt.date) -> str:
    """ "November 2026" / "november 2026" """
    from babel.dates import format_date

    return format_date(day, "LLLL y", locale=tr.babel_locale)


def week_text(tr: Translator, first: dt.date, last: dt.date) -> str:
    return "{first} – {last}".format(first=tr.format_date(first, "numeric"), last=tr.format_date(last, "numeric"))
