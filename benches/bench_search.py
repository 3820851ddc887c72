"""Per-keystroke time of the client search over 100 000 persons, beside raw sqlite3.

Run: /work/venv/bin/python benches/bench_search.py [--people 100000] [--seed 1] [--repeat 7]

Fills a fresh data folder with invented persons (bulk inserts: the demo generator takes minutes
at this size), organisations with roles and consents, then types "novak", "ceh" and "maribor"
one letter at a time. Each keystroke is what the client list does: `count_persons` plus the first
page of 100 (`search_persons`). Beside it: the same SQL on a plain sqlite3 connection (the ratio
is the service's overhead), and the alternative without the FTS5 index (a scan of the indexed
`search_text` column with instr, which covers name, e-mail, phone and EMŠO only). Figures are
medians of --repeat runs on a warm cache, in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert

from sociolab_desktop.core.domain.municipalities import (
    all_municipalities,
    podravje_municipalities,
)
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services import person_search, sites
from sociolab_desktop.core.services.demo import names
from sociolab_desktop.core.services.person_search import ConsentState, PersonFilter
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import (
    Consent,
    Organisation,
    Person,
    PersonOrganisationRole,
)
from sociolab_desktop.workspace import Workspace, open_workspace

WORDS = ("novak", "ceh", "maribor")
_LIVE = "deleted_at IS NULL AND merged_into_id IS NULL AND erased_at IS NULL"


def _key(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _municipality(rng: random.Random, podravje, others):
    roll = rng.random()
    if roll < 0.35:
        return next(m for m in podravje if m.name == "Maribor")
    if roll < 0.45:
        return next(m for m in podravje if m.name == "Ptuj")
    if roll < 0.86:
        return rng.choice(podravje)
    return rng.choice(others) if roll < 0.96 else None


def _persons(rng: random.Random, count: int, site_ids: list[str]) -> list[dict]:
    podravje = podravje_municipalities()
    others = [m for m in all_municipalities() if not m.is_podravje]
    rows = []
    for index in range(count):
        female = rng.random() < 0.53
        first = rng.choice(names.FEMALE_FIRST_NAMES if female else names.MALE_FIRST_NAMES)
        last = rng.choice(names.LAST_NAMES)
        municipality = _municipality(rng, podravje, others)
        first_contact = dt.date(2018, 4, 1) + dt.timedelta(days=rng.randint(0, 1300))
        at = dt.datetime.combine(first_contact, dt.time(9))
        local = f"{fold(first)}.{fold(last)}".replace(" ", "")
        row = {
            "id": _key(rng), "first_name": first, "last_name": last,
            "gender": "female" if female else "male",
            "birth_date": dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 20000)),
            "emso": None, "tax_number": None,
            "email": f"{local}{index}@example.com" if rng.random() < 0.8 else None,
            "phone": f"0{rng.choice((31, 40, 41, 51))} {rng.randint(100, 999)} {rng.randint(100, 999)}"
            if rng.random() < 0.75 else None,
            "municipality_code": municipality.code if municipality else None,
            "country_code": "SI" if municipality else "AT", "preferred_language": "sl",
            "target_group": rng.choice(("student", "unemployed", "social_entrepreneur", "public")),
            "site_id": rng.choice(site_ids), "first_contact_date": first_contact, "is_incomplete": False,
            "created_at": at, "updated_at": at, "origin_site_id": site_ids[0],
            "deleted_at": at if rng.random() < 0.01 else None,
        }
        row.update(derived_values("person", row))
        rows.append(row)
    return rows


def _fill(workspace: Workspace, people: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    site_ids = [workspace.settings.site_id, *(_key(rng) for _ in range(4))]
    sites.create_site(workspace.store, site_ids[0], "Informacijska točka Maribor", "sl")
    persons = _persons(rng, people, site_ids)
    words = ("Zadruga", "Zavod", "Društvo", "Socialno podjetje", "Kooperativa")
    things = ("Sonček", "Čebelica", "Dobri breg", "Zeleni kotiček", "Pomladi", "Mavrica", "Lipa", "Đurđevka")
    organisations = []
    for index in range(max(1, people // 30)):
        name = f"{rng.choice(words)} {rng.choice(things)} {index}"
        row = {"id": _key(rng), "name": name, "legal_form": "cooperative", "country_code": "SI",
               "preferred_language": "sl", "created_at": dt.datetime(2019, 1, 1), "updated_at": dt.datetime(2019, 1, 1)}
        row.update(derived_values("organisation", row))
        organisations.append(row)
    roles = [{"id": _key(rng), "person_id": person["id"], "organisation_id": rng.choice(organisations)["id"],
              "role": "member", "created_at": dt.datetime(2019, 1, 1), "updated_at": dt.datetime(2019, 1, 1)}
             for person in persons if rng.random() < 0.25]
    consents = [{"id": _key(rng), "person_id": person["id"], "purpose": "data_processing", "text_version": "2018-04",
                 "channel": "signed_paper", "given_on": person["first_contact_date"],
                 "withdrawn_on": dt.date(2021, 1, 1) if rng.random() < 0.02 else None,
                 "created_at": person["created_at"], "updated_at": person["created_at"]}
                for person in persons if rng.random() < 0.9]
    with workspace.store.unit_of_work(workspace.actor) as session:
        connection = session.connection().connection.dbapi_connection
        # Not captured for sync: this is a benchmark database, and it fills three times faster.
        with workspace.sync.capture.paused(connection):
            for model, rows in ((Person, persons), (Organisation, organisations),
                                (PersonOrganisationRole, roles), (Consent, consents)):
                session.execute(insert(model.__table__), rows)
    return {"persons": len(persons), "organisations": len(organisations), "roles": len(roles),
            "consents": len(consents)}


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _service(workspace: Workspace, query: str, filters: PersonFilter | None):
    def run():
        person_search.count_persons(workspace.store, query, filters)
        person_search.search_persons(workspace.store, query, filters, offset=0, limit=100)

    return run


def _raw(connection: sqlite3.Connection, query: str, filters: PersonFilter | None):
    """The same statements as the service, on plain sqlite3, rows left as tuples."""
    words = person_search.search_words(query)
    filters = filters or person_search.NO_FILTER

    def run():
        connection.execute(*person_search.count_query(words, filters)).fetchone()
        matches = person_search.index_matches_query(words, filters)
        counted = connection.execute(*matches).fetchone()[0] if matches else None
        sql, params = person_search.page_query(words, filters, offset=0, limit=100, index_matches=counted)
        connection.execute(sql, params).fetchall()

    return run


def _scan(connection: sqlite3.Connection, query: str):
    """Without FTS5: every word must start a word of the indexed search_text column."""
    words = person_search.search_words(query)
    where = " AND ".join(["instr(' ' || search_text, ?) > 0"] * len(words))
    params = [f" {word}" for word in words]

    def run():
        connection.execute(f"SELECT count(*) FROM person WHERE {_LIVE} AND {where}", params).fetchone()
        connection.execute(f"SELECT id, first_name, last_name FROM person WHERE {_LIVE} AND {where} "
                           "ORDER BY sort_key, id LIMIT 100", params).fetchall()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sociolab-bench-") as temporary:
        workspace = open_workspace(Path(temporary) / "data")
        try:
            start = time.perf_counter()
            counts = _fill(workspace, args.people, args.seed)
            print(f"filled in {time.perf_counter() - start:.1f} s: "
                  + ", ".join(f"{count} {table}" for table, count in counts.items()))
            raw = sqlite3.connect(workspace.paths.database)
            site = workspace.settings.site_id
            cases = [(None, "no filter"),
                     (PersonFilter(site_id=site, consent=ConsentState.GIVEN), "info point + consent given"),
                     (PersonFilter(municipality_code="SI-070", first_contact_from=dt.date(2019, 1, 1),
                                   first_contact_to=dt.date(2019, 12, 31)), "Maribor + first contact in 2019")]
            worst = 0.0
            for filters, label in cases:
                print(f"\n{label}: ms per keystroke (count + first page of 100), median of {args.repeat}")
                print(f"{'typed':10} {'matches':>8} {'service':>8} {'sqlite3':>8} {'ratio':>6} {'scan':>8}")
                for word in WORDS:
                    for end in range(1, len(word) + 1):
                        typed = word[:end]
                        matches = person_search.count_persons(workspace.store, typed, filters)
                        service = _median_ms(_service(workspace, typed, filters), args.repeat)
                        plain = _median_ms(_raw(raw, typed, filters), args.repeat)
                        scan = _median_ms(_scan(raw, typed), args.repeat) if filters is None else float("nan")
                        worst = max(worst, service)
                        print(f"{typed:10} {matches:8} {service:8.1f} {plain:8.1f} {service / plain:6.2f} {scan:8.1f}")
            print(f"\nslowest keystroke through the service: {worst:.1f} ms")
            print("\nscrolling: one page of 100 far down the list (search_persons), median ms")
            for typed in ("", "m", "novak"):
                total = person_search.count_persons(workspace.store, typed)
                for offset in (0, total // 2, max(0, total - 100)):
                    took = _median_ms(lambda typed=typed, offset=offset: person_search.search_persons(
                        workspace.store, typed, offset=offset, limit=100), args.repeat)
                    print(f"{typed or '(all)':10} offset {offset:6} of {total:6}: {took:6.1f}")
            raw.close()
        finally:
            workspace.close()


if __name__ == "__main__":
    main()
