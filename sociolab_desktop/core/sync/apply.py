"""Apply: read other sites' bundles from the share, in order, each in one transaction.

Only intact bundles are applied: a torn, truncated or altered file, one from a newer schema, or
one whose predecessor has not arrived yet is held with a reason and tried again next round.
Applying a bundle twice changes nothing (its (site, epoch, seq) is recorded).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from sociolab_desktop.core.store.migrate import REVISIONS
from sociolab_desktop.core.store.replicated import apply_person_erasures, apply_person_merges
from sociolab_desktop.core.sync.bundle import BundleError, BundleHeader, decode
from sociolab_desktop.core.sync.capture import ChangeCapture, synced_tables
from sociolab_desktop.core.sync.db import immediate
from sociolab_desktop.core.sync.hlc import HybridLogicalClock
from sociolab_desktop.core.sync.merge import Merger
from sociolab_desktop.core.sync.share import BundleRef, Share, ShareUnavailable
from sociolab_desktop.core.sync.state import load_state, now_text, save_state

# Reasons a bundle is held (codes for the status list; the UI and CLI word them).
TRUNCATED, CORRUPT, CHECKSUM = "truncated", "corrupt", "checksum"
NEWER_SCHEMA, WAITING, BROKEN_CHAIN, MISPLACED = "newer_schema", "waiting", "broken_chain", "misplaced"


@dataclass(frozen=True)
class Held:
    path: str
    reason: str
    detail: str = ""


@dataclass
class Applied:
    bundles: int = 0
    entries: int = 0
    conflicts: list[str] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)
    clock_ahead: set[str] = field(default_factory=set)


def applied_positions(connection: sqlite3.Connection) -> dict[tuple[str, int, int], str]:
    return {
        (site, epoch, seq): sha
        for site, epoch, seq, sha in connection.execute("SELECT site_id, epoch, seq, sha256 FROM sync_applied")
    }


class Applier:
    def __init__(self, connection: sqlite3.Connection, share: Share, capture: ChangeCapture,
                 clock: HybridLogicalClock, site_id: str) -> None:
        self.connection = connection
        self.share = share
        self.capture = capture
        self.clock = clock
        self.site_id = site_id
        self.columns = {table.name: [c.name for c in table.columns] for table in synced_tables()}
        self.result = Applied()

    def apply_streams(self, refs: Iterable[BundleRef]) -> Applied:
        """Apply every not-yet-applied bundle of the given refs, stream by stream, in seq order."""
        done = applied_positions(self.connection)
        for ref in sorted(refs):
            key = (ref.site_id, ref.epoch, ref.seq)
            if key in done:
                continue
            previous = done.get((ref.site_id, ref.epoch, ref.seq - 1))
            if ref.seq > 1 and previous is None:
                self._hold(ref, WAITING, f"bundle {ref.seq - 1} has not arrived yet")
                continue
            sha = self._apply_file(ref, previous)
            if sha is not None:
                done[key] = sha
        return self.result

    def _apply_file(self, ref: BundleRef, previous_sha: str | None) -> str | None:
        try:
            data = self.share.read(ref.path)
        except FileNotFoundError:
            return None  # removed between listing and reading: next round
        try:
            header, entries = decode(data)
        except BundleError as error:
            self._hold(ref, error.reason, error.detail)
            return None
        problem = self._check_header(ref, header, previous_sha)
        if problem:
            self._hold(ref, *problem)
            return None
        self._apply(ref, header, entries)
        return header.body_sha256

    def _check_header(self, ref: BundleRef, header: BundleHeader, previous_sha: str | None):
        if (header.site_id, header.epoch, header.seq) != (ref.site_id, ref.epoch, ref.seq):
            return MISPLACED, f"header says {header.site_id}/{header.epoch}/{header.seq}"
        if header.schema not in REVISIONS:
            return NEWER_SCHEMA, header.schema
        if ref.seq > 1 and header.previous_sha256 != previous_sha:
            return BROKEN_CHAIN, "does not continue the bundle before it"
        return None

    def _apply(self, ref: BundleRef, header: BundleHeader, entries: list[dict]) -> None:
        connection = self.connection
        connection.execute("PRAGMA foreign_keys = OFF")  # records may arrive before what they refer to
        try:
            with self.capture.paused(connection), immediate(connection):
                merger = Merger(connection, self.columns, self.site_id, lambda: self.capture.resumed(connection))
                stats = merger.merge(entries)
                apply_person_merges(connection, lambda: self.capture.resumed(connection))
                apply_person_erasures(connection)
                connection.execute(
                    "INSERT OR IGNORE INTO sync_applied (site_id, epoch, seq, sha256, entries, applied_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (ref.site_id, ref.epoch, ref.seq, header.body_sha256, header.count, now_text()),
                )
                connection.execute("DELETE FROM sync_held WHERE path = ?", (ref.relative,))
                state = load_state(connection, self.site_id)
                if self.clock.observe(header.hlc_max):
                    state.clock_high_water = max(state.clock_high_water, header.hlc_max)
                else:
                    self.result.clock_ahead.add(header.site_id)
                save_state(connection, state)
        finally:
            connection.execute("PRAGMA foreign_keys = ON")
        self.result.bundles += 1
        self.result.entries += header.count
        self.result.conflicts.extend(stats.conflicts)

    def _hold(self, ref: BundleRef, reason: str, detail: str = "") -> None:
        self.result.held.append(Held(ref.relative, reason, detail))
        now = now_text()
        with immediate(self.connection):
            self.connection.execute(
                "INSERT INTO sync_held (path, reason, detail, first_seen_at, last_tried_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, "
                "last_tried_at = excluded.last_tried_at",
                (ref.relative, reason, detail, now, now),
            )


__all__ = ["Applier", "Applied", "Held", "ShareUnavailable"]
