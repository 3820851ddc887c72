"""`sociolab-desktop demo`: fill a data folder with invented clients, events and mentoring."""

from __future__ import annotations

import argparse

from sociolab_desktop.core.services import demo, sites
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.workspace import open_workspace

DEFAULT_PEOPLE = 1000
DEFAULT_SEED = 1
DEMO_SITE_NAME = "Maribor (demo)"
DEMO_LANGUAGE = "sl"


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help=_("fill an empty data folder with invented demo data"),
        description=_(
            "Adds invented clients, organisations, events, mentoring and results of the project "
            "period, the same every time for the same seed. A data folder that is not set up "
            "yet becomes a demo info point. Refuses a database that already holds clients."
        ),
    )
    # Numbers are checked in run(), so that a wrong value gets our translated message.
    parser.add_argument("--people", default=str(DEFAULT_PEOPLE), metavar="N",
                        help=_("how many clients to invent (default: {count})").format(
                            count=DEFAULT_PEOPLE))
    parser.add_argument("--seed", default=str(DEFAULT_SEED), metavar="S",
                        help=_("a whole number; the same seed gives the same data"))
    parser.add_argument("--if-empty", action="store_true",
                        help=_("do nothing (and succeed) if the database already holds clients"))


def run(args: argparse.Namespace, tr: Translator) -> int:
    people = _people(args.people, tr)
    seed = _seed(args.seed)
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        if demo.database_holds_people(workspace.store):
            if args.if_empty:
                print(tr.gettext("The database in {path} already holds data; no demo data was added.")
                      .format(path=workspace.paths.root))
                return 0
            raise UserError(
                N_(
                    "The database in {path} already holds clients. Demo data would mix with real "
                    "records, so nothing was changed. Use an empty data folder for the demo, "
                    "for example “--data-dir demo-data”."
                ),
                path=str(workspace.paths.root),
            )
        settings = workspace.settings
        if not settings.is_initialised:
            # Set up the way `init` does, as an info point whose name says it is a demo.
            site = sites.create_site(workspace.store, settings.site_id, DEMO_SITE_NAME, DEMO_LANGUAGE)
            settings.site_id, settings.site_name, settings.language = site.id, site.name, site.language
            workspace.save_settings()
            tr = Translator(site.language)
            print(tr.gettext("Info point “{name}” is set up in {path}.").format(
                name=site.name, path=workspace.paths.root))
        summary = demo.generate_demo_data(workspace.store, workspace.actor, people=people, seed=seed,
                                          attachments_dir=workspace.paths.attachments)
        if settings.current_staff_id is None and summary.admin_id:
            # The program opens signed in as the demo's administrator of this info point.
            settings.current_staff_id = summary.admin_id
            workspace.save_settings()
        _print_summary(tr, summary, str(workspace.paths.root))
    return 0


def _people(value: str, tr: Translator) -> int:
    number = _whole_number(value)
    if number is None or not 1 <= number <= demo.MAX_PEOPLE:
        raise UserError(
            N_("--people must be a whole number from 1 to {limit}, not “{value}”."),
            limit=tr.format_number(demo.MAX_PEOPLE),
            value=value,
        )
    return number


def _seed(value: str) -> int:
    number = _whole_number(value)
    if number is None:
        raise UserError(N_("--seed must be a whole number, not “{value}”."), value=value)
    return number


def _whole_number(value: str) -> int | None:
    text = (value or "").strip().replace("_", "")
    if not text.lstrip("+-").isdigit():
        return None
    return int(text)


def _print_summary(tr: Translator, summary: demo.DemoSummary, path: str) -> None:
    # tr.ngettext is called with literal pairs, so that message extraction finds every plural.
    lines = (
        (tr.ngettext("{count} client", "{count} clients", summary.persons), summary.persons),
        (tr.ngettext("{count} organisation", "{count} organisations", summary.organisations),
         summary.organisations),
        (tr.ngettext("{count} staff member", "{count} staff members", summary.staff_users),
         summary.staff_users),
        (tr.ngettext("{count} contact", "{count} contacts", summary.contacts), summary.contacts),
        (tr.ngettext("{count} event", "{count} events", summary.events), summary.events),
        (tr.ngettext("{count} event session", "{count} event sessions", summary.event_sessions),
         summary.event_sessions),
        (tr.ngettext("{count} registration", "{count} registrations", summary.registrations),
         summary.registrations),
        (tr.ngettext("{count} check-in", "{count} check-ins", summary.attendances),
         summary.attendances),
        (tr.ngettext("{count} certificate", "{count} certificates", summary.certificates),
         summary.certificates),
        (tr.ngettext("{count} mentoring session", "{count} mentoring sessions",
                     summary.mentoring_sessions), summary.mentoring_sessions),
        (tr.ngettext("{count} diagnostic", "{count} diagnostics", summary.diagnostics),
         summary.diagnostics),
        (tr.ngettext("{count} job created or retained", "{count} jobs created or retained",
                     summary.jobs), summary.jobs),
        (tr.ngettext("{count} socially innovative product", "{count} socially innovative products",
                     summary.products), summary.products),
        (tr.ngettext("{count} award competition", "{count} award competitions",
                     summary.competitions), summary.competitions),
    )
    print(tr.gettext("Demo data added to {path}:").format(path=path))
    for line, count in lines:
        print("  " + line.format(count=tr.format_number(count)))
