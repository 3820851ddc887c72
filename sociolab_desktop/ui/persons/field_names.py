"""The person form's words: each field's name (also used in the error summary), section titles,
and the messages about what the form itself could not read."""

from __future__ import annotations

from sociolab_desktop.core.domain.labels import ESF_QUESTIONS
from sociolab_desktop.i18n import N_

ANSWER_FIELDS = tuple(ESF_QUESTIONS)

# Keyed by PersonInput field, except "birth": one field holds the date or the year of birth.
FIELD_LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "gender": N_("Gender"),
    "birth": N_("Date of birth"),
    "emso": N_("EMŠO"),
    "tax_number": N_("Tax number"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "street_address": N_("Street and number"),
    "postal_code": N_("Postal code and post office"),
    "post_town": N_("Post office"),
    "municipality_code": N_("Municipality"),
    "country_code": N_("Country"),
    "target_group": N_("Target group"),
    "preferred_language": N_("Documents in"),
    "site_id": N_("Info point"),
    "first_contact_date": N_("First contact"),
    "labour_status": N_("Labour-market status"),
    "isced_level": N_("Education (ISCED)"),
    **ESF_QUESTIONS,
    "is_incomplete": N_("Still to collect"),
    "notes": N_("Notes"),
}
# The service names fields as PersonInput does; these two are shown in one form field.
ERROR_SLOTS = {"birth_date": "birth", "birth_year": "birth"}

SECTION_TITLES = {
    "identity": N_("Identity"),
    "contact": N_("Address and contact"),
    "intake": N_("Intake"),
    "esf": N_("ESF entry data"),
    "notes": N_("Notes"),
}
SUBSECTION_TITLES = {
    "household": N_("Household situation"),
    "disadvantage": N_("Disadvantage"),
}

BIRTH_UNREADABLE = N_("“{value}” is not a date: type the date of birth as 27. 11. 1985, or the year alone (1985).")
DATE_UNREADABLE = N_("“{value}” is not a date: type it as 27. 11. 2026.")
COUNTRY_MISSING = N_("Choose the country of the address abroad.")
COUNTRY_UNKNOWN = N_("“{value}” is not a country in the list; type part of its name and pick it.")
