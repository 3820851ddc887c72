"""Table cells with a second, quieter line under the text (the model's SUBTEXT_ROLE)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from sociolab_desktop.ui.sync.text_table_model import SUBTEXT_ROLE

PADDING = 4


class TwoLineDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        subtext = index.data(SUBTEXT_ROLE)
        if not subtext:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)  # background

        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        main = item.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        quiet = main if selected else item.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        line = item.fontMetrics.height()
        area = item.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        painter.save()
        painter.setFont(item.font)
        for number, (words, colour) in enumerate(((text, main), (subtext, quiet))):
            rect = QRect(area.left(), area.top() + number * line, area.width(), line)
            painter.setPen(colour)
            elided = item.fontMetrics.elidedText(words, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 (Qt API)
        size = super().sizeHint(option, index)
        if index.data(SUBTEXT_ROLE):
            size.setHeight(max(size.height(), option.fontMetrics.height() * 2 + PADDING * 2))
        return size
