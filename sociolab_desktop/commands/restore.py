"""`sociolab-desktop restore FILE`: replace the database with a backup, keeping the replaced one."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sociolab_desktop.commands.backup import locked_data_folder
from sociolab_desktop.core.store import backup, migrate
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.paths import DataPaths, resolve_data_paths
from sociolab_desktop.settings import load_settings

# English and Slovenian, whatever the language of the program: people answer in either.
YES_ANSWERS = frozenset({"y", "yes", "d", "da"})


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "restore",
        parents=[common],
        help=_("replace the database with a backup (the current database is kept as a backup)"),
    )
    parser.add_argument("file", metavar="FILE", help=_("the backup file to restore"))
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("restore without asking, even when the current data is newer than the backup"),
    )


def run(args: argparse.Namespace, tr: Translator) -> int:
    source = Path(args.file).expanduser().absolute()
    paths = resolve_data_paths(args.data_dir)
    # Refused before anything is locked or created: a missing file, not ours, from a newer version.
    info = backup.inspect_backup(source)
    with locked_data_folder(paths):
        warnings = _warnings(info, paths, tr)
        if warnings and not args.yes:
            _confirm(warnings, tr)
        kept = backup.restore_database(source, paths.database, paths.backups)
    _ = tr.gettext
    if kept is not None:
        print(
            _("Restored the backup {source}. The replaced database was kept as {kept}.").format(
                source=source, kept=kept
            )
        )
    else:
        print(_("Restored the backup {source} into {path}.").format(source=source, path=paths.database))
    if info.revision != migrate.HEAD_REVISION:
        print(_("The backup comes from an older version; it is brought up to date when SocioLab Desk next starts."))
    return 0


def _local(value: dt.datetime, tr: Translator) -> str:
    """Stored times are naive UTC; people read their own clock."""
    return tr.format_datetime(value.replace(tzinfo=dt.UTC).astimezone(), "medium")


def _warnings(info: backup.BackupInfo, paths: DataPaths, tr: Translator) -> list[str]:
    """Reasons to ask before restoring: what the restore would throw away or mix up."""
    _ = tr.gettext
    warnings = []
    current = backup.current_database_info(paths.database)
    newest = current.newest_change if current is not None else None
    if newest is not None and (info.newest_change is None or newest > info.newest_change):
        warnings.append(
            _(
                "The current database has changes up to {current}, newer than the backup "
                "({backup}). Restoring replaces them (the current database is kept in the "
                "“backups” folder)."
            ).format(
                current=_local(newest, tr),
                backup=_local(info.newest_change, tr) if info.newest_change else _("no records"),
            )
        )
    # Changed times can mislead (imported or synced records keep their own); a count does not.
    if current is not None and current.records > info.records:
        missing = current.records - info.records
        warnings.append(
            tr.ngettext(
                "The current database holds {count} record more than the backup; restoring "
                "removes it.",
                "The current database holds {count} records more than the backup; restoring "
                "removes them.",
                missing,
            ).format(count=tr.format_number(missing))
        )
    try:
        settings = load_settings(paths.settings)
    except UserError:
        settings = None
    if settings is not None and settings.is_initialised and settings.site_id not in info.site_ids:
        warnings.append(
            _(
                "The backup belongs to another info point: this PC's info point “{name}” is not in "
                "it. Synchronisation would mix the two."
            ).format(name=settings.site_name)
        )
    return warnings


def _read_answer() -> str | None:
    """A line from stdin, or None without one (no terminal, closed input, end of file)."""
    stream = sys.stdin
    if stream is None or stream.closed:
        return None
    try:
        line = stream.readline()
    except (OSError, ValueError):
        return None
    return line or None


def _confirm(warnings: list[str], tr: Translator) -> None:
    for warning in warnings:
        print(warning)
    print(tr.gettext("Restore anyway? [y/N] "), end="", flush=True)
    answer = _read_answer()
    if answer is None:
        print()
        raise UserError(
            N_(
                "Nothing was restored: there was no answer. Run the command in a terminal and "
                "answer, or add --yes to restore anyway."
            )
        )
    if answer.strip().casefold() not in YES_ANSWERS:
        raise UserError(N_("Nothing was restored; the current database is unchanged."))
