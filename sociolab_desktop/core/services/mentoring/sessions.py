"""Mentoring sessions: checked input (refusals and warnings), record, edit, delete, and a copy of
the mentor's last session to save typing. Hours: see time_rules.

Refused: no date, start or end; an end before the start; a date in the future (a session is
recorded once it has taken place; the next one is planned with `next_session_on`); neither an
organisation nor a person; no mentor; no topic; an agreed action without a description or due
before the session. Warned (saved with `confirmed=True`): 0 minutes, more than 12 hours, an end
later than now today, no summary, a mentor without the mentor role, and a mentor who has another
session at an overlapping time (allowed: two sessions may really have shared an hour).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.slovenian_time import local_now, to_local
from sociolab_desktop.core.services.mentoring import session_parts as parts
from sociolab_desktop.core.services.mentoring.checks import (
    FieldError,
    SessionValidationError,
    require_confirmation,
)
from sociolab_desktop.core.services.mentoring.lookup import live_session
from sociolab_desktop.core.services.mentoring.session_input import (
    SessionInput,
    clean_session,
)
from sociolab_desktop.core.services.mentoring.session_parts import (
    ActionInput,
    ActionRecord,
    SessionRecord,
)
from sociolab_desktop.core.services.mentoring.time_rules import minutes_between
from sociolab_desktop.core.services.records import live_organisation, live_person
from sociolab_desktop.core.store.models import (
    AgreedAction,
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    Person,
    Site,
    StaffUser,
    utc_now,
)
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

LONG_SESSION_MINUTES = 12 * 60

__all__ = ["ActionInput", "ActionRecord", "SessionInput", "SessionRecord", "check_session", "copy_last_session",
           "delete_session", "get_session", "record_session", "set_action_done", "update_session"]


def _check_references(session: Session, clean: dict, data: SessionInput, row: MentoringSession | None) -> None:
    """Parties must exist (a person merged away stands for the survivor); mentors too."""
    if clean["row"]["organisation_id"]:
        live_organisation(session, clean["row"]["organisation_id"])
    clean["person_ids"] = list(dict.fromkeys(live_person(session, key).id for key in clean["person_ids"]))
    for staff_id in clean["mentor_ids"]:
        member = session.get(StaffUser, staff_id)
        if member is None or member.deleted_at is not None:
            raise SessionValidationError([FieldError("mentor_ids", N_("A chosen mentor no longer exists; "
                                                                      "refresh the list."))])
    if data.site_id:
        if session.get(Site, data.site_id) is None:
            raise UserError(N_("The info point was not found; refresh the list."))
        clean["row"]["site_id"] = data.site_id
    for action in clean["actions"]:
        existing = session.get(AgreedAction, action["id"]) if action["id"] else None
        if existing is None or row is None or existing.mentoring_session_id != row.id:
            action["id"] = None  # unknown, or another session's (a copied form): recorded as a new one


def _overlaps(session: Session, values: dict, mentor_ids: list[str], own_id: str | None) -> list[FieldError]:
    starts, ends = values["starts_at"], values["ends_at"]
    query = (select(MentoringSession, StaffUser.display_name)
             .join(MentoringSessionMentor, MentoringSessionMentor.mentoring_session_id == MentoringSession.id)
             .join(StaffUser, StaffUser.id == MentoringSessionMentor.staff_id)
             .where(MentoringSessionMentor.staff_id.in_(mentor_ids), MentoringSessionMentor.deleted_at.is_(None),
                    MentoringSession.deleted_at.is_(None), MentoringSession.starts_at < ends,
                    MentoringSession.starts_at > starts - dt.timedelta(days=1),  # lets the index narrow it
                    MentoringSession.ends_at > starts)
             .order_by(MentoringSession.starts_at, StaffUser.display_name))
    if own_id:
        query = query.where(MentoringSession.id != own_id)
    warnings = []
    for other, name in session.execute(query):
        other_starts, other_ends = to_local(other.starts_at), to_local(other.ends_at)
        warnings.append(FieldError("mentor_ids", N_("{mentor} has another session at an overlapping time: "
                                                    "{date}, {starts}–{ends}."),
                                   mentor=name, date=other_starts.date(),
                                   starts=other_starts.strftime("%H:%M"), ends=other_ends.strftime("%H:%M")))
    return warnings


def _warnings(session: Session, clean: dict, own_id: str | None, now_local: dt.datetime) -> list[FieldError]:
    values, warnings = clean["row"], []
    minutes = minutes_between(values["starts_at"], values["ends_at"])
    if minutes == 0:
        warnings.append(FieldError("ends", N_("The session lasts 0 minutes: check the start and end times.")))
    elif minutes > LONG_SESSION_MINUTES:
        warnings.append(FieldError("ends", N_("The session lasts {minutes} minutes, more than 12 hours: check the "
                                              "times."), minutes=minutes))
    ends_local = to_local(values["ends_at"])
    if ends_local > now_local:
        warnings.append(FieldError("ends", N_("The session ends at {time} today, later than now: record it once "
                                              "it has taken place."), time=ends_local.strftime("%H:%M")))
    if not values["summary"]:
        warnings.append(FieldError("summary", N_("There is no summary of the work done; the signed record will "
                                                 "show none.")))
    for staff_id in clean["mentor_ids"]:
        member = session.get(StaffUser, staff_id)
        if not member.is_mentor:
            warnings.append(FieldError("mentor_ids", N_("{mentor} does not have the mentor role."),
                                       mentor=member.display_name))
    return warnings + _overlaps(session, values, clean["mentor_ids"], own_id)


def _save(store: Store, actor: Actor, session_id: str | None, data: SessionInput, confirmed: bool,
          now: dt.datetime | None) -> SessionRecord:
    now_local = local_now(now)
    clean = clean_session(data, now_local.date())
    with store.unit_of_work(actor) as session:
        row = live_session(session, session_id) if session_id else None
        _check_references(session, clean, data, row)
        require_confirmation(_warnings(session, clean, session_id, now_local), confirmed)
        if row is None:
            row = MentoringSession(**{"site_id": actor.site_id, **clean["row"]})
            session.add(row)
            session.flush()
        else:
            for column, value in clean["row"].items():
                if getattr(row, column) != value:
                    setattr(row, column, value)
        parts.write_links(session, row.id, clean["mentor_ids"], clean["person_ids"])
        parts.write_actions(session, row.id, clean["actions"])
        return parts.load_records(session, [row])[0]


def check_session(store: Store, data: SessionInput, *, session_id: str | None = None,
                  now: dt.datetime | None = None) -> list[FieldError]:
    """The warnings saving `data` would give; raises SessionValidationError (or UserError for a
    vanished party) for what would be refused. Nothing is written."""
    now_local = local_now(now)
    clean = clean_session(data, now_local.date())
    with store.reader() as session:
        row = live_session(session, session_id) if session_id else None
        _check_references(session, clean, data, row)
        return _warnings(session, clean, session_id, now_local)


def record_session(store: Store, actor: Actor, data: SessionInput, *, confirmed: bool = False,
                   now: dt.datetime | None = None) -> SessionRecord:
    """Save a new session. `now`: naive UTC, for tests. Raises SessionValidationError, or
    ConfirmationNeeded while there are warnings and `confirmed` is False."""
    return _save(store, actor, None, data, confirmed, now)


def update_session(store: Store, actor: Actor, session_id: str, data: SessionInput, *, confirmed: bool = False,
                   now: dt.datetime | None = None) -> SessionRecord:
    """Replace what the form shows; mentors, persons and actions left out are marked deleted."""
    return _save(store, actor, session_id, data, confirmed, now)


def delete_session(store: Store, actor: Actor, session_id: str) -> None:
    """Soft delete: it no longer counts anywhere; jobs and products that name it keep the link."""
    with store.unit_of_work(actor) as session:
        live_session(session, session_id).deleted_at = utc_now()


def get_session(store: Store, session_id: str) -> SessionRecord | None:
    with store.reader() as session:
        row = session.get(MentoringSession, session_id)
        if row is None or row.deleted_at is not None:
            return None
        return parts.load_records(session, [row])[0]


def set_action_done(store: Store, actor: Actor, action_id: str, done: bool = True) -> ActionRecord:
    with store.unit_of_work(actor) as session:
        row = session.get(AgreedAction, action_id)
        if row is None or row.deleted_at is not None:
            raise UserError(N_("This agreed action no longer exists; refresh the list."))
        live_session(session, row.mentoring_session_id)
        row.is_done = done
        return ActionRecord(row.id, row.description, row.owner, row.due_on, done)


def copy_last_session(store: Store, mentor_id: str, *, organisation_id: str | None = None,
                      person_id: str | None = None, now: dt.datetime | None = None) -> SessionInput | None:
    """A new session's input prefilled from `mentor_id`'s latest live session with the
    organisation (or, without one, the person): same parties, mentors, mode, place, topics and
    times; dated on the planned next session if that day has come, otherwise today. Summary,
    actions and the next date start empty: they belong to the new session. None: no such session."""
    if not (organisation_id or person_id):
        return None
    query = (select(MentoringSession)
             .join(MentoringSessionMentor, MentoringSessionMentor.mentoring_session_id == MentoringSession.id)
             .where(MentoringSessionMentor.staff_id == mentor_id, MentoringSessionMentor.deleted_at.is_(None),
                    MentoringSession.deleted_at.is_(None))
             .order_by(MentoringSession.starts_at.desc(), MentoringSession.id.desc()).limit(1))
    if organisation_id:
        query = query.where(MentoringSession.organisation_id == organisation_id)
    else:
        query = query.join(MentoringSessionPerson, MentoringSessionPerson.mentoring_session_id == MentoringSession.id
                           ).where(MentoringSessionPerson.person_id == person_id,
                                   MentoringSessionPerson.deleted_at.is_(None))
    today = local_now(now).date()
    with store.reader() as session:
        row = session.scalars(query).first()
        if row is None:
            return None
        last = parts.load_records(session, [row])[0]
        # Only persons who can still be coached: not deleted, erased or merged away since.
        persons = tuple(p.id for p in last.persons if (person := session.get(Person, p.id)) is not None
                        and person.deleted_at is None and person.erased_at is None and not person.merged_into_id)
    planned = last.next_session_on
    return SessionInput(
        session_date=planned if planned is not None and last.session_date < planned <= today else today,
        starts=last.starts, ends=last.ends, mode=last.mode, mentor_ids=tuple(m.id for m in last.mentors),
        organisation_id=last.organisation_id, person_ids=persons, place=last.place,
        topics=last.topics, site_id=last.site_id,
    )
