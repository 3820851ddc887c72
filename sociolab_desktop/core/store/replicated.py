"""Replicated operations on persons, as plain SQL that every PC runs the same way.

A merge (person_merge row) points every reference of the duplicate at the survivor, also for
references that arrive later through sync; a GDPR erasure (person_erasure row) blanks a person's
personal data and keeps it blank whatever arrives afterwards. Both functions are idempotent and
depend only on replicated rows, so every PC reaches the same data in any order. The one step that
depends on what a PC holds at the moment, retiring the second record of a pair that a merge
made, is an ordinary captured edit instead (see _retire_duplicates).

They take the DBAPI (sqlite3) connection of the caller's transaction: a service passes its
session's, sync passes the one it applies bundles on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

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
    """Loser → the person it finally counts as.

    Persons joined by merges are one person, whatever order the merges were made or arrive in:
    A into B and then B into C gives C; A into B at one PC and A into C at another (both offline)
    makes all three one person, so a reference already moved to C follows to the survivor too,
    wherever the merges arrived in a different order. The survivor is the member no merge names
    as a loser, the one with the smallest key if there are several (or none: merges in a cycle).
    """
    rows = connection.execute("SELECT loser_id, survivor_id FROM person_merge WHERE deleted_at IS NULL").fetchall()
    parent: dict[str, str] = {}

    def root(person: str) -> str:
        parent.setdefault(person, person)
        while parent[person] != person:
            parent[person] = parent[parent[person]]
            person = parent[person]
        return person

    losers = set()
    for loser, survivor in rows:
        losers.add(loser)
        first, second = root(loser), root(survivor)
        if first != second:
            parent[max(first, second)] = min(first, second)
    groups: dict[str, list[str]] = {}
    for person in list(parent):
        groups.setdefault(root(person), []).append(person)
    result = {}
    for members in groups.values():
        survivor = min([member for member in members if member not in losers] or members)
        result.update((member, survivor) for member in members if member != survivor)
    return result


def apply_person_merges(connection: sqlite3.Connection,
                        captured: Callable[[], AbstractContextManager] | None = None) -> int:
    """Redirect references of merged-away persons; returns how many references moved.

    `captured`, when sync applies bundles with capture paused, makes retiring duplicates a
    captured edit (see _retire_duplicates)."""
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
    # Two offices merging one pair in opposite directions (A into B here, B into A there) end
    # with one survivor; the merge that made it a loser no longer counts, or neither would remain.
    connection.execute(
        "UPDATE person SET merged_into_id = NULL "
        "WHERE merged_into_id IS NOT NULL AND id NOT IN (SELECT loser FROM merge_map)"
    )
    with captured() if captured else nullcontext():
        _retire_duplicates(connection)
    return moved


def _retire_duplicates(connection: sqlite3.Connection) -> None:
    """Every time, not only when this call moved a reference: the second record of a pair may
    also arrive already pointing at the survivor, or be made for the survivor afterwards.

    Only survivors' records can form such pairs. Marking one deleted depends on what this PC holds
    at that moment, unlike the redirects above, so it is an edit of this PC's that travels (and
    wins or loses by its version) rather than a silent local change that other PCs might make
    differently."""
    # Marked deleted as of the first merge into the survivor: the same time at every PC that
    # retires it (its own updated_at could still differ between PCs), so two PCs retiring the
    # same record at once agree, and no conflict is reported between them.
    merged_at = (
        "(SELECT min(m.created_at) FROM person_merge m JOIN merge_map ON merge_map.loser = m.loser_id "
        "WHERE m.deleted_at IS NULL AND merge_map.survivor = {table}.person_id)"
    )
    for table, columns in UNIQUE_PER_PERSON.items():
        same = " AND ".join(f'other."{c}" IS "{table}"."{c}"' for c in ("person_id", *columns))
        connection.execute(
            f'UPDATE "{table}" SET deleted_at = {merged_at.format(table=table)} WHERE deleted_at IS NULL '
            f'AND person_id IN (SELECT survivor FROM merge_map) AND EXISTS ('
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
        # The derived columns too: a merge recomputes them from the blank names ("" is not what
        # the sort key of "" comes out as). erased_at is the earliest erasure's wherever two
        # offices erased the same person, whichever erasure the merge let win.
        "AND (erased_at IS NOT (SELECT min(created_at) FROM person_erasure e WHERE e.person_id = person.id) "
        f"OR first_name != :name OR last_name != :name OR {changed} OR search_text != '' OR sort_key != '')",
        {"name": ERASED_NAME},
    )
    # A conflict about an erased person's field holds that field's two values: blank them too, or
    # the data lives on in the review list (and reaches every PC with the conflict).
    erased_fields = ", ".join(f"'{column}'" for column in ("first_name", "last_name", *ERASED_PERSON_COLUMNS))
    connection.execute(
        "UPDATE sync_conflict SET winner_value = NULL, loser_value = NULL "
        "WHERE table_name = 'person' AND row_id IN (SELECT person_id FROM person_erasure) "
        f"AND column_name IN ({erased_fields}) AND (winner_value IS NOT NULL OR loser_value IS NOT NULL)"
    )
    return result.rowcount
