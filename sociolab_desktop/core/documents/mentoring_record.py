"""The signed mentoring records the funder audits: one per session, and one per organisation and month.

Pure: the plain data of core/domain/mentoring_records.py in, PDF bytes out, in the record's own
language (by default the organisation's, `data.language`), whatever the window speaks.
ReportLab is imported only when a record is built (mentoring_story.py).
"""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.domain.mentoring_records import MonthlyRecordData, SessionRecordData
from sociolab_desktop.i18n import Translator


def build_session_record(data: SessionRecordData, tr: Translator | None = None, branding: Branding = NO_BRANDING,
                         printed_on: dt.date | None = None) -> DocumentResult:
    """The record of one session, in `tr`'s language (default: `data.language`), with signature
    lines for each mentor and for the organisation's representative (or the coached persons);
    unreadable logos are left out and listed in `warnings`."""
    from sociolab_desktop.core.documents.mentoring_story import session_record_document

    return session_record_document(data, tr or Translator(data.language), branding, printed_on or dt.date.today())


def build_monthly_record(data: MonthlyRecordData, tr: Translator | None = None, branding: Branding = NO_BRANDING,
                         printed_on: dt.date | None = None) -> DocumentResult:
    """The month's sessions with one organisation and their total hours, in `tr`'s language
    (default: `data.language`), with signature lines for every mentor and the representative."""
    from sociolab_desktop.core.documents.mentoring_story import monthly_record_document

    return monthly_record_document(data, tr or Translator(data.language), branding, printed_on or dt.date.today())
