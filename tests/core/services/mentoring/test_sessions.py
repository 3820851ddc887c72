"""Mentoring sessions: what is recorded, what is refused, what is warned, edits and copies."""

from __future__ import annotations

import datetime as dt

import pytest
from mentoring_helpers import NOW, TODAY
from sqlalchemy import select

from sociolab_desktop.core.domain.keys import mentor_link_key
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import person_operations, staff
from sociolab_desktop.core.services.mentoring import sessions as s
from sociolab_desktop.core.services.mentoring.checks import (
    ConfirmationNeeded,
    SessionValidationError,
)
from sociolab_desktop.core.store.models import MentoringSession, MentoringSessionMentor
from sociolab_desktop.errors import UserError


def _fields(error) -> list[str]:
    return [item.field for item in (error.errors if hasattr(error, "errors") else error.warnings)]


def test_a_session_records_parties_mentors_topics_actions_and_hours(mentoring):
    organisation_id = mentoring.organisation()
    person_id = mentoring.person()
    record = mentoring.session(
        organisation_id=organisation_id, person_ids=[person_id, person_id],
        mentor_ids=[mentoring.mentor_id, mentoring.second_mentor_id], place="Prostori IT Ptuj",
        topics=["marketing", "business_model", "marketing"], next_session_on=dt.date(2021, 4, 2),
        actions=[s.ActionInput("Pripraviti cenik", "stranka", dt.date(2021, 3, 31)), s.ActionInput("")])
    assert (record.session_date, record.starts, record.ends) == (dt.date(2021, 3, 15), dt.time(9), dt.time(10, 30))
    assert (record.minutes, record.hours) == (90, 1.5)
    assert record.organisation_name == "Zadruga Đurđevka"
    assert [p.name for p in record.persons] == ["Ana Čeh"]
    assert [m.name for m in record.mentors] == ["Ćiril Đokić", "Mojca Žagar"]
    assert record.topics == ("business_model", "marketing")  # each once, in the list's order
    assert [(a.description, a.owner, a.due_on) for a in record.actions] == [
        ("Pripraviti cenik", "stranka", dt.date(2021, 3, 31))]  # the empty row is dropped
    assert record.site_id == mentoring.actor.site_id
    assert s.get_session(mentoring.store, record.id) == record


def test_times_are_stored_as_utc_and_read_back_as_slovenian_time(mentoring):
    record = mentoring.session(organisation_id=mentoring.organisation(), session_date=dt.date(2020, 7, 1))
    with mentoring.store.reader() as session:
        row = session.get(MentoringSession, record.id)
        assert (row.starts_at, row.ends_at) == (dt.datetime(2020, 7, 1, 7), dt.datetime(2020, 7, 1, 8, 30))
    assert record.starts == dt.time(9)


def test_a_session_with_neither_organisation_nor_person_is_refused(mentoring):
    with pytest.raises(SessionValidationError) as error:
        mentoring.session()
    assert _fields(error.value) == ["organisation_id"]


def test_an_end_before_the_start_is_refused(mentoring):
    with pytest.raises(SessionValidationError) as error:
        mentoring.session(organisation_id=mentoring.organisation(), starts=dt.time(11), ends=dt.time(10))
    assert _fields(error.value) == ["ends"]
    assert "10:00" in str(error.value) and "11:00" in str(error.value)


def test_a_session_dated_in_the_future_is_refused_but_today_is_fine(mentoring):
    organisation_id = mentoring.organisation()
    with pytest.raises(SessionValidationError) as error:
        mentoring.session(organisation_id=organisation_id, session_date=TODAY + dt.timedelta(days=1))
    assert _fields(error.value) == ["session_date"]
    assert mentoring.session(organisation_id=organisation_id, session_date=TODAY).session_date == TODAY


def test_every_wrong_field_is_reported_at_once(mentoring):
    with pytest.raises(SessionValidationError) as error:
        mentoring.session(organisation_id=mentoring.organisation(), mode="", mentor_ids=[], topics=["astrology"],
                          next_session_on=dt.date(2021, 3, 1),
                          actions=[s.ActionInput(None, owner="mentor"),
                                   s.ActionInput("Prijava na razpis", due_on=dt.date(2021, 3, 1))])
    assert sorted(_fields(error.value)) == sorted(["mode", "topics", "mentor_ids", "next_session_on",
                                                   "actions.0.description", "actions.1.due_on"])
    with mentoring.store.reader() as session:
        assert session.scalar(select(MentoringSession.id)) is None


def test_zero_minutes_needs_confirmation_and_saves_when_confirmed(mentoring):
    organisation_id = mentoring.organisation()
    with pytest.raises(ConfirmationNeeded) as warning:
        mentoring.session(organisation_id=organisation_id, ends=dt.time(9), confirmed=False)
    assert _fields(warning.value) == ["ends"]
    with mentoring.store.reader() as session:
        assert session.scalar(select(MentoringSession.id)) is None
    assert mentoring.session(organisation_id=organisation_id, ends=dt.time(9)).hours == 0


def test_over_twelve_hours_is_warned(mentoring):
    with pytest.raises(ConfirmationNeeded) as warning:
        mentoring.session(organisation_id=mentoring.organisation(), starts=dt.time(7), ends=dt.time(19, 30),
                          confirmed=False)
    assert _fields(warning.value) == ["ends"] and "750 minutes" in str(warning.value)


def test_a_session_of_today_ending_later_than_now_is_warned(mentoring):
    with pytest.raises(ConfirmationNeeded) as warning:
        mentoring.session(organisation_id=mentoring.organisation(), session_date=TODAY, starts=dt.time(11),
                          ends=dt.time(13), confirmed=False)  # now is 12:00 in Slovenia
    assert _fields(warning.value) == ["ends"]


def test_a_missing_summary_and_a_staff_member_without_the_mentor_role_are_warned(mentoring):
    clerk = staff.add_staff(mentoring.store, mentoring.actor, "Nina Šuštar").id
    with pytest.raises(ConfirmationNeeded) as warning:
        mentoring.session(organisation_id=mentoring.organisation(), summary="  ", mentor_ids=[clerk], confirmed=False)
    assert sorted(_fields(warning.value)) == ["mentor_ids", "summary"]
    assert "Nina Šuštar" in str(warning.value)


def test_the_same_mentor_in_overlapping_sessions_is_warned_and_allowed(mentoring):
    first = mentoring.organisation()
    second = mentoring.organisation("Socialno podjetje Čebelica")
    mentoring.session(organisation_id=first)
    data = mentoring.input(organisation_id=second, starts=dt.time(10), ends=dt.time(11))
    warnings = s.check_session(mentoring.store, data, now=NOW)
    assert _fields(ConfirmationNeeded(warnings)) == ["mentor_ids"]
    assert "Mojca Žagar" in str(warnings[0]) and "09:00–10:30" in str(warnings[0])
    with pytest.raises(ConfirmationNeeded):
        s.record_session(mentoring.store, mentoring.actor, data, now=NOW)
    assert s.record_session(mentoring.store, mentoring.actor, data, confirmed=True, now=NOW).hours == 1.0
    # Back to back is no overlap; another mentor at the same time is none either.
    assert s.check_session(mentoring.store, mentoring.input(organisation_id=second, starts=dt.time(11),
                                                            ends=dt.time(12)), now=NOW) == []
    assert s.check_session(mentoring.store, mentoring.input(organisation_id=second,
                                                            mentor_ids=[mentoring.second_mentor_id]), now=NOW) == []


def test_editing_a_session_does_not_warn_about_its_own_time(mentoring):
    record = mentoring.session(organisation_id=mentoring.organisation())
    updated = s.update_session(mentoring.store, mentoring.actor, record.id,
                               mentoring.input(organisation_id=record.organisation_id, summary="Popravljeno."),
                               now=NOW)
    assert updated.summary == "Popravljeno."


def test_a_removed_mentor_comes_back_as_the_same_link_record(mentoring):
    both = [mentoring.mentor_id, mentoring.second_mentor_id]
    organisation_id = mentoring.organisation()
    record = mentoring.session(organisation_id=organisation_id, mentor_ids=both)

    def update(mentor_ids):
        return s.update_session(mentoring.store, mentoring.actor, record.id,
                                mentoring.input(organisation_id=organisation_id, mentor_ids=mentor_ids), now=NOW)

    assert [m.id for m in update([mentoring.mentor_id]).mentors] == [mentoring.mentor_id]
    assert len(update(both).mentors) == 2
    with mentoring.store.reader() as session:
        links = session.execute(select(MentoringSessionMentor.id, MentoringSessionMentor.deleted_at).where(
            MentoringSessionMentor.staff_id == mentoring.second_mentor_id)).all()
    assert [tuple(link) for link in links] == [
        (mentor_link_key(record.id, mentoring.second_mentor_id), None)]


def test_a_merged_person_is_recorded_as_the_survivor_and_only_once(mentoring):
    survivor, duplicate = mentoring.person(), mentoring.person()
    person_operations.merge_persons(mentoring.store, mentoring.actor, survivor, duplicate)
    record = mentoring.session(person_ids=[duplicate, survivor])
    assert [p.id for p in record.persons] == [survivor]


def test_a_deleted_organisation_cannot_be_coached(mentoring):
    organisation_id = mentoring.organisation()
    org.delete_organisation(mentoring.store, mentoring.actor, organisation_id)
    with pytest.raises(UserError):
        mentoring.session(organisation_id=organisation_id)


def test_a_deleted_session_is_gone(mentoring):
    record = mentoring.session(organisation_id=mentoring.organisation())
    s.delete_session(mentoring.store, mentoring.actor, record.id)
    assert s.get_session(mentoring.store, record.id) is None
    with pytest.raises(UserError):
        s.delete_session(mentoring.store, mentoring.actor, record.id)


def test_actions_keep_their_records_when_the_session_is_edited(mentoring):
    organisation_id = mentoring.organisation()
    record = mentoring.session(organisation_id=organisation_id, actions=[
        s.ActionInput("Pripraviti cenik", due_on=dt.date(2021, 3, 30)), s.ActionInput("Poklicati banko")])
    kept, dropped = record.actions
    done = s.set_action_done(mentoring.store, mentoring.actor, kept.id)
    assert done.is_done
    updated = s.update_session(mentoring.store, mentoring.actor, record.id, mentoring.input(
        organisation_id=organisation_id, actions=[s.ActionInput("Pripraviti cenik za trgovine", id=kept.id,
                                                                due_on=kept.due_on, is_done=True)]), now=NOW)
    assert [(a.id, a.description, a.is_done) for a in updated.actions] == [
        (kept.id, "Pripraviti cenik za trgovine", True)]
    with pytest.raises(UserError):
        s.set_action_done(mentoring.store, mentoring.actor, dropped.id)


def test_copy_last_session_prefills_the_next_session_from_the_mentors_latest_one(mentoring):
    organisation_id, person_id = mentoring.organisation(), mentoring.person()
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 1), topics=["legal_form"])
    mentoring.session(organisation_id=organisation_id, person_ids=[person_id], session_date=dt.date(2021, 3, 10),
                      mentor_ids=[mentoring.mentor_id, mentoring.second_mentor_id], mode="online",
                      place="Zoom", topics=["marketing", "financing"], starts=dt.time(14), ends=dt.time(15, 15),
                      next_session_on=dt.date(2021, 3, 18), actions=[s.ActionInput("Objaviti oglas")])
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 12),
                      mentor_ids=[mentoring.second_mentor_id])  # another mentor's, later
    copy = s.copy_last_session(mentoring.store, mentoring.mentor_id, organisation_id=organisation_id, now=NOW)
    assert copy == s.SessionInput(
        session_date=dt.date(2021, 3, 18), starts=dt.time(14), ends=dt.time(15, 15), mode="online",
        mentor_ids=(mentoring.second_mentor_id, mentoring.mentor_id), organisation_id=organisation_id,
        person_ids=(person_id,), place="Zoom", topics=("financing", "marketing"), site_id=mentoring.actor.site_id)
    # The copy saves as the next session once the summary is written.
    saved = s.record_session(mentoring.store, mentoring.actor,
                             s.SessionInput(**{**copy.__dict__, "summary": "Nadaljevanje."}), now=NOW)
    assert (saved.session_date, saved.hours) == (dt.date(2021, 3, 18), 1.25)


def test_copy_is_dated_today_when_the_planned_day_has_not_come_and_none_without_a_session(mentoring):
    organisation_id = mentoring.organisation()
    assert s.copy_last_session(mentoring.store, mentoring.mentor_id, organisation_id=organisation_id, now=NOW) is None
    mentoring.session(organisation_id=organisation_id, next_session_on=dt.date(2021, 4, 15))
    copy = s.copy_last_session(mentoring.store, mentoring.mentor_id, organisation_id=organisation_id, now=NOW)
    assert copy.session_date == TODAY and copy.summary is None and copy.actions == ()


def test_copy_by_person_uses_the_last_session_with_that_person(mentoring):
    person_id = mentoring.person()
    mentoring.session(person_ids=[person_id], topics=["cooperative_rules"])
    copy = s.copy_last_session(mentoring.store, mentoring.mentor_id, person_id=person_id, now=NOW)
    assert copy.person_ids == (person_id,) and copy.topics == ("cooperative_rules",)


def test_copy_leaves_out_a_person_erased_since(mentoring):
    organisation_id, kept, erased = mentoring.organisation(), mentoring.person(), mentoring.person("Eva", "Žnidar")
    mentoring.session(organisation_id=organisation_id, person_ids=[kept, erased])
    person_operations.erase_person(mentoring.store, mentoring.actor, erased)
    copy = s.copy_last_session(mentoring.store, mentoring.mentor_id, organisation_id=organisation_id, now=NOW)
    assert copy.person_ids == (kept,)


def test_an_action_of_another_session_is_recorded_as_a_new_one(mentoring):
    organisation_id = mentoring.organisation()
    first = mentoring.session(organisation_id=organisation_id, actions=[s.ActionInput("Poklicati banko")])
    theirs = first.actions[0]
    second = mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 16),
                               actions=[s.ActionInput("Poklicati banko znova", id=theirs.id)])
    assert second.actions[0].id != theirs.id
    assert s.get_session(mentoring.store, first.id).actions == (theirs,)
