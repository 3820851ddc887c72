"""Merging duplicate persons and GDPR erasure: replicated operations that sync carries to every
info point (see core/store/replicated.py for what each PC does with them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields

from sqlalchemy import func, select

from sociolab_desktop.core.services.persons import PersonDetail, get_person
from sociolab_desktop.core.store import replicated
from sociolab_desktop.core.store.models import Base, Person, PersonErasure, PersonMerge, Site
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

# Fields staff may choose field by field when merging (what identifies and describes a person).
MERGEABLE_FIELDS = (
    "first_name", "last_name", "gender", "birth_date", "birth_year", "emso", "tax_number", "email",
    "phone", "street_address", "postal_code", "post_town", "municipality_code", "country_code",
    "preferred_language", "target_group", "first_contact_date", "labour_status", "isced_level",
    "jobless_household", "dependent_children", "single_adult_with_children", "migrant_or_minority",
    "disability", "other_disadvantage", "homeless_or_housing_excluded", "rural_area", "notes",
)


# Every table that refers to a person, by the count it adds to (a test keeps this complete).
LINK_TABLES = {
    "contact": "contacts", "consent": "consents", "registration": "registrations", "attendance": "attendance",
    "mentoring_session_person": "mentoring", "person_organisation_role": "roles", "certificate": "certificates",
    "job": "other", "competition_entry": "other",
}


@dataclass(frozen=True)
class PersonLinks:
    """How many live records refer to a person; all of them move to the survivor of a merge."""

    contacts: int = 0
    consents: int = 0
    registrations: int = 0
    attendance: int = 0
    mentoring: int = 0  # mentoring sessions the person took part in
    roles: int = 0  # roles in organisations
    certificates: int = 0
    other: int = 0  # jobs and competition entries

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class MergeCandidate:
    person: PersonDetail
    links: PersonLinks
    site_name: str | None  # the info point that registered the person


@dataclass(frozen=True)
class MergePreview:
    """Both records side by side, as the merge window shows them before anything changes."""

    first: MergeCandidate
    second: MergeCandidate

    def differing_fields(self) -> tuple[str, ...]:
        """The mergeable fields whose values differ: the ones staff may choose."""
        return tuple(name for name in MERGEABLE_FIELDS
                     if getattr(self.first.person, name) != getattr(self.second.person, name))


def _links(session, person_id: str) -> PersonLinks:
    counts: dict[str, int] = {}
    for table_name, name in LINK_TABLES.items():
        table = Base.metadata.tables[table_name]
        count = session.scalar(select(func.count()).select_from(table)
                               .where(table.c.person_id == person_id, table.c.deleted_at.is_(None)))
        counts[name] = counts.get(name, 0) + (count or 0)
    return PersonLinks(**counts)


def _mergeable(person: PersonDetail | None) -> PersonDetail:
    if person is None or person.is_deleted:
        raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
    if person.erased_at is not None:
        raise UserError(N_("This person's data was erased; an erased record cannot be merged."))
    if person.merged_into_id:
        raise UserError(N_("{name} was already merged into another record. Open that record and merge it "
                           "instead."), name=f"{person.first_name} {person.last_name}".strip())
    return person


def merge_preview(store: Store, first_id: str, second_id: str) -> MergePreview:
    """Both persons' data and how many records refer to each; refused (UserError) for one
    person twice, or a person who is deleted, erased or already merged."""
    if not first_id or first_id == second_id:
        raise UserError(N_("A person cannot be merged with themselves: choose two different records."))
    people = [_mergeable(get_person(store, person_id)) for person_id in (first_id, second_id)]
    with store.reader() as session:
        first, second = (
            MergeCandidate(person, _links(session, person.id),
                           session.scalar(select(Site.name).where(Site.id == person.site_id)) if person.site_id
                           else None)
            for person in people
        )
    return MergePreview(first, second)


def _live_person(session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
    if person.merged_into_id:
        raise UserError(N_("This person was already merged into another record."))
    if person.erased_at is not None:
        raise UserError(N_("This person's data was erased; the record cannot be merged."))
    return person


def merge_persons(
    store: Store,
    actor: Actor,
    survivor_id: str,
    loser_id: str,
    take_from_loser: Mapping[str, bool] | None = None,
) -> int:
    """Merge `loser` into `survivor`; fields named in `take_from_loser` take the loser's value.

    Every contact, consent, registration, attendance and mentoring link of the loser moves to
    the survivor. Returns how many references moved.
    """
    if survivor_id == loser_id:
        raise UserError(N_("Choose two different persons to merge."))
    with store.unit_of_work(actor) as session:
        survivor = _live_person(session, survivor_id)
        loser = _live_person(session, loser_id)
        for field, take in (take_from_loser or {}).items():
            if field not in MERGEABLE_FIELDS:
                raise UserError(N_("“{field}” cannot be chosen when merging."), field=field)
            if take:
                setattr(survivor, field, getattr(loser, field))
        session.add(PersonMerge(loser_id=loser_id, survivor_id=survivor_id))
        loser.merged_into_id = survivor_id
        session.flush()
        connection = session.connection().connection.dbapi_connection
        return replicated.apply_person_merges(connection)


def erase_person(store: Store, actor: Actor, person_id: str, today: dt.date | None = None) -> None:
    """Blank the person's personal data here and, through sync, everywhere; cannot be undone."""
    with store.unit_of_work(actor) as session:
        person = session.get(Person, person_id)
        if person is None:
            raise UserError(N_("The person was not found; the list may be out of date. Refresh it and try again."))
        if person.erased_at is not None:
            raise UserError(N_("This person's data was already erased."))
        session.add(PersonErasure(person_id=person_id, requested_on=today or dt.date.today()))
        session.flush()
        connection = session.connection().connection.dbapi_connection
        replicated.apply_person_erasures(connection)
        session.expire_all()
