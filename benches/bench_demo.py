"""How long the demo generator takes for 10 000 people, against the bare cost of SQLite inserts.

Run: /work/venv/bin/python benches/bench_demo.py [--people 10000] [--seed 1]

Prints the generator's time into a fresh data folder, then the time raw sqlite3 `executemany`
needs to insert the same person rows (and, for scale, every row the generator wrote) into an
empty copy of the schema without sync triggers, and the ratios.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from sociolab_desktop.core.services import sites
from sociolab_desktop.core.services.demo import generate_demo_data
from sociolab_desktop.core.store.unit_of_work import Actor
from sociolab_desktop.workspace import open_workspace


def _generate(folder: Path, people: int, seed: int) -> tuple[float, float, dict[str, int]]:
    workspace = open_workspace(folder)
    try:
        site_id = workspace.settings.site_id
        sites.create_site(workspace.store, site_id, "Informacijska točka Maribor (demo)", "sl")
        wall, cpu = time.perf_counter(), time.process_time()
        summary = generate_demo_data(workspace.store, Actor(site_id=site_id), people=people,
                                     seed=seed, attachments_dir=folder / "attachments")
        return time.perf_counter() - wall, time.process_time() - cpu, summary.by_table()
    finally:
        workspace.close()


def _raw_inserts(source: Path, target: Path, tables: list[str]) -> float:
    """Seconds raw sqlite3 takes to insert `tables`' rows from `source` into a bare schema."""
    with sqlite3.connect(source) as src:
        schema = [sql for (sql,) in src.execute(
            "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts\\_%' ESCAPE '\\'")]
        rows = {table: src.execute(f'SELECT * FROM "{table}"').fetchall() for table in tables}
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        for sql in schema:
            connection.execute(sql)
        start = time.perf_counter()
        connection.execute("BEGIN")
        for table, values in rows.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                connection.executemany(f'INSERT INTO "{table}" VALUES ({marks})', values)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sociolab-bench-") as temporary:
        folder = Path(temporary) / "data"
        wall, cpu, counts = _generate(folder, args.people, args.seed)
        database = folder / "sociolab.sqlite3"
        raw_people = _raw_inserts(database, Path(temporary) / "people.sqlite3", ["person"])
        raw_all = _raw_inserts(database, Path(temporary) / "all.sqlite3",
                               [table for table, count in counts.items() if count])
    rows = sum(counts.values())
    print(f"people: {args.people}, rows written: {rows}")
    print(f"generate_demo_data:                      {wall:7.2f} s  (CPU {cpu:.2f} s)")
    print(f"raw sqlite3 executemany, person rows:    {raw_people:7.2f} s")
    print(f"raw sqlite3 executemany, all {rows} rows: {raw_all:7.2f} s")
    print(f"ratio generator / raw person inserts:    {wall / raw_people:7.1f}")
    print(f"ratio generator / raw inserts of all:    {wall / raw_all:7.1f}")


if __name__ == "__main__":
    main()
