"""The `sociolab-desktop` command: no sub-command starts the window; sub-commands serve IT staff
and scheduled tasks. Errors go to stderr in the PC's language, with a non-zero exit code."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from sociolab_desktop.i18n import Translator

# Only what starting the window needs is imported at module level: the window must appear fast
# (benches/bench_startup.py), and the command path's imports (argparse, logging, the translator)
# are paid by the commands alone.

# Each module offers add_parser(subparsers, tr) and run(args, tr) -> int.
COMMAND_MODULES = ("init", "demo", "import_", "export", "print_", "report", "backup", "restore", "sync")

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_UNEXPECTED = 3

def _data_dir_argument(argv: Sequence[str]) -> str | None:
    data_dir = None
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            data_dir = argv[index + 1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
    return data_dir


def _cli_translator(argv: Sequence[str]) -> Translator:
    """The language of the data folder's settings if they can be read, else Slovenian."""
    from sociolab_desktop.errors import UserError
    from sociolab_desktop.i18n import DEFAULT_LANGUAGE, Translator
    from sociolab_desktop.paths import resolve_data_paths
    from sociolab_desktop.settings import load_settings

    try:
        return Translator(load_settings(resolve_data_paths(_data_dir_argument(argv)).settings).language)
    except (UserError, OSError):
        return Translator(DEFAULT_LANGUAGE)


def build_parser(tr: Translator) -> argparse.ArgumentParser:
    import argparse

    from sociolab_desktop import __version__
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
        return _start_gui(_data_dir_argument(argv))
    tr = _cli_translator(argv)
    args = build_parser(tr).parse_args(argv)
    # `--data-dir` may stand before the command too; the command's own option wins.
    args.data_dir = getattr(args, "data_dir", None) or args.global_data_dir
    if args.command is None:
        return _start_gui(args.data_dir)
    return _run_command(args, tr)


def _run_command(args: argparse.Namespace, tr: Translator) -> int:
    import logging

    from sociolab_desktop.errors import UserError

    module = importlib.import_module(f"sociolab_desktop.commands.{args.command}")
    try:
        return module.run(args, tr)
    except UserError as exc:
        print(exc.render(tr), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return EXIT_USER_ERROR
    except Exception:
        logging.getLogger(__name__).exception("Unexpected error in command %s", args.command)
        print(
            tr.gettext("Unexpected error; details are in the log file of the data folder."),
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED


def _start_gui(data_dir: str | None) -> int:
    # The window layer is loaded only here, so scripts never pay for Qt.
    app = importlib.import_module("sociolab_desktop.app")
    return app.run_gui(data_dir)
