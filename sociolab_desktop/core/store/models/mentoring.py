"""Mentoring sessions, diagnostics and development plans, support programme enrolments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sociolab_desktop.core.store.models.base import KEY_LENGTH, Base, RecordMixin, reference


class MentoringSession(RecordMixin, Base):
    __tablename__ = "mentoring_session"

    organisation_id: Mapped[str | None] = reference("organisation.id", nullable=True)
    site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime)
    mode: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(200))
    topics: Mapped[list] = mapped_column(JSON, default=list)
    summary: Mapped[str | None] = mapped_column(Text)
    next_session_on: Mapped[dt.date | None] = mapped_column(Date)


class MentoringSessionMentor(RecordMixin, Base):
    """A mentor who led a session (several may share one)."""

    __tablename__ = "mentoring_session_mentor"

    mentoring_session_id: Mapped[str] = reference("mentoring_session.id")
    staff_id: Mapped[str] = reference("staff_user.id")


class MentoringSessionPerson(RecordMixin, Base):
    """A person coached in a session."""

    __tablename__ = "mentoring_session_person"

    mentoring_session_id: Mapped[str] = reference("mentoring_session.id")
    person_id: Mapped[str] = reference("person.id")


class AgreedAction(RecordMixin, Base):
    __tablename__ = "agreed_action"

    mentoring_session_id: Mapped[str] = reference("mentoring_session.id")
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    is_done: Mapped[bool] = mapped_column(Boolean, default=False)


class Diagnostic(RecordMixin, Base):
    """A dated assessment of an organisation, with the development plan made from it."""

    __tablename__ = "diagnostic"

    organisation_id: Mapped[str] = reference("organisation.id")
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))
    goals: Mapped[str | None] = mapped_column(Text)
    planned_actions: Mapped[str | None] = mapped_column(Text)
    has_development_plan: Mapped[bool] = mapped_column(Boolean, default=False)


class DiagnosticScore(RecordMixin, Base):
    __tablename__ = "diagnostic_score"

    diagnostic_id: Mapped[str] = reference("diagnostic.id")
    area: Mapped[str] = mapped_column(String(40))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)


class ProgrammeEnrolment(RecordMixin, Base):
    """An organisation enrolled in the support programme (training + mentoring for start-ups)."""

    __tablename__ = "programme_enrolment"

    organisation_id: Mapped[str] = reference("organisation.id")
    started_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
