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
