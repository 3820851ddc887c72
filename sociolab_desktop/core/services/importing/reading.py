"""Reading a list to import: CSV (UTF-8 or Windows-1250, `;` `,` or tab) or XLSX into rows of cells.

Cells are text, except what a workbook stores as a date (`datetime.date`) and numbers, which
become their digits as `NumericText` so that a later step can restore what Excel drops from
identifiers (the leading zero of an EMŠO or a phone number). Row numbers are the ones the
spreadsheet shows: the header row is usually row 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

Cell = str | dt.date

ZIP_SIGNATURE = b"PK\x03\x04"
# Excel 97-2003 workbooks and password-protected XLSX files are OLE2 compound documents.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (";", ",", "\t")
# The header is the first row with at least two filled cells among the first few: lists often
# start with a title line ("Seznam udeležencev 2019") above the real header.
HEADER_SEARCH_ROWS = 10
_SAMPLE_ROWS = 50
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}
# č Č ć Ć đ Đ š Š ž Ž in UTF-8; as Windows-1250 they read "ÄŤ", "Ĺˇ"…, which Slovenian text never holds.
_UTF8_SLOVENIAN_LETTERS = tuple(letter.encode("utf-8") for letter in "čČćĆđĐšŠžŽ")

SAVE_AS_CSV_HINT = N_(
    "In Excel open it and choose File ▸ Save As ▸ “CSV UTF-8 (Comma delimited) (*.csv)” or "
    "“Excel Workbook (*.xlsx)”, then import that file."
)


class NumericText(str):
    """The digits of a number read from a workbook cell (e.g. "101990500009")."""


@dataclass(frozen=True)
class SourceRow:
    number: int  # as the spreadsheet shows it
    cells: tuple[Cell, ...]  # padded to the header's width; extra cells are in `overflow`
    overflow: tuple[Cell, ...] = ()

    @property
    def is_blank(self) -> bool:
        return not any(_filled(cell) for cell in (*self.cells, *self.overflow))


@dataclass(frozen=True)
class SourceTable:
    """A list as read: header texts, data rows, and how the file was understood."""

    path: Path
    file_format: str  # "csv" or "xlsx"
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[SourceRow, ...]
    encoding: str | None = None  # "utf-8" or "cp1250" for CSV
    delimiter: str | None = None  # for CSV
    sheet: str | None = None  # for XLSX


def _filled(cell: Cell | None) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def read_table(path: str | Path, *, sheet: str | None = None) -> SourceTable:
    """Read a CSV or XLSX file (told apart by content, not only by name). Raises UserError
    naming the file for: missing, unreadable, empty, header only, wrong encoding, not a workbook."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(N_("The file {path} does not exist. Check the name and the folder."), path=str(path)) from exc
    except IsADirectoryError as exc:
        raise UserError(N_("{path} is a folder. Give the CSV or XLSX file to import."), path=str(path)) from exc
    except OSError as exc:
        raise UserError(N_("The file {path} cannot be read ({reason}). If it is open in Excel, close it and try again."),
                        path=str(path), reason=exc.strerror or type(exc).__name__) from exc
    if not data.strip(b" \t\r\n\x00").removeprefix(b"\xef\xbb\xbf").strip():
        raise UserError(N_("The file {path} is empty: there is nothing to import."), path=str(path))
    if data.startswith(OLE2_SIGNATURE):
        raise UserError(N_("{path} is an old Excel 97–2003 workbook (.xls) or a password-protected one, which "
                           "cannot be read. Open it in Excel and save it as “Excel Workbook (*.xlsx)” without "
                           "a password."), path=str(path))
    if data.startswith(ZIP_SIGNATURE):
        from sociolab_desktop.core.services.importing.workbook import read_workbook_rows

        raw_rows, sheet_name = read_workbook_rows(path, data, sheet)
        return _table(path, "xlsx", raw_rows, sheet=sheet_name)
    if path.suffix.lower() in XLSX_SUFFIXES:
        raise UserError(N_("{path} is not an Excel workbook, although its name ends in {suffix}. If it is a CSV "
                           "file, rename it to end in .csv; otherwise open it in Excel and save it as “Excel "
                           "Workbook (*.xlsx)”."), path=str(path), suffix=path.suffix)
    if sheet:
        raise UserError(N_("{path} is a CSV file, which has no sheets; leave out the sheet name."), path=str(path))
    text, encoding = decode_text(data, path)
    if not text.strip(" \t\r\n;,\""):  # only separators: what Excel saves for an empty sheet
        raise UserError(N_("The file {path} is empty: there is nothing to import."), path=str(path))
    delimiter = detect_delimiter(text)
    raw_rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _table(path, "csv", raw_rows, encoding=encoding, delimiter=delimiter)


def sheet_names(path: str | Path) -> tuple[str, ...]:
    """The sheets of an XLSX workbook, for a window to offer; () for a CSV or unreadable file."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return ()
    if not data.startswith(ZIP_SIGNATURE):
        return ()
    from sociolab_desktop.core.services.importing.workbook import workbook_sheet_names

    return workbook_sheet_names(data)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """UTF-8 (with or without BOM) if the bytes are valid UTF-8, else Windows-1250 (what
    Slovenian Excel writes as "CSV (delimited)"); anything else, e.g. UTF-16, is refused."""
    not_text = UserError(
        N_("{path} is not a text table in UTF-8 or Windows-1250 encoding (it may be UTF-16 “Unicode text”, "
           "or not a table at all). {hint}"),
        path=str(path), hint=SAVE_AS_CSV_HINT)
    if b"\x00" in data:  # UTF-16/32 and binary files; never in UTF-8 or cp1250 text
        raise not_text
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1250" and any(sequence in data for sequence in _UTF8_SLOVENIAN_LETTERS):
            # Part UTF-8, part something else (two files pasted together): read as Windows-1250,
            # every č of the UTF-8 part would silently become "ÄŤ".
            raise UserError(N_("{path} mixes two text encodings, so some letters would be read wrongly. {hint}"),
                            path=str(path), hint=SAVE_AS_CSV_HINT)
        if any(ch < " " and ch not in _ALLOWED_CONTROLS for ch in text):
            raise not_text
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise not_text


def detect_delimiter(text: str) -> str:
    """The separator that splits the first rows into the most columns, consistently; ties go to
    `;` (Slovenian Excel) before `,` before tab."""
    best, best_score = DELIMITERS[0], (-1, -1)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        widths = []
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    widths.append(len(row))
                if len(widths) >= _SAMPLE_ROWS:
                    break
        except csv.Error:
            continue
        if not widths:
            continue
        header_width = max(widths[:HEADER_SEARCH_ROWS])
        consistent = sum(width == header_width for width in widths)
        score = (header_width if header_width > 1 else 0, consistent)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _header_index(raw_rows: list[list]) -> int:
    for index, row in enumerate(raw_rows[:HEADER_SEARCH_ROWS]):
        if sum(_filled(cell) for cell in row) >= 2:
            return index
    return next((i for i, row in enumerate(raw_rows) if any(_filled(cell) for cell in row)), 0)


def _header_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return " ".join(str(cell).split())


def _table(path: Path, file_format: str, raw_rows: list[list], **how) -> SourceTable:
    header_index = _header_index(raw_rows)
    if not raw_rows or not any(_filled(cell) for cell in raw_rows[header_index]):
        raise UserError(N_("The file {path} is empty: there is nothing to import."), path=str(path))
    header_cells = list(raw_rows[header_index])
    while header_cells and not _filled(header_cells[-1]):
        header_cells.pop()
    headers = tuple(_header_text(cell) for cell in header_cells)
    width = len(headers)
    rows = []
    for offset, raw in enumerate(raw_rows[header_index + 1:], start=header_index + 2):
        cells = [cell if cell is not None else "" for cell in raw]
        row = SourceRow(offset, tuple(cells[:width]) + ("",) * max(0, width - len(cells)),
                        tuple(cell for cell in cells[width:]))
        rows.append(row)
    while rows and rows[-1].is_blank:
        rows.pop()
    if not any(not row.is_blank for row in rows):
        raise UserError(N_("The file {path} has only a header row ({headers}) and no rows to import."),
                        path=str(path), headers=", ".join(h for h in headers if h))
    return SourceTable(path=path, file_format=file_format, headers=headers, header_row=header_index + 1,
                       rows=tuple(rows), **how)
