"""The attendance sheet participants sign at one session of an event: its data and entry point.

Pure: plain data in, PDF bytes out, in the sheet's own language (not necessarily the window's).
ReportLab is imported only when a sheet is built (attendance_story.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.domain.text import slovenian_sort_key


@dataclass(frozen=True)
class AttendanceRow:
    """A registered person, printed as "first name surname" and sorted by surname."""

    first_name: str
    surname: str
    organisation: str = ""  # the organisation, or else the municipality, as the caller prefers

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name.strip(), self.surname.strip()) if part)


@dataclass(frozen=True)
class AttendanceSheetData:
    """One session's sheet. `event_type_label` is already in the sheet's language; `rows` may
    come in any order (the sheet sorts them); `blank_rows` numbered empty rows follow for
    walk-ins. No rows and some blank rows make the empty sheet for a fair."""

    event_title: str
    event_type_label: str
    session_date: dt.date
    starts_at: dt.time | None
    ends_at: dt.time | None
    venue: str
    info_point: str  # the organising info point: in the details and the footer
    printed_on: dt.date
    rows: tuple[AttendanceRow, ...] = ()
    blank_rows: int = 0
    session_number: int | None = None  # printed as "session 2 of 3" when the event has several
    session_count: int | None = None
    language: str = "sl"


def slovenian_order(rows: tuple[AttendanceRow, ...] | list[AttendanceRow]) -> list[AttendanceRow]:
    """Surname, then first name, in Slovenian alphabetical order (č after c, š after s, ž after z).
    The exact text breaks ties, so the same people always print in the same order."""
    return sorted(rows, key=lambda row: (slovenian_sort_key(row.surname), slovenian_sort_key(row.first_name),
                                         row.surname, row.first_name, row.organisation))


def build_attendance_sheet(data: AttendanceSheetData, branding: Branding = NO_BRANDING) -> DocumentResult:
    """The sheet in `data.language`; unreadable logos are left out and listed in `warnings`."""
    from sociolab_desktop.core.documents.attendance_story import attendance_document

    return attendance_document(data, branding)
