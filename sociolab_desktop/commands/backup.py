"""`sociolab-desktop backup`: copy the database to a backup file while nobody writes to it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sociolab_desktop.core.store import backup
from sociolab_desktop.core.store.engine import check_data_folder
from sociolab_desktop.core.store.instance_lock import InstanceLock
from sociolab_desktop.i18n import Translator
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.paths import DataPaths, resolve_data_paths


@contextmanager
def locked_data_folder(paths: DataPaths) -> Iterator[None]:
    """The data folder's instance lock without opening the database (restore must work on a
    damaged one); a running window on the same folder makes this fail with its clear message."""
    check_data_folder(paths.root)
    with InstanceLock(paths.lock_file):
        setup_logging(paths.log_file)
        yield


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "backup", parents=[common], help=_("copy the database to a backup file")
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("backup file to write (default: a dated file in the data folder's “backups” folder)"),
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    paths = resolve_data_paths(args.data_dir)
    target = Path(args.output).expanduser().absolute() if args.output else None
    # Checked before locking, so a mistyped --data-dir does not leave an empty folder behind.
    backup.require_database(paths.database)
    with locked_data_folder(paths):
        made = backup.make_manual_backup(paths.database, paths.backups, target)
    print(tr.gettext("Backup written to {path}.").format(path=made))
    return 0
