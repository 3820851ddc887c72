"""Info points, staff, clients (persons), organisations, consents and contacts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sociolab_desktop.core.store.models.base import KEY_LENGTH, Base, RecordMixin, reference


class Site(RecordMixin, Base):
    """An info point (or the lead partner): one SQLite database, one writer on the share."""

    __tablename__ = "site"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5), default="sl")
    is_lead_partner: Mapped[bool] = mapped_column(Boolean, default=False)


class StaffUser(RecordMixin, Base):
    __tablename__ = "staff_user"

    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    is_staff: Mapped[bool] = mapped_column(Boolean, default=True)
    is_mentor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    home_site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))


class Person(RecordMixin, Base):
    """A client or participant, with the ESF data counted at entry."""

    __tablename__ = "person"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    emso: Mapped[str | None] = mapped_column(String(13), index=True)
    tax_number: Mapped[str | None] = mapped_column(String(8))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    street_address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(4))
    post_town: Mapped[str | None] = mapped_column(String(100))
    municipality_code: Mapped[str | None] = mapped_column(String(10), index=True)
    country_code: Mapped[str] = mapped_column(String(2), default="SI")
    preferred_language: Mapped[str] = mapped_column(String(5), default="sl")
    target_group: Mapped[str | None] = mapped_column(String(40))
    site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH), index=True)
    first_contact_date: Mapped[dt.date | None] = mapped_column(Date)
    # ESF common indicators at entry (Regulation (EU) No 1304/2013, Annex I).
    labour_status: Mapped[str | None] = mapped_column(String(40))
    isced_level: Mapped[str | None] = mapped_column(String(10))
    jobless_household: Mapped[str | None] = mapped_column(String(10))
    dependent_children: Mapped[str | None] = mapped_column(String(10))
    single_adult_with_children: Mapped[str | None] = mapped_column(String(10))
    migrant_or_minority: Mapped[str | None] = mapped_column(String(10))
    disability: Mapped[str | None] = mapped_column(String(10))
    other_disadvantage: Mapped[str | None] = mapped_column(String(10))
    homeless_or_housing_excluded: Mapped[str | None] = mapped_column(String(10))
    rural_area: Mapped[str | None] = mapped_column(String(10))
    # ESF result indicators at exit.
    exit_date: Mapped[dt.date | None] = mapped_column(Date)
    exit_in_education: Mapped[str | None] = mapped_column(String(10))
    exit_gained_qualification: Mapped[str | None] = mapped_column(String(10))
    exit_employed: Mapped[str | None] = mapped_column(String(10))
    exit_job_searching: Mapped[str | None] = mapped_column(String(10))
    is_incomplete: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    # Derived, kept current on every write by the unit of work.
    search_text: Mapped[str] = mapped_column(Text, default="", index=True)
    sort_key: Mapped[str] = mapped_column(String(250), default="", index=True)
    # Replicated operations: merge points the loser at the survivor; erasure blanks personal data.
    merged_into_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH), index=True)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Organisation(RecordMixin, Base):
    """A social enterprise, cooperative, institute, association, company or initiative."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(250))
    legal_form: Mapped[str] = mapped_column(String(40))
    stage: Mapped[str | None] = mapped_column(String(20))
    registration_number: Mapped[str | None] = mapped_column(String(10), index=True)
    tax_number: Mapped[str | None] = mapped_column(String(8), index=True)
    sector: Mapped[str | None] = mapped_column(String(120))
    street_address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(4))
    post_town: Mapped[str | None] = mapped_column(String(100))
    municipality_code: Mapped[str | None] = mapped_column(String(10), index=True)
    country_code: Mapped[str] = mapped_column(String(2), default="SI")
    website: Mapped[str | None] = mapped_column(String(250))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    preferred_language: Mapped[str] = mapped_column(String(5), default="sl")
    site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="", index=True)
    sort_key: Mapped[str] = mapped_column(String(250), default="", index=True)


class PersonOrganisationRole(RecordMixin, Base):
    __tablename__ = "person_organisation_role"

    person_id: Mapped[str] = reference("person.id")
    organisation_id: Mapped[str] = reference("organisation.id")
    role: Mapped[str] = mapped_column(String(30))
    since: Mapped[dt.date | None] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)


class Consent(RecordMixin, Base):
    __tablename__ = "consent"

    person_id: Mapped[str] = reference("person.id")
    purpose: Mapped[str] = mapped_column(String(40))
    text_version: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(20))
    given_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    attachment_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))


class Contact(RecordMixin, Base):
    """A visit, call or e-mail at an info point."""

    __tablename__ = "contact"

    person_id: Mapped[str | None] = reference("person.id", nullable=True)
    organisation_id: Mapped[str | None] = reference("organisation.id", nullable=True)
    site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH), index=True)
    staff_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))
    contact_date: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    topics: Mapped[list] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    referral: Mapped[str | None] = mapped_column(String(250))
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


class PersonMerge(RecordMixin, Base):
    """A replicated operation: `loser` was a duplicate of `survivor`; references follow it."""

    __tablename__ = "person_merge"

    loser_id: Mapped[str] = mapped_column(String(KEY_LENGTH), index=True)
    survivor_id: Mapped[str] = mapped_column(String(KEY_LENGTH), index=True)


class PersonErasure(RecordMixin, Base):
    """A replicated GDPR erasure: the person's personal data is blanked on every PC, for good."""

    __tablename__ = "person_erasure"

    person_id: Mapped[str] = mapped_column(String(KEY_LENGTH), index=True)
    requested_on: Mapped[dt.date] = mapped_column(Date)
