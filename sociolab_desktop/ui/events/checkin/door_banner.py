"""The big coloured message under the search field: who was just checked in, or why not."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.ui.events.checkin.door_texts import (
    INFO,
    OFFER,
    REFUSED,
    SUCCESS,
    BannerText,
)

# Background, text and border per kind: green reads "in", red "stop", amber "needs a decision".
COLOURS = {
    SUCCESS: ("#e3f4e8", "#0b5a26", "#2e9c52"),
    REFUSED: ("#fde7e5", "#9b1111", "#d93025"),
    OFFER: ("#fff3d1", "#6b4600", "#e3a008"),
    INFO: ("#eef1f6", "#26344a", "#8a9ab3"),
    "": ("transparent", "#6b7280", "transparent"),
}


class DoorBanner(QFrame):
    """Shows one BannerText at a time; `clear()` leaves the quiet "ready" hint."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="doorBanner")
        self.kind = ""
        self.headline = QLabel(objectName="doorBannerHeadline", wordWrap=True)
        self.detail = QLabel(objectName="doorBannerDetail", wordWrap=True)
        for label in (self.headline, self.detail):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.action = QPushButton(objectName="doorBannerAction")
        self.action.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search field
        self.action.clicked.connect(self.action_clicked)
        self.action.hide()
        self._ready_hint = ""

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(texts, 1)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        self.clear()

    def show_text(self, text: BannerText) -> None:
        self.kind = text.kind
        self.headline.setText(text.headline)
        self.detail.setText(text.detail)
        self.detail.setVisible(bool(text.detail))
        self.action.setText(text.action)
        self.action.setVisible(bool(text.action))
        self._paint()

    def clear(self) -> None:
        self.show_text(BannerText("", self._ready_hint))

    def set_ready_hint(self, text: str) -> None:
        self._ready_hint = text
        if not self.kind:
            self.headline.setText(text)

    def set_fonts(self, headline_points: float, detail_points: float) -> None:
        for label, points, bold in ((self.headline, headline_points, True), (self.detail, detail_points, False),
                                    (self.action, detail_points, True)):
            font = label.font()
            font.setPointSizeF(points)
            font.setBold(bold)
            label.setFont(font)

    def _paint(self) -> None:
        background, text, border = COLOURS.get(self.kind, COLOURS[""])
        headline_colour = text if self.kind else COLOURS[""][1]
        self.setStyleSheet(
            f"QFrame#doorBanner {{ background: {background}; border: 2px solid {border}; border-radius: 8px; }}"
            f" QLabel#doorBannerHeadline {{ color: {headline_colour}; }}"
            f" QLabel#doorBannerDetail {{ color: {text}; }}")
