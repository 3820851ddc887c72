"""The reporting period of the indicators and ESF tables: Slovenian calendar days, both ends
included, either end open ("from the first record", "up to the last")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sociolab_desktop.core.services.mentoring.time_rules import Period
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator

# The SocioLab operation ran from April 2018 to December 2021 (DOMAIN.md).
PROJECT_FIRST = dt.date(2018, 4, 1)
PROJECT_LAST = dt.date(2021, 12, 31)
# Stand-ins for an open end where a service needs a closed period (the mentoring counts):
# earlier and later than any record the program can hold.
_EARLIEST = dt.date(1900, 1, 1)
_LATEST = dt.date(2999, 12, 31)
_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})\s*\.?\s*$")


@dataclass(frozen=True)
class ReportPeriod:
    """`first` None: from the first record; `last` None: up to the last. Build it with
    `make_period`, which refuses an end before the start with a message a person can act on."""

    first: dt.date | None = None
    last: dt.date | None = None

    def contains(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)

    @property
    def is_open(self) -> bool:
        return self.first is None and self.last is None

    def closed(self) -> Period:
        """The same days as a closed Period, for services that take one."""
        return Period(self.first or _EARLIEST, self.last or _LATEST)

    def label(self, tr: Translator) -> str:
        """"1. 4. 2018 – 31. 12. 2021", "from 1. 4. 2018", "up to ...", or "all dates"."""
        if self.first and self.last:
            return tr.format_date_span(self.first, self.last)
        if self.first:
            return tr.gettext(N_("from {date}")).format(date=tr.format_date(self.first, "numeric"))
        if self.last:
            return tr.gettext(N_("up to {date}")).format(date=tr.format_date(self.last, "numeric"))
        return tr.gettext(N_("all dates"))


ALL_DATES = ReportPeriod()


def make_period(first: dt.date | None = None, last: dt.date | None = None) -> ReportPeriod:
    if first is not None and last is not None and last < first:
        raise UserError(
            N_("The period ends on {last}, before it starts on {first}. Choose an end date on or after "
               "the start date."),
            first=first, last=last)
    return ReportPeriod(first, last)


def project_period() -> ReportPeriod:
    return ReportPeriod(PROJECT_FIRST, PROJECT_LAST)


def year_period(year: int) -> ReportPeriod:
    return ReportPeriod(dt.date(year, 1, 1), dt.date(year, 12, 31))


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A date typed on the command line: 2021-03-31 or 31. 3. 2021 (None or blank: no date)."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        found = _NUMERIC.match(text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(N_("“{value}” is not a date for {option}. Write it as 2021-03-31 or 31. 3. 2021."),
                        value=value, option=option) from None
