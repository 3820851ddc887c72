"""The live counters beside the list: registered, present, walk-ins and still expected, in big numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from sociolab_desktop.core.domain.labels import translated
from sociolab_desktop.core.services.events.roster import CheckInCounters
from sociolab_desktop.i18n import N_, Translator


def _registered(tr: Translator) -> str:
    # How many are registered; the same English word is one registration's status elsewhere.
    return tr.pgettext("door counter", "Registered")


# (key, caption, colour of the number)
TILES = (
    ("registered", _registered, "#1f2937"),
    ("present", N_("Present"), "#0b6b2c"),
    ("walk_ins", N_("Walk-ins"), "#1d4ed8"),
    ("not_arrived", N_("Not arrived yet"), "#6b7280"),
)


class DoorCounters(QFrame):
    """Numbers read from a step away; `values` keeps what is shown (tests read it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="doorCounters")
        self.setStyleSheet("QFrame#doorCounters { background: #f7f8fa; border: 1px solid #d9dde3;"
                           " border-radius: 8px; }")
        self.values: dict[str, int] = {}
        self.captions: dict[str, QLabel] = {}
        self.numbers: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(0)
        for row, (key, _caption, colour) in enumerate(TILES):
            caption = QLabel(objectName=f"counterCaption_{key}")
            number = QLabel("–", objectName=f"counter_{key}")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setStyleSheet(f"color: {colour};")
            layout.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(number, row, 1)
            self.captions[key], self.numbers[key] = caption, number
        self.waiting = QLabel(objectName="counterWaiting", wordWrap=True)
        self.waiting.setStyleSheet("color: #6b4600;")
        layout.addWidget(self.waiting, len(TILES), 0, 1, 2)
        self._counters: CheckInCounters | None = None

    def show_counters(self, counters: CheckInCounters | None, tr: Translator) -> None:
        self._counters = counters
        if counters is None:
            self.values = {}
            for number in self.numbers.values():
                number.setText("–")
            self.waiting.hide()
            return
        self.values = {key: getattr(counters, key) for key, _caption, _colour in TILES}
        for key, value in self.values.items():
            self.numbers[key].setText(tr.format_number(value))
        self.waiting.setText(self._waiting_text(counters, tr))
        self.waiting.setVisible(bool(self.waiting.text()))

    def _waiting_text(self, counters: CheckInCounters, tr: Translator) -> str:
        parts = []
        if counters.waiting:
            parts.append(tr.ngettext("{count} on the waiting list", "{count} on the waiting list",
                                     counters.waiting).format(count=tr.format_number(counters.waiting)))
        if counters.capacity is not None:
            parts.append(tr.gettext("Places: {count}").format(count=tr.format_number(counters.capacity)))
        return " · ".join(parts)

    def retranslate(self, tr: Translator) -> None:
        for key, caption, _colour in TILES:
            self.captions[key].setText(translated(tr, caption))
        self.show_counters(self._counters, tr)

    def set_fonts(self, caption_points: float, number_points: float) -> None:
        for key in self.captions:
            font = self.captions[key].font()
            font.setPointSizeF(caption_points)
            self.captions[key].setFont(font)
            font = self.numbers[key].font()
            font.setPointSizeF(number_points)
            font.setBold(True)
            self.numbers[key].setFont(font)
        font = self.waiting.font()
        font.setPointSizeF(caption_points * 0.85)
        self.waiting.setFont(font)
