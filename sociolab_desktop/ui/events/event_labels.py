"""Words and formats the Events windows share: event types, registration states, titles, dates, hours."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.domain.enums import EventType, RegistrationStatus
from sociolab_desktop.i18n import N_, Translator

# Capitalised for lists and filters (history_labels.EVENT_TYPES reads inside a sentence).
EVENT_TYPE_LABELS = {
    EventType.TRAINING_PROGRAMME: N_("Training programme"),
    EventType.WORKSHOP: N_("Workshop"),
    EventType.INFO_SESSION: N_("Info session"),
    EventType.FAIR: N_("Fair / open day"),
    EventType.COMPETITION: N_("Award competition"),
    EventType.CONFERENCE: N_("Conference"),
    EventType.OTHER: N_("Other event"),
}
STATUS_LABELS = {
    RegistrationStatus.REGISTERED: N_("Registered"),
    RegistrationStatus.WAITING: N_("Waiting list"),
    RegistrationStatus.CANCELLED: N_("Cancelled"),
}
LANGUAGE_LABELS = {"sl": N_("Slovenian"), "en": N_("English"), "both": N_("Slovenian and English")}


def type_label(tr: Translator, event_type: str) -> str:
    text = EVENT_TYPE_LABELS.get(event_type)
    return tr.gettext(text) if text else event_type


def status_label(tr: Translator, status: str, waiting_position: int | None = None) -> str:
    text = STATUS_LABELS.get(status)
    shown = tr.gettext(text) if text else status
    if status == RegistrationStatus.WAITING and waiting_position:
        return tr.gettext("{status}, no. {position}").format(status=shown, position=waiting_position)
    return shown


def title_in(language: str, title_sl: str, title_en: str | None) -> str:
    """The title in `language`; the Slovenian one stands in for a missing English one."""
    return title_en if language == "en" and title_en else title_sl


def hours_text(tr: Translator, hours: float) -> str:
    """"3 h", "2,5 h": hours are rarely more precise than a quarter."""
    return tr.gettext("{hours} h").format(hours=tr.format_number(round(hours, 2)))


def date_span(tr: Translator, first: dt.date | None, last: dt.date | None) -> str:
    """"27. 11. 2026" or "27. 11. 2026 – 11. 12. 2026"; "" without sessions."""
    if first is None:
        return ""
    if last is None or last == first:
        return tr.format_date(first, "numeric")
    return "{first} – {last}".format(first=tr.format_date(first, "numeric"), last=tr.format_date(last, "numeric"))


def time_span(tr: Translator, start: dt.time, end: dt.time) -> str:
    return f"{tr.format_time(start)}–{tr.format_time(end)}"


def capacity_text(tr: Translator, registered: int, capacity: int | None, waiting: int) -> str:
    """"12 / 20" (registered of places), "12" without a limit, "+ 3 waiting" when some wait."""
    shown = tr.format_number(registered)
    if capacity is not None:
        shown = f"{shown} / {tr.format_number(capacity)}"
    if waiting:
        shown = tr.ngettext("{places} (+{count} waiting)", "{places} (+{count} waiting)", waiting).format(
            places=shown, count=tr.format_number(waiting))
    return shown


def event_subtitle(tr: Translator, detail) -> str:
    """"Training programme · 3 sessions · 9 h" under an event's title."""
    sessions = tr.ngettext("{count} session", "{count} sessions", len(detail.sessions)).format(
        count=tr.format_number(len(detail.sessions)))
    return " · ".join((type_label(tr, detail.event_type), sessions, hours_text(tr, detail.total_hours)))


def event_facts(tr: Translator, detail) -> dict[str, str]:
    """What the event window's header says of an events.EventDetail, by fact."""
    _ = tr.gettext
    places = (_("{registered} registered, no limit") if detail.capacity is None
              else _("{registered} registered of {capacity} places")).format(
        registered=tr.format_number(detail.registered), capacity=tr.format_number(detail.capacity or 0))
    if detail.waiting:
        places += _(", {count} on the waiting list").format(count=tr.format_number(detail.waiting))
    required = round(detail.total_hours * detail.certificate_min_percent / 100, 2)
    other = detail.title_sl if tr.language == "en" else detail.title_en
    return {
        "when": date_span(tr, detail.first_date, detail.last_date) or _("no sessions yet: add them with Edit event"),
        "venue": detail.venue or "–", "site": detail.site_name or "–", "places": places,
        "certificate": _("from {percent} % of the hours ({required} of {total})").format(
            percent=tr.format_number(detail.certificate_min_percent), required=hours_text(tr, required),
            total=hours_text(tr, detail.total_hours)),
        "other_title": other or "–",
    }
