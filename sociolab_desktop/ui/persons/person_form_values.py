"""The person form's values: a saved person shown in the fields, and the fields read back as the
PersonInput the persons service checks (plus what the form itself could not read)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.persons import PersonDetail, PersonInput
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.forms.dates import parse_typed_date
from sociolab_desktop.ui.persons import field_names as names
from sociolab_desktop.ui.persons.municipality_picker import (
    NO_MATCH,
    CountryPicker,
    MunicipalityPicker,
)
from sociolab_desktop.ui.persons.person_form_fields import PersonFormFields

# A value the service refuses for that field, given in place of what could not be read (an
# impossible date, a country left out): the service then reports every other field in the same
# round and saves nothing; the form shows its own message at that field instead of the service's.
UNREADABLE_DATE = dt.date(9999, 12, 31)
UNREADABLE_COUNTRY = "?"


@dataclass(frozen=True)
class FormReading:
    data: PersonInput
    local_errors: tuple[FieldError, ...]  # what the form itself could not read


def show_new(fields: PersonFormFields, site_id: str | None, today: dt.date, tr: Translator) -> None:
    """An empty form for a new person: this info point, first contact today, documents in Slovenian."""
    fields.set_site(site_id)
    fields.set_text("first_contact_date", tr.format_date(today, "numeric"))
    fields.select(fields.language, "sl")


def show_person(fields: PersonFormFields, person: PersonDetail, tr: Translator) -> None:
    for slot in ("first_name", "last_name", "emso", "tax_number", "email", "phone", "street_address",
                 "postal_code", "post_town"):
        fields.set_text(slot, getattr(person, slot))
    if person.birth_date:
        fields.set_text("birth", tr.format_date(person.birth_date, "numeric"))
    else:
        fields.set_text("birth", str(person.birth_year) if person.birth_year else "")
    first_contact = person.first_contact_date
    fields.set_text("first_contact_date", tr.format_date(first_contact, "numeric") if first_contact else "")
    for combo, _labels in fields.choice_combos:
        fields.select(combo, getattr(person, combo.objectName()))
    fields.select(fields.language, person.preferred_language)
    abroad = person.country_code not in (None, "", "SI")
    fields.municipality.set_value(person.municipality_code, abroad)
    fields.country.set_value(person.country_code if abroad else None)
    fields.set_site(person.site_id)
    fields.incomplete.setChecked(bool(person.is_incomplete))
    fields.notes.setPlainText(person.notes or "")


def read_form(fields: PersonFormFields) -> FormReading:
    """The form as PersonInput (text as typed: the service trims and checks it)."""
    local: list[FieldError] = []
    birth = parse_typed_date(fields.text("birth"), year_alone=True)
    if not birth.readable:
        local.append(FieldError("birth_date", names.BIRTH_UNREADABLE, value=birth.text))
    contact = parse_typed_date(fields.text("first_contact_date"))
    if not contact.readable:
        local.append(FieldError("first_contact_date", names.DATE_UNREADABLE, value=contact.text))
    municipality, abroad = fields.municipality.value()
    country = "SI"
    if abroad:
        municipality, country = None, fields.country.value()
        if country is None:
            local.append(FieldError("country_code", names.COUNTRY_MISSING))
        elif country is NO_MATCH:
            local.append(FieldError("country_code", names.COUNTRY_UNKNOWN, value=fields.country.typed_text()))
        if country is None or country is NO_MATCH:
            country = UNREADABLE_COUNTRY
    values = {combo.objectName(): combo.currentData() for combo, _labels in fields.choice_combos}
    data = PersonInput(
        first_name=fields.text("first_name"), last_name=fields.text("last_name"),
        birth_date=birth.date if birth.readable else UNREADABLE_DATE, birth_year=birth.year,
        emso=fields.text("emso"), tax_number=fields.text("tax_number"), email=fields.text("email"),
        phone=fields.text("phone"), street_address=fields.text("street_address"),
        postal_code=fields.text("postal_code"), post_town=fields.text("post_town"),
        municipality_code=municipality, country_code=country,
        preferred_language=fields.language.currentData() or "sl",
        is_incomplete=fields.incomplete.isChecked(), notes=fields.notes.toPlainText(),
        first_contact_date=contact.date if contact.readable else UNREADABLE_DATE,
        site_id=fields.site_value(), **values,
    )
    return FormReading(data, tuple(local))


def snapshot(fields: PersonFormFields) -> tuple:
    """Everything the person can change, to tell whether anything was changed."""
    state = []
    for widget in fields.widgets.values():
        if isinstance(widget, MunicipalityPicker):
            state.append(widget.value())
        elif isinstance(widget, CountryPicker):
            value = widget.value()
            state.append(widget.typed_text() if value is NO_MATCH else value)
        elif widget is fields.site:
            state.append(fields.site_value())
        elif isinstance(widget, QComboBox):
            state.append(widget.currentData())
        elif isinstance(widget, QCheckBox):
            state.append(widget.isChecked())
        elif isinstance(widget, QPlainTextEdit):
            state.append(widget.toPlainText())
        else:
            state.append(widget.text())
    return tuple(state)
