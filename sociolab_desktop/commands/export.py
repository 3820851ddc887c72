"""`sociolab-desktop export`: write one table to a CSV, XLSX or JSON file (for IT staff and scripts)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sociolab_desktop.core.services import export
from sociolab_desktop.core.services.tabular import FORMATS
from sociolab_desktop.i18n import Translator
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.workspace import open_workspace, require_initialised


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help=_("write a table to a CSV, XLSX or JSON file"),
        description=_(
            "Writes every record of a table, deleted ones included, ordered by key. CSV files are "
            "UTF-8 with a byte-order mark and use a comma as separator; in Excel with Slovenian "
            "settings open the XLSX file instead."
        ),
    )
    # Checked in run() rather than with choices=, so a wrong name gets our translated message.
    parser.add_argument("dataset", metavar="|".join(export.DATASETS), help=_("the table to export"))
    parser.add_argument(
        "--format",
        metavar="|".join(FORMATS),
        help=_("file format (default: from the ending of the file name)"),
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=_("the file to write"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    dataset = export.check_dataset(args.dataset)
    target = Path(args.output).expanduser().absolute()
    file_format = export.choose_format(args.format, target)
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        require_initialised(workspace)
        count = export.export_dataset(workspace.store, dataset, file_format, target)
    print(
        tr.ngettext(
            "Exported {count} record to {path}.", "Exported {count} records to {path}.", count
        ).format(count=tr.format_number(count), path=target)
    )
    return 0
