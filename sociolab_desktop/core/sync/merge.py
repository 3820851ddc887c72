"""Merge records from a bundle into the local database, field by field.

Last writer wins by version (HLC, then site): the same answer on every PC whatever order bundles
arrive in. A field overwritten by a writer who had not seen the value it replaced is recorded as
a conflict (both values, both versions) for a person to review; so is an edit concurrent with a
delete. Nothing is silently lost.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass, field

from sociolab_desktop.core.domain.keys import derived_key
from sociolab_desktop.core.store.derived import DERIVED, derived_values
from sociolab_desktop.core.sync.state import now_text

# Bookkeeping columns change with every edit; a difference there is no disagreement between people.
NOT_CONFLICTING = frozenset(
    {"created_at", "updated_at", "created_by_id", "updated_by_id", "origin_site_id", "search_text", "sort_key"}
)
# Two doors checking in the same person offline agree that they came; which door was first is
# not worth a person's review (the later check-in's time and staff member win).
NOT_CONFLICTING_IN = {"attendance": frozenset({"checked_in_at", "checked_in_by_id"})}
_ID_CHUNK = 500


def _quiet(table: str, column: str) -> bool:
    return column in NOT_CONFLICTING or column in NOT_CONFLICTING_IN.get(table, ())


@functools.lru_cache
def _derived_columns(table: str) -> frozenset[str]:
    return frozenset(derived_values(table, {}))


@dataclass
class MergeStats:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)


@dataclass
class _Meta:
    base: str
    overrides: dict
    deleted: str | None

    def version(self, column: str) -> str:
        override = self.overrides.get(column)
        return override[0] if override else self.base

    def prev(self, column: str) -> str | None:
        override = self.overrides.get(column)
        return override[1] if override else None

    def newest(self, columns) -> str:
        return max((self.version(column) for column in columns), default="")


class Merger:
    """Applies entries on one connection, inside the caller's transaction, with capture paused."""

    def __init__(self, connection: sqlite3.Connection, columns: dict[str, list[str]], site_id: str,
                 record_conflict_captured) -> None:
        self.connection = connection
        self.columns = columns
        self.site_id = site_id
        self._captured = record_conflict_captured
        self.stats = MergeStats()

    def merge(self, entries: list[dict]) -> MergeStats:
        by_table: dict[str, list[dict]] = {}
        for entry in entries:
            if entry.get("t") in self.columns:
                by_table.setdefault(entry["t"], []).append(entry)
        for table, table_entries in by_table.items():
            for start in range(0, len(table_entries), _ID_CHUNK):
                self._merge_chunk(table, table_entries[start:start + _ID_CHUNK])
        return self.stats

    def _merge_chunk(self, table: str, entries: list[dict]) -> None:
        columns = self.columns[table]
        data_columns = [column for column in columns if column != "id"]
        ids = [entry["k"] for entry in entries]
        marks = ", ".join("?" * len(ids))
        metas = {
            row_id: _Meta(base, json.loads(overrides), deleted)
            for row_id, base, overrides, deleted in self.connection.execute(
                f"SELECT row_id, base_hlc, overrides, deleted_hlc FROM sync_row WHERE table_name = ? AND row_id IN ({marks})",
                [table, *ids],
            )
        }
        select = ", ".join(f'"{column}"' for column in columns)
        rows = {
            record["id"]: record
            for record in (
                dict(zip(columns, row))
                for row in self.connection.execute(f'SELECT {select} FROM "{table}" WHERE id IN ({marks})', ids)
            )
        }
        inserts = []
        for entry in entries:
            meta = metas.get(entry["k"])
            incoming = _Meta(entry.get("b", ""), entry.get("o") or {}, entry.get("x"))
            if meta is None and entry["k"] not in rows:
                inserts.append(entry)
                metas[entry["k"]] = incoming
                continue
            meta = meta or _Meta("", {}, None)
            self._merge_one(table, data_columns, entry, incoming, meta, rows.get(entry["k"]))
        # New records: their versions and rows in two statements rather than two per record.
        self.connection.executemany(
            "INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, deleted_hlc) VALUES (?, ?, ?, ?, '{}', ?) "
            "ON CONFLICT (table_name, row_id) DO UPDATE SET base_hlc = excluded.base_hlc, "
            "overrides = excluded.overrides, deleted_hlc = excluded.deleted_hlc",
            [(table, entry["k"], entry.get("b", ""), json.dumps(entry.get("o") or {}, separators=(",", ":")), entry.get("x"))
             for entry in inserts],
        )
        self._insert_rows(table, columns, inserts)

    def _insert_rows(self, table: str, columns: list[str], entries: list[dict]) -> None:
        data_columns = [column for column in columns if column != "id"]
        rows = []
        for entry in entries:
            values = entry.get("v")
            if values is None:
                continue  # only a tombstone: nothing to create
            incoming = _Meta(entry.get("b", ""), entry.get("o") or {}, entry.get("x"))
            if incoming.deleted and incoming.deleted > incoming.newest(values):
                continue
            if table in DERIVED and not _derived_columns(table) <= values.keys():
                # A bundle from an older schema: compute what its author's program did not send.
                # Otherwise the author's values travel like any other field: recomputing them for
                # every new record took a third of the time of applying a bundle.
                record = {column: values.get(column) for column in data_columns}
                record.update(derived_values(table, record))
                rows.append([entry["k"], *(record[column] for column in data_columns)])
            else:
                rows.append([entry["k"], *map(values.get, data_columns)])
        if rows:
            names = ", ".join(f'"{column}"' for column in ("id", *data_columns))
            marks = ", ".join("?" * (len(data_columns) + 1))
            self.connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
            self.stats.inserted += len(rows)

    def _merge_one(self, table, data_columns, entry, incoming: _Meta, local: _Meta, row: dict | None) -> None:
        values = entry.get("v")
        changes: dict[str, object] = {}
        merged = dict(local.overrides)
        if values is not None:
            # _Meta.version, inlined: this loop runs for every column of every changed record.
            incoming_overrides, local_overrides = incoming.overrides, local.overrides
            for column in data_columns:
                if column not in values:
                    continue  # a bundle from an older schema: the column is not theirs to change
                override = incoming_overrides.get(column)
                iv = override[0] if override else incoming.base
                override = local_overrides.get(column)
                lv = override[0] if override else local.base
                if iv == lv:
                    continue
                if iv > lv:
                    merged[column] = [iv, incoming.prev(column) or ""]
                    if row is not None and row[column] != values[column]:
                        changes[column] = values[column]
                        ip = incoming.prev(column)
                        if not _quiet(table, column) and lv and (ip is None or ip < lv):
                            self._conflict(table, entry["k"], column, "field", values[column], iv, row[column], lv)
                elif iv < lv and row is not None and row[column] != values[column]:
                    lp = local.prev(column)
                    if not _quiet(table, column) and iv and (lp is None or lp < iv):
                        self._conflict(table, entry["k"], column, "field", row[column], lv, values[column], iv)
            if row is not None and "deleted_at" in values:
                self._check_delete_concurrency(table, entry["k"], data_columns, incoming, local, row, values)
        deleted = max(filter(None, (local.deleted, incoming.deleted)), default=None)
        result = _Meta(local.base, merged, deleted)
        self._save_meta(table, entry["k"], result, insert=False)
        if row is None:
            self._resurrect_if_newer(table, data_columns, entry, result)
        elif deleted and deleted > result.newest(data_columns):
            self.connection.execute(f'DELETE FROM "{table}" WHERE id = ?', (entry["k"],))
            self.stats.deleted += 1
        elif changes:
            if table in DERIVED:
                changes.update(derived_values(table, {**row, **changes}))
            assignments = ", ".join(f'"{column}" = ?' for column in changes)
            self.connection.execute(
                f'UPDATE "{table}" SET {assignments} WHERE id = ?', [*changes.values(), entry["k"]]
            )
            self.stats.updated += 1
        else:
            self.stats.unchanged += 1

    def _resurrect_if_newer(self, table, data_columns, entry, meta: _Meta) -> None:
        values = entry.get("v")
        if values is None or (meta.deleted and meta.deleted > meta.newest(data_columns)):
            return
        self._insert_rows(table, ["id", *data_columns], [dict(entry, x=None)])

    def _check_delete_concurrency(self, table, row_id, data_columns, incoming, local, row, values) -> None:
        """One side marked the record deleted while the other, unaware, edited it."""
        deleting_in = values["deleted_at"] is not None and row["deleted_at"] is None
        deleting_here = row["deleted_at"] is not None and values["deleted_at"] is None
        edited = [c for c in data_columns if c not in NOT_CONFLICTING and c != "deleted_at"]
        if deleting_in and incoming.version("deleted_at") > local.version("deleted_at"):
            unseen = [local.version(c) for c in edited if local.version(c) > incoming.version(c)]
            if unseen:
                self._conflict(table, row_id, "deleted_at", "delete", values["deleted_at"],
                               incoming.version("deleted_at"), None, max(unseen))
        elif deleting_here and local.version("deleted_at") > incoming.version("deleted_at"):
            unseen = [incoming.version(c) for c in edited if incoming.version(c) > local.version(c)]
            if unseen:
                self._conflict(table, row_id, "deleted_at", "delete", row["deleted_at"],
                               local.version("deleted_at"), None, max(unseen))

    def _save_meta(self, table: str, row_id: str, meta: _Meta, *, insert: bool) -> None:
        overrides = json.dumps(meta.overrides, separators=(",", ":"))
        if insert:
            self.connection.execute(
                "INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, deleted_hlc) VALUES (?, ?, ?, ?, '{}', ?) "
                "ON CONFLICT (table_name, row_id) DO UPDATE SET base_hlc = excluded.base_hlc, "
                "overrides = excluded.overrides, deleted_hlc = excluded.deleted_hlc",
                (table, row_id, meta.base, overrides, meta.deleted),
            )
        else:
            self.connection.execute(
                "INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, deleted_hlc) VALUES (?, ?, ?, ?, '{}', ?) "
                "ON CONFLICT (table_name, row_id) DO UPDATE SET overrides = excluded.overrides, "
                "deleted_hlc = excluded.deleted_hlc",
                (table, row_id, meta.base, overrides, meta.deleted),
            )

    def _conflict(self, table, row_id, column, kind, winner_value, winner_hlc, loser_value, loser_hlc) -> None:
        if table == "sync_conflict":
            return  # two reviews of one conflict: the later simply wins
        key = derived_key("conflict", table, row_id, column, *sorted((winner_hlc, loser_hlc)))
        now = now_text()
        with self._captured():
            cursor = self.connection.execute(
                "INSERT OR IGNORE INTO sync_conflict (id, table_name, row_id, column_name, kind, winner_value, "
                "winner_hlc, loser_value, loser_hlc, created_at, updated_at, origin_site_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, table, row_id, column, kind, json.dumps(winner_value, ensure_ascii=False), winner_hlc,
                 json.dumps(loser_value, ensure_ascii=False), loser_hlc, now, now, self.site_id),
            )
        if cursor.rowcount:
            self.stats.conflicts.append(key)
