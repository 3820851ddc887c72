"""Publish: turn this PC's unpublished changes into bundles in its own folder on the share.

A record changed here since the last publish travels whole (every field with its version), so a
PC that never saw the record's creation can still create it; the versions decide, field by
field, what wins.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from sociolab_desktop import __version__
from sociolab_desktop.core.store.migrate import HEAD_REVISION
from sociolab_desktop.core.sync.bundle import encode
from sociolab_desktop.core.sync.capture import synced_tables
from sociolab_desktop.core.sync.db import immediate
from sociolab_desktop.core.sync.hlc import site_of
from sociolab_desktop.core.sync.share import Share
from sociolab_desktop.core.sync.state import StreamState, load_state, now_text, save_state

ENTRIES_PER_BUNDLE = 5000
_ID_CHUNK = 500


@dataclass(frozen=True)
class Published:
    bundles: int
    entries: int
    bytes: int


def _columns() -> dict[str, list[str]]:
    return {table.name: [column.name for column in table.columns] for table in synced_tables()}


def _load_values(connection: sqlite3.Connection, table: str, columns: list[str], ids: list[str]) -> dict[str, dict]:
    values: dict[str, dict] = {}
    select = ", ".join(f'"{column}"' for column in columns)
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start:start + _ID_CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in connection.execute(f'SELECT {select} FROM "{table}" WHERE id IN ({marks})', chunk):
            record = dict(zip(columns, row))
            values[record.pop("id")] = record
    return values


def _entries(connection: sqlite3.Connection, rows: list[tuple], columns: dict[str, list[str]]) -> list[dict]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, row_id, *_rest in rows:
        by_table[table].append(row_id)
    values = {table: _load_values(connection, table, columns[table], ids)
              for table, ids in by_table.items() if table in columns}
    entries = []
    for table, row_id, base_hlc, overrides, deleted_hlc, _last in rows:
        if table not in columns:
            continue
        entry = {"t": table, "k": row_id, "b": base_hlc, "o": json.loads(overrides)}
        row_values = values[table].get(row_id)
        if row_values is not None:
            entry["v"] = row_values
        if deleted_hlc:
            entry["x"] = deleted_hlc
        entries.append(entry)
    return entries


def publish(connection: sqlite3.Connection, share: Share, site_id: str) -> Published:
    """Write every unpublished local change; one IMMEDIATE transaction per bundle."""
    columns = _columns()
    bundles = entries_total = bytes_total = 0
    while True:
        with immediate(connection):
            state = load_state(connection, site_id)
            rows = connection.execute(
                "SELECT table_name, row_id, base_hlc, overrides, deleted_hlc, last_local_hlc FROM sync_row "
                "WHERE last_local_hlc > ? ORDER BY last_local_hlc LIMIT ?",
                (state.published_watermark, ENTRIES_PER_BUNDLE),
            ).fetchall()
            own = [row for row in rows if site_of(row[5]) == site_id]
            if not rows:
                return Published(bundles, entries_total, bytes_total)
            entries = _entries(connection, own, columns)
            watermark = rows[-1][5]
            if entries:
                size = _write_bundle(connection, share, state, entries, own[0][5], own[-1][5])
                bundles, entries_total, bytes_total = bundles + 1, entries_total + len(entries), bytes_total + size
            connection.execute(
                "UPDATE sync_row SET seen = '{}' WHERE last_local_hlc > ? AND last_local_hlc <= ? AND seen != '{}'",
                (state.published_watermark, watermark),
            )
            state.published_watermark = watermark
            save_state(connection, state)


def _write_bundle(connection, share: Share, state: StreamState, entries: list[dict], hlc_min: str, hlc_max: str) -> int:
    seq = state.last_seq + 1
    data, header = encode(
        {
            "schema": HEAD_REVISION,
            "app_version": __version__,
            "site_id": state.site_id,
            "epoch": state.epoch,
            "seq": seq,
            "hlc_min": hlc_min,
            "hlc_max": hlc_max,
            "previous_sha256": state.last_bundle_sha256,
            "created_at": now_text(),
        },
        entries,
    )
    share.write_new(share.bundle_path(state.site_id, state.epoch, seq), data)
    state.last_seq = seq
    state.last_bundle_sha256 = header.body_sha256
    # Our own bundle counts as applied here: it is this database's own state.
    connection.execute(
        "INSERT OR REPLACE INTO sync_applied (site_id, epoch, seq, sha256, entries, applied_at) VALUES (?, ?, ?, ?, ?, ?)",
        (state.site_id, state.epoch, seq, header.body_sha256, len(entries), now_text()),
    )
    return len(data)
