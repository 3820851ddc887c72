"""What the Sync area and `sociolab-desktop sync status` show, read from the database alone (so
it is instant and works without the share)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from sociolab_desktop.core.sync.db import raw_connection


@dataclass(frozen=True)
class HeldBundle:
    path: str
    reason: str
    detail: str | None
    first_seen_at: str


@dataclass(frozen=True)
class OtherSite:
    site_id: str
    name: str | None
    last_applied_at: str
    bundles: int


@dataclass(frozen=True)
class SyncStatus:
    last_success_at: str | None
    last_attempt_at: str | None
    changes_waiting: int
    held: list[HeldBundle]
    open_conflicts: int
    other_sites: list[OtherSite]
    epoch: int
    last_seq: int


def read_status(engine: Engine, site_id: str) -> SyncStatus:
    with raw_connection(engine) as connection:
        state = connection.execute(
            "SELECT published_watermark, last_success_at, last_attempt_at, epoch, last_seq FROM sync_state WHERE id = 1"
        ).fetchone() or ("", None, None, 1, 0)
        watermark = state[0]
        waiting = connection.execute(
            "SELECT count(*) FROM sync_row WHERE last_local_hlc > ? AND substr(last_local_hlc, 22) = ?",
            (watermark, site_id),
        ).fetchone()[0]
        held = [HeldBundle(*row) for row in connection.execute(
            "SELECT path, reason, detail, first_seen_at FROM sync_held ORDER BY path")]
        conflicts = connection.execute(
            "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL AND deleted_at IS NULL"
        ).fetchone()[0]
        others = [
            OtherSite(site, name, last, count)
            for site, name, last, count in connection.execute(
                "SELECT a.site_id, s.name, max(a.applied_at), count(*) FROM sync_applied a "
                "LEFT JOIN site s ON s.id = a.site_id WHERE a.site_id != ? GROUP BY a.site_id ORDER BY s.name",
                (site_id,),
            )
        ]
    return SyncStatus(state[1], state[2], waiting, held, conflicts, others, state[3], state[4])
