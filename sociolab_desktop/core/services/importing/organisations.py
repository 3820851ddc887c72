"""Import of organisations: a row's cells into an OrganisationInput, checked by organisations.py.

Lists often give the legal form only in the name ("Zadruga Sonce, z.o.o.", "Društvo Most"):
when the row has no legal form, it is read from such a name and the row says so. Two rows or a
row and a record are the same organisation by registration number, tax number or name; the
numbers are unique, so such a row is never imported, while a same-name row may be.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from sociolab_desktop.core.domain.enums import LegalForm, Stage
from sociolab_desktop.core.domain.labels import LEGAL_FORMS_IN_SENTENCE
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services import organisations
from sociolab_desktop.core.services.importing import cells
from sociolab_desktop.core.services.importing.fields import POSTAL_CODE_AND_TOWN
from sociolab_desktop.core.services.importing.messages import Message
from sociolab_desktop.core.services.importing.rows import Converted, DuplicateMatch
from sociolab_desktop.core.services.importing.values import (
    EXAMPLES,
    to_choice,
    to_country_code,
    to_language,
)
from sociolab_desktop.core.store.models import Organisation
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.errors import Text
from sociolab_desktop.i18n import N_

REASON_LABELS = {
    "registration_number": N_("same registration number"),
    "tax_number": N_("same tax number"),
    "name": N_("same name"),
}
_END = r"(?=[\s,.;)]|$)"
# Checked in this order: a social enterprise is often also a d.o.o. or a zavod.
_FORM_IN_NAME = (
    (LegalForm.SOCIAL_ENTERPRISE, re.compile(rf"\bso\s?\.\s?p\b\.?{_END}|\bsocialno podjetje\b")),
    (LegalForm.COOPERATIVE, re.compile(rf"\bz\s?\.\s?o\s?\.\s?o\b\.?{_END}|\bzadruga\b")),
    (LegalForm.INSTITUTE, re.compile(r"\bzavod\b")),
    (LegalForm.ASSOCIATION, re.compile(r"\bdrustvo\b|\bzveza\b")),
    (LegalForm.COMPANY, re.compile(rf"\bd\s?\.\s?o\s?\.\s?o\b\.?{_END}|\bd\s?\.\s?d\b\.?{_END}|\bs\s?\.\s?p\b\.?{_END}")),
    (LegalForm.INITIATIVE, re.compile(r"\bpobuda\b|\biniciativa\b")),
)
_TEXTS = ("name", "sector", "street_address", "municipality_code", "website", "email", "notes")


def legal_form_from_name(name: str | None) -> str | None:
    folded = fold(name)
    return next((form.value for form, pattern in _FORM_IN_NAME if pattern.search(folded)), None)


def _read(name: str, raw: dict, given: dict, sources: dict) -> None:
    value = raw[name]
    if name == POSTAL_CODE_AND_TOWN:
        code, town = cells.postal_code_and_town(value)
        for target, part in (("postal_code", code), ("post_town", town)):
            if part and not cells.text(raw.get(target)):
                given[target], sources[target] = part, POSTAL_CODE_AND_TOWN
    elif name in ("postal_code", "post_town"):
        if cells.text(value) or name not in given:
            given[name] = cells.identifier(value, name)
    elif name == "legal_form":
        given["legal_form"] = to_choice(cells.text(value), name, LegalForm)
    elif name == "stage":
        given["stage"] = to_choice(cells.text(value), name, Stage)
    elif name == "registration_number":
        given[name] = cells.identifier(value, name, lengths=(7, 10))
    elif name == "tax_number":
        given[name] = cells.identifier(value, name)
    elif name == "phone":
        given["phone"] = cells.phone(value)
    elif name == "country_code":
        given["country_code"] = to_country_code(cells.text(value)) or "SI"
    elif name == "preferred_language":
        given["preferred_language"] = to_language(cells.text(value)) or "sl"
    elif name in _TEXTS:
        given[name] = cells.text(value)


def convert(raw: dict) -> Converted:
    given: dict[str, object] = {"name": "", "legal_form": ""}
    sources: dict[str, str] = {}
    errors: list[FieldError] = []
    notes: list[Message] = []
    for name in raw:
        try:
            _read(name, raw, given, sources)
        except FieldError as error:
            errors.append(error)
    if not given["legal_form"] and not any(error.field == "legal_form" for error in errors):
        inferred = legal_form_from_name(given["name"])
        if inferred:
            given["legal_form"], sources["legal_form"] = inferred, "name"
            notes.append(Message.of(N_("Legal form taken from the name: {form}."),
                                    form=Text(LEGAL_FORMS_IN_SENTENCE[LegalForm(inferred)])))
        elif cells.text(given["name"]):
            errors.append(FieldError("legal_form", N_("The legal form is missing and the name does not tell it. "
                                                      "Add a column “Pravnoorganizacijska oblika” with one of: "
                                                      "{choices}."), choices=EXAMPLES[LegalForm]))
    return Converted(organisations.OrganisationInput(**given), errors, sources, notes)


def validate(data: organisations.OrganisationInput, _today: dt.date) -> dict[str, object]:
    return organisations.validate_organisation(data)


def file_keys(values: dict) -> list[tuple[tuple, str, bool]]:
    keys = []
    if values.get("registration_number"):
        keys.append((("registration", values["registration_number"]), "registration_number", True))
    if values.get("tax_number"):
        keys.append((("tax", values["tax_number"]), "tax_number", True))
    name = organisations.name_key(values["name"])
    if name:
        keys.append((("name", name), "name", False))
    return keys


def display_name(values: dict) -> str:
    return values["name"]


def any_recorded(session) -> bool:
    return session.scalar(select(Organisation.id).where(Organisation.deleted_at.is_(None)).limit(1)) is not None


def database_matches(session, values: dict) -> list[DuplicateMatch]:
    return [DuplicateMatch(name=found.name, reasons=(found.reason,), existing_id=found.id,
                           blocking=found.reason != "name")
            for found in organisations.duplicates_in_session(session, values)]


def new_record(values: dict, actor: Actor) -> Organisation:
    return Organisation(**{**values, "site_id": values.get("site_id") or actor.site_id})
