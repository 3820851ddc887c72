"""Fills the mentoring documents' data (core/domain/mentoring_records.py) from the store: per session, per organisation
and month, per mentor and month. Deleted sessions never appear."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.mentoring_records import (
    MentorTimesheetData,
    MonthlyRecordData,
    RecordAction,
    RecordParty,
    RecordSession,
    SessionRecordData,
    TimesheetLine,
)
from sociolab_desktop.core.domain.slovenian_time import to_local
from sociolab_desktop.core.domain.text import slovenian_sort_key
from sociolab_desktop.core.services.mentoring.lookup import live_session
from sociolab_desktop.core.services.mentoring.session_parts import (
    SessionRecord,
    load_records,
)
from sociolab_desktop.core.services.mentoring.time_rules import (
    Period,
    quarters,
    quarters_to_hours,
)
from sociolab_desktop.core.services.records import live_organisation
from sociolab_desktop.core.store.models import (
    MentoringSession,
    MentoringSessionMentor,
    Organisation,
    Person,
    Site,
    StaffUser,
)
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

DEFAULT_LANGUAGE = "sl"


def _session(record: SessionRecord) -> RecordSession:
    return RecordSession(
        session_id=record.id, session_date=record.session_date, starts=record.starts, ends=record.ends,
        minutes=record.minutes, hours=record.hours, mode=record.mode, place=record.place,
        mentors=tuple(m.name for m in record.mentors), persons=tuple(p.name for p in record.persons if p.name),
        topics=record.topics, summary=record.summary,
        actions=tuple(RecordAction(a.description, a.owner, a.due_on, a.is_done) for a in record.actions),
        next_session_on=record.next_session_on)


def _party(organisation: Organisation | None) -> RecordParty:
    if organisation is None:
        return RecordParty(None, None, None, None)
    town = " ".join(part for part in (organisation.postal_code, organisation.post_town) if part)
    address = ", ".join(part for part in (organisation.street_address, town) if part) or None
    return RecordParty(organisation.id, organisation.name, organisation.registration_number, address)


def _site_name(session: Session, site_id: str | None) -> str | None:
    return session.scalar(select(Site.name).where(Site.id == site_id)) if site_id else None


def _sessions_in(session: Session, period: Period, *conditions, join=None) -> list[SessionRecord]:
    starts, until = period.utc_bounds()
    query = select(MentoringSession)
    if join is not None:
        query = query.join(*join)
    query = query.where(MentoringSession.deleted_at.is_(None), MentoringSession.starts_at >= starts,
                        MentoringSession.starts_at < until, *conditions)
    rows = list(session.scalars(query.order_by(MentoringSession.starts_at, MentoringSession.id)))
    return load_records(session, rows)


def session_record(store: Store, session_id: str) -> SessionRecordData:
    with store.reader() as session:
        row = live_session(session, session_id)
        record = load_records(session, [row])[0]
        organisation = session.get(Organisation, row.organisation_id) if row.organisation_id else None
        language = organisation.preferred_language if organisation else None
        if language is None and record.persons:
            language = session.scalar(select(Person.preferred_language).where(Person.id == record.persons[0].id))
        return SessionRecordData(language or DEFAULT_LANGUAGE, record.site_name, _party(organisation),
                                 _session(record))


def monthly_record(store: Store, organisation_id: str, month: dt.date) -> MonthlyRecordData:
    """The calendar month of `month` (any day in it); `sessions` is empty when there were none."""
    period = Period.month(month)
    with store.reader() as session:
        organisation = live_organisation(session, organisation_id)
        records = _sessions_in(session, period, MentoringSession.organisation_id == organisation_id)
        site_name = _site_name(session, organisation.site_id) or (records[0].site_name if records else None)
        mentors = sorted({m.name for record in records for m in record.mentors}, key=slovenian_sort_key)
        return MonthlyRecordData(
            language=organisation.preferred_language or DEFAULT_LANGUAGE, site_name=site_name,
            party=_party(organisation), month_first=period.first, month_last=period.last,
            sessions=tuple(_session(record) for record in records), mentors=tuple(mentors),
            total_sessions=len(records), total_minutes=sum(record.minutes for record in records),
            total_hours=quarters_to_hours(sum(quarters(record.minutes) for record in records)))


def mentor_timesheet(store: Store, mentor_id: str, month: dt.date) -> MentorTimesheetData:
    """The mentor's sessions in the calendar month of `month`, oldest first."""
    period = Period.month(month)
    with store.reader() as session:
        mentor = session.get(StaffUser, mentor_id) if mentor_id else None
        if mentor is None or mentor.deleted_at is not None:
            raise UserError(N_("This staff member no longer exists; refresh the list."))
        link = and_(MentoringSessionMentor.mentoring_session_id == MentoringSession.id,
                    MentoringSessionMentor.staff_id == mentor_id, MentoringSessionMentor.deleted_at.is_(None))
        records = _sessions_in(session, period, join=(MentoringSessionMentor, link))
        lines = tuple(TimesheetLine(
            session_id=r.id, session_date=r.session_date, starts=r.starts, ends=r.ends, minutes=r.minutes,
            hours=r.hours, mode=r.mode, organisation_name=r.organisation_name,
            persons=tuple(p.name for p in r.persons if p.name), topics=r.topics,
            other_mentors=tuple(m.name for m in r.mentors if m.id != mentor_id)) for r in records)
        return MentorTimesheetData(
            mentor_id=mentor_id, mentor_name=mentor.display_name, site_name=_site_name(session, mentor.home_site_id),
            month_first=period.first, month_last=period.last, lines=lines, total_sessions=len(lines),
            total_minutes=sum(line.minutes for line in lines),
            total_hours=quarters_to_hours(sum(quarters(line.minutes) for line in lines)))


def record_months(store: Store, organisation_id: str) -> list[dt.date]:
    """First days of the months in which the organisation had sessions, oldest first."""
    with store.reader() as session:
        starts = session.scalars(select(MentoringSession.starts_at).where(
            MentoringSession.organisation_id == organisation_id, MentoringSession.deleted_at.is_(None)))
        return sorted({to_local(moment).date().replace(day=1) for moment in starts})
