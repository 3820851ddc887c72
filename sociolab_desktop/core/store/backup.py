"""Online backups with SQLite's backup API, and restore that never loses the replaced data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

DAILY_PREFIX = "daily-"
BACKUP_SUFFIX = ".sqlite3"


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def backup_database(database: Path, target: Path) -> Path:
    """Copy a live database consistently (other connections may keep writing meanwhile)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    partial.replace(target)
    return target


def make_named_backup(database: Path, folder: Path, label: str, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    return backup_database(database, folder / f"{label}-{_stamp(now)}{BACKUP_SUFFIX}")


def daily_backup(database: Path, folder: Path, keep: int, today: dt.datetime | None = None) -> Path | None:
    """At most one automatic backup a day; only the newest `keep` automatic ones are kept."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    now = today or dt.datetime.now()
    day = now.strftime("%Y%m%d")
    existing = sorted(folder.glob(f"{DAILY_PREFIX}*{BACKUP_SUFFIX}")) if folder.exists() else []
    if any(path.name.startswith(f"{DAILY_PREFIX}{day}") for path in existing):
        return None
    made = make_named_backup(database, folder, DAILY_PREFIX.rstrip("-"), now)
    for old in sorted(folder.glob(f"{DAILY_PREFIX}*{BACKUP_SUFFIX}"))[:-keep]:
        old.unlink()
    return made


def list_backups(folder: Path) -> list[Path]:
    if not folder.exists():
        return []
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda path: path.stat().st_mtime, reverse=True)


def describe_backup(path: Path) -> dt.datetime | None:
    """The newest change recorded in a SocioLab database (None if it has no records).

    Raises a UserError when the file is not a SocioLab Desk database at all.
    """
    not_ours = UserError(
        N_(
            "{path} is not a SocioLab Desk backup. Choose a file from the “backups” folder "
            "of a data folder, or one made with “sociolab-desktop backup”."
        ),
        path=str(path),
    )
    if not path.is_file():
        raise UserError(N_("The file {path} does not exist."), path=str(path))
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "site", "person"} <= tables:
                raise not_ours
            newest = None
            for table in ("person", "organisation", "contact", "event", "mentoring_session", "attendance"):
                if table in tables:
                    value = connection.execute(f"SELECT max(updated_at) FROM {table}").fetchone()[0]
                    if value and (newest is None or value > newest):
                        newest = value
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise not_ours from exc
    return dt.datetime.fromisoformat(newest) if newest else None
