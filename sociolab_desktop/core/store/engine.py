"""The SQLite engine: WAL, foreign keys and a busy timeout on every connection.

Opening is checked first, so that a file that is not a database, one that another program holds
locked, or a folder nobody may write to is reported with its path and a next step, and nothing is
changed on disk.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _configure_connection(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def check_data_folder(folder: Path) -> None:
    """Create a missing data folder; refuse one that cannot be written, naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            N_(
                "The data folder {path} does not exist and cannot be created ({reason}). "
                "Choose another folder with --data-dir or ask IT for write access."
            ),
            path=str(folder),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(
            N_(
                "The data folder {path} is read-only. SocioLab Desk needs to write there; "
                "ask IT for write access or choose another folder with --data-dir."
            ),
            path=str(folder),
        )


def check_database_file(path: Path) -> None:
    """A file that exists must be a readable SQLite database; an empty file is a new one."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(
            N_("The database {path} cannot be read ({reason}). Check the file's permissions."),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    if header != SQLITE_HEADER:
        raise _corrupt(path)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise database_locked(path) from exc
        raise _corrupt(path) from exc


def _corrupt(path: Path) -> UserError:
    return UserError(
        N_(
            "The database {path} is damaged or is not a SocioLab Desk database. It was left "
            "untouched. Restore the latest backup with “sociolab-desktop restore FILE” "
            "(backups are in the “backups” folder beside it)."
        ),
        path=str(path),
    )


def database_locked(path: Path) -> UserError:
    return UserError(
        N_(
            "The database {path} is locked by another program. Close the other program "
            "(or another copy of SocioLab Desk) and try again."
        ),
        path=str(path),
    )


def create_sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_connection)
    return engine
