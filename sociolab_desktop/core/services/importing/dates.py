"""Dates as lists hold them: "27. 11. 2026", "27.11.2026", "27/11/2026", ISO "2026-11-27", date cells.

The day always comes first (Slovenian and British order; an American "11/27/2026" is refused
as month 27, not misread). Two-digit years are refused: for a date of birth "27.11.26" may be
1926 or 2026, and a wrong guess would go unnoticed.
"""

from __future__ import annotations

import datetime as dt
import re

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.importing.reading import NumericText
from sociolab_desktop.i18n import N_

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*([./])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})\s*\.?$")
# ISO, also with a time after it as some programs write ("2026-11-27 00:00:00", "2026-11-27T08:00").
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
YEAR = re.compile(r"^\d{4}$")


def _not_a_date(field: str, value: str) -> FieldError:
    return FieldError(field, N_("“{value}” is not a date. Write dates as 27. 11. 2026, 27.11.2026 or 2026-11-27."),
                      value=value)


def _make(field: str, text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise FieldError(field, N_("“{value}” is not a date that exists (check the day and the month)."),
                         value=text) from None


def parse_date(value, field: str) -> dt.date | None:
    """A date from a cell; None for an empty cell; FieldError (naming `field`) otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if isinstance(value, NumericText):
        raise FieldError(field, N_("“{value}” is a number, not a date. In Excel format the column as a date, "
                                   "or write the dates as 27. 11. 2026."), value=text)
    match = _DAY_FIRST.match(text)
    if match:
        day, _separator, month, year = match.groups()
        if len(year) == 2:
            raise FieldError(field, N_("“{value}” has a two-digit year; write the year with four digits "
                                       "(e.g. 27. 11. 1986) so that the century is not guessed."), value=text)
        return _make(field, text, int(year), int(month), int(day))
    match = _ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _make(field, text, year, month, day)
    raise _not_a_date(field, text)
