"""The door's search field (keys that move the list's highlight) and the list of registrations found."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from sociolab_desktop.core.domain.enums import RegistrationStatus
from sociolab_desktop.core.services.events.roster import RosterEntry
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.events.checkin.door_texts import (
    INFO,
    OFFER,
    SUCCESS,
    entry_kind,
    entry_state,
)

COLUMNS = (N_("Name"), N_("Organisation or municipality"), N_("Code"), N_("State"))
NAME, AFFILIATION, CODE, STATE = range(len(COLUMNS))
ROW_COLOURS = {SUCCESS: "#0b6b2c", OFFER: "#8a5a00", INFO: "#7a7f87"}
_MOVES = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}


class DoorSearchField(QLineEdit):
    """Keeps the focus all the time: Up/Down/PageUp/PageDown move the list's highlight, Esc
    clears, Ctrl+Z undoes the last check-in (QLineEdit would take it for its own undo). Enter
    arrives as QLineEdit's returnPressed."""

    moved = Signal(int)  # rows to move the highlight by
    escaped = Signal()
    undo_requested = Signal()  # Ctrl+Z: the window's undo, not the line edit's own

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        step = _MOVES.get(event.key())
        if step is not None:
            self.moved.emit(step)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class RosterList(QTreeWidget):
    """The registrations found for what is typed; never takes the focus from the search field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="doorRoster")
        self.entries: list[RosterEntry] = []
        self.setColumnCount(len(COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)  # fast to lay out, whatever the font size
        self.setAlternatingRowColors(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFFILIATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)

    def set_entries(self, entries: list[RosterEntry], tr: Translator) -> None:
        self.entries = list(entries)
        self.clear()
        items = []
        for entry in self.entries:
            item = QTreeWidgetItem()
            self._fill(item, entry, tr)
            items.append(item)
        self.addTopLevelItems(items)
        if items:
            self.setCurrentItem(items[self._first_to_admit()])

    def _first_to_admit(self) -> int:
        """The row Enter should act on: the first registered person not yet in, else the first row
        (a present person's row then answers "already checked in", which is what staff need to know)."""
        return next((row for row, entry in enumerate(self.entries)
                     if entry.status == RegistrationStatus.REGISTERED and not entry.is_present), 0)

    def retranslate(self, tr: Translator) -> None:
        self.setHeaderLabels([tr.gettext(title) for title in COLUMNS])
        for row, entry in enumerate(self.entries):
            self._fill(self.topLevelItem(row), entry, tr)

    def _fill(self, item: QTreeWidgetItem, entry: RosterEntry, tr: Translator) -> None:
        item.setText(NAME, entry.full_name)
        item.setText(AFFILIATION, entry.affiliation)
        item.setText(CODE, entry.code)
        item.setText(STATE, entry_state(tr, entry))
        colour = ROW_COLOURS.get(entry_kind(entry))
        if colour:
            item.setForeground(STATE, QBrush(QColor(colour)))
        state_font = QFont(self.font())  # the list's current size: fonts grow with the window
        state_font.setBold(entry.is_present)
        item.setFont(STATE, state_font)

    def set_point_size(self, points: float, tr: Translator) -> None:
        font = self.font()
        font.setPointSizeF(points)
        self.setFont(font)
        self.retranslate(tr)

    def current_entry(self) -> RosterEntry | None:
        row = self.indexOfTopLevelItem(self.currentItem()) if self.currentItem() is not None else -1
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def move_highlight(self, step: int) -> None:
        if not self.entries:
            return
        row = self.indexOfTopLevelItem(self.currentItem()) if self.currentItem() is not None else -1
        row = max(0, min(len(self.entries) - 1, row + step))
        self.setCurrentItem(self.topLevelItem(row))
        self.scrollToItem(self.topLevelItem(row))
