"""What a person's window shows, read in one go off the GUI thread, and the state of their consent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from sociolab_desktop.core.domain.enums import ConsentPurpose
from sociolab_desktop.core.services.consents import ConsentRecord
from sociolab_desktop.core.services.organisation_roles import RoleLink
from sociolab_desktop.core.services.persons import PersonDetail
from sociolab_desktop.core.services.timeline import TimelineItem

# Merges point straight at the survivor; a short chain can exist for a moment mid-sync.
MAX_MERGE_HOPS = 10


class ConsentState(StrEnum):
    VALID = "valid"
    WITHDRAWN = "withdrawn"
    MISSING = "missing"


@dataclass(frozen=True)
class PersonPage:
    """`person` is the survivor when `requested_id` was merged away; None when not found."""

    requested_id: str
    person: PersonDetail | None
    consents: list[ConsentRecord] = field(default_factory=list)
    organisations: list[RoleLink] = field(default_factory=list)
    timeline: list[TimelineItem] = field(default_factory=list)
    site_names: dict[str, str] = field(default_factory=dict)
    staff_names: dict[str, str] = field(default_factory=dict)

    @property
    def was_merged(self) -> bool:
        return self.person is not None and self.person.id != self.requested_id

    def open_consents(self) -> list[ConsentRecord]:
        """Consents that can still be withdrawn."""
        return [record for record in self.consents if record.withdrawn_on is None]


def load_person_page(store, person_id: str) -> PersonPage:
    """In a worker: the person (followed to the survivor of a merge) and everything about them."""
    from sociolab_desktop.core.services import (
        consents,
        organisation_roles,
        persons,
        sites,
        staff,
        timeline,
    )

    person = persons.get_person(store, person_id)
    for _ in range(MAX_MERGE_HOPS):
        if person is None or not person.merged_into_id:
            break
        person = persons.get_person(store, person.merged_into_id)
    if person is None:
        return PersonPage(person_id, None)
    return PersonPage(
        requested_id=person_id,
        person=person,
        consents=consents.consents_of_person(store, person.id),
        organisations=organisation_roles.organisations_of_person(store, person.id),
        timeline=timeline.person_timeline(store, person.id),
        site_names={site.id: site.name for site in sites.list_sites(store)},
        staff_names={member.id: member.display_name for member in staff.list_staff(store, include_inactive=True)},
    )


def consent_state(records: list[ConsentRecord], today: dt.date) -> tuple[ConsentState, ConsentRecord | None]:
    """The state of consent to data processing (the one the programme needs), and the record
    that decides it: the valid one, else the latest withdrawn one."""
    relevant = [record for record in records if record.purpose == ConsentPurpose.DATA_PROCESSING]
    for record in relevant:  # newest first
        if record.is_valid_on(today):
            return ConsentState.VALID, record
    withdrawn = [record for record in relevant if record.withdrawn_on is not None and record.withdrawn_on <= today]
    if withdrawn:
        return ConsentState.WITHDRAWN, max(withdrawn, key=lambda record: record.withdrawn_on)
    return ConsentState.MISSING, None
