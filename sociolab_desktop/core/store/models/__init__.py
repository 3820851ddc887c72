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
    PersonErasure,
    PersonMerge,
    PersonOrganisationRole,
    Site,
    StaffUser,
)
from sociolab_desktop.core.store.models.sync import (
    SyncApplied,
    SyncConflict,
    SyncHeld,
    SyncRow,
    SyncState,
)

__all__ = [
    "AgreedAction", "Attachment", "Attendance", "Base", "Certificate", "Competition",
    "CompetitionEntry", "Consent", "Contact", "Diagnostic", "DiagnosticScore", "Event",
    "EventSession", "Job", "MentoringSession", "MentoringSessionMentor", "MentoringSessionPerson",
    "Organisation", "Person", "PersonErasure", "PersonMerge", "PersonOrganisationRole", "Product", "ProgrammeEnrolment",
    "RecordMixin", "Registration", "Site", "StaffUser", "SyncApplied", "SyncConflict", "SyncHeld",
    "SyncRow", "SyncState", "utc_now",
]
