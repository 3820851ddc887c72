"""This PC's position in its own stream of bundles (the one-row sync_state table)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sociolab_desktop.core.store.models import utc_now


@dataclass
class StreamState:
    site_id: str
    epoch: int
    last_seq: int
    last_bundle_sha256: str | None
    published_watermark: str
    clock_high_water: str
    last_success_at: str | None
    last_attempt_at: str | None


_COLUMNS = (
    "site_id", "epoch", "last_seq", "last_bundle_sha256", "published_watermark",
    "clock_high_water", "last_success_at", "last_attempt_at",
)


def load_state(connection: sqlite3.Connection, site_id: str) -> StreamState:
    row = connection.execute(f"SELECT {', '.join(_COLUMNS)} FROM sync_state WHERE id = 1").fetchone()
    if row is None:
        connection.execute(
            "INSERT INTO sync_state (id, site_id, epoch, last_seq, published_watermark, clock_high_water) "
            "VALUES (1, ?, 1, 0, '', '')",
            (site_id,),
        )
        return StreamState(site_id, 1, 0, None, "", "", None, None)
    return StreamState(*row)


def save_state(connection: sqlite3.Connection, state: StreamState) -> None:
    assignments = ", ".join(f"{column} = ?" for column in _COLUMNS)
    values = [getattr(state, column) for column in _COLUMNS]
    connection.execute(f"UPDATE sync_state SET {assignments} WHERE id = 1", values)


def now_text() -> str:
    return utc_now().isoformat(sep=" ")
