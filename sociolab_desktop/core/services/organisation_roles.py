"""Persons linked to an organisation with a role (founder, employee, member, contact person)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.domain.enums import OrganisationRole
from sociolab_desktop.core.domain.keys import organisation_role_key
from sociolab_desktop.core.services.fields import FieldErrors, clean_choice, collect
from sociolab_desktop.core.services.records import live_organisation, live_person
from sociolab_desktop.core.store.models import (
    Organisation,
    Person,
    PersonOrganisationRole,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


@dataclass(frozen=True)
class RoleLink:
    id: str
    person_id: str
    person_name: str
    organisation_id: str
    organisation_name: str
    role: str
    since: dt.date | None
    until: dt.date | None

    def is_current(self, today: dt.date) -> bool:
        return (self.since is None or self.since <= today) and (self.until is None or self.until >= today)


def _check_dates(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and until < since:
        raise FieldErrors([v.FieldError("until", N_("The end date {value} is before the start date {since}."),
                                        value=until, since=since)])


def _link(role: PersonOrganisationRole, person: Person, organisation: Organisation) -> RoleLink:
    return RoleLink(role.id, person.id, person.full_name, organisation.id, organisation.name, role.role,
                    role.since, role.until)


def link_person(store: Store, actor: Actor, organisation_id: str, person_id: str, role: str, *,
                since: dt.date | None = None, until: dt.date | None = None) -> RoleLink:
    """One record per (person, organisation, role) with a derived key: two PCs linking the same
    pair offline end with one record; linking again after an unlink brings the record back."""
    role = collect([("role", lambda: clean_choice(role, "role", OrganisationRole, required=True))])["role"]
    _check_dates(since, until)
    with store.unit_of_work(actor) as session:
        organisation = live_organisation(session, organisation_id)
        person = live_person(session, person_id)
        key = organisation_role_key(person.id, organisation.id, role)
        # Not only by key: after a merge the survivor's link may carry a key made from the duplicate.
        live = session.scalar(select(PersonOrganisationRole.id).where(
            PersonOrganisationRole.person_id == person.id, PersonOrganisationRole.organisation_id == organisation.id,
            PersonOrganisationRole.role == role, PersonOrganisationRole.deleted_at.is_(None)))
        row = session.get(PersonOrganisationRole, key)
        if live is not None:
            raise UserError(N_("{person} already has this role in “{organisation}”; change its dates instead."),
                            person=person.full_name, organisation=organisation.name)
        if row is None:
            row = PersonOrganisationRole(id=key, person_id=person.id, organisation_id=organisation.id, role=role)
            session.add(row)
        row.deleted_at, row.since, row.until = None, since, until
        session.flush()
        return _link(row, person, organisation)


def _live_role(session: Session, role_id: str) -> PersonOrganisationRole:
    row = session.get(PersonOrganisationRole, role_id)
    if row is None or row.deleted_at is not None:
        raise UserError(N_("This link between a person and an organisation no longer exists; refresh the list."))
    return row


def change_role_dates(store: Store, actor: Actor, role_id: str, *, since: dt.date | None,
                      until: dt.date | None) -> RoleLink:
    _check_dates(since, until)
    with store.unit_of_work(actor) as session:
        row = _live_role(session, role_id)
        row.since, row.until = since, until
        return _link(row, session.get(Person, row.person_id), session.get(Organisation, row.organisation_id))


def unlink_person(store: Store, actor: Actor, role_id: str) -> None:
    """Soft delete (a link that ended is better kept with an end date: change_role_dates)."""
    with store.unit_of_work(actor) as session:
        _live_role(session, role_id).deleted_at = utc_now()


def _links(where):
    return (select(PersonOrganisationRole, Person, Organisation)
            .join(Person, Person.id == PersonOrganisationRole.person_id)
            .join(Organisation, Organisation.id == PersonOrganisationRole.organisation_id)
            .where(where, PersonOrganisationRole.deleted_at.is_(None), Person.deleted_at.is_(None),
                   Person.erased_at.is_(None), Person.merged_into_id.is_(None), Organisation.deleted_at.is_(None)))


def linked_persons(store: Store, organisation_id: str) -> list[RoleLink]:
    """The organisation's people, by surname in Slovenian order, then role."""
    query = _links(PersonOrganisationRole.organisation_id == organisation_id).order_by(
        Person.sort_key, PersonOrganisationRole.role, PersonOrganisationRole.id)
    with store.reader() as session:
        return [_link(*row) for row in session.execute(query)]


def organisations_of_person(store: Store, person_id: str) -> list[RoleLink]:
    query = _links(PersonOrganisationRole.person_id == person_id).order_by(
        Organisation.sort_key, PersonOrganisationRole.role, PersonOrganisationRole.id)
    with store.reader() as session:
        return [_link(*row) for row in session.execute(query)]
