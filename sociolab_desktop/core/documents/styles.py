"""Paragraph styles shared by every document: one family, a few sizes, quiet greys."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from sociolab_desktop.core.documents.fonts import BOLD, FAMILY, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5c5c5c")
RULE = colors.HexColor("#9a9a9a")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    running_head: ParagraphStyle  # what later pages belong to, under the header (see base.py)
    footer: ParagraphStyle
    footer_centre: ParagraphStyle
    footer_right: ParagraphStyle


@lru_cache(maxsize=1)
def document_styles() -> Styles:
    """The styles (built once; ParagraphStyle objects are only read while building)."""
    family = register_fonts()
    body = ParagraphStyle(
        "body", fontName=family, fontSize=10, leading=13.5, textColor=INK, alignment=TA_LEFT,
        spaceAfter=5, splitLongWords=True,
    )
    footer = ParagraphStyle("footer", parent=body, fontSize=7, leading=9, textColor=MUTED, spaceAfter=0)
    return Styles(
        body=body,
        body_bold=ParagraphStyle("body_bold", parent=body, fontName=BOLD),
        heading=ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=11, leading=14,
                               spaceBefore=8, spaceAfter=4),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=14, leading=17.5,
                             alignment=TA_RIGHT, spaceAfter=0),
        label=ParagraphStyle("label", parent=body, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=0),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        running_head=ParagraphStyle("running_head", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        footer=footer,
        footer_centre=ParagraphStyle("footer_centre", parent=footer, alignment=TA_CENTER),
        footer_right=ParagraphStyle("footer_right", parent=footer, alignment=TA_RIGHT),
    )


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle whose plain-string cells (even empty ones) use our font: a Table's default is
    Helvetica, which would drop č ć đ and put Helvetica into the PDF."""
    register_fonts()
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        *commands,
    ])
