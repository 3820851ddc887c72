"""A contact's description and outcome are a few paragraphs: longer texts are refused at the field."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.services import contacts as c
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.i18n import Translator

TODAY = dt.date(2021, 3, 15)


def _person(ws) -> str:
    with ws.store.unit_of_work(ws.actor) as session:
        person = Person(first_name="Ana", last_name="Čeh")
        session.add(person)
    return person.id


def _record(ws, **fields) -> c.ContactRecord:
    data = c.ContactInput(contact_date=TODAY, channel="visit", topics=["financing"], person_id=_person(ws), **fields)
    return c.record_contact(ws.store, ws.actor, data, today=TODAY)


@pytest.mark.parametrize("field", ["description", "outcome"])
def test_a_text_of_20000_characters_is_refused_at_its_field(workspace, field):
    with pytest.raises(c.ContactValidationError) as error:
        _record(workspace, **{field: "č" * 20_000})

    assert error.value.fields == [field]
    message = error.value.errors[0].render(Translator("en"))
    assert "20000 characters" in message and str(c.MAX_TEXT) in message


def test_a_text_at_the_limit_is_kept_whole(workspace):
    text = "ž" * c.MAX_TEXT

    assert _record(workspace, description=text, outcome=text).description == text
