"""Intake records travel between info points: roles linked twice offline end as one record."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.domain.keys import organisation_role_key
from sociolab_desktop.core.services import contacts
from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.store.models import Person


def _person(office) -> str:
    with office.write() as session:
        person = Person(first_name="Ana", last_name="Čeh")
        session.add(person)
    return person.id


def test_two_offices_linking_the_same_person_and_role_hold_one_record(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _person(maribor)
    organisation = org.create_organisation(maribor.ws.store, maribor.ws.actor,
                                           org.OrganisationInput(name="Zadruga Đurđevka", legal_form="cooperative"))
    exchange(maribor, ptuj)
    for office in (maribor, ptuj):  # both offline
        roles.link_person(office.ws.store, office.ws.actor, organisation.id, person_id, "founder",
                        since=dt.date(2019, 3, 1))
    roles.link_person(ptuj.ws.store, ptuj.ws.actor, organisation.id, person_id, "member")
    exchange(maribor, ptuj)
    founder = organisation_role_key(person_id, organisation.id, "founder")
    for office in (maribor, ptuj):
        assert office.scalar("SELECT count(*) FROM person_organisation_role WHERE role = 'founder'") == 1
        assert office.scalar("SELECT id FROM person_organisation_role WHERE role = 'founder'") == founder
        assert office.scalar("SELECT count(*) FROM sync_conflict") == 0  # same values: nothing to review
        links = roles.linked_persons(office.ws.store, organisation.id)
        assert sorted(link.role for link in links) == ["founder", "member"]


def test_an_unlink_at_one_office_reaches_the_other(offices, exchange):
    maribor, ptuj, _ = offices
    person_id = _person(maribor)
    organisation = org.create_organisation(maribor.ws.store, maribor.ws.actor,
                                           org.OrganisationInput(name="Društvo Čebelica", legal_form="association"))
    link = roles.link_person(maribor.ws.store, maribor.ws.actor, organisation.id, person_id, "contact_person")
    exchange(maribor, ptuj)
    assert len(roles.linked_persons(ptuj.ws.store, organisation.id)) == 1
    roles.unlink_person(ptuj.ws.store, ptuj.ws.actor, link.id)
    exchange(maribor, ptuj)
    assert roles.linked_persons(maribor.ws.store, organisation.id) == []


def test_an_organisation_and_its_contact_arrive_searchable(offices, exchange):
    maribor, ptuj, _ = offices
    organisation = org.create_organisation(maribor.ws.store, maribor.ws.actor,
                                           org.OrganisationInput(name="Zadruga Đurđevka", legal_form="cooperative"))
    contacts.record_contact(maribor.ws.store, maribor.ws.actor, contacts.ContactInput(
        contact_date=dt.date(2021, 3, 1), channel="visit", topics=["cooperative"], organisation_id=organisation.id,
        follow_up_on=dt.date(2021, 3, 10)), today=dt.date(2021, 3, 1))
    exchange(maribor, ptuj)
    found = org.list_organisations(ptuj.ws.store, org.OrganisationFilter(text="durdevka"))
    assert [row.id for row in found] == [organisation.id]
    [due] = contacts.follow_ups_due(ptuj.ws.store, dt.date(2021, 3, 10))
    assert (due.organisation_name, due.site_id, due.staff_name) == ("Zadruga Đurđevka", maribor.site_id,
                                                                     "Staff Maribor")
