"""Turning one cell into the text a form field expects, undoing what Excel does to identifiers."""

from __future__ import annotations

import datetime as dt
import re

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.importing.dates import YEAR
from sociolab_desktop.core.services.importing.reading import NumericText
from sociolab_desktop.core.services.tabular import FORMULA_STARTS
from sociolab_desktop.i18n import N_

# "1,23457E+12": Excel's display of a long number in a General cell; the digits are gone.
_SCIENTIFIC = re.compile(r"^[0-9]+(?:[.,][0-9]+)?E\+?[0-9]+$", re.IGNORECASE)
_POST = re.compile(r"^(?:SI\s*-\s*)?([0-9]+)(?:\s+(.*))?$", re.IGNORECASE)
# A Slovenian number without its trunk prefix 0: "41 123 456" stored as the number 41123456.
_NATIONAL_DIGITS_WITHOUT_ZERO = 8


def text(value) -> str | None:
    """Trimmed text, None when empty. An export's guard against formulas ("'+386 …") is undone."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        value = value.isoformat()
    cleaned = str(value).strip()
    if cleaned.startswith("'") and cleaned[1:2] and cleaned[1] in FORMULA_STARTS:
        cleaned = cleaned[1:]
    return cleaned or None


def _refuse_scientific(value: str, field: str) -> None:
    if _SCIENTIFIC.match(value):
        raise FieldError(field, N_("“{value}” is a number Excel shortened, and its digits are lost. In Excel format "
                                   "the column as Text, enter the numbers again and save the file again."),
                         value=value)


def identifier(value, field: str, *, lengths: tuple[int, ...] = ()) -> str | None:
    """An identifier's text. Read from a number cell, leading zeros Excel dropped come back: the
    digits are padded to the next of `lengths` (EMŠO: 13; registration number: 7 or 10)."""
    cleaned = text(value)
    if cleaned is None:
        return None
    _refuse_scientific(cleaned, field)
    if isinstance(value, NumericText) and cleaned.isdigit():
        longer = [length for length in sorted(lengths) if length >= len(cleaned)]
        if longer:
            cleaned = cleaned.zfill(longer[0])
    return cleaned


def phone(value, field: str = "phone") -> str | None:
    cleaned = text(value)
    if cleaned is None:
        return None
    _refuse_scientific(cleaned, field)
    if isinstance(value, NumericText) and cleaned.isdigit() and len(cleaned) == _NATIONAL_DIGITS_WITHOUT_ZERO:
        cleaned = "0" + cleaned
    return cleaned


def year(value, field: str) -> int | None:
    cleaned = text(value)
    if cleaned is None:
        return None
    if not YEAR.match(cleaned):
        raise FieldError(field, N_("“{value}” is not a year; write four digits, e.g. 1985."), value=cleaned)
    return int(cleaned)


def is_bare_year(value) -> bool:
    cleaned = text(value) if not isinstance(value, dt.date) else None
    return bool(cleaned and YEAR.match(cleaned))


def postal_code_and_town(value) -> tuple[str | None, str | None]:
    """"2000 Maribor" → ("2000", "Maribor"); "SI-2250 Ptuj" too; text without a code is the town."""
    cleaned = text(value)
    if cleaned is None:
        return None, None
    match = _POST.match(cleaned)
    if match:
        return match.group(1), (match.group(2) or "").strip() or None
    return None, cleaned
