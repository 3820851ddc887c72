"""The `sociolab-desktop` command: no sub-command starts the window; sub-commands serve IT staff
and scheduled tasks. Errors go to stderr in the PC's language, with a non-zero exit code."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from sociolab_desktop import __version__
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import DEFAULT_LANGUAGE, Translator

# Each module offers add_parser(subparsers, tr) and run(args, tr) -> int.
COMMAND_MODULES = ("init", "demo", "import_", "export", "print_", "report", "backup", "restore", "sync")

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_UNEXPECTED = 3

log = logging.getLogger(__name__)


def _cli_translator(argv: Sequence[str]) -> Translator:
    """The language of the data folder's settings if they can be read, else Slovenian."""
    from sociolab_desktop.paths import resolve_data_paths
    from sociolab_desktop.settings import load_settings

    data_dir = None
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            data_dir = argv[index + 1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
    try:
        return Translator(load_settings(resolve_data_paths(data_dir).settings).language)
    except (UserError, OSError):
        return Translator(DEFAULT_LANGUAGE)


def build_parser(tr: Translator) -> argparse.ArgumentParser:
    from sociolab_desktop.commands.argparse_texts import use_translator

    use_translator(tr)
    _ = tr.gettext
    parser = argparse.ArgumentParser(
        prog="sociolab-desktop",
        description=_("SocioLab Desk: clients, mentoring, events and sync for the SocioLab info points."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("data folder to use (default: the user's data folder, or SOCIOLAB_DATA_DIR)"),
    )
    parser.add_argument("--data-dir", dest="global_data_dir", metavar="DIR", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"sociolab_desktop.commands.{name}")
        module.add_parser(subparsers, common, tr)
    return parser


def _only_data_dir(argv: Sequence[str]) -> bool:
    """True for `sociolab-desktop [--data-dir DIR]`: start the window without building the
    command-line parser (which would import every command and cost start-up time)."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head == "--data-dir" and rest:
            rest.pop(0)
        elif not head.startswith("--data-dir="):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _only_data_dir(argv):
        return _start_gui(argv)
    tr = _cli_translator(argv)
    args = build_parser(tr).parse_args(argv)
    # `--data-dir` may stand before the command too; the command's own option wins.
    args.data_dir = getattr(args, "data_dir", None) or args.global_data_dir
    if args.command is None:
        return _start_gui(argv)
    module = importlib.import_module(f"sociolab_desktop.commands.{args.command}")
    try:
        return module.run(args, tr)
    except UserError as exc:
        print(exc.render(tr), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_USER_ERROR
    except Exception:
        log.exception("Unexpected error in command %s", args.command)
        print(
            tr.gettext("Unexpected error; details are in the log file of the data folder."),
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


def _start_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="sociolab-desktop")
    parser.add_argument("--data-dir")
    args, _unknown = parser.parse_known_args(argv)
    # The window layer is loaded only here, so scripts never pay for Qt.
    app = importlib.import_module("sociolab_desktop.app")
    return app.run_gui(args.data_dir)
