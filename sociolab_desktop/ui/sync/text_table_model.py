"""A read-only table of ready-made texts with a key per row (the Sync area's three lists).

The words are made by ui/sync/sync_text.py from plain data; this model only shows them, with
the whole text as a tooltip where a column is too narrow for it. A cell may carry a second,
quieter line (a conflict's value, then where and when it was written): `(text, subtext)`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sociolab_desktop.i18n import Translator

Index = QModelIndex | QPersistentModelIndex
Cell = str | tuple[str, str]
SUBTEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class TextTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent=None) -> None:
        """`headers`: message ids (N_), translated by `retranslate`."""
        super().__init__(parent)
        self._header_ids = list(headers)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._keys: list[str] = []

    def set_rows(self, rows: Sequence[tuple[str, Sequence[Cell]]]) -> None:
        """(key, cells) per row; the view keeps no stale selection (a model reset)."""
        self.beginResetModel()
        self._keys = [key for key, _cells in rows]
        self._rows = [[cell if isinstance(cell, tuple) else (cell, "") for cell in cells] for _key, cells in rows]
        self.endResetModel()

    def retranslate(self, tr: Translator) -> None:
        self._headers = [tr.gettext(header) for header in self._header_ids]
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def key(self, row: int) -> str | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column][0]

    def subtext(self, row: int, column: int) -> str:
        return self._rows[row][column][1]

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._header_ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text, subtext = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{text}\n{subtext}" if subtext else text
        if role == SUBTEXT_ROLE:
            return subtext
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
