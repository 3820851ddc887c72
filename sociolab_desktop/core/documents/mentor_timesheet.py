"""A mentor's monthly timesheet: every session the mentor led in the month, its hours, and the total.

Pure: core/domain/mentoring_records.MentorTimesheetData in, PDF bytes out, in the Translator's
language. ReportLab is imported only when a timesheet is built (timesheet_story.py).
"""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.domain.mentoring_records import MentorTimesheetData
from sociolab_desktop.i18n import DEFAULT_LANGUAGE, Translator


def build_mentor_timesheet(data: MentorTimesheetData, tr: Translator | None = None,
                           branding: Branding = NO_BRANDING, printed_on: dt.date | None = None) -> DocumentResult:
    """The timesheet in `tr`'s language (default Slovenian: a mentor has no language of record),
    with the mentor's signature line; unreadable logos are listed in `warnings`."""
    from sociolab_desktop.core.documents.timesheet_story import timesheet_document

    return timesheet_document(data, tr or Translator(DEFAULT_LANGUAGE), branding, printed_on or dt.date.today())
