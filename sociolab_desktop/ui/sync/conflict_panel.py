"""Conflicts to review: each record and field with both values and where and when each was
written, and the two choices for the one selected."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.sync.conflicts import KEEP_WINNER, TAKE_OTHER
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.sync import sync_text
from sociolab_desktop.ui.sync.text_table_model import TextTableModel
from sociolab_desktop.ui.sync.two_line_delegate import PADDING, TwoLineDelegate
from sociolab_desktop.ui.labels import mute

COLUMNS = (N_("Record"), N_("Field"), N_("Kept value"), N_("Other value"))
RECORD, FIELD, KEPT, OTHER = range(len(COLUMNS))
MAX_VISIBLE_ROWS = 6  # more scroll inside the table; the choice buttons stay in sight


class ConflictPanel(QWidget):
    resolve_requested = Signal(str, str)  # conflict id, KEEP_WINNER or TAKE_OTHER

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictPanel")
        self._conflicts: list = []
        self._names: Mapping[str, str] = {}
        self._tr: Translator | None = None
        self._waiting = False  # a choice was sent: the buttons wait for the new list

        self.model = TextTableModel(COLUMNS, self)
        self.table = QTableView(objectName="conflictTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(TwoLineDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        row_height = self.table.fontMetrics().height() * 2 + PADDING * 3
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)

        self.selected_label = QLabel(objectName="selectedConflict", wordWrap=True)
        self.keep_button = QPushButton(objectName="keepButton")
        self.take_other_button = QPushButton(objectName="takeOtherButton")
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_WINNER))
        self.take_other_button.clicked.connect(lambda: self._choose(TAKE_OTHER))
        self.choice_row = QWidget(objectName="conflictChoice")
        row = QHBoxLayout(self.choice_row)
        row.setContentsMargins(0, 2, 0, 0)
        row.addWidget(self.selected_label, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.take_other_button)

        self.empty_label = QLabel(objectName="noConflicts", wordWrap=True)
        mute(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.choice_row)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        self._update_visibility()

    # --- data ------------------------------------------------------------------------------

    def set_conflicts(self, conflicts: list, names: Mapping[str, str], tr: Translator) -> None:
        """Show the open conflicts; the one selected before stays selected, or the one after it."""
        previous_key = self.current_conflict_id()
        previous_row = max(self.table.currentIndex().row(), 0)
        self._conflicts, self._names, self._tr = list(conflicts), names, tr
        self._waiting = False
        self._fill()
        shown = max(1, min(len(self._conflicts), MAX_VISIBLE_ROWS))
        frame = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(frame + self.table.verticalHeader().defaultSectionSize() * shown)
        if self._conflicts:
            row = self.model.row_of(previous_key) if previous_key else -1
            self._select(row if row >= 0 else min(previous_row, len(self._conflicts) - 1))
        self._update_visibility()

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self._tr = tr
        self.model.retranslate(tr)
        self.keep_button.setText(_("&Keep this value"))
        self.take_other_button.setText(_("&Use the other value"))
        self.empty_label.setText(_("Nothing to review: no two info points changed the same field at the same time."))
        key = self.current_conflict_id()
        self._fill()
        if key:
            self._select(self.model.row_of(key))
        self.keep_button.setToolTip(tr.gettext(
            "Keep the value the records show now; the other value is dismissed at every info point."))
        self.take_other_button.setToolTip(tr.gettext(
            "Use the other info point's value instead; the change reaches every info point at the next sync."))

    def current_conflict_id(self) -> str | None:
        return self.model.key(self.table.currentIndex().row())

    def _fill(self) -> None:
        if self._tr is None:
            return
        self.model.set_rows([
            (conflict.id, sync_text.conflict_row(self._tr, conflict, self._names)) for conflict in self._conflicts
        ])
        self._show_selected()

    def _select(self, row: int) -> None:
        if row < 0:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_selected(self, *_args) -> None:
        row = self.table.currentIndex().row()
        chosen = 0 <= row < self.model.rowCount()
        if chosen and self._tr is not None:
            self.selected_label.setText(self._tr.gettext("{record}, {field}: which value should stay?").format(
                record=self.model.text(row, RECORD), field=self.model.text(row, FIELD)))
        else:
            self.selected_label.setText("")
        self.keep_button.setEnabled(chosen and not self._waiting)
        self.take_other_button.setEnabled(chosen and not self._waiting)

    def _update_visibility(self) -> None:
        has_any = bool(self._conflicts)
        self.table.setVisible(has_any)
        self.choice_row.setVisible(has_any)
        self.empty_label.setVisible(not has_any)

    def _choose(self, choice: str) -> None:
        conflict_id = self.current_conflict_id()
        if conflict_id is None or self._waiting:
            return
        self._waiting = True
        self._show_selected()
        self.resolve_requested.emit(conflict_id, choice)
