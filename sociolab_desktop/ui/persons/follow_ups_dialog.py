"""Follow-ups due: contacts whose promised follow-up is overdue or near, to mark done or act on."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import CONTACT_TOPICS, labels
from sociolab_desktop.core.services import contacts
from sociolab_desktop.core.services.contacts import ContactRecord
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import area_title
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

COLUMNS = (N_("Due"), N_("Person or organisation"), N_("Topics"), N_("Staff member"), N_("Contact on"))
OVERDUE = QColor("#b00020")
SCOPES = (N_("This info point"), N_("All info points"))


class FollowUpsDialog(QDialog):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsDialog")
        self.ctx = ctx
        self.records: list[ContactRecord] = []
        self.today = dt.date.today()
        self.loading = False
        self.windows: list[QWidget] = []  # person windows opened from here (their saves refresh the list)

        self.title = area_title("followUpsTitle")
        self.scope_combo = QComboBox(objectName="followUpsScope")
        self.scope_combo.addItem("", ctx.settings.site_id)
        self.scope_combo.addItem("", None)
        self.scope_combo.activated.connect(self.reload)
        self.count_label = QLabel(objectName="followUpsCount")
        self.table = QTableWidget(0, len(COLUMNS), objectName="followUpsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate((120, 220, 300, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.done_button = QPushButton(objectName="markDone")
        self.open_button = QPushButton(objectName="openPerson")
        self.edit_button = QPushButton(objectName="editContact")
        self.close_button = QPushButton(objectName="closeFollowUps")
        self.done_button.clicked.connect(self.mark_done)
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button.clicked.connect(self.accept)
        for button in (self.done_button, self.open_button, self.edit_button, self.close_button):
            button.setAutoDefault(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.scope_combo)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.open_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1000, 560)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self._update_buttons()
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self, *_args) -> None:
        store, site_id = self.ctx.workspace.store, self.scope_combo.currentData()
        self.today = today = dt.date.today()
        self.loading = True
        self.ctx.operations.run(lambda: contacts.follow_ups_due(store, today, site_id),
                                on_success=self._show_records, owner=self)

    def _show_records(self, records: list[ContactRecord]) -> None:
        selected = self.selected()
        self.loading = False
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for column in range(len(COLUMNS)):
                if self.table.item(row, column) is None:
                    self.table.setItem(row, column, QTableWidgetItem())
            if selected is not None and record.id == selected.id:
                self.table.selectRow(row)
        self.retranslate(self.ctx.tr)
        self._update_buttons()

    def selected(self) -> ContactRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def _update_buttons(self) -> None:
        record = self.selected()
        self.done_button.setEnabled(record is not None)
        self.edit_button.setEnabled(record is not None)
        self.open_button.setEnabled(record is not None and record.person_id is not None)

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Follow-ups due"))
        self.title.setText(_("Follow-ups due"))
        for row, text in enumerate(SCOPES):
            self.scope_combo.setItemText(row, _(text))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.done_button.setText(_("Mark done"))
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))  # after setText, which resets it
        self.done_button.setToolTip(self.done_button.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        self.open_button.setText(_("Open person"))
        self.edit_button.setText(_("Edit contact…"))
        self.close_button.setText(_("Close"))
        overdue = sum(1 for record in self.records if record.follow_up_on < self.today)
        horizon = self.today + dt.timedelta(days=contacts.FOLLOW_UP_DAYS_AHEAD)
        count = tr.ngettext("{count} follow-up due by {date}", "{count} follow-ups due by {date}",
                            len(self.records)).format(count=tr.format_number(len(self.records)),
                                                      date=tr.format_date(horizon))
        if overdue:
            count += " · " + tr.ngettext("{count} overdue", "{count} overdue", overdue).format(
                count=tr.format_number(overdue))
        self.count_label.setText(_("Reading…") if self.loading and not self.records else count)
        for row, record in enumerate(self.records):
            self._show_row(row, record, tr)

    def _show_row(self, row: int, record: ContactRecord, tr: Translator) -> None:
        _ = tr.gettext
        party = record.person_name or ""
        if record.organisation_name:
            party = f"{party} ({record.organisation_name})" if party else record.organisation_name
        cells = (tr.format_date(record.follow_up_on, "numeric"), party, labels(tr, CONTACT_TOPICS, record.topics),
                 record.staff_name or "", tr.format_date(record.contact_date, "numeric"))
        for column, text in enumerate(cells):
            self.table.item(row, column).setText(text)
            self.table.item(row, column).setToolTip(record.description or "")
        due = self.table.item(row, 0)
        font = due.font()
        font.setBold(record.follow_up_on <= self.today)
        due.setFont(font)
        if record.follow_up_on < self.today:
            due.setForeground(QBrush(OVERDUE))
            due.setToolTip(_("Overdue since {date}").format(date=tr.format_date(record.follow_up_on)))
        else:
            due.setData(Qt.ItemDataRole.ForegroundRole, None)

    def is_overdue_marked(self, row: int) -> bool:
        brush = self.table.item(row, 0).foreground()
        return brush.color() == OVERDUE and self.table.item(row, 0).font().bold()

    # --- actions ---------------------------------------------------------------------------

    def mark_done(self) -> None:
        record = self.selected()
        if record is None:
            return
        store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
        log.info("Follow-up of contact %s marked done", record.id)
        self.done_button.setEnabled(False)
        self.ctx.operations.run(lambda: contacts.set_follow_up_done(store, actor, record.id),
                                on_success=self.reload, on_failure=self._on_failed, owner=self)

    def _on_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.ctx.operations.report_error(error)
        self.reload()

    def open_selected(self):
        from sociolab_desktop.ui.persons.person_window import open_person_window

        record = self.selected()
        if record is None or record.person_id is None:
            return self.edit_selected()  # an organisation's contact: its details are all there is here
        window = open_person_window(self.ctx, record.person_id, self.parentWidget() or self)
        if window not in self.windows:  # an open window is brought forward, already connected
            window.changed.connect(self.reload)
            self.windows.append(window)
        return window

    def edit_selected(self):
        from sociolab_desktop.ui.persons.contact_dialog import ContactDialog

        record = self.selected()
        if record is None:
            return None
        dialog = ContactDialog(self.ctx, contact_id=record.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.reload)
        dialog.open()
        return dialog
