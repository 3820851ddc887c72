"""A drawing of the top of a printed page: the chosen logos at their height beside the title."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# The header as core/documents/base.py lays it out on A4: 16 mm side margins, 4 mm between
# logos, logos at most 60 % of the width (they shrink together beyond that), the title right.
PAGE_WIDTH_MM = 210.0
MARGIN_MM = 16.0
LOGO_GAP_MM = 4.0
LOGOS_MAX_SHARE = 0.6
BAND_MM = 36.0  # how much of the page's top the drawing shows


class DocumentHeaderPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentHeaderPreview")
        self.images: list[QImage] = []
        self.height_mm = 14.0
        self.title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(90)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(520, 110)

    def show_header(self, images: list[QImage], height_mm: float, title: str) -> None:
        self.images, self.height_mm, self.title = list(images), height_mm, title
        self.update()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return round(width * BAND_MM / PAGE_WIDTH_MM)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The page: as wide as the widget allows, its top BAND_MM shown.
        scale = min(self.width() / PAGE_WIDTH_MM, self.height() / BAND_MM)
        page = QRectF(0, 0, PAGE_WIDTH_MM * scale, BAND_MM * scale)
        page.moveCenter(QRectF(self.rect()).center())
        painter.fillRect(page, QColor("white"))
        painter.setPen(QPen(QColor("#9a9a9a")))
        painter.drawRect(page.adjusted(0, 0, -1, -1))

        usable = (PAGE_WIDTH_MM - 2 * MARGIN_MM) * scale
        left, top = page.left() + MARGIN_MM * scale, page.top() + 8 * scale
        height = self.height_mm * scale
        sizes = [(image.width() / image.height() * height, height) for image in self.images if not image.isNull()]
        natural = sum(width for width, _height in sizes) + LOGO_GAP_MM * scale * max(0, len(sizes) - 1)
        shrink = min(1.0, usable * LOGOS_MAX_SHARE / natural) if natural else 1.0
        x = left
        for image, (width, logo_height) in zip((i for i in self.images if not i.isNull()), sizes, strict=True):
            painter.drawImage(QRectF(x, top, width * shrink, logo_height * shrink), image)
            x += (width + LOGO_GAP_MM * scale) * shrink
        band = max(height * shrink, 6 * scale)
        title_left = x + 6 * scale if sizes else left
        font = painter.font()
        font.setPixelSize(max(8, round(4.5 * scale)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#444444"))
        painter.drawText(QRectF(title_left, top, left + usable - title_left, band),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         self.title)
        painter.setPen(QPen(QColor("#777777"), max(1.0, 0.3 * scale)))
        rule = top + band + 2 * scale
        painter.drawLine(round(left), round(rule), round(left + usable), round(rule))
        painter.end()
