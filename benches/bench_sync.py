"""What sync costs: applying 100 000 changes, a round with nothing new, bytes on the share per change.

Run: /work/venv/bin/python benches/bench_sync.py [--sites 5] [--changes 20000] [--edited 4000]
     [--without-search-index] [--profile]

(a) Five info points each publish --changes changes (records: --edited edits of shared clients,
    the rest new clients); a sixth applies all of them in one round. Beside it: raw sqlite3
    `executemany` inserting the same person rows into a bare table, and into the program's schema
    with only the search index's triggers (migration 0003). Goal: < 10 s.
    --without-search-index drops those triggers at the sixth first, to time sync's own work.
(b) A round at the sixth with nothing new on the share, beside copying its database file.
    Goal: < 200 ms.
(c) Bytes written to the share per change, at a small and at a large database: they should be
    about the same (proportional to the changes, not to the size of the database).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from sociolab_desktop.core.domain.keys import derived_key
from sociolab_desktop.core.services import sites
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import Person, utc_now
from sociolab_desktop.core.sync.share import ROOT_NAME
from sociolab_desktop.workspace import Workspace, open_workspace, sync_round

FIRST_NAMES = ("Ana", "Žiga", "Nuša", "Matej", "Špela", "Đurđa", "Luka", "Maša", "Tjaša", "Rok")
LAST_NAMES = ("Čeh", "Kovač", "Žagar", "Šuštar", "Novak", "Horvat", "Krajnc", "Ćosić", "Zupan", "Potočnik")


def _office(root: Path, name: str, share: Path) -> Workspace:
    workspace = open_workspace(root / name)
    sites.create_site(workspace.store, workspace.settings.site_id, name, "sl")
    workspace.settings.site_name = name
    workspace.settings.share_path = str(share)
    workspace.save_settings()
    return workspace


def _person_row(key: str, number: int, site_id: str) -> dict:
    now = utc_now()
    row = {
        "id": key, "first_name": FIRST_NAMES[number % 10], "last_name": f"{LAST_NAMES[number // 10 % 10]} {number}",
        "email": f"oseba{number}@example.si", "phone": f"041 {number % 1000:03d} {number % 997:03d}",
        "post_town": "Maribor", "postal_code": "2000", "country_code": "SI", "preferred_language": "sl",
        "is_incomplete": False, "created_at": now, "updated_at": now, "origin_site_id": site_id,
    }
    row.update(derived_values("person", row))
    return row


def _add_people(workspace: Workspace, tag: str, count: int) -> None:
    """Bulk insert (the capture triggers still record every field)."""
    site_id = workspace.settings.site_id
    rows = [_person_row(derived_key("bench", tag, str(n)), n, site_id) for n in range(count)]
    with workspace.store.unit_of_work(workspace.actor) as session:
        for start in range(0, count, 5000):
            session.execute(insert(Person), rows[start:start + 5000])


def _edit_people(workspace: Workspace, ids: list[str], phone: str) -> None:
    with workspace.store.unit_of_work(workspace.actor) as session:
        for person in session.scalars(select(Person).where(Person.id.in_(ids))):
            person.phone = phone
            person.notes = f"Uredila pisarna {workspace.settings.site_name}."


def _ids(workspace: Workspace, count: int) -> list[str]:
    with workspace.store.reader() as session:
        return list(session.scalars(select(Person.id).order_by(Person.id).limit(count)))


def _round(workspace: Workspace):
    start = time.perf_counter()
    result = sync_round(workspace)
    assert result.share_unavailable is None and not result.held, result
    return result, time.perf_counter() - start


def _raw_inserts(source: Path, target: Path, empty_database: Path | None = None) -> float:
    """Seconds raw sqlite3 `executemany` needs to insert `source`'s person rows in one transaction.

    Without `empty_database`: into a bare person table (its indexes, no triggers). With it: into
    a copy of that empty database of the program's schema with the sync triggers dropped, so that
    the search index's own triggers (migration 0003) still run."""
    with sqlite3.connect(source) as src:
        rows = src.execute("SELECT * FROM person").fetchall()
        schema = [sql for (sql,) in src.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'person' AND type IN ('table', 'index') "
            "AND sql IS NOT NULL")]
    if empty_database is not None:
        shutil.copyfile(empty_database, target)
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        if empty_database is None:
            for sql in schema:
                connection.execute(sql)
        else:
            triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'")
            for (name,) in triggers.fetchall():
                connection.execute(f'DROP TRIGGER "{name}"')
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO person VALUES ({', '.join('?' * len(rows[0]))})", rows)
        connection.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        connection.close()


def _file_copy(database: Path, target: Path) -> float:
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    start = time.perf_counter()
    shutil.copyfile(database, target)
    return time.perf_counter() - start


def _bytes_per_change(workspace: Workspace, share: Path, edits: int) -> tuple[float, float]:
    """(bundle bytes, bytes written to the share in all) per change, for `edits` edits: a round
    writes its bundles and rewrites the site's site.json."""
    _edit_people(workspace, _ids(workspace, edits), "02 999 99 99")
    result, _seconds = _round(workspace)
    assert result.published.entries == edits, result.published
    site_info = share / ROOT_NAME / "sites" / workspace.settings.site_id / "site.json"
    return result.published.bytes / edits, (result.published.bytes + site_info.stat().st_size) / edits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=5)
    parser.add_argument("--changes", type=int, default=20_000, help="changes each site publishes")
    parser.add_argument("--edited", type=int, default=4_000, help="of which edits of shared clients")
    parser.add_argument("--rounds", type=int, default=7, help="rounds with nothing new to time")
    parser.add_argument("--profile", action="store_true", help="print where (a) spends its time (cProfile)")
    parser.add_argument("--without-search-index", action="store_true",
                        help="drop the search index's triggers at the sixth site first, to time sync alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sociolab-bench-sync-") as temporary:
        root = Path(temporary)
        share = root / "share"
        share.mkdir()
        setup = time.perf_counter()
        offices = [_office(root, f"Točka {n}", share) for n in range(args.sites)]
        sixth = _office(root, "Vodilni partner", share)
        # Clients every office already shares, so that edits travel as edits.
        _add_people(offices[0], "shared", args.edited * args.sites)
        for workspace in (*offices, sixth):
            _round(workspace)
        shared = _ids(offices[0], args.edited * args.sites)
        for n, workspace in enumerate(offices):
            _edit_people(workspace, shared[n * args.edited:(n + 1) * args.edited], f"02 {n:03d} 00 00")
            _add_people(workspace, f"new-{n}", args.changes - args.edited)
            result, _seconds = _round(workspace)
        setup = time.perf_counter() - setup

        if args.without_search_index:
            with sqlite3.connect(sixth.paths.database) as connection:
                for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                  "AND name NOT LIKE 'sync%'").fetchall():
                    connection.execute(f'DROP TRIGGER "{name}"')
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        result, apply_seconds = _round(sixth)
        if args.profile:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
        changes = result.applied.entries
        database = sixth.paths.database
        raw = _raw_inserts(database, root / "raw.sqlite3")
        with open_workspace(root / "empty"):
            pass
        raw_indexed = _raw_inserts(database, root / "raw-indexed.sqlite3", root / "empty" / database.name)
        with sixth.store.engine.connect() as connection:
            people = connection.exec_driver_sql("SELECT count(*) FROM person").scalar()

        quiet = [_round(sixth)[1] for _ in range(args.rounds)]
        copy = _file_copy(database, root / "copy.sqlite3")

        (root / "share-small").mkdir()
        small = _office(root, "Majhna točka", root / "share-small")
        _add_people(small, "small", 200)
        _round(small)
        small_bundle, small_total = _bytes_per_change(small, root / "share-small", 100)
        large_bundle, large_total = _bytes_per_change(sixth, share, 100)
        size_small, size_large = small.paths.database.stat().st_size, database.stat().st_size

        for workspace in (*offices, sixth, small):
            workspace.close()

    median = statistics.median(quiet)
    print(f"setup (not measured below): {setup:.1f} s")
    print(f"(a) changes applied at the sixth site:  {changes} from {args.sites} sites "
          f"({args.edited * args.sites} edits, {changes - args.edited * args.sites} new); {people} people now")
    print(f"    sync round applying them:          {apply_seconds:7.2f} s  ({changes / apply_seconds:,.0f} changes/s)"
          f"  goal < 10 s: {'met' if apply_seconds < 10 else 'MISSED'}")
    print(f"    raw sqlite3 executemany of the {people} person rows:")
    print(f"      into a bare table (no triggers):             {raw:7.2f} s   ratio apply / this: {apply_seconds / raw:5.1f}")
    print(f"      with the search index's triggers (no sync's): {raw_indexed:7.2f} s   ratio apply / this: "
          f"{apply_seconds / raw_indexed:5.1f}")
    print(f"(b) round with nothing new (median of {args.rounds}): {median * 1000:7.1f} ms"
          f"  (min {min(quiet) * 1000:.1f}, max {max(quiet) * 1000:.1f})"
          f"  goal < 200 ms: {'met' if median < 0.2 else 'MISSED'}")
    print(f"    copying the database file ({size_large / 1e6:.1f} MB): {copy * 1000:7.1f} ms")
    print(f"    ratio quiet round / file copy:      {median / copy:7.1f}")
    print(f"(c) bytes on the share per change (100 edits):")
    print(f"    small database ({size_small / 1e6:5.1f} MB): {small_bundle:6.0f} B in bundles, {small_total:6.0f} B in all")
    print(f"    large database ({size_large / 1e6:5.1f} MB): {large_bundle:6.0f} B in bundles, {large_total:6.0f} B in all")
    print(f"    ratio large / small:                {large_bundle / small_bundle:7.2f}")


if __name__ == "__main__":
    main()
