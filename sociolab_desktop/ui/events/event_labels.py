"""Texts only the Events windows show: a registration's status with its place on the waiting
list, places taken, and the event window's header. The labels of event types, statuses and
languages are the domain's (core/domain/labels.py); dates, times and hours the Translator's."""

from __future__ import annotations

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.core.domain.labels import EVENT_TYPES, REGISTRATION_STATUSES, label
from sociolab_desktop.i18n import Translator


def status_label(tr: Translator, status: str, waiting_position: int | None = None) -> str:
    shown = label(tr, REGISTRATION_STATUSES, status)
    if status == RegistrationStatus.WAITING and waiting_position:
        return tr.gettext("{status}, no. {position}").format(status=shown, position=waiting_position)
    return shown


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
    return " · ".join((label(tr, EVENT_TYPES, detail.event_type), sessions, tr.format_hours(detail.total_hours)))


def event_facts(tr: Translator, detail) -> dict[str, str]:
    """What the event window's header says of an events.EventDetail, by fact."""
    _ = tr.gettext
    places = (_("{registered} registered, no limit") if detail.capacity is None
              else _("{registered} registered of {capacity} places")).format(
        registered=tr.format_number(detail.registered), capacity=tr.format_number(detail.capacity or 0))
    if detail.waiting:
        places += _(", {count} on the waiting list").format(count=tr.format_number(detail.waiting))
    if detail.capacity is not None and detail.registered > detail.capacity:
        # Only sync brings this about: other info points registered people while offline.
        places += "\n" + _("{count} more than the places: registrations from other info points met through "
                           "sync. Add places or cancel registrations.").format(
            count=tr.format_number(detail.registered - detail.capacity))
    required = round(detail.total_hours * detail.certificate_min_percent / 100, 2)
    other = detail.title_sl if tr.language == "en" else detail.title_en
    when = tr.format_date_span(detail.first_date, detail.last_date)
    return {
        "when": when or _("no sessions yet: add them with Edit event"),
        "venue": detail.venue or "–", "site": detail.site_name or "–", "places": places,
        "certificate": _("from {percent} of the hours ({required} of {total})").format(
            percent=tr.format_percent(detail.certificate_min_percent / 100, whole=False),
            required=tr.format_hours(required),
            total=tr.format_hours(detail.total_hours)),
        "other_title": other or "–",
    }
