"""What came of the support: jobs, products, competitions; and attached files."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sociolab_desktop.core.store.models.base import KEY_LENGTH, Base, RecordMixin, reference


class Job(RecordMixin, Base):
    """A job created or retained in a social enterprise or cooperative, with support."""

    __tablename__ = "job"

    organisation_id: Mapped[str] = reference("organisation.id")
    person_id: Mapped[str | None] = reference("person.id", nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    contract_type: Mapped[str | None] = mapped_column(String(20))
    is_vulnerable_group: Mapped[bool] = mapped_column(Boolean, default=False)
    occurred_on: Mapped[dt.date] = mapped_column(Date, index=True)
    evidence: Mapped[str | None] = mapped_column(Text)
    mentoring_session_id: Mapped[str | None] = reference("mentoring_session.id", nullable=True)


class Product(RecordMixin, Base):
    """A socially innovative product developed with support."""

    __tablename__ = "product"

    organisation_id: Mapped[str] = reference("organisation.id")
    name: Mapped[str] = mapped_column(String(250))
    description: Mapped[str | None] = mapped_column(Text)
    developed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    stage: Mapped[str] = mapped_column(String(20))
    mentoring_session_id: Mapped[str | None] = reference("mentoring_session.id", nullable=True)


class Competition(RecordMixin, Base):
    __tablename__ = "competition"

    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str | None] = reference("event.id", nullable=True)


class CompetitionEntry(RecordMixin, Base):
    __tablename__ = "competition_entry"

    competition_id: Mapped[str] = reference("competition.id")
    organisation_id: Mapped[str | None] = reference("organisation.id", nullable=True)
    person_id: Mapped[str | None] = reference("person.id", nullable=True)
    entry_title: Mapped[str | None] = mapped_column(String(300))
    award_rank: Mapped[int | None] = mapped_column(Integer)


class Attachment(RecordMixin, Base):
    """A file (e.g. a scanned signed sheet) stored by content hash and linked to one record."""

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    owner_table: Mapped[str] = mapped_column(String(60))
    owner_id: Mapped[str] = mapped_column(String(KEY_LENGTH), index=True)
    description: Mapped[str | None] = mapped_column(String(300))
