"""Import of persons: a row's cells into a PersonInput, checked by persons.py, and its duplicates.

The rules are the intake form's (persons.validate_person) and the duplicate search's
(person_duplicates.py, one search for all rows); this module only reads cells. Within one file,
a row repeats an earlier one with the same EMŠO, the same e-mail, the same name and date of
birth, or the same name in the same municipality (the database search also finds very similar
names).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from sociolab_desktop.core.domain.enums import (
    Answer,
    Gender,
    IscedLevel,
    LabourStatus,
    TargetGroup,
)
from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services import persons
from sociolab_desktop.core.services.importing import cells
from sociolab_desktop.core.services.importing.dates import parse_date
from sociolab_desktop.core.services.importing.fields import (
    FULL_NAME,
    POSTAL_CODE_AND_TOWN,
    SURNAME_FIRST_NAME,
)
from sociolab_desktop.core.services.importing.rows import Converted, DuplicateMatch
from sociolab_desktop.core.services.importing.values import (
    to_choice,
    to_country_code,
    to_flag,
    to_language,
)
from sociolab_desktop.core.services.person_duplicates import (
    Progress,
    duplicate_candidates_many,
)
from sociolab_desktop.core.services.person_search import (
    DUPLICATE_REASON_LABELS,
    DuplicateProbe,
    DuplicateReason,
    search_words,
)
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.core.store.unit_of_work import Actor

REASON_LABELS = {reason.value: label for reason, label in DUPLICATE_REASON_LABELS.items()}
_CHOICES = {"gender": Gender, "target_group": TargetGroup, "labour_status": LabourStatus, "isced_level": IscedLevel,
            **{name: Answer for name in persons.ESF_ANSWER_FIELDS}}
_TEXTS = ("street_address", "municipality_code", "notes", "email")


def _split_name(value, surname_first: bool) -> tuple[str | None, str | None]:
    """"Ana Marija Novak" → ("Ana Marija", "Novak"): the last word is the surname (the first, for a
    "Priimek in ime" column). Double surnames need their own columns."""
    words = (cells.text(value) or "").split()
    if not words:
        return None, None
    if len(words) == 1:
        return (None, words[0]) if surname_first else (words[0], None)
    if surname_first:
        return " ".join(words[1:]), words[0]
    return " ".join(words[:-1]), words[-1]


def _names(raw: dict, given: dict, sources: dict) -> None:
    for target, surname_first in ((FULL_NAME, False), (SURNAME_FIRST_NAME, True)):
        if target in raw:
            first, last = _split_name(raw[target], surname_first)
            for name, value in (("first_name", first), ("last_name", last)):
                if not cells.text(raw.get(name)) and name not in given:
                    given[name], sources[name] = value or "", target
    for name in ("first_name", "last_name"):
        if name not in given:
            given[name] = cells.text(raw.get(name)) or ""


def _read(name: str, raw: dict, given: dict, sources: dict) -> None:
    """The column of target `name` into `given` (`raw`: every mapped cell, for the targets that
    defer to another column); FieldError when its value is not understood."""
    value = raw[name]
    if name == POSTAL_CODE_AND_TOWN:
        code, town = cells.postal_code_and_town(value)
        for target, part in (("postal_code", code), ("post_town", town)):
            if part and not cells.text(raw.get(target)):  # a column of its own wins when filled
                given[target], sources[target] = part, POSTAL_CODE_AND_TOWN
    elif name == "birth_date":
        if cells.is_bare_year(value) and not cells.text(raw.get("birth_year")):
            given["birth_year"], sources["birth_year"] = cells.year(value, "birth_year"), "birth_date"
        else:
            given["birth_date"] = parse_date(value, "birth_date")
    elif name == "birth_year":
        given.setdefault("birth_year", cells.year(value, "birth_year"))
    elif name == "emso":
        given["emso"] = cells.identifier(value, "emso", lengths=(13,))
    elif name == "tax_number":
        given["tax_number"] = cells.identifier(value, "tax_number")
    elif name == "phone":
        given["phone"] = cells.phone(value)
    elif name in ("postal_code", "post_town"):
        if cells.text(value) or name not in given:
            given[name] = cells.identifier(value, name)
    elif name == "country_code":
        given["country_code"] = to_country_code(cells.text(value)) or "SI"
    elif name == "preferred_language":
        given["preferred_language"] = to_language(cells.text(value)) or "sl"
    elif name == "is_incomplete":
        given["is_incomplete"] = to_flag(cells.text(value), name)
    elif name == "first_contact_date":
        given[name] = parse_date(value, name)
    elif name in _CHOICES:
        given[name] = to_choice(cells.text(value), name, _CHOICES[name])
    elif name in _TEXTS:
        given[name] = cells.text(value)


def convert(raw: dict) -> Converted:
    """`raw`: cells by target name (only the mapped ones). Every readable value goes into the
    PersonInput; each one that cannot be read becomes an error and is left out."""
    given: dict[str, object] = {}
    sources: dict[str, str] = {}
    errors: list[FieldError] = []
    _names(raw, given, sources)
    for name in raw:
        try:
            _read(name, raw, given, sources)
        except FieldError as error:
            errors.append(error)
    return Converted(persons.PersonInput(**given), errors, sources)


def validate(data: persons.PersonInput, today: dt.date) -> dict[str, object]:
    return persons.validate_person(data, today)


def file_keys(values: dict) -> list[tuple[tuple, str, bool]]:
    """(key, reason, blocking) under which two rows of one file are the same person."""
    keys: list[tuple[tuple, str, bool]] = []
    if values.get("emso"):
        keys.append((("emso", values["emso"]), DuplicateReason.SAME_EMSO.value, False))
    if values.get("email"):
        keys.append((("email", values["email"].casefold()), DuplicateReason.SAME_EMAIL.value, False))
    words = [*search_words(values["first_name"]), *search_words(values["last_name"])]
    if values.get("birth_date"):
        keys.append((("born", " ".join(words), values["birth_date"]), DuplicateReason.SAME_NAME_AND_BIRTH_DATE.value,
                     False))
    if values.get("municipality_code"):
        # Sorted words: "Novak Ana" is "Ana Novak" written surname first.
        keys.append((("lives", tuple(sorted(words)), values["municipality_code"]),
                     DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY.value, False))
    return keys


def display_name(values: dict) -> str:
    return f"{values['first_name']} {values['last_name']}"


def any_recorded(session) -> bool:
    """Whether any live person exists (if none, no row can duplicate one: the search is skipped)."""
    live = (Person.deleted_at.is_(None), Person.merged_into_id.is_(None), Person.erased_at.is_(None))
    return session.scalar(select(Person.id).where(*live).limit(1)) is not None


def database_matches_many(session, rows: list[dict], progress: Progress | None = None) -> list[list[DuplicateMatch]]:
    """The recorded persons each row may be: one search for all the rows of a file."""
    probes = [DuplicateProbe(first_name=values["first_name"], last_name=values["last_name"],
                             birth_date=values.get("birth_date"), emso=values.get("emso"), email=values.get("email"),
                             municipality_code=values.get("municipality_code"))
              for values in rows]
    return [[DuplicateMatch(name=f"{candidate.first_name} {candidate.last_name}",
                            reasons=tuple(reason.value for reason in candidate.reasons), existing_id=candidate.id)
             for candidate in candidates]
            for candidates in duplicate_candidates_many(session, probes, progress=progress)]


def new_record(values: dict, actor: Actor) -> Person:
    """The row to insert. Unlike the intake form, an empty first contact stays empty: an imported
    list of past participants are not clients who first came today."""
    return Person(**{**values, "site_id": values.get("site_id") or actor.site_id})
