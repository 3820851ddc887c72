"""How long importing 10 000 persons takes, from CSV and from XLSX, against bare SQLite inserts.

Run: /work/venv/bin/python benches/bench_import.py [--rows 10000] [--existing 0] [--seed 1]

Writes a Windows-1250 `;` CSV and an XLSX of invented persons (names with č š ž ć đ, the Podravje
municipalities, dates as "1. 6. 1985", valid EMŠO for a third, e-mail and phone for most), then
imports each into a fresh data folder (with `--existing N` demo persons already recorded, so the
duplicate search has something to search), timing each step: reading, checking the rows,
looking for duplicates in the database, writing. Then the same rows are inserted with bare
sqlite3 `executemany` into the schema without triggers, for the ratio.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from stdnum.si import emso

from sociolab_desktop.core.domain.municipalities import (
    podravje_municipalities,
    seat_post_office,
)
from sociolab_desktop.core.services import importing, sites
from sociolab_desktop.core.services.demo import names
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.workspace import open_workspace

HEADER = ["Ime", "Priimek", "Spol", "Datum rojstva", "EMŠO", "E-pošta", "Telefon", "Naslov", "Pošta", "Občina"]


def _rows(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    places = [(m.name, seat_post_office(m.code)) for m in podravje_municipalities()]
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


def _import(folder: Path, source: Path, existing: int) -> dict[str, float]:
    workspace = open_workspace(folder)
    try:
        sites.create_site(workspace.store, workspace.settings.site_id, "Informacijska točka Maribor", "sl")
        actor = Actor(site_id=workspace.settings.site_id)
        if existing:
            from sociolab_desktop.core.services.demo import generate_demo_data

            generate_demo_data(workspace.store, actor, people=existing, seed=7, attachments_dir=folder / "att")
        times = {}
        start = time.perf_counter()
        table = importing.read_table(source)
        times["read"] = time.perf_counter() - start
        mapping = importing.propose_mapping("people", table.headers)
        start = time.perf_counter()
        plan = importing.validate_rows("people", table, mapping, today=dt.date.today())
        times["check rows"] = time.perf_counter() - start
        start = time.perf_counter()
        result = importing.commit_import(workspace.store, actor, plan, only_valid=True)
        times["duplicates + write"] = time.perf_counter() - start
        times["total"] = sum(times.values())
        times["imported"] = result.imported
        times["duplicates"] = result.plan.count(importing.RowStatus.DUPLICATE)
        return times
    finally:
        workspace.close()


def _bare_inserts(source_db: Path, target: Path) -> float:
    """Seconds for sqlite3 `executemany` of the imported person rows into a schema without triggers."""
    with sqlite3.connect(source_db) as src:
        schema = [sql for (sql,) in src.execute(
            "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts\\_%' ESCAPE '\\'")]
        rows = src.execute("SELECT * FROM person").fetchall()
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
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        rows = _rows(args.rows, args.seed)
        sources = {"csv": folder / "seznam.csv", "xlsx": folder / "seznam.xlsx"}
        _write_csv(sources["csv"], rows)
        _write_xlsx(sources["xlsx"], rows)
        print(f"{args.rows} rows, {args.existing} persons recorded before")
        totals = {}
        for file_format, source in sources.items():
            times = _import(folder / f"data-{file_format}", source, args.existing)
            totals[file_format] = times["total"]
            steps = ", ".join(f"{name} {value:.2f} s" for name, value in times.items()
                              if name not in ("imported", "duplicates"))
            print(f"{file_format}: {steps}; imported {times['imported']}, duplicates {times['duplicates']}")
        database = next((folder / "data-csv").glob("*.sqlite3"))
        bare = _bare_inserts(database, folder / "bare.sqlite3")
        print(f"bare sqlite3 executemany of the imported person rows: {bare:.3f} s; "
              f"import from CSV {totals['csv'] / bare:.0f}x, from XLSX {totals['xlsx'] / bare:.0f}x that")


if __name__ == "__main__":
    main()
