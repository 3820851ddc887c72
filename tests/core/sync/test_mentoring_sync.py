"""Mentoring across offices: the same mentor or person added to a session on two PCs offline is one
link after sync, and both offices count the same hours."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import staff
from sociolab_desktop.core.services.mentoring import counting, sessions
from sociolab_desktop.core.services.mentoring.time_rules import Period
from sociolab_desktop.core.store.models import Person

NOW = dt.datetime(2021, 3, 20, 11)


def test_the_same_mentor_added_at_two_offices_is_one_link_after_exchange(offices, exchange):
    maribor, ptuj = offices[0], offices[1]
    mojca = staff.add_staff(maribor.ws.store, maribor.ws.actor, "Mojca Žagar", is_mentor=True).id
    ciril = staff.add_staff(maribor.ws.store, maribor.ws.actor, "Ćiril Đokić", is_mentor=True).id
    organisation_id = org.create_organisation(maribor.ws.store, maribor.ws.actor, org.OrganisationInput(
        name="Zadruga Đurđevka", legal_form="cooperative")).id
    with maribor.write() as session:
        person = Person(first_name="Ana", last_name="Čeh")
        session.add(person)
    data = sessions.SessionInput(session_date=dt.date(2021, 3, 15), starts=dt.time(9), ends=dt.time(10, 30),
                                 mode="in_person", mentor_ids=[mojca], organisation_id=organisation_id,
                                 topics=["financing"], summary="Finančni načrt.")
    record = sessions.record_session(maribor.ws.store, maribor.ws.actor, data, now=NOW)
    exchange(maribor, ptuj)

    # Offline, both offices add Ćiril as a second mentor and Ana as the person coached.
    both = sessions.SessionInput(**{**data.__dict__, "mentor_ids": [mojca, ciril], "person_ids": [person.id]})
    for office in (maribor, ptuj):
        sessions.update_session(office.ws.store, office.ws.actor, record.id, both, now=NOW)
    exchange(maribor, ptuj)

    for office in (maribor, ptuj):
        assert office.rows("SELECT staff_id, deleted_at FROM mentoring_session_mentor WHERE staff_id = :s",
                           s=ciril) == [(ciril, None)]
        assert office.scalar("SELECT count(*) FROM mentoring_session_person WHERE deleted_at IS NULL") == 1
        shown = sessions.get_session(office.ws.store, record.id)
        assert [m.name for m in shown.mentors] == ["Ćiril Đokić", "Mojca Žagar"]
        hours = counting.mentoring_hours(office.ws.store, Period.month(dt.date(2021, 3, 1)))
        assert (hours.hours, hours.mentor_hours) == (1.5, 3.0)
