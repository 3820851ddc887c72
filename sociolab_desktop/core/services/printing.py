"""The plain data of printed documents made from what the services return (attendance sheet,
certificates, consent form), so that the windows and the command line print the same thing.

No ReportLab here: the document modules imported are their data classes only.
"""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.documents.attendance_sheet import AttendanceRow, AttendanceSheetData
from sociolab_desktop.core.documents.certificate import BOTH, CertificateData
from sociolab_desktop.core.documents.consent_form import ConsentFormData
from sociolab_desktop.core.domain.enums import EventType, Gender
from sociolab_desktop.core.domain.labels import EVENT_TYPES, label, title_in
from sociolab_desktop.core.services.events.certificates import IssuedCertificate
from sociolab_desktop.core.services.events.sheets import SessionSheet
from sociolab_desktop.core.services.persons import PersonDetail
from sociolab_desktop.i18n import Translator
from sociolab_desktop.settings import Settings


def attendance_sheet_data(sheet: SessionSheet, language: str, *, info_point: str, blank_rows: int,
                          printed_on: dt.date) -> AttendanceSheetData:
    """The sheet of one session in `language` (which need not be the window's). `sheet.rows` empty
    (asked for blank) prints only the `blank_rows` numbered rows, as for a fair. `info_point`: the
    organiser when the event names none. A session with its own title has it after the event's."""
    title = title_in(language, sheet.title_sl, sheet.title_en)
    if sheet.session_title:
        title = f"{title} – {sheet.session_title}"
    rows = tuple(AttendanceRow(row.first_name, row.last_name, row.affiliation) for row in sheet.rows)
    return AttendanceSheetData(
        event_title=title, event_type_label=label(Translator(language), EVENT_TYPES, sheet.event_type),
        session_date=sheet.session_date, starts_at=sheet.starts_at, ends_at=sheet.ends_at,
        venue=sheet.venue or "", info_point=sheet.site_name or info_point, printed_on=printed_on,
        rows=rows, blank_rows=max(0, blank_rows), session_number=sheet.session_number,
        session_count=sheet.session_count, language=language)


def certificate_data(issued: IssuedCertificate, *, info_point: str, place: str | None = None,
                     signatory_name: str = "", signatory_role: str = "") -> CertificateData:
    """One issued certificate as printed. Without a `place` of issue the certificate prints only the
    date of issue: the info point's name is not a place, and a town is not guessed."""
    organiser = issued.site_name or info_point
    both = issued.language == BOTH
    try:
        gender = Gender(issued.gender) if issued.gender else None
    except ValueError:  # a value from a newer version: the wording that names no gender
        gender = None
    try:
        event_type = EventType(issued.event_type)
    except ValueError:
        event_type = EventType.OTHER
    return CertificateData(
        person_name=issued.full_name, gender=gender,
        event_title=issued.title_sl if both else title_in(issued.language, issued.title_sl, issued.title_en),
        event_type=event_type, first_day=issued.first_date, last_day=issued.last_date,
        hours_attended=issued.hours_attended, programme_hours=issued.total_hours, organiser=organiser,
        place=(place or "").strip(), issued_on=issued.issued_on, number=issued.number,
        signatory_name=signatory_name, signatory_role=signatory_role, language=issued.language,
        event_title_en=issued.title_en if both else None)


def consent_form_data(person: PersonDetail, settings: Settings, today: dt.date) -> ConsentFormData:
    """The form of one person. The data controller is the one set for this info point, or the info
    point itself when none is set."""
    town = " ".join(part for part in (person.postal_code, person.post_town) if part)
    address = "\n".join(part for part in (person.street_address, town) if part) or None
    info_point = settings.site_name or ""
    return ConsentFormData(person_name=f"{person.first_name} {person.last_name}".strip(), info_point=info_point,
                           controller=(settings.data_controller or "").strip() or info_point,
                           controller_contact=(settings.data_controller_contact or "").strip() or None,
                           printed_on=today, date_of_birth=person.birth_date, address=address)
