"""The layout of the results report (ReportLab: imported only when a report is built).

Landscape, because the indicator table has a column per info point. Each indicator has a bar
against its target; the definitions follow, then the ESF summary on a page of its own.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from sociolab_desktop.core.documents.base import LANDSCAPE, DocumentInfo, frame_width, render_document, text
from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.fonts import BOLD
from sociolab_desktop.core.documents.result import DocumentResult
from sociolab_desktop.core.documents.results_report import EsfTable, IndicatorLine, ResultsReportData
from sociolab_desktop.core.documents.styles import INK, MUTED, RULE, Styles, document_styles, table_style
from sociolab_desktop.i18n import N_, Translator

TITLE = N_("Project results")
INDICATORS_HEADING = N_("Indicators and targets")
DEFINITIONS_HEADING = N_("What each indicator counts")
ESF_HEADING = N_("ESF participants at entry")
ESF_NOTE = N_("Participants are the persons in training programmes counted above ({count}), with their "
              "answers at entry.")
COLUMNS = (N_("Indicator"), N_("Target"), N_("Total"), N_("Progress"))
PROJECT_COLUMNS = (N_("Indicator"), N_("Project target"), N_("Value"), N_("Progress"))
NO_TARGET = "–"

_HEADER_FILL = colors.HexColor("#ececec")
_BAR_EMPTY = colors.HexColor("#e4e4e4")
_BAR_FILL = colors.HexColor("#4a7a9c")
_BAR_REACHED = colors.HexColor("#3f8f5a")
_PADDING = 3


class ProgressBar(Flowable):
    """A bar filled to min(share, 1) with the percentage beside it; nothing without a target."""

    def __init__(self, share: float | None, label: str, width: float, height: float = 3.2 * mm) -> None:
        super().__init__()
        self.share, self.label = share, label
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.share is None:
            return
        canvas = self.canv
        label_width = 11 * mm
        bar = self.width - label_width
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        canvas.setFillColor(_BAR_EMPTY)
        canvas.rect(0, 0, bar, self.height, stroke=1, fill=1)
        canvas.setFillColor(_BAR_REACHED if self.share >= 1 else _BAR_FILL)
        canvas.rect(0, 0, bar * max(0.0, min(self.share, 1.0)), self.height, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD if self.share >= 1 else document_styles().body.fontName, 7.5)
        canvas.drawRightString(self.width, 0.6, self.label)
        canvas.restoreState()


def results_document(data: ResultsReportData, tr: Translator, branding: Branding) -> DocumentResult:
    styles = document_styles()
    info = DocumentInfo(title=tr.gettext(TITLE), issuer=data.issuer, printed_on=data.printed_on,
                        orientation=LANDSCAPE)
    story = [
        _details(data, tr, styles),
        Paragraph(text(tr.gettext(INDICATORS_HEADING)), styles.heading),
        _indicator_table(data, tr, styles),
        Paragraph(text(tr.gettext(DEFINITIONS_HEADING)), styles.heading),
        *_definitions(data.indicators, styles),
    ]
    if data.esf is not None:
        story += [CondPageBreak(90 * mm), *_esf(data.esf, tr, styles)]
    return render_document(story, info, tr, branding)


def _details(data: ResultsReportData, tr: Translator, styles: Styles) -> Table:
    pairs = ((N_("Period"), data.period), (N_("Info points"), data.scope),
             (N_("Persons in training programmes counted as"), data.training_rule))
    rows = [[Paragraph(text(tr.gettext(label)), styles.label), Paragraph(text(value), styles.body)]
            for label, value in pairs]
    table = Table(rows, colWidths=[70 * mm, frame_width(LANDSCAPE) - 70 * mm], hAlign="LEFT")
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)))
    return table


def _number(tr: Translator, value: float | None) -> str:
    return "" if value is None else tr.format_number(value)


def _target(tr: Translator, line: IndicatorLine) -> str:
    if line.target is None:
        return NO_TARGET
    return ("≥ " if line.at_least else "") + tr.format_number(line.target)


def _percent(tr: Translator, share: float | None) -> str:
    """Whole percent rounded down, so 99.6 % never reads as a target reached."""
    return "" if share is None else tr.format_percent(share)


def _longest_word(label: str, style: ParagraphStyle) -> float:
    return max(stringWidth(word, style.fontName, style.fontSize) for word in label.split())


def _indicator_table(data: ResultsReportData, tr: Translator, styles: Styles) -> Table:
    small = ParagraphStyle("cell", parent=styles.body, fontSize=8.5, leading=10.5, spaceAfter=0)
    header = ParagraphStyle("head", parent=small, fontName=BOLD, fontSize=7.5, leading=9)
    header_right = ParagraphStyle("head_right", parent=header, alignment=TA_RIGHT)
    sites = len(data.site_names)
    labels = [tr.gettext(label) for label in (PROJECT_COLUMNS if data.targets_of_the_project else COLUMNS)]
    # A heading may wrap between its words, never inside one ("Vrednos-t").
    fixed = [max(minimum, _longest_word(label, header) + 2 * _PADDING + 1)
             for minimum, label in zip((14 * mm, 15 * mm), labels[1:3], strict=True)] + [32 * mm]
    # The indicator's title keeps at least 65 mm; the info points share the rest (up to 26 mm each).
    site_width = min(26 * mm, (frame_width(LANDSCAPE) - 65 * mm - sum(fixed)) / sites) if sites else 0
    first = frame_width(LANDSCAPE) - sum(fixed) - site_width * sites
    widths = [first, *fixed, *([site_width] * sites)]
    rows = [[Paragraph(text(label), header if index in (0, 3) else header_right) for index, label in enumerate(labels)]
            + [Paragraph(text(name), header_right) for name in data.site_names]]
    for line in data.indicators:
        site_values = [_number(tr, value) for value in line.site_values] or ["–"] * sites
        rows.append([Paragraph(text(line.title), small), _target(tr, line), _number(tr, line.value),
                     ProgressBar(line.share, _percent(tr, line.share), fixed[2] - 2 * _PADDING), *site_values])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(table_style(
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (2, -1), "RIGHT"),
        ("ALIGN", (4, 1), (-1, -1), "RIGHT"),
        ("FONTNAME", (2, 1), (2, -1), BOLD),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TEXTCOLOR", (4, 1), (-1, -1), MUTED),
    ))
    return table


def _definitions(lines: tuple[IndicatorLine, ...], styles: Styles) -> list:
    term = ParagraphStyle("term", parent=styles.body_bold, fontSize=9, leading=11.5, spaceAfter=0)
    body = ParagraphStyle("definition", parent=styles.body, fontSize=8.5, leading=11, spaceAfter=4)
    return [KeepTogether([Paragraph(text(line.title), term), Paragraph(text(line.definition), body)])
            for line in lines]


def _esf(esf: EsfTable, tr: Translator, styles: Styles) -> list:
    small = ParagraphStyle("esf_cell", parent=styles.body, fontSize=8.5, leading=10.5, spaceAfter=0)
    bold = ParagraphStyle("esf_group", parent=small, fontName=BOLD)
    header = ParagraphStyle("esf_head_right", parent=bold, fontSize=7.5, leading=9, alignment=TA_RIGHT)
    numbers = len(esf.gender_labels) + 1
    widths = [frame_width(LANDSCAPE) - numbers * 24 * mm, *([24 * mm] * numbers)]
    rows = [[Paragraph(text(esf.title), bold), Paragraph(text(tr.gettext(N_("Total"))), header),
             *(Paragraph(text(label), header) for label in esf.gender_labels)]]
    headings = []
    for line in esf.lines:
        if line.total is None:
            headings.append(len(rows))
            rows.append([Paragraph(text(line.label), bold)] + [""] * numbers)
            continue
        rows.append([Paragraph(text(line.label), bold if line.emphasis else small), _number(tr, line.total),
                     *(_number(tr, count) for count in line.counts)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(table_style(
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        *(("TOPPADDING", (0, row), (-1, row), 7) for row in headings),
    ))
    note = tr.gettext(ESF_NOTE).format(count=tr.format_number(esf.participants))
    missing = tr.ngettext(
        "The record of {count} participant still misses required ESF data: the list is in the program and in "
        "the XLSX export, so that staff can complete it.",
        "The records of {count} participants still miss required ESF data: the list is in the program and in "
        "the XLSX export, so that staff can complete them.", esf.missing).format(count=tr.format_number(esf.missing))
    return [Paragraph(text(tr.gettext(ESF_HEADING)), styles.heading),
            Paragraph(text(note + (" " + missing if esf.missing else "")), styles.body), Spacer(0, 2 * mm), table]
