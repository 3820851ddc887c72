"""The layout of a mentor's monthly timesheet (ReportLab: imported only when one is built): the
month's sessions in a table whose header repeats on every page, the total, the mentor's signature."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from sociolab_desktop.core.documents.base import DocumentInfo, frame_width, render_document, text
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.fonts import BOLD
from sociolab_desktop.core.documents.mentoring_story import (
    HOURS_NOTE,
    cell,
    date_width_mm,
    details,
    grid,
    header_row,
    mode_width_mm,
    organisation_text,
    signature_lines,
    table_styles,
    widths_mm,
)
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.styles import Styles, document_styles
from sociolab_desktop.core.domain.labels import MENTORING_MODES, MENTORING_TOPICS, label, labels
from sociolab_desktop.core.domain.mentoring_records import MentorTimesheetData, TimesheetLine
from sociolab_desktop.i18n import N_, Translator

TITLE = N_("Mentor's monthly timesheet")
COLUMNS = (N_("No."), N_("Date"), N_("Time"), N_("Organisation or persons coached"), N_("Topics"), N_("Mode"),
           N_("Hours"))
DECLARATION = N_("With my signature I confirm that I carried out the mentoring sessions listed above.")
# No., date, time, coached, topics, mode, hours: the coached take the rest; the date and the mode
# are as wide as they need in the language (filled in by _table).
_WIDTHS_MM = (9, 0, 24, None, 38, 0, 14)


def _coached(line: TimesheetLine, tr: Translator) -> Paragraph:
    """The organisation (or the persons), and who shared the session, in grey beneath."""
    coached = text(organisation_text(line.organisation_name) or ", ".join(line.persons))
    if line.organisation_name and line.persons:
        coached += "<br/>" + text(", ".join(line.persons))
    if line.other_mentors:
        shared = tr.gettext(N_("with {mentors}")).format(mentors=", ".join(line.other_mentors))
        coached += f'<br/><font size="8" color="#5c5c5c">{text(shared)}</font>'
    return Paragraph(coached, table_styles().cell)


def _table(data: MentorTimesheetData, tr: Translator) -> Table:
    styles = table_styles()
    rows = [header_row(tr, COLUMNS, right=(0, 6))]
    for number, line in enumerate(data.lines, start=1):
        rows.append([
            cell(f"{number}.", styles.cell_right), cell(tr.format_date(line.session_date, "numeric")),
            cell(tr.format_time_span(line.starts, line.ends)), _coached(line, tr),
            cell(labels(tr, MENTORING_TOPICS, line.topics)), cell(label(tr, MENTORING_MODES, line.mode)),
            cell(tr.format_number(line.hours), styles.cell_right),
        ])
    total = tr.ngettext("Total: {count} session", "Total: {count} sessions", data.total_sessions).format(
        count=tr.format_number(data.total_sessions))
    bold = ParagraphStyle("timesheet_total", parent=styles.cell, fontName=BOLD)
    rows.append([cell(total, bold), "", "", "", "", "",
                 cell(tr.format_number(data.total_hours), ParagraphStyle("timesheet_total_right", parent=bold,
                                                                       alignment=TA_RIGHT))])
    fixed = list(_WIDTHS_MM)
    fixed[1] = date_width_mm(tr, (line.session_date for line in data.lines))
    fixed[5] = mode_width_mm(tr, (line.mode for line in data.lines if line.mode))
    return grid(rows, widths_mm(fixed), ("SPAN", (0, -1), (5, -1)), total_row=True)


def _signature(data: MentorTimesheetData, tr: Translator, styles: Styles) -> list:
    return [KeepTogether([
        Spacer(0, 6 * mm), Paragraph(text(tr.gettext(DECLARATION)), styles.body),
        signature_lines(tr, styles, data.mentor_name, tr.gettext(N_("Mentor (name and surname)")), frame_width()),
    ])]


def timesheet_document(data: MentorTimesheetData, tr: Translator, branding: Branding,
                       printed_on: dt.date) -> DocumentResult:
    styles = document_styles()
    rows = [
        (tr.gettext("Month"), tr.format_month(data.month_first)),
        (tr.gettext("Info point"), data.site_name or ""),
    ]
    story: list = [Paragraph(text(data.mentor_name), table_styles().party), Spacer(0, 2 * mm), details(rows, styles),
                   Spacer(0, 4 * mm)]
    if data.lines:
        story += [_table(data, tr), Spacer(0, 1.5 * mm), Paragraph(text(tr.gettext(HOURS_NOTE)), styles.small)]
    else:
        story.append(Paragraph(text(tr.gettext(N_("No mentoring sessions were recorded in {month}.")).format(
            month=tr.format_month(data.month_first))), styles.body))
    story += _signature(data, tr, styles)
    info = DocumentInfo(title=tr.gettext(TITLE), issuer=data.site_name or "", printed_on=printed_on,
                        running_head=f"{data.mentor_name}\n{tr.format_month(data.month_first)}")
    return render_document(story, info, tr, branding)
