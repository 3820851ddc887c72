"""Demo events of every type with their sessions, registrations, attendance and certificates."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

from sociolab_desktop.core.domain.enums import Answer, EventType, LabourStatus, RegistrationStatus
from sociolab_desktop.core.domain.keys import attendance_key, certificate_key, registration_key
from sociolab_desktop.core.services.demo import catalogue, names, scans
from sociolab_desktop.core.services.demo.context import (
    PROJECT_END,
    PROJECT_START,
    DemoContext,
    DemoSite,
    is_lockdown,
    ljubljana_to_utc,
    next_workday,
)
from sociolab_desktop.core.store.models import (
    Attendance,
    Certificate,
    Event,
    EventSession,
    Person,
    Registration,
)

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed
COMPETITION_YEARS = {"social_innovation": (2018, 2019, 2020, 2021), "ethical_investor": (2019, 2021)}


def registration_code(key: str) -> str:
    """Eight characters derived from the registration's key, so every PC prints the same code."""
    number, chars = uuid.UUID(key).int, []
    for _ in range(8):
        number, digit = divmod(number, len(_CODE_ALPHABET))
        chars.append(_CODE_ALPHABET[digit])
    return "".join(chars)


def _scaled(people: int, at_500: int, floor: int = 1) -> int:
    return max(floor, round(at_500 * people / 500))


@dataclass
class _Plan:
    kind: EventType
    title_sl: str
    title_en: str
    site: DemoSite
    days: list[dt.date]
    start: tuple[int, int]
    hours: float
    participants: list[int]
    walk_ins: list[int] = field(default_factory=list)
    capacity: int | None = None
    session_titles: list[str | None] | None = None
    attend_share: float = 0.9
    certificates: bool = False
    scanned: bool = False
    competition: tuple[str, int] | None = None
    venue: str | None = None


def add_events(ctx: DemoContext) -> None:
    planner = _Planner(ctx, ctx.random("events"))
    plans = [*planner.trainings(), *planner.workshops(), *planner.info_sessions(),
             *planner.fairs(), *planner.award_ceremonies(), planner.conference(), *planner.others()]
    for index, plan in enumerate(plans):
        _materialise(ctx, planner.rng, index, plan)


class _Planner:
    """Decides which events take place, when, where and who comes."""

    def __init__(self, ctx: DemoContext, rng: random.Random) -> None:
        self.ctx, self.rng = ctx, rng
        self.count = len(ctx.table(Person))
        self.pool = list(range(self.count))
        rng.shuffle(self.pool)
        self.cursor = 0
        self.lead = next(site for site in ctx.sites if site.is_lead_partner)

    def next_group(self, size: int) -> list[int]:
        """Training groups take people in turn, so that as many different people as possible train."""
        size = min(size, self.count)
        chosen = [self.pool[(self.cursor + i) % self.count] for i in range(size)]
        self.cursor += size
        return chosen

    def sample(self, size: int) -> list[int]:
        return self.rng.sample(range(self.count), min(size, self.count))

    def trainings(self) -> list[_Plan]:
        rng, ctx, plans = self.rng, self.ctx, []
        total = _scaled(ctx.people, 14, 2)
        for number in range(total):
            site = ctx.info_points[number % len(ctx.info_points)]
            first = _spread_day(rng, number, total, weekday=rng.choice((0, 1, 2, 3)))
            days = [first + dt.timedelta(weeks=week) for week in range(rng.randint(4, 8))]
            title_sl, title_en = catalogue.TRAINING_TITLES[number % len(catalogue.TRAINING_TITLES)]
            modules = catalogue.TRAINING_MODULES
            morning = rng.random() < 0.4
            plans.append(_Plan(
                EventType.TRAINING_PROGRAMME, f"{title_sl}, {site.town} {first.year}",
                f"{title_en}, {site.town} {first.year}", site, days,
                (9, 0) if morning else (16, 0), 4.0 if morning else 3.0,
                self.next_group(rng.randint(18, 24)), capacity=25,
                session_titles=[f"{i + 1}. srečanje: {modules[i % len(modules)]}"
                                for i in range(len(days))],
                attend_share=0.85, certificates=rng.random() < 0.75, scanned=number < 3,
            ))
        return plans

    def workshops(self) -> list[_Plan]:
        rng, plans = self.rng, []
        total = _scaled(self.ctx.people, 12, 2)
        for number in range(total):
            site, title = rng.choice(self.ctx.info_points), rng.choice(catalogue.WORKSHOP_TITLES)
            first = _spread_day(rng, number, total)
            days = [first]
            if rng.random() < 0.2:
                days.append(next_workday(first + dt.timedelta(days=7)))
            plans.append(_Plan(EventType.WORKSHOP, *title, site, days, (9, 0), 3.5,
                               self.sample(rng.randint(8, 25)), capacity=30,
                               certificates=rng.random() < 0.3))
        return plans

    def info_sessions(self) -> list[_Plan]:
        rng, plans = self.rng, []
        total = _scaled(self.ctx.people, 10, 2)
        for number in range(total):
            site, title = rng.choice(self.ctx.info_points), rng.choice(catalogue.INFO_SESSION_TITLES)
            plans.append(_Plan(EventType.INFO_SESSION, *title, site, [_spread_day(rng, number, total)],
                               (17, 0), 1.5, self.sample(rng.randint(5, 20))))
        return plans

    def fairs(self) -> list[_Plan]:
        plans = []
        towns = ("Maribor", "Ptuj", "Slovenska Bistrica", "Lenart")
        for year, town in zip((2018, 2019, 2020, 2021), towns):
            day = dt.date(year, 9, 20) + dt.timedelta(days=self.rng.randint(0, 14))
            while day.weekday() != 4:  # a Friday, with the open days on Saturday
                day += dt.timedelta(days=1)
            visitors = self.sample(30 + self.ctx.people // 15)
            split = len(visitors) * 3 // 5
            plans.append(_Plan(
                EventType.FAIR, catalogue.FAIR_TITLE[0].format(year=year),
                catalogue.FAIR_TITLE[1].format(year=year), self.lead,
                [day, day + dt.timedelta(days=1)], (9, 0), 8.0, visitors[:split],
                walk_ins=visitors[split:], session_titles=["Sejem", "Dan odprtih vrat"],
                attend_share=0.8, scanned=True, venue=names.FAIR_VENUE.format(town=town),
            ))
        return plans

    def award_ceremonies(self) -> list[_Plan]:
        plans = []
        for kind, years in COMPETITION_YEARS.items():
            title_sl, title_en = catalogue.COMPETITION_TITLES[kind]
            for year in years:
                day = next_workday(dt.date(year, 11, 25) + dt.timedelta(days=self.rng.randint(0, 10)))
                plans.append(_Plan(
                    EventType.COMPETITION,
                    catalogue.COMPETITION_EVENT_TITLE[0].format(title=title_sl.format(year=year)),
                    catalogue.COMPETITION_EVENT_TITLE[1].format(title_en=title_en.format(year=year)),
                    self.lead, [day], (17, 0), 2.0, self.sample(self.rng.randint(20, 50)),
                    competition=(kind, year),
                ))
        return plans

    def conference(self) -> _Plan:
        day = dt.date(2021, 9, 16)
        guests = self.sample(70 + self.ctx.people // 20)
        return _Plan(EventType.CONFERENCE, *catalogue.CONFERENCE_TITLE, self.lead,
                     [day, day + dt.timedelta(days=1)], (9, 0), 7.0, guests[10:],
                     walk_ins=guests[:10], capacity=250, venue=names.CONFERENCE_VENUE,
                     session_titles=["1. dan: plenarni del", "2. dan: delavnice"])

    def others(self) -> list[_Plan]:
        total = _scaled(self.ctx.people, 3)
        return [
            _Plan(EventType.OTHER, *catalogue.OTHER_TITLES[number % len(catalogue.OTHER_TITLES)],
                  self.rng.choice(self.ctx.info_points), [_spread_day(self.rng, number, total)],
                  (15, 0), 3.0, self.sample(self.rng.randint(10, 30)))
            for number in range(total)
        ]


def _spread_day(rng: random.Random, number: int, total: int, weekday: int | None = None) -> dt.date:
    """The number-th of `total` days spread over the project, not in its last six weeks."""
    span = (PROJECT_END - dt.timedelta(days=60) - PROJECT_START).days
    day = PROJECT_START + dt.timedelta(days=int((number + rng.random()) * span / total))
    if weekday is not None:
        day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    return next_workday(day)


def _materialise(ctx: DemoContext, rng: random.Random, index: int, plan: _Plan) -> None:
    event_id = ctx.key("event", index)
    online = all(is_lockdown(day) for day in plan.days) and plan.kind != EventType.FAIR
    venue = names.ONLINE_VENUE if online else rng.choice(names.VENUES).format(town=plan.site.town)
    venue = plan.venue or venue
    opened = ljubljana_to_utc(max(PROJECT_START, plan.days[0] - dt.timedelta(days=rng.randint(30, 60))), 7)
    staff = ctx.staff_by_site.get(plan.site.id) or ctx.staff_by_site[ctx.site_id]
    organiser = rng.choice(staff)
    ctx.add(Event, {
        "id": event_id, "event_type": plan.kind.value, "title_sl": plan.title_sl,
        "title_en": plan.title_en, "description": None, "venue": venue, "site_id": plan.site.id,
        "capacity": plan.capacity, "certificate_min_share": 0.8,
    }, opened, by=organiser)
    if plan.competition:
        ctx.competition_events[plan.competition] = event_id
    sessions = []
    for number, day in enumerate(plan.days):
        session_id = ctx.key("event_session", index, number)
        hour, minute = plan.start
        end = dt.datetime(2000, 1, 1, hour, minute) + dt.timedelta(hours=plan.hours)
        title = plan.session_titles[number] if plan.session_titles else None
        ctx.add(EventSession, {
            "id": session_id, "event_id": event_id, "title": title, "session_date": day,
            "starts_at": dt.time(hour, minute), "ends_at": end.time(), "hours": plan.hours,
            "venue": None,
        }, opened, by=organiser)
        sessions.append((session_id, day))
        if plan.scanned and not online:
            scans.attach(ctx, "event_session", session_id, f"podpisana-lista-{day:%Y-%m-%d}.pdf",
                         (plan.title_sl, title or "", f"{day:%d. %m. %Y}"), day)
    persons = ctx.table(Person)
    first_day, last_day = plan.days[0], plan.days[-1]
    walk_ins = set(plan.walk_ins)
    for person_index in plan.participants + plan.walk_ins:
        walk_in = person_index in walk_ins
        person = persons[person_index]
        key = registration_key(event_id, person["id"])
        status = RegistrationStatus.REGISTERED
        if not walk_in:
            status = rng.choices(list(RegistrationStatus), (92, 3, 5))[0]
        if walk_in:
            # Registered at the door of the day they came, and checked in there and then.
            door = rng.choice(sessions)
            registered_on = door[1]
        else:
            registered_on = max(PROJECT_START, first_day - dt.timedelta(days=rng.randint(3, 30)))
        cancelled_on = None
        if status == RegistrationStatus.CANCELLED:
            notice = (first_day - registered_on).days
            cancelled_on = registered_on + dt.timedelta(days=rng.randint(0, notice))
        ctx.seen(person_index, registered_on)
        checker = rng.choice(staff)
        ctx.add(Registration, {
            "id": key, "event_id": event_id, "person_id": person["id"], "status": status.value,
            "registered_on": registered_on, "code": registration_code(key),
            "cancelled_on": cancelled_on,
        }, ljubljana_to_utc(registered_on, rng.randint(8, 15), rng.randint(0, 59)),
            by=checker if walk_in else None)
        if status != RegistrationStatus.REGISTERED:
            continue
        attended = [s for s in sessions if rng.random() < plan.attend_share]
        if plan.kind == EventType.TRAINING_PROGRAMME and not attended:
            attended = [sessions[0]]
        if walk_in:
            attended = [door]
        for session_id, day in attended:
            hour, minute = plan.start
            at = ljubljana_to_utc(day, hour, minute) - dt.timedelta(minutes=rng.randint(0, 15))
            ctx.add(Attendance, {
                "id": attendance_key(session_id, person["id"]), "event_session_id": session_id,
                "person_id": person["id"], "checked_in_at": at, "is_walk_in": walk_in,
                "checked_in_by_id": checker,
            }, at, by=checker)
        hours = plan.hours * len(attended)
        completed = hours >= 0.8 * plan.hours * len(sessions)
        if plan.certificates and completed:
            _certificate(ctx, rng, event_id, person, last_day, hours)
        if plan.kind == EventType.TRAINING_PROGRAMME and person["exit_date"] is None:
            _record_exit(rng, person, last_day, completed and plan.certificates)


def _certificate(ctx, rng, event_id: str, person: dict, last_day: dt.date, hours: float) -> None:
    key = certificate_key(event_id, person["id"])
    issued = min(PROJECT_END, next_workday(last_day + dt.timedelta(days=rng.randint(1, 14))))
    ctx.add(Certificate, {
        "id": key, "event_id": event_id, "person_id": person["id"],
        # Derived from the key, so two PCs printing the same certificate print the same number.
        "number": f"{issued.year}-{key[:8].upper()}", "language": person["preferred_language"],
        "issued_on": issued, "hours_attended": hours,
    }, ljubljana_to_utc(issued, rng.randint(9, 14), rng.randint(0, 59)))


def _record_exit(rng: random.Random, person: dict, last_day: dt.date, qualified: bool) -> None:
    """ESF result indicators, recorded when a participant leaves the programme."""
    if person["is_incomplete"] or rng.random() < 0.2:
        return
    yes, no = Answer.YES.value, Answer.NO.value
    unemployed = person["labour_status"] in (LabourStatus.UNEMPLOYED, LabourStatus.LONG_TERM_UNEMPLOYED)
    employed = person["labour_status"] in (LabourStatus.EMPLOYED, LabourStatus.SELF_EMPLOYED)
    gets_job = employed or (unemployed and rng.random() < 0.3)
    person.update(
        exit_date=last_day,
        exit_in_education=yes if person["labour_status"] == LabourStatus.INACTIVE_IN_EDUCATION else no,
        exit_gained_qualification=yes if qualified else no,
        exit_employed=yes if gets_job else no,
        exit_job_searching=yes if unemployed and not gets_job else no,
    )
