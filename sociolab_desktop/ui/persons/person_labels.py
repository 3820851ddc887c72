"""What staff read for each stored choice of a person's record (gender, ESF answers, groups).

Stored values never change when a label is reworded (core/domain/enums.py); the labels are
N_ strings translated when shown, so other windows of a person can use the same words.
"""

from __future__ import annotations

from sociolab_desktop.core.domain.enums import (
    Answer,
    Gender,
    IscedLevel,
    LabourStatus,
    TargetGroup,
)
from sociolab_desktop.i18n import N_

# The first item of every choice list: nothing recorded yet (the field may stay empty).
NOT_RECORDED = N_("not recorded")

GENDER_LABELS = {
    Gender.FEMALE: N_("Female"),
    Gender.MALE: N_("Male"),
    Gender.NON_BINARY: N_("Non-binary"),
}

ANSWER_LABELS = {
    Answer.YES: N_("Yes"),
    Answer.NO: N_("No"),
    Answer.DECLINED: N_("Did not want to answer"),
}

LABOUR_STATUS_LABELS = {
    LabourStatus.EMPLOYED: N_("Employed"),
    LabourStatus.SELF_EMPLOYED: N_("Self-employed"),
    LabourStatus.UNEMPLOYED: N_("Unemployed"),
    LabourStatus.LONG_TERM_UNEMPLOYED: N_("Long-term unemployed"),
    LabourStatus.INACTIVE_IN_EDUCATION: N_("Inactive, in education or training"),
    LabourStatus.INACTIVE_NOT_IN_EDUCATION: N_("Inactive, not in education or training"),
}

ISCED_LABELS = {
    IscedLevel.ISCED_0: N_("ISCED 0: less than primary education"),
    IscedLevel.ISCED_1: N_("ISCED 1: primary education"),
    IscedLevel.ISCED_2: N_("ISCED 2: lower secondary education"),
    IscedLevel.ISCED_3: N_("ISCED 3: upper secondary education"),
    IscedLevel.ISCED_4: N_("ISCED 4: post-secondary non-tertiary education"),
    IscedLevel.ISCED_5: N_("ISCED 5: short-cycle tertiary education"),
    IscedLevel.ISCED_6: N_("ISCED 6: bachelor's or equivalent"),
    IscedLevel.ISCED_7: N_("ISCED 7: master's or equivalent"),
    IscedLevel.ISCED_8: N_("ISCED 8: doctoral or equivalent"),
}

TARGET_GROUP_LABELS = {
    TargetGroup.POTENTIAL_ENTREPRENEUR: N_("Potential entrepreneur"),
    TargetGroup.SOCIAL_ENTREPRENEUR: N_("Social entrepreneur"),
    TargetGroup.COOPERATIVE_MEMBER: N_("Cooperative member"),
    TargetGroup.INITIATIVE_MEMBER: N_("Member of an initiative"),
    TargetGroup.SUPPORT_STAFF: N_("Staff of the support environment"),
    TargetGroup.LOCAL_STAKEHOLDER: N_("Local stakeholder"),
    TargetGroup.UNEMPLOYED: N_("Unemployed person or job seeker"),
    TargetGroup.STUDENT: N_("Student"),
    TargetGroup.YOUNG_PERSON: N_("Young person"),
    TargetGroup.OLDER_PERSON: N_("Older person"),
    TargetGroup.VULNERABLE_GROUP: N_("Member of a vulnerable group"),
    TargetGroup.PUBLIC: N_("General public"),
}

# The ESF entry questions answered yes / no / did not want to answer, grouped as on the form.
HOUSEHOLD_QUESTIONS = (
    ("jobless_household", N_("Lives in a jobless household")),
    ("dependent_children", N_("Household with dependent children")),
    ("single_adult_with_children", N_("Single adult with dependent children")),
)
DISADVANTAGE_QUESTIONS = (
    ("migrant_or_minority", N_("Migrant, foreign background or minority (incl. Roma)")),
    ("disability", N_("Disability")),
    ("other_disadvantage", N_("Other disadvantage")),
    ("homeless_or_housing_excluded", N_("Homeless or excluded from housing")),
    ("rural_area", N_("Lives in a rural area")),
)
