"""The session lists: my sessions with week and month totals, all sessions filtered and paged."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.services.mentoring import listing
from sociolab_desktop.core.services.mentoring import sessions as s
from sociolab_desktop.core.services.mentoring.time_rules import Period


def test_my_sessions_has_totals_by_week_and_month(mentoring):
    organisation_id = mentoring.organisation()
    other = mentoring.organisation("Socialno podjetje Čebelica")
    # Week of 22-28 Feb spans February only; week of 1-7 March; 50 minutes count 0.75 h.
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 2, 26), ends=dt.time(9, 50))
    mentoring.session(organisation_id=other, session_date=dt.date(2021, 3, 1), starts=dt.time(13), ends=dt.time(15))
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 5),
                      mentor_ids=[mentoring.mentor_id, mentoring.second_mentor_id])
    mentoring.session(organisation_id=other, session_date=dt.date(2021, 3, 5), starts=dt.time(13),
                      ends=dt.time(14), mentor_ids=[mentoring.second_mentor_id])  # not mine
    gone = mentoring.session(organisation_id=other, session_date=dt.date(2021, 3, 2))
    s.delete_session(mentoring.store, mentoring.actor, gone.id)

    mine = listing.my_sessions(mentoring.store, mentoring.mentor_id, Period(dt.date(2021, 2, 1), dt.date(2021, 3, 31)))
    assert [row.session_date for row in mine.rows] == [dt.date(2021, 3, 5), dt.date(2021, 3, 1), dt.date(2021, 2, 26)]
    assert mine.total == listing.SessionTotals(3, 50 + 120 + 90, 0.75 + 2 + 1.5)
    assert [(w.period.first, w.sessions, w.hours) for w in mine.weeks] == [
        (dt.date(2021, 2, 22), 1, 0.75), (dt.date(2021, 3, 1), 2, 3.5)]
    assert [(m.period.first, m.sessions, m.minutes, m.hours) for m in mine.months] == [
        (dt.date(2021, 2, 1), 1, 50, 0.75), (dt.date(2021, 3, 1), 2, 210, 3.5)]
    assert mine.rows[0].mentor_names == ("Ćiril Đokić", "Mojca Žagar")


def test_a_late_evening_session_belongs_to_its_slovenian_day(mentoring):
    # 00:30 on 1 April in Slovenia is still 31 March in UTC.
    organisation_id = mentoring.organisation()
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 1), starts=dt.time(0, 30),
                      ends=dt.time(1, 30))
    mentoring.session(organisation_id=organisation_id, session_date=dt.date(2020, 4, 1), starts=dt.time(0, 30),
                      ends=dt.time(1, 30))
    march = listing.count_sessions(mentoring.store, listing.SessionFilter(date_from=dt.date(2021, 3, 1),
                                                                           date_to=dt.date(2021, 3, 31)))
    april = listing.count_sessions(mentoring.store, listing.SessionFilter(date_from=dt.date(2020, 4, 1),
                                                                           date_to=dt.date(2020, 4, 1)))
    assert (march.sessions, april.sessions) == (1, 1)


def test_all_sessions_filter_by_mentor_organisation_person_info_point_period_and_topic(mentoring):
    first, second = mentoring.organisation(), mentoring.organisation("Socialno podjetje Čebelica")
    person_id = mentoring.person()
    a = mentoring.session(organisation_id=first, session_date=dt.date(2021, 1, 11), topics=["marketing"])
    b = mentoring.session(organisation_id=second, person_ids=[person_id], session_date=dt.date(2021, 2, 1),
                          mentor_ids=[mentoring.second_mentor_id], topics=["financing", "social_impact"])
    c = mentoring.session(person_ids=[person_id], session_date=dt.date(2021, 3, 1),
                          mentor_ids=[mentoring.mentor_id, mentoring.second_mentor_id], topics=["marketing"])

    def ids(**filters):
        return [row.id for row in listing.list_sessions(mentoring.store, listing.SessionFilter(**filters))]

    assert ids() == [c.id, b.id, a.id]
    assert ids(mentor_id=mentoring.second_mentor_id) == [c.id, b.id]
    assert ids(organisation_id=first) == [a.id]
    assert ids(person_id=person_id) == [c.id, b.id]
    assert ids(topic="marketing") == [c.id, a.id]
    assert ids(topic="social_impact") == [b.id]
    assert ids(topic="impact") == []  # a whole value only
    assert ids(date_from=dt.date(2021, 2, 1), date_to=dt.date(2021, 3, 1)) == [c.id, b.id]  # both ends included
    assert ids(date_to=dt.date(2021, 1, 31)) == [a.id]
    assert ids(site_id=mentoring.actor.site_id) == [c.id, b.id, a.id]
    assert ids(site_id="elsewhere") == []
    assert ids(mentor_id=mentoring.second_mentor_id, topic="marketing") == [c.id]
    row = listing.list_sessions(mentoring.store, listing.SessionFilter(organisation_id=second))[0]
    assert (row.organisation_name, row.person_names, row.mentor_names, row.hours) == (
        "Socialno podjetje Čebelica", ("Ana Čeh",), ("Ćiril Đokić",), 1.5)


def test_pages_never_overlap_and_the_count_agrees(mentoring):
    organisation_id = mentoring.organisation()
    made = [mentoring.session(organisation_id=organisation_id, session_date=dt.date(2021, 3, 1) + dt.timedelta(days=i),
                              starts=dt.time(9), ends=dt.time(9, 45)).id for i in range(7)]
    pages = [listing.list_sessions(mentoring.store, offset=offset, limit=3) for offset in (0, 3, 6)]
    assert [row.id for page in pages for row in page] == list(reversed(made))
    assert listing.count_sessions(mentoring.store) == listing.SessionTotals(7, 7 * 45, 7 * 0.75)
