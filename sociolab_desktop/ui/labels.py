"""Labels that look the same in every area: the page title, section headings and muted notes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

TITLE_SCALE = 1.6
HEADING_SCALE = 1.1


def bold_label(object_name: str, scale: float) -> QLabel:
    label = QLabel(objectName=object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def area_title(object_name: str) -> QLabel:
    """The big bold name of an area at the top of its page."""
    return bold_label(object_name, TITLE_SCALE)


def section_heading(object_name: str) -> QLabel:
    return bold_label(object_name, HEADING_SCALE)


# How far a note's colour goes from the text colour toward the background: soft, yet about 5:1
# contrast on a light window (a disabled label's grey is near 3:1).
MUTED_SHARE = 0.4


def mute(label: QLabel) -> QLabel:
    """Secondary text (a hint, a note under a field) in a softer colour. Not setEnabled(False):
    a disabled label is greyer than reads well, and screen readers announce it as unavailable."""
    palette = label.palette()
    text, window = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    mixed = QColor(*(round(a + (b - a) * MUTED_SHARE) for a, b in (
        (text.red(), window.red()), (text.green(), window.green()), (text.blue(), window.blue()))))
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)
    return label
