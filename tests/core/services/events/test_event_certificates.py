"""Certificates: who meets the rule (share of programme hours attended), refusal with the
hours, and numbers derived from the record's key that re-printing keeps."""

from __future__ import annotations

import datetime as dt

import pytest
from event_days import DAY_1, DAY_3, TODAY

from sociolab_desktop.core.domain.keys import certificate_key
from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.services.events import certificates as cert
from sociolab_desktop.core.services.events import checkin as ci
from sociolab_desktop.core.services.events import codes
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import registrations as rg
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator

ISSUED = dt.date(2026, 12, 14)


@pytest.fixture
def course(kit):
    """Five sessions of 3 hours (15 hours); Ana attends 5, Bojan 4 (exactly 80 %), Cvetka 3, Dana none."""
    event_id = kit.event(title_en="Training for social entrepreneurs")
    sessions = [kit.session(event_id, DAY_1 + dt.timedelta(weeks=week)) for week in range(5)]
    people = {
        "Ana": kit.person("Ana", "Čeh", gender="female", preferred_language="en"),
        "Bojan": kit.person("Bojan", "Šuštar", gender="male"),
        "Cvetka": kit.person("Cvetka", "Đurić", gender="female"),
        "Dana": kit.person("Dana", "Zupan"),
    }
    for person in people.values():
        rg.register_person(kit.store, kit.actor, event_id, person, today=TODAY)
    for name, attended in (("Ana", 5), ("Bojan", 4), ("Cvetka", 3)):
        for session_id in sessions[:attended]:
            ci.check_in(kit.store, kit.actor, session_id, people[name])
    return event_id, sessions, people


def test_eligibility_compares_hours_attended_with_the_default_80_percent(kit, course):
    event_id, _sessions, _people = course
    report = cert.certificate_eligibility(kit.store, event_id)
    assert (report.total_hours, report.min_percent, report.required_hours) == (15.0, 80.0, 12.0)
    assert [(r.last_name, r.hours_attended, r.sessions_attended, r.eligible) for r in report.rows] == [
        ("Čeh", 15.0, 5, True), ("Đurić", 9.0, 3, False), ("Šuštar", 12.0, 4, True), ("Zupan", 0.0, 0, False)]
    assert [r.first_name for r in report.eligible] == ["Ana", "Bojan"]


def test_a_stricter_or_milder_rule_changes_who_is_eligible(kit, course):
    event_id, _sessions, _people = course
    data = ev.get_event(kit.store, event_id).to_input()
    ev.update_event(kit.store, kit.actor, event_id, ev.EventInput(**{**data.__dict__, "certificate_min_percent": 100}))
    assert [r.first_name for r in cert.certificate_eligibility(kit.store, event_id).eligible] == ["Ana"]
    ev.update_event(kit.store, kit.actor, event_id, ev.EventInput(**{**data.__dict__, "certificate_min_percent": 60}))
    assert [r.first_name for r in cert.certificate_eligibility(kit.store, event_id).eligible] == ["Ana", "Cvetka",
                                                                                                   "Bojan"]


def test_issuing_for_the_event_gives_everyone_eligible_a_number_derived_from_the_key(kit, course):
    event_id, _sessions, people = course
    issued = cert.issue_certificates(kit.store, kit.actor, event_id, today=ISSUED)
    assert [(c.full_name, c.language, c.gender) for c in issued] == [("Ana Čeh", "en", "female"),
                                                                     ("Bojan Šuštar", "sl", "male")]
    ana = issued[0]
    key = certificate_key(event_id, people["Ana"])
    assert ana.id == key and ana.number == codes.certificate_number(key, 2026) and ana.issued_on == ISSUED
    assert (ana.hours_attended, ana.total_hours, ana.first_date, ana.last_date) == (
        15.0, 15.0, DAY_1, DAY_1 + dt.timedelta(weeks=4))
    assert (ana.title_sl, ana.title_en, ana.site_name) == (
        "Usposabljanje za socialne podjetnike", "Training for social entrepreneurs", "Informacijska točka Maribor")
    assert len({c.number for c in issued}) == 2
    assert {r.first_name: r.certificate_number for r in cert.certificate_eligibility(kit.store, event_id).rows} == {
        "Ana": ana.number, "Bojan": issued[1].number, "Cvetka": None, "Dana": None}


def test_re_issuing_keeps_number_and_date_and_takes_the_language_asked(kit, course):
    event_id, _sessions, people = course
    first = cert.issue_certificates(kit.store, kit.actor, event_id, person_ids=[people["Bojan"]], today=ISSUED)[0]
    again = cert.issue_certificates(kit.store, kit.actor, event_id, person_ids=[people["Bojan"]], language="both",
                                    today=ISSUED + dt.timedelta(days=30))[0]
    assert (again.id, again.number, again.issued_on) == (first.id, first.number, ISSUED)
    assert again.language == "both"


def test_someone_below_the_rule_is_refused_with_hours_attended_and_required(kit, course):
    event_id, _sessions, people = course
    with pytest.raises(cert.BelowCertificateRule) as error:
        cert.issue_certificates(kit.store, kit.actor, event_id, person_ids=[people["Ana"], people["Cvetka"]])
    assert (error.value.hours_attended, error.value.hours_required) == (9.0, 12.0)
    assert error.value.render(Translator("en")) == (
        "Cvetka Đurić attended 9 of 15 hours; a certificate needs at least 12 hours (80%). "
        "No certificate was issued.")
    assert cert.certificate_eligibility(kit.store, event_id).rows[0].certificate_number is None  # nothing issued
    with pytest.raises(cert.BelowCertificateRule, match="Dana Zupan attended 0 of 15 hours"):
        cert.issue_certificates(kit.store, kit.actor, event_id, person_ids=[people["Dana"]])


def test_hours_in_the_refusal_are_written_the_readers_way(kit):
    event_id = kit.event()
    kit.session(event_id, DAY_1, (9, 0), (11, 30))
    kit.session(event_id, DAY_3, (9, 0), (10, 0))
    person = kit.person()
    rg.register_person(kit.store, kit.actor, event_id, person)
    with pytest.raises(cert.BelowCertificateRule) as error:
        cert.issue_certificates(kit.store, kit.actor, event_id, person_ids=[person])
    slovenian = error.value.render(Translator("sl"))
    assert "3,5" in slovenian and "2,8" in slovenian
    assert "of 3.5 hours; a certificate needs at least 2.8 hours" in error.value.render(Translator("en"))


def test_an_undone_check_in_no_longer_counts_towards_the_rule(kit, course):
    event_id, sessions, people = course
    receipt = ci.check_in(kit.store, kit.actor, sessions[3], people["Cvetka"])  # 4 of 5 sessions: 80 %
    assert [r.first_name for r in cert.certificate_eligibility(kit.store, event_id).eligible] == [
        "Ana", "Cvetka", "Bojan"]
    ci.undo_check_in(kit.store, kit.actor, receipt)
    assert "Cvetka" not in [r.first_name for r in cert.certificate_eligibility(kit.store, event_id).eligible]


def test_an_event_without_sessions_has_no_certificates(kit):
    with pytest.raises(UserError, match="has no sessions"):
        cert.issue_certificates(kit.store, kit.actor, kit.event())


def test_an_unknown_certificate_language_is_refused(kit, course):
    with pytest.raises(UserError, match="Unknown certificate language “de”"):
        cert.issue_certificates(kit.store, kit.actor, course[0], language="de")


def test_a_merged_duplicate_with_the_hours_counts_as_the_survivor(kit, course):
    event_id, sessions, people = course
    duplicate = kit.person("Cvetka", "Duric")
    rg.register_person(kit.store, kit.actor, event_id, duplicate)
    ci.check_in(kit.store, kit.actor, sessions[3], duplicate)
    ci.check_in(kit.store, kit.actor, sessions[4], duplicate)
    person_operations.merge_persons(kit.store, kit.actor, people["Cvetka"], duplicate)
    issued = cert.issue_certificates(kit.store, kit.actor, event_id, person_ids=[duplicate], today=ISSUED)
    assert issued[0].person_id == people["Cvetka"] and issued[0].hours_attended == 15.0
