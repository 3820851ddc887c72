"""`sociolab-desktop report indicators|esf`: the project's results for a period, as text, JSON,
XLSX or a PDF report (for the lead partner's scripts; staff use the Reports area)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sociolab_desktop.core.services.results import esf as esf_service
from sociolab_desktop.core.services.results import exports, text_report
from sociolab_desktop.core.services.results import indicators as indicator_service
from sociolab_desktop.core.services.results.definitions import TRAINING_RULES
from sociolab_desktop.core.services.results.esf_sets import DEFAULT_ESF_SET, ESF_SETS
from sociolab_desktop.core.services.results.periods import make_period, parse_date
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES, Translator, check_language
from sociolab_desktop.logs import setup_logging
from sociolab_desktop.workspace import open_workspace, require_initialised

# The PDF report always opens with the indicators: ESF tables go into it with `indicators --with-esf`.
FORMATS = {"indicators": ("text", "json", "xlsx", "pdf"), "esf": ("text", "json", "xlsx")}
_EXTENSIONS = {".txt": "text", ".json": "json", ".xlsx": "xlsx", ".pdf": "pdf"}


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "report", help=_("the project's indicators and ESF participant data"),
        description=_("Counts the project's results for a period, in total and per info point, as the Reports "
                      "area shows them, and writes them as text, JSON, an XLSX workbook or a PDF report."))
    reports = parser.add_subparsers(dest="report", metavar="indicators|esf", required=True)
    shared = argparse.ArgumentParser(add_help=False, parents=[common])
    shared.add_argument("--format", metavar="text|json|xlsx|pdf",
                        help=_("output format (default: from the file name's ending, else text)"))
    shared.add_argument("-o", "--output", metavar="FILE",
                        help=_("the file to write (default for text and JSON: the screen)"))
    shared.add_argument("--from", dest="first", metavar="DATE", help=_("first day of the period (2021-01-31)"))
    shared.add_argument("--to", dest="last", metavar="DATE", help=_("last day of the period, included"))
    shared.add_argument("--site", metavar="ID", help=_("only this info point (its key, code or name)"))
    shared.add_argument("--lang", metavar="|".join(SUPPORTED_LANGUAGES),
                        help=_("language of the report (default: the program's)"))
    shared.add_argument("--rule", metavar="|".join(TRAINING_RULES),
                        help=_("who counts as a person in a training programme (default: attended)"))
    shared.add_argument("--programme-period", metavar="|".join(ESF_SETS),
                        help=_("the ESF indicator set (default: {default})").format(default=DEFAULT_ESF_SET))
    indicators = reports.add_parser("indicators", parents=[shared], help=_("indicators against their targets"))
    indicators.add_argument("--with-esf", action="store_true",
                            help=_("add the ESF tables to an XLSX workbook or PDF report"))
    reports.add_parser("esf", parents=[shared], help=_("ESF participants, summary and missing data"))


def _format(args: argparse.Namespace, target: Path | None) -> str:
    chosen = (args.format or "").strip().lower() or (_EXTENSIONS.get(target.suffix.lower()) if target else None)
    chosen = chosen or "text"
    if chosen not in FORMATS[args.report]:
        raise UserError(N_("Unknown report format “{format}”. Choose one of: {choices}."), format=args.format,
                        choices=", ".join(FORMATS[args.report]))
    if chosen in ("xlsx", "pdf") and target is None:
        raise UserError(N_("An {format} report needs a file: give -o FILE."), format=chosen.upper())
    return chosen


def run(args: argparse.Namespace, tr: Translator) -> int:
    target = Path(args.output).expanduser().absolute() if args.output else None
    file_format = _format(args, target)
    period = make_period(parse_date(args.first, "--from"), parse_date(args.last, "--to"))
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        require_initialised(workspace)
        out = Translator(check_language(args.lang)) if args.lang else workspace.translator()
        store = workspace.store
        site_id = indicator_service.resolve_site(store, args.site) if args.site else None
        options = {"site_id": site_id, "training_rule": args.rule}
        indicators = None
        if args.report == "indicators":
            indicators = indicator_service.compute_indicators(store, period, **options)
        esf = None
        if args.report == "esf" or getattr(args, "with_esf", False):
            esf = esf_service.esf_report(store, period, programme_period=args.programme_period, **options)
        if file_format == "pdf":
            from sociolab_desktop.branding_settings import branding_from_settings

            result = exports.export_results_pdf(target, out, indicators, esf=esf,
                                                issuer=workspace.settings.site_name or "",
                                                branding=branding_from_settings(workspace.paths, workspace.settings))
            for warning in result.warnings:
                print(warning.render(tr), file=sys.stderr)
        elif file_format == "xlsx":
            from sociolab_desktop.core.services import sites

            names = {site.id: site.name for site in sites.list_sites(store)}
            exports.export_results_xlsx(target, out, indicators=indicators, esf=esf, site_names=names)
        else:
            content = _json(out, indicators, esf) if file_format == "json" else _text(out, indicators, esf)
            if target is None:
                sys.stdout.write(content)
                return 0
            exports.write_file(target, content.encode("utf-8"))
    print(tr.gettext("Report written to {path}.").format(path=target))
    return 0


def _json(tr: Translator, indicators, esf) -> str:
    payload = {}
    if indicators is not None:
        payload["indicators"] = exports.indicators_as_json(indicators, tr)
    if esf is not None:
        payload["esf"] = exports.esf_as_json(esf, tr)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _text(tr: Translator, indicators, esf) -> str:
    parts = [text_report.indicators_text(indicators, tr)] if indicators is not None else []
    if esf is not None:
        parts.append(text_report.esf_text(esf, tr))
    return "\n".join(parts)
