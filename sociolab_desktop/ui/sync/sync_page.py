"""The Sync area's page: the shared folder, the state of the exchange, the other info points,
files held back and conflicts to review, and "Sync now"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.labels import area_title, mute, section_heading
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.sync import sync_text
from sociolab_desktop.ui.sync.conflict_panel import ConflictPanel
from sociolab_desktop.ui.sync.controller import SyncController
from sociolab_desktop.ui.sync.elided_label import ElidedLabel
from sociolab_desktop.ui.sync.text_table_model import TextTableModel

AREA = next(area for area in AREAS if area.key == "sync")
STATE_MIN_WIDTH = 430
SITE_COLUMNS = (N_("Info point"), N_("Last sync"), N_("Last change applied here"))
HELD_COLUMNS = (N_("From"), N_("File"), N_("Why it waits"), N_("Since"))
HELD_VISIBLE_ROWS = 3
# Narrower than this, the state and the other info points stand one above the other.
SIDE_BY_SIDE_WIDTH = 880
SITES_VISIBLE_ROWS = 4


def _fit_rows(table: QTableView, rows: int, most: int) -> None:
    """As tall as its rows (at most `most`): a short list leaves no empty box behind."""
    shown = max(1, min(rows, most))
    frame = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    table.setFixedHeight(frame + table.verticalHeader().defaultSectionSize() * shown)


def _table(name: str, model: TextTableModel, rows: int) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    _fit_rows(table, rows, rows)
    return table


class SyncPage(QWidget):
    def __init__(self, ctx: ShellContext, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ctx = ctx
        self.controller = controller

        self.title_label = area_title("syncTitle")
        self.body_label = QLabel(objectName="syncDescription", wordWrap=True)
        self.busy_bar = QProgressBar(objectName="syncBusy")
        self.busy_bar.setRange(0, 0)  # a round reports no steps: busy, not a percentage
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(120)
        self.sync_button = QPushButton(objectName="syncNowButton")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self._on_sync_clicked)
        self.message_label = QLabel(objectName="syncMessage", wordWrap=True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The state, as a form: the folder, the last success, what waits to go out.
        self.share_caption = QLabel()
        self.share_value = ElidedLabel(objectName="sharePathValue")
        self.change_share_button = QPushButton(objectName="changeShareButton")
        self.change_share_button.clicked.connect(self.open_share_dialog)
        share_row = QHBoxLayout()
        share_row.addWidget(self.share_value, 1)
        share_row.addWidget(self.change_share_button)
        self.last_sync_caption = QLabel()
        self.last_sync_value = ElidedLabel(Qt.TextElideMode.ElideRight, objectName="lastSyncValue")
        self.waiting_caption = QLabel()
        self.waiting_value = QLabel(objectName="waitingValue")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.share_caption, share_row)
        form.addRow(self.last_sync_caption, self.last_sync_value)
        form.addRow(self.waiting_caption, self.waiting_value)

        self.sites_heading = section_heading("otherSitesHeading")
        self.sites_model = TextTableModel(SITE_COLUMNS, self)
        self.sites_table = _table("otherSitesTable", self.sites_model, SITES_VISIBLE_ROWS)
        self.no_sites_label = QLabel(objectName="noOtherSites", wordWrap=True)
        mute(self.no_sites_label)

        self.held_heading = section_heading("heldHeading")
        self.held_model = TextTableModel(HELD_COLUMNS, self)
        self.held_table = _table("heldTable", self.held_model, HELD_VISIBLE_ROWS)
        for column in (0, 1, 3):
            self.held_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):  # the times in full; a long name is elided (its tooltip is whole)
            self.sites_table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.conflicts_heading = section_heading("conflictsHeading")
        self.conflicts = ConflictPanel()
        self.conflicts.resolve_requested.connect(controller.resolve)

        self._build_layout(form)
        controller.changed.connect(self.refresh)
        self.retranslate(ctx.tr)

    def _build_layout(self, form: QFormLayout) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.busy_bar)
        header.addWidget(self.sync_button)

        state = QWidget(objectName="syncState")
        form.setContentsMargins(0, 0, 0, 0)
        state.setLayout(form)
        # Room for the folder path and a full date beside the other info points' table.
        state.setMinimumWidth(STATE_MIN_WIDTH)
        sites = QWidget(objectName="otherSites")
        sites_layout = QVBoxLayout(sites)
        sites_layout.setContentsMargins(0, 0, 0, 0)
        sites_layout.addWidget(self.sites_heading)
        sites_layout.addWidget(self.sites_table)
        sites_layout.addWidget(self.no_sites_label)
        # Each column as tall as it needs, at the top: the form's rows never drift apart.
        self._top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(24)
        top.addWidget(state, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(sites, 1, Qt.AlignmentFlag.AlignTop)

        content = QWidget(objectName="syncContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.body_label)
        layout.addSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addSpacing(8)
        layout.addWidget(self.held_heading)
        layout.addWidget(self.held_table)
        layout.addSpacing(8)
        layout.addWidget(self.conflicts_heading)
        layout.addWidget(self.conflicts, 1)

        # A small window scrolls the page rather than squeezing the tables to nothing.
        scroll = QScrollArea(objectName="syncScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._top.direction() != direction:
            self._top.setDirection(direction)
            self._top.setSpacing(24 if wide else 10)
        super().resizeEvent(event)

    # --- language and state ----------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.title_label.setText(_(AREA.title))
        self.body_label.setText(_(AREA.description))
        self.sync_button.setText(_("S&ync now"))
        self.change_share_button.setText(_("&Change…"))
        self.change_share_button.setToolTip(_("Choose the lead partner's shared folder, through which all info points "
                                              "exchange their changes; the records on this PC stay as they are."))
        self.share_caption.setText(_("Shared folder:"))
        self.last_sync_caption.setText(_("Last successful sync:"))
        self.waiting_caption.setText(_("Changes waiting to go out:"))
        self.sites_heading.setText(_("Other info points"))
        self.no_sites_label.setText(_("No other info point has been seen yet."))
        self.sites_model.retranslate(tr)
        self.held_model.retranslate(tr)
        self.conflicts.retranslate(tr)
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the controller's state (after a round, a choice, a language switch)."""
        tr = self.ctx.tr
        _ = tr.gettext
        controller = self.controller
        snapshot = controller.snapshot
        status = snapshot.status if snapshot else None
        busy = controller.busy
        self.busy_bar.setVisible(busy)
        self.sync_button.setEnabled(not busy and controller.can_sync())
        self.sync_button.setToolTip(_(
            "Exchange changes with the shared folder now; this also happens every few minutes while the program is "
            "open."
        ) if controller.share_path else _("Set the shared folder first."))

        path = controller.share_path
        self.share_value.setText(path or _("not set"))
        message = _("Last round: {summary}").format(summary=controller.message(tr)) if controller.message else ""
        if busy:
            message = _("Exchanging changes with the shared folder…")
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

        if status is None:
            self.last_sync_value.setText(_("reading…") if controller.ctx.is_open else "")
            self.waiting_value.setText("")
        else:
            since = sync_text.parse_stamp(status.last_success_at)
            if sync_text.is_synced(status):
                self.last_sync_value.setText(sync_text.full_time(tr, since))
            else:
                self.last_sync_value.setText(
                    _("Not synced since {when}").format(when=sync_text.full_time(tr, since)) if since
                    else _("Not synced yet")
                )
            self.waiting_value.setText(tr.format_number(status.changes_waiting))
        self._refresh_lists(tr, snapshot)

    def _refresh_lists(self, tr: Translator, snapshot) -> None:
        # Names from the share fill in for info points whose records have not arrived yet.
        shared = self.controller.shared_sites
        names = {site_id: info["name"] for site_id, info in shared.items() if info.get("name")}
        names.update(snapshot.site_names if snapshot else {})
        status = snapshot.status if snapshot else None
        held = status.held if status else []
        own = self.ctx.settings.site_id
        site_rows = sync_text.other_site_rows(
            tr, own, status.other_sites if status else [], shared, names
        )
        self.sites_model.set_rows(site_rows)
        _fit_rows(self.sites_table, len(site_rows), SITES_VISIBLE_ROWS)
        self.sites_table.setVisible(bool(site_rows))
        self.no_sites_label.setVisible(not site_rows)

        self.held_model.set_rows([(item.path, sync_text.held_row(tr, item, names)) for item in held])
        _fit_rows(self.held_table, len(held), HELD_VISIBLE_ROWS)
        self.held_heading.setText(
            tr.ngettext("{count} file held back", "{count} files held back", len(held)).format(
                count=tr.format_number(len(held)))
        )
        self.held_heading.setVisible(bool(held))
        self.held_table.setVisible(bool(held))

        conflicts = snapshot.conflicts if snapshot else []
        count = status.open_conflicts if status else 0
        self.conflicts_heading.setText(
            tr.ngettext("{count} conflict to review", "{count} conflicts to review", count).format(
                count=tr.format_number(count))
            if count else tr.gettext("Conflicts to review")
        )
        self.conflicts.set_conflicts(conflicts, names, tr)

    # --- actions ---------------------------------------------------------------------------

    def _on_sync_clicked(self) -> None:
        self.controller.sync_now()

    def open_share_dialog(self):
        from sociolab_desktop.ui.sync.share_dialog import ShareDialog

        dialog = ShareDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self.controller.set_share_path(dialog.chosen))
        dialog.open()
        return dialog
