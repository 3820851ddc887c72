"""Demo support and its results: mentoring, diagnostics, programme enrolments, jobs, products
and award competitions."""

from __future__ import annotations

import datetime as dt
import random

from sociolab_desktop.core.domain.enums import (
    CompetitionKind,
    ContractType,
    DiagnosticArea,
    EnrolmentStatus,
    JobKind,
    LegalForm,
    MentoringMode,
    MentoringTopic,
    ProductStage,
    Stage,
)
from sociolab_desktop.core.domain.keys import coached_person_key, mentor_link_key
from sociolab_desktop.core.services.demo import catalogue
from sociolab_desktop.core.services.demo.context import (
    PROJECT_END,
    DemoContext,
    is_lockdown,
    ljubljana_to_utc,
    next_workday,
    workday,
)
from sociolab_desktop.core.store.models import (
    AgreedAction,
    Competition,
    CompetitionEntry,
    Diagnostic,
    DiagnosticScore,
    Job,
    MentoringSession,
    MentoringSessionMentor,
    MentoringSessionPerson,
    Organisation,
    Person,
    Product,
    ProgrammeEnrolment,
)

_EMPLOYERS = (LegalForm.SOCIAL_ENTERPRISE.value, LegalForm.COOPERATIVE.value)


def _scaled(people: int, at_500: int, floor: int = 1) -> int:
    return max(floor, round(at_500 * people / 500))


def add_support(ctx: DemoContext) -> None:
    rng = ctx.random("support")
    organisations = ctx.table(Organisation)
    # Over half of the organisations are mentored (at least 30 of the 60 at 500 people).
    mentored = sorted(rng.sample(range(len(organisations)), max(1, len(organisations) * 11 // 20)))
    sessions_by_org = {index: _mentor_organisation(ctx, rng, index) for index in mentored}
    persons = ctx.table(Person)
    for number in range(_scaled(ctx.people, 10) if persons else 0):
        _session(ctx, rng, ("person", number), None, rng.choice(ctx.info_points).id,
                 workday(rng, dt.date(2018, 5, 1), dt.date(2021, 12, 15)),
                 [rng.randrange(len(persons))], None)
    for index in mentored:
        _diagnostics(ctx, rng, index, sessions_by_org[index])
    _enrolments(ctx, rng, mentored)
    _jobs(ctx, rng, mentored, sessions_by_org)
    _products(ctx, rng, mentored, sessions_by_org)
    _competitions(ctx, rng)


def _mentor_organisation(ctx, rng: random.Random, index: int) -> list[tuple[str, dt.date]]:
    organisation = ctx.table(Organisation)[index]
    count = rng.randint(2, 4) if organisation["stage"] == Stage.ESTABLISHED else rng.randint(3, 8)
    day = next_workday(ctx.organisation_since[index] + dt.timedelta(days=rng.randint(0, 30)))
    days = []
    for _ in range(count):
        if day > PROJECT_END:
            break
        days.append(day)
        day = next_workday(day + dt.timedelta(days=rng.randint(14, 90)))
    people = ctx.organisation_people.get(index, [])
    sessions = []
    for number, day in enumerate(days):
        coached = []
        if people and rng.random() < 0.7:
            coached = rng.sample(people, min(len(people), rng.randint(1, 2)))
        following = days[number + 1] if number + 1 < len(days) else None
        session_id = _session(ctx, rng, ("organisation", index, number), organisation["id"],
                              organisation["site_id"], day, coached, following)
        sessions.append((session_id, day))
    return sessions


def _session(ctx, rng: random.Random, key_parts: tuple, organisation_id: str | None, site_id: str,
             day: dt.date, coached: list[int], following: dt.date | None) -> str:
    session_id = ctx.key("mentoring_session", *key_parts)
    hour = rng.randint(8, 15)
    starts = ljubljana_to_utc(day, hour, rng.choice((0, 30)))
    ends = starts + dt.timedelta(minutes=rng.choice((60, 90, 120, 180)))
    if is_lockdown(day):
        mode, place = rng.choice((MentoringMode.ONLINE, MentoringMode.PHONE)), None
    else:
        mode = rng.choices(list(MentoringMode), (75, 18, 7))[0]
        place = "Prostori informacijske točke" if mode == MentoringMode.IN_PERSON else None
    mentors = [ctx.mentor(rng, site_id)]
    if rng.random() < 0.25:
        second = ctx.mentor(rng, site_id)
        if second not in mentors:
            mentors.append(second)
    topics = sorted({rng.choice(list(MentoringTopic)).value for _ in range(rng.randint(1, 3))})
    ctx.add(MentoringSession, {
        "id": session_id, "organisation_id": organisation_id, "site_id": site_id,
        "starts_at": starts, "ends_at": ends, "mode": mode.value, "place": place, "topics": topics,
        "summary": rng.choice(catalogue.MENTORING_SUMMARIES), "next_session_on": following,
    }, ends, by=mentors[0])
    for staff_id in mentors:
        ctx.add(MentoringSessionMentor, {
            "id": mentor_link_key(session_id, staff_id), "mentoring_session_id": session_id,
            "staff_id": staff_id}, ends, by=mentors[0])
    persons = ctx.table(Person)
    for person_index in coached:
        person_id = persons[person_index]["id"]
        ctx.add(MentoringSessionPerson, {
            "id": coached_person_key(session_id, person_id), "mentoring_session_id": session_id,
            "person_id": person_id}, ends, by=mentors[0])
        ctx.seen(person_index, day)
    for number in range(rng.choice((0, 1, 1, 2, 3))):
        due = next_workday(day + dt.timedelta(days=rng.randint(14, 30)))
        ctx.add(AgreedAction, {
            "id": ctx.key("agreed_action", session_id, number), "mentoring_session_id": session_id,
            "description": rng.choice(catalogue.AGREED_ACTIONS),
            "owner": rng.choice(catalogue.ACTION_OWNERS), "due_on": due,
            "is_done": due < PROJECT_END - dt.timedelta(days=45) and rng.random() < 0.85,
        }, ends, by=mentors[0])
    return session_id


def _diagnostics(ctx, rng: random.Random, index: int, sessions: list[tuple[str, dt.date]]) -> None:
    if not sessions:
        return
    organisation_id = ctx.table(Organisation)[index]["id"]
    scores = {area: rng.randint(1, 4) for area in DiagnosticArea}
    days = [sessions[0][1]]
    later = next_workday(days[0] + dt.timedelta(days=rng.randint(180, 420)))
    if rng.random() < 0.5 and later <= PROJECT_END:
        days.append(later)  # a second assessment shows what changed
    for number, day in enumerate(days):
        diagnostic_id = ctx.key("diagnostic", index, number)
        assessor = ctx.mentor(rng, ctx.table(Organisation)[index]["site_id"])
        at = ljubljana_to_utc(day, 16)
        ctx.add(Diagnostic, {
            "id": diagnostic_id, "organisation_id": organisation_id, "assessed_on": day,
            "assessor_id": assessor, "goals": rng.choice(catalogue.DIAGNOSTIC_GOALS),
            "planned_actions": rng.choice(catalogue.DIAGNOSTIC_PLANS),
            "has_development_plan": rng.random() < 0.85,
        }, at, by=assessor)
        for area, score in scores.items():
            ctx.add(DiagnosticScore, {
                "id": ctx.key("diagnostic_score", index, number, area.value),
                "diagnostic_id": diagnostic_id, "area": area.value, "score": score,
                "comment": None if rng.random() < 0.7 else "Napredek po mentorstvu.",
            }, at, by=assessor)
        scores = {area: min(5, score + rng.choice((0, 1, 1, 2))) for area, score in scores.items()}


def _enrolments(ctx, rng: random.Random, mentored: list[int]) -> None:
    organisations = ctx.table(Organisation)
    candidates = [i for i in mentored if organisations[i]["stage"] != Stage.ESTABLISHED]
    for index in candidates[: max(1, len(candidates) * 3 // 4)]:
        started = next_workday(ctx.organisation_since[index] + dt.timedelta(days=rng.randint(0, 60)))
        status = rng.choices(list(EnrolmentStatus), (30, 50, 20))[0]
        ended = outcome = None
        if status != EnrolmentStatus.ACTIVE:
            ended = min(PROJECT_END, next_workday(started + dt.timedelta(days=rng.randint(90, 360))))
            withdrawn = status == EnrolmentStatus.WITHDRAWN
            outcome = catalogue.ENROLMENT_OUTCOMES[2 if withdrawn else rng.randint(0, 1)]
        ctx.add(ProgrammeEnrolment, {
            "id": ctx.key("programme_enrolment", index), "organisation_id": organisations[index]["id"],
            "started_on": started, "status": status.value, "ended_on": ended, "outcome": outcome,
        }, ljubljana_to_utc(started, 11),
            updated_at=ljubljana_to_utc(ended, 11) if ended else None)


def _jobs(ctx, rng: random.Random, mentored: list[int], sessions_by_org: dict) -> None:
    organisations, persons = ctx.table(Organisation), ctx.table(Person)
    employers = [i for i in mentored if organisations[i]["legal_form"] in _EMPLOYERS
                 and organisations[i]["stage"] in (Stage.START_UP, Stage.ESTABLISHED)]
    employers = employers or [i for i, row in enumerate(organisations) if row["legal_form"] in _EMPLOYERS]
    for number in range(_scaled(ctx.people, 45)):
        index = employers[number % len(employers)]
        sessions = sessions_by_org.get(index) or []
        start = sessions[0][1] if sessions else ctx.organisation_since[index]
        day = workday(rng, start, PROJECT_END)
        people = ctx.organisation_people.get(index, [])
        person_index = rng.choice(people) if people and rng.random() < 0.6 else None
        if person_index is not None:
            ctx.seen(person_index, day)
        earlier = [s for s, d in sessions if d <= day]
        ctx.add(Job, {
            "id": ctx.key("job", number), "organisation_id": organisations[index]["id"],
            "person_id": persons[person_index]["id"] if person_index is not None else None,
            "kind": rng.choices(list(JobKind), (65, 35))[0].value,
            "contract_type": rng.choices(list(ContractType), (35, 45, 15, 5))[0].value,
            "is_vulnerable_group": rng.random() < 0.4, "occurred_on": day,
            "evidence": rng.choice(catalogue.JOB_EVIDENCE),
            "mentoring_session_id": rng.choice(earlier) if earlier and rng.random() < 0.5 else None,
        }, ljubljana_to_utc(day, 12))


def _products(ctx, rng: random.Random, mentored: list[int], sessions_by_org: dict) -> None:
    organisations = ctx.table(Organisation)
    for number in range(_scaled(ctx.people, 35)):
        index = mentored[number % len(mentored)]
        sessions = sessions_by_org.get(index) or []
        start = sessions[0][1] if sessions else ctx.organisation_since[index]
        day = workday(rng, start, PROJECT_END)
        name, description = rng.choice(catalogue.PRODUCTS)
        earlier = [s for s, d in sessions if d <= day]
        ctx.add(Product, {
            "id": ctx.key("product", number), "organisation_id": organisations[index]["id"],
            "name": name, "description": description, "developed_on": day,
            "stage": rng.choices(list(ProductStage), (10, 25, 30, 35))[0].value,
            "mentoring_session_id": rng.choice(earlier) if earlier and rng.random() < 0.6 else None,
        }, ljubljana_to_utc(day, 13))


def _competitions(ctx, rng: random.Random) -> None:
    organisations, persons = ctx.table(Organisation), ctx.table(Person)
    for (kind, year), event_id in ctx.competition_events.items():
        competition_id = ctx.key("competition", kind, year)
        title = catalogue.COMPETITION_TITLES[kind][0].format(year=year)
        announced = ljubljana_to_utc(dt.date(year, 6, 1), 10)
        ctx.add(Competition, {"id": competition_id, "kind": kind, "title": title, "year": year,
                              "event_id": event_id}, announced)
        if kind == CompetitionKind.SOCIAL_INNOVATION:
            pool = [i for i, row in enumerate(organisations) if row["legal_form"] != LegalForm.COMPANY]
            size = rng.randint(6, 15)
        else:
            pool = [i for i, row in enumerate(organisations) if row["legal_form"] == LegalForm.COMPANY]
            size = rng.randint(4, 8)
        entrants = rng.sample(pool, min(size, len(pool)))
        for rank_order, index in enumerate(entrants):
            organisation = organisations[index]
            person = None
            if kind == CompetitionKind.ETHICAL_INVESTOR and persons and rng.random() < 0.3:
                organisation, person = None, persons[rng.randrange(len(persons))]
            ctx.add(CompetitionEntry, {
                "id": ctx.key("competition_entry", kind, year, rank_order),
                "competition_id": competition_id,
                "organisation_id": organisation["id"] if organisation else None,
                "person_id": person["id"] if person else None,
                "entry_title": organisation["name"] if organisation
                else f"{person['first_name']} {person['last_name']}",
                "award_rank": rank_order + 1 if rank_order < 3 else None,
            }, ljubljana_to_utc(dt.date(year, 10, 1), 10))
