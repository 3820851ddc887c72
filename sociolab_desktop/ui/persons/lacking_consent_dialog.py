"""Who lacks a valid consent to data processing: a count and a list read page by page as it scrolls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services import consents
from sociolab_desktop.core.services.consents import PersonLackingConsent
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import area_title, mute
from sociolab_desktop.ui.shell_context import ShellContext

PAGE_SIZE = 200
COLUMNS = (N_("Surname"), N_("First name"), N_("First contact"), N_("Withdrew on"), N_("Info point"))
SCOPES = (N_("This info point"), N_("All info points"))
Index = QModelIndex | QPersistentModelIndex


def load_first_page(store, today: dt.date, site_id: str | None, limit: int):
    """In a worker: how many lack consent, the first page of them, and the info points' names."""
    from sociolab_desktop.core.services.sites import list_sites

    total = consents.count_persons_lacking_consent(store, today, site_id=site_id)
    rows = consents.persons_lacking_consent(store, today, limit=limit, site_id=site_id) if total else []
    return total, rows, {site.id: site.name for site in list_sites(store)}


class LackingConsentModel(QAbstractTableModel):
    """Keeps the rows fetched so far; the view asks for the next page near the end."""

    count_changed = Signal()

    def __init__(self, ctx: ShellContext, parent=None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.rows: list[PersonLackingConsent] = []
        self.total: int | None = None
        self.site_names: dict[str, str] = {}
        self._generation = 0
        self._fetching = False
        self._query: tuple[dt.date, str | None] = (dt.date.today(), None)
        self._tr = ctx.tr

    def load(self, site_id: str | None) -> None:
        """Start again (a new scope, a refresh): pages of an older load are dropped on arrival."""
        self._generation += 1
        generation, store = self._generation, self.ctx.workspace.store
        self._query = (dt.date.today(), site_id)
        today, limit = self._query[0], self.page_size
        self.beginResetModel()
        self.rows, self.total, self._fetching = [], None, True
        self.endResetModel()
        self.count_changed.emit()
        self.ctx.operations.run(lambda: load_first_page(store, today, site_id, limit),
                                on_success=lambda result: self._on_first(generation, result), owner=self)

    def _on_first(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        total, rows, self.site_names = result
        self._fetching = False
        self.beginResetModel()
        self.rows, self.total = list(rows), total
        self.endResetModel()
        self.count_changed.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and not self._fetching and self.total is not None and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 (Qt API)
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, store = self._generation, self.ctx.workspace.store
        (today, site_id), offset, limit = self._query, len(self.rows), self.page_size
        self.ctx.operations.run(
            lambda: consents.persons_lacking_consent(store, today, offset=offset, limit=limit, site_id=site_id),
            on_success=lambda rows: self._on_page(generation, rows), owner=self)

    def _on_page(self, generation: int, rows: list[PersonLackingConsent]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    @property
    def idle(self) -> bool:
        return not self._fetching

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._tr.gettext(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        tr = self._tr
        values = (row.last_name, row.first_name,
                  tr.format_date(row.first_contact_date, "numeric") if row.first_contact_date else "",
                  tr.format_date(row.withdrawn_on, "numeric") if row.withdrawn_on else "",
                  self.site_names.get(row.site_id, ""))
        return values[index.column()]

    def person_id(self, row: int) -> str | None:
        return self.rows[row].person_id if 0 <= row < len(self.rows) else None


class LackingConsentDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lackingConsentDialog")
        self.ctx = ctx
        self.title = area_title("lackingConsentTitle")
        self.note = QLabel(wordWrap=True)
        mute(self.note)
        self.scope_combo = QComboBox(objectName="lackingConsentScope")
        self.scope_combo.addItem("", ctx.settings.site_id)
        self.scope_combo.addItem("", None)
        self.scope_combo.activated.connect(self.reload)
        self.count_label = QLabel(objectName="lackingConsentCount")
        self.model = LackingConsentModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table = QTableView(objectName="lackingConsentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate((170, 140, 110, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open_person(index.row()))
        self.open_button = QPushButton(objectName="openPerson")
        self.open_button.clicked.connect(lambda: self.open_person(self.table.currentIndex().row()))
        self.close_button = QPushButton(objectName="closeLackingConsent")
        self.close_button.clicked.connect(self.accept)
        for button in (self.open_button, self.close_button):
            button.setAutoDefault(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        self.windows: list[QWidget] = []

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.scope_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(860, 560)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.reload()

    def reload(self, *_args) -> None:
        self.model.load(self.scope_combo.currentData())

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Without valid consent"))
        self.title.setText(_("Without valid consent"))
        self.note.setText(_("Persons with no valid consent to processing of personal data: never given, or "
                            "withdrawn. Open a person to record their consent or print the form to sign."))
        for row, text in enumerate(SCOPES):
            self.scope_combo.setItemText(row, _(text))
        self.open_button.setText(_("Open person"))
        self.close_button.setText(_("Close"))
        self.model.retranslate(tr)
        self._show_count()

    def _show_count(self) -> None:
        tr, total = self.ctx.tr, self.model.total
        if total is None:
            self.count_label.setText(tr.gettext("Reading…"))
        else:
            self.count_label.setText(tr.ngettext("{count} person without valid consent",
                                                 "{count} persons without valid consent", total)
                                     .format(count=tr.format_number(total)))

    def open_person(self, row: int):
        from sociolab_desktop.ui.persons.person_window import open_person_window

        person_id = self.model.person_id(row)
        if person_id is None:
            return None
        window = open_person_window(self.ctx, person_id, self.parentWidget() or self)
        if window not in self.windows:  # a consent recorded there takes the person off this list
            window.changed.connect(self.reload)
            self.windows.append(window)
        return window
