"""The rows of a planned import as a table: row number, status (coloured), name, reasons.

Texts are made when a cell is painted, so a list of 10 000 rows costs nothing until it scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sociolab_desktop.core.services.importing import ImportPlan, PlannedRow
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.importing.import_text import (
    STATUS_COLOURS,
    needs_attention,
    row_name,
    row_reasons,
    status_text,
)

ROW, STATUS, NAME, REASONS = range(4)
HEADERS = (N_("Row"), N_("Status"), N_("Name"), N_("Why"))
REASON_SEPARATOR = "; "
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    def __init__(self, tr: Translator, parent=None) -> None:
        super().__init__(parent)
        self.tr = tr
        self.plan: ImportPlan | None = None
        self.rows: list[PlannedRow] = []
        self.problems_only = False
        self.allow_duplicates = False

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self._filter()
        self.endResetModel()

    def set_problems_only(self, problems_only: bool) -> None:
        self.beginResetModel()
        self.problems_only = problems_only
        self._filter()
        self.endResetModel()

    def set_allow_duplicates(self, allow: bool) -> None:
        self.allow_duplicates = allow
        self._repaint()

    def retranslate(self, tr: Translator) -> None:
        self.tr = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        self._repaint()

    def _filter(self) -> None:
        rows = self.plan.rows if self.plan is not None else ()
        self.rows = [row for row in rows if needs_attention(row)] if self.problems_only else list(rows)

    def _repaint(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))

    def planned_row(self, row: int) -> PlannedRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def reasons(self, row: PlannedRow) -> list[str]:
        return row_reasons(self.plan.kind, row, self.tr)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return self.tr.gettext(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:  # as the spreadsheet numbers its rows: no thousands separator
                return str(row.number)
            if column == STATUS:
                return status_text(row, self.tr, self.allow_duplicates)
            if column == NAME:
                return row_name(row)
            if column == REASONS:
                return REASON_SEPARATOR.join(self.reasons(row))
        elif role == Qt.ItemDataRole.ToolTipRole and column == REASONS:
            return "\n".join(self.reasons(row)) or None
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and column == STATUS:
            foreground, background = STATUS_COLOURS[row.status]
            return QBrush(QColor(foreground if role == Qt.ItemDataRole.ForegroundRole else background))
        elif role == Qt.ItemDataRole.UserRole:
            return row.number
        return None
