"""Conflicts to review: list them, keep what won, or take the other value as a new edit.

Either way the choice is itself an edit that syncs, so the other info points see the conflict
resolved and, where the other value was chosen, the field changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Engine

from sociolab_desktop.core.store.derived import DERIVED, derived_values
from sociolab_desktop.core.store.models import utc_now
from sociolab_desktop.core.sync.capture import synced_tables
from sociolab_desktop.core.sync.db import immediate, raw_connection
from sociolab_desktop.core.sync.hlc import site_of, wall_of
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

KEEP_WINNER = "kept"
TAKE_OTHER = "other"


@dataclass(frozen=True)
class Conflict:
    id: str
    table_name: str
    row_id: str
    column_name: str
    kind: str
    winner_value: object
    winner_site_id: str
    winner_time_ms: int
    loser_value: object
    loser_site_id: str
    loser_time_ms: int
    record_label: str


def _label(connection, table: str, row_id: str) -> str:
    if table == "person":
        row = connection.execute("SELECT first_name, last_name FROM person WHERE id = ?", (row_id,)).fetchone()
        return " ".join(filter(None, row)) if row else row_id
    if table in ("organisation", "site"):
        row = connection.execute(f'SELECT name FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
        return row[0] if row else row_id
    if table == "event":
        row = connection.execute("SELECT title_sl FROM event WHERE id = ?", (row_id,)).fetchone()
        return row[0] if row else row_id
    return row_id


def open_conflicts(engine: Engine, limit: int = 500) -> list[Conflict]:
    with raw_connection(engine) as connection:
        rows = connection.execute(
            "SELECT id, table_name, row_id, column_name, kind, winner_value, winner_hlc, loser_value, loser_hlc "
            "FROM sync_conflict WHERE resolved_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT ?",
            (limit,),
        ).fetchall()
        return [
            Conflict(
                id=row[0], table_name=row[1], row_id=row[2], column_name=row[3], kind=row[4],
                winner_value=json.loads(row[5]) if row[5] else None,
                winner_site_id=site_of(row[6]), winner_time_ms=wall_of(row[6]),
                loser_value=json.loads(row[7]) if row[7] else None,
                loser_site_id=site_of(row[8]), loser_time_ms=wall_of(row[8]),
                record_label=_label(connection, row[1], row[2]),
            )
            for row in rows
        ]


def _refresh_derived(connection, table: str, row_id: str) -> None:
    """Search text and sort key follow the value taken, here as every other PC recomputes them."""
    if table not in DERIVED:
        return
    cursor = connection.execute(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
    row = cursor.fetchone()
    if row is None:
        return
    values = derived_values(table, dict(zip((d[0] for d in cursor.description), row)))
    assignments = ", ".join(f'"{column}" = ?' for column in values)
    connection.execute(f'UPDATE "{table}" SET {assignments} WHERE id = ?', (*values.values(), row_id))


def resolve_conflict(engine: Engine, conflict_id: str, choice: str, staff_id: str | None) -> None:
    if choice not in (KEEP_WINNER, TAKE_OTHER):
        raise ValueError(choice)
    known = {table.name: {c.name for c in table.columns} for table in synced_tables()}
    now = utc_now().isoformat(sep=" ")
    with raw_connection(engine) as connection, immediate(connection):
        row = connection.execute(
            "SELECT table_name, row_id, column_name, kind, loser_value, resolved_at FROM sync_conflict WHERE id = ?",
            (conflict_id,),
        ).fetchone()
        if row is None or row[5] is not None:
            raise UserError(N_("This conflict was already resolved, here or at another info point."))
        table, row_id, column, kind, loser_value, _resolved = row
        if choice == TAKE_OTHER:
            if table not in known or column not in known[table]:
                raise UserError(N_("This conflict names data this version of the program does not know."))
            value = None if kind == "delete" else json.loads(loser_value) if loser_value else None
            connection.execute(
                f'UPDATE "{table}" SET "{column}" = ?, updated_at = ?, updated_by_id = ? WHERE id = ?',
                (value, now, staff_id, row_id),
            )
            _refresh_derived(connection, table, row_id)
        connection.execute(
            "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, updated_at = ?, updated_by_id = ? WHERE id = ?",
            (now, choice, now, staff_id, conflict_id),
        )
