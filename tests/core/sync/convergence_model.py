"""Helpers of the convergence property test: sites on copies of one migrated database, with
simulated skewed clocks, and a reference model of what every site must end with.

The model never asks the merge code what should win. It records every write the moment it is
made (the versions the capture triggers gave it, read from sync_row right after the write), what
the writing site had seen of that field (its own writes and every version carried by the bundles
it applied, with their histories), and computes the expected end state itself: per field the
value of the write with the highest version, then the documented effects of merges and erasures.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import uuid
from collections import defaultdict
from pathlib import Path

from sociolab_desktop.core.domain.keys import derived_key
from sociolab_desktop.core.services import sites, staff
from sociolab_desktop.core.store.derived import derived_values
from sociolab_desktop.core.store.models import Base
from sociolab_desktop.core.store.replicated import ERASED_NAME, ERASED_PERSON_COLUMNS
from sociolab_desktop.core.sync.capture import synced_tables
from sociolab_desktop.core.sync.db import raw_connection
from sociolab_desktop.core.sync.hlc import site_of
from sociolab_desktop.settings import Settings, save_settings
from sociolab_desktop.workspace import open_workspace, sync_round

DATABASE_NAME = "sociolab.sqlite3"
TABLES = {table.name: [column.name for column in table.columns] for table in synced_tables()}
DATA_COLUMNS = {table: [column for column in columns if column != "id"] for table, columns in TABLES.items()}
# Columns that record who and when, not what: two sites writing them at once is no disagreement
# between people (the merge does not report them either). They still must converge.
BOOKKEEPING = frozenset(
    {"created_at", "updated_at", "created_by_id", "updated_by_id", "origin_site_id", "search_text", "sort_key"}
)
# Two doors checking the same person in: which time and staff member win is nobody's review.
QUIET_IN = {"attendance": frozenset({"checked_in_at", "checked_in_by_id"})}
# Records that exist once per (thing, person): after a merge, one per pair stays live.
UNIQUE_PER_PERSON = {
    "registration": ("event_id",),
    "attendance": ("event_session_id",),
    "certificate": ("event_id",),
    "mentoring_session_person": ("mentoring_session_id",),
    "person_organisation_role": ("organisation_id", "role"),
}
PERSON_REFERENCES = [
    (table.name, column.name)
    for table in Base.metadata.sorted_tables
    for column in table.columns
    if any(fk.target_fullname == "person.id" for fk in column.foreign_keys)
]


def make_template(folder: Path) -> Path:
    """One migrated, empty database to copy: opening a copy skips the Alembic migrations."""
    with open_workspace(folder):
        pass
    return folder / DATABASE_NAME


class World:
    """Simulated wall time (milliseconds since 1970), so that a run can be replayed exactly."""

    def __init__(self, start_ms: int) -> None:
        self.now_ms = start_ms


class Site:
    """One PC: a data folder holding a copy of the template database, with a skewed clock."""

    def __init__(self, root: Path, name: str, site_id: str, share: Path, template: Path, world: World,
                 offset_ms: int) -> None:
        self.root, self.name, self.site_id, self.share = root / name, name, site_id, share
        self.world, self.offset_ms = world, offset_ms
        self.root.mkdir(parents=True)
        shutil.copyfile(template, self.root / DATABASE_NAME)
        save_settings(self.root / "settings.json",
                      Settings(site_id=site_id, installation_id=str(uuid.uuid4()), share_path=str(share)))
        self.ws = None
        self.open()
        sites.create_site(self.ws.store, site_id, name, "sl")
        self.ws.settings.site_name = name
        member = staff.add_staff(self.ws.store, self.ws.actor, f"Osebje {name}", is_admin=True)
        self.ws.settings.current_staff_id = member.id
        self.ws.save_settings()

    def open(self) -> None:
        self.ws = open_workspace(self.root)
        # The clock reads simulated time through the hook it was built with (see hlc.py).
        self.ws.sync.clock._now_ms = lambda: self.world.now_ms + self.offset_ms

    def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
            self.ws = None

    def write(self):
        return self.ws.store.unit_of_work(self.ws.actor)

    def query(self, sql: str, params=()) -> list[tuple]:
        with raw_connection(self.ws.store.engine) as connection:
            return connection.execute(sql, params).fetchall()

    def sync(self):
        return sync_round(self.ws)


@dataclasses.dataclass(frozen=True)
class Write:
    site: str
    value: object
    hist: frozenset  # versions of the same field the writing site had seen
    by_rule: bool = False  # written while applying bundles (a merge's duplicate record retired)
    prev: str | None = None  # what capture recorded as the version the author had before


def effective_versions(base: str, overrides: str, columns) -> dict[str, str]:
    parsed = json.loads(overrides)
    return {column: (parsed[column][0] if column in parsed else base) for column in columns}


def dump(site: Site) -> dict[str, dict[str, dict]]:
    """Every synced table, every column, as SQLite stores it."""
    tables = {}
    for table, columns in TABLES.items():
        names = ", ".join(f'"{column}"' for column in columns)
        records = (dict(zip(columns, row)) for row in site.query(f'SELECT {names} FROM "{table}" ORDER BY id'))
        tables[table] = {record["id"]: record for record in records}
    return tables


def version_dump(site: Site) -> dict[tuple[str, str, str], str]:
    versions = {}
    for table, row_id, base, overrides in site.query("SELECT table_name, row_id, base_hlc, overrides FROM sync_row"):
        if table in TABLES:
            for column, version in effective_versions(base, overrides, DATA_COLUMNS[table]).items():
                versions[(table, row_id, column)] = version
    return versions


class History:
    """Every write, what each site has seen, and the end state that follows from them."""

    def __init__(self) -> None:
        self.writes: dict[tuple, dict[str, Write]] = defaultdict(dict)  # field -> version -> write
        self.seen: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.survivors: dict[str, str] = {}

    # -- writes -------------------------------------------------------------------------------
    @staticmethod
    def mark(query) -> str:
        """The newest version this site has issued; `query(sql, params)` reads its database."""
        return query("SELECT coalesce(max(last_local_hlc), '') FROM sync_row", ())[0][0]

    def record_writes(self, site_id: str, query, mark: str, by_rule=lambda field: False) -> int:
        """Record the writes a site made since `mark`; returns how many fields were written.
        `by_rule(field)` tells the writes a rule made rather than a person."""
        written = 0
        changed = query("SELECT table_name, row_id, base_hlc, overrides FROM sync_row WHERE last_local_hlc > ?", (mark,))
        for table, row_id, base, overrides in changed:
            if table not in TABLES or table == "sync_conflict":
                continue
            names = ", ".join(f'"{column}"' for column in TABLES[table])
            values = dict(zip(TABLES[table], query(f'SELECT {names} FROM "{table}" WHERE id = ?', (row_id,))[0]))
            previous = {column: pair[1] or None for column, pair in json.loads(overrides).items()}
            for column, version in effective_versions(base, overrides, DATA_COLUMNS[table]).items():
                field = (table, row_id, column)
                # A version above a far-ahead one (hlc.version_after) stays above the mark after
                # the write that made it: only versions not seen before are new writes.
                if version > mark and site_of(version) == site_id and version not in self.writes[field]:
                    known = self.seen[site_id][field]
                    self.writes[field][version] = Write(site_id, values[column], frozenset(known), by_rule(field),
                                                        previous.get(column) if version != base else None)
                    known.add(version)
                    written += 1
        return written

    def receive(self, site_id: str, entries: list[dict]) -> None:
        """A site applies a bundle: it has now seen every version in it, and what those had seen."""
        for entry in entries:
            table = entry["t"]
            if table == "sync_conflict" or "v" not in entry:
                continue
            for column, version in effective_versions(entry["b"], json.dumps(entry["o"]), entry["v"]).items():
                field = (table, entry["k"], column)
                write = self.writes[field].get(version)
                assert write is not None, f"a bundle carries version {version} of {field} that nobody wrote"
                known = self.seen[site_id][field]
                known.add(version)
                known.update(write.hist)

    # -- the expected end ---------------------------------------------------------------------
    def winners(self) -> dict[tuple, str]:
        return {field: max(versions) for field, versions in self.writes.items()}

    def expected(self) -> dict[str, dict[str, dict]]:
        tables: dict[str, dict[str, dict]] = {table: {} for table in TABLES if table != "sync_conflict"}
        for (table, row_id, column), version in self.winners().items():
            row = tables[table].setdefault(row_id, {"id": row_id})
            row[column] = self.writes[(table, row_id, column)][version].value
        survivors = self.survivors = final_survivors(tables["person_merge"].values())
        for table, column in PERSON_REFERENCES:
            for row in tables[table].values():
                row[column] = survivors.get(row[column], row[column])
        for person_id, person in tables["person"].items():
            person["merged_into_id"] = survivors.get(person_id)
        erased = defaultdict(list)
        for erasure in tables["person_erasure"].values():
            erased[erasure["person_id"]].append(erasure["created_at"])
        for table in ("person", "organisation"):
            for row_id, row in tables[table].items():
                if table == "person" and row_id in erased:
                    row.update(dict.fromkeys(ERASED_PERSON_COLUMNS))
                    row.update(first_name=ERASED_NAME, last_name=ERASED_NAME, search_text="", sort_key="",
                               erased_at=min(erased[row_id]))
                else:
                    row.update(derived_values(table, row))
        return tables

    # -- conflicts ----------------------------------------------------------------------------
    def unreported_losses(self, conflicts: list[dict], expected: dict) -> tuple[list[str], list[str]]:
        """Writes whose value was overwritten by an author who had not seen it, with no conflict
        naming them (or a write of the same value) as the loser: silently lost data.

        Returns (losses the merge should have reported, losses in its known blind spot). The merge
        tells an informed overwrite from a concurrent one by comparing the version the author had
        before (one version per field, `prev`) with the one it replaces: an author whose `prev` is
        newer is taken to have seen it. That holds along one line of edits, not when two lines of
        edits (for example a record made at two offices at once under one derived key, or at a PC
        whose clock is behind) interleave; the second list holds those.
        `expected` is the end state from expected(), which also sets the survivors of merges."""
        reported = defaultdict(set)
        for c in conflicts:
            reported[(c["table_name"], c["row_id"], c["column_name"])].add(c["loser_hlc"])
        references = set(PERSON_REFERENCES)
        problems, blind = [], []
        for field, versions in self.writes.items():
            if field[2] in BOOKKEEPING or field[2] in QUIET_IN.get(field[0], ()):
                continue

            def meaning(value):
                # A reference to a merged-away person means the survivor: nothing is lost there.
                return self.survivors.get(value, value) if field[::2] in references else value

            final = meaning(expected[field[0]][field[1]][field[2]])
            winner = max(versions)
            # The merge keeps one version of equal values; a conflict about one covers them all.
            reported_values = {meaning(versions[v].value) for v in reported[field] if v in versions}
            for version, write in versions.items():
                value = meaning(write.value)
                if version == winner or value in (final, meaning(versions[winner].value)) or value in reported_values:
                    continue
                later = [other for other_version, other in versions.items() if other_version > version]
                # Superseded by an edit whose author had seen this value (this write, or another of
                # the same value), or by the rule that retires a merge's duplicates.
                if any(other.by_rule or any(meaning(versions[known].value) == value
                                            for known in other.hist if known in versions) for other in later):
                    continue
                message = (f"{field}: {write.value!r} ({version}) lost to {versions[winner].value!r} "
                           f"({winner}) without a conflict\n{self.describe(field)}")
                if any(other.prev and other.prev >= version for other in later):
                    blind.append(message)
                else:
                    problems.append(message)
        return problems, blind

    def false_alarms(self, conflicts: list[dict]) -> list[str]:
        """Field conflicts between writes one of which had seen the other."""
        problems = []
        for c in conflicts:
            if c["kind"] != "field":
                continue
            field = (c["table_name"], c["row_id"], c["column_name"])
            winner, loser = self.writes[field].get(c["winner_hlc"]), self.writes[field].get(c["loser_hlc"])
            if winner is None or loser is None:
                problems.append(f"{field}: conflict names a version nobody wrote ({c['winner_hlc']} / {c['loser_hlc']})")
            elif c["loser_hlc"] in winner.hist or c["winner_hlc"] in loser.hist:
                problems.append(f"{field}: conflict between {c['winner_hlc']} and {c['loser_hlc']}, "
                                "but one writer had seen the other's value")
        return problems

    def describe(self, field: tuple) -> str:
        lines = [f"writes of {field}:"]
        for version, write in sorted(self.writes.get(field, {}).items()):
            lines.append(f"  {version}  {write.value!r}  prev {write.prev}  saw {sorted(write.hist)}")
        return "\n".join(lines)


def final_survivors(merges) -> dict[str, str]:
    """The documented rule, written again: persons joined by live merges are one person; it
    survives as the member no merge names as a loser (the smallest such key; the smallest key
    of all if every member is a loser, as after merges in a cycle)."""
    live = [m for m in merges if m["deleted_at"] is None]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for merge in live:
        neighbours[merge["loser_id"]].add(merge["survivor_id"])
        neighbours[merge["survivor_id"]].add(merge["loser_id"])
    losers = {merge["loser_id"] for merge in live}
    result, placed = {}, set()
    for start in sorted(neighbours):
        if start in placed:
            continue
        group, todo = set(), [start]
        while todo:
            person = todo.pop()
            if person not in group:
                group.add(person)
                todo.extend(neighbours[person])
        placed |= group
        survivor = min(group - losers or group)
        result.update((person, survivor) for person in group if person != survivor)
    return result


def retired_by_merge(field: tuple) -> bool:
    """A merge marks the second record of a pair deleted, wherever it runs."""
    return field[0] in UNIQUE_PER_PERSON and field[2] == "deleted_at"


def live_duplicates(tables) -> list[tuple]:
    """Pairs (a person at one event, ...) held by more than one live record."""
    duplicates = []
    for table, columns in UNIQUE_PER_PERSON.items():
        seen: set[tuple] = set()
        for row in tables[table].values():
            if row["deleted_at"] is None:
                pair = (table, row["person_id"], *(row[c] for c in columns))
                if pair in seen:
                    duplicates.append(pair)
                seen.add(pair)
    return duplicates


def record_key(counter: int) -> str:
    """Keys the test makes are derived from a counter, so a run can be replayed exactly."""
    return derived_key("property-test", str(counter))


