"""The consent to processing of personal data that a client signs at intake: its data and entry point.

Pure: plain data and a Translator in, PDF bytes out, in the Translator's language (the client's,
not necessarily the window's). ReportLab is imported only when a form is built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.domain.enums import ConsentPurpose

if TYPE_CHECKING:
    from sociolab_desktop.i18n import Translator

# The version of the wording in consent_story.py. A consent record stores the version the person
# signed, so a change of wording needs a new version here.
CONSENT_TEXT_VERSION = "2019-06"


@dataclass(frozen=True)
class ConsentFormData:
    """What the form prints. Boxes are printed empty unless `ticked` says otherwise: a
    pre-ticked box is not valid consent, so `ticked` is for a copy of consent already given."""

    person_name: str
    info_point: str
    controller: str  # the data controller: the lead partner or the info point's organisation
    printed_on: dt.date
    date_of_birth: dt.date | None = None
    address: str | None = None
    controller_contact: str | None = None
    text_version: str = CONSENT_TEXT_VERSION
    purposes: tuple[ConsentPurpose, ...] = tuple(ConsentPurpose)
    ticked: frozenset[ConsentPurpose] = frozenset()
    place: str | None = None
    signed_on: dt.date | None = None


def build_consent_form(data: ConsentFormData, tr: Translator,
                       branding: Branding = NO_BRANDING) -> DocumentResult:
    """The form in the Translator's language; unreadable logos are left out and listed in
    `warnings`."""
    from sociolab_desktop.core.documents.consent_story import consent_document

    return consent_document(data, tr, branding)
