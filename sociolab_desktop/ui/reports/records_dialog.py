"""The list behind one number of the indicators: what it counts (kind, name, date, info point,
detail), so staff can check it; a person, organisation or event opens in its own window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.services.results.counted import CountedRecord
from sociolab_desktop.core.services.results.definitions import ANY, COUNT, NETWORK, SUM
from sociolab_desktop.core.services.results.labels import (
    record_name,
    site_name,
    value_label,
)
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.reports.latest_only import LatestOnly
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the parent of every row: these are flat tables
KIND, NAME, DATE, SITE, DETAIL = range(5)
HEADERS = (N_("Kind"), N_("Name"), N_("Date"), N_("Info point"), N_("Detail"))
KIND_LABELS = {
    "site": N_("Info point"),
    "organisation": N_("Organisation"),
    "person": N_("Person"),
    "event": N_("Event"),
    "job": N_("Job"),
    "product": N_("Product"),
    "competition": N_("Competition"),
    "enrolment": N_("Enrolment"),
    "mentoring_session": N_("Mentoring session"),
}
LEAD_PARTNER = N_("Lead partner")
OPENABLE = ("person", "organisation", "event")
COLUMN_WIDTHS = {KIND: 130, NAME: 230, DATE: 95, SITE: 170}


class RecordListModel(QAbstractTableModel):
    """`site_names`: the info points' names by id, as people read them in the window's language."""

    def __init__(self, tr: Translator, site_names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._tr = tr
        self._site_names = site_names
        self.records: tuple[CountedRecord, ...] = ()

    def set_records(self, records) -> None:
        self.beginResetModel()
        self.records = tuple(records)
        self.endResetModel()

    def retranslate(self, tr: Translator, site_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._tr, self._site_names = tr, site_names
        self.endResetModel()

    def cell(self, record: CountedRecord, column: int) -> str:
        tr = self._tr
        if column == KIND:
            label = LEAD_PARTNER if record.category == "lead_partner" else KIND_LABELS.get(record.kind)
            return tr.gettext(label) if label else record.kind
        if column == NAME:
            return record_name(tr, record.name, record.erased)
        if column == DATE:
            return tr.format_date(record.date, "numeric") if record.date else ""
        if column == SITE:
            return self._site_names.get(record.site_id) or site_name(tr, record.site_id, None)
        return self.detail(record)

    def detail(self, record: CountedRecord) -> str:
        """What else tells the record apart: its stage or kind, the programme or person, hours."""
        tr = self._tr
        parts = [value_label(tr, record.category) if record.category else "", record.detail or ""]
        if record.amount is not None:
            parts.append(tr.hours_in_words(record.amount))
        return " · ".join(part for part in parts if part)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(self.records[index.row()], index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._tr.gettext(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def count_text(tr: Translator, aggregate: str, records: tuple[CountedRecord, ...]) -> str:
    """How the number follows from its list: the records when it counts them; otherwise what it
    makes of them (the network is 1 once the lead partner and an info point are listed, a
    programme run is 1 with one enrolment or more, the hours are the sessions' sum)."""
    count = len(records)
    number = tr.format_number(count)
    if aggregate == NETWORK:
        points = sum(1 for record in records if record.category == "info_point")
        if points and any(record.category == "lead_partner" for record in records):
            return tr.ngettext("Counted as 1 network: the lead partner and {count} info point",
                               "Counted as 1 network: the lead partner and {count} info points",
                               points).format(count=tr.format_number(points))
        return tr.gettext("Counted as 0: the network needs the lead partner and at least one info point.")
    if aggregate == ANY:
        if not count:
            return tr.gettext("Counted as 0: nothing listed.")
        return tr.ngettext("{count} record; counted as 1 when at least one is listed",
                           "{count} records; counted as 1 when at least one is listed", count).format(count=number)
    text = tr.ngettext("{count} record", "{count} records", count).format(count=number)
    if aggregate == SUM:
        text = tr.gettext("{records}, {amount} in total").format(
            records=text, amount=tr.hours_in_words(sum(record.amount or 0 for record in records)))
    return text


class _FoldedFilter(QSortFilterProxyModel):
    """Rows whose text holds every typed word, ignoring case and accents ("ceh" finds "Čeh")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.words = fold(text).split()
            self.endFilterChange()
        else:
            self.words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        record = model.records[row]
        text = fold(" ".join(model.cell(record, column) for column in range(len(HEADERS))))
        return all(word in text for word in self.words)


class RecordsDialog(QDialog):
    """`load()` runs in a worker and returns the CountedRecords. `heading(tr)` names the number
    (indicator, info point, period, value) and `site_names(tr)` the info points, in tr's language;
    `aggregate` (definitions.py) how the number is made of the list, said above it."""

    loaded = Signal()

    def __init__(self, ctx: ShellContext, load: Callable[[], Any], *, heading: Callable[[Translator], str],
                 site_names: Callable[[Translator], dict[str, str]], aggregate: str = COUNT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsDialog")
        self.aggregate = aggregate
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self._heading, self._site_names = heading, site_names
        self.windows: list[QWidget] = []  # windows opened from here (tests reach them)

        self.heading = QLabel(objectName="recordsHeading", wordWrap=True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label = QLabel(objectName="recordsCount")
        self.filter_edit = QLineEdit(objectName="recordsFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.model = RecordListModel(ctx.tr, site_names(ctx.tr), self)
        self.proxy = _FoldedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="recordsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._on_activated)
        self.filter_edit.textChanged.connect(self._on_filter_changed)

        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("recordsOpenButton")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_current)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.filter_edit.setFocus)

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.filter_edit, self.table)
        QWidget.setTabOrder(self.table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.close_button)
        self.resize(900, 520)
        self.loading = True
        self.runner = LatestOnly(ctx, self)
        self.runner.finished.connect(self._on_loaded)
        self.runner.failed.connect(self._on_failed)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.runner.request(load)
        self.table.setFocus()

    # --- loading ---------------------------------------------------------------------------

    def _on_loaded(self, records) -> None:
        self.loading = False
        self.model.set_records(records)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, NAME))
        self._show_count()
        self._update_buttons()
        log.info("Records behind a number listed: %d", len(self.model.records))
        self.loaded.emit()

    def _on_failed(self, error) -> None:
        self.loading = False
        self.count_label.setText(error.render(self.ctx.tr))

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        tr = self.ctx.tr
        if self.loading:
            self.count_label.setText(tr.gettext("Reading the records…"))
            return
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = count_text(tr, self.aggregate, self.model.records)
        if shown != total:
            text += " · " + tr.gettext("{count} shown").format(count=tr.format_number(shown))
        self.count_label.setText(text)

    # --- opening ---------------------------------------------------------------------------

    def current_record(self) -> CountedRecord | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.records[self.proxy.mapToSource(index).row()]

    def _update_buttons(self, *_args) -> None:
        record = self.current_record()
        self.open_button.setEnabled(record is not None and record.kind in OPENABLE and not record.erased)

    def _on_activated(self, _index: QModelIndex) -> None:
        self.open_current()

    def open_current(self) -> QWidget | None:
        record = self.current_record()
        if record is None or record.kind not in OPENABLE or record.erased:
            return None
        parent = self.parentWidget() or self
        if record.kind == "person":
            from sociolab_desktop.ui.persons.person_window import open_person_window

            window = open_person_window(self.ctx, record.record_id, parent)
        elif record.kind == "organisation":
            from sociolab_desktop.ui.organisations.organisation_window import (
                OrganisationWindow,
            )

            window = OrganisationWindow(self.ctx, record.record_id, parent)
            window.show()
        else:
            from sociolab_desktop.ui.events.event_window import open_event_window

            window = open_event_window(self.ctx, record.record_id, parent)
        window.raise_()
        window.activateWindow()
        self.windows.append(window)
        return window

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("What the number counts"))
        self.heading.setText(self._heading(tr))
        self.filter_edit.setPlaceholderText(_("Filter the list"))
        self.open_button.setText(_("Open"))
        self.open_button.setToolTip(_("Open the person, organisation or event in its own window (Enter)."))
        self.close_button.setText(_("Close"))
        self.model.retranslate(tr, self._site_names(tr))
        self._show_count()
