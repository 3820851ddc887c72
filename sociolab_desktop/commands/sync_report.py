"""Words for sync results and status, shared by the command line (and readable in a log)."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.sync.apply import BROKEN_CHAIN, CHECKSUM, CORRUPT, MISPLACED, NEWER_SCHEMA, TRUNCATED, WAITING
from sociolab_desktop.i18n import N_, Translator

HELD_REASONS = {
    TRUNCATED: N_("incomplete file (still being copied, or cut off); tried again next round"),
    CORRUPT: N_("damaged file; tried again next round"),
    CHECKSUM: N_("contents do not match the checksum; tried again next round"),
    NEWER_SCHEMA: N_("written by a newer version of SocioLab Desk; applied after this PC is upgraded"),
    WAITING: N_("waits for an earlier file of the same info point"),
    BROKEN_CHAIN: N_("does not continue the files before it (two PCs with one identity?)"),
    MISPLACED: N_("its contents do not belong in this place"),
}


def held_reason(reason: str, tr: Translator) -> str:
    message = HELD_REASONS.get(reason)
    return tr.gettext(message) if message else reason


def local_time(stored: str | None, tr: Translator) -> str | None:
    """A stored (naive UTC) time as the PC's local date and time, in the reader's language."""
    if not stored:
        return None
    moment = dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC).astimezone()
    return tr.format_datetime(moment.replace(tzinfo=None), "medium")


def format_round(result, tr: Translator) -> str:
    _ = tr.gettext
    lines: list[str] = []
    if result.share_unavailable:
        lines.append(_("The shared folder is not reachable; nothing was exchanged. Changes wait here until it is."))
        return "\n".join(lines)
    if result.duplicate_identity:
        lines.append(_(
            "Another PC publishes as this info point. Publishing was stopped so nothing is overwritten; "
            "set that PC up as its own info point (sociolab-desktop init) and ask IT for help."
        ))
    if result.new_epoch:
        lines.append(_("This database was restored from a backup: newer changes of this info point were taken back "
                       "from the shared folder, and its files continue in series {epoch}.").format(epoch=result.new_epoch))
    published = result.published
    if published is not None:
        lines.append(tr.ngettext("Published {count} change.", "Published {count} changes.", published.entries)
                     .format(count=tr.format_number(published.entries)))
    applied = result.applied
    lines.append(tr.ngettext("Applied {count} change from other info points.",
                             "Applied {count} changes from other info points.", applied.entries)
                 .format(count=tr.format_number(applied.entries)))
    if applied.conflicts:
        lines.append(tr.ngettext("{count} new conflict to review in the Sync area.",
                                 "{count} new conflicts to review in the Sync area.", len(applied.conflicts))
                     .format(count=len(applied.conflicts)))
    for held in result.held:
        lines.append(_("Held: {path}: {reason}").format(path=held.path, reason=held_reason(held.reason, tr)))
    for stray in result.strays:
        lines.append(_("Not applied (name is not a sync file, e.g. a copy made by a cloud client): {path}").format(path=stray))
    for site in sorted(applied.clock_ahead):
        lines.append(_("The clock of info point {site} is far ahead; its changes were applied, check that PC's date and time.")
                     .format(site=site))
    for problem in result.blob_problems:
        lines.append(_("Attachment not copied: {problem}").format(problem=problem))
    return "\n".join(lines)


def format_status(status, share_path: str | None, tr: Translator) -> str:
    _ = tr.gettext
    never = _("never")
    lines = [
        _("Shared folder: {path}").format(path=share_path or _("not set")),
        _("Last successful sync: {when}").format(when=local_time(status.last_success_at, tr) or never),
        tr.ngettext("{count} change waits to be published.", "{count} changes wait to be published.",
                    status.changes_waiting).format(count=tr.format_number(status.changes_waiting)),
        tr.ngettext("{count} conflict to review.", "{count} conflicts to review.", status.open_conflicts)
        .format(count=tr.format_number(status.open_conflicts)),
    ]
    for held in status.held:
        lines.append(_("Held: {path}: {reason}").format(path=held.path, reason=held_reason(held.reason, tr)))
    for site in status.other_sites:
        lines.append(_("{site}: last change applied {when}").format(
            site=site.name or site.site_id, when=local_time(site.last_applied_at, tr)))
    return "\n".join(lines)
