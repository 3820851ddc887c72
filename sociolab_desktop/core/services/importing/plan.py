"""An import from start to end: rows checked into a plan (the preview), then written in one transaction.

`validate_rows` reads every row into the service's input and checks it with the service's own
rules, and finds rows that repeat earlier ones; `check_database` adds the records each row may
duplicate (the preview); `commit_import` checks duplicates again inside its transaction and
writes the ready rows — all of them or none: when a row is invalid nothing is written unless
`only_valid` is given. Duplicates are skipped and reported unless `allow_duplicates`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from types import ModuleType

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.core.services.importing import cells, organisations, people
from sociolab_desktop.core.services.importing.fields import (
    KINDS,
    ORGANISATIONS,
    PEOPLE,
    RECORD_GONE,
)
from sociolab_desktop.core.services.importing.headers import (
    ColumnMapping,
    check_mapping,
)
from sociolab_desktop.core.services.importing.messages import Message, column_letter
from sociolab_desktop.core.services.importing.reading import SourceRow, SourceTable
from sociolab_desktop.core.services.importing.rows import (
    Converted,
    DuplicateMatch,
    PlannedRow,
    RowIssue,
    RowStatus,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (rows done, rows in all)
_MODULES: dict[str, ModuleType] = {PEOPLE: people, ORGANISATIONS: organisations}
_KIND_NAMES = {"people": PEOPLE, "persons": PEOPLE, "organisations": ORGANISATIONS, "organizations": ORGANISATIONS}
# Rows inserted per flush: progress can be shown, and memory stays flat.
WRITE_BATCH = 500
_PROGRESS_EVERY = 200


@dataclass(frozen=True)
class ImportPlan:
    kind: str  # "people" or "organisations"
    table: SourceTable
    mapping: ColumnMapping
    rows: tuple[PlannedRow, ...]  # blank rows left out
    notices: tuple[Message, ...] = ()
    database_checked: bool = False

    def with_status(self, status: RowStatus) -> list[PlannedRow]:
        return [row for row in self.rows if row.status == status]

    def count(self, status: RowStatus) -> int:
        return sum(row.status == status for row in self.rows)


@dataclass(frozen=True)
class ImportResult:
    """`plan`: as checked inside the transaction. `refused`: nothing written because some rows
    are invalid and only valid rows were not asked for."""

    plan: ImportPlan
    imported: int
    created_ids: tuple[str, ...]
    refused: bool = False


def check_kind(name: str) -> str:
    kind = _KIND_NAMES.get((name or "").strip().lower())
    if kind is None:
        raise UserError(N_("Unknown list “{name}”. Choose one of: {choices}."), name=name, choices=", ".join(KINDS))
    return kind


def reason_label(kind: str, reason: str) -> str:
    """The English label of a duplicate reason (translate it when shown)."""
    return _MODULES[kind].REASON_LABELS.get(reason, reason)


def _column_name(table: SourceTable, index: int | None) -> str | None:
    if index is None:
        return None
    return table.headers[index] or column_letter(index)


def _issues(table: SourceTable, mapping: ColumnMapping, converted: Converted, errors: list[FieldError]) -> list[RowIssue]:
    issues = []
    for error in errors:
        index = mapping.column_of(converted.sources.get(error.field, error.field))
        issues.append((-1 if index is None else index, RowIssue(error.field, _column_name(table, index),
                                                               Message.from_error(error))))
    # In the order of the columns, as the person reads the row.
    return [issue for _index, issue in sorted(issues, key=lambda pair: pair[0])]


def _overflows(row: SourceRow) -> bool:
    return any(cells.text(cell) for cell in row.overflow)


def _overflow_issue(table: SourceTable, row: SourceRow) -> RowIssue | None:
    """In a CSV file, more cells than headers mean a value split at an unquoted separator, so the
    row's cells may sit in the wrong columns. (A workbook's cells cannot shift: cells beyond the
    last named column are only left out, see `_unnamed_cells_notice`.)"""
    if not table.delimiter or not _overflows(row):
        return None
    return RowIssue(None, None, Message.of(
        N_("The row has more cells than the header row has columns: a value probably holds the separator "
           "“{separator}” without quotes. Correct the row, or save the file again from Excel."),
        separator=table.delimiter))


def _unnamed_cells_notice(table: SourceTable) -> list[Message]:
    if table.delimiter or not any(_overflows(row) for row in table.rows):
        return []
    return [Message.of(N_("Cells to the right of the last named column ({column}) are not imported."),
                       column=column_letter(len(table.headers) - 1))]


def _plan_row(kind: str, table: SourceTable, mapping: ColumnMapping, columns: dict[str, list[int]],
              row: SourceRow, today: dt.date) -> PlannedRow:
    module = _MODULES[kind]
    gone = columns.get(RECORD_GONE, [])
    if any(cells.text(row.cells[index]) for index in gone):
        note = Message.of(N_("A deleted, merged or erased record in an export: not imported."))
        return PlannedRow(row.number, RowStatus.SKIPPED, notes=(note,))
    raw = {target: row.cells[indexes[0]] for target, indexes in columns.items() if target != RECORD_GONE}
    converted = module.convert(raw)
    errors = list(converted.errors)
    values = None
    try:
        values = module.validate(converted.data, today)
    except FieldErrors as failure:
        unreadable = {error.field for error in errors}
        errors += [error for error in failure.errors if error.field not in unreadable]
    issues = _issues(table, mapping, converted, errors)
    overflow = _overflow_issue(table, row)
    if overflow:
        issues.insert(0, overflow)
    if issues or values is None:
        return PlannedRow(row.number, RowStatus.INVALID, converted.data, tuple(issues), notes=tuple(converted.notes))
    return PlannedRow(row.number, RowStatus.READY, converted.data, notes=tuple(converted.notes), values=values)


def _within_file(kind: str, planned: list[PlannedRow]) -> list[PlannedRow]:
    """Rows that repeat an earlier valid row of the file (the first one of each stays ready)."""
    module = _MODULES[kind]
    seen: dict[tuple, tuple[int, str]] = {}
    result = []
    for row in planned:
        if row.values is None:
            result.append(row)
            continue
        earlier: dict[int, tuple[str, list[str], bool]] = {}
        for key, reason, blocking in module.file_keys(row.values):
            if key in seen:
                number, name = seen[key]
                entry = earlier.setdefault(number, (name, [], False))
                earlier[number] = (name, [*entry[1], reason], entry[2] or blocking)
            else:
                seen[key] = (row.number, module.display_name(row.values))
        matches = tuple(DuplicateMatch(name=name, reasons=tuple(reasons), earlier_row=number, blocking=blocking)
                        for number, (name, reasons, blocking) in earlier.items())
        result.append(replace(row, status=RowStatus.DUPLICATE, duplicates=matches) if matches else row)
    return result


def validate_rows(kind: str, table: SourceTable, mapping: ColumnMapping, *, today: dt.date,
                  progress: Progress | None = None) -> ImportPlan:
    """Every non-blank row read and checked (no database needed). Raises MissingColumns when a
    required field has no column."""
    kind = check_kind(kind)
    if len(mapping.fields) != len(table.headers):
        raise ValueError("the mapping must give one entry per column of the table")
    notices = check_mapping(kind, table.headers, mapping) + _unnamed_cells_notice(table)
    columns: dict[str, list[int]] = {}
    for index, target in enumerate(mapping.fields):
        if target:
            columns.setdefault(target, []).append(index)
    planned = []
    rows = [row for row in table.rows if not row.is_blank]
    for done, row in enumerate(rows, start=1):
        planned.append(_plan_row(kind, table, mapping, columns, row, today))
        if progress and done % _PROGRESS_EVERY == 0:
            progress(done, len(rows))
    planned = _within_file(kind, planned)
    return ImportPlan(kind, table, mapping, tuple(planned), tuple(notices))


def _database_matches(module: ModuleType, session, rows: list[dict], progress: Progress | None
                      ) -> list[list[DuplicateMatch]]:
    """Each row's possible duplicates among the records: all rows in one search where the module
    offers it (persons: 10 000 searches one by one took minutes), else row by row."""
    many = getattr(module, "database_matches_many", None)
    if many:
        return many(session, rows, progress)
    found = []
    for done, values in enumerate(rows, start=1):
        found.append(module.database_matches(session, values))
        if progress and done % _PROGRESS_EVERY == 0:
            progress(done, len(rows))
    return found


def _with_database(session, plan: ImportPlan, progress: Progress | None) -> ImportPlan:
    module = _MODULES[plan.kind]
    checked = [row for row in plan.rows if row.values is not None]
    # The first import into an empty folder need not search 10 000 times for nothing.
    if checked and module.any_recorded(session):
        found = _database_matches(module, session, [row.values for row in checked], progress)
    else:
        found = [[] for _row in checked]
    recorded = iter(found)  # in the order of `checked`
    rows = []
    for row in plan.rows:
        if row.values is not None:
            in_file = tuple(match for match in row.duplicates if match.earlier_row is not None)
            matches = in_file + tuple(next(recorded))
            row = replace(row, status=RowStatus.DUPLICATE if matches else RowStatus.READY, duplicates=matches)
        rows.append(row)
    return replace(plan, rows=tuple(rows), database_checked=True)


def check_database(store: Store, plan: ImportPlan, *, progress: Progress | None = None) -> ImportPlan:
    """The plan with each valid row's possible duplicates among the records (for the preview)."""
    with store.reader() as session:
        return _with_database(session, plan, progress)


def preview_import(store: Store, kind: str, table: SourceTable, mapping: ColumnMapping, *, today: dt.date,
                   progress: Progress | None = None) -> ImportPlan:
    """What an import would do, writing nothing (`--dry-run`, the window's preview)."""
    return check_database(store, validate_rows(kind, table, mapping, today=today), progress=progress)


def commit_import(store: Store, actor: Actor, plan: ImportPlan, *, only_valid: bool = False,
                  allow_duplicates: bool = False, progress: Progress | None = None) -> ImportResult:
    """Write the plan's ready rows in one transaction, after checking duplicates again inside it.
    Nothing is written when a row is invalid and `only_valid` is False. `allow_duplicates`
    imports duplicates too, except organisations whose registration or tax number is taken."""
    with store.unit_of_work(actor) as session:
        checked = _with_database(session, plan, None)
        invalid = checked.count(RowStatus.INVALID)
        if invalid and not only_valid:
            log.info("Import of %s refused: %d invalid rows", plan.kind, invalid)
            return ImportResult(checked, 0, (), refused=True)
        chosen = [row for row in checked.rows
                  if row.status == RowStatus.READY or (allow_duplicates and row.importable_anyway)]
        module, created = _MODULES[plan.kind], []
        for start in range(0, len(chosen), WRITE_BATCH):
            records = [module.new_record(dict(row.values), actor) for row in chosen[start:start + WRITE_BATCH]]
            session.add_all(records)
            session.flush()
            created += [record.id for record in records]
            if progress:
                progress(len(created), len(chosen))
    log.info("Imported %d %s (%d invalid rows, %d duplicates)", len(created), plan.kind, invalid,
             checked.count(RowStatus.DUPLICATE))
    return ImportResult(checked, len(created), tuple(created))
