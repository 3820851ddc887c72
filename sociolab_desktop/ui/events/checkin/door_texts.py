"""What the door window says: a roster row's state, and the banner after each check-in, refusal or undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events.lookup import local_time
from sociolab_desktop.core.services.events.roster import RosterEntry
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events.event_labels import status_label

# The banner's kinds; each has its colours in door_banner.py.
SUCCESS, REFUSED, OFFER, INFO = "success", "refused", "offer", "info"
REFUSAL_HEADLINES = {
    ci.OnWaitingList: N_("Not checked in: on the waiting list"),
    ci.RegistrationCancelled: N_("Not checked in: registration cancelled"),
    ci.NotRegistered: N_("Not checked in: not registered"),
    ci.UnknownCode: N_("Unknown code"),
    ci.AmbiguousCode: N_("Code belongs to several people"),
}


@dataclass(frozen=True)
class BannerText:
    kind: str
    headline: str
    detail: str = ""
    action: str = ""  # the text of the banner's button; "" hides it


def clock(tr: Translator, utc_naive: dt.datetime | None) -> str:
    """A stored time (naive UTC) as this PC's wall clock: "09:05" / "9:05 AM"."""
    local = local_time(utc_naive)
    return tr.format_time(local.time()) if local is not None else ""


def entry_state(tr: Translator, entry: RosterEntry) -> str:
    """The last column of the list: "Present since 09:05", "Registered", "Waiting list", ..."""
    if entry.is_present:
        if entry.is_walk_in:
            return tr.gettext("Walk-in, present since {time}").format(time=clock(tr, entry.checked_in_at))
        return tr.gettext("Present since {time}").format(time=clock(tr, entry.checked_in_at))
    return status_label(tr, entry.status)


def entry_kind(entry: RosterEntry) -> str:
    """How a row is coloured: present ones green, those who would be refused amber or grey."""
    if entry.is_present:
        return SUCCESS
    if entry.status == RegistrationStatus.WAITING:
        return OFFER
    if entry.status == RegistrationStatus.CANCELLED:
        return INFO
    return ""


def checked_in_text(tr: Translator, receipt: ci.CheckInReceipt) -> BannerText:
    at = clock(tr, receipt.checked_in_at)
    if receipt.is_walk_in:
        detail = tr.gettext("Checked in as a walk-in at {time}.").format(time=at)
    else:
        detail = tr.gettext("Checked in at {time}.").format(time=at)
    if receipt.person_created:
        detail += " " + tr.gettext("Added to the clients as incomplete: complete the record later.")
    return BannerText(SUCCESS, "✓ " + receipt.full_name, detail)


def refusal_text(tr: Translator, error: UserError) -> BannerText:
    """A refused check-in: the service's message, a headline to read from a step away, and the
    walk-in offer where admitting the person as a walk-in would help."""
    detail = error.render(tr)
    if isinstance(error, ci.AlreadyCheckedIn):
        return BannerText(REFUSED, tr.gettext("Already checked in at {time}").format(
            time=clock(tr, error.checked_in_at)), detail)
    headline = next((text for kind, text in REFUSAL_HEADLINES.items() if isinstance(error, kind)), None)
    if getattr(error, "offer_walk_in", False) and error.person_id:
        return BannerText(OFFER, tr.gettext(headline), detail, tr.gettext("Check in as walk-in (F2)"))
    if isinstance(error, ci.UnknownCode):
        return BannerText(REFUSED, tr.gettext(headline), detail, tr.gettext("New walk-in (F2)"))
    return BannerText(REFUSED, tr.gettext(headline or N_("Not checked in")), detail)


def nobody_found_text(tr: Translator, typed: str) -> BannerText:
    return BannerText(REFUSED, tr.gettext("Nobody found"), tr.gettext(
        "Nobody registered for this event matches “{text}”. Check the spelling, or add the person as a "
        "walk-in.").format(text=typed), tr.gettext("New walk-in (F2)"))


def choose_one_text(tr: Translator, count: int) -> BannerText:
    return BannerText(INFO, tr.ngettext("{count} person matches", "{count} people match", count).format(
        count=tr.format_number(count)), tr.gettext("Choose one with ↑ and ↓, then press Enter."))


def undone_text(tr: Translator, receipt: ci.CheckInReceipt) -> BannerText:
    detail = tr.gettext("{name} is no longer checked in for this session.").format(name=receipt.full_name)
    if receipt.person_created:
        detail += " " + tr.gettext("The person added at the door stays in the clients' list (flagged incomplete).")
    return BannerText(INFO, tr.gettext("Check-in undone"), detail)


def no_session_text(tr: Translator, has_sessions: bool) -> BannerText:
    if not has_sessions:
        return BannerText(REFUSED, tr.gettext("No sessions"), tr.gettext(
            "This event has no sessions yet. Add a session (date and times) in the event's window first."))
    return BannerText(INFO, tr.gettext("Choose the session"), tr.gettext(
        "No session of this event is today or later. Choose the session to check people in for above."))
