"""Fill an initialised database with invented, deterministic demo data for every table.

Rows are built as plain dicts and written with bulk inserts in one unit of work: building ORM
objects one by one would take minutes for 10 000 people. Bulk inserts skip the unit of work's
before-flush hook, so the rows carry the audit and search columns it would have stamped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select

from sociolab_desktop.core.services.demo import events, organisations, people, staffing, support
from sociolab_desktop.core.services.demo.context import DemoContext
from sociolab_desktop.core.services.demo.scans import attach
from sociolab_desktop.core.store import models
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)

MAX_PEOPLE = 1_000_000
_SCANNED_CONSENTS = 12


@dataclass(frozen=True)
class DemoSummary:
    """How many rows the demo wrote to each table; `admin_id` is the demo administrator here."""

    sites: int = 0
    staff_users: int = 0
    persons: int = 0
    organisations: int = 0
    person_organisation_roles: int = 0
    consents: int = 0
    contacts: int = 0
    events: int = 0
    event_sessions: int = 0
    registrations: int = 0
    attendances: int = 0
    certificates: int = 0
    mentoring_sessions: int = 0
    mentoring_session_mentors: int = 0
    mentoring_session_persons: int = 0
    agreed_actions: int = 0
    diagnostics: int = 0
    diagnostic_scores: int = 0
    programme_enrolments: int = 0
    jobs: int = 0
    products: int = 0
    competitions: int = 0
    competition_entries: int = 0
    attachments: int = 0
    admin_id: str | None = None

    def by_table(self) -> dict[str, int]:
        """Rows written per database table, by the table's name."""
        return {model.__tablename__: getattr(self, name) for model, name in _SUMMARY_FIELDS}


# Insert order follows the foreign keys (which are checked at commit anyway).
_SUMMARY_FIELDS = (
    (models.Site, "sites"), (models.StaffUser, "staff_users"), (models.Person, "persons"),
    (models.Organisation, "organisations"),
    (models.PersonOrganisationRole, "person_organisation_roles"), (models.Consent, "consents"),
    (models.Contact, "contacts"), (models.Event, "events"), (models.EventSession, "event_sessions"),
    (models.Registration, "registrations"), (models.Attendance, "attendances"),
    (models.Certificate, "certificates"), (models.MentoringSession, "mentoring_sessions"),
    (models.MentoringSessionMentor, "mentoring_session_mentors"),
    (models.MentoringSessionPerson, "mentoring_session_persons"),
    (models.AgreedAction, "agreed_actions"), (models.Diagnostic, "diagnostics"),
    (models.DiagnosticScore, "diagnostic_scores"),
    (models.ProgrammeEnrolment, "programme_enrolments"), (models.Job, "jobs"),
    (models.Product, "products"), (models.Competition, "competitions"),
    (models.CompetitionEntry, "competition_entries"), (models.Attachment, "attachments"),
)


def database_holds_people(store: Store) -> bool:
    """True when any person is recorded (deleted or not): demo data must not mix with them."""
    with store.reader() as session:
        return session.scalar(select(func.count()).select_from(models.Person)) > 0


def generate_demo_data(store: Store, actor: Actor, *, people: int = 1000, seed: int = 1,
                       attachments_dir: Path | None = None) -> DemoSummary:
    """Invent `people` clients and everything around them for this PC's info point.

    The same seed and site (and signed-in staff member) give exactly the same rows. With
    `attachments_dir`, stand-in scans of signed sheets are written there, named by SHA-256.
    """
    if not 1 <= people <= MAX_PEOPLE:
        raise ValueError(f"people must be between 1 and {MAX_PEOPLE}, not {people}")
    if not actor.site_id:
        raise UserError(N_("Set up this PC's info point before adding demo data."))
    with store.unit_of_work(actor) as session:
        site = session.get(models.Site, actor.site_id)
        if site is None:
            raise UserError(N_("This PC's info point is missing from the database."))
        ctx = DemoContext(site_id=actor.site_id, seed=seed, people=people,
                          recorder_id=actor.staff_id, attachments_dir=attachments_dir)
        _build(ctx, site.name)
        counts = {}
        for model, name in sorted(_SUMMARY_FIELDS, key=_persons_after_their_links):
            rows = _uniform(ctx.table(model))
            counts[name] = len(rows)
            if rows:
                # Core insert of the table: one executemany, without the ORM's per-row work.
                session.execute(insert(model.__table__), rows)
    log.info("Demo data written: seed %s, %s", seed,
             ", ".join(f"{name}={count}" for name, count in counts.items()))
    return DemoSummary(**counts, admin_id=ctx.admin_id)


def _persons_after_their_links(entry: tuple) -> int:
    """Persons go in after their consents and roles (the foreign keys are checked at commit):
    the search index then builds each person's entry once, instead of again for every consent
    and role (about 2 s of 10 for 10 000 people)."""
    return 1 if entry[0] is models.Person else 0


def _build(ctx: DemoContext, own_site_name: str) -> None:
    staffing.add_sites(ctx, own_site_name)
    staffing.add_staff(ctx)
    people.add_persons(ctx)
    organisations.add_organisations(ctx)
    events.add_events(ctx)
    support.add_support(ctx)
    people.finish_persons(ctx)
    people.add_consents(ctx)
    people.add_contacts(ctx)
    for number, consent in enumerate(ctx.signed_consents[:_SCANNED_CONSENTS]):
        consent["attachment_id"] = attach(
            ctx, "consent", consent["id"], f"soglasje-{number + 1:03d}.pdf",
            ("Soglasje za obdelavo osebnih podatkov", f"{consent['given_on']:%d. %m. %Y}"),
            consent["given_on"])


def _uniform(rows: list[dict]) -> list[dict]:
    """Give every row the same keys, so the inserts run as one executemany per table."""
    if not rows:
        return rows
    columns = set().union(*(row.keys() for row in rows))
    for row in rows:
        if len(row) != len(columns):
            for column in columns - row.keys():
                row[column] = None
    return rows
