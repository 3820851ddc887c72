"""What printing an event does in a worker: the attendance sheet of a session and the certificates
of its participants, built from the event services' data and written whole to the chosen file."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop.core.documents.attendance_sheet import (
    AttendanceRow,
    AttendanceSheetData,
)
from sociolab_desktop.core.documents.certificate import BOTH, CertificateData
from sociolab_desktop.core.domain.enums import EventType, Gender
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events.event_labels import EVENT_TYPE_LABELS, title_in

log = logging.getLogger(__name__)

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')  # what Windows refuses in a file name


@dataclass(frozen=True)
class Printed:
    paths: tuple[Path, ...]
    pages: int
    warnings: tuple  # DocumentWarning: shown in the window's language with render(tr)


@dataclass(frozen=True)
class CertificateSigning:
    """What the person printing adds to every certificate (remembered in the settings)."""

    place: str
    signatory_name: str
    signatory_role: str


def file_name_part(text: str, limit: int = 60) -> str:
    """Words of `text` joined by hyphens, without what a file name may not hold."""
    return "-".join(_NOT_IN_FILE_NAMES.sub("", text).split())[:limit].strip("-")


def write_pdf(path: Path, pdf: bytes) -> None:
    """Written under a temporary name and renamed: a half-written file never looks like a document."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(pdf)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(N_("The file {path} could not be written ({reason}). Close it if another program has it "
                           "open, or choose another folder."), path=str(path),
                        reason=exc.strerror or type(exc).__name__) from exc


def sheet_data(sheet, language: str, blank_rows: int, info_point: str, today: dt.date) -> AttendanceSheetData:
    """The sheet of a sessions.SessionSheet in `language` (which need not be the window's)."""
    tr = Translator(language)
    title = title_in(language, sheet.title_sl, sheet.title_en)
    if sheet.session_title:
        title = f"{title} – {sheet.session_title}"
    kind = EVENT_TYPE_LABELS.get(sheet.event_type)
    return AttendanceSheetData(
        event_title=title, event_type_label=tr.gettext(kind) if kind else "", session_date=sheet.session_date,
        starts_at=sheet.starts_at, ends_at=sheet.ends_at, venue=sheet.venue or "",
        info_point=sheet.site_name or info_point, printed_on=today,
        rows=tuple(AttendanceRow(row.first_name, row.last_name, row.affiliation) for row in sheet.rows),
        blank_rows=blank_rows, session_number=sheet.session_number, session_count=sheet.session_count,
        language=language)


def print_attendance_sheet(store, event_id: str, session_id: str, *, language: str, blank_rows: int, empty: bool,
                           info_point: str, branding, path: Path) -> Printed:
    """In a worker: the session's sheet (`empty`: no names, for a fair) written to `path`."""
    from sociolab_desktop.core.documents.attendance_sheet import build_attendance_sheet
    from sociolab_desktop.core.services.events.sheets import attendance_sheet_data

    sheet = attendance_sheet_data(store, event_id, session_id, include_registered=not empty)
    result = build_attendance_sheet(sheet_data(sheet, language, blank_rows, info_point, dt.date.today()), branding)
    write_pdf(path, result.pdf)
    log.info("Attendance sheet of session %s written (%d rows, %d blank, %d pages)", session_id, len(sheet.rows),
             blank_rows, result.pages)
    return Printed((path,), result.pages, tuple(result.warnings))


def certificate_data(issued, signing: CertificateSigning, info_point: str) -> CertificateData:
    """The certificate of a certificates.IssuedCertificate, in its own language."""
    try:
        gender = Gender(issued.gender) if issued.gender else None
    except ValueError:  # a value from a newer version: worded without gender
        gender = None
    language = issued.language
    title = issued.title_sl if language == BOTH else title_in(language, issued.title_sl, issued.title_en)
    return CertificateData(
        person_name=issued.full_name, gender=gender, event_title=title, event_type=EventType(issued.event_type),
        first_day=issued.first_date, last_day=issued.last_date, hours_attended=issued.hours_attended,
        programme_hours=issued.total_hours, organiser=issued.site_name or info_point, place=signing.place,
        issued_on=issued.issued_on, number=issued.number, signatory_name=signing.signatory_name,
        signatory_role=signing.signatory_role, language=language,
        event_title_en=issued.title_en if language == BOTH else None)


def print_certificates(store, actor, event_id: str, person_ids: list[str], *, language: str | None,
                       signing: CertificateSigning, info_point: str, branding, target: Path,
                       per_person: bool) -> Printed:
    """In a worker: issue the certificates (the same number as before for anyone issued one) and
    write them: one PDF at `target`, or one per person into the folder `target`."""
    from sociolab_desktop.core.documents.certificate import (
        build_certificate,
        build_certificates,
    )
    from sociolab_desktop.core.services.events.certificates import issue_certificates

    issued = issue_certificates(store, actor, event_id, person_ids=person_ids, language=language)
    items = [certificate_data(item, signing, info_point) for item in issued]
    if not per_person:
        result = build_certificates(items, branding)
        write_pdf(target, result.pdf)
        log.info("Certificates of event %s written: %d", event_id, len(items))
        return Printed((target,), result.pages, tuple(result.warnings))
    paths, pages, warnings = [], 0, []
    for item in items:
        result = build_certificate(item, branding)
        path = target / f"{file_name_part(item.number)}-{file_name_part(item.person_name)}.pdf"
        write_pdf(path, result.pdf)
        paths.append(path)
        pages += result.pages
        warnings.extend(warning for warning in result.warnings if warning not in warnings)
    log.info("Certificates of event %s written one per person: %d", event_id, len(items))
    return Printed(tuple(paths), pages, tuple(warnings))
