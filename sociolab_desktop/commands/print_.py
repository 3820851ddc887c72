"""`sociolab-desktop print`: write a printable document as a PDF file (for IT staff and scripts):
attendance sheets, certificates, mentoring records, mentors' timesheets and consent forms.

(The module is called print_ to match import_; the command is `print`.) Every document is built
from the same services and document data as the windows use, with the logos chosen in the
settings, and written whole or not at all (a temporary file, then a rename).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from sociolab_desktop.errors import Percent, UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES, Translator, check_language

DEFAULT_BLANK_ROWS = 10  # room for walk-ins below the registered persons
EMPTY_SHEET_ROWS = 40  # an empty sheet (a fair): about two pages
MAX_BLANK_ROWS = 1000
CERTIFICATE_LANGUAGES = (*SUPPORTED_LANGUAGES, "both")
DOCUMENTS = ("attendance-sheet", "certificates", "mentoring-record", "timesheet", "consent-form")
NO_PERSON = N_("No person has the key “{key}”. The keys are in the first column of “sociolab-desktop export "
               "people”.")
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def add_parser(subparsers, common: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser = subparsers.add_parser(
        "print", help=_("write an attendance sheet, certificates, a mentoring record, a timesheet or a consent form "
                        "as a PDF file"),
        description=_("Writes one printable document as a PDF file, with the logos chosen in the settings. IDs are "
                      "the records' keys, as in the first column of “sociolab-desktop export”."))
    # main() finds this module through the `command` default (as for `import`).
    parser.set_defaults(command="print_")
    documents = parser.add_subparsers(dest="document", metavar="|".join(DOCUMENTS), required=True)
    shared = argparse.ArgumentParser(add_help=False, parents=[common])
    shared.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help=_("the PDF file to write"))
    languages = "|".join(SUPPORTED_LANGUAGES)

    sheet = documents.add_parser("attendance-sheet", parents=[shared], help=_("the attendance list of a session"))
    sheet.add_argument("--event", required=True, metavar="ID", help=_("the event"))
    sheet.add_argument("--session", metavar="ID",
                       help=_("the session (default: today's, else the next one, else the last)"))
    sheet.add_argument("--lang", metavar=languages, help=_("language of the sheet (default: the program's)"))
    sheet.add_argument("--blank-rows", type=int, metavar="N",
                       help=_("numbered empty rows for walk-ins (default: {rows}; {empty} with --empty)").format(
                           rows=DEFAULT_BLANK_ROWS, empty=EMPTY_SHEET_ROWS))
    sheet.add_argument("--empty", action="store_true",
                       help=_("print only numbered empty rows, without the registered persons (e.g. for a fair)"))

    certificates = documents.add_parser("certificates", parents=[shared],
                                        help=_("certificates of an event, one page each"))
    certificates.add_argument("--event", required=True, metavar="ID", help=_("the event"))
    certificates.add_argument("--person", action="append", metavar="ID",
                              help=_("only this participant (may be given several times; default: everyone who "
                                     "meets the event's rule)"))
    certificates.add_argument("--lang", metavar="|".join(CERTIFICATE_LANGUAGES),
                              help=_("language of the certificates (default: each participant's preferred one)"))
    certificates.add_argument("--place", metavar="TEXT", help=_("place of issue (default: the place last used on this PC; none: only the date)"))
    certificates.add_argument("--signatory", default="", metavar="NAME", help=_("name of the person who signs"))
    certificates.add_argument("--signatory-role", default="", metavar="TEXT",
                              help=_("role of the person who signs, printed under the name"))

    record = documents.add_parser("mentoring-record", parents=[shared],
                                  help=_("the signed record of a mentoring session, or of an organisation's month"))
    which = record.add_mutually_exclusive_group(required=True)
    which.add_argument("--organisation", metavar="ID", help=_("the organisation (a monthly record)"))
    which.add_argument("--session", metavar="ID", help=_("the mentoring session (a record of one session)"))
    record.add_argument("--month", metavar="YYYY-MM",
                        help=_("the month of a monthly record (default: the last month with sessions)"))
    record.add_argument("--lang", metavar=languages, help=_("language of the record (default: the organisation's)"))

    timesheet = documents.add_parser("timesheet", parents=[shared], help=_("a mentor's monthly timesheet"))
    timesheet.add_argument("--mentor", required=True, metavar="ID", help=_("the mentor (a staff member's key)"))
    timesheet.add_argument("--month", required=True, metavar="YYYY-MM", help=_("the month"))
    timesheet.add_argument("--lang", metavar=languages, help=_("language of the timesheet (default: the program's)"))

    consent = documents.add_parser("consent-form", parents=[shared],
                                   help=_("the consent to processing of personal data, for a person to sign"))
    consent.add_argument("--person", required=True, metavar="ID", help=_("the person"))
    consent.add_argument("--lang", metavar=languages, help=_("language of the form (default: the person's)"))


def parse_month(value: str) -> dt.date:
    """The first day of a "YYYY-MM" month."""
    found = _MONTH.match(value or "")
    if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1:
        raise UserError(N_("“{value}” is not a month. Give the month as YYYY-MM, e.g. 2021-03."), value=value)
    return dt.date(int(found[1]), int(found[2]), 1)


def _language(value: str | None, default: str) -> str:
    return check_language(value) if value else default


def _target(output: str) -> Path:
    from sociolab_desktop.core.services.output_files import check_target

    target = Path(output).expanduser().absolute()
    if target.is_dir():  # the shared check's example names a spreadsheet
        raise UserError(N_("{path} is a folder. Give the name of the file to write, e.g. {example}."),
                        path=str(target), example=str(target / "document.pdf"))
    check_target(target)  # a folder, or a folder that does not exist: said before any work is done
    return target


def _write(workspace, target: Path, result, tr: Translator) -> None:
    """The PDF written whole or not at all; the logos that could not be printed go to stderr."""
    from sociolab_desktop.core.services.export import _refuse_database_files
    from sociolab_desktop.core.services.output_files import write_atomically

    _refuse_database_files(workspace.store, target)  # a slip of -o must not replace the database
    write_atomically(target, lambda stream: stream.write(result.pdf))
    for warning in result.warnings:
        print(warning.render(tr), file=sys.stderr)


# --- the documents: each returns the DocumentResult and a line saying what was printed -----------

def _missing(message: str, key: str) -> UserError:
    return UserError(message, key=key)


def _event(store, event_id: str):
    from sociolab_desktop.core.services.events.events import get_event

    event = get_event(store, event_id)
    if event is None:
        raise _missing(N_("No event has the key “{key}”. The keys are in the first column of “sociolab-desktop "
                          "export events”."), event_id)
    return event


def attendance_sheet(workspace, args, branding, tr: Translator):
    from sociolab_desktop.core.documents.attendance_sheet import build_attendance_sheet
    from sociolab_desktop.core.services import printing
    from sociolab_desktop.core.services.events.sheets import attendance_sheet_data

    blank_rows = args.blank_rows if args.blank_rows is not None else (
        EMPTY_SHEET_ROWS if args.empty else DEFAULT_BLANK_ROWS)
    if not 0 <= blank_rows <= MAX_BLANK_ROWS:
        raise UserError(N_("--blank-rows must be a number from 0 to {limit}; “{value}” is not."),
                        limit=MAX_BLANK_ROWS, value=blank_rows)
    if args.empty and not blank_rows:
        raise UserError(N_("An empty sheet needs rows to sign in: give --blank-rows a number above 0."))
    language = _language(args.lang, workspace.settings.language)
    event = _event(workspace.store, args.event)
    sheet = attendance_sheet_data(workspace.store, event.id, args.session, include_registered=not args.empty)
    data = printing.attendance_sheet_data(sheet, language, info_point=workspace.settings.site_name or "",
                                          blank_rows=blank_rows, printed_on=dt.date.today())
    persons = tr.ngettext("{count} registered person", "{count} registered persons", len(data.rows)).format(
        count=tr.format_number(len(data.rows)))
    rows = tr.ngettext("{count} empty row", "{count} empty rows", blank_rows).format(
        count=tr.format_number(blank_rows))
    summary = tr.gettext("Attendance sheet of “{title}”, {date}: {persons} and {rows}.").format(
        title=data.event_title, date=tr.format_date(data.session_date, "numeric"), persons=persons, rows=rows)
    return build_attendance_sheet(data, branding), summary


def certificates(workspace, args, branding, tr: Translator):
    from sociolab_desktop.core.documents.certificate import build_certificates
    from sociolab_desktop.core.services import printing
    from sociolab_desktop.core.services.events.certificates import certificate_eligibility, issue_certificates
    from sociolab_desktop.core.services.persons import get_person

    if args.lang and args.lang not in CERTIFICATE_LANGUAGES:
        raise UserError(N_("Unknown certificate language “{code}”. Use one of: {choices}."), code=args.lang,
                        choices=", ".join(CERTIFICATE_LANGUAGES))
    store = workspace.store
    event = _event(store, args.event)
    for person_id in args.person or ():
        if get_person(store, person_id) is None:
            raise _missing(NO_PERSON, person_id)
    issued = issue_certificates(store, workspace.actor, event.id, person_ids=args.person, language=args.lang)
    if not issued:
        rule = certificate_eligibility(store, event.id)
        raise UserError(N_("Nobody meets the certificate rule of “{title}” yet: a certificate needs {required} of "
                           "the programme's {total} hours ({percent})."), title=event.title_sl,
                        required=float(rule.required_hours), total=float(rule.total_hours),
                        percent=Percent(rule.min_percent / 100))
    info_point = workspace.settings.site_name or ""
    place = args.place if args.place is not None else workspace.settings.certificate_place
    items = [printing.certificate_data(item, info_point=info_point, place=place, signatory_name=args.signatory,
                                       signatory_role=args.signatory_role) for item in issued]
    summary = tr.ngettext("{count} certificate for “{title}”.", "{count} certificates for “{title}”.",
                          len(items)).format(count=tr.format_number(len(items)), title=event.title_sl)
    return build_certificates(items, branding), summary


def mentoring_record(workspace, args, branding, tr: Translator):
    from sociolab_desktop.core.documents.mentoring_record import build_monthly_record, build_session_record
    from sociolab_desktop.core.services.mentoring import record_builder
    from sociolab_desktop.core.services.mentoring.sessions import get_session
    from sociolab_desktop.core.services.organisations import get_organisation

    store = workspace.store
    if args.session:
        if args.month:
            raise UserError(N_("--month goes with --organisation: a session's record is of that session only."))
        if get_session(store, args.session) is None:
            raise _missing(N_("No mentoring session has the key “{key}”."), args.session)
        data = record_builder.session_record(store, args.session)
        out = Translator(_language(args.lang, data.language))
        summary = tr.gettext("Mentoring record of the session on {date}.").format(
            date=tr.format_date(data.session.session_date, "numeric"))
        return build_session_record(data, out, branding), summary
    organisation = get_organisation(store, args.organisation)
    if organisation is None:
        raise _missing(N_("No organisation has the key “{key}”. The keys are in the first column of "
                          "“sociolab-desktop export organisations”."), args.organisation)
    months = record_builder.record_months(store, organisation.id)
    if not months:
        raise UserError(N_("No mentoring sessions are recorded for “{name}”, so there is no record to print."),
                        name=organisation.name)
    month = parse_month(args.month) if args.month else months[-1]
    if month not in months:
        raise UserError(N_("“{name}” had no mentoring sessions in {month}. Months with sessions: {months}."),
                        name=organisation.name, month=tr.format_month(month),
                        months=", ".join(f"{day:%Y-%m}" for day in months[-12:]))
    data = record_builder.monthly_record(store, organisation.id, month)
    out = Translator(_language(args.lang, data.language))
    summary = tr.ngettext("Monthly mentoring record of “{name}” for {month}: {count} session, {hours} h.",
                          "Monthly mentoring record of “{name}” for {month}: {count} sessions, {hours} h.",
                          data.total_sessions).format(
        name=organisation.name, month=tr.format_month(month), count=tr.format_number(data.total_sessions),
        hours=tr.format_number(data.total_hours))
    return build_monthly_record(data, out, branding), summary


def timesheet(workspace, args, branding, tr: Translator):
    from sociolab_desktop.core.documents.mentor_timesheet import build_mentor_timesheet
    from sociolab_desktop.core.services.mentoring.record_builder import mentor_timesheet
    from sociolab_desktop.core.services.staff import get_staff

    month = parse_month(args.month)
    out = Translator(_language(args.lang, workspace.settings.language))
    if get_staff(workspace.store, args.mentor) is None:
        raise _missing(N_("No staff member has the key “{key}”."), args.mentor)
    data = mentor_timesheet(workspace.store, args.mentor, month)
    if not data.lines:
        raise UserError(N_("{name} led no mentoring sessions in {month}, so there is no timesheet to sign."),
                        name=data.mentor_name, month=tr.format_month(month))
    summary = tr.ngettext("Timesheet of {name} for {month}: {count} session, {hours} h.",
                          "Timesheet of {name} for {month}: {count} sessions, {hours} h.",
                          data.total_sessions).format(
        name=data.mentor_name, month=tr.format_month(month), count=tr.format_number(data.total_sessions),
        hours=tr.format_number(data.total_hours))
    return build_mentor_timesheet(data, out, branding), summary


def consent_form(workspace, args, branding, tr: Translator):
    from sociolab_desktop.core.documents.consent_form import build_consent_form
    from sociolab_desktop.core.services import printing
    from sociolab_desktop.core.services.persons import get_person

    person = get_person(workspace.store, args.person)
    for _step in range(10):  # a merged person's form is the survivor's
        if person is None or not person.merged_into_id:
            break
        person = get_person(workspace.store, person.merged_into_id)
    if person is None:
        raise _missing(NO_PERSON, args.person)
    if person.erased_at is not None:
        raise UserError(N_("This person's data was erased; nothing more can be recorded for them."))
    language = _language(args.lang, person.preferred_language or workspace.settings.language)
    data = printing.consent_form_data(person, workspace.settings, dt.date.today())
    return build_consent_form(data, Translator(language), branding), ""


def run(args: argparse.Namespace, tr: Translator) -> int:
    from sociolab_desktop.branding_settings import branding_from_settings
    from sociolab_desktop.logs import setup_logging
    from sociolab_desktop.workspace import open_workspace, require_initialised

    target = _target(args.output)
    jobs = {"attendance-sheet": attendance_sheet, "certificates": certificates, "mentoring-record": mentoring_record,
            "timesheet": timesheet, "consent-form": consent_form}
    with open_workspace(args.data_dir) as workspace:
        setup_logging(workspace.paths.log_file)
        require_initialised(workspace)
        branding = branding_from_settings(workspace.paths, workspace.settings)
        result, summary = jobs[args.document](workspace, args, branding, tr)
        _write(workspace, target, result, tr)
    if summary:
        print(summary)
    print(tr.ngettext("Wrote {path} ({count} page).", "Wrote {path} ({count} pages).", result.pages).format(
        path=target, count=tr.format_number(result.pages)))
    return 0
