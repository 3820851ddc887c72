"""Demo organisations of every legal form and stage, and the persons who found, run or join them."""

from __future__ import annotations

import datetime as dt
import random
import re

from sociolab_desktop.core.domain.enums import LegalForm, OrganisationRole, Stage
from sociolab_desktop.core.domain.keys import organisation_role_key
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.demo import catalogue, names
from sociolab_desktop.core.services.demo.context import (
    PROJECT_END,
    PROJECT_START,
    DemoContext,
    ljubljana_to_utc,
    workday,
)
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import Organisation, Person, PersonOrganisationRole

# After one organisation of every (legal form, stage), forms and stages come in these shares.
_FORM_WEIGHTS = {LegalForm.SOCIAL_ENTERPRISE: 27, LegalForm.COOPERATIVE: 16, LegalForm.INSTITUTE: 14,
                 LegalForm.ASSOCIATION: 18, LegalForm.COMPANY: 10, LegalForm.INITIATIVE: 15}
_STAGE_WEIGHTS = {Stage.IDEA: 10, Stage.INITIATIVE: 15, Stage.START_UP: 35, Stage.ESTABLISHED: 40}
_INITIATIVE_STAGES = {Stage.IDEA: 45, Stage.INITIATIVE: 55}

# Roles a form's people typically have, in order: the first person founds or leads it.
_ROLES = {
    LegalForm.COOPERATIVE: (OrganisationRole.FOUNDER, OrganisationRole.MEMBER, OrganisationRole.MEMBER,
                            OrganisationRole.EMPLOYEE),
    LegalForm.ASSOCIATION: (OrganisationRole.CONTACT_PERSON, OrganisationRole.MEMBER,
                            OrganisationRole.MEMBER),
    LegalForm.INITIATIVE: (OrganisationRole.CONTACT_PERSON, OrganisationRole.MEMBER),
}
_LEGAL_SUFFIX_PARTS = {"d", "o", "z", "so", "p"}
_DEFAULT_ROLES = (OrganisationRole.FOUNDER, OrganisationRole.EMPLOYEE, OrganisationRole.EMPLOYEE,
                  OrganisationRole.CONTACT_PERSON)


def organisation_count(people: int) -> int:
    """60 at 500 people (so that 30 and more are mentored), in proportion above and below."""
    return max(len(LegalForm) * len(Stage), round(60 * people / 500))


def add_organisations(ctx: DemoContext) -> None:
    rng = ctx.random("organisations")
    combinations = [(form, stage) for form in LegalForm for stage in Stage]
    used_names: set[str] = set()
    for index in range(organisation_count(ctx.people)):
        if index < len(combinations):
            form, stage = combinations[index]
        else:
            form = rng.choices(list(_FORM_WEIGHTS), list(_FORM_WEIGHTS.values()))[0]
            stages = _INITIATIVE_STAGES if form == LegalForm.INITIATIVE else _STAGE_WEIGHTS
            stage = rng.choices(list(stages), list(stages.values()))[0]
        _organisation(ctx, rng, index, form, stage, used_names)
    _add_roles(ctx)


def _organisation(ctx, rng: random.Random, index: int, form: LegalForm, stage: Stage,
                  used_names: set[str]) -> None:
    place = ctx.podravje_place(rng) if rng.random() < 0.92 else ctx.other_place(rng)
    name = _unique_name(rng, form, place.office.town, used_names)
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in _LEGAL_SUFFIX_PARTS]
    slug = "-".join(words[:4])
    registered = form != LegalForm.INITIATIVE and (
        stage in (Stage.START_UP, Stage.ESTABLISHED) or (stage == Stage.INITIATIVE and rng.random() < 0.3)
    )
    since = workday(rng, PROJECT_START, dt.date(2021, 6, 30))
    ctx.organisation_since.append(since)
    town = ctx.town_area(place.municipality.name)
    site = ctx.site_of_town(town) if town and rng.random() < 0.85 else rng.choice(ctx.info_points)
    registration = ctx.registration_number(rng) if registered else None
    tax = ctx.tax_number(rng) if registered and rng.random() < 0.95 else None
    email = f"info@{slug}.example" if registered or rng.random() < 0.4 else None
    row = {
        "id": ctx.key("organisation", index), "name": name, "legal_form": form.value,
        "stage": stage.value, "registration_number": registration, "tax_number": tax,
        "sector": rng.choice(names.SECTORS),
        "street_address": ctx.street_address(rng, place), "postal_code": place.office.postal_code,
        "post_town": place.office.town, "municipality_code": place.municipality.code,
        "country_code": "SI",
        "website": f"https://www.{slug}.example" if registered and rng.random() < 0.6 else None,
        "email": email,
        "phone": f"02 {rng.randint(200, 899)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        if rng.random() < 0.7 else None,
        "preferred_language": "en" if rng.random() < 0.04 else "sl",
        "site_id": site.id,
        "notes": rng.choice(catalogue.ORGANISATION_NOTES) if rng.random() < 0.1 else None,
    }
    row.update(derived_values(Organisation.__tablename__, row))
    ctx.add(Organisation, row, ljubljana_to_utc(since, rng.randint(8, 15), rng.randint(0, 59)))


def _unique_name(rng: random.Random, form: LegalForm, town: str, used: set[str]) -> str:
    for attempt in range(60):
        base = f"{rng.choice(names.NAME_WORDS)} {rng.choice(names.NAME_NOUNS)}"
        activity = rng.choice(names.NAME_ACTIVITIES)
        patterns = {
            LegalForm.SOCIAL_ENTERPRISE: (f"{base}, socialno podjetje, d.o.o.", f"{base}, so.p., d.o.o."),
            LegalForm.COOPERATIVE: (f"Zadruga {base}, z.o.o.", f"{base}, zadruga {activity}, z.o.o."),
            LegalForm.INSTITUTE: (f"Zavod {base} {activity}", f"{base}, zavod {activity}, so.p."),
            LegalForm.ASSOCIATION: (f"Društvo {base}", f"Društvo {activity} {base}"),
            LegalForm.COMPANY: (f"{base} d.o.o.", f"{base}, trgovina in storitve, d.o.o."),
            LegalForm.INITIATIVE: (f"Pobuda {base}", f"Iniciativa {base} {town}"),
        }
        name = rng.choice(patterns[form])
        if attempt > 30:
            name = f"{name} {town}"  # many organisations: the town tells namesakes apart
        if name not in used:
            break
    number = 1
    candidate = name
    while candidate in used:
        number += 1
        candidate = f"{name} {number}"
    used.add(candidate)
    return candidate


def _add_roles(ctx: DemoContext) -> None:
    rng = ctx.random("roles")
    persons = ctx.table(Person)
    if not persons:
        return
    for index, organisation in enumerate(ctx.table(Organisation)):
        roles = _ROLES.get(LegalForm(organisation["legal_form"]), _DEFAULT_ROLES)
        count = min(len(persons), rng.randint(1, len(roles)))
        chosen = rng.sample(range(len(persons)), count)
        since = ctx.organisation_since[index]
        for number, person_index in enumerate(chosen):
            role = roles[number].value
            person_id = persons[person_index]["id"]
            role_since = since - dt.timedelta(days=rng.randint(0, 900)) if number == 0 else since
            until = None
            if number and rng.random() < 0.05:
                until = min(PROJECT_END, since + dt.timedelta(days=rng.randint(90, 600)))
            ctx.add(PersonOrganisationRole, {
                "id": organisation_role_key(person_id, organisation["id"], role),
                "person_id": person_id, "organisation_id": organisation["id"], "role": role,
                "since": role_since, "until": until,
            }, organisation["created_at"])
            ctx.person_organisations.setdefault(person_index, []).append(organisation["id"])
            ctx.organisation_people.setdefault(index, []).append(person_index)
            if number == 0:
                # Whoever brought the organisation in came to the info point then at the latest.
                ctx.seen(person_index, since)
