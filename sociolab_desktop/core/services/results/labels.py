"""What people read in results for stored codes (ESF answers and fields, job kinds, product stages,
site roles, ...), for info points and for erased persons. The words are the domain's
(core/domain/labels.py); results list codes of several kinds in one column, hence one lookup by code."""

from __future__ import annotations

from sociolab_desktop.core.domain import labels
from sociolab_desktop.core.domain.enums import EventType, IscedLevel
from sociolab_desktop.core.services.results.esf_sets import AGE
from sociolab_desktop.i18n import N_, Translator

NO_SITE_NAME = N_("No info point recorded")
UNKNOWN_SITE_NAME = N_("Info point not yet synced ({key})")
ERASED_NAME = N_("(personal data erased)")
ALL_INFO_POINTS = N_("all info points")

FIELD_LABELS = {
    "gender": N_("Gender"),
    AGE: N_("Date or year of birth"),
    "labour_status": N_("Labour-market status"),
    "isced_level": N_("Education (ISCED)"),
    **labels.ESF_QUESTIONS,
}
# Codes of different enums never share a value among these (a test keeps it so).
VALUE_LABELS: dict[str, str] = {
    **labels.GENDERS, **labels.ANSWERS, **labels.LABOUR_STATUSES, **labels.JOB_KINDS_SHORT,
    **labels.PRODUCT_STAGES, **labels.ENROLMENT_STATUSES, **labels.COMPETITION_KINDS, **labels.SITE_ROLES,
    **{kind: labels.EVENT_TYPES_IN_SENTENCE[kind] for kind in (EventType.FAIR, EventType.CONFERENCE)},
}
# "ISCED 3": the level's number reads the same in every language.
_ISCED_SHORT = {level.value: "ISCED " + level.value.rsplit("_", 1)[1] for level in IscedLevel}


def value_label(tr: Translator, value: str | None) -> str:
    """A stored code as a person reads it; empty for nothing recorded, the code itself if unknown."""
    if value in _ISCED_SHORT:
        return _ISCED_SHORT[value]
    return labels.label(tr, VALUE_LABELS, value)


def site_name(tr: Translator, site_id: str, name: str | None) -> str:
    if name:
        return name
    return tr.gettext(NO_SITE_NAME) if not site_id else tr.gettext(UNKNOWN_SITE_NAME).format(key=site_id[:8])


def scope_label(tr: Translator, site_id: str | None, names: dict[str, str]) -> str:
    """Which info points a report counts: all of them, or the one it is limited to."""
    if site_id is None:
        return tr.gettext(ALL_INFO_POINTS)
    return names.get(site_id) or site_name(tr, site_id, None)


def record_name(tr: Translator, name: str, erased: bool) -> str:
    return tr.gettext(ERASED_NAME) if erased and not name else name
