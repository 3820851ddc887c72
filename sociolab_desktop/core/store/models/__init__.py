"""Every table of SocioLab Desk; importing this module registers them all on `Base.metadata`."""

from sociolab_desktop.core.store.models.base import Base, RecordMixin, utc_now
from sociolab_desktop.core.store.models.events import (
    Attendance,
    Certificate,
    Event,
    EventSession,
    Registration,
)
from sociolab_desktop.core.store.models.mentoring import (
    AgreedAction,
    Diagnostic,
    DiagnosticScore,
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    ProgrammeEnrolment,
)
from sociolab_desktop.core.store.models.outcomes import (
    Attachment,
    Competition,
    CompetitionEntry,
    Job,
    Product,
)
from sociolab_desktop.core.store.models.people import (
    Consent,
    Contact,
    Organisation,
    Person,
    PersonOrganisationRole,
    Site,
    StaffUser,
)

__all__ = [
    "AgreedAction", "Attachment", "Attendance", "Base", "Certificate", "Competition",
    "CompetitionEntry", "Consent", "Contact", "Diagnostic", "DiagnosticScore", "Event",
    "EventSession", "Job", "MentoringSession", "MentoringSessionMentor", "MentoringSessionPerson",
    "Organisation", "Person", "PersonOrganisationRole", "Product", "ProgrammeEnrolment",
    "RecordMixin", "Registration", "Site", "StaffUser", "utc_now",
]
