"""Reading the administrator's logo files for a document: a bad file is skipped, never fatal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sociolab_desktop.core.documents.branding import Branding
from sociolab_desktop.core.documents.result import DocumentWarning
from sociolab_desktop.i18n import N_

# Logos are printed about 14 mm high; 300 dpi is print quality. A 4000-pixel emblem chosen by an
# administrator would otherwise be embedded at full size in every PDF.
_PRINT_DPI = 300
_MM_PER_INCH = 25.4

MISSING_LOGO = N_("The logo file {path} was not found, so the document was printed without it. "
                  "An administrator can choose the logos again in the settings.")
UNREADABLE_LOGO = N_("The logo file {path} could not be read as a PNG or JPEG image, so the document "
                     "was printed without it. An administrator can choose another file in the settings.")


@dataclass(frozen=True)
class Logo:
    image: object  # a reportlab ImageReader
    aspect: float  # width / height


def _prepared(path: Path, height_mm: float):
    from PIL import Image

    max_height_px = max(1, round(height_mm / _MM_PER_INCH * _PRINT_DPI))
    with Image.open(path) as opened:
        opened.load()  # decode fully now: a truncated file must fail here, not halfway through a PDF
        image = opened.copy()
    if image.width == 0 or image.height == 0:
        raise ValueError("empty image")
    image.thumbnail((max_height_px * 20, max_height_px))
    if image.mode not in ("RGB", "RGBA", "L"):
        transparent = image.mode in ("LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
    return image


def load_logos(branding: Branding) -> tuple[list[Logo], list[DocumentWarning]]:
    """The readable logos in the administrator's order, and a warning for each one skipped."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    logos: list[Logo] = []
    warnings: list[DocumentWarning] = []
    for path in branding.logos:
        if not path.is_file():
            warnings.append(DocumentWarning(MISSING_LOGO, path=str(path)))
            continue
        try:
            image = _prepared(path, branding.logo_height_mm)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            # PIL raises all of these for damaged or foreign files (SyntaxError for some headers).
            warnings.append(DocumentWarning(UNREADABLE_LOGO, path=str(path)))
            continue
        logos.append(Logo(ImageReader(image), image.width / image.height))
    return logos, warnings
