"""Words of the merge window: each mergeable field's label, its value as staff read it, and the
kinds of linked records."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.domain.labels import (
    ANSWERS,
    DOCUMENT_LANGUAGES,
    ESF_QUESTIONS,
    GENDERS,
    ISCED_LEVELS,
    LABOUR_STATUSES,
    TARGET_GROUPS,
    label,
)
from sociolab_desktop.core.domain.municipalities import municipality_by_code
from sociolab_desktop.i18n import N_, Translator

# In the order of person_operations.MERGEABLE_FIELDS (a test keeps the two equal).
FIELD_LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Surname"),
    "gender": N_("Gender"),
    "birth_date": N_("Date of birth"),
    "birth_year": N_("Year of birth"),
    "emso": N_("EMŠO"),
    "tax_number": N_("Tax number"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "street_address": N_("Street and house number"),
    "postal_code": N_("Postal code"),
    "post_town": N_("Post office"),
    "municipality_code": N_("Municipality"),
    "country_code": N_("Country"),
    "preferred_language": N_("Language of documents"),
    "target_group": N_("Target group"),
    "first_contact_date": N_("First contact"),
    "labour_status": N_("Labour-market status"),
    "isced_level": N_("Education (ISCED)"),
    **ESF_QUESTIONS,
    "notes": N_("Notes"),
}

_CHOICES = {
    "gender": GENDERS,
    "labour_status": LABOUR_STATUSES,
    "isced_level": ISCED_LEVELS,
    "target_group": TARGET_GROUPS,
    **{name: ANSWERS for name in ESF_QUESTIONS},
}

# PersonLinks' counts, as the window lists them.
LINK_LABELS = (
    ("contacts", N_("Contacts")),
    ("consents", N_("Consents")),
    ("registrations", N_("Event registrations")),
    ("attendance", N_("Attendance at sessions")),
    ("mentoring", N_("Mentoring sessions")),
    ("roles", N_("Roles in organisations")),
    ("certificates", N_("Certificates")),
    ("other", N_("Jobs and competition entries")),
)

# A value wider than this is cut in its button; the whole text is in the tooltip.
SHORT_TEXT = 60


def value_text(tr: Translator, field: str, value) -> str:
    """The value as staff read it ("" when empty): labels for choices, dates in their language."""
    if value is None or value == "":
        return ""
    if field in _CHOICES:
        return label(tr, _CHOICES[field], value)
    if isinstance(value, dt.date):
        return tr.format_date(value)
    if field == "municipality_code":
        municipality = municipality_by_code(value)
        return municipality.name if municipality else str(value)
    if field == "country_code":
        from babel import Locale

        return Locale.parse(tr.babel_locale).territories.get(value, value)
    if field == "preferred_language":
        return label(tr, DOCUMENT_LANGUAGES, value)
    return str(value)  # names, numbers as typed (a year is not "1.985"), notes


def short_text(text: str) -> str:
    """One line of at most SHORT_TEXT characters (notes may hold paragraphs)."""
    line = " ".join(text.split())
    return line if len(line) <= SHORT_TEXT else line[: SHORT_TEXT - 1].rstrip() + "…"


def link_counts_text(tr: Translator, links) -> list[str]:
    """PersonLinks as phrases with their plural forms ("2 contacts"), the kinds that have any."""
    phrases = (
        ("contacts", lambda n: tr.ngettext("{count} contact", "{count} contacts", n)),
        ("consents", lambda n: tr.ngettext("{count} consent", "{count} consents", n)),
        ("registrations", lambda n: tr.ngettext("{count} event registration", "{count} event registrations", n)),
        ("attendance", lambda n: tr.ngettext("{count} session attended", "{count} sessions attended", n)),
        ("mentoring", lambda n: tr.ngettext("{count} mentoring session", "{count} mentoring sessions", n)),
        ("roles", lambda n: tr.ngettext("{count} role in an organisation", "{count} roles in organisations", n)),
        ("certificates", lambda n: tr.ngettext("{count} certificate", "{count} certificates", n)),
        ("other", lambda n: tr.ngettext("{count} job or competition entry", "{count} jobs or competition entries",
                                        n)),
    )
    return [phrase(getattr(links, name)).format(count=tr.format_number(getattr(links, name)))
            for name, phrase in phrases if getattr(links, name)]
