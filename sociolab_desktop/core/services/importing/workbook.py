"""Reading the rows of one sheet of an XLSX workbook with openpyxl (loaded only when needed)."""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
from pathlib import Path

from sociolab_desktop.core.services.importing.reading import NumericText
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)


def cell_value(value):
    """A workbook value as an import cell: text, a date, or the digits of a number."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0, 0) else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, int):
        return NumericText(str(value))
    if isinstance(value, float):
        # Excel stores every number as a double: 1234567890123 arrives as 1234567890123.0.
        if value.is_integer() and abs(value) < 1e16:
            return NumericText(str(int(value)))
        return NumericText(repr(value))
    return str(value)


def read_workbook_rows(path: Path, data: bytes, sheet: str | None) -> tuple[list[list], str]:
    """Every row of the named sheet (default: the first) of the workbook `data` read from `path`,
    as cell values, and the sheet's name."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only: the values Excel last calculated, not the formulas behind them.
        # From the bytes: given a file name, openpyxl refuses any ending but .xlsx/.xlsm, and a
        # workbook saved as "seznam.csv" is still a workbook.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError) as exc:
        log.info("Workbook could not be opened: %s", type(exc).__name__)
        raise UserError(N_("{path} cannot be read as an Excel workbook: it is damaged or another kind of file. "
                           "Open it in Excel and save it again as “Excel Workbook (*.xlsx)”."),
                        path=str(path)) from exc
    try:
        names = workbook.sheetnames
        if sheet is None:
            if not names:
                raise UserError(N_("The file {path} is empty: there is nothing to import."), path=str(path))
            chosen = names[0]
        else:
            chosen = next((name for name in names if name == sheet), None) or next(
                (name for name in names if name.strip().casefold() == sheet.strip().casefold()), None)
            if chosen is None:
                raise UserError(N_("The workbook {path} has no sheet “{sheet}”. Its sheets are: {sheets}."),
                                path=str(path), sheet=sheet, sheets=", ".join(f"“{name}”" for name in names))
        worksheet = workbook[chosen]
        if not hasattr(worksheet, "iter_rows"):  # a chart sheet
            raise UserError(N_("The sheet “{sheet}” of {path} holds no table. Choose another sheet."),
                            sheet=chosen, path=str(path))
        # Some programs write a wrong size into the file; read every row that is there.
        worksheet.reset_dimensions()
        rows = [[cell_value(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        log.info("Workbook sheet could not be read: %s", type(exc).__name__)
        raise UserError(N_("{path} cannot be read as an Excel workbook: it is damaged or another kind of file. "
                           "Open it in Excel and save it again as “Excel Workbook (*.xlsx)”."),
                        path=str(path)) from exc
    finally:
        workbook.close()
    return rows, chosen


def workbook_sheet_names(data: bytes) -> tuple[str, ...]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError) as exc:
        # read_table says what is wrong with the file when it is opened.
        log.info("Workbook sheets could not be listed: %s", type(exc).__name__)
        return ()
    try:
        return tuple(workbook.sheetnames)
    finally:
        workbook.close()
