"""Merging two records of one person: the preview the merge window shows, and the merge itself."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import (
    attendance_key,
    coached_person_key,
    registration_key,
)
from sociolab_desktop.core.services import consents, contacts, person_search, persons
from sociolab_desktop.core.services.person_operations import (
    LINK_TABLES,
    MERGEABLE_FIELDS,
    PersonLinks,
    erase_person,
    merge_persons,
    merge_preview,
)
from sociolab_desktop.core.services.timeline import TimelineKind, person_timeline
from sociolab_desktop.core.store.models import (
    Attendance,
    Event,
    EventSession,
    MentoringSession,
    MentoringSessionPerson,
    Registration,
)
from sociolab_desktop.core.store.replicated import person_references
from sociolab_desktop.errors import UserError

TODAY = dt.date(2021, 6, 30)


def _person(ws, first: str, last: str, **values) -> str:
    data = persons.PersonInput(first_name=first, last_name=last, **values)
    return persons.create_person(ws.store, ws.actor, data, today=TODAY, allow_duplicates=True).id


def _links(ws, person_id: str, *, contacts_count: int, event_title: str) -> None:
    for day in range(contacts_count):
        contacts.record_contact(ws.store, ws.actor, contacts.ContactInput(
            contact_date=dt.date(2020, 1, 1 + day), channel="visit", topics=["other"], person_id=person_id),
            today=TODAY)
    consents.record_consent(ws.store, ws.actor, person_id, consents.ConsentInput(
        purpose="data_processing", text_version="2019-06", given_on=dt.date(2020, 1, 1), channel="signed_paper"),
        today=TODAY)
    with ws.store.unit_of_work(ws.actor) as session:
        event = Event(event_type="workshop", title_sl=event_title, title_en=event_title)
        session.add(event)
        session.flush()
        day = EventSession(event_id=event.id, session_date=dt.date(2020, 2, 3), starts_at=dt.time(9),
                           ends_at=dt.time(12), hours=3)
        mentoring = MentoringSession(starts_at=dt.datetime(2020, 3, 1, 8), ends_at=dt.datetime(2020, 3, 1, 9),
                                     mode="online", topics=["financing"])
        session.add_all([day, mentoring])
        session.flush()
        session.add_all([
            Registration(id=registration_key(event.id, person_id), event_id=event.id, person_id=person_id,
                         status="registered", registered_on=dt.date(2020, 1, 20), code=event_title[:3]),
            Attendance(id=attendance_key(day.id, person_id), event_session_id=day.id, person_id=person_id,
                       checked_in_at=dt.datetime(2020, 2, 3, 8, 55)),
            MentoringSessionPerson(id=coached_person_key(mentoring.id, person_id),
                                   mentoring_session_id=mentoring.id, person_id=person_id),
        ])


@pytest.fixture
def pair(workspace):
    """Ana Čeh (two contacts) and her duplicate Ana Ceh (one contact), each with a consent, a
    registration, an attendance and a mentoring session."""
    first = _person(workspace, "Ana", "Čeh", email="ana.ceh@example.com", birth_date=dt.date(1985, 6, 1),
                    gender="female")
    second = _person(workspace, "Ana", "Ceh", phone="041 123 456", birth_date=dt.date(1985, 6, 1),
                     gender="female", labour_status="unemployed")
    _links(workspace, first, contacts_count=2, event_title="Delavnica o zadrugah")
    _links(workspace, second, contacts_count=1, event_title="Sejem socialne ekonomije")
    return first, second


def test_link_tables_cover_every_reference_to_a_person():
    assert set(LINK_TABLES) == {table for table, _column in person_references()}
    assert set(LINK_TABLES.values()) <= {name for name in PersonLinks.__dataclass_fields__}


def test_preview_counts_each_persons_links_and_names_their_info_point(workspace, pair):
    preview = merge_preview(workspace.store, *pair)
    assert preview.first.person.last_name == "Čeh" and preview.second.person.last_name == "Ceh"
    assert preview.first.links == PersonLinks(contacts=2, consents=1, registrations=1, attendance=1, mentoring=1)
    assert preview.second.links.contacts == 1 and preview.second.links.total == 5
    assert preview.first.site_name == "Informacijska točka Maribor"


def test_preview_lists_only_the_fields_whose_values_differ(workspace, pair):
    differing = merge_preview(workspace.store, *pair).differing_fields()
    assert set(differing) == {"last_name", "email", "phone", "labour_status"}
    assert list(differing) == [name for name in MERGEABLE_FIELDS if name in differing]


def test_a_person_cannot_be_previewed_for_merging_with_themselves(workspace, pair):
    with pytest.raises(UserError, match="cannot be merged with themselves"):
        merge_preview(workspace.store, pair[0], pair[0])


def test_merged_erased_and_missing_persons_are_refused(workspace, pair):
    third = _person(workspace, "Ana", "Čeh-Novak")
    merge_persons(workspace.store, workspace.actor, pair[0], pair[1])
    with pytest.raises(UserError, match="already merged") as raised:
        merge_preview(workspace.store, pair[1], third)
    assert raised.value.values["name"] == "Ana Ceh"
    erase_person(workspace.store, workspace.actor, third, today=TODAY)
    with pytest.raises(UserError, match="erased"):
        merge_preview(workspace.store, pair[0], third)
    with pytest.raises(UserError, match="not found"):
        merge_preview(workspace.store, pair[0], "no-such-person")


def test_merge_moves_every_link_to_the_survivor_and_takes_the_chosen_values(workspace, pair):
    survivor, loser = pair
    merge_persons(workspace.store, workspace.actor, survivor, loser,
                  {"phone": True, "labour_status": True, "email": False})
    kinds = [item.kind for item in person_timeline(workspace.store, survivor)]
    assert kinds.count(TimelineKind.CONTACT) == 3
    assert kinds.count(TimelineKind.CONSENT_GIVEN) == 2
    assert kinds.count(TimelineKind.REGISTERED) == 2
    assert kinds.count(TimelineKind.ATTENDED) == 2
    assert kinds.count(TimelineKind.MENTORING) == 2
    assert person_timeline(workspace.store, loser) == []
    kept = persons.get_person(workspace.store, survivor)
    assert (kept.last_name, kept.email, kept.phone, kept.labour_status) == (
        "Čeh", "ana.ceh@example.com", "041 123 456", "unemployed")
    assert persons.get_person(workspace.store, loser).merged_into_id == survivor
    assert [row.id for row in person_search.search_persons(workspace.store, "ceh")] == [survivor]
    assert merge_preview(workspace.store, survivor, _person(workspace, "Bor", "Zver")).first.links.total == 11
