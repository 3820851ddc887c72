"""What people read for every stored choice of the domain: one table of N_ messages per enum,
shared by the windows, the documents, the results and the command line.

Stored values never change when a label is reworded (enums.py). A label is translated when shown,
with `label(tr, table, value)`. Where an enum is worded twice, the names say where each wording
goes: the plain table is a capitalised list item ("Fair / open day") for lists, filters and combo
boxes, `..._IN_SENTENCE` is the word inside a line ("fair", "registered"). A label that needs a
gettext context is a function of the Translator calling `tr.pgettext` with literal strings (N_
cannot carry a context, and extraction only sees literals); `translated` shows either kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from sociolab_desktop.core.domain.enums import (
    Answer,
    CompetitionKind,
    ConsentChannel,
    ConsentPurpose,
    ContactChannel,
    ContactTopic,
    ContractType,
    DiagnosticArea,
    EnrolmentStatus,
    EventType,
    Gender,
    IscedLevel,
    JobKind,
    LabourStatus,
    LegalForm,
    MentoringMode,
    MentoringTopic,
    OrganisationRole,
    ProductStage,
    RegistrationStatus,
    Stage,
    TargetGroup,
)
from sociolab_desktop.i18n import N_, Translator

Label = str | Callable[[Translator], str]  # an N_ message, or a function that translates with a context


def translated(tr: Translator, text: Label) -> str:
    return text(tr) if callable(text) else tr.gettext(text)


def label(tr: Translator, table: Mapping[str, Label], value: str | None) -> str:
    """The translated label of a stored value; "" for none, an unknown value (from a newer version) as stored."""
    if value is None or value == "":
        return ""
    text = table.get(value)
    return translated(tr, text) if text else str(value)


def label_list(tr: Translator, table: Mapping[str, Label], values: Iterable[str]) -> list[str]:
    return [label(tr, table, value) for value in values]


def labels(tr: Translator, table: Mapping[str, Label], values: Iterable[str]) -> str:
    """Several stored values in one line: "financing, marketing"."""
    return ", ".join(label_list(tr, table, values))


def title_in(language: str, title_sl: str, title_en: str | None) -> str:
    """An event's title in `language`; the Slovenian one stands in for a missing English one."""
    return title_en if language == "en" and title_en else title_sl


# --- a person's record ---------------------------------------------------------------------------

# The first item of every choice list of a person: nothing recorded yet (the field may stay empty).
NOT_RECORDED = N_("not recorded")

GENDERS = {
    Gender.FEMALE: N_("Female"),
    Gender.MALE: N_("Male"),
    Gender.NON_BINARY: N_("Non-binary"),
}
ANSWERS = {
    Answer.YES: N_("Yes"),
    Answer.NO: N_("No"),
    Answer.DECLINED: N_("Did not want to answer"),
}
LABOUR_STATUSES = {
    LabourStatus.EMPLOYED: N_("Employed"),
    LabourStatus.SELF_EMPLOYED: N_("Self-employed"),
    LabourStatus.UNEMPLOYED: N_("Unemployed"),
    LabourStatus.LONG_TERM_UNEMPLOYED: N_("Long-term unemployed"),
    LabourStatus.INACTIVE_IN_EDUCATION: N_("Inactive, in education or training"),
    LabourStatus.INACTIVE_NOT_IN_EDUCATION: N_("Inactive, not in education or training"),
}
ISCED_LEVELS = {
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
TARGET_GROUPS = {
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
# The ESF entry questions answered yes / no / did not want to answer, by field, grouped as on the form.
HOUSEHOLD_QUESTIONS = {
    "jobless_household": N_("Lives in a jobless household"),
    "dependent_children": N_("Household with dependent children"),
    "single_adult_with_children": N_("Single adult with dependent children"),
}
DISADVANTAGE_QUESTIONS = {
    "migrant_or_minority": N_("Migrant, foreign background or minority (incl. Roma)"),
    "disability": N_("Disability"),
    "other_disadvantage": N_("Other disadvantage"),
    "homeless_or_housing_excluded": N_("Homeless or excluded from housing"),
    "rural_area": N_("Lives in a rural area"),
}
ESF_QUESTIONS = {**HOUSEHOLD_QUESTIONS, **DISADVANTAGE_QUESTIONS}

# --- a person's history: consents, contacts, mentoring ---------------------------------------------

CONSENT_PURPOSES = {
    ConsentPurpose.DATA_PROCESSING: N_("Processing of personal data"),
    ConsentPurpose.NEWSLETTER: N_("Newsletter"),
    ConsentPurpose.PHOTOGRAPHS: N_("Photographs and video"),
}
CONSENT_CHANNELS = {
    ConsentChannel.SIGNED_PAPER: N_("Signed on paper"),
    ConsentChannel.VERBAL: N_("Verbally"),
    ConsentChannel.EMAIL: N_("By e-mail"),
}
CONTACT_CHANNELS = {
    ContactChannel.VISIT: N_("Visit"),
    ContactChannel.PHONE: N_("Phone call"),
    ContactChannel.EMAIL: N_("E-mail"),
    ContactChannel.ONLINE: N_("Online meeting"),
}
CONTACT_TOPICS = {
    ContactTopic.FOUNDING_SOCIAL_ENTERPRISE: N_("Founding a social enterprise"),
    ContactTopic.COOPERATIVE: N_("Cooperative"),
    ContactTopic.LEGAL_FORM: N_("Legal form"),
    ContactTopic.FINANCING: N_("Financing"),
    ContactTopic.VULNERABLE_EMPLOYMENT: N_("Employment of vulnerable groups"),
    ContactTopic.BUSINESS_IDEA: N_("Business idea"),
    ContactTopic.TRAINING: N_("Training"),
    ContactTopic.OTHER: N_("Other"),
}
# Lower case: modes and topics are listed inside a line ("financing, marketing"), also in documents.
MENTORING_MODES = {
    MentoringMode.IN_PERSON: N_("in person"),
    MentoringMode.ONLINE: N_("online"),
    MentoringMode.PHONE: N_("by phone"),
}
MENTORING_TOPICS = {
    MentoringTopic.BUSINESS_MODEL: N_("business model"),
    MentoringTopic.LEGAL_FORM: N_("legal form"),
    MentoringTopic.FINANCING: N_("financing"),
    MentoringTopic.MARKETING: N_("marketing"),
    MentoringTopic.COOPERATIVE_RULES: N_("cooperative rules"),
    MentoringTopic.VULNERABLE_EMPLOYMENT: N_("employment of vulnerable groups"),
    MentoringTopic.SOCIAL_IMPACT: N_("social impact"),
    MentoringTopic.OTHER: N_("other"),
}
DIAGNOSTIC_AREAS = {
    DiagnosticArea.BUSINESS_MODEL: N_("Business model"),
    DiagnosticArea.GOVERNANCE: N_("Governance and organisation"),
    DiagnosticArea.FINANCES: N_("Finances"),
    DiagnosticArea.MARKETING: N_("Marketing and sales"),
    DiagnosticArea.SOCIAL_IMPACT: N_("Social impact"),
    DiagnosticArea.HUMAN_RESOURCES: N_("People and skills"),
}

# --- organisations, roles and what support led to ------------------------------------------------

LEGAL_FORMS = {
    LegalForm.SOCIAL_ENTERPRISE: N_("Social enterprise"),
    LegalForm.COOPERATIVE: N_("Cooperative"),
    LegalForm.INSTITUTE: N_("Institute"),
    LegalForm.ASSOCIATION: N_("Association"),
    LegalForm.COMPANY: N_("Company"),
    LegalForm.INITIATIVE: N_("Initiative without legal form"),
}
LEGAL_FORMS_IN_SENTENCE = {
    LegalForm.SOCIAL_ENTERPRISE: N_("social enterprise"),
    LegalForm.COOPERATIVE: N_("cooperative"),
    LegalForm.INSTITUTE: N_("institute"),
    LegalForm.ASSOCIATION: N_("association"),
    LegalForm.COMPANY: N_("company"),
    LegalForm.INITIATIVE: N_("initiative without legal form"),
}
STAGES = {
    Stage.IDEA: N_("Idea"),
    Stage.INITIATIVE: N_("Initiative"),
    Stage.START_UP: N_("Start-up"),
    Stage.ESTABLISHED: N_("Established"),
}
ORGANISATION_ROLES = {
    OrganisationRole.FOUNDER: N_("Founder"),
    OrganisationRole.EMPLOYEE: N_("Employee"),
    OrganisationRole.MEMBER: N_("Member"),
    OrganisationRole.CONTACT_PERSON: N_("Contact person"),
}
ORGANISATION_ROLES_IN_SENTENCE = {  # "founder in Zadruga Dobrina"
    OrganisationRole.FOUNDER: N_("founder"),
    OrganisationRole.EMPLOYEE: N_("employee"),
    OrganisationRole.MEMBER: N_("member"),
    OrganisationRole.CONTACT_PERSON: N_("contact person"),
}
ENROLMENT_STATUSES = {
    EnrolmentStatus.ACTIVE: N_("active"),
    EnrolmentStatus.COMPLETED: N_("completed"),
    EnrolmentStatus.WITHDRAWN: N_("withdrawn"),
}
JOB_KINDS = {
    JobKind.CREATED: N_("job created"),
    JobKind.RETAINED: N_("job retained"),
}
JOB_KINDS_SHORT = {  # where the line already says it is a job (the records behind a result)
    JobKind.CREATED: N_("created"),
    JobKind.RETAINED: N_("retained"),
}
CONTRACT_TYPES = {
    ContractType.PERMANENT: N_("permanent contract"),
    ContractType.FIXED_TERM: N_("fixed-term contract"),
    ContractType.PUBLIC_WORKS: N_("public works"),
    ContractType.OTHER: N_("other contract"),
}
PRODUCT_STAGES = {
    ProductStage.IDEA: N_("idea"),
    ProductStage.PROTOTYPE: N_("prototype"),
    ProductStage.PILOT: N_("pilot"),
    ProductStage.ON_MARKET: N_("on the market"),
}
COMPETITION_KINDS = {
    CompetitionKind.SOCIAL_INNOVATION: N_("most socially innovative venture"),
    CompetitionKind.ETHICAL_INVESTOR: N_("most ethical investor"),
}
SITE_ROLES = {"lead_partner": N_("lead partner"), "info_point": N_("info point")}

# --- events -------------------------------------------------------------------------------------

EVENT_TYPES = {
    EventType.TRAINING_PROGRAMME: N_("Training programme"),
    EventType.WORKSHOP: N_("Workshop"),
    EventType.INFO_SESSION: N_("Info session"),
    EventType.FAIR: N_("Fair / open day"),
    EventType.COMPETITION: N_("Award competition"),
    EventType.CONFERENCE: N_("Conference"),
    EventType.OTHER: N_("Other event"),
}
EVENT_TYPES_IN_SENTENCE = {
    EventType.TRAINING_PROGRAMME: N_("training programme"),
    EventType.WORKSHOP: N_("workshop"),
    EventType.INFO_SESSION: N_("info session"),
    EventType.FAIR: N_("fair"),
    EventType.COMPETITION: N_("competition"),
    EventType.CONFERENCE: N_("conference"),
    EventType.OTHER: N_("event"),
}


def _registered(tr: Translator) -> str:
    """One person's status in a row ("Prijavljeni" would be plural, as over a count at the door)."""
    return tr.pgettext("registration status", "Registered")


REGISTRATION_STATUSES = {  # one person's registration, in a row of a list
    RegistrationStatus.REGISTERED: _registered,
    RegistrationStatus.WAITING: N_("Waiting list"),
    RegistrationStatus.CANCELLED: N_("Cancelled"),
}
REGISTRATION_STATUSES_IN_SENTENCE = {
    RegistrationStatus.REGISTERED: N_("registered"),
    RegistrationStatus.WAITING: N_("on the waiting list"),
    RegistrationStatus.CANCELLED: N_("cancelled"),
}
# The languages a document is printed in ("both": a certificate with both texts side by side).
DOCUMENT_LANGUAGES = {"sl": N_("Slovenian"), "en": N_("English"), "both": N_("Slovenian and English")}
