"""`sociolab-desktop sync`: one round for a scheduled task, or `sync status`.

Exit code 0 when all is well, 1 when something needs a person's attention (share unreachable,
bundles held, conflicts to review, another PC using this site's identity), 2 on a usage error.
"""

from __future__ import annotations

import argparse

from sociolab_desktop.i18n import Translator
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.workspace import open_workspace, require_initialised, sync_round

EXIT_ATTENTION = 1


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "sync", parents=[common], help=_("exchange changes with the other info points through the shared folder")
    )
    parser.add_argument("action", nargs="?", choices=["status"], help=_("“status” only shows the state"))
    parser.add_argument("--share", metavar="PATH", help=_("shared folder to use this time (default: from the settings)"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    from sociolab_desktop.commands import sync_report

    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        require_initialised(workspace)
        if args.action == "status":
            from sociolab_desktop.core.sync.status import read_status

            status = read_status(workspace.store.engine, workspace.settings.site_id)
            print(sync_report.format_status(status, workspace.settings.share_path, tr))
            return EXIT_ATTENTION if (status.held or status.open_conflicts) else 0
        result = sync_round(workspace, args.share)
        print(sync_report.format_round(result, tr))
        return EXIT_ATTENTION if result.needs_attention else 0
