"""Small drawn elements that forms share: a tick box and lines to write or sign on.

Import only when printing (ReportLab).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from sociolab_desktop.core.documents.styles import INK, RULE, Styles, table_style


class TickBox(Flowable):
    """An empty square to tick by hand, or a ticked one for a copy of consent already given."""

    def __init__(self, ticked: bool = False, size: float = 4 * mm) -> None:
        super().__init__()
        self.ticked, self.size = ticked, size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, size, size)
        if self.ticked:
            canvas.setLineWidth(1.2)
            path = canvas.beginPath()
            path.moveTo(size * 0.2, size * 0.5)
            path.lineTo(size * 0.42, size * 0.22)
            path.lineTo(size * 0.82, size * 0.8)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()


def write_in_lines(fields: list[tuple[str, str]], width: float, styles: Styles,
                   shares: list[float] | None = None) -> Table:
    """Lines side by side, each with what is already filled in above it (or nothing, to be
    written by hand) and its label below: the place, date and signature lines of a form."""
    shares = shares or [1 / len(fields)] * len(fields)
    gap = 8 * mm
    usable = width - gap * (len(fields) - 1)
    values, labels, widths = [], [], []
    for index, ((value, label), share) in enumerate(zip(fields, shares)):
        if index:
            values.append("")
            labels.append("")
            widths.append(gap)
        values.append(Paragraph(value, styles.body))
        labels.append(Paragraph(label, styles.label))
        widths.append(usable * share)
    table = Table([values, labels], colWidths=widths, rowHeights=[12 * mm, None])
    commands = [
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, 1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1.5),
        ("TOPPADDING", (0, 1), (-1, 1), 2),
    ]
    for column in range(0, len(widths), 2):
        commands.append(("LINEBELOW", (column, 0), (column, 0), 0.6, RULE))
    table.setStyle(table_style(*commands))
    return table
