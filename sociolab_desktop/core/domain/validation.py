"""Checks of what people type, with messages a person can act on, in their language.

Identifiers are checked by python-stdnum (never by hand); its messages are English, so each of
its errors is turned into our own translatable `UserError` that names the field and the value.
"""

from __future__ import annotations

import datetime as dt
import re

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.si import ddv, emso, maticna

from sociolab_desktop.core.domain.municipalities import find_municipality
from sociolab_desktop.errors import Text, UserError
from sociolab_desktop.i18n import N_

EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
# Deliberately loose: one "@", something before it, a dot in the domain. Mail servers decide
# the rest; a stricter pattern only refuses real addresses.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTAL_CODE = re.compile(r"^[1-9][0-9]{3}$")


class FieldError(UserError):
    """A UserError about one field, so a form can show it beside that field."""

    def __init__(self, field: str, message: str, **values) -> None:
        super().__init__(message, **values)
        self.field = field


def _stdnum_error(field: str, value: str, exc: ValidationError, label: Text) -> FieldError:
    if isinstance(exc, InvalidChecksum):
        message = N_("{label} {value} has a wrong check digit. Check it against the document.")
    elif isinstance(exc, InvalidLength):
        message = N_("{label} {value} has the wrong number of digits.")
    elif isinstance(exc, InvalidFormat):
        message = N_("{label} {value} may contain digits only.")
    elif isinstance(exc, InvalidComponent):
        message = N_("{label} {value} contains an impossible date or part.")
    else:
        message = N_("{label} {value} is not valid.")
    return FieldError(field, message, label=label, value=value)


def clean_emso(value: str | None) -> str | None:
    """A valid EMŠO (13 digits) or None when left empty."""
    raw = (value or "").strip()
    if not raw:
        return None
    try:
        return emso.validate(raw)
    except ValidationError as exc:
        raise _stdnum_error("emso", raw, exc, Text(N_("EMŠO"))) from exc


def check_emso_agrees(value: str | None, birth_date: dt.date | None, gender: str | None) -> None:
    """EMŠO encodes date of birth and sex; a form that says otherwise has a typo somewhere."""
    if not value:
        return
    if birth_date is not None and emso.get_birth_date(value) != birth_date:
        raise FieldError(
            "emso",
            N_("EMŠO {value} belongs to someone born on another day than the date of birth given."),
            value=value,
        )
    if gender in ("female", "male"):
        encoded = "male" if emso.get_gender(value) == "M" else "female"
        if encoded != gender:
            raise FieldError("emso", N_("EMŠO {value} does not agree with the gender given."), value=value)


def clean_tax_number(value: str | None, field: str = "tax_number") -> str | None:
    raw = (value or "").strip()
    if not raw:
        return None
    try:
        return ddv.validate(raw)
    except ValidationError as exc:
        raise _stdnum_error(field, raw, exc, Text(N_("Tax number"))) from exc


def clean_registration_number(value: str | None) -> str | None:
    raw = (value or "").strip()
    if not raw:
        return None
    try:
        return maticna.validate(raw)
    except ValidationError as exc:
        raise _stdnum_error("registration_number", raw, exc, Text(N_("Registration number"))) from exc


def clean_email(value: str | None, field: str = "email") -> str | None:
    raw = (value or "").strip()
    if not raw:
        return None
    if not _EMAIL.match(raw):
        raise FieldError(field, N_("“{value}” is not an e-mail address (it needs a name, “@” and a domain)."), value=raw)
    return raw


def clean_postal_code(value: str | None, country_code: str = "SI") -> str | None:
    raw = (value or "").strip()
    if not raw:
        return None
    if country_code == "SI" and not _POSTAL_CODE.match(raw):
        raise FieldError("postal_code", N_("Slovenian postal codes have 4 digits, e.g. 2000; “{value}” does not."), value=raw)
    return raw


def check_birth_date(value: dt.date | None, today: dt.date) -> None:
    if value is None:
        return
    if value > today:
        raise FieldError("birth_date", N_("The date of birth {value} is in the future."), value=value)
    if value < EARLIEST_BIRTH_DATE:
        raise FieldError("birth_date", N_("The date of birth {value} is before 1900."), value=value)


def clean_required_name(value: str | None, field: str, max_length: int) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise FieldError(field, N_("This field is required; enter a name."))
    if len(cleaned) > max_length:
        raise FieldError(field, N_("Too long: at most {limit} characters."), limit=max_length)
    return cleaned


def clean_country_code(value: str | None) -> str:
    """An ISO 3166 alpha-2 code; empty means Slovenia."""
    import pycountry  # loaded only when a form is saved

    code = (value or "SI").strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise FieldError("country_code", N_("“{value}” is not a country code (two letters, e.g. SI)."), value=code)
    return code


def clean_municipality(value: str | None, country_code: str) -> str | None:
    """The ISO code of a Slovenian municipality typed as a code or a name (either spelling)."""
    raw = (value or "").strip()
    if not raw:
        return None
    municipality = find_municipality(raw)
    if municipality is None:
        raise FieldError("municipality_code", N_("“{value}” is not a Slovenian municipality."), value=raw)
    if country_code != "SI":
        raise FieldError("municipality_code", N_("A municipality can be given only for an address in Slovenia."))
    return municipality.code
