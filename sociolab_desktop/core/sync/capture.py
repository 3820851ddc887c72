"""Change capture: triggers generated from the SQLAlchemy metadata record a version for every
field written, in the same transaction as the write, whatever wrote it (ORM, bulk statements,
migrations, a script). Writes that apply remote changes pause capture on their connection.

Triggers call SQL functions registered on every connection: `sync_hlc()` (a new clock value),
`sync_capture()` (0 while applying) and `sync_version_after()` (see hlc.version_after). A
connection without them cannot write synced tables, which is the point: nothing slips past sync.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, Table, event, text

from sociolab_desktop.core.store.models import Base
from sociolab_desktop.core.sync.hlc import HybridLogicalClock, version_after

TRIGGER_PREFIX = "sync_"


def synced_tables() -> list[Table]:
    """Every table whose records carry an origin site: the records that travel between PCs."""
    return [table for table in Base.metadata.sorted_tables if "origin_site_id" in table.columns]


def data_columns(table: Table) -> list[str]:
    return [column.name for column in table.columns if column.name != "id"]


class ChangeCapture:
    """The clock and capture switch of one engine's connections."""

    def __init__(self, clock: HybridLogicalClock) -> None:
        self.clock = clock
        self._paused: set[int] = set()
        self._lock = threading.Lock()

    def register(self, engine: Engine) -> None:
        event.listen(engine, "connect", self._on_connect)

    def _on_connect(self, dbapi_connection, _record) -> None:
        key = id(dbapi_connection)
        dbapi_connection.create_function("sync_hlc", 0, self.clock.tick)
        dbapi_connection.create_function("sync_capture", 0, lambda: 0 if key in self._paused else 1)
        dbapi_connection.create_function("sync_version_after", 2, version_after, deterministic=True)

    @contextmanager
    def paused(self, dbapi_connection) -> Iterator[None]:
        """Writes on this connection inside the block are remote changes: not captured again."""
        key = id(dbapi_connection)
        with self._lock:
            self._paused.add(key)
        try:
            yield
        finally:
            with self._lock:
                self._paused.discard(key)

    @contextmanager
    def resumed(self, dbapi_connection) -> Iterator[None]:
        """Inside a paused block: capture this write after all (a conflict found while applying
        is new information of this PC's, and travels to the others)."""
        key = id(dbapi_connection)
        with self._lock:
            was_paused = key in self._paused
            self._paused.discard(key)
        try:
            yield
        finally:
            if was_paused:
                with self._lock:
                    self._paused.add(key)


def _insert_trigger(name: str) -> str:
    return f"""CREATE TRIGGER {TRIGGER_PREFIX}ins_{name} AFTER INSERT ON "{name}" WHEN sync_capture()
BEGIN
  INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, deleted_hlc, last_local_hlc)
  SELECT '{name}', NEW.id, h, '{{}}', '{{}}', NULL, h FROM (SELECT sync_hlc() AS h) WHERE 1
  ON CONFLICT (table_name, row_id) DO UPDATE SET base_hlc = excluded.base_hlc, overrides = '{{}}',
    seen = '{{}}', deleted_hlc = NULL, last_local_hlc = excluded.last_local_hlc;
END"""


def _update_trigger(name: str, column: str) -> str:
    # The comparison first: SQLite then calls back into Python only for the columns that changed,
    # not for every column of every updated row (an update of a person fires ~45 of these).
    current = f"coalesce(json_extract(overrides, '$.{column}[0]'), base_hlc)"
    return f"""CREATE TRIGGER {TRIGGER_PREFIX}upd_{name}__{column} AFTER UPDATE OF "{column}" ON "{name}"
WHEN OLD."{column}" IS NOT NEW."{column}" AND sync_capture()
BEGIN
  INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, last_local_hlc)
  SELECT '{name}', NEW.id, '', json_object('{column}', json_array(h, '')), json_object('{column}', ''), h
  FROM (SELECT sync_hlc() AS h) WHERE 1
  ON CONFLICT (table_name, row_id) DO UPDATE SET
    overrides = json_set(overrides, '$.{column}', json_array(sync_version_after(excluded.last_local_hlc, {current}),
      coalesce(json_extract(seen, '$.{column}'), {current}))),
    seen = json_insert(seen, '$.{column}', {current}),
    last_local_hlc = excluded.last_local_hlc;
END"""


def _delete_trigger(name: str) -> str:
    return f"""CREATE TRIGGER {TRIGGER_PREFIX}del_{name} AFTER DELETE ON "{name}" WHEN sync_capture()
BEGIN
  INSERT INTO sync_row (table_name, row_id, base_hlc, overrides, seen, deleted_hlc, last_local_hlc)
  SELECT '{name}', OLD.id, '', '{{}}', '{{}}', h, h FROM (SELECT sync_hlc() AS h) WHERE 1
  ON CONFLICT (table_name, row_id) DO UPDATE SET deleted_hlc = excluded.deleted_hlc,
    last_local_hlc = excluded.last_local_hlc;
END"""


def expected_triggers() -> dict[str, str]:
    triggers: dict[str, str] = {}
    for table in synced_tables():
        for sql in (_insert_trigger(table.name), _delete_trigger(table.name),
                    *(_update_trigger(table.name, column) for column in data_columns(table))):
            name = sql.split()[2]
            triggers[name] = sql
    return triggers


def fingerprint(triggers: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(triggers):
        digest.update(triggers[name].encode())
    return digest.hexdigest()


def install_triggers(engine: Engine) -> bool:
    """Bring the capture triggers in line with the current schema; True if anything changed."""
    wanted = expected_triggers()
    with engine.begin() as connection:
        existing = dict(
            connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'")
            ).all()
        )
        if existing == wanted:
            return False
        for name in existing:
            connection.execute(text(f'DROP TRIGGER "{name}"'))
        for sql in wanted.values():
            connection.execute(text(sql))
    return True
