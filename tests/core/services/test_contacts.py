"""Contacts: what may be recorded, edits, soft delete, follow-ups due, and each party's history."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.services import contacts as c
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import person_operations, staff
from sociolab_desktop.core.store.models import Contact, Person, Site
from sociolab_desktop.errors import UserError

TODAY = dt.date(2021, 3, 15)


def _person(ws, first="Ana", last="Čeh") -> str:
    with ws.store.unit_of_work(ws.actor) as session:
        person = Person(first_name=first, last_name=last)
        session.add(person)
    return person.id


def _organisation(ws, name="Zadruga Đurđevka") -> str:
    return org.create_organisation(ws.store, ws.actor, org.OrganisationInput(name=name, legal_form="cooperative")).id


def _input(**fields) -> c.ContactInput:
    values = {"contact_date": TODAY, "channel": "visit", "topics": ["financing"]}
    values.update(fields)
    return c.ContactInput(**values)


def _record(ws, today=TODAY, **fields) -> c.ContactRecord:
    return c.record_contact(ws.store, ws.actor, _input(**fields), today=today)


def test_a_contact_records_who_where_and_what(workspace):
    person_id = _person(workspace)
    organisation_id = _organisation(workspace)
    record = _record(workspace, person_id=person_id, organisation_id=organisation_id, channel="phone",
                     topics=["legal_form", "cooperative", "legal_form"], description="Vprašanja o zadrugi, Đurđa",
                     outcome="Poslali vzorec pravil", referral="ZRS Bistra Ptuj", follow_up_on=TODAY)
    assert (record.person_name, record.organisation_name) == ("Ana Čeh", "Zadruga Đurđevka")
    assert record.site_id == workspace.actor.site_id
    assert (record.staff_id, record.staff_name) == (workspace.actor.staff_id, "Mojca Žagar")
    assert record.topics == ("cooperative", "legal_form")  # each once, in the list's order
    assert record.description == "Vprašanja o zadrugi, Đurđa"
    assert c.get_contact(workspace.store, record.id) == record


def test_a_contact_with_only_an_organisation_is_fine(workspace):
    record = _record(workspace, organisation_id=_organisation(workspace))
    assert record.person_id is None and record.person_name is None


def test_a_contact_with_neither_person_nor_organisation_is_refused(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace)
    assert error.value.fields == ["person_id"]


def test_an_empty_topic_list_is_refused(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, person_id=_person(workspace), topics=[])
    assert error.value.fields == ["topics"]
    with pytest.raises(c.ContactValidationError):
        _record(workspace, person_id=_person(workspace), topics=["  "])


def test_unknown_topic_and_channel_are_refused(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, person_id=_person(workspace), topics=["financing", "astrology"], channel="pigeon")
    assert error.value.fields == ["channel", "topics"]
    assert "astrology" in str(error.value)


def test_a_contact_in_the_future_is_refused(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, person_id=_person(workspace), contact_date=TODAY + dt.timedelta(days=1))
    assert error.value.fields == ["contact_date"]
    assert _record(workspace, person_id=_person(workspace), contact_date=TODAY).contact_date == TODAY


def test_a_contact_without_a_date_is_refused(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, person_id=_person(workspace), contact_date=None)
    assert error.value.fields == ["contact_date"]


def test_a_follow_up_before_the_contact_is_refused(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, person_id=_person(workspace), follow_up_on=TODAY - dt.timedelta(days=1))
    assert error.value.fields == ["follow_up_on"]
    assert "before the contact" in str(error.value)


def test_all_wrong_fields_come_together(workspace):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, contact_date=TODAY + dt.timedelta(days=2), topics=[], follow_up_on=TODAY,
                referral="x" * 251)
    assert error.value.fields == ["contact_date", "topics", "person_id", "referral", "follow_up_on"]


def test_a_deleted_person_or_organisation_cannot_get_a_contact(workspace):
    person_id = _person(workspace)
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, person_id).deleted_at = dt.datetime(2021, 1, 1)
    with pytest.raises(UserError, match="person was not found"):
        _record(workspace, person_id=person_id)
    organisation_id = _organisation(workspace)
    org.delete_organisation(workspace.store, workspace.actor, organisation_id)
    with pytest.raises(UserError, match="organisation was not found"):
        _record(workspace, organisation_id=organisation_id)


def test_a_contact_for_a_merged_person_goes_to_the_survivor(workspace):
    survivor, loser = _person(workspace, "Ana", "Čeh"), _person(workspace, "Ana", "Ceh")
    person_operations.merge_persons(workspace.store, workspace.actor, survivor, loser)
    assert _record(workspace, person_id=loser).person_id == survivor


def test_a_contact_may_name_another_staff_member_and_info_point(workspace):
    colleague = staff.add_staff(workspace.store, workspace.actor, "Janez Kovačič")
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Site(id="ptuj-site", name="Informacijska točka Ptuj"))
    record = _record(workspace, person_id=_person(workspace), staff_id=colleague.id, site_id="ptuj-site")
    assert (record.staff_name, record.site_id) == ("Janez Kovačič", "ptuj-site")
    with pytest.raises(UserError):
        _record(workspace, person_id=_person(workspace), staff_id="nobody")


def test_an_edit_replaces_the_fields_and_keeps_who_recorded_it(workspace):
    person_id = _person(workspace)
    record = _record(workspace, person_id=person_id, follow_up_on=TODAY)
    c.set_follow_up_done(workspace.store, workspace.actor, record.id)
    edited = c.update_contact(workspace.store, workspace.actor, record.id,
                              _input(person_id=person_id, contact_date=TODAY - dt.timedelta(days=3),
                                     channel="email", topics=["training"], outcome="Prijava na delavnico",
                                     follow_up_on=TODAY + dt.timedelta(days=10)), today=TODAY)
    assert (edited.contact_date, edited.channel, edited.topics) == (TODAY - dt.timedelta(days=3), "email",
                                                                    ("training",))
    assert edited.outcome == "Prijava na delavnico"
    assert edited.staff_id == workspace.actor.staff_id and edited.site_id == workspace.actor.site_id
    assert not edited.follow_up_done  # a new follow-up date is a new follow-up


def test_an_edit_is_checked_like_a_new_contact(workspace):
    record = _record(workspace, person_id=_person(workspace))
    with pytest.raises(c.ContactValidationError) as error:
        c.update_contact(workspace.store, workspace.actor, record.id, _input(topics=[]), today=TODAY)
    assert error.value.fields == ["topics", "person_id"]


def test_deleting_a_contact_is_soft_and_it_leaves_the_lists(workspace):
    person_id = _person(workspace)
    record = _record(workspace, person_id=person_id, follow_up_on=TODAY)
    c.delete_contact(workspace.store, workspace.actor, record.id)
    assert c.get_contact(workspace.store, record.id) is None
    assert c.contacts_of_person(workspace.store, person_id) == []
    assert c.follow_ups_due(workspace.store, TODAY) == []
    with workspace.store.reader() as session:
        assert session.get(Contact, record.id).deleted_at is not None
    with pytest.raises(UserError):
        c.update_contact(workspace.store, workspace.actor, record.id, _input(person_id=person_id), today=TODAY)


def test_marking_a_follow_up_done_needs_a_follow_up(workspace):
    record = _record(workspace, person_id=_person(workspace))
    with pytest.raises(UserError, match="no follow-up"):
        c.set_follow_up_done(workspace.store, workspace.actor, record.id)


def test_follow_ups_due_are_open_ones_up_to_the_horizon_oldest_first(workspace):
    ana, bor = _person(workspace, "Ana", "Čeh"), _person(workspace, "Bor", "Žnidar")
    organisation_id = _organisation(workspace)
    day = TODAY - dt.timedelta(days=20)
    overdue = _record(workspace, person_id=ana, contact_date=day, follow_up_on=TODAY - dt.timedelta(days=2))
    due_today = _record(workspace, organisation_id=organisation_id, contact_date=day, follow_up_on=TODAY)
    soon = _record(workspace, person_id=bor, organisation_id=organisation_id, contact_date=day,
                   follow_up_on=TODAY + dt.timedelta(days=c.FOLLOW_UP_DAYS_AHEAD))
    _record(workspace, person_id=bor, contact_date=day, follow_up_on=TODAY + dt.timedelta(days=8))  # later
    done = _record(workspace, person_id=ana, contact_date=day, follow_up_on=TODAY - dt.timedelta(days=5))
    c.set_follow_up_done(workspace.store, workspace.actor, done.id)
    _record(workspace, person_id=ana, contact_date=day)  # no follow-up at all
    due = c.follow_ups_due(workspace.store, TODAY)
    assert [row.id for row in due] == [overdue.id, due_today.id, soon.id]
    assert [(row.person_name, row.organisation_name) for row in due] == [
        ("Ana Čeh", None), (None, "Zadruga Đurđevka"), ("Bor Žnidar", "Zadruga Đurđevka")]
    assert len(c.follow_ups_due(workspace.store, TODAY, days_ahead=0)) == 2
    c.set_follow_up_done(workspace.store, workspace.actor, done.id, done=False)
    assert c.follow_ups_due(workspace.store, TODAY)[0].id == done.id


def test_follow_ups_due_of_one_info_point(workspace):
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.add(Site(id="ptuj-site", name="Informacijska točka Ptuj"))
    ours = _record(workspace, person_id=_person(workspace), follow_up_on=TODAY)
    theirs = _record(workspace, person_id=_person(workspace), follow_up_on=TODAY, site_id="ptuj-site")
    assert [r.id for r in c.follow_ups_due(workspace.store, TODAY, site_id=workspace.actor.site_id)] == [ours.id]
    assert [r.id for r in c.follow_ups_due(workspace.store, TODAY, site_id="ptuj-site")] == [theirs.id]
    assert len(c.follow_ups_due(workspace.store, TODAY)) == 2


def test_follow_ups_of_a_deleted_person_are_not_due(workspace):
    person_id = _person(workspace)
    _record(workspace, person_id=person_id, follow_up_on=TODAY)
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, person_id).deleted_at = dt.datetime(2021, 1, 1)
    assert c.follow_ups_due(workspace.store, TODAY) == []


def test_history_of_a_person_and_of_an_organisation_is_newest_first(workspace):
    person_id = _person(workspace)
    organisation_id = _organisation(workspace)
    first = _record(workspace, person_id=person_id, contact_date=dt.date(2020, 1, 10))
    third = _record(workspace, person_id=person_id, organisation_id=organisation_id, contact_date=dt.date(2021, 2, 1))
    second = _record(workspace, person_id=person_id, contact_date=dt.date(2020, 6, 1))
    org_only = _record(workspace, organisation_id=organisation_id, contact_date=dt.date(2019, 5, 5))
    assert [r.id for r in c.contacts_of_person(workspace.store, person_id)] == [third.id, second.id, first.id]
    assert [r.id for r in c.contacts_of_organisation(workspace.store, organisation_id)] == [third.id, org_only.id]


def test_a_single_topic_passed_bare_is_one_topic(workspace):
    assert _record(workspace, person_id=_person(workspace), topics="financing").topics == ("financing",)


def test_no_party_means_no_history_not_every_contact_without_one(workspace):
    _record(workspace, organisation_id=_organisation(workspace))
    assert c.contacts_of_person(workspace.store, None) == []
    assert c.contacts_of_organisation(workspace.store, "") == []
