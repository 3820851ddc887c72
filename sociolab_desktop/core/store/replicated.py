"""Replicated operations on persons, as plain SQL that every PC runs the same way.

A merge (person_merge row) points every reference of the duplicate at the survivor, also for
references that arrive later through sync; a GDPR erasure (person_erasure row) blanks a person's
personal data and keeps it blank whatever arrives afterwards. Both functions are idempotent and
depend only on replicated rows, so every PC reaches the same data in any order.

They take the DBAPI (sqlite3) connection of the caller's transaction: a service passes its
session's, sync passes the one it applies bundles on.
"""

from __future__ import annotations

import sqlite3

from sociolab_desktop.core.store.models import Base

# Records that exist once per (thing, person): after a merge two of them may describe the same
# pair; the one with the smallest key stays, the others are marked deleted.
UNIQUE_PER_PERSON = {
    "registration": ("event_id",),
    "attendance": ("event_session_id",),
    "certificate": ("event_id",),
    "mentoring_session_person": ("mentoring_session_id",),
    "person_organisation_role": ("organisation_id", "role"),
}

# Everything that identifies or describes the person; what remains is what the funder may keep
# in anonymous counts (gender, age band, ESF categories) — the erasure blanks those too unless
# the lead partner decides otherwise, so the default is to blank them all.
ERASED_PERSON_COLUMNS = (
    "gender", "birth_date", "birth_year", "emso", "tax_number", "email", "phone",
    "street_address", "postal_code", "post_town", "municipality_code", "target_group",
    "labour_status", "isced_level", "jobless_household", "dependent_children",
    "single_adult_with_children", "migrant_or_minority", "disability", "other_disadvantage",
    "homeless_or_housing_excluded", "rural_area", "exit_in_education",
    "exit_gained_qualification", "exit_employed", "exit_job_searching", "notes",
)
ERASED_NAME = ""


def person_references() -> list[tuple[str, str]]:
    refs = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if any(fk.target_fullname == "person.id" for fk in column.foreign_keys):
                refs.append((table.name, column.name))
    return refs


def final_survivors(connection: sqlite3.Connection) -> dict[str, str]:
    """Loser → the person it finally merged into, following chains (A→B→C gives A→C).

    Concurrent merges that form a cycle (A→B at one PC, B→A at another) end in the person with
    the smallest key, so every PC picks the same one.
    """
    rows = connection.execute(
        "SELECT loser_id, survivor_id FROM person_merge WHERE deleted_at IS NULL ORDER BY created_at, id"
    ).fetchall()
    points_to = {}
    for loser, survivor in rows:
        points_to.setdefault(loser, survivor)
    result = {}
    for loser in points_to:
        seen = [loser]
        current = points_to[loser]
        while current in points_to and current not in seen:
            seen.append(current)
            current = points_to[current]
        if current in seen:  # a cycle: everyone in it goes to the smallest key
            cycle = seen[seen.index(current):]
            current = min(cycle)
        if current != loser:
            result[loser] = current
    return result


def apply_person_merges(connection: sqlite3.Connection) -> int:
    """Redirect references of merged-away persons; returns how many references moved."""
    survivors = final_survivors(connection)
    if not survivors:
        return 0
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS merge_map (loser TEXT PRIMARY KEY, survivor TEXT)")
    connection.execute("DELETE FROM merge_map")
    connection.executemany("INSERT INTO merge_map (loser, survivor) VALUES (?, ?)", list(survivors.items()))
    moved = 0
    for table, column in person_references():
        result = connection.execute(
            f'UPDATE "{table}" SET "{column}" = (SELECT survivor FROM merge_map WHERE loser = "{table}"."{column}") '
            f'WHERE "{column}" IN (SELECT loser FROM merge_map)'
        )
        moved += result.rowcount
    connection.execute(
        "UPDATE person SET merged_into_id = (SELECT survivor FROM merge_map WHERE loser = person.id) "
        "WHERE id IN (SELECT loser FROM merge_map) "
        "AND merged_into_id IS NOT (SELECT survivor FROM merge_map WHERE loser = person.id)"
    )
    if moved:
        _retire_duplicates(connection)
    return moved


def _retire_duplicates(connection: sqlite3.Connection) -> None:
    for table, columns in UNIQUE_PER_PERSON.items():
        same = " AND ".join(f'other."{c}" IS "{table}"."{c}"' for c in ("person_id", *columns))
        connection.execute(
            f'UPDATE "{table}" SET deleted_at = updated_at WHERE deleted_at IS NULL AND EXISTS ('
            f'SELECT 1 FROM "{table}" AS other WHERE other.deleted_at IS NULL AND {same} '
            f'AND other.id < "{table}".id)'
        )


def apply_person_erasures(connection: sqlite3.Connection) -> int:
    """Blank every erased person's personal data; returns how many persons changed."""
    blank = ", ".join(f'"{column}" = NULL' for column in ERASED_PERSON_COLUMNS)
    changed = " OR ".join(f'"{column}" IS NOT NULL' for column in ERASED_PERSON_COLUMNS)
    result = connection.execute(
        f"UPDATE person SET {blank}, first_name = :name, last_name = :name, search_text = '', "
        "sort_key = '', erased_at = (SELECT min(created_at) FROM person_erasure e "
        "  WHERE e.person_id = person.id) "
        "WHERE id IN (SELECT person_id FROM person_erasure) "
        f"AND (erased_at IS NULL OR first_name != :name OR last_name != :name OR {changed})",
        {"name": ERASED_NAME},
    )
    return result.rowcount
