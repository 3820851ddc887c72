"""Labels that look the same in every area: the page title and section headings."""

from __future__ import annotations

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
