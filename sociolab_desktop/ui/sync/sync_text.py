"""Words and times of the Sync area and the status bar, from plain sync data (no Qt here).

Times in the sync tables are naive UTC text ("2026-11-27 09:42:13.123456") or HLC milliseconds;
people read local time through the Translator.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from sociolab_desktop.i18n import N_, Translator

# Table and column names people recognise; others are shown as they are, underscores as spaces.
_RECORD_KINDS = {
    "person": N_("Client"),
    "organisation": N_("Organisation"),
    "event": N_("Event"),
    "event_session": N_("Event session"),
    "site": N_("Info point"),
    "staff_user": N_("Staff member"),
    "contact": N_("Contact"),
    "consent": N_("Consent"),
    "mentoring_session": N_("Mentoring session"),
    "registration": N_("Registration"),
    "attendance": N_("Attendance"),
}
_FIELDS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "name": N_("Name"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "street_address": N_("Address"),
    "postal_code": N_("Postal code"),
    "post_town": N_("Town"),
    "municipality_code": N_("Municipality"),
    "birth_date": N_("Date of birth"),
    "emso": N_("EMŠO"),
    "tax_number": N_("Tax number"),
    "registration_number": N_("Registration number"),
    "legal_form": N_("Legal form"),
    "stage": N_("Stage"),
    "notes": N_("Notes"),
    "display_name": N_("Name"),
}
_BUNDLE_PATH = re.compile(r"^sites/(?P<site>[^/]+)/(?P<epoch>\d+)/(?P<seq>\d+)\.bundle$")
SHORT_ID = 8


def parse_stamp(text: str | None) -> dt.datetime | None:
    """Naive UTC text from the sync tables → naive local time (what Babel should print)."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().replace(tzinfo=None)


def from_millis(milliseconds: int) -> dt.datetime | None:
    if not milliseconds:
        return None
    return dt.datetime.fromtimestamp(milliseconds / 1000).replace(microsecond=0)


def full_time(tr: Translator, moment: dt.datetime | None) -> str:
    return tr.format_datetime(moment, "short") if moment else tr.gettext("never")


def short_time(tr: Translator, moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """Only the time for today (the status bar is narrow), date and time otherwise."""
    now = now or dt.datetime.now()
    return tr.format_time(moment) if moment.date() == now.date() else tr.format_datetime(moment, "short")


def is_synced(status) -> bool:
    """The last attempt succeeded (an attempt that failed, or none yet, is "not synced")."""
    return bool(status.last_success_at) and (
        not status.last_attempt_at or status.last_success_at >= status.last_attempt_at
    )


def site_name(site_id: str, names: Mapping[str, str], tr: Translator) -> str:
    if not site_id:
        return tr.gettext("unknown info point")
    return names.get(site_id) or tr.gettext("info point {id}").format(id=site_id[:SHORT_ID])


# --- the status bar and the state ----------------------------------------------------------


def not_synced_text(tr: Translator, status, now: dt.datetime | None = None) -> str:
    since = parse_stamp(status.last_success_at) if status is not None else None
    if since is None:
        return tr.gettext("Not synced yet")
    return tr.gettext("Not synced since {when}").format(when=short_time(tr, since, now))


def status_bar_text(tr: Translator, *, share_path: str | None, busy: bool, status,
                    now: dt.datetime | None = None) -> str:
    """The short state: "Syncing…", "3 conflicts to review", "Not synced since …", "Synced 10:42"."""
    _ = tr.gettext
    if busy:
        return _("Syncing…")
    if status is None:
        return ""  # the data folder is still opening: nothing to say yet
    if not share_path:
        return _("Sync: no shared folder set")
    if status.open_conflicts:
        return tr.ngettext("{count} conflict to review", "{count} conflicts to review",
                           status.open_conflicts).format(count=status.open_conflicts)
    if not is_synced(status):
        return not_synced_text(tr, status, now)
    return _("Synced {when}").format(when=short_time(tr, parse_stamp(status.last_success_at), now))


def status_bar_tooltip(tr: Translator, status) -> str:
    if status is None:
        return ""
    lines = [
        tr.gettext("Last successful sync: {when}").format(when=full_time(tr, parse_stamp(status.last_success_at))),
        tr.ngettext("{count} change waits to go out", "{count} changes wait to go out",
                    status.changes_waiting).format(count=tr.format_number(status.changes_waiting)),
    ]
    if status.held:
        lines.append(tr.ngettext("{count} file held back", "{count} files held back",
                                 len(status.held)).format(count=tr.format_number(len(status.held))))
    return "\n".join(lines)


def round_summary(tr: Translator, result) -> str:
    """The command line's round report, less the held files (the page lists them), on one line."""
    import dataclasses

    from sociolab_desktop.commands.sync_report import format_round

    without_held = dataclasses.replace(result, applied=dataclasses.replace(result.applied, held=[]))
    return " ".join(format_round(without_held, tr).splitlines())


# --- conflicts -----------------------------------------------------------------------------


def record_text(tr: Translator, conflict) -> str:
    kind = _RECORD_KINDS.get(conflict.table_name)
    label = conflict.record_label
    if label == conflict.row_id:
        label = label[:SHORT_ID]  # no readable name for this kind of record: a short key
    return tr.gettext("{kind}: {label}").format(kind=tr.gettext(kind), label=label) if kind else label


def field_text(tr: Translator, conflict) -> str:
    if conflict.kind == "delete":
        return tr.gettext("Deleted or kept")
    label = _FIELDS.get(conflict.column_name)
    return tr.gettext(label) if label else conflict.column_name.replace("_", " ")


def value_text(tr: Translator, value, kind: str = "field") -> str:
    """A stored value as a person reads it: nothing is "(empty)", a deletion says so."""
    if kind == "delete":
        return tr.gettext("deleted") if value is not None else tr.gettext("kept, with the changes")
    if value is None or value == "":
        return tr.gettext("(empty)")
    if isinstance(value, bool):
        return tr.gettext("yes") if value else tr.gettext("no")
    if isinstance(value, (int, float)):
        return tr.format_number(value)
    return " ".join(str(value).split())  # one line in a table cell


def source_text(tr: Translator, site_id: str, time_ms: int, names: Mapping[str, str]) -> str:
    return tr.gettext("{site}, {when}").format(
        site=site_name(site_id, names, tr), when=full_time(tr, from_millis(time_ms))
    )


def conflict_row(tr: Translator, conflict, names: Mapping[str, str]) -> list:
    """Record, field, and each value with where and when it was written under it."""
    return [
        record_text(tr, conflict),
        field_text(tr, conflict),
        (value_text(tr, conflict.winner_value, conflict.kind),
         source_text(tr, conflict.winner_site_id, conflict.winner_time_ms, names)),
        (value_text(tr, conflict.loser_value, conflict.kind),
         source_text(tr, conflict.loser_site_id, conflict.loser_time_ms, names)),
    ]


# --- held files and the other info points ---------------------------------------------------


def held_row(tr: Translator, held, names: Mapping[str, str]) -> list[str]:
    from sociolab_desktop.commands.sync_report import held_reason

    match = _BUNDLE_PATH.match(held.path)
    if match:
        site = site_name(match["site"], names, tr)
        file = tr.gettext("file {seq} of series {epoch}").format(seq=int(match["seq"]), epoch=match["epoch"])
    else:
        site, file = "", held.path
    return [site, file, held_reason(held.reason, tr), full_time(tr, parse_stamp(held.first_seen_at))]


def other_site_rows(tr: Translator, own_site_id: str | None, other_sites, shared: Mapping[str, dict],
                    names: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """(site id, [name, last sync at the share, last change applied here]) for every other info
    point known from this database or from the share, by name."""
    applied = {site.site_id: site for site in other_sites}
    ids = (set(applied) | set(shared)) - {own_site_id}
    rows = []
    for site_id in ids:
        name = names.get(site_id) or (applied[site_id].name if site_id in applied else None)
        name = name or shared.get(site_id, {}).get("name") or site_name(site_id, {}, tr)
        published = parse_stamp(shared.get(site_id, {}).get("last_publish_at"))
        last_applied = parse_stamp(applied[site_id].last_applied_at) if site_id in applied else None
        rows.append((site_id, [name, full_time(tr, published) if published else tr.gettext("not known yet"),
                               full_time(tr, last_applied)]))
    return sorted(rows, key=lambda row: row[1][0].casefold())
