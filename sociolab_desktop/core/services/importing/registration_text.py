"""What an import of registrations comes to: its rows counted by outcome, and said in the reader's language.

Plain functions of the plan (or result) and a Translator, shared by the command line and the
import window. Each ngettext call is written out, so that extraction finds every plural.
"""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.core.services.importing.registrations import (
    Action,
    RegistrationImportResult,
    RegistrationPlan,
    registering_rows,
)
from sociolab_desktop.core.services.importing.rows import RowStatus
from sociolab_desktop.i18n import Translator


@dataclass(frozen=True)
class RegistrationTally:
    """What the rows of a plan do, counted (an import refused for errors writes none of it)."""

    registered: int = 0  # registrations with a place at the event
    waiting: int = 0  # registrations on the waiting list
    recorded: int = 0  # of all registrations, persons already recorded
    new: int = 0  # persons the import records
    incomplete: int = 0  # of them, flagged incomplete for ESF
    already: int = 0  # registered or waiting already
    repeats: int = 0  # rows that repeat an earlier row
    held: int = 0  # possible duplicates not registered
    invalid: int = 0
    skipped: int = 0  # deleted, merged or erased records of an export


def registration_tally(plan: RegistrationPlan, *, allow_duplicates: bool = False) -> RegistrationTally:
    """What the plan's rows do (an import refused for errors writes nothing of it)."""
    registering = {row.number for row in registering_rows(plan, allow_duplicates)}
    counts: dict[str, int] = dict.fromkeys(RegistrationTally.__dataclass_fields__, 0)
    for row in plan.rows:
        outcome = plan.outcomes.get(row.number)
        if row.number in registering:
            counts["waiting" if outcome.waiting_position is not None else "registered"] += 1
            if outcome.action == Action.REGISTER_RECORDED:
                counts["recorded"] += 1
            else:
                counts["new"] += 1
                counts["incomplete"] += outcome.incomplete
        elif row.status == RowStatus.DUPLICATE:
            counts["held"] += 1
        elif row.status == RowStatus.INVALID:
            counts["invalid"] += 1
        elif outcome is not None and outcome.action == Action.ALREADY_REGISTERED:
            counts["already"] += 1
        elif outcome is not None and outcome.action == Action.REPEATS_ROW:
            counts["repeats"] += 1
        elif row.status == RowStatus.SKIPPED:
            counts["skipped"] += 1
    return RegistrationTally(**counts)


def event_title(plan: RegistrationPlan, tr: Translator) -> str:
    return plan.event.title(tr.language)


def status_counts(plan: RegistrationPlan, tr: Translator) -> dict[RowStatus, str]:
    """The preview's count of rows per status, in the words of registering."""
    def count(status: RowStatus) -> tuple[int, str]:
        number = plan.count(status)
        return number, tr.format_number(number)

    ready, ready_text = count(RowStatus.READY)
    invalid, invalid_text = count(RowStatus.INVALID)
    held, held_text = count(RowStatus.DUPLICATE)
    skipped, skipped_text = count(RowStatus.SKIPPED)
    return {
        RowStatus.READY: tr.ngettext("{count} row to register", "{count} rows to register",
                                     ready).format(count=ready_text),
        RowStatus.INVALID: tr.ngettext("{count} row with errors", "{count} rows with errors",
                                       invalid).format(count=invalid_text),
        RowStatus.DUPLICATE: tr.ngettext("{count} possible duplicate", "{count} possible duplicates",
                                         held).format(count=held_text),
        RowStatus.SKIPPED: tr.ngettext("{count} row already registered or repeated",
                                       "{count} rows already registered or repeated",
                                       skipped).format(count=skipped_text),
    }


def _detail_lines(plan: RegistrationPlan, tally: RegistrationTally, tr: Translator, *, written: bool) -> list[str]:
    def number(value: int) -> str:
        return tr.format_number(value)

    event, lines = plan.event, []
    if tally.waiting:
        free = 0 if event.capacity is None else max(0, event.capacity - event.registered)
        lines.append(tr.gettext("Places at the event: {capacity}; free before the import: {free}.").format(
            capacity=number(event.capacity or 0), free=number(free)))
        moving_up = min(free, event.waiting)
        if moving_up:
            lines.append(tr.ngettext("Waiting before the import, moving up first: {count} person.",
                                     "Waiting before the import, moving up first: {count} persons.",
                                     moving_up).format(count=number(moving_up)))
        lines.append(tr.ngettext("On the waiting list, in the order of the file: {count} person.",
                                 "On the waiting list, in the order of the file: {count} persons.",
                                 tally.waiting).format(count=number(tally.waiting)))
    if tally.recorded:
        lines.append(tr.ngettext("Already recorded, registered as recorded: {count} person.",
                                 "Already recorded, registered as recorded: {count} persons.",
                                 tally.recorded).format(count=number(tally.recorded)))
    if tally.new:
        lines.append(tr.ngettext("New, recorded by the import: {count} person.",
                                 "New, recorded by the import: {count} persons.",
                                 tally.new).format(count=number(tally.new)))
    if tally.incomplete:
        lines.append(tr.ngettext("Flagged incomplete for ESF (complete their data later): {count} new person.",
                                 "Flagged incomplete for ESF (complete their data later): {count} new persons.",
                                 tally.incomplete).format(count=number(tally.incomplete)))
    if tally.already:
        lines.append(tr.ngettext("Already registered or waiting, not registered again: {count} person.",
                                 "Already registered or waiting, not registered again: {count} persons.",
                                 tally.already).format(count=number(tally.already)))
    if tally.repeats:
        lines.append(tr.ngettext("Repeating an earlier row, registered once: {count} row.",
                                 "Repeating an earlier row, registered once: {count} rows.",
                                 tally.repeats).format(count=number(tally.repeats)))
    if tally.held:
        lines.append(tr.ngettext("Possible duplicates, not registered: {count} row.",
                                 "Possible duplicates, not registered: {count} rows.",
                                 tally.held).format(count=number(tally.held)))
    if tally.invalid and written:
        lines.append(tr.ngettext("With errors, not imported: {count} row.", "With errors, not imported: {count} rows.",
                                 tally.invalid).format(count=number(tally.invalid)))
    if tally.skipped:
        lines.append(tr.ngettext("Deleted, merged or erased records skipped: {count} row.",
                                 "Deleted, merged or erased records skipped: {count} rows.",
                                 tally.skipped).format(count=number(tally.skipped)))
    return lines


def preview_lines(plan: RegistrationPlan, tr: Translator, *, allow_duplicates: bool) -> list[str]:
    """What Import would do: the first line how many it registers, then the details."""
    tally = registration_tally(plan, allow_duplicates=allow_duplicates)
    count = tally.registered + tally.waiting
    first = tr.ngettext("Import will register {count} person for “{title}”.",
                        "Import will register {count} persons for “{title}”.", count)
    return [first.format(count=tr.format_number(count), title=event_title(plan, tr)),
            *_detail_lines(plan, tally, tr, written=False)]


def summary_lines(result: RegistrationImportResult, tr: Translator, *, allow_duplicates: bool) -> list[str]:
    """What the import did: the first line how many it registered, then the details."""
    plan = result.plan
    tally = registration_tally(plan, allow_duplicates=allow_duplicates)
    first = tr.ngettext("Registered {count} person for “{title}”.", "Registered {count} persons for “{title}”.",
                        result.imported)
    return [first.format(count=tr.format_number(result.imported), title=event_title(plan, tr)),
            *_detail_lines(plan, tally, tr, written=True)]
