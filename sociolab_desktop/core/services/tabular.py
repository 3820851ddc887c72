"""Writers for tabular exports: CSV for scripts and diffs, XLSX for Excel, JSON for programs.

The writers take column descriptions and rows of plain Python values and write to a binary
stream; they know nothing of the database. Conventions, the same for every table:

- CSV: UTF-8 with a byte-order mark (so Excel shows č, š, ž), `,` as separator, fields quoted
  only when needed (`"` doubled), CRLF line ends. Dates ISO (2026-11-27), times 10:15:00,
  date-times "2026-11-27 10:15:00" (naive UTC, as stored), booleans true/false, empty for none.
  (Excel with Slovenian regional settings expects `;`: open the XLSX export there instead.)
- XLSX: one sheet, bold frozen header row, dates/times as real Excel dates.
- JSON: one array of objects, keys in column order, UTF-8 unescaped, ISO 8601 dates; list
  columns (topics) stay lists, text stays exactly as stored.
- CSV and XLSX text that a spreadsheet would run as a formula (starting with = + - @, tab or
  CR) gets a leading `'`, as OWASP recommends against CSV injection; list columns are JSON text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

FORMATS: tuple[str, ...] = ("csv", "xlsx", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Column widths in Excel's character units, chosen so a typical value is readable.
_KIND_WIDTHS = {"date": 12, "datetime": 20, "time": 10, "bool": 8, "int": 10, "float": 10, "list": 30}
_KEY_WIDTH = 38
_MAX_TEXT_WIDTH = 50
_DEFAULT_TEXT_WIDTH = 30


@dataclass(frozen=True)
class ColumnSpec:
    """One exported column: its name (the database column, so exports diff and re-import) and kind.

    kind is one of text, date, datetime, time, bool, int, float, list; length is a text column's
    declared maximum (None for unlimited text).
    """

    name: str
    kind: str = "text"
    length: int | None = None

    @property
    def width(self) -> float:
        if self.kind == "text":
            if self.length == 36 and (self.name == "id" or self.name.endswith("_id")):
                natural = _KEY_WIDTH
            else:
                natural = min(self.length or _DEFAULT_TEXT_WIDTH, _MAX_TEXT_WIDTH)
        else:
            natural = _KIND_WIDTHS.get(self.kind, _DEFAULT_TEXT_WIDTH)
        return max(natural, len(self.name) + 2)


def neutralise_formula(text: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (OWASP: prefix a single quote)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _list_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return neutralise_formula(_list_text(value))
    if isinstance(value, str):
        return neutralise_formula(value)
    return str(value)


def write_csv(stream: BinaryIO, columns: Sequence[ColumnSpec], rows: Iterable[Sequence[Any]]) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    count = 0
    try:
        writer = csv.writer(text, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow([column.name for column in columns])
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
            count += 1
    finally:
        text.flush()
        text.detach()
    return count


def _xlsx_cell(value: Any, illegal) -> Any:
    if isinstance(value, (list, dict)):
        value = _list_text(value)
    if isinstance(value, str):
        # XML 1.0 cannot hold most control characters; openpyxl refuses them rather than drop them.
        return neutralise_formula(illegal.sub("", value))
    return value


def write_xlsx(
    stream: BinaryIO,
    columns: Sequence[ColumnSpec],
    rows: Iterable[Sequence[Any]],
    sheet_title: str = "export",
) -> int:
    # openpyxl costs ~0.1 s to import: only when an XLSX file is written.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # Write-only mode streams rows to disk instead of building every cell in memory.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_xlsx_cell(value, ILLEGAL_CHARACTERS_RE) for value in row])
        count += 1
    workbook.save(stream)
    return count


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def write_json(stream: BinaryIO, columns: Sequence[ColumnSpec], rows: Iterable[Sequence[Any]]) -> int:
    names = [column.name for column in columns]
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    count = 0
    try:
        # One object per line inside the array: valid JSON that still diffs line by line.
        text.write("[")
        for row in rows:
            text.write("\n" if count == 0 else ",\n")
            text.write(json.dumps(dict(zip(names, row)), ensure_ascii=False, default=_json_default))
            count += 1
        text.write("\n]\n" if count else "]\n")
    finally:
        text.flush()
        text.detach()
    return count


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json}
