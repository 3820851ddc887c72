"""Crafted records for the results tests, written like the services store them (keys, UTC times,
soft deletes), so that the right count of every indicator is known by hand.

`Recorder` writes at this PC's info point (Maribor) or, with `site=`, as if the record had come
through sync from another office (its site and origin point there)."""

from __future__ import annotations

import datetime as dt

import pytest

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.domain.slovenian_time import to_utc
from sociolab_desktop.core.store.models import (
    Attendance,
    Competition,
    Diagnostic,
    Event,
    EventSession,
    Job,
    MentoringSession,
    MentoringSessionPerson,
    Organisation,
    Person,
    Product,
    ProgrammeEnrolment,
    Registration,
    Site,
    utc_now,
)

TODAY = dt.date(2026, 11, 27)


class Recorder:
    def __init__(self, ws) -> None:
        self.ws = ws
        self.store, self.actor = ws.store, ws.actor
        self.maribor = ws.settings.site_id

    def add(self, model, site: str | None = None, deleted: bool = False, **values) -> str:
        record = model(id=values.pop("id", None) or new_key(), **values)
        record.origin_site_id = site or self.maribor
        if deleted:
            record.deleted_at = utc_now()
        with self.store.unit_of_work(self.actor) as session:
            session.add(record)
        return record.id

    def delete(self, model, key: str) -> None:
        with self.store.unit_of_work(self.actor) as session:
            session.get(model, key).deleted_at = utc_now()

    def site(self, name: str, *, lead: bool = False, code: str | None = None) -> str:
        return self.add(Site, name=name, code=code, is_lead_partner=lead)

    def person(self, first: str, last: str = "Novak", **fields) -> str:
        return self.add(Person, first_name=first, last_name=last, **fields)

    def organisation(self, name: str, site: str | None = None, **fields) -> str:
        return self.add(Organisation, site=site, name=name, legal_form="cooperative",
                        site_id=site or self.maribor, **fields)

    def event(self, title: str, days: list[dt.date], *, event_type: str = "training_programme",
              site: str | None = None, hours: float = 3.0, deleted: bool = False) -> tuple[str, list[str]]:
        event_id = self.add(Event, site=site, deleted=deleted, event_type=event_type, title_sl=title,
                            site_id=site or self.maribor, certificate_min_share=0.8)
        sessions = [self.add(EventSession, site=site, event_id=event_id, session_date=day, starts_at=dt.time(9),
                             ends_at=dt.time(12), hours=hours) for day in days]
        return event_id, sessions

    def register(self, event_id: str, person_id: str, status: str = "registered",
                 on: dt.date = dt.date(2021, 1, 5)) -> str:
        return self.add(Registration, event_id=event_id, person_id=person_id, status=status, registered_on=on,
                        code=new_key()[:8])

    def attend(self, session_id: str, person_id: str, deleted: bool = False) -> str:
        return self.add(Attendance, deleted=deleted, event_session_id=session_id, person_id=person_id,
                        checked_in_at=dt.datetime(2021, 1, 1, 8))

    def mentoring(self, organisation_id: str | None, day: dt.date, start: dt.time, minutes: int, *,
                  site: str | None = None, persons: tuple[str, ...] = (), deleted: bool = False) -> str:
        starts = to_utc(day, start)
        key = self.add(MentoringSession, site=site, deleted=deleted, organisation_id=organisation_id,
                       site_id=site or self.maribor, starts_at=starts,
                       ends_at=starts + dt.timedelta(minutes=minutes), mode="in_person", topics=[])
        for person_id in persons:
            self.add(MentoringSessionPerson, site=site, mentoring_session_id=key, person_id=person_id)
        return key

    def diagnostic(self, organisation_id: str, on: dt.date, plan: bool, deleted: bool = False) -> str:
        return self.add(Diagnostic, deleted=deleted, organisation_id=organisation_id, assessed_on=on,
                        has_development_plan=plan)

    def job(self, organisation_id: str, on: dt.date, kind: str = "created", person_id: str | None = None,
            deleted: bool = False) -> str:
        return self.add(Job, deleted=deleted, organisation_id=organisation_id, person_id=person_id, kind=kind,
                        occurred_on=on)

    def product(self, organisation_id: str, name: str, on: dt.date, stage: str = "idea",
                deleted: bool = False) -> str:
        return self.add(Product, deleted=deleted, organisation_id=organisation_id, name=name, developed_on=on,
                        stage=stage)

    def enrolment(self, organisation_id: str, started: dt.date, ended: dt.date | None = None) -> str:
        return self.add(ProgrammeEnrolment, organisation_id=organisation_id, started_on=started, ended_on=ended,
                        status="completed" if ended else "active")

    def competition(self, kind: str, year: int, event_id: str | None = None, deleted: bool = False) -> str:
        return self.add(Competition, deleted=deleted, kind=kind, title=f"Natečaj {kind} {year}", year=year,
                        event_id=event_id)


@pytest.fixture
def recorder(workspace) -> Recorder:
    return Recorder(workspace)
