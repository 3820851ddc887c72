"""Words for the stored values of organisations and their roles, jobs, products and programme.

Stored values never change when a label is reworded (see core/domain/enums.py); every label is
an N_ string translated when shown. Contacts, mentoring and consents are worded by
ui/persons/history_labels.py, shared with the person's window.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox

from sociolab_desktop.i18n import N_, Translator

LEGAL_FORMS = {
    "social_enterprise": N_("Social enterprise"),
    "cooperative": N_("Cooperative"),
    "institute": N_("Institute"),
    "association": N_("Association"),
    "company": N_("Company"),
    "initiative": N_("Initiative without legal form"),
}
STAGES = {
    "idea": N_("Idea"),
    "initiative": N_("Initiative"),
    "start_up": N_("Start-up"),
    "established": N_("Established"),
}
ROLES = {
    "founder": N_("Founder"),
    "employee": N_("Employee"),
    "member": N_("Member"),
    "contact_person": N_("Contact person"),
}
ENROLMENT_STATUSES = {
    "active": N_("active"),
    "completed": N_("completed"),
    "withdrawn": N_("withdrawn"),
}
CONTRACT_TYPES = {
    "permanent": N_("permanent contract"),
    "fixed_term": N_("fixed-term contract"),
    "public_works": N_("public works"),
    "other": N_("other contract"),
}
PRODUCT_STAGES = {
    "idea": N_("idea"),
    "prototype": N_("prototype"),
    "pilot": N_("pilot"),
    "on_market": N_("on the market"),
}


def label(table: Mapping[str, str], value: str | None, tr: Translator) -> str:
    """The label of a stored value; an unknown value (from a newer version) is shown as it is."""
    if not value:
        return ""
    text = table.get(value)
    return tr.gettext(text) if text else value


def fill_combo(combo: QComboBox, table: Mapping[str, str], tr: Translator, *, first: str | None = None) -> None:
    """(Re)write a combo's items as `table`'s labels, keeping its choice; `first` is an extra
    first item (e.g. "Any legal form") whose data is None."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(tr.gettext(first), None)
    for value, text in table.items():
        combo.addItem(tr.gettext(text), value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
