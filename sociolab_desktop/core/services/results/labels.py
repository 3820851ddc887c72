"""What people read for the stored codes in results: ESF answers and fields, site roles, job kinds,
product stages. The same English message ids as the person form (ui/persons/person_labels.py),
so one translation serves both; the core cannot import the UI, hence this copy of the words."""

from __future__ import annotations

from sociolab_desktop.core.domain.enums import (
    Answer,
    CompetitionKind,
    EnrolmentStatus,
    EventType,
    Gender,
    IscedLevel,
    JobKind,
    LabourStatus,
    ProductStage,
)
from sociolab_desktop.core.services.results.esf_sets import AGE
from sociolab_desktop.i18n import N_, Translator

NOT_RECORDED = N_("not recorded")
NO_SITE_NAME = N_("No info point recorded")
UNKNOWN_SITE_NAME = N_("Info point not yet synced ({key})")
ERASED_NAME = N_("(personal data erased)")

QUESTION_LABELS = {
    "jobless_household": N_("Lives in a jobless household"),
    "dependent_children": N_("Household with dependent children"),
    "single_adult_with_children": N_("Single adult with dependent children"),
    "migrant_or_minority": N_("Migrant, foreign background or minority (incl. Roma)"),
    "disability": N_("Disability"),
    "other_disadvantage": N_("Other disadvantage"),
    "homeless_or_housing_excluded": N_("Homeless or excluded from housing"),
    "rural_area": N_("Lives in a rural area"),
}
FIELD_LABELS = {
    "gender": N_("Gender"),
    AGE: N_("Date or year of birth"),
    "labour_status": N_("Labour-market status"),
    "isced_level": N_("Education (ISCED)"),
    **QUESTION_LABELS,
}
VALUE_LABELS = {
    Gender.FEMALE.value: N_("Female"),
    Gender.MALE.value: N_("Male"),
    Gender.NON_BINARY.value: N_("Non-binary"),
    Answer.YES.value: N_("Yes"),
    Answer.NO.value: N_("No"),
    Answer.DECLINED.value: N_("Did not want to answer"),
    LabourStatus.EMPLOYED.value: N_("Employed"),
    LabourStatus.SELF_EMPLOYED.value: N_("Self-employed"),
    LabourStatus.UNEMPLOYED.value: N_("Unemployed"),
    LabourStatus.LONG_TERM_UNEMPLOYED.value: N_("Long-term unemployed"),
    LabourStatus.INACTIVE_IN_EDUCATION.value: N_("Inactive, in education or training"),
    LabourStatus.INACTIVE_NOT_IN_EDUCATION.value: N_("Inactive, not in education or training"),
    **{level.value: "ISCED " + level.value.rsplit("_", 1)[1] for level in IscedLevel},
    JobKind.CREATED.value: N_("created"),
    JobKind.RETAINED.value: N_("retained"),
    ProductStage.IDEA.value: N_("idea"),
    ProductStage.PROTOTYPE.value: N_("prototype"),
    ProductStage.PILOT.value: N_("pilot"),
    ProductStage.ON_MARKET.value: N_("on the market"),
    EnrolmentStatus.ACTIVE.value: N_("active"),
    EnrolmentStatus.COMPLETED.value: N_("completed"),
    EnrolmentStatus.WITHDRAWN.value: N_("withdrawn"),
    CompetitionKind.SOCIAL_INNOVATION.value: N_("most socially innovative venture"),
    CompetitionKind.ETHICAL_INVESTOR.value: N_("most ethical investor"),
    EventType.FAIR.value: N_("fair"),
    EventType.CONFERENCE.value: N_("conference"),
    "lead_partner": N_("lead partner"),
    "info_point": N_("info point"),
}


def value_label(tr: Translator, value: str | None) -> str:
    """A stored code as a person reads it; empty for nothing recorded, the code itself if unknown."""
    if value is None:
        return ""
    label = VALUE_LABELS.get(value)
    return tr.gettext(label) if label and not label.startswith("ISCED ") else (label or value)


def site_name(tr: Translator, site_id: str, name: str | None) -> str:
    if name:
        return name
    return tr.gettext(NO_SITE_NAME) if not site_id else tr.gettext(UNKNOWN_SITE_NAME).format(key=site_id[:8])


def record_name(tr: Translator, name: str, erased: bool) -> str:
    return tr.gettext(ERASED_NAME) if erased and not name else name
