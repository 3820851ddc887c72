"""Open the data folder's database safely: check, back up, migrate, then hand out a Store."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from sociolab_desktop.core.store import backup, migrate
from sociolab_desktop.core.store.engine import (
    check_data_folder,
    check_database_file,
    create_sqlite_engine,
    database_locked,
)
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)


def open_store(
    database: Path,
    backups_folder: Path,
    backups_kept: int,
    prepare_engine: Callable[[Engine], None] | None = None,
) -> Store:
    """Refuses (UserError) rather than changes a database it does not understand.

    `prepare_engine` runs before the first connection (and so before migrations): sync uses it
    to register the SQL functions its capture triggers call.
    """
    check_data_folder(database.parent)
    check_database_file(database)
    upgrade_needed = migrate.needs_upgrade(database)
    try:
        if database.exists() and database.stat().st_size > 0:
            if upgrade_needed:
                made = backup.make_named_backup(database, backups_folder, "before-upgrade")
                log.info("Backed up the database before upgrading its schema: %s", made.name)
            elif backup.daily_backup(database, backups_folder, backups_kept):
                log.info("Made the daily backup")
        engine = create_sqlite_engine(database)
        if prepare_engine is not None:
            prepare_engine(engine)
        if upgrade_needed:
            migrate.upgrade_to_head(engine)
            log.info("Database schema upgraded to %s", migrate.HEAD_REVISION)
    except (sqlite3.OperationalError, sa_exc.OperationalError) as exc:
        if "locked" in str(exc):
            raise database_locked(database) from exc
        raise
    except OSError as exc:
        raise UserError(
            N_("Cannot write the backup of {path} ({reason}). Check free disk space and permissions."),
            path=str(database),
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    return Store(engine)
