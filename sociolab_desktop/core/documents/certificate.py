"""The certificate a participant receives for an event: its data and entry points (one, or many
in one PDF for printing a whole event at once).

Pure: plain data in, PDF bytes out, each certificate in its own language: "sl", "en", or "both"
(Slovenian with English beneath, on one page). ReportLab is imported only when one is built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.domain.enums import EventType, Gender
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES

BOTH = "both"
CERTIFICATE_LANGUAGES = (*SUPPORTED_LANGUAGES, BOTH)
# Events one completes (certificate of completion); the others are attended (of attendance).
COMPLETION_EVENTS = frozenset({EventType.TRAINING_PROGRAMME, EventType.WORKSHOP})


@dataclass(frozen=True)
class CertificateData:
    """One person's certificate for one event.

    `event_title` is in the certificate's language; for "both" it is the Slovenian title and
    `event_title_en` the English one (the Slovenian one stands in when there is none).
    `signatory_role` is printed as given (for "both", e.g. "vodja / head"); with no signatory
    name either, the line is captioned "Signature and stamp". `gender` None means
    unknown: the wording then names no gender (see certificate_story.py)."""

    person_name: str
    gender: Gender | None
    event_title: str
    event_type: EventType
    first_day: dt.date
    last_day: dt.date
    hours_attended: float
    programme_hours: float
    organiser: str  # the organising and issuing info point
    place: str  # place of issue (a town); "" prints only the date of issue
    issued_on: dt.date
    number: str  # stable for the person and event; also carried by the QR code
    signatory_name: str
    signatory_role: str
    language: str = "sl"
    event_title_en: str | None = None


def _check(items: Sequence[CertificateData]) -> None:
    if not items:
        raise UserError(N_("There are no certificates to print."))
    for item in items:
        if item.language not in CERTIFICATE_LANGUAGES:
            raise UserError(N_("Unknown certificate language “{code}”. Use one of: {choices}."),
                            code=item.language, choices=", ".join(CERTIFICATE_LANGUAGES))


def build_certificate(data: CertificateData, branding: Branding = NO_BRANDING) -> DocumentResult:
    """One certificate on one A4 landscape page; unreadable logos are listed in `warnings`."""
    return build_certificates([data], branding)


def build_certificates(items: Sequence[CertificateData], branding: Branding = NO_BRANDING) -> DocumentResult:
    """Many certificates in one PDF, one page each, in the order given, each in its own language."""
    _check(items)
    from sociolab_desktop.core.documents.certificate_story import certificates_document

    return certificates_document(list(items), branding)
