"""The ESF participant data tab: the funder's summary table (participants per category at entry,
by gender) for the chosen programme period, and the participants whose record still misses
required ESF data, each opened to complete it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.results.esf import EsfParticipant, EsfReport
from sociolab_desktop.core.services.results.esf_sets import ESF_SETS
from sociolab_desktop.core.services.results.labels import FIELD_LABELS
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_HEADERS = (N_("Category"), N_("Total"))
MISSING_HEADERS = (N_("Name"), N_("Entry date"), N_("Missing data"))
NUMBER_WIDTH = 56
MISSING_WIDTHS = (150, 90)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows tall enough for `column`'s text wrapped to its width (a tree view asks its delegate
    for a height without telling it the column's width)."""

    def __init__(self, tree: QTreeWidget, column: int) -> None:
        super().__init__(tree)
        self.tree, self.column = tree, column

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != self.column:
            return hint
        width = self.tree.columnWidth(self.column) - 6  # the text margins
        if self.column == 0 and self.tree.rootIsDecorated():
            width -= self.tree.indentation() * (2 if index.parent().isValid() else 1)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        needed = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 40), 10_000),
                                                 Qt.TextFlag.TextWordWrap, text).height() + 4
        return QSize(hint.width(), max(hint.height(), needed))


class EsfPage(QWidget):
    programme_period_changed = Signal(str)
    records_changed = Signal()  # a participant's record was completed here: count again

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("esfPage")
        self.ctx = ctx
        self.report: EsfReport | None = None
        self.windows: list[QWidget] = []  # forms and windows opened from the list (tests reach them)

        self.period_combo = QComboBox(objectName="esfProgrammePeriod")
        for key in ESF_SETS:
            self.period_combo.addItem("", key)
        self.period_combo.activated.connect(self._on_period_chosen)
        self.period_label = QLabel(buddy=self.period_combo)
        self.count_label = QLabel(objectName="esfCount")

        self.summary = QTreeWidget(objectName="esfSummary")
        self.summary.setAlternatingRowColors(True)
        self.summary.setWordWrap(True)
        self.summary.setUniformRowHeights(False)
        self.summary.setItemDelegate(_WrappingDelegate(self.summary, 0))
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Long category names wrap; rows are laid out again when the column's width changes.
        self.summary.header().sectionResized.connect(
            lambda column, *_sizes: column == 0 and self.summary.scheduleDelayedItemsLayout())

        self.missing_heading = section_heading("esfMissingHeading")
        self.missing_note = QLabel(objectName="esfMissingNote", wordWrap=True)
        self.missing_note.setEnabled(False)
        self.missing = QTreeWidget(objectName="esfMissing")
        self.missing.setRootIsDecorated(False)
        self.missing.setAlternatingRowColors(True)
        # One line per person, however much is missing (the whole list is in the tooltip).
        self.missing.setUniformRowHeights(True)
        self.missing.setColumnCount(len(MISSING_HEADERS))
        for column, width in enumerate(MISSING_WIDTHS):
            self.missing.header().resizeSection(column, width)
        self.missing.itemActivated.connect(lambda *_: self.complete_current())
        self.missing.currentItemChanged.connect(self._update_buttons)
        self.complete_button = QPushButton(objectName="esfCompleteButton")
        self.complete_button.clicked.connect(self.complete_current)
        self.open_button = QPushButton(objectName="esfOpenPersonButton")
        self.open_button.clicked.connect(self.open_current)

        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period_combo)
        top.addSpacing(16)
        top.addWidget(self.count_label, 1)
        missing_box = QWidget()
        missing_layout = QVBoxLayout(missing_box)
        missing_layout.setContentsMargins(0, 0, 0, 0)
        missing_layout.addWidget(self.missing_heading)
        missing_layout.addWidget(self.missing_note)
        missing_layout.addWidget(self.missing, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        missing_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.summary)
        self.splitter.addWidget(missing_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.period_combo, self.summary)
        QWidget.setTabOrder(self.summary, self.missing)
        QWidget.setTabOrder(self.missing, self.complete_button)
        QWidget.setTabOrder(self.complete_button, self.open_button)
        self._update_buttons()
        self.retranslate(ctx.tr)

    # --- the programme period ----------------------------------------------------------------

    def programme_period(self) -> str:
        return self.period_combo.currentData()

    def set_programme_period(self, key: str) -> None:
        index = self.period_combo.findData(key)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def _on_period_chosen(self, _row: int) -> None:
        self.programme_period_changed.emit(self.programme_period())

    # --- showing a report ------------------------------------------------------------------

    def show_report(self, report: EsfReport | None) -> None:
        """None: nothing counted (the period cannot be counted)."""
        self.report = report
        self._fill(self.ctx.tr)

    def _fill(self, tr: Translator) -> None:
        report = self.report
        self.summary.clear()
        self.missing.clear()
        genders = report.esf_set.gender_labels(tr) if report else []
        self.summary.setColumnCount(len(SUMMARY_HEADERS) + len(genders))
        self.summary.setHeaderLabels([tr.gettext(text) for text in SUMMARY_HEADERS] + genders)
        header = self.summary.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The numbers' columns as wide as their heading ("Non-binary", "Nebinarne") or numbers need.
        header.setMinimumSectionSize(NUMBER_WIDTH)
        for column in range(1, self.summary.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if report is None:
            self.count_label.setText("")
            self._update_buttons()
            return
        self._fill_summary(tr, report)
        self._fill_missing(tr, report.missing)
        participants, missing = len(report.participants), len(report.missing)
        self.count_label.setText(
            tr.ngettext("{count} participant", "{count} participants", participants).format(
                count=tr.format_number(participants)) + " · " +
            tr.ngettext("{count} misses required ESF data", "{count} miss required ESF data", missing).format(
                count=tr.format_number(missing)))
        self._update_buttons()

    def _fill_summary(self, tr: Translator, report: EsfReport) -> None:
        titles = {group.key: tr.gettext(group.title) for group in report.esf_set.groups}
        groups: dict[str, QTreeWidgetItem] = {}
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row in report.rows:
            values = [row.text(tr), tr.format_number(row.total), *(tr.format_number(n) for n in row.counts)]
            if row.group in titles:
                parent = groups.get(row.group)
                if parent is None:
                    parent = groups[row.group] = QTreeWidgetItem(self.summary, [titles[row.group]])
                    parent.setFirstColumnSpanned(True)
                    _bold(parent, 0)
                    parent.setExpanded(True)
                item = QTreeWidgetItem(parent, values)
            else:
                item = QTreeWidgetItem(self.summary, values)
                for column in range(len(values)):
                    _bold(item, column)
            item.setData(0, ID_ROLE, row.key)
            item.setToolTip(0, values[0])
            for column in range(1, len(values)):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row.kind in ("not_recorded", "declined"):
                for column in range(len(values)):
                    item.setForeground(column, muted)
        self.summary.expandAll()

    def _fill_missing(self, tr: Translator, people: tuple[EsfParticipant, ...]) -> None:
        items = []
        for person in people:
            fields = ", ".join(tr.gettext(FIELD_LABELS.get(name, name)) for name in person.missing)
            entry = tr.format_date(person.entry_date, "numeric") if person.entry_date else ""
            item = QTreeWidgetItem([person.name, entry, fields])
            item.setData(0, ID_ROLE, person.person_id)
            item.setToolTip(0, person.programme or "")
            item.setToolTip(2, fields)
            items.append(item)
        self.missing.addTopLevelItems(items)
        if items:
            self.missing.setCurrentItem(items[0])

    # --- completing a record ---------------------------------------------------------------

    def current_person_id(self) -> str | None:
        item = self.missing.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _update_buttons(self, *_args) -> None:
        has_person = self.current_person_id() is not None
        self.complete_button.setEnabled(has_person)
        self.open_button.setEnabled(has_person)

    def complete_current(self):
        """The person's form, to fill in what the ESF needs; counted again once saved."""
        person_id = self.current_person_id()
        if person_id is None:
            return None
        from sociolab_desktop.ui.persons.person_form import PersonFormDialog

        log.info("Person %s opened to complete ESF data", person_id)
        form = PersonFormDialog(self.ctx, person_id, self.window())
        form.saved.connect(lambda _id: self.records_changed.emit())
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()
        self.windows.append(form)
        return form

    def open_current(self):
        person_id = self.current_person_id()
        if person_id is None:
            return None
        from sociolab_desktop.ui.persons.person_window import open_person_window

        window = open_person_window(self.ctx, person_id, self.window())
        window.changed.connect(lambda _id: self.records_changed.emit())
        self.windows.append(window)
        return window

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.period_label.setText(_("Programme period:"))
        for row in range(self.period_combo.count()):
            self.period_combo.setItemText(row, _(ESF_SETS[self.period_combo.itemData(row)].title))
        self.period_combo.setToolTip(_("The ESF common indicators of this programme period: 2014–2020 for the "
                                       "SocioLab operation, 2021–2027 (ESF+) for operations of the new period."))
        self.missing_heading.setText(_("Missing ESF data"))
        self.missing_note.setText(_("Participants whose record lacks data the ESF summary needs. Open one "
                                    "(Enter or a double-click) to complete it; the table counts again."))
        self.missing.setHeaderLabels([_(text) for text in MISSING_HEADERS])
        self.complete_button.setText(_("Complete the record…"))
        self.complete_button.setToolTip(_("Open the chosen participant's form to fill in the missing ESF data; the "
                                          "table counts again once it is saved."))
        self.open_button.setText(_("Open the person"))
        self.open_button.setToolTip(_("Open the chosen participant's window with everything recorded about them."))
        self._fill(tr)


def _bold(item: QTreeWidgetItem, column: int) -> None:
    font = item.font(column)
    font.setBold(True)
    item.setFont(column, font)
