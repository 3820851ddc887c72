"""The batch duplicate search gives exactly what the former one-probe-at-a-time search gave, for
the few probes of the intake form and the thousands of an import, on a demo-like population with
a crowded municipality, names swapped and misspelt, e-mails in other cases, and persons deleted,
merged away and erased."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from person_duplicates_before import duplicate_candidates as duplicate_candidates_before
from sqlalchemy import insert, text

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.domain.municipalities import find_municipality
from sociolab_desktop.core.services import person_duplicates, person_operations, sites
from sociolab_desktop.core.services.demo import generate_demo_data, names
from sociolab_desktop.core.services.person_duplicates import (
    duplicate_candidates,
    duplicate_candidates_many,
)
from sociolab_desktop.core.services.person_search import DuplicateProbe, DuplicateReason
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import Person
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.workspace import open_workspace

TODAY = dt.date(2026, 11, 27)
CROWDED_SURNAMES = ("Novak", "Horvat", "Kovačič", "Zupančič")
MARIBOR, PTUJ = find_municipality("Maribor").code, find_municipality("Ptuj").code
# Found only through the index: no name word in common and other first letters, but the e-mail
# holds "marija" (see test_a_person_only_the_index_finds_is_found_in_both_ways).
HIDDEN = {"first_name": "Mraija", "last_name": "Kvoačič", "email": "marija.kovacic@example.com"}


def _misspelt(rng: random.Random, name: str) -> str:
    if len(name) < 2:
        return name
    at = rng.randrange(len(name))
    letter = rng.choice("aeiklnorsčšžc")
    return rng.choice((name[:at] + name[at + 1:], name[:at] + letter + name[at + 1:], name[:at] + letter + name[at:]))


def _crowd(rng: random.Random, site_id: str, count: int) -> list[dict]:
    """Persons of Maribor sharing four surnames, with first names misspelt now and then, some
    written surname first, some without accents or in capitals."""
    rows = []
    for _ in range(count):
        first = rng.choice((*names.FEMALE_FIRST_NAMES, *names.MALE_FIRST_NAMES))
        last = rng.choice(CROWDED_SURNAMES)
        if rng.random() < 0.3:
            first = _misspelt(rng, first)
        if rng.random() < 0.1:
            first, last = last, first
        if rng.random() < 0.1:
            first, last = first.upper(), last.replace("č", "c")
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 2000)) if rng.random() < 0.7 else None
        rows.append({"first_name": first, "last_name": last, "birth_date": born, "municipality_code": MARIBOR,
                     "site_id": site_id})
    return rows


def _insert(ws, actor: Actor, rows: list[dict]) -> list[str]:
    columns = ("first_name", "last_name", "birth_date", "emso", "email", "municipality_code", "site_id")
    full = []
    for row in rows:
        values = {"id": new_key(), "country_code": "SI", "preferred_language": "sl", "is_incomplete": False,
                  **dict.fromkeys(columns), **row}
        full.append({**values, **derived_values(Person.__tablename__, values)})
    with ws.store.unit_of_work(actor) as session:
        session.execute(insert(Person.__table__), full)
    return [row["id"] for row in full]


@pytest.fixture(scope="module")
def population(tmp_path_factory):
    """1 500 demo persons, 600 crowded in Maribor, a few odd ones, and persons no longer live."""
    ws = open_workspace(tmp_path_factory.mktemp("duplicates") / "data")
    site = sites.create_site(ws.store, ws.settings.site_id, "Informacijska točka Maribor", "sl")
    actor = Actor(site_id=site.id)
    generate_demo_data(ws.store, actor, people=1500, seed=11)
    rng = random.Random(5)
    _insert(ws, actor, _crowd(rng, site.id, 600))
    odd = _insert(ws, actor, [
        {**HIDDEN, "municipality_code": PTUJ},
        {"first_name": "", "last_name": "Novak", "municipality_code": MARIBOR},
        {"first_name": "Đurđa", "last_name": "Čeh", "birth_date": dt.date(1980, 5, 17),
         "email": "Durda.Ceh@Example.com", "municipality_code": PTUJ},
        {"first_name": "DURDA", "last_name": "ceh", "birth_date": dt.date(1980, 5, 17), "municipality_code": PTUJ},
        {"first_name": "Ana", "last_name": "Ceh", "municipality_code": PTUJ},
        {"first_name": "Ana", "last_name": "Čeh", "municipality_code": PTUJ},
        {"first_name": "Ana", "last_name": "Novak", "emso": "0106985505007", "municipality_code": MARIBOR},
        {"first_name": "Ana", "last_name": "Novak", "emso": "0106985505007", "municipality_code": MARIBOR},
        {"first_name": "Ana", "last_name": "Novak", "emso": "0106985505007", "municipality_code": MARIBOR},
        {"first_name": "Ana", "last_name": "Novak", "emso": "0106985505007", "municipality_code": MARIBOR},
    ])
    person_operations.merge_persons(ws.store, actor, odd[6], odd[7])
    person_operations.erase_person(ws.store, actor, odd[8], TODAY)
    with ws.store.unit_of_work(actor) as session:
        session.execute(text("UPDATE person SET deleted_at = :now WHERE id = :id"), {"now": dt.datetime(2026, 1, 1),
                                                                                     "id": odd[9]})
    yield ws
    ws.close()


def _recorded(ws) -> list[dict]:
    with ws.store.reader() as session:
        rows = session.execute(text(
            "SELECT first_name, last_name, birth_date, emso, email, municipality_code FROM person ORDER BY rowid"))
        return [dict(row._mapping) for row in rows]


def _probes(ws, count: int, seed: int) -> list[DuplicateProbe]:
    """Probes made from recorded persons (as they are, misspelt, swapped, in other cases, moved)
    and invented ones."""
    rng = random.Random(seed)
    recorded = _recorded(ws)
    places = sorted({row["municipality_code"] for row in recorded if row["municipality_code"]})
    probes = []
    for _ in range(count):
        row = dict(rng.choice(recorded))
        first, last = row["first_name"] or "", row["last_name"] or ""
        roll = rng.random()
        if roll < 0.25:
            first, last = (_misspelt(rng, first), last) if rng.random() < 0.5 else (first, _misspelt(rng, last))
        elif roll < 0.35:
            first, last = last, first
        elif roll < 0.45:
            first, last = first.upper(), last.lower().replace("č", "c").replace("š", "s")
        elif roll < 0.55:
            first = rng.choice((*names.FEMALE_FIRST_NAMES, *names.MALE_FIRST_NAMES))
            last = rng.choice((*names.LAST_NAMES, *CROWDED_SURNAMES))
        email = row["email"]
        if email and rng.random() < 0.3:
            email = email.upper()
        born = row["birth_date"]
        probes.append(DuplicateProbe(
            first_name=first, last_name=last,
            birth_date=dt.date.fromisoformat(born) if born and rng.random() < 0.8 else None,
            emso=row["emso"] if rng.random() < 0.8 else None,
            email=email if rng.random() < 0.7 else None,
            municipality_code=row["municipality_code"] if rng.random() < 0.8 else rng.choice(places),
        ))
    return probes


@pytest.fixture(params=["narrow", "bulk"])
def reading(request, monkeypatch):
    """Reads probe by probe ("narrow", as for the intake form) or in bulk (as for an import)."""
    monkeypatch.setattr(person_duplicates, "PERSONS_PER_PROBE", 1e-9 if request.param == "narrow" else 1e9)
    return request.param


def _before(ws, probes, exclude_id=None):
    with ws.store.reader() as session:
        return [duplicate_candidates_before(session, probe, exclude_id) for probe in probes]


def test_a_batch_finds_exactly_what_the_former_search_found_probe_by_probe(population, reading):
    probes = _probes(population, 400, seed=1)
    with population.store.reader() as session:
        batch = duplicate_candidates_many(session, probes)
    before = _before(population, probes)
    assert batch == before
    # Not vacuous: every rule found someone, and the crowd gave many candidates at once.
    found = {reason for candidates in before for candidate in candidates for reason in candidate.reasons}
    assert found == set(DuplicateReason)
    assert max(len(candidates) for candidates in before) >= 5


def test_one_probe_at_a_time_finds_exactly_what_the_former_search_found(population):
    probes = _probes(population, 150, seed=2)
    with population.store.reader() as session:
        one_by_one = [duplicate_candidates(session, probe) for probe in probes]
    assert one_by_one == _before(population, probes)


@pytest.mark.parametrize("count", [1, 2, 30])
def test_few_and_many_probes_and_an_excluded_person_give_the_same_answer(population, reading, count):
    probes = _probes(population, count, seed=3)
    with population.store.reader() as session:
        excluded = duplicate_candidates_before(session, probes[0])
        exclude_id = excluded[0].id if excluded else None
        batch = duplicate_candidates_many(session, probes, exclude_id)
    assert batch == _before(population, probes, exclude_id)


def test_a_person_only_the_index_finds_is_found_in_both_ways(population, reading):
    """"Mraija Kvoačič" shares no name word with "Marija Kovačič" and starts otherwise, but her
    e-mail address holds "marija": the index brings her in, and her name is very similar."""
    probe = DuplicateProbe("Marija", "Kovačič", municipality_code=PTUJ)
    with population.store.reader() as session:
        one = duplicate_candidates(session, probe)
        many = duplicate_candidates_many(session, [probe] * 3)
    hidden = [candidate for candidate in one if candidate.first_name == HIDDEN["first_name"]]
    assert [candidate.reasons for candidate in hidden] == [(DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY,)]
    assert all(found == one for found in many)
    assert one == _before(population, [probe])[0]


def test_a_namesake_whose_surname_starts_with_another_letter_is_not_a_candidate(population, reading):
    """"Anna Cehh" shares no word with "Ana Ceh" or "Ana Čeh"; only "Ceh" starts like "Cehh" (č
    sorts after c), so only she is looked at, although both names fold to "ana ceh"."""
    probe = DuplicateProbe("Anna", "Cehh", municipality_code=PTUJ)
    with population.store.reader() as session:
        one = duplicate_candidates(session, probe)
        many = duplicate_candidates_many(session, [probe] * 3)
    assert [(c.first_name, c.last_name) for c in one if c.last_name in ("Ceh", "Čeh")] == [("Ana", "Ceh")]
    assert all(found == one for found in many)
    assert one == _before(population, [probe])[0]


def test_no_probes_need_no_search(population):
    with population.store.reader() as session:
        assert duplicate_candidates_many(session, []) == []
