"""Bring a database to the schema this version of the program expects.

The fast path (already at head) reads one row with plain sqlite3 and never imports Alembic, which
keeps start-up quick. A database from a newer program is refused, never "downgraded".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_
from sociolab_desktop.paths import migrations_dir

# Every revision in migrations/versions, oldest first; a test keeps this equal to Alembic's
# history. Sync uses it to tell a bundle from a newer program (held) from an older one (applied).
REVISIONS = ("0001_initial", "0002_sync", "0003_person_search")
HEAD_REVISION = REVISIONS[-1]


# Tables that are not the models' to diff: FTS5 virtual tables and their shadow tables must
# never be dropped by autogenerate.
_UNMANAGED_PREFIXES = ("fts_", "sqlite_")


def include_name(name, type_, parent_names) -> bool:
    """Alembic's filter: which database objects autogenerate compares with the models."""
    return not (type_ == "table" and name and name.startswith(_UNMANAGED_PREFIXES))


def current_revision(database: Path) -> str | None:
    """The schema revision of a database file, or None for a new (empty) one.

    An SQLite file with tables but no revision belongs to another program and is refused.
    """
    if not database.exists() or database.stat().st_size == 0:
        return None
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        row = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    if row:
        return row[0]
    if tables - {"alembic_version"}:
        raise UserError(
            N_(
                "The file {path} is an SQLite database of another program, not of SocioLab "
                "Desk. It was left untouched. Choose another data folder with --data-dir."
            ),
            path=str(database),
        )
    return None


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def needs_upgrade(database: Path) -> bool:
    """True when the schema is older than this program; raises when it is newer."""
    revision = current_revision(database)
    if revision == HEAD_REVISION:
        return False
    if revision is not None and revision not in known_revisions():
        raise UserError(
            N_(
                "The database {path} was written by a newer version of SocioLab Desk "
                "(schema {revision}). Install the newer version on this PC; the data was "
                "left untouched."
            ),
            path=str(database),
            revision=revision,
        )
    return True


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
