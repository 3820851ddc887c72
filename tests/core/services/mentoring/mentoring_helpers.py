"""Helpers that record mentoring data like the windows do (a module of its own: test files import
it, and `conftest` is a name every test folder shares)."""

from __future__ import annotations

import datetime as dt

from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.core.services import staff
from sociolab_desktop.core.services.mentoring import diagnostics, sessions
from sociolab_desktop.core.store.models import Person

# Saturday 20 March 2021, 12:00 in Slovenia (winter time, UTC+1).
NOW = dt.datetime(2021, 3, 20, 11, 0)
TODAY = dt.date(2021, 3, 20)


class Mentoring:
    def __init__(self, ws) -> None:
        self.ws = ws
        self.store, self.actor = ws.store, ws.actor
        self.mentor_id = ws.actor.staff_id  # Mojca Žagar, administrator and mentor
        self.second_mentor_id = staff.add_staff(ws.store, ws.actor, "Ćiril Đokić", is_mentor=True).id

    def organisation(self, name: str = "Zadruga Đurđevka", language: str = "sl", **fields) -> str:
        data = org.OrganisationInput(name=name, legal_form="cooperative", preferred_language=language, **fields)
        return org.create_organisation(self.store, self.actor, data).id

    def person(self, first: str = "Ana", last: str = "Čeh", language: str = "sl") -> str:
        with self.store.unit_of_work(self.actor) as session:
            person = Person(first_name=first, last_name=last, preferred_language=language)
            session.add(person)
        return person.id

    def input(self, **fields) -> sessions.SessionInput:
        values = {"session_date": dt.date(2021, 3, 15), "starts": dt.time(9, 0), "ends": dt.time(10, 30),
                  "mode": "in_person", "mentor_ids": [self.mentor_id], "topics": ["financing"],
                  "summary": "Pregled finančnega načrta."}
        values.update(fields)
        return sessions.SessionInput(**values)

    def session(self, *, confirmed: bool = True, now: dt.datetime = NOW, **fields) -> sessions.SessionRecord:
        return sessions.record_session(self.store, self.actor, self.input(**fields), confirmed=confirmed, now=now)

    def diagnostic(self, organisation_id: str, day: dt.date, scores=None, **fields):
        """An assessment scoring every area 3 (or `scores`); finances carries a comment."""
        if scores is None:
            scores = [diagnostics.AreaScoreInput(area, 3, f"Opomba {area}" if area == "finances" else None)
                      for area in diagnostics.AREAS]
        data = diagnostics.DiagnosticInput(organisation_id, day, scores, **fields)
        return diagnostics.save_diagnostic(self.store, self.actor, data, today=TODAY)
