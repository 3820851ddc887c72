"""The closed vocabularies of the domain, stored as their string values.

Labels for people live with the translation layer (`labels.py`), not here, so that a stored value
never changes when a label is reworded.
"""

from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"


class Answer(StrEnum):
    """ESF sensitive questions must allow "did not want to answer"."""

    YES = "yes"
    NO = "no"
    DECLINED = "declined"


class LabourStatus(StrEnum):
    EMPLOYED = "employed"
    SELF_EMPLOYED = "self_employed"
    UNEMPLOYED = "unemployed"
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"
    INACTIVE_IN_EDUCATION = "inactive_in_education"
    INACTIVE_NOT_IN_EDUCATION = "inactive_not_in_education"


class IscedLevel(StrEnum):
    ISCED_0 = "isced_0"
    ISCED_1 = "isced_1"
    ISCED_2 = "isced_2"
    ISCED_3 = "isced_3"
    ISCED_4 = "isced_4"
    ISCED_5 = "isced_5"
    ISCED_6 = "isced_6"
    ISCED_7 = "isced_7"
    ISCED_8 = "isced_8"


class TargetGroup(StrEnum):
    POTENTIAL_ENTREPRENEUR = "potential_entrepreneur"
    SOCIAL_ENTREPRENEUR = "social_entrepreneur"
    COOPERATIVE_MEMBER = "cooperative_member"
    INITIATIVE_MEMBER = "initiative_member"
    SUPPORT_STAFF = "support_staff"
    LOCAL_STAKEHOLDER = "local_stakeholder"
    UNEMPLOYED = "unemployed"
    STUDENT = "student"
    YOUNG_PERSON = "young_person"
    OLDER_PERSON = "older_person"
    VULNERABLE_GROUP = "vulnerable_group"
    PUBLIC = "public"


class LegalForm(StrEnum):
    SOCIAL_ENTERPRISE = "social_enterprise"
    COOPERATIVE = "cooperative"
    INSTITUTE = "institute"
    ASSOCIATION = "association"
    COMPANY = "company"
    INITIATIVE = "initiative"


class Stage(StrEnum):
    IDEA = "idea"
    INITIATIVE = "initiative"
    START_UP = "start_up"
    ESTABLISHED = "established"


class OrganisationRole(StrEnum):
    FOUNDER = "founder"
    EMPLOYEE = "employee"
    MEMBER = "member"
    CONTACT_PERSON = "contact_person"


class ConsentPurpose(StrEnum):
    DATA_PROCESSING = "data_processing"
    NEWSLETTER = "newsletter"
    PHOTOGRAPHS = "photographs"


class ConsentChannel(StrEnum):
    SIGNED_PAPER = "signed_paper"
    VERBAL = "verbal"
    EMAIL = "email"


class ContactChannel(StrEnum):
    VISIT = "visit"
    PHONE = "phone"
    EMAIL = "email"
    ONLINE = "online"


class ContactTopic(StrEnum):
    FOUNDING_SOCIAL_ENTERPRISE = "founding_social_enterprise"
    COOPERATIVE = "cooperative"
    LEGAL_FORM = "legal_form"
    FINANCING = "financing"
    VULNERABLE_EMPLOYMENT = "vulnerable_employment"
    BUSINESS_IDEA = "business_idea"
    TRAINING = "training"
    OTHER = "other"


class MentoringMode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    PHONE = "phone"


class MentoringTopic(StrEnum):
    BUSINESS_MODEL = "business_model"
    LEGAL_FORM = "legal_form"
    FINANCING = "financing"
    MARKETING = "marketing"
    COOPERATIVE_RULES = "cooperative_rules"
    VULNERABLE_EMPLOYMENT = "vulnerable_employment"
    SOCIAL_IMPACT = "social_impact"
    OTHER = "other"


class EnrolmentStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class EventType(StrEnum):
    TRAINING_PROGRAMME = "training_programme"
    WORKSHOP = "workshop"
    INFO_SESSION = "info_session"
    FAIR = "fair"
    COMPETITION = "competition"
    CONFERENCE = "conference"
    OTHER = "other"


class RegistrationStatus(StrEnum):
    REGISTERED = "registered"
    WAITING = "waiting"
    CANCELLED = "cancelled"


class JobKind(StrEnum):
    CREATED = "created"
    RETAINED = "retained"


class ContractType(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    PUBLIC_WORKS = "public_works"
    OTHER = "other"


class ProductStage(StrEnum):
    IDEA = "idea"
    PROTOTYPE = "prototype"
    PILOT = "pilot"
    ON_MARKET = "on_market"


class CompetitionKind(StrEnum):
    SOCIAL_INNOVATION = "social_innovation"
    ETHICAL_INVESTOR = "ethical_investor"


class DiagnosticArea(StrEnum):
    BUSINESS_MODEL = "business_model"
    GOVERNANCE = "governance"
    FINANCES = "finances"
    MARKETING = "marketing"
    SOCIAL_IMPACT = "social_impact"
    HUMAN_RESOURCES = "human_resources"
