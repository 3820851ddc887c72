"""Events, their sessions, registrations, attendance and certificates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from sociolab_desktop.core.store.models.base import KEY_LENGTH, Base, RecordMixin, reference


class Event(RecordMixin, Base):
    __tablename__ = "event"

    event_type: Mapped[str] = mapped_column(String(30), index=True)
    title_sl: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    venue: Mapped[str | None] = mapped_column(String(300))
    site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH), index=True)
    capacity: Mapped[int | None] = mapped_column(Integer)
    # Share of the programme's hours a participant must attend for a certificate (0.8 = 80 %).
    certificate_min_share: Mapped[float] = mapped_column(Numeric(4, 3, asdecimal=False), default=0.8)


class EventSession(RecordMixin, Base):
    __tablename__ = "event_session"

    event_id: Mapped[str] = reference("event.id")
    title: Mapped[str | None] = mapped_column(String(300))
    session_date: Mapped[dt.date] = mapped_column(Date, index=True)
    starts_at: Mapped[dt.time] = mapped_column(Time)
    ends_at: Mapped[dt.time] = mapped_column(Time)
    hours: Mapped[float] = mapped_column(Numeric(5, 2, asdecimal=False))
    venue: Mapped[str | None] = mapped_column(String(300))


class Registration(RecordMixin, Base):
    """Unique per (event, person): its key is derived from both (see domain.keys)."""

    __tablename__ = "registration"

    event_id: Mapped[str] = reference("event.id")
    person_id: Mapped[str] = reference("person.id")
    status: Mapped[str] = mapped_column(String(20))
    registered_on: Mapped[dt.date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(20), index=True)
    cancelled_on: Mapped[dt.date | None] = mapped_column(Date)


class Attendance(RecordMixin, Base):
    """Unique per (event session, person): its key is derived from both."""

    __tablename__ = "attendance"

    event_session_id: Mapped[str] = reference("event_session.id")
    person_id: Mapped[str] = reference("person.id")
    checked_in_at: Mapped[dt.datetime] = mapped_column(DateTime)
    is_walk_in: Mapped[bool] = mapped_column(Boolean, default=False)
    checked_in_by_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))


class Certificate(RecordMixin, Base):
    """Unique per (event, person); its number is derived from the key, not a local counter."""

    __tablename__ = "certificate"

    event_id: Mapped[str] = reference("event.id")
    person_id: Mapped[str] = reference("person.id")
    number: Mapped[str] = mapped_column(String(40), index=True)
    language: Mapped[str] = mapped_column(String(5))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    hours_attended: Mapped[float] = mapped_column(Numeric(6, 2, asdecimal=False))
