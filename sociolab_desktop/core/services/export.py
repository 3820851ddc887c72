"""Export whole tables (people, organisations, events, sessions, attendance, contacts) to files.

Every column of the table is written, keys, audit columns and the soft-delete marker included,
rows ordered by key, so that the exports of two info points can be compared with a diff. Column
headers are the database column names (not translated) for the same reason. Formats and their
conventions are described in core/services/tabular.py.

The file is written to a temporary file in the target folder and renamed at the end, so a failure
never leaves half a file behind (nor destroys an older export of the same name).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    Table,
    Time,
    select,
)

from sociolab_desktop.core.services.output_files import check_target, write_atomically
from sociolab_desktop.core.services.tabular import FORMATS, WRITERS, ColumnSpec
from sociolab_desktop.core.store.models import (
    Attendance,
    Contact,
    Event,
    EventSession,
    Organisation,
    Person,
)
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)

# The names people type on the command line, mapped to the tables they export.
DATASETS: dict[str, Table] = {
    "people": Person.__table__,
    "organisations": Organisation.__table__,
    "events": Event.__table__,
    "sessions": EventSession.__table__,
    "attendance": Attendance.__table__,
    "contacts": Contact.__table__,
}
EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json"}
# Rows fetched from SQLite at a time: a large table never sits in memory whole.
YIELD_PER = 1000
ProgressCallback = Callable[[int], None]


def check_dataset(name: str) -> str:
    normalised = (name or "").strip().lower()
    if normalised not in DATASETS:
        raise UserError(
            N_("Unknown table “{name}”. Choose one of: {choices}."),
            name=name,
            choices=", ".join(DATASETS),
        )
    return normalised


def check_format(name: str) -> str:
    normalised = (name or "").strip().lower().lstrip(".")
    if normalised not in FORMATS:
        raise UserError(
            N_("Unknown file format “{format}”. Choose one of: {choices}."),
            format=name,
            choices=", ".join(FORMATS),
        )
    return normalised


def choose_format(requested: str | None, target: Path) -> str:
    """The requested format, else the one the file name's extension says; never both disagreeing."""
    from_extension = EXTENSIONS.get(target.suffix.lower())
    if requested is None:
        if from_extension is None:
            raise UserError(
                N_(
                    "Cannot tell the file format from the name {path}. End the file name in "
                    ".csv, .xlsx or .json, or give --format csv, xlsx or json."
                ),
                path=str(target),
            )
        return from_extension
    chosen = check_format(requested)
    if from_extension is not None and from_extension != chosen:
        raise UserError(
            N_(
                "The file name {path} ends in {extension} but the format is {format}. "
                "Change the file name's ending or the format so that they agree."
            ),
            path=str(target),
            extension=target.suffix,
            format=chosen,
        )
    return chosen


def exported_columns(table: Table) -> list:
    """Every column, the key first (the mixin's columns otherwise come last) for readable diffs."""
    return [table.c.id, *(column for column in table.columns if column.name != "id")]


def column_specs(table: Table) -> list[ColumnSpec]:
    return [_column_spec(column) for column in exported_columns(table)]


def _column_spec(column) -> ColumnSpec:
    column_type = column.type
    # Order matters: Boolean before Integer, DateTime before Date, JSON before String.
    kinds = (
        (Boolean, "bool"),
        (DateTime, "datetime"),
        (Date, "date"),
        (Time, "time"),
        (Integer, "int"),
        ((Numeric, Float), "float"),
        (JSON, "list"),
    )
    for types, kind in kinds:
        if isinstance(column_type, types):
            return ColumnSpec(column.name, kind)
    length = column_type.length if isinstance(column_type, String) else None
    return ColumnSpec(column.name, "text", length)


def export_dataset(
    store: Store,
    dataset: str,
    file_format: str,
    target: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
) -> int:
    """Write every row of one table to `target`; returns the number of rows written.

    `progress`, if given, is called with the number of rows written so far every YIELD_PER rows.
    """
    table = DATASETS[check_dataset(dataset)]
    file_format = check_format(file_format)
    target = Path(target)
    check_target(target)
    _refuse_database_files(store, target)
    columns = column_specs(table)
    query = select(*exported_columns(table)).order_by(table.c.id).execution_options(yield_per=YIELD_PER)
    with store.reader() as session:
        rows = _with_progress((tuple(row) for row in session.execute(query)), progress)
        count = write_atomically(target, lambda stream: _write(stream, file_format, columns, rows, dataset))
    log.info("Exported %d rows of %s as %s", count, dataset, file_format)
    return count


def _write(stream, file_format: str, columns: Sequence[ColumnSpec], rows, dataset: str) -> int:
    if file_format == "xlsx":
        return WRITERS["xlsx"](stream, columns, rows, sheet_title=dataset)
    return WRITERS[file_format](stream, columns, rows)


def _with_progress(rows: Iterable[Any], progress: ProgressCallback | None) -> Iterator[Any]:
    written = 0
    for row in rows:
        yield row
        written += 1
        if progress is not None and written % YIELD_PER == 0:
            progress(written)


def _refuse_database_files(store: Store, target: Path) -> None:
    """A slip of `-o` must not replace the database (or its -wal) with an export."""
    database = store.engine.url.database
    if not database:
        return
    database_path = Path(database).resolve()
    resolved = target.resolve()
    if resolved.parent == database_path.parent and resolved.name.startswith(database_path.name):
        raise UserError(
            N_("{path} is the program's database. Choose another name for the exported file."),
            path=str(target),
        )
