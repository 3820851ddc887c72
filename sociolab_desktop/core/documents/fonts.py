"""The one font family every document prints with, registered with ReportLab once per process.

ReportLab's built-in Helvetica silently drops č, ć and đ (š and ž survive, which hides the bug),
so documents use DejaVu Sans from `resources/fonts` (full Latin Extended-A; licence beside it).
It is registered as a family so that `<b>` in a paragraph picks the bold face.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_
from sociolab_desktop.paths import resources_dir

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {FAMILY: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

# PDF batches are built off the GUI thread; ReportLab's font registry is process-wide.
_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts(folder: Path | None = None) -> str:
    """Register DejaVu Sans (regular and bold) as a family; return the family name to use."""
    global _registered
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        folder = folder or fonts_dir()
        for name, file_name in _FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise UserError(
                    N_("The font file {path} is missing, so documents cannot be printed. "
                       "Reinstall SocioLab Desk."),
                    path=str(path),
                )
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except TTFError as error:
                raise UserError(
                    N_("The font file {path} is damaged, so documents cannot be printed. "
                       "Reinstall SocioLab Desk."),
                    path=str(path),
                ) from error
        # No italic face is shipped: <i> prints upright rather than failing.
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=FAMILY, boldItalic=BOLD)
        _registered = True
        return FAMILY
