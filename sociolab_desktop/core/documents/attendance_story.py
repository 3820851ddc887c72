"""The layout of the attendance sheet (ReportLab: imported only when a sheet is built)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table

from sociolab_desktop.core.documents.attendance_sheet import AttendanceSheetData, slovenian_order
from sociolab_desktop.core.documents.base import DocumentInfo, frame_width, render_document, text
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.fonts import BOLD
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.styles import RULE, Styles, document_styles, table_style
from sociolab_desktop.i18n import N_, Translator

TITLE = N_("Attendance list")
COLUMNS = (N_("No."), N_("Name and surname"), N_("Organisation or municipality"), N_("Signature"))
SESSION_X_OF_Y = N_("Session {number} of {count}")

# No., name, organisation, signature: shares of the frame width. The signature keeps the most
# room a hand needs; names and organisations wrap inside theirs.
_SHARES = (0.065, 0.33, 0.31, 0.295)
# A single-line row is about 10 mm high: room to sign (a funder's auditor wants legible signatures).
_ROW_PADDING = 8.5
_CELL_PADDING_X = 4
_HEADER_FILL = colors.HexColor("#ececec")
# "d. o. o.", "z. o. o.", "so. p.": Slovenian legal-form abbreviations are never broken across lines.
_ABBREVIATION = re.compile(r"\b\w{1,2}\.(?: \w{1,2}\.)+")


@dataclass(frozen=True)
class _SheetStyles:
    event_title: ParagraphStyle
    cell: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle


@lru_cache(maxsize=1)
def _sheet_styles() -> _SheetStyles:
    body = document_styles().body
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=11.5, spaceAfter=0)
    header = ParagraphStyle("column_header", parent=cell, fontName=BOLD, fontSize=9, leading=11)
    return _SheetStyles(
        event_title=ParagraphStyle("event_title", parent=body, fontName=BOLD, fontSize=13, leading=16.5,
                                   spaceAfter=0),
        cell=cell,
        header=header,
        header_right=ParagraphStyle("column_header_right", parent=header, alignment=TA_RIGHT),
    )


def attendance_document(data: AttendanceSheetData, branding: Branding) -> DocumentResult:
    tr = Translator(data.language)
    styles = document_styles()
    info = DocumentInfo(title=tr.gettext(TITLE), issuer=data.info_point, printed_on=data.printed_on,
                        running_head=_running_head(data, tr))
    story = [*_details(data, tr, styles), _table(data, tr)]
    return render_document(story, info, tr, branding)


def _hours(data: AttendanceSheetData, tr: Translator) -> str:
    if data.starts_at and data.ends_at:
        return tr.format_time_span(data.starts_at, data.ends_at)
    return tr.format_time(data.starts_at) if data.starts_at else ""


def _session(data: AttendanceSheetData, tr: Translator) -> str:
    """"Session 2 of 3", or "" for an event of one session."""
    if data.session_number and data.session_count and data.session_count > 1:
        return tr.gettext(SESSION_X_OF_Y).format(number=tr.format_number(data.session_number),
                                                 count=tr.format_number(data.session_count))
    return ""


def _running_head(data: AttendanceSheetData, tr: Translator) -> str:
    """What every page after the first says under its header: a signed page that comes loose is
    still matched to its event and session (date and time) in an audit."""
    when = ", ".join(part for part in (tr.format_date(data.session_date, "full"), _hours(data, tr)) if part)
    session = " · ".join(part for part in (_session(data, tr), when) if part)
    return f"{data.event_title.strip()}\n{session}"


def _details(data: AttendanceSheetData, tr: Translator, styles: Styles) -> list:
    """The event's title, then what, when and where, in two columns of label and value, and a
    line for the person in charge (the funder's auditor wants someone to answer for the list)."""
    when = tr.format_date(data.session_date, "full")
    hours = _hours(data, tr)
    kind, session = data.event_type_label, _session(data, tr)
    if session:
        kind = f"{kind} · {session}" if kind else session
    pairs = [
        (N_("Event"), kind),
        (N_("Date"), when),
        (N_("Time"), hours),
        (N_("Venue"), data.venue),
        (N_("Organised by"), data.info_point),
    ]
    pairs = [(label, value) for label, value in pairs if value and value.strip()]
    label_width = 42 * mm
    rows = [[Paragraph(text(tr.gettext(label)), styles.label), Paragraph(text(value), styles.body)]
            for label, value in pairs]
    rows.append([Paragraph(text(tr.gettext(N_("Person in charge"))), styles.label), ""])
    last = len(rows) - 1
    table = Table(rows, colWidths=[label_width, min(110 * mm, frame_width() - label_width)], hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (0, -1), 1.5),  # the smaller label shares the value's baseline
        ("TOPPADDING", (0, last), (-1, last), 7 * mm),  # room to write by hand
        ("LINEBELOW", (1, last), (1, last), 0.6, RULE),
    ))
    title = Paragraph(text(data.event_title), _sheet_styles().event_title)
    return [title, Spacer(0, 2 * mm), table, Spacer(0, 5 * mm)]


class _Cells:
    """Cell contents: a plain string when it fits on one line (far cheaper to lay out in a sheet
    of hundreds of rows), a wrapping Paragraph when it does not, so nothing runs into the next
    column."""

    def __init__(self, style: ParagraphStyle, width: float) -> None:
        self.style, self.width = style, width

    def __call__(self, value: str):
        if stringWidth(value, self.style.fontName, self.style.fontSize) <= self.width:
            return value
        return Paragraph(text(value), self.style)


def _table(data: AttendanceSheetData, tr: Translator) -> Table:
    widths = [frame_width() * share for share in _SHARES]
    sheet = _sheet_styles()
    cell = sheet.cell
    name_cell = _Cells(cell, widths[1] - 2 * _CELL_PADDING_X)
    organisation_cell = _Cells(cell, widths[2] - 2 * _CELL_PADDING_X)
    header = [Paragraph(text(tr.gettext(label)), sheet.header_right if index == 0 else sheet.header)
              for index, label in enumerate(COLUMNS)]
    body = []
    for number, row in enumerate(slovenian_order(data.rows), start=1):
        organisation = _ABBREVIATION.sub(lambda found: found[0].replace(" ", "\u00a0"), row.organisation)
        body.append([_number(number), name_cell(row.full_name), organisation_cell(organisation), ""])
    for number in range(len(body) + 1, len(body) + max(0, data.blank_rows) + 1):
        body.append([_number(number), "", "", ""])
    table = Table([header, *body], colWidths=widths, repeatRows=1)
    table.setStyle(table_style(
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING_X),
        ("TOPPADDING", (0, 1), (-1, -1), _ROW_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), _ROW_PADDING),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
    ))
    return table


def _number(number: int) -> str:
    """An ordinal as Slovenian and English lists write it; no grouping (row 1000 is "1000.")."""
    return f"{number}."
