"""The data of the signed records: per session, per organisation and month, per mentor and month."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.mentoring_records import (
    RecordAction,
    RecordParty,
)
from sociolab_desktop.core.services.mentoring import record_builder as rb
from sociolab_desktop.core.services.mentoring import sessions as s
from sociolab_desktop.errors import UserError

LATER = dt.datetime(2021, 6, 1, 10)


def test_a_session_record_holds_everything_the_signed_page_prints(mentoring):
    organisation_id = mentoring.organisation(language="en", street_address="Trg svobode 1", postal_code="2000",
                                             post_town="Maribor")
    person_id = mentoring.person("Đurđa", "Šćepanović")
    record = mentoring.session(
        organisation_id=organisation_id, person_ids=[person_id], mentor_ids=[mentoring.second_mentor_id,
                                                                             mentoring.mentor_id],
        place="IT Maribor", topics=["legal_form"], summary="Izbira pravne oblike.", next_session_on=dt.date(2021, 4, 1),
        actions=[s.ActionInput("Pripraviti akt o ustanovitvi", "stranka", dt.date(2021, 3, 29))])
    data = rb.session_record(mentoring.store, record.id)
    assert data.language == "en"  # the organisation's language
    assert data.party == RecordParty(organisation_id, "Zadruga Đurđevka", None, "Trg svobode 1, 2000 Maribor")
    assert data.site_name == mentoring.ws.settings.site_name
    session = data.session
    assert (session.session_date, session.starts, session.ends, session.hours) == (
        dt.date(2021, 3, 15), dt.time(9), dt.time(10, 30), 1.5)
    assert (session.mentors, session.persons, session.topics) == (
        ("Ćiril Đokić", "Mojca Žagar"), ("Đurđa Šćepanović",), ("legal_form",))
    assert session.actions == (RecordAction("Pripraviti akt o ustanovitvi", "stranka", dt.date(2021, 3, 29), False),)
    assert (session.summary, session.next_session_on) == ("Izbira pravne oblike.", dt.date(2021, 4, 1))


def test_a_session_with_persons_only_takes_the_first_persons_language(mentoring):
    record = mentoring.session(person_ids=[mentoring.person(language="en")])
    data = rb.session_record(mentoring.store, record.id)
    assert (data.language, data.party.organisation_name) == ("en", None)


def test_the_monthly_record_lists_the_months_sessions_oldest_first_with_totals(mentoring):
    organisation_id = mentoring.organisation()
    other = mentoring.organisation("Socialno podjetje Čebelica")

    def session(day, ends, **fields):
        return mentoring.session(session_date=day, ends=ends, now=LATER, **fields)

    second = session(dt.date(2021, 3, 30), dt.time(9, 50), organisation_id=organisation_id,
                     mentor_ids=[mentoring.second_mentor_id])
    first = session(dt.date(2021, 3, 1), dt.time(10, 30), organisation_id=organisation_id)
    session(dt.date(2021, 4, 1), dt.time(10), organisation_id=organisation_id)  # next month
    session(dt.date(2021, 3, 2), dt.time(10), organisation_id=other)  # another organisation
    gone = session(dt.date(2021, 3, 3), dt.time(10), organisation_id=organisation_id)
    s.delete_session(mentoring.store, mentoring.actor, gone.id)
    data = rb.monthly_record(mentoring.store, organisation_id, dt.date(2021, 3, 17))
    assert (data.month_first, data.month_last) == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert [item.session_id for item in data.sessions] == [first.id, second.id]
    assert (data.total_sessions, data.total_minutes, data.total_hours) == (2, 90 + 50, 1.5 + 0.75)
    assert data.mentors == ("Ćiril Đokić", "Mojca Žagar")
    assert rb.monthly_record(mentoring.store, organisation_id, dt.date(2021, 5, 1)).sessions == ()
    assert rb.record_months(mentoring.store, organisation_id) == [dt.date(2021, 3, 1), dt.date(2021, 4, 1)]


def test_the_mentor_timesheet_credits_shared_sessions_in_full(mentoring):
    organisation_id = mentoring.organisation()
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 2),
                      mentor_ids=[mentoring.mentor_id, mentoring.second_mentor_id])
    mentoring.session(person_ids=[mentoring.person()], session_date=dt.date(2021, 3, 1), ends=dt.time(9, 20))
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 3),
                      mentor_ids=[mentoring.second_mentor_id])
    sheet = rb.mentor_timesheet(mentoring.store, mentoring.mentor_id, dt.date(2021, 3, 1))
    assert sheet.mentor_name == "Mojca Žagar"
    assert [(line.session_date, line.hours, line.organisation_name, line.persons, line.other_mentors)
            for line in sheet.lines] == [
        (dt.date(2021, 3, 1), 0.25, None, ("Ana Čeh",), ()),
        (dt.date(2021, 3, 2), 1.5, "Zadruga Đurđevka", (), ("Ćiril Đokić",))]
    assert (sheet.total_sessions, sheet.total_minutes, sheet.total_hours) == (2, 110, 1.75)
    with pytest.raises(UserError):
        rb.mentor_timesheet(mentoring.store, "nobody", dt.date(2021, 3, 1))
