"""What the import wizard says about a planned import: statuses, reasons by row, counts, summary.

Plain functions of the service's plan and a Translator (no widgets), so that the words can be
tested alone. The ngettext calls are written out per kind, so that extraction finds each message
with its plural.
"""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.services.importing import (
    PEOPLE,
    ImportPlan,
    ImportResult,
    PlannedRow,
    RowStatus,
    SourceTable,
    reason_label,
)
from sociolab_desktop.i18n import N_, Translator

KIND_LABELS = {"people": N_("Persons"), "organisations": N_("Organisations")}
STATUS_LABELS = {
    RowStatus.READY: N_("Ready"),
    RowStatus.INVALID: N_("Error"),
    RowStatus.DUPLICATE: N_("Possible duplicate"),
    RowStatus.SKIPPED: N_("Skipped"),
}
DUPLICATE_IMPORTED = N_("Duplicate, imported anyway")
# Foreground and background of a status, readable on white and in a table's alternate rows.
STATUS_COLOURS = {
    RowStatus.READY: ("#1d6b32", "#e3f3e7"),
    RowStatus.INVALID: ("#a3001b", "#fde5e8"),
    RowStatus.DUPLICATE: ("#7a4d00", "#fff1cc"),
    RowStatus.SKIPPED: ("#555555", "#ececec"),
}
ENCODING_NAMES = {"utf-8": "UTF-8", "cp1250": "Windows-1250"}
SAMPLE_LENGTH = 40  # characters of one sample value on the mapping page


def row_name(row: PlannedRow) -> str:
    """The person's or organisation's name as the row gives it ("" when it has none)."""
    data = row.data
    if data is None:
        return ""
    if hasattr(data, "name"):
        return (data.name or "").strip()
    return " ".join(part.strip() for part in (data.first_name or "", data.last_name or "") if part.strip())


def imported_anyway(row: PlannedRow, allow_duplicates: bool) -> bool:
    return allow_duplicates and row.importable_anyway


def status_text(row: PlannedRow, tr: Translator, allow_duplicates: bool) -> str:
    if imported_anyway(row, allow_duplicates):
        return tr.gettext(DUPLICATE_IMPORTED)
    return tr.gettext(STATUS_LABELS[row.status])


def _duplicate_text(kind: str, row: PlannedRow, match, tr: Translator) -> str:
    reasons = ", ".join(tr.gettext(reason_label(kind, reason)) for reason in match.reasons)
    if match.earlier_row is not None:
        text = tr.gettext("repeats row {earlier}, {name} ({reasons})")
    else:
        text = tr.gettext("may already be recorded as {name} ({reasons})")
    text = text.format(earlier=match.earlier_row, name=match.name, reasons=reasons)
    if match.blocking:
        text += " — " + tr.gettext("cannot be imported: the number belongs to one organisation only")
    return text


def row_reasons(kind: str, row: PlannedRow, tr: Translator) -> list[str]:
    """Why the row is not simply imported, in the order of its columns: errors, duplicates, notes."""
    lines = []
    for issue in row.issues:
        if issue.column:
            lines.append(tr.gettext("“{column}”: {reason}").format(column=issue.column, reason=issue.render(tr)))
        else:
            lines.append(issue.render(tr))
    lines += [_duplicate_text(kind, row, match, tr) for match in row.duplicates]
    lines += [note.render(tr) for note in row.notes]
    return lines


def needs_attention(row: PlannedRow) -> bool:
    return row.status != RowStatus.READY or bool(row.notes)


def would_import(plan: ImportPlan, *, only_valid: bool, allow_duplicates: bool) -> int:
    if plan.count(RowStatus.INVALID) and not only_valid:
        return 0
    return sum(row.status == RowStatus.READY or imported_anyway(row, allow_duplicates) for row in plan.rows)


def status_counts(plan: ImportPlan, tr: Translator) -> dict[RowStatus, str]:
    def number(status: RowStatus) -> tuple[int, str]:
        count = plan.count(status)
        return count, tr.format_number(count)

    ready, ready_text = number(RowStatus.READY)
    invalid, invalid_text = number(RowStatus.INVALID)
    duplicates, duplicates_text = number(RowStatus.DUPLICATE)
    skipped, skipped_text = number(RowStatus.SKIPPED)
    return {
        RowStatus.READY: tr.ngettext("{count} row ready", "{count} rows ready", ready).format(count=ready_text),
        RowStatus.INVALID: tr.ngettext("{count} row with errors", "{count} rows with errors",
                                       invalid).format(count=invalid_text),
        RowStatus.DUPLICATE: tr.ngettext("{count} possible duplicate", "{count} possible duplicates",
                                         duplicates).format(count=duplicates_text),
        RowStatus.SKIPPED: tr.ngettext("{count} deleted or merged record skipped",
                                       "{count} deleted or merged records skipped",
                                       skipped).format(count=skipped_text),
    }


def will_import_text(kind: str, count: int, tr: Translator) -> str:
    if kind == PEOPLE:
        text = tr.ngettext("Import will add {count} person.", "Import will add {count} persons.", count)
    else:
        text = tr.ngettext("Import will add {count} organisation.", "Import will add {count} organisations.", count)
    return text.format(count=tr.format_number(count))


def blocked_reason(plan: ImportPlan, tr: Translator, *, only_valid: bool, allow_duplicates: bool) -> str:
    """Why Import cannot be pressed now ("" when it can)."""
    invalid = plan.count(RowStatus.INVALID)
    if invalid and not only_valid:
        return tr.ngettext(
            "Nothing is imported while {count} row has errors. Correct it in the file and check the file "
            "again, or tick “Import only the valid rows”.",
            "Nothing is imported while {count} rows have errors. Correct them in the file and check the file "
            "again, or tick “Import only the valid rows”.", invalid).format(count=tr.format_number(invalid))
    if not would_import(plan, only_valid=only_valid, allow_duplicates=allow_duplicates):
        return tr.gettext("No row can be imported: every row has errors, is a possible duplicate or is skipped.")
    return ""


def summary_lines(result: ImportResult, tr: Translator, allow_duplicates: bool) -> list[str]:
    """What an import did, line by line (the first says how many records were added)."""
    plan, count = result.plan, result.imported

    def number(value: int) -> str:
        return tr.format_number(value)

    if plan.kind == PEOPLE:
        first = tr.ngettext("Imported {count} person.", "Imported {count} persons.", count)
    else:
        first = tr.ngettext("Imported {count} organisation.", "Imported {count} organisations.", count)
    lines = [first.format(count=number(count))]
    duplicates = plan.with_status(RowStatus.DUPLICATE)
    anyway = sum(imported_anyway(row, allow_duplicates) for row in duplicates)
    if len(duplicates) - anyway:
        left = len(duplicates) - anyway
        lines.append(tr.ngettext("{count} row not imported as a possible duplicate.",
                                 "{count} rows not imported as possible duplicates.", left).format(count=number(left)))
    if anyway:
        lines.append(tr.ngettext("{count} possible duplicate imported anyway.",
                                 "{count} possible duplicates imported anyway.", anyway).format(count=number(anyway)))
    invalid = plan.count(RowStatus.INVALID)
    if invalid:
        lines.append(tr.ngettext("{count} row has errors and was not imported.",
                                 "{count} rows have errors and were not imported.",
                                 invalid).format(count=number(invalid)))
    skipped = plan.count(RowStatus.SKIPPED)
    if skipped:
        lines.append(tr.ngettext("{count} deleted, merged or erased record skipped.",
                                 "{count} deleted, merged or erased records skipped.",
                                 skipped).format(count=number(skipped)))
    return lines


def how_read(table: SourceTable, tr: Translator) -> str:
    """"Read 4 rows (CSV, Windows-1250, separator “;”)." — so staff see the file was understood."""
    count = sum(not row.is_blank for row in table.rows)
    if table.file_format == "xlsx":
        how = tr.gettext("XLSX, sheet “{sheet}”").format(sheet=table.sheet)
    else:
        separator = tr.gettext("tab") if table.delimiter == "\t" else table.delimiter
        how = tr.gettext("CSV, {encoding}, separator “{separator}”").format(
            encoding=ENCODING_NAMES.get(table.encoding, table.encoding), separator=separator)
    return tr.ngettext("Read {count} row from {name} ({how}).", "Read {count} rows from {name} ({how}).",
                       count).format(count=tr.format_number(count), name=table.path.name, how=how)


def cell_text(value, tr: Translator) -> str:
    """A sample value as the mapping page shows it: dates in the reader's form, long text cut."""
    if isinstance(value, dt.date):
        return tr.format_date(value, "numeric")
    text = " ".join(str(value).split())
    return text if len(text) <= SAMPLE_LENGTH else text[:SAMPLE_LENGTH - 1] + "…"


def samples(table: SourceTable, column: int, tr: Translator, count: int = 3) -> list[str]:
    """The first `count` filled values of a column."""
    found = []
    for row in table.rows:
        value = row.cells[column]
        if value is not None and (not isinstance(value, str) or value.strip()):
            found.append(cell_text(value, tr))
            if len(found) == count:
                break
    return found
