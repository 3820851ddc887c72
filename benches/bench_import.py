"""How long importing 10 000 persons takes, from CSV and from XLSX, against bare SQLite inserts.

Run: /work/venv/bin/python benches/bench_import.py [--rows 10000] [--existing 0] [--crowded 0]
     [--formats csv,xlsx] [--per-probe 0] [--keep DIR] [--seed 1]

Writes a Windows-1250 `;` CSV and an XLSX of invented persons (names with č š ž ć đ, the Podravje
municipalities, dates as "1. 6. 1985", valid EMŠO for a third, e-mail and phone for most), then
imports each into a data folder (with `--existing N` demo persons already recorded, so the
duplicate search has something to search), timing each step as the import window runs them:
reading, checking the rows, the preview's duplicate search, and the import (which searches again
inside its transaction, then writes). Then the same rows are inserted with bare sqlite3
`executemany` into the schema without triggers, for the ratio.

`--crowded N` is the duplicate search's bad case: N more persons in Maribor who share eight
common surnames (first names with a spelling variant now and then), and half of the file's rows
are such persons too, so that every one of them has thousands of persons with a name word in
common in the same municipality. `--per-probe K` also times the duplicate search one row at a
time (the intake form's path) on K rows of the file, for comparison with the batch. Populating
100 000 persons takes minutes: `--keep DIR` keeps the populated data folder there for the next run.

Measured on the 2-core build machine, 10 000 rows from CSV, CPU seconds of the preview's
duplicate search + of the import (which searches again, then writes), before → after the batch
search of core/services/person_duplicates.py (the same rows found as duplicates):
    10 000 persons                 7.8 +   9.3  →  0.9 + 2.4
    100 000 persons               51   +  48    →  3.3 + 4.6
    100 000 + 20 000 crowded     448   + 435    →  7.4 + 9.2
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from stdnum.si import emso

from sociolab_desktop.core.domain.keys import new_key
from sociolab_desktop.core.domain.municipalities import (
    find_municipality,
    podravje_municipalities,
    seat_post_office,
)
from sociolab_desktop.core.services import importing, sites
from sociolab_desktop.core.services.demo import names
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.workspace import open_workspace

HEADER = ["Ime", "Priimek", "Spol", "Datum rojstva", "EMŠO", "E-pošta", "Telefon", "Naslov", "Pošta", "Občina"]
CROWDED_SURNAMES = ("Novak", "Horvat", "Kovačič", "Krajnc", "Zupančič", "Potočnik", "Kovač", "Vidmar")
CROWDED_MUNICIPALITY = "Maribor"


def _variant(rng: random.Random, name: str) -> str:
    """The name, or now and then a one-letter spelling variant of it ("Marija" → "Mariija")."""
    if rng.random() >= 0.15 or len(name) < 3:
        return name
    at = rng.randrange(1, len(name))
    letter = rng.choice("aeijklnorstvz")
    return name[:at] + letter + name[at + 1:] if rng.random() < 0.5 else name[:at] + letter + name[at:]


def _crowded_name(rng: random.Random, female: bool) -> tuple[str, str]:
    first = rng.choice(names.FEMALE_FIRST_NAMES if female else names.MALE_FIRST_NAMES)
    return _variant(rng, first), rng.choice(CROWDED_SURNAMES)


def _rows(count: int, seed: int, crowded: bool) -> list[list[str]]:
    rng = random.Random(seed)
    places = [(m.name, seat_post_office(m.code)) for m in podravje_municipalities()]
    crowded_place = next(place for place in places if place[0] == CROWDED_MUNICIPALITY)
    rows = []
    for index in range(count):
        female = rng.random() < 0.53
        first = rng.choice(names.FEMALE_FIRST_NAMES if female else names.MALE_FIRST_NAMES)
        last = rng.choice(names.LAST_NAMES)
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 55))
        number = ""
        if rng.random() < 0.33:
            serial = 500 + index % 500 if female else index % 500
            digits = f"{born:%d%m}{born.year % 1000:03d}50{serial:03d}"
            number = digits + emso.calc_check_digit(digits)
        municipality, office = rng.choice(places)
        if crowded and index % 2:
            first, last = _crowded_name(rng, female)
            municipality, office = crowded_place
        post = f"{office.postal_code} {office.town}" if office else ""
        rows.append([first, last, "Ž" if female else "M", f"{born.day}. {born.month}. {born.year}", number,
                     f"oseba{index}@example.com" if rng.random() < 0.8 else "",
                     f"041 {index // 1000:03d} {index % 1000:03d}" if rng.random() < 0.7 else "",
                     f"{rng.choice(names.STREETS)} {rng.randint(1, 120)}", post, municipality])
    return rows


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="cp1250", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Udeleženci")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _add_crowd(store, actor: Actor, count: int, seed: int) -> None:
    """`count` persons in Maribor with the eight crowded surnames, written like the demo data."""
    from sqlalchemy import insert

    from sociolab_desktop.core.store.derived import derived_values
    from sociolab_desktop.core.store.models import Person

    rng = random.Random(seed + 1000)
    code = find_municipality(CROWDED_MUNICIPALITY).code
    rows = []
    for _ in range(count):
        female = rng.random() < 0.53
        first, last = _crowded_name(rng, female)
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 55))
        row = {"id": new_key(), "first_name": first, "last_name": last, "gender": "female" if female else "male",
               "birth_date": born, "municipality_code": code, "site_id": actor.site_id, "country_code": "SI",
               "preferred_language": "sl", "email": None, "phone": None, "emso": None, "is_incomplete": False}
        rows.append({**row, **derived_values(Person.__tablename__, row)})
    with store.unit_of_work(actor) as session:
        session.execute(insert(Person.__table__), rows)


def _populate(folder: Path, existing: int, crowded: int) -> None:
    workspace = open_workspace(folder)
    try:
        sites.create_site(workspace.store, workspace.settings.site_id, "Informacijska točka Maribor", "sl")
        actor = Actor(site_id=workspace.settings.site_id)
        if existing:
            from sociolab_desktop.core.services.demo import generate_demo_data

            generate_demo_data(workspace.store, actor, people=existing, seed=7, attachments_dir=folder / "att")
        if crowded:
            _add_crowd(workspace.store, actor, crowded, 7)
    finally:
        workspace.close()


def _per_probe(store, plan, sample: int) -> float:
    """CPU seconds per row of the duplicate search one row at a time (the intake form's way)."""
    try:
        from sociolab_desktop.core.services.person_duplicates import (
            duplicate_candidates,
        )
    except ImportError:  # before the batch search existed
        from sociolab_desktop.core.services.person_search import duplicate_candidates
    from sociolab_desktop.core.services.person_search import DuplicateProbe

    fields = ("first_name", "last_name", "birth_date", "emso", "email", "municipality_code")
    probes = [DuplicateProbe(**{name: row.values.get(name) for name in fields})
              for row in plan.rows if row.values is not None][:sample]
    with store.reader() as session:
        start = time.process_time()
        for probe in probes:
            duplicate_candidates(session, probe)
        return (time.process_time() - start) / max(1, len(probes))


class _Steps:
    """Wall-clock and CPU seconds of each step (CPU time shows the work when the PC is busy)."""

    def __init__(self):
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def time(self, name: str, work):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        self.wall[name], self.cpu[name] = time.perf_counter() - wall, time.process_time() - cpu
        return result

    def line(self) -> str:
        wall = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.wall.items())
        cpu = ", ".join(f"{seconds:.2f}" for seconds in self.cpu.values())
        return f"{wall}, total {sum(self.wall.values()):.2f} s (CPU seconds: {cpu})"


def _import(folder: Path, source: Path, per_probe: int) -> tuple[_Steps, dict[str, float]]:
    workspace = open_workspace(folder)
    try:
        actor = Actor(site_id=workspace.settings.site_id)
        steps = _Steps()
        table = steps.time("read", lambda: importing.read_table(source))
        mapping = importing.propose_mapping("people", table.headers)
        plan = steps.time("check rows", lambda: importing.validate_rows("people", table, mapping,
                                                                        today=dt.date.today()))
        checked = steps.time("preview duplicates", lambda: importing.check_database(workspace.store, plan))
        result = steps.time("duplicates again + write",
                            lambda: importing.commit_import(workspace.store, actor, checked, only_valid=True))
        figures = {"imported": result.imported, "duplicates": result.plan.count(importing.RowStatus.DUPLICATE)}
        if per_probe:
            figures["each row"] = _per_probe(workspace.store, plan, per_probe)
        return steps, figures
    finally:
        workspace.close()


def _bare_inserts(source_db: Path, target: Path, imported: int) -> float:
    """Seconds for sqlite3 `executemany` of the imported person rows (the last ones written) into
    a schema without triggers."""
    with sqlite3.connect(source_db) as src:
        schema = [sql for (sql,) in src.execute(
            "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts\\_%' ESCAPE '\\'")]
        rows = src.execute("SELECT * FROM person ORDER BY rowid DESC LIMIT ?", (imported,)).fetchall()
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for sql in schema:
            connection.execute(sql)
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO person VALUES ({', '.join('?' * len(rows[0]))})", rows)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--existing", type=int, default=0, help="demo persons recorded before the import")
    parser.add_argument("--crowded", type=int, default=0,
                        help="more persons in Maribor sharing eight surnames (the duplicate search's bad case)")
    parser.add_argument("--formats", default="csv,xlsx", help="csv, xlsx or both (comma-separated)")
    parser.add_argument("--per-probe", type=int, default=0, metavar="K",
                        help="also time the one-row-at-a-time duplicate search on K rows")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep (and reuse) the populated data folder here")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    formats = [name.strip() for name in args.formats.split(",") if name.strip()]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        rows = _rows(args.rows, args.seed, crowded=args.crowded > 0)
        writers = {"csv": _write_csv, "xlsx": _write_xlsx}
        populated = (args.keep or folder) / f"populated-{args.existing}-{args.crowded}"
        start = time.perf_counter()
        if not populated.exists():
            _populate(populated, args.existing, args.crowded)
        print(f"{args.rows} rows{' (half of them crowded)' if args.crowded else ''}, "
              f"{args.existing + args.crowded} persons recorded before ({args.crowded} crowded); "
              f"populating took {time.perf_counter() - start:.1f} s")
        totals, imported = {}, 0
        for file_format in formats:
            source = folder / f"seznam.{file_format}"
            writers[file_format](source, rows)
            data = folder / f"data-{file_format}"
            shutil.copytree(populated, data)
            steps, figures = _import(data, source, args.per_probe)
            totals[file_format], imported = sum(steps.wall.values()), figures["imported"]
            print(f"{file_format}: {steps.line()}; imported {figures['imported']}, duplicates {figures['duplicates']}")
            if args.per_probe:
                each = figures["each row"]
                print(f"  duplicate search one row at a time: CPU {each * 1000:.2f} ms a row, {each * args.rows:.1f} s "
                      f"for {args.rows} rows (measured on {args.per_probe})")
        database = next((folder / f"data-{formats[0]}").glob("*.sqlite3"))
        bare = _bare_inserts(database, folder / "bare.sqlite3", imported)
        ratios = ", ".join(f"from {name.upper()} {total / bare:.0f}x" for name, total in totals.items())
        print(f"bare sqlite3 executemany of the {imported} imported person rows: {bare:.3f} s; "
              f"import {ratios} that")


if __name__ == "__main__":
    main()
