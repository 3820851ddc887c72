"""Demo clients: persons with ESF entry data, then (once their first visit is known) their
consents and contacts."""

from __future__ import annotations

import datetime as dt
import random

from sociolab_desktop.core.domain.enums import (
    Answer,
    ConsentChannel,
    ConsentPurpose,
    ContactChannel,
    ContactTopic,
    Gender,
    IscedLevel,
    LabourStatus,
    TargetGroup,
)
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.demo import catalogue, names
from sociolab_desktop.core.services.demo.context import (
    PROJECT_END,
    PROJECT_START,
    DemoContext,
    ljubljana_to_utc,
    next_workday,
    workday,
)
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import Consent, Contact, Organisation, Person

MAIL_DOMAINS = ("example.com", "example.net", "example.org", "posta.example", "mail.example")
_MOBILE_PREFIXES = ("031", "040", "041", "051", "068", "070")
_YES, _NO, _DECLINED = Answer.YES.value, Answer.NO.value, Answer.DECLINED.value


def add_persons(ctx: DemoContext) -> None:
    rng = ctx.random("persons")
    used_emails: set[str] = set()
    for index in range(ctx.people):
        ctx.table(Person).append(_person(ctx, rng, index, used_emails))
        ctx.first_seen.append(ctx.table(Person)[-1]["first_contact_date"])


def _person(ctx: DemoContext, rng: random.Random, index: int, used_emails: set[str]) -> dict:
    roll = rng.random()
    country = "SI" if roll < 0.96 else rng.choice(("AT", "AT", "HR", "HU"))
    gender = rng.choices((Gender.FEMALE, Gender.MALE, Gender.NON_BINARY), (53, 46, 1))[0].value
    first, last = _name(rng, country, gender)
    first_contact = workday(rng, PROJECT_START, PROJECT_END - dt.timedelta(days=30))
    age = rng.choices((rng.randint(16, 24), rng.randint(25, 54), rng.randint(55, 76)), (18, 62, 20))[0]
    birth_date = first_contact - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    has_birth_date = rng.random() < 0.85
    row = {
        "id": ctx.key("person", index),
        "first_name": first, "last_name": last, "gender": gender,
        "birth_date": birth_date if has_birth_date else None,
        "birth_year": birth_date.year if has_birth_date or rng.random() < 0.8 else None,
        "emso": None, "tax_number": None, "email": None, "phone": None,
        "street_address": None, "postal_code": None, "post_town": None,
        "municipality_code": None, "country_code": country,
        "preferred_language": "sl", "first_contact_date": first_contact,
        "exit_date": None, "exit_in_education": None, "exit_gained_qualification": None,
        "exit_employed": None, "exit_job_searching": None,
        "is_incomplete": False, "notes": None, "merged_into_id": None, "erased_at": None,
    }
    if country == "SI":
        place = ctx.podravje_place(rng) if roll < 0.84 else ctx.other_place(rng)
        row.update(postal_code=place.office.postal_code, post_town=place.office.town,
                   municipality_code=place.municipality.code)
        if rng.random() < 0.7:
            row["street_address"] = ctx.street_address(rng, place)
        town = ctx.town_area(place.municipality.name)
        rural = not place.municipality.is_urban
        if has_birth_date and gender != Gender.NON_BINARY and rng.random() < 0.3:
            row["emso"] = ctx.emso(rng, birth_date, gender)
        if rng.random() < 0.2:
            row["tax_number"] = ctx.tax_number(rng)
        row["preferred_language"] = "en" if rng.random() < 0.03 else "sl"
    else:
        _, postal_code, town_name = rng.choice([t for t in names.FOREIGN_TOWNS if t[0] == country])
        row.update(postal_code=postal_code, post_town=town_name,
                   street_address=f"{rng.choice(names.FOREIGN_STREETS[country])} {rng.randint(1, 80)}")
        town, rural = None, None
        row["preferred_language"] = "sl" if rng.random() < 0.3 else "en"
    site = ctx.site_of_town(town) if town and rng.random() < 0.8 else rng.choice(ctx.info_points)
    row["site_id"] = site.id
    if rng.random() < 0.8:
        row["email"] = _email(rng, first, last, used_emails)
    if rng.random() < 0.75:
        row["phone"] = _phone(rng, country)
    if rng.random() < 0.04:
        # Registered in a hurry (a walk-in at a fair): ESF answers still to be collected.
        row.update(is_incomplete=True, target_group=None, labour_status=None, isced_level=None,
                   **dict.fromkeys(_ESF_ANSWERS))
    else:
        row.update(_esf_entry(rng, age, rural))
    if rng.random() < 0.05:
        row["notes"] = rng.choice(catalogue.PERSON_NOTES)
    # The same derived columns the unit of work computes for records written through the ORM.
    row.update(derived_values(Person.__tablename__, row))
    return row


def _name(rng: random.Random, country: str, gender: str) -> tuple[str, str]:
    if country == "SI":
        female, male, last_names = names.FEMALE_FIRST_NAMES, names.MALE_FIRST_NAMES, names.LAST_NAMES
    else:
        female, male, last_names = names.FOREIGN_NAMES[country]
    if gender == Gender.NON_BINARY:
        gender = rng.choice((Gender.FEMALE, Gender.MALE))
    return rng.choice(female if gender == Gender.FEMALE else male), rng.choice(last_names)


def _email(rng: random.Random, first: str, last: str, used: set[str]) -> str:
    first_part = "".join(ch for ch in fold(first) if ch.isalnum())
    last_part = "".join(ch for ch in fold(last) if ch.isalnum())
    local = rng.choice((f"{first_part}.{last_part}", f"{first_part}{last_part}",
                        f"{first_part[0]}{last_part}", f"{last_part}.{first_part}"))
    domain = rng.choice(MAIL_DOMAINS)
    email, number = f"{local}@{domain}", 1
    while email in used:
        number += 1
        email = f"{local}{number}@{domain}"
    used.add(email)
    return email


def _phone(rng: random.Random, country: str) -> str:
    digits = [rng.randint(0, 9) for _ in range(7)]
    if country == "AT":
        return f"+43 664 {''.join(map(str, digits))}"
    if country == "HR":
        return f"+385 91 {''.join(map(str, digits[:3]))} {''.join(map(str, digits[3:]))}"
    if country == "HU":
        return f"+36 30 {''.join(map(str, digits))}"
    a, b, c = "".join(map(str, digits[:3])), "".join(map(str, digits[3:6])), digits[6]
    style = rng.random()
    if style < 0.15:
        return f"02 {rng.randint(2, 8)}{a[1:]} {b[:2]} {b[2]}{c}"  # Podravje landline (area code 02)
    prefix = rng.choice(_MOBILE_PREFIXES)
    if style < 0.6:
        return f"{prefix} {a} {b}"
    if style < 0.85:
        return f"+386 {prefix[1:]} {a} {b}"
    return f"{prefix}{a}{b}"


_ESF_ANSWERS = ("jobless_household", "dependent_children", "single_adult_with_children",
                "migrant_or_minority", "disability", "other_disadvantage",
                "homeless_or_housing_excluded", "rural_area")


def _answer(rng: random.Random, yes: float, declined: float = 0.0) -> str:
    roll = rng.random()
    return _YES if roll < yes else _DECLINED if roll < yes + declined else _NO


def _esf_entry(rng: random.Random, age: int, rural: bool | None) -> dict:
    status = LabourStatus
    if age < 25:
        weights = {status.INACTIVE_IN_EDUCATION: 45, status.UNEMPLOYED: 22, status.EMPLOYED: 20,
                   status.LONG_TERM_UNEMPLOYED: 5, status.INACTIVE_NOT_IN_EDUCATION: 5,
                   status.SELF_EMPLOYED: 3}
    elif age > 54:
        weights = {status.EMPLOYED: 30, status.UNEMPLOYED: 25, status.LONG_TERM_UNEMPLOYED: 20,
                   status.INACTIVE_NOT_IN_EDUCATION: 17, status.SELF_EMPLOYED: 8}
    else:
        weights = {status.EMPLOYED: 38, status.UNEMPLOYED: 24, status.SELF_EMPLOYED: 14,
                   status.LONG_TERM_UNEMPLOYED: 14, status.INACTIVE_NOT_IN_EDUCATION: 8,
                   status.INACTIVE_IN_EDUCATION: 2}
    labour = rng.choices(list(weights), list(weights.values()))[0]
    if age < 19:
        isced = rng.choice((IscedLevel.ISCED_2, IscedLevel.ISCED_3))
    else:
        isced = rng.choices(list(IscedLevel), (1, 2, 10, 28, 15, 3, 22, 16, 3))[0]
    unemployed = labour in (status.UNEMPLOYED, status.LONG_TERM_UNEMPLOYED)
    children = _answer(rng, 0.4 if 25 <= age <= 54 else 0.05, 0.03)
    answers = {
        "jobless_household": _answer(rng, 0.35 if unemployed else 0.08, 0.05),
        "dependent_children": children,
        "single_adult_with_children": _answer(rng, 0.2, 0.05) if children == _YES else _NO,
        "migrant_or_minority": _answer(rng, 0.08, 0.06),
        "disability": _answer(rng, 0.07, 0.07),
        "other_disadvantage": _answer(rng, 0.1, 0.05),
        "homeless_or_housing_excluded": _answer(rng, 0.02, 0.04),
        "rural_area": None if rural is None else _answer(rng, 0.75 if rural else 0.05),
    }
    vulnerable = _YES in (answers["disability"], answers["other_disadvantage"],
                          answers["homeless_or_housing_excluded"])
    return {"labour_status": labour.value, "isced_level": isced.value,
            "target_group": _target_group(rng, age, labour, vulnerable), **answers}


def _target_group(rng: random.Random, age: int, labour: LabourStatus, vulnerable: bool) -> str:
    group = TargetGroup
    if vulnerable and rng.random() < 0.5:
        return group.VULNERABLE_GROUP.value
    if labour == LabourStatus.INACTIVE_IN_EDUCATION:
        return rng.choice((group.STUDENT, group.STUDENT, group.YOUNG_PERSON)).value
    if age > 54 and rng.random() < 0.3:
        return group.OLDER_PERSON.value
    if labour in (LabourStatus.UNEMPLOYED, LabourStatus.LONG_TERM_UNEMPLOYED):
        return rng.choice((group.UNEMPLOYED, group.UNEMPLOYED, group.POTENTIAL_ENTREPRENEUR)).value
    if age < 25 and rng.random() < 0.4:
        return group.YOUNG_PERSON.value
    choices = (group.POTENTIAL_ENTREPRENEUR, group.SOCIAL_ENTREPRENEUR, group.COOPERATIVE_MEMBER,
               group.INITIATIVE_MEMBER, group.SUPPORT_STAFF, group.LOCAL_STAKEHOLDER, group.PUBLIC)
    return rng.choices(choices, (30, 25, 10, 10, 10, 10, 5))[0].value


def finish_persons(ctx: DemoContext) -> None:
    """Fix each person's first visit (the earliest thing they took part in) and stamp the rows."""
    rng = ctx.random("person-times")
    for row, first_seen in zip(ctx.table(Person), ctx.first_seen):
        row["first_contact_date"] = first_seen
        created = ljubljana_to_utc(first_seen, rng.randint(8, 14), rng.randint(0, 59))
        exit_date = row["exit_date"]
        updated = ljubljana_to_utc(exit_date, 15, rng.randint(0, 59)) if exit_date else created
        ctx.stamp(row, created, updated_at=updated)


def add_consents(ctx: DemoContext) -> None:
    rng = ctx.random("consents")
    for index, person in enumerate(ctx.table(Person)):
        given = person["first_contact_date"]
        channel = rng.choices(list(ConsentChannel), (75, 10, 15))[0].value
        _consent(ctx, rng, index, person, ConsentPurpose.DATA_PROCESSING, given, channel, 0.02)
        if rng.random() < 0.45:
            channel = rng.choice((ConsentChannel.EMAIL, ConsentChannel.SIGNED_PAPER)).value
            _consent(ctx, rng, index, person, ConsentPurpose.NEWSLETTER, given, channel, 0.12)
        if rng.random() < 0.25:
            _consent(ctx, rng, index, person, ConsentPurpose.PHOTOGRAPHS, given,
                     ConsentChannel.SIGNED_PAPER.value, 0.03)


def _consent(ctx, rng, index, person, purpose, given, channel, withdraw_share) -> None:
    withdrawn = None
    if rng.random() < withdraw_share:
        withdrawn = min(PROJECT_END, given + dt.timedelta(days=rng.randint(20, 500)))
    row = ctx.add(Consent, {
        "id": ctx.key("consent", index, purpose.value), "person_id": person["id"],
        "purpose": purpose.value, "channel": channel, "given_on": given, "withdrawn_on": withdrawn,
        # The consent text was revised once, in June 2019.
        "text_version": "2018-04" if given < dt.date(2019, 6, 1) else "2019-06",
        "attachment_id": None,
    }, person["created_at"], updated_at=ljubljana_to_utc(withdrawn, 10) if withdrawn else None)
    if channel == ConsentChannel.SIGNED_PAPER and purpose == ConsentPurpose.DATA_PROCESSING:
        ctx.signed_consents.append(row)


def add_contacts(ctx: DemoContext) -> None:
    rng = ctx.random("contacts")
    topics, topic_weights = list(ContactTopic), (12, 8, 12, 14, 8, 16, 14, 6)
    for index, person in enumerate(ctx.table(Person)):
        day = person["first_contact_date"]
        visits = 1 + rng.choices((0, 1, 2, 3), (45, 30, 15, 10))[0]
        organisations = ctx.person_organisations.get(index, [])
        for number in range(visits):
            organisation = rng.choice(organisations) if organisations and rng.random() < 0.5 else None
            channel = ContactChannel.VISIT.value if number == 0 and rng.random() < 0.7 else None
            _contact(ctx, rng, ("person", index, number), person["id"], organisation,
                     person["site_id"], day, channel, _topics(rng, topics, topic_weights))
            day = next_workday(day + dt.timedelta(days=rng.randint(7, 300)))
            if day > PROJECT_END:
                break
    for index, organisation in enumerate(ctx.table(Organisation)):
        if rng.random() < 0.3:
            day = workday(rng, ctx.organisation_since[index], PROJECT_END)
            _contact(ctx, rng, ("organisation", index), None, organisation["id"],
                     organisation["site_id"], day, None, _topics(rng, topics, topic_weights))


def _topics(rng: random.Random, topics: list, weights: tuple) -> list[str]:
    chosen = {rng.choices(topics, weights)[0].value for _ in range(rng.choice((1, 1, 2, 3)))}
    return sorted(chosen)


def _contact(ctx, rng, key_parts, person_id, organisation_id, site_id, day, channel, topics) -> None:
    staff_id = ctx.staff_member(rng, site_id)
    channel = channel or rng.choices(list(ContactChannel), (45, 30, 15, 10))[0].value
    follow_up, done = None, False
    if rng.random() < 0.35:
        follow_up = next_workday(day + dt.timedelta(days=rng.randint(7, 21)))
        done = rng.random() < 0.85
    at = ljubljana_to_utc(day, rng.randint(8, 15), rng.randint(0, 59))
    ctx.add(Contact, {
        "id": ctx.key("contact", *key_parts), "person_id": person_id,
        "organisation_id": organisation_id, "site_id": site_id, "staff_id": staff_id,
        "contact_date": day, "channel": channel, "topics": topics,
        "description": rng.choice(catalogue.CONTACT_DESCRIPTIONS),
        "outcome": rng.choice(catalogue.CONTACT_OUTCOMES),
        "referral": rng.choice(catalogue.REFERRALS) if rng.random() < 0.1 else None,
        "follow_up_on": follow_up, "follow_up_done": done,
    }, at, by=staff_id, updated_at=ljubljana_to_utc(follow_up, 10) if done else None)
