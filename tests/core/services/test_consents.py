"""Consents: recording, withdrawal, validity on a day, and who lacks consent to data processing."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.services import consents as cs
from sociolab_desktop.core.services import person_operations
from sociolab_desktop.core.store.models import Attachment, Consent, Person
from sociolab_desktop.errors import UserError

TODAY = dt.date(2021, 3, 15)
DATA = "data_processing"


def _person(ws, first="Ana", last="Čeh", **fields) -> str:
    with ws.store.unit_of_work(ws.actor) as session:
        person = Person(first_name=first, last_name=last, **fields)
        session.add(person)
    return person.id


def _input(**fields) -> cs.ConsentInput:
    values = {"purpose": DATA, "text_version": "2019-06", "given_on": dt.date(2020, 2, 3), "channel": "signed_paper"}
    values.update(fields)
    return cs.ConsentInput(**values)


def _give(ws, person_id, **fields) -> cs.ConsentRecord:
    return cs.record_consent(ws.store, ws.actor, person_id, _input(**fields), today=TODAY)


def _withdraw(ws, consent_id, day):
    return cs.withdraw_consent(ws.store, ws.actor, consent_id, day, today=TODAY)


def test_a_recorded_consent_is_valid_from_the_day_it_was_given(workspace):
    person_id = _person(workspace)
    record = _give(workspace, person_id, given_on=dt.date(2020, 2, 3), channel="verbal")
    assert (record.purpose, record.text_version, record.channel) == (DATA, "2019-06", "verbal")
    assert record.recorded_by_id == workspace.actor.staff_id
    assert cs.has_valid_consent(workspace.store, person_id, DATA, dt.date(2020, 2, 3))
    assert not cs.has_valid_consent(workspace.store, person_id, DATA, dt.date(2020, 2, 2))
    assert not cs.has_valid_consent(workspace.store, person_id, "newsletter", TODAY)
    assert cs.consents_of_person(workspace.store, person_id) == [record]


def test_a_consent_given_in_the_future_is_refused(workspace):
    with pytest.raises(cs.ConsentValidationError) as error:
        _give(workspace, _person(workspace), given_on=TODAY + dt.timedelta(days=1))
    assert error.value.fields == ["given_on"]


def test_missing_and_unknown_values_are_refused_together(workspace):
    with pytest.raises(cs.ConsentValidationError) as error:
        _give(workspace, _person(workspace), purpose="marketing", text_version=" ", given_on=None, channel="fax")
    assert error.value.fields == ["purpose", "text_version", "given_on", "channel"]


def test_the_same_consent_twice_is_refused_but_a_new_text_version_is_not(workspace):
    person_id = _person(workspace)
    _give(workspace, person_id)
    with pytest.raises(UserError, match="already recorded"):
        _give(workspace, person_id)
    _give(workspace, person_id, text_version="2021-01", given_on=dt.date(2021, 1, 10))
    assert [c.text_version for c in cs.consents_of_person(workspace.store, person_id)] == ["2021-01", "2019-06"]


def test_an_attachment_must_exist(workspace):
    person_id = _person(workspace)
    with pytest.raises(UserError, match="attached file"):
        _give(workspace, person_id, attachment_id="no-such-file")
    with workspace.store.unit_of_work(workspace.actor) as session:
        scan = Attachment(sha256="0" * 64, file_name="soglasje.pdf", media_type="application/pdf",
                          size_bytes=1000, owner_table="person", owner_id=person_id)
        session.add(scan)
    assert _give(workspace, person_id, attachment_id=scan.id).attachment_id == scan.id


def test_withdrawal_ends_validity_on_its_day(workspace):
    person_id = _person(workspace)
    record = _give(workspace, person_id)
    withdrawn = _withdraw(workspace, record.id, dt.date(2021, 1, 5))
    assert withdrawn.withdrawn_on == dt.date(2021, 1, 5)
    assert cs.has_valid_consent(workspace.store, person_id, DATA, dt.date(2021, 1, 4))
    assert not cs.has_valid_consent(workspace.store, person_id, DATA, dt.date(2021, 1, 5))
    assert withdrawn.is_valid_on(dt.date(2021, 1, 4)) and not withdrawn.is_valid_on(TODAY)


def test_withdrawal_before_the_consent_was_given_is_refused(workspace):
    record = _give(workspace, _person(workspace), given_on=dt.date(2020, 2, 3))
    with pytest.raises(cs.ConsentValidationError) as error:
        _withdraw(workspace, record.id, dt.date(2020, 2, 2))
    assert error.value.fields == ["withdrawn_on"]
    assert _withdraw(workspace, record.id, dt.date(2020, 2, 3)).withdrawn_on == dt.date(2020, 2, 3)


def test_withdrawal_in_the_future_or_without_a_date_is_refused(workspace):
    record = _give(workspace, _person(workspace))
    for day in (TODAY + dt.timedelta(days=1), None):
        with pytest.raises(cs.ConsentValidationError):
            _withdraw(workspace, record.id, day)


def test_withdrawing_twice_is_refused(workspace):
    record = _give(workspace, _person(workspace))
    _withdraw(workspace, record.id, dt.date(2021, 1, 5))
    with pytest.raises(UserError, match="already withdrawn on 2021-01-05"):
        _withdraw(workspace, record.id, dt.date(2021, 2, 1))
    with workspace.store.reader() as session:
        assert session.get(Consent, record.id).withdrawn_on == dt.date(2021, 1, 5)


def test_after_a_withdrawal_consent_may_be_given_again(workspace):
    person_id = _person(workspace)
    record = _give(workspace, person_id)
    _withdraw(workspace, record.id, dt.date(2020, 6, 1))
    _give(workspace, person_id, given_on=dt.date(2021, 1, 1))
    assert cs.has_valid_consent(workspace.store, person_id, DATA, TODAY)


def test_a_consent_entered_by_mistake_can_be_deleted(workspace):
    person_id = _person(workspace)
    record = _give(workspace, person_id)
    cs.delete_consent(workspace.store, workspace.actor, record.id)
    assert cs.consents_of_person(workspace.store, person_id) == []
    assert not cs.has_valid_consent(workspace.store, person_id, DATA, TODAY)
    with pytest.raises(UserError):
        _withdraw(workspace, record.id, TODAY)


def test_consent_of_a_merged_person_counts_for_the_survivor(workspace):
    survivor, loser = _person(workspace), _person(workspace, "Ana", "Ceh")
    _give(workspace, loser)
    person_operations.merge_persons(workspace.store, workspace.actor, survivor, loser)
    assert cs.has_valid_consent(workspace.store, survivor, DATA, TODAY)
    assert cs.has_valid_consent(workspace.store, loser, DATA, TODAY)


def test_who_lacks_consent_in_slovenian_order(workspace):
    ids = {name: _person(workspace, "X", name) for name in ("Žagar", "Zupan", "Čeh", "Cerar", "Šimenc", "Novak")}
    _give(workspace, ids["Novak"])  # valid: not listed
    _give(workspace, ids["Zupan"], purpose="newsletter")  # another purpose does not count
    _give(workspace, ids["Šimenc"], purpose="photographs")
    withdrawn = _give(workspace, ids["Cerar"])
    _withdraw(workspace, withdrawn.id, dt.date(2021, 1, 5))
    rows = cs.persons_lacking_consent(workspace.store, TODAY)
    assert [row.last_name for row in rows] == ["Cerar", "Čeh", "Šimenc", "Zupan", "Žagar"]
    assert rows[0].withdrawn_on == dt.date(2021, 1, 5) and rows[1].withdrawn_on is None
    assert cs.count_persons_lacking_consent(workspace.store, TODAY) == 5
    page = cs.persons_lacking_consent(workspace.store, TODAY, offset=1, limit=2)
    assert [row.last_name for row in page] == ["Čeh", "Šimenc"]


def test_a_consent_given_after_the_day_asked_about_does_not_count(workspace):
    person_id = _person(workspace)
    _give(workspace, person_id, given_on=dt.date(2021, 3, 1))
    assert [r.person_id for r in cs.persons_lacking_consent(workspace.store, dt.date(2021, 2, 1))] == [person_id]
    assert cs.persons_lacking_consent(workspace.store, TODAY) == []


def test_deleted_merged_and_erased_persons_do_not_lack_consent(workspace):
    deleted, survivor, loser, erased = (_person(workspace, "X", name) for name in ("A", "B", "C", "D"))
    with workspace.store.unit_of_work(workspace.actor) as session:
        session.get(Person, deleted).deleted_at = dt.datetime(2021, 1, 1)
    person_operations.merge_persons(workspace.store, workspace.actor, survivor, loser)
    person_operations.erase_person(workspace.store, workspace.actor, erased, today=TODAY)
    assert [row.person_id for row in cs.persons_lacking_consent(workspace.store, TODAY)] == [survivor]
    assert cs.count_persons_lacking_consent(workspace.store, TODAY) == 1


def test_who_lacks_consent_at_one_info_point(workspace):
    ours = _person(workspace, "A", "Ana", site_id=workspace.actor.site_id)
    _person(workspace, "B", "Bor", site_id="ptuj-site")
    site = workspace.actor.site_id
    assert [r.person_id for r in cs.persons_lacking_consent(workspace.store, TODAY, site_id=site)] == [ours]
    assert cs.count_persons_lacking_consent(workspace.store, TODAY, site_id=site) == 1


def test_recording_consent_for_an_erased_person_is_refused(workspace):
    person_id = _person(workspace)
    person_operations.erase_person(workspace.store, workspace.actor, person_id, today=TODAY)
    with pytest.raises(UserError, match="erased"):
        _give(workspace, person_id)
