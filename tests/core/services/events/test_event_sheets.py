"""What an attendance sheet prints for a session: header data and the registered persons in
Slovenian order with organisation or municipality."""

from __future__ import annotations

import datetime as dt

import pytest
from event_days import DAY_1, DAY_2, DAY_3, TODAY

from sociolab_desktop.core.services import organisation_roles, organisations
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.core.services.events import sheets
from sociolab_desktop.errors import UserError


def test_the_sheet_lists_registered_persons_in_slovenian_order_with_organisation_or_municipality(kit):
    event_id, sessions = kit.programme(3, venue="Mestna hiša Ptuj", title_en="Training")
    cooperative = organisations.create_organisation(
        kit.store, kit.actor, organisations.OrganisationInput(name="Zadruga Dobrote", legal_form="cooperative")).id
    people = [kit.person("Žiga", "Šuštar", municipality_code="Ormož"), kit.person("Ana", "Cerar"),
              kit.person("Bojan", "Čeh", municipality_code="Maribor"), kit.person("Đurđa", "Đurđević"),
              kit.person("Cene", "Dolenc", municipality_code="Lenart")]
    organisation_roles.link_person(kit.store, kit.actor, cooperative, people[3], "founder", since=DAY_2)
    for person in people:
        rg.register_person(kit.store, kit.actor, event_id, person, today=TODAY)
    cancelled = rg.register_person(kit.store, kit.actor, event_id, kit.person("Eva", "Cankar")).registration
    rg.cancel_registration(kit.store, kit.actor, cancelled.id)
    first = sheets.attendance_sheet_data(kit.store, event_id, sessions[0])
    assert [(r.number, r.full_name, r.affiliation) for r in first.rows] == [
        (1, "Ana Cerar", ""), (2, "Bojan Čeh", "Maribor"), (3, "Cene Dolenc", "Lenart"),
        (4, "Đurđa Đurđević", ""), (5, "Žiga Šuštar", "Ormož")]
    assert (first.title_sl, first.title_en, first.venue, first.site_name) == (
        "Usposabljanje za socialne podjetnike", "Training", "Mestna hiša Ptuj", "Informacijska točka Maribor")
    assert (first.session_date, first.starts_at, first.ends_at, first.hours) == (DAY_1, dt.time(9), dt.time(12), 3.0)
    assert (first.session_number, first.session_count) == (1, 3)
    # From the day she founded the cooperative, it is printed instead of her municipality.
    second = sheets.attendance_sheet_data(kit.store, event_id, sessions[1])
    assert second.rows[3].affiliation == "Zadruga Dobrote" and second.session_number == 2


def test_walk_ins_registered_at_the_door_are_preprinted_on_later_sheets(kit):
    event_id, sessions = kit.programme(2)
    ci.check_in_walk_in(kit.store, kit.actor, sessions[0], new_person=rg.QuickPerson("Eva", "Furlan"))
    assert [r.full_name for r in sheets.attendance_sheet_data(kit.store, event_id, sessions[1]).rows] == ["Eva Furlan"]


def test_a_blank_sheet_has_the_header_and_no_names(kit):
    event_id = kit.event("Sejem socialne ekonomije", event_type="fair", venue="Dvorana Tabor")
    kit.session(event_id)
    rg.register_person(kit.store, kit.actor, event_id, kit.person())
    blank = sheets.attendance_sheet_data(kit.store, event_id, include_registered=False)
    assert blank.rows == () and blank.title_sl == "Sejem socialne ekonomije" and blank.event_type == "fair"


def test_without_a_named_session_the_sheet_is_for_today_or_the_next_else_the_last(kit):
    event_id, sessions = kit.programme(3)
    assert sheets.attendance_sheet_data(kit.store, event_id, today=TODAY).session_id == sessions[0]
    assert sheets.attendance_sheet_data(kit.store, event_id, today=DAY_2).session_id == sessions[1]
    assert sheets.attendance_sheet_data(kit.store, event_id, today=DAY_2 + dt.timedelta(days=1)).session_id == \
        sessions[2]
    assert sheets.attendance_sheet_data(kit.store, event_id, today=DAY_3 + dt.timedelta(days=9)).session_id == \
        sessions[2]


def test_an_event_without_sessions_asked_for_a_sheet_is_refused_with_what_to_do(kit):
    with pytest.raises(UserError, match="has no sessions yet. Add a session"):
        sheets.attendance_sheet_data(kit.store, kit.event("Delavnica"))


def test_a_session_of_another_event_is_refused(kit):
    event_id, _sessions = kit.programme(1)
    _other, other_sessions = kit.programme(1)
    with pytest.raises(UserError, match="is not a session of the event"):
        sheets.attendance_sheet_data(kit.store, event_id, other_sessions[0])


def test_a_session_with_its_own_venue_prints_it(kit):
    event_id = kit.event(venue="Mestna hiša Ptuj")
    session_id = kit.session(event_id, venue="Dominikanski samostan")
    assert sheets.attendance_sheet_data(kit.store, event_id, session_id).venue == "Dominikanski samostan"
