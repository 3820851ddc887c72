"""`sociolab-desktop import`: a CSV or XLSX list of persons, organisations or registrations in, all or nothing.

(The module is called import_ because `import` is a Python keyword; the command is `import`.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator

EXIT_OK, EXIT_NOTHING_IMPORTED = 0, 2
# A list of 10 000 bad rows should not scroll for minutes: the first ones show what is wrong.
MAX_LISTED_ROWS = 200
_ENCODINGS = {"utf-8": "UTF-8", "cp1250": "Windows-1250"}
_SEPARATOR_TAB = N_("tab")


def _fields_epilog(tr: Translator) -> str:
    from sociolab_desktop.core.services.importing.fields import KINDS, import_fields

    lines = []
    for kind in KINDS:
        names = ", ".join(field.name for field in import_fields(kind))
        lines.append(tr.gettext("Fields for {kind}: {fields}.").format(kind=kind, fields=names))
    return "\n".join(lines)


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help=_("import persons, organisations or an event's registrations from a CSV or XLSX list"),
        description=_(
            "Reads a CSV file (UTF-8 or Windows-1250, separated by ; , or tab) or an XLSX workbook whose "
            "first row names the columns in Slovenian or English (Ime, Priimek, E-pošta, Datum rojstva, "
            "EMŠO … / First name, Last name, E-mail, Date of birth …). Every row is checked like the form "
            "checks it. If any row has errors, nothing is imported unless --only-valid is given. Rows "
            "that may repeat a recorded person or organisation, or an earlier row, are reported and not "
            "imported unless --allow-duplicates is given. "
            "Registrations (e.g. an online form's export, --event ID): each row is a person; a row that is "
            "a recorded person (same EMŠO, e-mail, or name and date of birth) registers them, any other "
            "row records a new person (flagged incomplete for ESF when ESF data is missing) and registers "
            "them; nobody is registered twice, and beyond the event's places persons go on the waiting "
            "list in the order of the file."
        ),
        epilog=_fields_epilog(tr),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # The sub-command's name is not a module name ("import" is a keyword): main() finds this
    # module through the `command` default, which a sub-parser's defaults override.
    parser.set_defaults(command="import_")
    parser.add_argument("kind", metavar="people|organisations|registrations", help=_("what the list holds"))
    parser.add_argument("file", metavar="FILE", help=_("the CSV or XLSX file to import"))
    parser.add_argument("--dry-run", action="store_true",
                        help=_("check the list and report what would happen, without writing anything"))
    parser.add_argument("--only-valid", action="store_true",
                        help=_("import the valid rows even if other rows have errors"))
    parser.add_argument("--allow-duplicates", action="store_true",
                        help=_("also import rows that may repeat a recorded person or organisation"))
    parser.add_argument("--event", metavar="ID",
                        help=_("the event to register the list's persons for (registrations only)"))
    parser.add_argument("--sheet", metavar="NAME", help=_("the sheet of an XLSX workbook (default: the first)"))
    parser.add_argument(
        "--map", action="append", default=[], metavar="COLUMN=FIELD,…",
        help=_("assign columns to fields by hand, e.g. --map \"Ime udeleženca=first_name,Opomba=-\" "
               "(COLUMN as in the header row or a column letter; FIELD from the list below, - to leave the "
               "column out); may be given several times"),
    )


def _how_read(table, tr: Translator) -> str:
    if table.file_format == "xlsx":
        return tr.gettext("XLSX, sheet “{sheet}”").format(sheet=table.sheet)
    separator = tr.gettext(_SEPARATOR_TAB) if table.delimiter == "\t" else table.delimiter
    return tr.gettext("CSV, {encoding}, separator “{separator}”").format(
        encoding=_ENCODINGS.get(table.encoding, table.encoding), separator=separator)


def _mapping_line(plan, tr: Translator) -> str:
    from sociolab_desktop.core.services.importing.fields import field_by_name

    pairs = [f"“{plan.table.headers[index]}” → {tr.gettext(field_by_name(plan.kind, name).label)}"
             for index, name in enumerate(plan.mapping.fields) if name]
    return tr.gettext("Columns: {pairs}.").format(pairs="; ".join(pairs))


def _reasons(plan, match, tr: Translator) -> str:
    from sociolab_desktop.core.services.importing import reason_label

    return ", ".join(tr.gettext(reason_label(plan.kind, reason)) for reason in match.reasons)


def _row_lines(plan, row, tr: Translator, allow_duplicates: bool) -> list[str]:
    from sociolab_desktop.core.services.importing import RowStatus

    lines = []
    for issue in row.issues:
        if issue.column:
            lines.append(tr.gettext("Row {row}, column “{column}”: {reason}").format(
                row=row.number, column=issue.column, reason=issue.render(tr)))
        else:
            lines.append(tr.gettext("Row {row}: {reason}").format(row=row.number, reason=issue.render(tr)))
    if row.status == RowStatus.DUPLICATE:
        imported = allow_duplicates and row.importable_anyway
        outcome = tr.gettext("imported anyway") if imported else tr.gettext("not imported")
        for match in row.duplicates:
            if match.earlier_row is not None:
                text = tr.gettext("Row {row}: repeats row {earlier}, {name} ({reasons}); {outcome}.")
            else:
                text = tr.gettext("Row {row}: may already be recorded as {name} ({reasons}); {outcome}.")
            lines.append(text.format(row=row.number, earlier=match.earlier_row, name=match.name,
                                     reasons=_reasons(plan, match, tr), outcome=outcome))
    for note in row.notes:
        lines.append(tr.gettext("Row {row}: {reason}").format(row=row.number, reason=note.render(tr)))
    return lines


def _report(plan, tr: Translator, allow_duplicates: bool) -> None:
    rows = [row for row in plan.rows if row.issues or row.duplicates or row.notes]
    for row in rows[:MAX_LISTED_ROWS]:
        for line in _row_lines(plan, row, tr, allow_duplicates):
            print(line)
    if len(rows) > MAX_LISTED_ROWS:
        more = len(rows) - MAX_LISTED_ROWS
        print(tr.ngettext("… and {count} more row with remarks.", "… and {count} more rows with remarks.",
                          more).format(count=tr.format_number(more)))


def _summary(plan, tr: Translator, imported: int, dry_run: bool, allow_duplicates: bool) -> list[str]:
    from sociolab_desktop.core.services.importing import PEOPLE, RowStatus

    # Literal ngettext calls, so that extraction finds each message with its plural.
    def number(count: int) -> dict:
        return {"count": tr.format_number(count)}

    duplicates = plan.with_status(RowStatus.DUPLICATE)
    anyway = sum(row.importable_anyway for row in duplicates) if allow_duplicates else 0
    skipped_duplicates = len(duplicates) - anyway
    if dry_run and plan.kind == PEOPLE:
        lines = [tr.ngettext("Dry run, nothing was written: {count} person would be imported.",
                             "Dry run, nothing was written: {count} persons would be imported.", imported)]
    elif dry_run:
        lines = [tr.ngettext("Dry run, nothing was written: {count} organisation would be imported.",
                             "Dry run, nothing was written: {count} organisations would be imported.", imported)]
    elif plan.kind == PEOPLE:
        lines = [tr.ngettext("Imported {count} person.", "Imported {count} persons.", imported)]
    else:
        lines = [tr.ngettext("Imported {count} organisation.", "Imported {count} organisations.", imported)]
    lines = [lines[0].format(**number(imported))]
    if skipped_duplicates:
        lines.append(tr.ngettext("{count} row not imported as a possible duplicate.",
                                 "{count} rows not imported as possible duplicates.",
                                 skipped_duplicates).format(**number(skipped_duplicates)))
    if anyway:
        lines.append(tr.ngettext("{count} possible duplicate imported anyway.",
                                 "{count} possible duplicates imported anyway.", anyway).format(**number(anyway)))
    invalid = plan.count(RowStatus.INVALID)
    if invalid:
        lines.append(tr.ngettext("{count} row has errors and was not imported.",
                                 "{count} rows have errors and were not imported.", invalid).format(**number(invalid)))
    skipped = plan.count(RowStatus.SKIPPED)
    if skipped:
        lines.append(tr.ngettext("{count} deleted, merged or erased record skipped.",
                                 "{count} deleted, merged or erased records skipped.", skipped).format(**number(skipped)))
    return lines


def _would_import(plan, allow_duplicates: bool) -> int:
    from sociolab_desktop.core.services.importing import RowStatus

    return sum(row.status == RowStatus.READY or (allow_duplicates and row.importable_anyway) for row in plan.rows)


def _refused(tr: Translator, invalid: int, dry_run: bool) -> None:
    if dry_run:
        line = tr.ngettext("Dry run: the import would write nothing, because {count} row has errors. Correct it, "
                           "or add --only-valid to import only the valid rows.",
                           "Dry run: the import would write nothing, because {count} rows have errors. Correct "
                           "them, or add --only-valid to import only the valid rows.", invalid)
    else:
        line = tr.ngettext("Nothing was imported because {count} row has errors. Correct it and import the file "
                           "again, or add --only-valid to import only the valid rows.",
                           "Nothing was imported because {count} rows have errors. Correct them and import the "
                           "file again, or add --only-valid to import only the valid rows.", invalid)
    print(line.format(count=tr.format_number(invalid)), file=sys.stderr)


def _checked_rows(args: argparse.Namespace, kind: str, tr: Translator):
    """The file read, mapped and its rows checked (no database needed), or None when required
    columns are missing (said on stderr)."""
    from sociolab_desktop.core.services import importing

    path = Path(args.file).expanduser()
    # The file is read before the data folder is opened: a wrong file needs no database.
    table = importing.read_table(path, sheet=args.sheet)
    mapping = importing.apply_map_option(kind, table.headers, importing.propose_mapping(kind, table.headers), args.map)
    try:
        plan = importing.validate_rows(kind, table, mapping, today=dt.date.today())
    except importing.MissingColumns as missing:
        print(missing.render(tr), file=sys.stderr)
        print(tr.gettext("Or name them on the command line, e.g. --map \"{example}\".").format(
            example=",".join(f"COLUMN={name}" for name in missing.missing)), file=sys.stderr)
        return None
    print(tr.ngettext("Read {count} row from {path} ({how}).", "Read {count} rows from {path} ({how}).",
                      len(plan.rows)).format(count=tr.format_number(len(plan.rows)), path=path,
                                             how=_how_read(table, tr)))
    print(_mapping_line(plan, tr))
    for notice in plan.notices:
        print(notice.render(tr))
    return plan


def run(args: argparse.Namespace, tr: Translator) -> int:
    from sociolab_desktop.core.services import importing
    from sociolab_desktop.logs import setup_logging
    from sociolab_desktop.workspace import open_workspace, require_initialised

    if (args.kind or "").strip().lower() == importing.REGISTRATIONS:
        return _run_registrations(args, tr)
    kind = importing.check_kind(args.kind)
    if args.event:
        raise UserError(N_("--event is for importing registrations: sociolab-desktop import registrations FILE "
                           "--event ID."))
    plan = _checked_rows(args, kind, tr)
    if plan is None:
        return EXIT_NOTHING_IMPORTED
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        require_initialised(workspace)
        if args.dry_run:
            plan = importing.check_database(workspace.store, plan)
            imported = _would_import(plan, args.allow_duplicates)
        else:
            result = importing.commit_import(workspace.store, workspace.actor, plan, only_valid=args.only_valid,
                                             allow_duplicates=args.allow_duplicates)
            plan, imported = result.plan, result.imported
    invalid = plan.count(importing.RowStatus.INVALID)
    _report(plan, tr, args.allow_duplicates)
    if invalid and not args.only_valid:
        _refused(tr, invalid, args.dry_run)
        return EXIT_NOTHING_IMPORTED
    for line in _summary(plan, tr, imported, args.dry_run, args.allow_duplicates):
        print(line)
    return EXIT_NOTHING_IMPORTED if invalid and not imported else EXIT_OK


def _run_registrations(args: argparse.Namespace, tr: Translator) -> int:
    """`import registrations FILE --event ID`: the rules are in core/services/importing/registrations.py."""
    from sociolab_desktop.core.services import importing
    from sociolab_desktop.core.services.events.events import get_event
    from sociolab_desktop.core.services.importing import registration_text
    from sociolab_desktop.logs import setup_logging
    from sociolab_desktop.workspace import open_workspace, require_initialised

    if not args.event:
        raise UserError(N_("Name the event to register the persons for: --event ID (the keys are in the first "
                           "column of “sociolab-desktop export events”)."))
    plan = _checked_rows(args, importing.PEOPLE, tr)
    if plan is None:
        return EXIT_NOTHING_IMPORTED
    result = None
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        require_initialised(workspace)
        event = get_event(workspace.store, args.event.strip())
        if event is None:
            raise UserError(N_("No event has the key “{key}”. The keys are in the first column of "
                               "“sociolab-desktop export events”."), key=args.event)
        plan = importing.check_registrations(workspace.store, event.id, plan)
        if not args.dry_run:
            result = importing.commit_registrations(workspace.store, workspace.actor, plan,
                                                    only_valid=args.only_valid, allow_duplicates=args.allow_duplicates)
            plan = result.plan
    invalid = plan.count(importing.RowStatus.INVALID)
    _report(plan, tr, args.allow_duplicates)
    if invalid and not args.only_valid:
        _refused(tr, invalid, args.dry_run)
        return EXIT_NOTHING_IMPORTED
    if result is None:
        print(tr.gettext("Dry run, nothing was written."))
        lines = registration_text.preview_lines(plan, tr, allow_duplicates=args.allow_duplicates)
    else:
        lines = registration_text.summary_lines(result, tr, allow_duplicates=args.allow_duplicates)
    for line in lines:
        print(line)
    tally = importing.registration_tally(plan, allow_duplicates=args.allow_duplicates)
    imported = result.imported if result else tally.registered + tally.waiting
    return EXIT_NOTHING_IMPORTED if invalid and not imported else EXIT_OK
