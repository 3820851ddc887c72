"""Client intake: a person's form checked field by field, saved, read back, and duplicates found.

Every wrong field of a form is reported at once (`PersonValidationError.errors`, each a
`FieldError` naming its field). The list and search live in person_search.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.domain.enums import (
    Answer,
    Gender,
    IscedLevel,
    LabourStatus,
    TargetGroup,
)
from sociolab_desktop.core.domain.municipalities import (
    find_municipality,
    municipality_by_code,
)
from sociolab_desktop.core.services.fields import FieldErrors, clean_choice, clean_text
from sociolab_desktop.core.services.person_duplicates import duplicate_candidates
from sociolab_desktop.core.services.person_search import (
    DuplicateCandidate,
    DuplicateProbe,
)
from sociolab_desktop.core.store.models import Person, Site
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES

# Notes are for a few paragraphs about the client; longer texts belong in an attached document.
MAX_NOTES = 10_000
MAX_NAME = 100  # the width of the name columns
_LIMITS = {"email": 254, "phone": 40, "street_address": 200, "post_town": 100}
_PHONE = re.compile(r"^\+?[0-9 ()/.-]+$")
_PHONE_DIGITS = (6, 20)
ESF_ANSWER_FIELDS = (
    "jobless_household", "dependent_children", "single_adult_with_children", "migrant_or_minority",
    "disability", "other_disadvantage", "homeless_or_housing_excluded", "rural_area",
)


class PersonValidationError(FieldErrors):
    """`errors`: one FieldError per wrong field (`.field` is the PersonInput field's name)."""

    message_id = N_("The person was not saved: correct the marked fields.")


class PossibleDuplicate(UserError):
    """The person may already be recorded: `candidates` says who and why. Save again with
    `allow_duplicates=True` when staff confirm it is someone else."""

    def __init__(self, candidates: list[DuplicateCandidate]) -> None:
        super().__init__(N_(
            "This person may already be recorded (same EMŠO, e-mail address or name). Open the "
            "existing record, or save anyway if it is someone else."
        ))
        self.candidates = candidates


@dataclass(frozen=True)
class PersonInput:
    """What the intake form gives. `site_id` None: this PC's info point on create, unchanged on
    update; `first_contact_date` None on create: today. `municipality_code` may also be a name."""

    first_name: str
    last_name: str
    gender: str | None = None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    emso: str | None = None
    tax_number: str | None = None
    email: str | None = None
    phone: str | None = None
    street_address: str | None = None
    postal_code: str | None = None
    post_town: str | None = None
    municipality_code: str | None = None
    country_code: str = "SI"
    preferred_language: str = "sl"
    target_group: str | None = None
    labour_status: str | None = None
    isced_level: str | None = None
    jobless_household: str | None = None
    dependent_children: str | None = None
    single_adult_with_children: str | None = None
    migrant_or_minority: str | None = None
    disability: str | None = None
    other_disadvantage: str | None = None
    homeless_or_housing_excluded: str | None = None
    rural_area: str | None = None
    is_incomplete: bool = False  # registered in a hurry: ESF answers still to be collected
    notes: str | None = None
    first_contact_date: dt.date | None = None
    site_id: str | None = None


INPUT_FIELDS = tuple(f.name for f in fields(PersonInput))


@dataclass(frozen=True)
class PersonDetail(PersonInput):
    """A saved person: the form's fields plus what the form does not edit (ESF exit answers are
    recorded at exit; merges and erasures by their own operations)."""

    id: str = ""
    municipality_name: str | None = None
    exit_date: dt.date | None = None
    exit_in_education: str | None = None
    exit_gained_qualification: str | None = None
    exit_employed: str | None = None
    exit_job_searching: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    created_by_id: str | None = None
    updated_by_id: str | None = None
    merged_into_id: str | None = None
    erased_at: dt.datetime | None = None
    is_deleted: bool = False

    def to_input(self) -> PersonInput:
        return PersonInput(**{name: getattr(self, name) for name in INPUT_FIELDS})


# --- checks ----------------------------------------------------------------------------------



def _clean_phone(value: str | None) -> str | None:
    cleaned = clean_text(value, "phone", _LIMITS["phone"])
    if cleaned is None:
        return None
    digits = sum(ch.isdigit() for ch in cleaned)
    if not _PHONE.match(cleaned) or not _PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1]:
        raise v.FieldError("phone", N_("“{value}” is not a phone number: use digits, spaces and + ( ) / - only."),
                           value=cleaned)
    return cleaned


def _clean_language(value: str | None) -> str:
    code = (value or "sl").strip().lower()
    if code not in SUPPORTED_LANGUAGES:
        raise v.FieldError("preferred_language", N_("“{value}” is not one of the choices in the list."), value=code)
    return code


def _clean_notes(value: str | None) -> str | None:
    cleaned = (value or "").strip()
    if len(cleaned) > MAX_NOTES:
        raise v.FieldError("notes", N_("The notes are too long: {length} characters, at most {limit} fit. "
                                       "Shorten them or attach the text as a document."),
                           length=len(cleaned), limit=MAX_NOTES)
    return cleaned or None


def _clean_birth(data: PersonInput, emso: str | None, today: dt.date) -> tuple[dt.date | None, int | None]:
    """Date and year of birth; a missing date is read from a valid EMŠO (which encodes it)."""
    birth_date = data.birth_date
    if birth_date is None and emso:
        from stdnum.si import emso as stdnum_emso

        birth_date = stdnum_emso.get_birth_date(emso)
    v.check_birth_date(birth_date, today)
    year = data.birth_year
    if birth_date is not None:
        if year is not None and year != birth_date.year:
            raise v.FieldError("birth_year", N_("The year of birth {value} does not agree with the date of birth."),
                               value=year)
        return birth_date, birth_date.year
    if year is not None and not v.EARLIEST_BIRTH_DATE.year <= year <= today.year:
        raise v.FieldError("birth_year", N_("The year of birth {value} is not possible."), value=year)
    return None, year


def _not_future(value: dt.date | None, field: str, today: dt.date) -> dt.date | None:
    if value is not None and value > today:
        raise v.FieldError(field, N_("The date {value} is in the future."), value=value)
    return value


def _check_children(values: dict) -> None:
    if values.get("single_adult_with_children") == Answer.YES and values.get("dependent_children") == Answer.NO:
        raise v.FieldError("single_adult_with_children",
                           N_("A single adult with dependent children has dependent children: check both answers."))


def _clean(data: PersonInput, today: dt.date, site_exists) -> dict[str, object]:
    """Every field checked; all failures raised together as one PersonValidationError."""
    country = "SI"
    try:
        country = v.clean_country_code(data.country_code)
    except v.FieldError:
        pass  # reported by the country check below; the other checks assume Slovenia meanwhile

    def site() -> str | None:
        cleaned = clean_text(data.site_id, "site_id")
        if cleaned and not site_exists(cleaned):
            raise v.FieldError("site_id", N_("The info point was not found; choose one from the list."))
        return cleaned

    checks = [
        ("first_name", lambda: v.clean_required_name(data.first_name, "first_name", MAX_NAME)),
        ("last_name", lambda: v.clean_required_name(data.last_name, "last_name", MAX_NAME)),
        ("gender", lambda: clean_choice(data.gender, "gender", Gender, required=False)),
        ("emso", lambda: v.clean_emso(data.emso)),
        ("tax_number", lambda: v.clean_tax_number(data.tax_number)),
        ("email", lambda: v.clean_email(clean_text(data.email, "email", _LIMITS["email"]))),
        ("phone", lambda: _clean_phone(data.phone)),
        ("street_address", lambda: clean_text(data.street_address, "street_address", _LIMITS["street_address"])),
        ("postal_code", lambda: v.clean_postal_code(data.postal_code, country)),
        ("post_town", lambda: clean_text(data.post_town, "post_town", _LIMITS["post_town"])),
        ("municipality_code", lambda: v.clean_municipality(data.municipality_code, country)),
        ("country_code", lambda: v.clean_country_code(data.country_code)),
        ("preferred_language", lambda: _clean_language(data.preferred_language)),
        ("target_group", lambda: clean_choice(data.target_group, "target_group", TargetGroup, required=False)),
        ("labour_status", lambda: clean_choice(data.labour_status, "labour_status", LabourStatus, required=False)),
        ("isced_level", lambda: clean_choice(data.isced_level, "isced_level", IscedLevel, required=False)),
        *((name, lambda name=name: clean_choice(getattr(data, name), name, Answer, required=False))
          for name in ESF_ANSWER_FIELDS),
        ("is_incomplete", lambda: bool(data.is_incomplete)),
        ("notes", lambda: _clean_notes(data.notes)),
        ("first_contact_date", lambda: _not_future(data.first_contact_date, "first_contact_date", today)),
        ("site_id", site),
    ]
    values: dict[str, object] = {}
    errors: list[v.FieldError] = []
    for column, check in checks:
        try:
            values[column] = check()
        except v.FieldError as error:
            errors.append(error)
    failed = {error.field for error in errors}
    # Checks that combine fields use only parts that passed, so one typo gives one message.
    try:
        emso = values.get("emso")
        values["birth_date"], values["birth_year"] = _clean_birth(data, emso, today)
        if "gender" not in failed:
            v.check_emso_agrees(emso, values["birth_date"], values.get("gender"))
    except v.FieldError as error:
        errors.append(error)
    if not failed & set(ESF_ANSWER_FIELDS):
        try:
            _check_children(values)
        except v.FieldError as error:
            errors.append(error)
    if errors:
        raise PersonValidationError(errors)
    return values


def validate_person(data: PersonInput, today: dt.date) -> dict[str, object]:
    """The form's cleaned column values, as `create_person` would store them (before it fills in
    this PC's info point and today's first contact), or PersonValidationError with every wrong
    field. For checking many rows before saving any (import); a `site_id` given is not looked up."""
    return _clean(data, today, lambda _site_id: True)


def _site_checker(session):
    def exists(site_id: str) -> bool:
        site = session.get(Site, site_id)
        return site is not None and site.deleted_at is None

    return exists


# --- reading and writing ---------------------------------------------------------------------


def _detail(row: Person) -> PersonDetail:
    values = {name: getattr(row, name) for name in INPUT_FIELDS}
    municipality = municipality_by_code(row.municipality_code) if row.municipality_code else None
    return PersonDetail(
        **values, id=row.id, municipality_name=municipality.name if municipality else None,
        exit_date=row.exit_date, exit_in_education=row.exit_in_education,
        exit_gained_qualification=row.exit_gained_qualification, exit_employed=row.exit_employed,
        exit_job_searching=row.exit_job_searching, created_at=row.created_at, updated_at=row.updated_at,
        created_by_id=row.created_by_id, updated_by_id=row.updated_by_id, merged_into_id=row.merged_into_id,
        erased_at=row.erased_at, is_deleted=row.deleted_at is not None,
    )


def _probe(values: dict) -> DuplicateProbe:
    return DuplicateProbe(first_name=values["first_name"], last_name=values["last_name"],
                          birth_date=values.get("birth_date"), emso=values.get("emso"), email=values.get("email"),
                          municipality_code=values.get("municipality_code"))


def _lenient_probe(data: PersonInput) -> DuplicateProbe:
    """What can be read from a form that may still hold mistakes (they are ignored here)."""
    def attempt(check, *args):
        try:
            return check(*args)
        except v.FieldError:
            return None

    emso = attempt(v.clean_emso, data.emso)
    birth_date = data.birth_date
    if birth_date is None and emso:
        from stdnum.si import emso as stdnum_emso

        birth_date = stdnum_emso.get_birth_date(emso)
    municipality = find_municipality((data.municipality_code or "").strip())
    return DuplicateProbe(first_name=(data.first_name or "").strip(), last_name=(data.last_name or "").strip(),
                          birth_date=birth_date, emso=emso, email=(data.email or "").strip() or None,
                          municipality_code=municipality.code if municipality else None)


def find_duplicates(store: Store, data: PersonInput, exclude_id: str | None = None) -> list[DuplicateCandidate]:
    """Live persons who may be the one in `data`: same EMŠO, same e-mail (any case), same name
    (folded) and date of birth, or a very similar name in the same municipality."""
    with store.reader() as session:
        return duplicate_candidates(session, _lenient_probe(data), exclude_id)


def create_person(store: Store, actor: Actor, data: PersonInput, *, today: dt.date,
                  allow_duplicates: bool = False) -> PersonDetail:
    """Raises PersonValidationError (every wrong field) or PossibleDuplicate (unless allowed)."""
    with store.unit_of_work(actor) as session:
        values = _clean(data, today, _site_checker(session))
        values["site_id"] = values["site_id"] or actor.site_id
        values["first_contact_date"] = values["first_contact_date"] or today
        if not allow_duplicates:
            candidates = duplicate_candidates(session, _probe(values))
            if candidates:
                raise PossibleDuplicate(candidates)
        row = Person(**values)
        session.add(row)
        session.flush()
        return _detail(row)


def _editable_person(session, person_id: str) -> Person:
    row = session.get(Person, person_id) if person_id else None
    if row is None or row.deleted_at is not None:
        raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
    if row.merged_into_id:
        raise UserError(N_("This record was merged into another person's record; open and edit that one instead."))
    if row.erased_at is not None:
        raise UserError(N_("This person's data was erased; the record cannot be edited."))
    return row


def update_person(store: Store, actor: Actor, person_id: str, data: PersonInput, *, today: dt.date) -> PersonDetail:
    """Saves the form over the record; fields it does not hold (ESF exit answers) stay."""
    with store.unit_of_work(actor) as session:
        row = _editable_person(session, person_id)
        values = _clean(data, today, _site_checker(session))
        values["site_id"] = values["site_id"] or row.site_id
        values["first_contact_date"] = values["first_contact_date"] or row.first_contact_date
        for column, value in values.items():
            if getattr(row, column) != value:  # untouched fields stay out of sync's change log
                setattr(row, column, value)
        session.flush()
        return _detail(row)


def get_person(store: Store, person_id: str, *, include_deleted: bool = False) -> PersonDetail | None:
    """The record, also when merged away or erased (see `merged_into_id`, `erased_at`)."""
    with store.reader() as session:
        row = session.get(Person, person_id) if person_id else None
        if row is None or (row.deleted_at is not None and not include_deleted):
            return None
        return _detail(row)
