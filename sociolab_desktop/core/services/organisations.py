"""Organisations: checked input, duplicates and the searchable list (roles: organisation_roles.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.domain.enums import LegalForm, Stage
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.fields import (
    FieldErrors,
    clean_choice,
    clean_text,
    collect,
)
from sociolab_desktop.core.services.records import live_organisation, word_prefix_filter
from sociolab_desktop.core.store.models import Organisation, utc_now
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES

# Column widths of the organisation table (SQLite does not enforce them; we do).
_LIMITS = {"sector": 120, "street_address": 200, "post_town": 100, "phone": 40, "website": 250}
MAX_NAME = 250
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class OrganisationValidationError(FieldErrors):
    message_id = N_("The organisation was not saved: correct the marked fields.")


def clean_website(value: str | None) -> str | None:
    """A web address; "example.si" or "www.example.si" is taken as https://… (what people type)."""
    raw = (value or "").strip()
    if not raw:
        return None
    address = raw if _SCHEME.match(raw) else f"https://{raw}"
    parts = urlsplit(address)
    host = parts.hostname or ""
    if (parts.scheme.lower() not in ("http", "https") or any(ch.isspace() for ch in raw)
            or "@" in parts.netloc or "." not in host.strip(".") or ".." in host):
        raise v.FieldError("website", N_("“{value}” is not a web address; write it like www.example.si."),
                           value=raw)
    return clean_text(address, "website", _LIMITS["website"])


def clean_registration_number(value: str | None) -> str | None:
    """Stored with ten digits as the business register prints it (unit "000" is the main seat)."""
    compact = v.clean_registration_number(value)
    return f"{compact}000" if compact and len(compact) == 7 else compact


def _clean_language(value: str | None) -> str:
    code = (value or "sl").strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        raise v.FieldError("preferred_language", N_("“{value}” is not one of the choices in the list."), value=code)
    return code


@dataclass(frozen=True)
class OrganisationInput:
    """What a form gives. `site_id` None: this PC's info point on create, unchanged on update."""

    name: str
    legal_form: str
    stage: str | None = None
    registration_number: str | None = None
    tax_number: str | None = None
    sector: str | None = None
    street_address: str | None = None
    postal_code: str | None = None
    post_town: str | None = None
    municipality_code: str | None = None
    country_code: str = "SI"
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_language: str = "sl"
    site_id: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class OrganisationRow:
    """One line of the organisation list."""

    id: str
    name: str
    legal_form: str
    stage: str | None
    registration_number: str | None
    tax_number: str | None
    post_town: str | None
    municipality_code: str | None
    site_id: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class OrganisationDetail(OrganisationInput):
    id: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    is_deleted: bool = False


@dataclass(frozen=True)
class OrganisationFilter:
    """What the list shows: folded word-prefix search and exact filters (None: any)."""

    text: str = ""
    legal_form: str | None = None
    stage: str | None = None
    municipality_code: str | None = None
    site_id: str | None = None


@dataclass(frozen=True)
class DuplicateOrganisation:
    id: str
    name: str
    registration_number: str | None
    tax_number: str | None
    reason: str  # "registration_number", "tax_number" or "name"


class DuplicateOrganisationError(UserError):
    """`duplicates` names them; `only_name` True means "save anyway" (allow_same_name) may be offered."""

    def __init__(self, message: str, duplicates: list[DuplicateOrganisation], **values) -> None:
        super().__init__(message, **values)
        self.duplicates = duplicates
        self.only_name = all(d.reason == "name" for d in duplicates)


_INPUT_FIELDS = tuple(f.name for f in fields(OrganisationInput))


def _clean(data: OrganisationInput) -> dict[str, object]:
    try:
        country = v.clean_country_code(data.country_code)
    except v.FieldError:
        country = "SI"  # reported by the country check below; the other checks assume Slovenia meanwhile
    checks = [
        ("name", lambda: v.clean_required_name(data.name, "name", MAX_NAME)),
        ("legal_form", lambda: clean_choice(data.legal_form, "legal_form", LegalForm, required=True)),
        ("stage", lambda: clean_choice(data.stage, "stage", Stage, required=False)),
        ("registration_number", lambda: clean_registration_number(data.registration_number)),
        ("tax_number", lambda: v.clean_tax_number(data.tax_number)),
        ("country_code", lambda: v.clean_country_code(data.country_code)),
        ("postal_code", lambda: v.clean_postal_code(data.postal_code, country)),
        ("municipality_code", lambda: v.clean_municipality(data.municipality_code, country)),
        ("email", lambda: v.clean_email(data.email)),
        ("website", lambda: clean_website(data.website)),
        ("preferred_language", lambda: _clean_language(data.preferred_language)),
        ("notes", lambda: clean_text(data.notes, "notes")),
        ("site_id", lambda: clean_text(data.site_id, "site_id")),
    ]
    checks += [(name, lambda name=name, limit=limit: clean_text(getattr(data, name), name, limit))
               for name, limit in _LIMITS.items() if name != "website"]
    return collect(checks, OrganisationValidationError)


def validate_organisation(data: OrganisationInput) -> dict[str, object]:
    """The cleaned column values `create_organisation` would store, or
    OrganisationValidationError with every wrong field (for checking many rows before saving)."""
    return _clean(data)


def _detail(row: Organisation) -> OrganisationDetail:
    values = {name: getattr(row, name) for name in _INPUT_FIELDS}
    return OrganisationDetail(**values, id=row.id, created_at=row.created_at, updated_at=row.updated_at,
                              is_deleted=row.deleted_at is not None)


def _row(row) -> OrganisationRow:
    return OrganisationRow(*(getattr(row, f.name) for f in fields(OrganisationRow)))


def name_key(name: str | None) -> str:
    """Names equal but for case, accents and punctuation ("Zadruga X, z.o.o." = "ZADRUGA X z.o.o.")."""
    return " ".join(re.findall(r"\w+", fold(name)))


def _duplicates(session: Session, values: dict, exclude_id: str | None) -> list[DuplicateOrganisation]:
    alive = [Organisation.deleted_at.is_(None)]
    if exclude_id:
        alive.append(Organisation.id != exclude_id)
    found: dict[str, DuplicateOrganisation] = {}

    def add(rows, reason: str) -> None:
        for row in rows:
            found.setdefault(row.id, DuplicateOrganisation(row.id, row.name, row.registration_number,
                                                           row.tax_number, reason))

    registration = values.get("registration_number")
    if registration:
        # Ten digits ending "000" and the seven-digit short form are the same unit.
        forms = {registration, registration[:7]} if registration.endswith("000") else {registration}
        add(session.scalars(select(Organisation).where(*alive, Organisation.registration_number.in_(forms))),
            "registration_number")
    if values.get("tax_number"):
        add(session.scalars(select(Organisation).where(*alive, Organisation.tax_number == values["tax_number"])),
            "tax_number")
    key = name_key(values["name"])
    if key:
        candidates = session.scalars(select(Organisation).where(
            *alive, word_prefix_filter(Organisation.search_text, key.split()[0])))
        add((row for row in candidates if name_key(row.name) == key), "name")
    return list(found.values())


def duplicates_in_session(session: Session, values: dict) -> list[DuplicateOrganisation]:
    """Live organisations sharing cleaned `values`' registration or tax number or folded name,
    read in the caller's transaction (an import checks many rows inside one)."""
    return _duplicates(session, values, None)


def find_duplicate_organisations(store: Store, data: OrganisationInput, *,
                                 exclude_id: str | None = None) -> list[DuplicateOrganisation]:
    """Organisations with the same registration or tax number or the same name (folded); wrong
    identifiers are ignored here (saving reports them)."""
    values = {"name": data.name}
    for column, check in (("registration_number", clean_registration_number), ("tax_number", v.clean_tax_number)):
        try:
            values[column] = check(getattr(data, column))
        except v.FieldError:
            pass
    with store.reader() as session:
        return _duplicates(session, values, exclude_id)


def _refuse_duplicates(session: Session, values: dict, exclude_id: str | None, allow_same_name: bool) -> None:
    duplicates = _duplicates(session, values, exclude_id)
    for duplicate in duplicates:
        if duplicate.reason == "registration_number":
            raise DuplicateOrganisationError(
                N_("“{name}” already has registration number {value}; open that organisation instead."),
                duplicates, name=duplicate.name, value=values["registration_number"])
        if duplicate.reason == "tax_number":
            raise DuplicateOrganisationError(
                N_("“{name}” already has tax number {value}; open that organisation instead."),
                duplicates, name=duplicate.name, value=values["tax_number"])
    if duplicates and not allow_same_name:
        raise DuplicateOrganisationError(
            N_("An organisation named “{name}” already exists. Open it, or save anyway if this is another one."),
            duplicates, name=duplicates[0].name)


def create_organisation(store: Store, actor: Actor, data: OrganisationInput, *,
                        allow_same_name: bool = False) -> OrganisationDetail:
    values = _clean(data)
    values["site_id"] = values["site_id"] or actor.site_id
    with store.unit_of_work(actor) as session:
        _refuse_duplicates(session, values, None, allow_same_name)
        row = Organisation(**values)
        session.add(row)
        session.flush()
        return _detail(row)


def update_organisation(store: Store, actor: Actor, organisation_id: str, data: OrganisationInput, *,
                        allow_same_name: bool = False) -> OrganisationDetail:
    values = _clean(data)
    with store.unit_of_work(actor) as session:
        row = live_organisation(session, organisation_id)
        values["site_id"] = values["site_id"] or row.site_id
        _refuse_duplicates(session, values, organisation_id, allow_same_name)
        for column, value in values.items():
            if getattr(row, column) != value:  # untouched fields stay out of sync's change log
                setattr(row, column, value)
        session.flush()
        return _detail(row)


def delete_organisation(store: Store, actor: Actor, organisation_id: str) -> None:
    """Soft delete: contacts and mentoring records that name it keep pointing at it."""
    with store.unit_of_work(actor) as session:
        live_organisation(session, organisation_id).deleted_at = utc_now()


def get_organisation(store: Store, organisation_id: str, *, include_deleted: bool = False) -> OrganisationDetail | None:
    with store.reader() as session:
        row = session.get(Organisation, organisation_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            return None
        return _detail(row)


def _filtered(query, criteria: OrganisationFilter):
    query = query.where(Organisation.deleted_at.is_(None))
    search = word_prefix_filter(Organisation.search_text, criteria.text or "")
    if search is not None:
        query = query.where(search)
    for column in ("legal_form", "stage", "municipality_code", "site_id"):
        wanted = getattr(criteria, column)
        if wanted:
            query = query.where(getattr(Organisation, column) == wanted)
    return query


def count_organisations(store: Store, criteria: OrganisationFilter = OrganisationFilter()) -> int:
    with store.reader() as session:
        return session.scalar(_filtered(select(func.count(Organisation.id)), criteria))


def list_organisations(store: Store, criteria: OrganisationFilter = OrganisationFilter(), *,
                       offset: int = 0, limit: int = 200) -> list[OrganisationRow]:
    """One page of the list in Slovenian alphabetical order (č after c, š after s, ž after z)."""
    query = _filtered(select(Organisation), criteria).order_by(Organisation.sort_key, Organisation.id)
    with store.reader() as session:
        return [_row(row) for row in session.scalars(query.offset(offset).limit(limit))]


