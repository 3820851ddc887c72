"""Words for the stored values of a person's history: consents, contacts and timeline entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sociolab_desktop.core.domain.enums import (
    ConsentChannel,
    ConsentPurpose,
    ContactChannel,
    ContactTopic,
    EventType,
    MentoringMode,
    MentoringTopic,
    OrganisationRole,
    RegistrationStatus,
)
from sociolab_desktop.core.services.timeline import TimelineKind
from sociolab_desktop.i18n import N_, Translator

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
ROLES = {
    OrganisationRole.FOUNDER: N_("founder"),
    OrganisationRole.EMPLOYEE: N_("employee"),
    OrganisationRole.MEMBER: N_("member"),
    OrganisationRole.CONTACT_PERSON: N_("contact person"),
}
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
EVENT_TYPES = {
    EventType.TRAINING_PROGRAMME: N_("training programme"),
    EventType.WORKSHOP: N_("workshop"),
    EventType.INFO_SESSION: N_("info session"),
    EventType.FAIR: N_("fair"),
    EventType.COMPETITION: N_("competition"),
    EventType.CONFERENCE: N_("conference"),
    EventType.OTHER: N_("event"),
}
REGISTRATION_STATUSES = {
    RegistrationStatus.REGISTERED: N_("registered"),
    RegistrationStatus.WAITING: N_("on the waiting list"),
    RegistrationStatus.CANCELLED: N_("cancelled"),
}
TIMELINE_KINDS = {
    TimelineKind.CONTACT: N_("Contact"),
    TimelineKind.CONSENT_GIVEN: N_("Consent given"),
    TimelineKind.CONSENT_WITHDRAWN: N_("Consent withdrawn"),
    TimelineKind.REGISTERED: N_("Registration"),
    TimelineKind.REGISTRATION_CANCELLED: N_("Registration cancelled"),
    TimelineKind.ATTENDED: N_("Attendance"),
    TimelineKind.CERTIFICATE: N_("Certificate"),
    TimelineKind.MENTORING: N_("Mentoring"),
    TimelineKind.ROLE_STARTED: N_("Joined an organisation"),
    TimelineKind.ROLE_ENDED: N_("Left an organisation"),
    TimelineKind.DIAGNOSTIC: N_("Diagnostic assessment"),
    TimelineKind.PROGRAMME_STARTED: N_("Support programme started"),
    TimelineKind.PROGRAMME_ENDED: N_("Support programme ended"),
    TimelineKind.JOB: N_("Job"),
    TimelineKind.PRODUCT: N_("Socially innovative product"),
}


def label(tr: Translator, table: Mapping, value: str | None) -> str:
    """The translated label of a stored value; an unknown value (from a newer version) as stored."""
    if value is None:
        return ""
    text = table.get(value)
    return tr.gettext(text) if text else str(value)


def labels(tr: Translator, table: Mapping, values: Iterable[str]) -> str:
    return ", ".join(label(tr, table, value) for value in values)
