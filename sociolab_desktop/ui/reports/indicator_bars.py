"""A bar per indicator against its target, drawn in its table cell: filled to the share of the
target reached (full at 100 % and beyond), green once reached, with the percentage on it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sociolab_desktop.ui.reports.indicator_model import REACHED_ROLE, SHARE_ROLE

# Colours chosen for contrast with white text and with each other for colour-blind readers
# (green vs. blue rather than green vs. red): reached, on the way, and the empty track.
REACHED_COLOUR = QColor("#2e7d32")
UNDER_WAY_COLOUR = QColor("#1565c0")
TRACK_COLOUR = QColor("#e3e6ea")
TRACK_TEXT_COLOUR = QColor("#1a1a1a")
BAR_HEIGHT = 16
MARGIN = 4


def bar_colour(reached: bool | None) -> QColor:
    return REACHED_COLOUR if reached else UNDER_WAY_COLOUR


def filled_width(share: float | None, width: float) -> float:
    """The filled part of a bar `width` wide: none without a target, never beyond the bar."""
    if share is None or share <= 0:
        return 0.0
    return width * min(share, 1.0)


class IndicatorBarDelegate(QStyledItemDelegate):
    """For the PROGRESS column: reads SHARE_ROLE, REACHED_ROLE and the percentage (DisplayRole)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # The cell's own background (selection, alternating rows) first, without its text.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        share = index.data(SHARE_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if share is None:
            return
        cell = QRectF(option.rect).adjusted(MARGIN, 0, -MARGIN, 0)
        height = min(BAR_HEIGHT, cell.height() - 2 * 2)
        bar = QRectF(cell.left(), cell.center().y() - height / 2, cell.width(), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK_COLOUR)
        painter.drawRoundedRect(bar, 3, 3)
        filled = QRectF(bar.left(), bar.top(), filled_width(share, bar.width()), bar.height())
        if filled.width() > 0:
            painter.setBrush(bar_colour(index.data(REACHED_ROLE)))
            painter.drawRoundedRect(filled, 3, 3)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        # The percentage sits where it stays readable: on the fill when the fill is wide enough.
        needed = painter.fontMetrics().horizontalAdvance(text) + 2 * MARGIN
        if filled.width() >= needed:
            painter.setPen(QColor("white"))
            painter.drawText(filled, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(TRACK_TEXT_COLOUR)  # on the light track, selected or not
            rest = QRectF(filled.right() + MARGIN, bar.top(), bar.right() - filled.right() - MARGIN, bar.height())
            painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 140), max(hint.height(), BAR_HEIGHT + 2 * MARGIN))
