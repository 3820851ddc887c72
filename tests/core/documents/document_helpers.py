"""Reading printed PDFs back in tests: their text, fonts, images and metadata (with pypdf)."""

from __future__ import annotations

import io

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace (line breaks of wrapped text) made one space."""
    return [" ".join(page.extract_text().split()) for page in reader(pdf).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in reader(pdf).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def image_count(pdf: bytes) -> int:
    """Image XObjects on the first page (ReportLab wraps each image in a form XObject)."""
    page = reader(pdf).pages[0]
    found = 0
    for xobject in page["/Resources"].get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject["/Subtype"] == "/Image":
            found += 1
        inner = xobject.get("/Resources", {}).get("/XObject", {})
        found += sum(1 for item in inner.values() if item.get_object()["/Subtype"] == "/Image")
    return found



def text_runs(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """Each line of text on a page as drawn (ReportLab draws each line of a paragraph or cell as
    one run), non-breaking spaces read as spaces, with the x and y where it starts, in points
    from the bottom left: to tell where a paragraph broke and how near a rule a value stands."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((" ".join(text.replace("\u00a0", " ").split()), x, y))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def text_lines(pdf: bytes, page: int = 0) -> list[str]:
    """The lines of text on a page as drawn (see text_runs)."""
    return [text for text, _x, _y in text_runs(pdf, page)]


def gap_after(pdf: bytes, value: str, font: str, size: float, page: int = 0) -> float:
    """Points from the end of the run `value` (in `font` at `size`) to the start of the next run to
    its right on the same line: the cell padding on both sides of a column rule, and the room left."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs = text_runs(pdf, page)
    _, x, y = next(run for run in runs if run[0] == value)
    end = x + stringWidth(value, font, size)
    return min(other_x for _text, other_x, other_y in runs if abs(other_y - y) < 1 and other_x > x) - end
