"""Dates as office staff type them: "27. 11. 1985", "27.11.1985", "27/11/1985", "27111985", ISO.

Typed into a plain line edit rather than a QDateEdit: the date is keyed in one go from the
document in front of staff (with or without the spaces), the field can stay empty, and a date of
birth may be a year alone. Day comes before month, as in Slovenia and Britain.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS_ONLY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 27111985: a numeric keypad, no dots
_YEAR = re.compile(r"^(\d{4})\.?$")


@dataclass(frozen=True)
class TypedDate:
    """What a date field holds: nothing, a date, a year alone (where allowed) or unreadable text."""

    text: str
    date: dt.date | None = None
    year: int | None = None
    readable: bool = True

    @property
    def empty(self) -> bool:
        return not self.text


def parse_typed_date(text: str | None, *, year_alone: bool = False) -> TypedDate:
    raw = " ".join((text or "").split())
    if not raw:
        return TypedDate("")
    if year_alone and (match := _YEAR.match(raw)):
        return TypedDate(raw, year=int(match.group(1)))
    for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_DIGITS_ONLY, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.match(raw)
        if match:
            year, month, day = (int(match.group(group)) for group in order)
            try:
                return TypedDate(raw, date=dt.date(year, month, day))
            except ValueError:  # 31. 2. or month 13: the shape is right, the date impossible
                return TypedDate(raw, readable=False)
    return TypedDate(raw, readable=False)
