"""The page an area shows while it has nothing to show yet: its name and what will be there."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.areas import Area
from sociolab_desktop.ui.labels import area_title

NOT_BUILT_YET = N_("This part of SocioLab Desk is not built yet.")
BODY_WIDTH = 560


class EmptyState(QWidget):
    def __init__(self, area: Area, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setObjectName(f"emptyState_{area.key}")
        self.title_label = area_title("emptyStateTitle")
        self.body_label = QLabel(objectName="emptyStateBody")
        self.body_label.setWordWrap(True)
        self.note_label = QLabel(objectName="emptyStateNote")
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)  # the muted colour of the style, not a hard-coded grey

        # A column of readable width, centred: wrapped labels need a width to wrap at.
        column = QWidget(objectName="emptyStateColumn")
        column.setMaximumWidth(BODY_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.title_label)
        column_layout.addSpacing(14)
        column_layout.addWidget(self.body_label)
        column_layout.addSpacing(10)
        column_layout.addWidget(self.note_label)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self.title_label.setText(tr.gettext(self.area.title))
        self.body_label.setText(tr.gettext(self.area.description))
        self.note_label.setText(tr.gettext(NOT_BUILT_YET))
