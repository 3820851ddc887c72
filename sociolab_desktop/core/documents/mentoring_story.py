"""The wording and layout of the mentoring records (ReportLab: imported only when one is built),
and the parts the mentor's timesheet shares with them: label and value details, hours, signature
lines with room for a stamp.

A session record: who was coached, when, how long, by whom, on what; the work done; the agreed
actions; signatures. A monthly record: an overview table of the month's sessions with the total
hours (its header repeats on every page), then each session's work and actions, then signatures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from sociolab_desktop.core.documents.base import DocumentInfo, frame_width, render_document, text
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.flowables import write_in_lines
from sociolab_desktop.core.documents.fonts import BOLD, FAMILY
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.styles import MUTED, RULE, Styles, document_styles, table_style
from sociolab_desktop.core.domain.labels import MENTORING_MODES, MENTORING_TOPICS, label, labels
from sociolab_desktop.core.domain.mentoring_records import (
    MonthlyRecordData,
    RecordAction,
    RecordSession,
    SessionRecordData,
)
from sociolab_desktop.i18n import N_, Translator

SESSION_TITLE = N_("Mentoring record")
MONTHLY_TITLE = N_("Monthly mentoring record")
HOURS_NOTE = N_("Hours are clock hours of 60 minutes, counted per session and rounded to the nearest quarter "
                "of an hour; the total is the sum of the sessions' hours.")
SESSION_DECLARATION = N_("With our signatures we confirm that the mentoring session took place as recorded above.")
MONTHLY_DECLARATION = N_("With our signatures we confirm that the mentoring sessions listed above took place as "
                         "recorded.")
OVERVIEW_COLUMNS = (N_("No."), N_("Date"), N_("Time"), N_("Hours"), N_("Mentors"), N_("Mode"), N_("Topics"))
ACTION_COLUMNS = (N_("No."), N_("Agreed action"), N_("Responsible"), N_("Due date"), N_("Done"))
STAMP = N_("Stamp")
DONE_MARK = "✓"

HEADER_FILL = colors.HexColor("#ececec")
CELL_PADDING = 3
# No., date, time, hours, mentors, mode, and the topics take the rest; the date and the mode are
# as wide as they need in the language (filled in by _overview, see fitted_width).
_OVERVIEW_WIDTHS_MM = (9, 0, 24, 14, 40, 0)
_FIT_ROOM = 2 * mm  # beyond the cell padding: a value that fills its column to the rule looks cramped
_FIT_MAX = 32 * mm  # beyond this a value from a newer version wraps instead of squeezing the others
_WIDEST_DATE = dt.date(2000, 12, 28)  # two-digit day and month: every month's table alike
_ACTION_WIDTHS_MM = (9, None, 36, 24)  # the action takes the rest; "Done" comes last, as wide as its heading
_LABEL_WIDTH = 40 * mm
_STAMP_SIZE = (36 * mm, 26 * mm)
# "d. o. o.", "z. o. o.", "so. p.": Slovenian legal-form abbreviations are never broken across lines.
_ABBREVIATION = re.compile(r"\b\w{1,2}\.(?: \w{1,2}\.)+")


# --- shared with the timesheet -------------------------------------------------------------------

@dataclass(frozen=True)
class TableStyles:
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle
    party: ParagraphStyle
    subheading: ParagraphStyle


@lru_cache(maxsize=1)
def table_styles() -> TableStyles:
    body = document_styles().body
    cell = ParagraphStyle("mentoring_cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    header = ParagraphStyle("mentoring_header", parent=cell, fontName=BOLD, fontSize=8.5, leading=10.5)
    return TableStyles(
        cell=cell,
        cell_right=ParagraphStyle("mentoring_cell_right", parent=cell, alignment=TA_RIGHT),
        header=header,
        header_right=ParagraphStyle("mentoring_header_right", parent=header, alignment=TA_RIGHT),
        party=ParagraphStyle("mentoring_party", parent=body, fontName=BOLD, fontSize=13, leading=16.5, spaceAfter=0),
        subheading=ParagraphStyle("mentoring_subheading", parent=body, fontName=BOLD, fontSize=10, leading=13,
                                  spaceBefore=7, spaceAfter=3, keepWithNext=1),
    )


def organisation_text(name: str | None) -> str:
    """An organisation's name whose legal-form abbreviation stays on one line."""
    return _ABBREVIATION.sub(lambda found: found[0].replace(" ", "\u00a0"), name or "")


def details(rows: Sequence[tuple[str, str]], styles: Styles) -> Table:
    """Label (translated) and value pairs, one per line; empty values are left out."""
    shown = [[Paragraph(text(label), styles.label), Paragraph(text(value), styles.body)]
             for label, value in rows if value and value.strip()]
    table = Table(shown, colWidths=[_LABEL_WIDTH, frame_width() - _LABEL_WIDTH], hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (0, -1), 3),  # the smaller label shares the value's baseline
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ))
    return table


def grid(rows: list[list], widths: list[float], *extra: tuple, total_row: bool = False) -> Table:
    """A table with a shaded header row that repeats on every page; rows may split across pages
    (a summary or an action of a whole page must not stop the document)."""
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        *extra,
    ]
    if total_row:
        commands += [("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL), ("LINEABOVE", (0, -1), (-1, -1), 1, MUTED)]
    table.setStyle(table_style(*commands))
    return table


def widths_mm(fixed: Sequence[float | None], reserved: float = 0.0) -> list[float]:
    """Column widths from millimetres; the one None column takes what the frame has left after
    them and `reserved` points."""
    rest = frame_width() - reserved - sum(width * mm for width in fixed if width is not None)
    return [rest if width is None else width * mm for width in fixed]


def fitted_width(header: str, values: Iterable[str]) -> float:
    """A column as wide as its widest value or heading, so that "po telefonu" or "29. 10. 2018"
    stays on one line, clear of the rules (up to a limit beyond which values wrap)."""
    styles = table_styles()
    widest = max([stringWidth(header, styles.header.fontName, styles.header.fontSize),
                  *(stringWidth(value, styles.cell.fontName, styles.cell.fontSize) for value in values)])
    return min(widest + 2 * CELL_PADDING + _FIT_ROOM, _FIT_MAX)


def date_width_mm(tr: Translator, dates: Iterable[dt.date]) -> float:
    """The date column (numeric dates) in millimetres, for widths_mm."""
    values = [tr.format_date(day, "numeric") for day in (_WIDEST_DATE, *dates)]
    return fitted_width(tr.gettext(N_("Date")), values) / mm


def mode_width_mm(tr: Translator, modes: Iterable[str]) -> float:
    """The mode column in millimetres: as wide as the longest mode in the language."""
    values = [label(tr, MENTORING_MODES, mode) for mode in (*MENTORING_MODES, *modes)]
    return fitted_width(tr.gettext(N_("Mode")), values) / mm


def cell(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(value), style or table_styles().cell)


def header_row(tr: Translator, labels: Sequence[str], right: Sequence[int] = ()) -> list[Paragraph]:
    styles = table_styles()
    return [cell(tr.gettext(label), styles.header_right if index in right else styles.header)
            for index, label in enumerate(labels)]


class StampBox(Flowable):
    """A dashed frame where the organisation presses its stamp ("žig"), with a faint label inside."""

    def __init__(self, label: str, width: float = _STAMP_SIZE[0], height: float = _STAMP_SIZE[1]) -> None:
        super().__init__()
        self.label, self.width, self.height = label, width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.setDash(2, 2)
        canvas.roundRect(0, 0, self.width, self.height, 2 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(FAMILY, 7.5)
        canvas.drawCentredString(self.width / 2, self.height / 2 - 2.5, self.label)
        canvas.restoreState()


def signature_lines(tr: Translator, styles: Styles, name: str, role: str, width: float,
                    shares: Sequence[float] = (0.42, 0.2, 0.38)) -> Table:
    """Name (printed, or a line to write it on) with the role under it, then date and signature."""
    table = write_in_lines([(text(name), text(role)), ("", text(tr.gettext(N_("Date")))),
                            ("", text(tr.gettext(N_("Signature"))))], width, styles, shares=list(shares))
    table.hAlign = "LEFT"  # narrower than the frame when a stamp frame stands beside the lines
    return table


def signatures(tr: Translator, styles: Styles, declaration: str, mentors: Sequence[str],
               representative: bool, coached: Sequence[str] = ()) -> list:
    """The declaration and a line for each mentor, then the organisation's representative with a
    stamp frame beside the lines (or a line for each coached person when no organisation was
    coached); kept on one page, so no signature is cut off from what it confirms. All lines share
    one width, so names, dates and signatures line up in columns."""
    width = frame_width()
    stamp_width = _STAMP_SIZE[0] + 6 * mm if representative else 0
    line_width, shares = width - stamp_width, (0.46, 0.2, 0.34)
    lines = [signature_lines(tr, styles, mentor, tr.gettext(N_("Mentor (name and surname)")), line_width, shares)
             for mentor in mentors or ("",)]
    lines += [signature_lines(tr, styles, person, tr.gettext(N_("Coached person (name and surname)")), line_width,
                              shares) for person in coached]
    parts: list = [Spacer(0, 5 * mm), Paragraph(text(tr.gettext(declaration)), styles.body)]
    if representative:
        lines.append(signature_lines(tr, styles, "", tr.gettext(N_("The organisation's representative (name and "
                                                                    "surname)")), line_width, shares))
        # The stamp frame stands beside all the lines, level with the representative's at the
        # bottom: the block stays short enough to share a page with the record it confirms.
        beside = Table([[lines, StampBox(tr.gettext(STAMP))]], colWidths=[line_width, stamp_width])
        beside.setStyle(table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ))
        parts.append(beside)
    else:
        parts += lines
    return [KeepTogether(parts)]


# --- the records ---------------------------------------------------------------------------------

def _paragraphs(value: str | None, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per paragraph typed (a long summary then breaks across pages between them)."""
    blocks = [block.strip() for block in (value or "").replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(text(block), style) for block in blocks if block]


def _actions(actions: Sequence[RecordAction], tr: Translator) -> Table:
    styles = table_styles()
    rows = [header_row(tr, ACTION_COLUMNS, right=(0,))]
    for number, action in enumerate(actions, start=1):
        due = tr.format_date(action.due_on, "numeric") if action.due_on else ""
        rows.append([cell(f"{number}.", styles.cell_right), cell(action.description), cell(action.owner or ""),
                     cell(due), cell(DONE_MARK if action.is_done else "", styles.cell)])
    # A heading wrapped mid-word ("Opravljen-o") reads badly; the column is as wide as its word.
    done_width = fitted_width(tr.gettext(ACTION_COLUMNS[-1]), [DONE_MARK])
    widths = [*widths_mm(_ACTION_WIDTHS_MM, reserved=done_width), done_width]
    return grid(rows, widths, ("ALIGN", (4, 1), (4, -1), "CENTER"))


def _work(session: RecordSession, tr: Translator, styles: Styles) -> list:
    """The summary, the agreed actions and the next session's date."""
    story: list = _paragraphs(session.summary, styles.body) or [
        Paragraph(text(tr.gettext(N_("No summary was recorded."))), styles.small)]
    if session.actions:
        story += [Paragraph(text(tr.gettext(N_("Agreed actions"))), table_styles().subheading),
                  _actions(session.actions, tr)]
    if session.next_session_on:
        story += [Spacer(0, 2 * mm), Paragraph(text(tr.gettext(N_("Next session: {date}")).format(
            date=tr.format_date(session.next_session_on))), styles.body)]
    return story


def session_record_document(data: SessionRecordData, tr: Translator, branding: Branding,
                            printed_on: dt.date) -> DocumentResult:
    styles, session, party = document_styles(), data.session, data.party
    time = "{span} ({duration})".format(span=tr.format_time_span(session.starts, session.ends),
                                        duration=tr.format_duration(session.minutes))
    rows = [
        (tr.gettext("Registration number"), party.registration_number or ""),
        (tr.gettext("Address"), party.address or ""),
        (tr.gettext("Persons coached"), ", ".join(session.persons) if party.organisation_name else ""),
        (tr.gettext("Date"), tr.format_date(session.session_date, "full")),
        (tr.gettext("Time"), time),
        (tr.gettext("Hours counted"), tr.format_number(session.hours)),
        (tr.gettext("Mode"), label(tr, MENTORING_MODES, session.mode)),
        (tr.gettext("Place"), session.place or ""),
        (tr.ngettext("Mentor", "Mentors", len(session.mentors)), ", ".join(session.mentors)),
        (tr.gettext("Topics"), labels(tr, MENTORING_TOPICS, session.topics)),
        (tr.gettext("Info point"), data.site_name or ""),
    ]
    story = [
        Paragraph(text(organisation_text(party.organisation_name) or ", ".join(session.persons)),
                  table_styles().party),
        Spacer(0, 2 * mm), details(rows, styles),
        Paragraph(text(tr.gettext(N_("Work done"))), styles.heading),
        *_work(session, tr, styles),
        Spacer(0, 2 * mm), Paragraph(text(tr.gettext(HOURS_NOTE)), styles.small),
        *signatures(tr, styles, SESSION_DECLARATION, session.mentors, representative=bool(party.organisation_id),
                    coached=() if party.organisation_id else session.persons),
    ]
    # A page of signatures that comes loose still says whose session it confirms.
    coached = organisation_text(party.organisation_name) or ", ".join(session.persons)
    running_head = "{coached}\n{date}, {span}".format(coached=coached, date=tr.format_date(session.session_date, "full"),
                                                      span=tr.format_time_span(session.starts, session.ends))
    info = DocumentInfo(title=tr.gettext(SESSION_TITLE), issuer=data.site_name or "", printed_on=printed_on,
                        running_head=running_head)
    return render_document(story, info, tr, branding)


def _overview(data: MonthlyRecordData, tr: Translator) -> Table:
    styles = table_styles()
    rows = [header_row(tr, OVERVIEW_COLUMNS, right=(0, 3))]
    for number, session in enumerate(data.sessions, start=1):
        rows.append([
            cell(f"{number}.", styles.cell_right), cell(tr.format_date(session.session_date, "numeric")),
            cell(tr.format_time_span(session.starts, session.ends)),
            cell(tr.format_number(session.hours), styles.cell_right),
            cell(", ".join(session.mentors)), cell(label(tr, MENTORING_MODES, session.mode)),
            cell(labels(tr, MENTORING_TOPICS, session.topics)),
        ])
    total = tr.ngettext("Total: {count} session", "Total: {count} sessions", data.total_sessions).format(
        count=tr.format_number(data.total_sessions))
    bold = ParagraphStyle("total", parent=styles.cell, fontName=BOLD)
    rows.append([cell(total, bold), "", "", cell(tr.format_number(data.total_hours),
                                                 ParagraphStyle("total_right", parent=bold, alignment=TA_RIGHT)),
                 "", "", ""])
    fixed = list(_OVERVIEW_WIDTHS_MM)
    fixed[1] = date_width_mm(tr, (session.session_date for session in data.sessions))
    fixed[5] = mode_width_mm(tr, (session.mode for session in data.sessions if session.mode))
    return grid(rows, widths_mm((*fixed, None)), ("SPAN", (0, -1), (2, -1)), total_row=True)


def _session_heading(number: int, session: RecordSession, tr: Translator) -> str:
    return "{number}. {date}, {time} · {hours}".format(
        number=number, date=tr.format_date(session.session_date, "full"),
        time=tr.format_time_span(session.starts, session.ends), hours=tr.format_hours(session.hours))


def monthly_record_document(data: MonthlyRecordData, tr: Translator, branding: Branding,
                            printed_on: dt.date) -> DocumentResult:
    styles, party = document_styles(), data.party
    rows = [
        (tr.gettext("Month"), tr.format_month(data.month_first)),
        (tr.gettext("Registration number"), party.registration_number or ""),
        (tr.gettext("Address"), party.address or ""),
        (tr.ngettext("Mentor", "Mentors", len(data.mentors)), ", ".join(data.mentors)),
        (tr.gettext("Info point"), data.site_name or ""),
    ]
    story: list = [Paragraph(text(organisation_text(party.organisation_name)), table_styles().party),
                   Spacer(0, 2 * mm), details(rows, styles),
                   Paragraph(text(tr.pgettext("mentoring", "Sessions")), styles.heading)]
    if data.sessions:
        story += [_overview(data, tr), Spacer(0, 1.5 * mm), Paragraph(text(tr.gettext(HOURS_NOTE)), styles.small),
                  Paragraph(text(tr.gettext(N_("Work done and agreed actions"))), styles.heading)]
        for number, session in enumerate(data.sessions, start=1):
            story += [Paragraph(text(_session_heading(number, session, tr)), table_styles().subheading),
                      *_work(session, tr, styles)]
    else:
        story.append(Paragraph(text(tr.gettext(N_("No mentoring sessions were recorded in {month}.")).format(
            month=tr.format_month(data.month_first))), styles.body))
    story += signatures(tr, styles, MONTHLY_DECLARATION, data.mentors, representative=True)
    # A page of signatures that comes loose still says which organisation and month it confirms.
    running_head = f"{organisation_text(party.organisation_name)}\n{tr.format_month(data.month_first)}"
    info = DocumentInfo(title=tr.gettext(MONTHLY_TITLE), issuer=data.site_name or "", printed_on=printed_on,
                        running_head=running_head)
    return render_document(story, info, tr, branding)
