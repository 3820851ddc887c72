"""`sociolab-desktop init`: set up a PC's data folder without a window (for IT staff)."""

from __future__ import annotations

import argparse

from sociolab_desktop.core.services import sites
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator, check_language
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.workspace import open_workspace


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "init", parents=[common], help=_("set up this PC's info point without a window")
    )
    parser.add_argument("--site-name", required=True, metavar="NAME", help=_("name of the info point"))
    parser.add_argument("--language", default="sl", metavar="sl|en", help=_("language of the program"))
    parser.add_argument("--share", metavar="PATH", help=_("the lead partner's shared folder for sync"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    language = check_language(args.language)
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        if workspace.settings.is_initialised:
            raise UserError(
                N_(
                    "The data folder {path} is already set up for the info point “{name}”. "
                    "Nothing was changed."
                ),
                path=str(workspace.paths.root),
                name=workspace.settings.site_name,
            )
        site = sites.create_site(workspace.store, workspace.settings.site_id, args.site_name, language)
        workspace.settings.site_id = site.id
        workspace.settings.site_name = site.name
        workspace.settings.language = language
        workspace.settings.share_path = args.share or None
        workspace.save_settings()
        tr = Translator(language)
        print(
            tr.gettext("Info point “{name}” is set up in {path}.").format(
                name=site.name, path=workspace.paths.root
            )
        )
    return 0
