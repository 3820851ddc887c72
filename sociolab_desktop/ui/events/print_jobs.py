"""What printing an event does in a worker: the attendance sheet of a session and the certificates
of its participants, built from the event services' data and written whole to the chosen file."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop.core.services import printing
from sociolab_desktop.ui.document_output import file_name_part, write_pdf

log = logging.getLogger(__name__)


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


def print_attendance_sheet(store, event_id: str, session_id: str, *, language: str, blank_rows: int, empty: bool,
                           info_point: str, branding, path: Path) -> Printed:
    """In a worker: the session's sheet (`empty`: no names, for a fair) written to `path`."""
    from sociolab_desktop.core.documents.attendance_sheet import build_attendance_sheet
    from sociolab_desktop.core.services.events.sheets import attendance_sheet_data

    sheet = attendance_sheet_data(store, event_id, session_id, include_registered=not empty)
    data = printing.attendance_sheet_data(sheet, language, info_point=info_point, blank_rows=blank_rows,
                                          printed_on=dt.date.today())
    result = build_attendance_sheet(data, branding)
    write_pdf(path, result.pdf)
    log.info("Attendance sheet of session %s written (%d rows, %d blank, %d pages)", session_id, len(sheet.rows),
             blank_rows, result.pages)
    return Printed((path,), result.pages, tuple(result.warnings))


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
    items = [printing.certificate_data(item, info_point=info_point, place=signing.place,
                                       signatory_name=signing.signatory_name, signatory_role=signing.signatory_role)
             for item in issued]
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
