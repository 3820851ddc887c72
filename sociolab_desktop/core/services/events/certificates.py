"""Who meets an event's certificate rule (a share of the programme's hours attended, 80 % unless
set otherwise), and certificate records whose number is derived from their key.

The PDF itself is built by core/documents from `IssuedCertificate`; issuing the same certificate
again (here or at another info point) gives the same number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.keys import certificate_key
from sociolab_desktop.core.services.events.codes import certificate_number
from sociolab_desktop.core.services.events.lookup import EventError, live_event, sessions_of
from sociolab_desktop.core.services.events.registrations import REGISTERED
from sociolab_desktop.core.services.records import live_person
from sociolab_desktop.core.store.models import Attendance, Certificate, Event, EventSession, Person, Registration, Site
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import Percent, UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES

BOTH_LANGUAGES = "both"
# Hours are kept to two decimals; a share computed from them may miss the rule by a rounding hair.
_TOLERANCE = 1e-6


def meets_rule(hours_attended: float, total_hours: float, min_share: float) -> bool:
    return total_hours > 0 and hours_attended >= total_hours * min_share - _TOLERANCE


class BelowCertificateRule(EventError):
    def __init__(self, person_id: str, name: str, hours_attended: float, hours_required: float,
                 total_hours: float, percent: float) -> None:
        super().__init__(N_("{name} attended {attended} of {total} hours; a certificate needs at least {required} "
                            "hours ({percent}). No certificate was issued."),
                         name=name, attended=float(hours_attended), total=float(total_hours),
                         required=float(hours_required), percent=Percent(percent / 100))
        self.person_id = person_id
        self.hours_attended = hours_attended
        self.hours_required = hours_required


@dataclass(frozen=True)
class EligibilityRow:
    person_id: str
    first_name: str
    last_name: str
    preferred_language: str
    gender: str | None
    hours_attended: float
    sessions_attended: int
    eligible: bool
    certificate_number: str | None  # when a certificate was issued already

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Eligibility:
    """Everyone registered or checked in, by surname in Slovenian order."""

    event_id: str
    total_hours: float
    min_percent: float
    rows: tuple[EligibilityRow, ...]

    @property
    def required_hours(self) -> float:
        return round(self.total_hours * self.min_percent / 100, 2)

    @property
    def eligible(self) -> tuple[EligibilityRow, ...]:
        return tuple(row for row in self.rows if row.eligible)


@dataclass(frozen=True)
class IssuedCertificate:
    """What a certificate prints. `language`: "sl", "en" or "both"."""

    id: str
    number: str
    language: str
    issued_on: dt.date
    person_id: str
    first_name: str
    last_name: str
    gender: str | None  # Gender value; Slovenian wording follows it (udeleženec / udeleženka)
    hours_attended: float
    total_hours: float
    event_id: str
    event_type: str
    title_sl: str
    title_en: str | None
    first_date: dt.date
    last_date: dt.date
    venue: str | None
    site_id: str | None
    site_name: str | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def hours_by_person(session: Session, event_ids: Iterable[str]) -> dict[tuple[str, str], tuple[float, int]]:
    """(event id, person id) → (hours attended, sessions attended), live sessions and check-ins only."""
    ids = list(event_ids)
    result = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(EventSession.event_id, Attendance.person_id, func.sum(EventSession.hours), func.count())
            .join(EventSession, EventSession.id == Attendance.event_session_id)
            .where(EventSession.event_id.in_(ids[start:start + 500]), EventSession.deleted_at.is_(None),
                   Attendance.deleted_at.is_(None))
            .group_by(EventSession.event_id, Attendance.person_id))
        for event_id, person_id, hours, count in rows:
            result[(event_id, person_id)] = (round(float(hours or 0), 2), count)
    return result


def _eligibility(session: Session, event: Event) -> tuple[Eligibility, dict[str, Person]]:
    total = round(sum(float(row.hours) for row in sessions_of(session, event.id)), 2)
    attended = {person: value for (_event, person), value in hours_by_person(session, [event.id]).items()}
    registered = set(session.scalars(select(Registration.person_id).where(
        Registration.event_id == event.id, Registration.status == REGISTERED, Registration.deleted_at.is_(None))))
    people = {person.id: person for person in session.scalars(select(Person).where(
        Person.id.in_(registered | attended.keys()), Person.deleted_at.is_(None), Person.erased_at.is_(None)))}
    numbers = dict(session.execute(select(Certificate.person_id, Certificate.number).where(
        Certificate.event_id == event.id, Certificate.deleted_at.is_(None))).all())
    share = float(event.certificate_min_share)
    rows = []
    for person in sorted(people.values(), key=lambda p: (p.sort_key, p.id)):
        hours, count = attended.get(person.id, (0.0, 0))
        rows.append(EligibilityRow(person.id, person.first_name, person.last_name, person.preferred_language,
                                   person.gender, hours, count, meets_rule(hours, total, share),
                                   numbers.get(person.id)))
    return Eligibility(event.id, total, round(share * 100, 1), tuple(rows)), people


def certificate_eligibility(store: Store, event_id: str) -> Eligibility:
    with store.reader() as session:
        return _eligibility(session, live_event(session, event_id))[0]


def _check_language(language: str | None) -> str | None:
    if language is None or language in (*SUPPORTED_LANGUAGES, BOTH_LANGUAGES):
        return language
    raise UserError(N_("Unknown certificate language “{code}”. Use one of: {choices}."), code=language,
                    choices=", ".join((*SUPPORTED_LANGUAGES, BOTH_LANGUAGES)))


def issue_certificates(store: Store, actor: Actor, event_id: str, *, person_ids: Iterable[str] | None = None,
                       language: str | None = None, today: dt.date | None = None) -> list[IssuedCertificate]:
    """Certificates for `person_ids` (default: everyone who meets the rule), in the given language
    or each person's preferred one. A person asked for who is below the rule is refused
    (BelowCertificateRule) and nothing is issued. A certificate issued before keeps its number
    and date of issue; its hours and language are brought up to date."""
    language = _check_language(language)
    today = today or dt.date.today()
    with store.unit_of_work(actor) as session:
        event = live_event(session, event_id)
        sessions = sessions_of(session, event.id)
        if not sessions:
            raise UserError(N_("The event “{title}” has no sessions, so nobody can meet its certificate rule yet."),
                            title=event.title_sl)
        report, _people = _eligibility(session, event)
        by_person = {row.person_id: row for row in report.rows}
        chosen = list(report.eligible) if person_ids is None else []
        for person_id in person_ids or ():
            person = live_person(session, person_id)
            row = by_person.get(person.id)
            if row is None or not row.eligible:
                raise BelowCertificateRule(person.id, person.full_name, row.hours_attended if row else 0.0,
                                           report.required_hours, report.total_hours, report.min_percent)
            chosen.append(row)
        site = session.get(Site, event.site_id) if event.site_id else None
        issued = []
        for row in chosen:
            record = _certificate_record(session, event, row, language or row.preferred_language,
                                         sessions[-1].session_date, today)
            issued.append(IssuedCertificate(
                record.id, record.number, record.language, record.issued_on, row.person_id, row.first_name,
                row.last_name, row.gender, row.hours_attended, report.total_hours, event.id, event.event_type,
                event.title_sl, event.title_en, sessions[0].session_date, sessions[-1].session_date, event.venue,
                event.site_id, site.name if site else None))
        session.flush()
        return issued


def _certificate_record(session: Session, event: Event, row: EligibilityRow, language: str, last_day: dt.date,
                        today: dt.date) -> Certificate:
    # By pair first: after a merge the survivor's certificate may carry the duplicate's key.
    record = session.scalars(select(Certificate).where(
        Certificate.event_id == event.id, Certificate.person_id == row.person_id, Certificate.deleted_at.is_(None))
        .order_by(Certificate.id)).first()
    key = certificate_key(event.id, row.person_id)
    record = record or session.get(Certificate, key)
    if record is None:
        record = Certificate(id=key, event_id=event.id, person_id=row.person_id,
                             number=certificate_number(key, last_day.year), issued_on=today)
        session.add(record)
    if record.deleted_at is not None:
        record.deleted_at = None
    if record.language != language:
        record.language = language
    if record.hours_attended is None or float(record.hours_attended) != row.hours_attended:
        record.hours_attended = row.hours_attended
    return record
