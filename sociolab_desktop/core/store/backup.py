"""Online backups with SQLite's backup API, and restore that never loses the replaced data.

Backups live in the data folder's `backups/` as `<label>-<YYYYMMDD-HHMMSS>.sqlite3`: `daily-…`
(automatic, at most one a day, the newest N kept), `backup-…` (made by hand), `before-upgrade-…`
and `before-restore-…`. Only `daily-…` files are ever pruned. Each backup is a single
self-contained file (rollback-journal mode), so it can be copied or mailed as it is.

The low-level functions (backup_database, make_named_backup, daily_backup) raise OSError and
sqlite3 errors for their caller (store/database.py) to explain; make_manual_backup and
restore_database raise UserErrors that say what to do.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop.core.store import migrate
from sociolab_desktop.core.store.engine import BUSY_TIMEOUT_MS, SQLITE_HEADER
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)

DAILY_PREFIX = "daily-"
MANUAL_LABEL = "backup"
BEFORE_RESTORE_LABEL = "before-restore"
BACKUP_SUFFIX = ".sqlite3"
_DAILY_NAME = re.compile(r"daily-(\d{8})-\d{6}(?:-\d+)?\.sqlite3")
# Files SQLite keeps beside a database; a stale one beside a replaced database would be replayed
# into the new one and corrupt it.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_REQUIRED_TABLES = {"alembic_version", "site", "person"}


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _read_only(path: Path) -> sqlite3.Connection:
    """Open without ever creating or changing the file; as_uri escapes spaces, #, ? and č."""
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open folders and needs no such step."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def backup_database(database: Path, target: Path) -> Path:
    """Copy a live database consistently (other connections may keep writing meanwhile)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        source = _read_only(database)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
                # The copy inherits WAL mode; a single file is what people expect to copy.
                destination.execute("PRAGMA journal_mode=DELETE")
            finally:
                destination.close()
        finally:
            source.close()
        _fsync_file(partial)
        os.replace(partial, target)
        _fsync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _free_name(folder: Path, label: str, now: dt.datetime) -> Path:
    """Two backups in one second (before-restore, then by hand) must not overwrite each other."""
    base = f"{label}-{_stamp(now)}"
    candidate = folder / f"{base}{BACKUP_SUFFIX}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{BACKUP_SUFFIX}"
        number += 1
    return candidate


def make_named_backup(database: Path, folder: Path, label: str, now: dt.datetime | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return backup_database(database, _free_name(folder, label, now or dt.datetime.now()))


def daily_backup(database: Path, folder: Path, keep: int, today: dt.datetime | None = None) -> Path | None:
    """At most one automatic backup a day; only the newest `keep` automatic ones are kept."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    now = today or dt.datetime.now()
    day = now.strftime("%Y%m%d")
    if any(match.group(1) == day for _path, match in _daily_backups(folder)):
        return None
    made = make_named_backup(database, folder, DAILY_PREFIX.rstrip("-"), now)
    _prune_daily(folder, max(1, keep))
    return made


def _daily_backups(folder: Path) -> list[tuple[Path, re.Match]]:
    """Automatic backups only, oldest first (the fixed-width stamp sorts by time)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _DAILY_NAME.fullmatch(path.name)
        if match and path.is_file():
            found.append((path, match))
    return sorted(found, key=lambda item: item[0].name)


def _prune_daily(folder: Path, keep: int) -> None:
    for old, _match in _daily_backups(folder)[:-keep]:
        try:
            old.unlink()
        except OSError as exc:
            # A backup someone has open stays until the next day; never a reason to fail start-up.
            log.warning("Could not remove the old backup %s: %s", old.name, exc)


def list_backups(folder: Path) -> list[Path]:
    """Every backup in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = [path for path in folder.glob(f"*{BACKUP_SUFFIX}") if path.is_file()]
    return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)


@dataclass(frozen=True)
class BackupInfo:
    """What a SocioLab Desk database file holds, read without changing it."""

    path: Path
    revision: str
    newest_change: dt.datetime | None  # naive UTC, like every stored time
    site_ids: frozenset[str]
    persons: int  # not deleted
    records: int  # rows of every record table, deleted ones included


def _not_ours(path: Path) -> UserError:
    return UserError(
        N_(
            "{path} is not a SocioLab Desk backup. Choose a file from the “backups” folder "
            "of a data folder, or one made with “sociolab-desktop backup”."
        ),
        path=str(path),
    )


def _damaged(path: Path) -> UserError:
    return UserError(
        N_(
            "The backup {path} is damaged (its database check failed). Choose an older backup "
            "from the “backups” folder."
        ),
        path=str(path),
    )


def inspect_backup(path: Path, *, check_integrity: bool = False) -> BackupInfo:
    """Read a backup's schema, newest change and sites; a UserError if it is not ours or too new."""
    if path.is_dir():
        raise UserError(N_("{path} is a folder. Give the backup file inside it."), path=str(path))
    if not path.is_file():
        raise UserError(N_("The file {path} does not exist."), path=str(path))
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise _not_ours(path)
    except OSError as exc:
        raise UserError(
            N_("The file {path} cannot be read ({reason}). Check its permissions."),
            path=str(path),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    try:
        connection = _read_only(path)
        try:
            info = _read_info(connection, path)
            if info.revision not in migrate.REVISIONS:
                raise UserError(
                    N_(
                        "The backup {path} was made by a newer version of SocioLab Desk (schema "
                        "{revision}). Install that version first, then restore it."
                    ),
                    path=str(path),
                    revision=info.revision,
                )
            if check_integrity and connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _damaged(path)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise (_damaged(path) if check_integrity else _not_ours(path)) from exc
    return info


def _read_info(connection: sqlite3.Connection, path: Path) -> BackupInfo:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not _REQUIRED_TABLES <= tables:
        raise _not_ours(path)
    person_columns = {row[1] for row in connection.execute("PRAGMA table_info(person)")}
    if not {"id", "updated_at", "deleted_at"} <= person_columns:
        raise _not_ours(path)
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None or not row[0]:
        raise _not_ours(path)
    newest, records = None, 0
    for table in sorted(tables):
        columns = {column[1] for column in connection.execute(f'PRAGMA table_info("{table}")')}
        if "updated_at" not in columns:
            continue
        value, count = connection.execute(f'SELECT max(updated_at), count(*) FROM "{table}"').fetchone()
        records += count
        changed = _parse_time(value)
        if changed is not None and (newest is None or changed > newest):
            newest = changed
    site_ids = frozenset(site_id for (site_id,) in connection.execute("SELECT id FROM site"))
    persons = connection.execute("SELECT count(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
    return BackupInfo(
        path=path, revision=row[0], newest_change=newest, site_ids=site_ids, persons=persons, records=records
    )


def _parse_time(value) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def describe_backup(path: Path) -> dt.datetime | None:
    """The newest change recorded in a SocioLab database (None if it has no records).

    Raises a UserError when the file is not a SocioLab Desk database at all.
    """
    return inspect_backup(path).newest_change


def current_database_info(database: Path) -> BackupInfo | None:
    """What the current database holds; None if it is missing, empty, damaged or too new to read."""
    if not database.exists() or database.stat().st_size == 0:
        return None
    try:
        return inspect_backup(database)
    except UserError:
        return None


@contextmanager
def _explained(path: Path, message: str) -> Iterator[None]:
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise UserError(message, path=str(path), reason=reason) from exc


def require_database(database: Path) -> None:
    if not database.is_file() or database.stat().st_size == 0:
        raise UserError(
            N_("There is no database in {path} yet, so there is nothing to back up."),
            path=str(database.parent),
        )


def make_manual_backup(
    database: Path, folder: Path, target: Path | None = None, now: dt.datetime | None = None
) -> Path:
    """`sociolab-desktop backup`: to `target`, or a dated file in the backups folder."""
    require_database(database)
    if target is not None:
        if target.is_dir():
            raise UserError(N_("{path} is a folder. Give the name of the backup file."), path=str(target))
        if not target.parent.is_dir():
            raise UserError(
                N_("The folder {path} does not exist. Create it first or choose another place."),
                path=str(target.parent),
            )
        if target.resolve() == database.resolve():
            raise UserError(N_("A backup cannot overwrite the database itself ({path})."), path=str(target))
    message = N_("The backup {path} could not be written ({reason}). Check free disk space and permissions.")
    with _explained(target or folder, message):
        if target is None:
            return make_named_backup(database, folder, MANUAL_LABEL, now)
        return backup_database(database, target)


def _keep_replaced(database: Path, folder: Path, now: dt.datetime | None) -> Path:
    """Back up the database about to be replaced; a damaged one is copied byte for byte instead."""
    try:
        return make_named_backup(database, folder, BEFORE_RESTORE_LABEL, now)
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise
        kept = _free_name(folder, BEFORE_RESTORE_LABEL, now or dt.datetime.now())
        for suffix in ("", *_COMPANION_SUFFIXES):
            companion = Path(f"{database}{suffix}")
            if companion.exists():
                shutil.copy2(companion, Path(f"{kept}{suffix}"))
        _fsync_file(kept)
        return kept


def restore_database(
    source: Path, database: Path, folder: Path, now: dt.datetime | None = None
) -> Path | None:
    """Replace the database with a backup; returns where the replaced database was kept (if any).

    The caller holds the data folder's instance lock, so no SocioLab Desk has the database open.
    An older backup is brought up to date by the migration at the next open.
    """
    inspect_backup(source, check_integrity=True)
    if database.exists() and source.resolve() == database.resolve():
        raise UserError(N_("{path} is the database itself, not a backup of it."), path=str(source))
    staged = database.with_name(f".{database.name}.restoring")
    with _explained(
        source, N_("Restoring {path} failed ({reason}). The current database was not changed.")
    ):
        backup_database(source, staged)
    kept = None
    try:
        if database.exists() and database.stat().st_size > 0:
            with _explained(
                database,
                N_(
                    "The current database {path} could not be backed up before restoring ({reason}). "
                    "Nothing was changed; check free disk space."
                ),
            ):
                kept = _keep_replaced(database, folder, now)
        with _explained(
            database,
            N_(
                "The database {path} could not be replaced ({reason}); another program may have it "
                "open. Close it and restore again."
            ),
        ):
            # Only now that the old database is safe: its -wal must not be replayed into the new one.
            for suffix in _COMPANION_SUFFIXES:
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            os.replace(staged, database)
            _fsync_folder(database.parent)
    finally:
        staged.unlink(missing_ok=True)
    log.info("Restored the database from a backup; replaced one kept: %s", kept.name if kept else "none")
    return kept
