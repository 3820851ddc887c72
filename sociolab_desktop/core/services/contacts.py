"""Contacts at an info point (visits, calls, e-mails) and the follow-ups they promise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.domain.enums import ContactChannel, ContactTopic
from sociolab_desktop.core.services.fields import (
    FieldErrors,
    clean_choice,
    clean_text,
    collect,
)
from sociolab_desktop.core.services.records import live_organisation, live_person
from sociolab_desktop.core.store.models import (
    Contact,
    Organisation,
    Person,
    Site,
    StaffUser,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

# "Follow-ups due" shows what is overdue and what falls due within this many days.
FOLLOW_UP_DAYS_AHEAD = 7
MAX_REFERRAL = 250
# A few paragraphs, as for a person's notes; longer texts belong in an attached document.
MAX_TEXT = 10_000


class ContactValidationError(FieldErrors):
    message_id = N_("The contact was not saved: correct the marked fields.")


@dataclass(frozen=True)
class ContactInput:
    """What a form gives. `site_id` / `staff_id` None: the actor's on create, unchanged on update."""

    contact_date: dt.date | None
    channel: str
    topics: Sequence[str]
    person_id: str | None = None
    organisation_id: str | None = None
    description: str | None = None
    outcome: str | None = None
    referral: str | None = None
    follow_up_on: dt.date | None = None
    site_id: str | None = None
    staff_id: str | None = None


@dataclass(frozen=True)
class ContactRecord:
    id: str
    contact_date: dt.date
    channel: str
    topics: tuple[str, ...]
    person_id: str | None
    person_name: str | None
    organisation_id: str | None
    organisation_name: str | None
    site_id: str | None
    staff_id: str | None
    staff_name: str | None
    description: str | None
    outcome: str | None
    referral: str | None
    follow_up_on: dt.date | None
    follow_up_done: bool


def _clean_topics(topics: Sequence[str] | None) -> list[str]:
    if isinstance(topics, str):
        topics = [topics]  # one topic passed bare, not its letters
    chosen = {(topic or "").strip() for topic in topics or ()} - {""}
    if not chosen:
        raise v.FieldError("topics", N_("Choose at least one topic."))
    unknown = sorted(chosen - {topic.value for topic in ContactTopic})
    if unknown:
        raise v.FieldError("topics", N_("“{value}” is not one of the choices in the list."), value=unknown[0])
    return [topic.value for topic in ContactTopic if topic.value in chosen]  # one order everywhere


def _clean_date(value: dt.date | None, today: dt.date) -> dt.date:
    if value is None:
        raise v.FieldError("contact_date", N_("Enter the date of the contact."))
    if value > today:
        raise v.FieldError("contact_date", N_("The date {value} is in the future; record a contact once it has "
                                              "taken place (and plan the next one as a follow-up)."),
                           value=value)
    return value


def _clean_follow_up(value: dt.date | None, contact_date: dt.date | None) -> dt.date | None:
    if value is not None and contact_date is not None and value < contact_date:
        raise v.FieldError("follow_up_on", N_("The follow-up date {value} is before the contact ({date})."),
                           value=value, date=contact_date)
    return value


def _clean_long_text(value: str | None, field: str) -> str | None:
    cleaned = (value or "").strip()
    if len(cleaned) > MAX_TEXT:
        raise v.FieldError(field, N_("The text is too long: {length} characters, at most {limit} fit. "
                                     "Shorten it or attach the text as a document."),
                           length=len(cleaned), limit=MAX_TEXT)
    return cleaned or None


def _clean_person(person_id: str | None, organisation_id: str | None) -> str | None:
    if not (person_id or organisation_id):
        raise v.FieldError("person_id", N_("Choose the person or the organisation (or both) the contact was with."))
    return person_id or None


def _clean(data: ContactInput, today: dt.date) -> dict[str, object]:
    return collect([
        ("contact_date", lambda: _clean_date(data.contact_date, today)),
        ("channel", lambda: clean_choice(data.channel, "channel", ContactChannel, required=True)),
        ("topics", lambda: _clean_topics(data.topics)),
        ("person_id", lambda: _clean_person(data.person_id, data.organisation_id)),
        ("organisation_id", lambda: data.organisation_id or None),
        ("description", lambda: _clean_long_text(data.description, "description")),
        ("outcome", lambda: _clean_long_text(data.outcome, "outcome")),
        ("referral", lambda: clean_text(data.referral, "referral", MAX_REFERRAL)),
        ("follow_up_on", lambda: _clean_follow_up(data.follow_up_on, data.contact_date)),
    ], ContactValidationError)


def _check_references(session: Session, values: dict, data: ContactInput) -> None:
    """Parties must exist; a person merged away stands for the survivor."""
    if values["person_id"]:
        values["person_id"] = live_person(session, values["person_id"]).id
    if values["organisation_id"]:
        live_organisation(session, values["organisation_id"])
    if data.staff_id:
        member = session.get(StaffUser, data.staff_id)
        if member is None or member.deleted_at is not None:
            raise UserError(N_("This staff member no longer exists; refresh the list."))
        values["staff_id"] = data.staff_id
    if data.site_id:
        if session.get(Site, data.site_id) is None:
            raise UserError(N_("The info point was not found; refresh the list."))
        values["site_id"] = data.site_id


def _query():
    return (select(Contact, Person.first_name, Person.last_name, Organisation.name, StaffUser.display_name)
            .outerjoin(Person, Person.id == Contact.person_id)
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .outerjoin(StaffUser, StaffUser.id == Contact.staff_id)
            .where(Contact.deleted_at.is_(None)))


def _record(row: Contact, first: str | None, last: str | None, organisation: str | None,
            staff: str | None) -> ContactRecord:
    person_name = f"{first or ''} {last or ''}".strip() if row.person_id else None
    return ContactRecord(
        id=row.id, contact_date=row.contact_date, channel=row.channel, topics=tuple(row.topics or ()),
        person_id=row.person_id, person_name=person_name, organisation_id=row.organisation_id,
        organisation_name=organisation, site_id=row.site_id, staff_id=row.staff_id, staff_name=staff,
        description=row.description, outcome=row.outcome, referral=row.referral,
        follow_up_on=row.follow_up_on, follow_up_done=bool(row.follow_up_done),
    )


def _load(session: Session, row: Contact) -> ContactRecord:
    session.flush()
    return _record(*session.execute(_query().where(Contact.id == row.id)).one())


def _live_contact(session: Session, contact_id: str) -> Contact:
    row = session.get(Contact, contact_id)
    if row is None or row.deleted_at is not None:
        raise UserError(N_("This contact no longer exists; refresh the list."))
    return row


def record_contact(store: Store, actor: Actor, data: ContactInput, *, today: dt.date | None = None) -> ContactRecord:
    values = _clean(data, today or dt.date.today())
    values.update(site_id=actor.site_id, staff_id=actor.staff_id)
    with store.unit_of_work(actor) as session:
        _check_references(session, values, data)
        row = Contact(**values, follow_up_done=False)
        session.add(row)
        return _load(session, row)


def update_contact(store: Store, actor: Actor, contact_id: str, data: ContactInput, *,
                   today: dt.date | None = None) -> ContactRecord:
    """Replace what the form shows; a follow-up whose date changes is open again."""
    values = _clean(data, today or dt.date.today())
    with store.unit_of_work(actor) as session:
        row = _live_contact(session, contact_id)
        _check_references(session, values, data)
        if values["follow_up_on"] != row.follow_up_on:
            values["follow_up_done"] = False
        for column, value in values.items():
            if getattr(row, column) != value:
                setattr(row, column, value)
        return _load(session, row)


def delete_contact(store: Store, actor: Actor, contact_id: str) -> None:
    with store.unit_of_work(actor) as session:
        _live_contact(session, contact_id).deleted_at = utc_now()


def set_follow_up_done(store: Store, actor: Actor, contact_id: str, done: bool = True) -> ContactRecord:
    with store.unit_of_work(actor) as session:
        row = _live_contact(session, contact_id)
        if row.follow_up_on is None:
            raise UserError(N_("This contact has no follow-up to mark; give it a follow-up date first."))
        row.follow_up_done = done
        return _load(session, row)


def get_contact(store: Store, contact_id: str) -> ContactRecord | None:
    with store.reader() as session:
        row = session.execute(_query().where(Contact.id == contact_id)).one_or_none()
        return _record(*row) if row is not None else None


def _party_alive():
    """A contact still counts while one of its parties does (a deleted or erased person does not)."""
    person_alive = and_(Person.id.is_not(None), Person.deleted_at.is_(None), Person.erased_at.is_(None))
    organisation_alive = and_(Organisation.id.is_not(None), Organisation.deleted_at.is_(None))
    return or_(person_alive, organisation_alive)


def follow_ups_due(store: Store, today: dt.date, site_id: str | None = None, *,
                   days_ahead: int = FOLLOW_UP_DAYS_AHEAD) -> list[ContactRecord]:
    """Open follow-ups due on or before today + `days_ahead` (overdue ones first), of one info
    point or of all."""
    query = _query().where(
        Contact.follow_up_on.is_not(None), Contact.follow_up_done.is_(False),
        Contact.follow_up_on <= today + dt.timedelta(days=days_ahead), _party_alive(),
    )
    if site_id:
        query = query.where(Contact.site_id == site_id)
    query = query.order_by(Contact.follow_up_on, Contact.contact_date, Contact.id)
    with store.reader() as session:
        return [_record(*row) for row in session.execute(query)]


def _history(store: Store, key: str | None, where) -> list[ContactRecord]:
    if not key:
        return []  # `column == None` would mean IS NULL: every contact without that party
    query = _query().where(where).order_by(Contact.contact_date.desc(), Contact.created_at.desc(),
                                           Contact.id)
    with store.reader() as session:
        return [_record(*row) for row in session.execute(query)]


def contacts_of_person(store: Store, person_id: str) -> list[ContactRecord]:
    """Newest first."""
    return _history(store, person_id, Contact.person_id == person_id)


def contacts_of_organisation(store: Store, organisation_id: str) -> list[ContactRecord]:
    """Newest first."""
    return _history(store, organisation_id, Contact.organisation_id == organisation_id)
