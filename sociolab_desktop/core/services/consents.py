"""Consents a person gave (to data processing, the newsletter, photographs) and their withdrawal.

A consent is valid on a day when it was given on or before that day and not withdrawn on or
before it: a withdrawal takes effect on the day it is made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.domain.enums import ConsentChannel, ConsentPurpose
from sociolab_desktop.core.services.fields import (
    FieldErrors,
    clean_choice,
    clean_text,
    collect,
)
from sociolab_desktop.core.services.records import live_person
from sociolab_desktop.core.store.models import Attachment, Consent, Person, utc_now
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

MAX_TEXT_VERSION = 40


class ConsentValidationError(FieldErrors):
    message_id = N_("The consent was not saved: correct the marked fields.")


@dataclass(frozen=True)
class ConsentInput:
    purpose: str
    text_version: str
    given_on: dt.date | None
    channel: str  # signed paper, verbal or e-mail (ConsentChannel)
    attachment_id: str | None = None  # e.g. the scanned signed form


@dataclass(frozen=True)
class ConsentRecord:
    id: str
    person_id: str
    purpose: str
    text_version: str
    channel: str
    given_on: dt.date
    withdrawn_on: dt.date | None
    attachment_id: str | None
    recorded_by_id: str | None

    def is_valid_on(self, day: dt.date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


@dataclass(frozen=True)
class PersonLackingConsent:
    """A line of "who lacks consent"; `withdrawn_on` is set when the person withdrew one."""

    person_id: str
    first_name: str
    last_name: str
    site_id: str | None
    first_contact_date: dt.date | None
    withdrawn_on: dt.date | None


def _record(row: Consent) -> ConsentRecord:
    return ConsentRecord(row.id, row.person_id, row.purpose, row.text_version, row.channel, row.given_on,
                         row.withdrawn_on, row.attachment_id, row.created_by_id)


def _not_future(value: dt.date | None, field: str, today: dt.date, missing: str) -> dt.date:
    if value is None:
        raise v.FieldError(field, missing)
    if value > today:
        raise v.FieldError(field, N_("The date {value} is in the future."), value=value)
    return value


def _clean(data: ConsentInput, today: dt.date) -> dict[str, object]:
    def text_version() -> str:
        cleaned = clean_text(data.text_version, "text_version", MAX_TEXT_VERSION)
        if not cleaned:
            raise v.FieldError("text_version", N_("Enter the version of the consent text the person agreed to."))
        return cleaned

    return collect([
        ("purpose", lambda: clean_choice(data.purpose, "purpose", ConsentPurpose, required=True)),
        ("text_version", text_version),
        ("given_on", lambda: _not_future(data.given_on, "given_on", today,
                                         N_("Enter the date the consent was given."))),
        ("channel", lambda: clean_choice(data.channel, "channel", ConsentChannel, required=True)),
        ("attachment_id", lambda: clean_text(data.attachment_id, "attachment_id")),
    ], ConsentValidationError)


def _valid_on(day: dt.date):
    return (Consent.deleted_at.is_(None), Consent.given_on <= day,
            or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > day))


def record_consent(store: Store, actor: Actor, person_id: str, data: ConsentInput, *,
                   today: dt.date | None = None) -> ConsentRecord:
    """Refused when the same consent (purpose and text version) is already valid: a second click."""
    values = _clean(data, today or dt.date.today())
    with store.unit_of_work(actor) as session:
        person = live_person(session, person_id)
        if values["attachment_id"]:
            attachment = session.get(Attachment, values["attachment_id"])
            if attachment is None or attachment.deleted_at is not None:
                raise UserError(N_("The attached file was not found; attach it again."))
        same = session.scalar(select(Consent.id).where(
            Consent.person_id == person.id, Consent.purpose == values["purpose"],
            Consent.text_version == values["text_version"], Consent.withdrawn_on.is_(None),
            Consent.deleted_at.is_(None)))
        if same is not None:
            raise UserError(N_("This consent (text version {version}) is already recorded and not withdrawn."),
                            version=values["text_version"])
        row = Consent(person_id=person.id, **values)
        session.add(row)
        session.flush()
        return _record(row)


def _live_consent(session: Session, consent_id: str) -> Consent:
    row = session.get(Consent, consent_id)
    if row is None or row.deleted_at is not None:
        raise UserError(N_("This consent record no longer exists; refresh the list."))
    return row


def withdraw_consent(store: Store, actor: Actor, consent_id: str, withdrawn_on: dt.date | None, *,
                     today: dt.date | None = None) -> ConsentRecord:
    with store.unit_of_work(actor) as session:
        row = _live_consent(session, consent_id)
        if row.withdrawn_on is not None:
            raise UserError(N_("This consent was already withdrawn on {date}."), date=row.withdrawn_on)
        day = collect([("withdrawn_on", lambda: _not_future(
            withdrawn_on, "withdrawn_on", today or dt.date.today(), N_("Enter the date of the withdrawal.")))],
            ConsentValidationError)["withdrawn_on"]
        if day < row.given_on:
            raise ConsentValidationError([v.FieldError(
                "withdrawn_on", N_("The withdrawal date {value} is before the consent was given ({date})."),
                value=day, date=row.given_on)])
        row.withdrawn_on = day
        session.flush()
        return _record(row)


def delete_consent(store: Store, actor: Actor, consent_id: str) -> None:
    """For a record entered by mistake (wrong person); a person changing their mind withdraws."""
    with store.unit_of_work(actor) as session:
        _live_consent(session, consent_id).deleted_at = utc_now()


def consents_of_person(store: Store, person_id: str) -> list[ConsentRecord]:
    """Newest first."""
    query = (select(Consent).where(Consent.person_id == person_id, Consent.deleted_at.is_(None))
             .order_by(Consent.given_on.desc(), Consent.created_at.desc(), Consent.id))
    with store.reader() as session:
        return [_record(row) for row in session.scalars(query)]


def has_valid_consent(store: Store, person_id: str, purpose: str, today: dt.date) -> bool:
    with store.reader() as session:
        person = session.get(Person, person_id)
        if person is not None and person.merged_into_id:
            person_id = person.merged_into_id  # consents moved with the merge
        query = select(Consent.id).where(Consent.person_id == person_id, Consent.purpose == purpose,
                                         *_valid_on(today)).limit(1)
        return session.scalar(query) is not None


def _lacking(today: dt.date, site_id: str | None):
    has_valid = exists().where(Consent.person_id == Person.id,
                               Consent.purpose == ConsentPurpose.DATA_PROCESSING.value, *_valid_on(today))
    conditions = [Person.deleted_at.is_(None), Person.merged_into_id.is_(None), Person.erased_at.is_(None),
                  ~has_valid]
    if site_id:
        conditions.append(Person.site_id == site_id)
    return conditions


def count_persons_lacking_consent(store: Store, today: dt.date, *, site_id: str | None = None) -> int:
    with store.reader() as session:
        return session.scalar(select(func.count(Person.id)).where(*_lacking(today, site_id)))


def persons_lacking_consent(store: Store, today: dt.date, *, offset: int = 0, limit: int = 200,
                            site_id: str | None = None) -> list[PersonLackingConsent]:
    """Persons without a valid consent to data processing, in Slovenian order of surname."""
    withdrawn = (select(func.max(Consent.withdrawn_on))
                 .where(Consent.person_id == Person.id, Consent.deleted_at.is_(None),
                        Consent.purpose == ConsentPurpose.DATA_PROCESSING.value, Consent.withdrawn_on <= today)
                 .correlate(Person).scalar_subquery())
    query = (select(Person.id, Person.first_name, Person.last_name, Person.site_id, Person.first_contact_date,
                    withdrawn)
             .where(*_lacking(today, site_id)).order_by(Person.sort_key, Person.id).offset(offset).limit(limit))
    with store.reader() as session:
        return [PersonLackingConsent(*row) for row in session.execute(query)]
