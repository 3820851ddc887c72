"""The "all sessions" tab: every session, newest first, read lazily, narrowed by mentor,
organisation, info point, period and topic, with the count and the counted hours."""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import MENTORING_TOPICS
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.forms.dates import OptionalDateEdit
from sociolab_desktop.ui.list_table import list_table
from sociolab_desktop.ui.mentoring.labels import totals_text
from sociolab_desktop.ui.mentoring.session_models import (
    SESSION_WIDTHS,
    SessionListModel,
    SessionQuery,
)
from sociolab_desktop.ui.organisations.choices import fill_combo
from sociolab_desktop.ui.search_picker import SearchPicker
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

log = logging.getLogger(__name__)

ALL_MENTORS = N_("All mentors")
ALL_SITES = N_("All info points")
ANY_TOPIC = N_("Any topic")
FILTER_WIDTH = 250


def load_filter_choices(store) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """In a worker: mentors (with those who left: their sessions stay) and info points."""
    from sociolab_desktop.core.services import sites, staff

    mentors = [(m.id, m.display_name) for m in staff.list_staff(store, include_inactive=True) if m.is_mentor]
    return mentors, [(site.id, site.name) for site in sites.list_sites(store)]


class AllSessionsTab(QWidget):
    session_activated = Signal(str)

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allSessionsTab")
        self.ctx = ctx
        self.choices_loaded = False
        self._clearing = False
        self.mentor_combo = QComboBox(objectName="filterMentor")
        self.mentor_combo.addItem("", None)
        self.organisation = SearchPicker(ctx, "organisation", object_name="filterOrganisation")
        self.organisation.changed.connect(self.apply)
        self.site_combo = QComboBox(objectName="filterSite")
        self.site_combo.addItem("", None)
        self.topic_combo = QComboBox(objectName="filterTopic")
        for combo in (self.mentor_combo, self.site_combo, self.topic_combo):
            combo.activated.connect(lambda _row: self.apply())
        self.from_edit = OptionalDateEdit()
        self.from_edit.setObjectName("filterFrom")
        self.to_edit = OptionalDateEdit()
        self.to_edit.setObjectName("filterTo")
        for edit in (self.from_edit, self.to_edit):
            edit.check.toggled.connect(lambda _on: self.apply())
            edit.date_edit.dateChanged.connect(lambda _day: self.apply())
        self.clear_button = QPushButton(objectName="clearFilters")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filters)
        self.count_label = QLabel(objectName="allSessionsCount")
        self.none_label = QLabel(objectName="allSessionsNone", wordWrap=True)
        mute(self.none_label)
        self.none_label.hide()
        self.model = SessionListModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table = list_table("allSessionsTable", self.model, SESSION_WIDTHS)
        self.table.activated.connect(self._on_activated)
        self._build_layout()
        self.setFocusProxy(self.table)
        ctx.workspace_opened.connect(self.start)
        ctx.staff_changed.connect(self.load_choices)
        ctx.site_changed.connect(self.load_choices)

    def _build_layout(self) -> None:
        self.labels = {name: QLabel(buddy=widget) for name, widget in (
            ("mentor", self.mentor_combo), ("organisation", self.organisation.field), ("site", self.site_combo),
            ("from", self.from_edit.check), ("to", self.to_edit.check), ("topic", self.topic_combo))}
        filters = QFormLayout()
        filters.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        filters.setVerticalSpacing(4)
        for name, widget in (("mentor", self.mentor_combo), ("organisation", self.organisation),
                             ("site", self.site_combo), ("from", self.from_edit), ("to", self.to_edit),
                             ("topic", self.topic_combo)):
            filters.addRow(self.labels[name], widget)
        filters.addRow(self.clear_button)
        panel = QWidget(objectName="allSessionsFilters")
        panel.setFixedWidth(FILTER_WIDTH)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addStretch(1)
        lists = QVBoxLayout()
        lists.addWidget(self.count_label)
        lists.addWidget(self.none_label)
        lists.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(16)
        layout.addWidget(panel)
        layout.addLayout(lists, 1)
        chain = (self.mentor_combo, self.organisation.field, self.organisation.matches, self.site_combo,
                 self.from_edit.check, self.from_edit.date_edit, self.to_edit.check, self.to_edit.date_edit,
                 self.topic_combo, self.clear_button, self.table)
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # --- filters ---------------------------------------------------------------------------

    def start(self) -> None:
        """Read the list and the choices of the filters (once the data folder is open)."""
        if not self.ctx.is_open:
            return
        self.model.set_query(self.current_query())
        self.load_choices()

    def load_choices(self) -> None:
        """(Re)read the mentors and info points offered (staff are added while the program runs)."""
        if self.ctx.is_open:
            store = self.ctx.workspace.store
            self.ctx.operations.run(lambda: load_filter_choices(store), on_success=self._on_choices, owner=self)

    def _on_choices(self, choices) -> None:
        for combo, items in zip((self.mentor_combo, self.site_combo), choices, strict=True):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:  # the first item is "all"
                combo.removeItem(1)
            for key, name in items:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self.choices_loaded = True
        self.apply()  # a chosen mentor or info point that is gone no longer filters

    def current_query(self) -> SessionQuery:
        return SessionQuery(mentor_id=self.mentor_combo.currentData(), organisation_id=self.organisation.chosen_id(),
                            site_id=self.site_combo.currentData(), date_from=self.from_edit.value(),
                            date_to=self.to_edit.value(), topic=self.topic_combo.currentData())

    def apply(self) -> None:
        query = self.current_query()
        if query != self.model.query and self.ctx.is_open and not self._clearing:
            self.model.set_query(query)

    def clear_filters(self) -> None:
        self._clearing = True  # one query at the end, not one per filter
        for combo in (self.mentor_combo, self.site_combo, self.topic_combo):
            combo.setCurrentIndex(0)
        for edit in (self.from_edit, self.to_edit):
            edit.set_value(None)
        self.organisation.set_chosen([])
        self._clearing = False
        self.apply()

    def refresh(self) -> None:
        self.model.refresh()

    def selected_row(self):
        return self.model.row(self.table.currentIndex().row())

    def chosen_session(self):
        """The session selected in the list, None without one (what Delete deletes)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _on_activated(self, index: QModelIndex) -> None:
        session_id = self.model.row_id(index.row())
        if session_id:
            self.session_activated.emit(session_id)

    # --- words -----------------------------------------------------------------------------

    def _show_count(self) -> None:
        tr, total = self.ctx.tr, self.model.total
        if total is None:
            self.count_label.setText(tr.gettext("Searching…"))
        else:
            self.count_label.setText(totals_text(tr, total, self.model.hours or 0))
        none = total == 0
        self.none_label.setVisible(none)
        self.none_label.setText(tr.gettext("No session matches the filters. Clear them to see every session.")
                                if not self.model.query.is_everything else
                                tr.gettext("No mentoring sessions are recorded yet. Record the first with "
                                           "“New session” (Ctrl+N)."))
        if total and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        texts = {"mentor": _("Mentor:"), "organisation": _("Organisation:"), "site": _("Info point:"),
                 "from": _("From:"), "to": _("To:"), "topic": _("Topic:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.mentor_combo.setItemText(0, _(ALL_MENTORS))
        self.site_combo.setItemText(0, _(ALL_SITES))
        fill_combo(self.topic_combo, MENTORING_TOPICS, tr, first=ANY_TOPIC)
        self.organisation.retranslate(tr, _("Any organisation: type to choose one"))
        self.from_edit.retranslate(tr, "", _("Tick to show only sessions from this date on"))
        self.to_edit.retranslate(tr, "", _("Tick to show only sessions up to this date"))
        self.clear_button.setText(_("Clear filters"))
        self.model.retranslate(tr)
        self._show_count()
