"""The "my sessions" tab: the signed-in mentor's sessions of a month or a year, with the hours the
funder counts per week and per month, and the period's total."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.slovenian_time import local_now
from sociolab_desktop.core.services.mentoring.time_rules import Period
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import mute, section_heading
from sociolab_desktop.ui.list_table import current_id, list_table
from sociolab_desktop.ui.mentoring.column_widths import (
    fit_totals,
    month_texts,
    share_the_rest,
    week_texts,
)
from sociolab_desktop.ui.mentoring.labels import sessions_heading, totals_text
from sociolab_desktop.ui.mentoring.session_models import (
    SESSION_COLUMNS,
    SESSION_WIDTHS,
    TOPICS,
    WITH,
    RowsModel,
)
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

MONTH, YEAR = "month", "year"
SCOPES = ((MONTH, N_("Month")), (YEAR, N_("Year")))
WEEK_COLUMNS = (
    (N_("Week"), lambda total, tr: tr.format_date_span(total.period.first, total.period.last)),
    (sessions_heading, lambda total, tr: tr.format_number(total.sessions)),
    (N_("Hours"), lambda total, tr: tr.format_number(total.hours)),
)
MONTH_COLUMNS = (
    (N_("Month"), lambda total, tr: tr.format_month(total.period.first)),
    *WEEK_COLUMNS[1:],
)


def load_mine(store, mentor_id: str, period: Period):
    from sociolab_desktop.core.services.mentoring.listing import my_sessions

    return my_sessions(store, mentor_id, period)


def shift(anchor: dt.date, scope: str, steps: int) -> dt.date:
    """The first day of the month (or year) `steps` away from `anchor`'s."""
    if scope == YEAR:
        return dt.date(anchor.year + steps, 1, 1)
    months = anchor.year * 12 + anchor.month - 1 + steps
    return dt.date(months // 12, months % 12 + 1, 1)


class MySessionsTab(QWidget):
    session_activated = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mySessionsTab")
        self.ctx = ctx
        self.anchor = local_now().date().replace(day=1)
        self.result = None
        self._generation = 0
        self.loading = False
        self._fitted_language = ""  # the language the totals panel was measured in

        self.previous_button = QPushButton("◀", objectName="myPrevious")
        self.next_button = QPushButton("▶", objectName="myNext")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
            button.setAutoDefault(False)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period_label = section_heading("myPeriod")
        self.scope_combo = QComboBox(objectName="myScope")
        for value, _text in SCOPES:
            self.scope_combo.addItem("", value)
        self.scope_combo.activated.connect(lambda _row: self.reload())
        self.today_button = QPushButton(objectName="myToday")
        self.today_button.clicked.connect(self.go_to_today)
        self.total_label = QLabel(objectName="myTotal")
        self.empty_label = QLabel(objectName="myEmpty", wordWrap=True)
        mute(self.empty_label)
        self.empty_label.hide()

        self.sessions_model = RowsModel(ctx.tr, SESSION_COLUMNS, self)
        self.sessions_table = list_table("mySessionsTable", self.sessions_model, SESSION_WIDTHS)
        self.sessions_table.activated.connect(self._on_activated)
        # Who and the topics share what the short columns leave beside the totals: all in view.
        share_the_rest(self.sessions_table, (WITH, TOPICS))
        self.sessions_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.weeks_model = RowsModel(ctx.tr, WEEK_COLUMNS, self)
        self.weeks_table = list_table("myWeeksTable", self.weeks_model)
        self.months_model = RowsModel(ctx.tr, MONTH_COLUMNS, self)
        self.months_table = list_table("myMonthsTable", self.months_model)
        for table in (self.weeks_table, self.months_table):  # the panel is wide enough for every column
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sums_panel = QWidget(objectName="myTotals")
        self.weeks_heading = QLabel(objectName="myWeeksHeading")
        self.months_heading = QLabel(objectName="myMonthsHeading")
        self._build_layout()
        self.setFocusProxy(self.sessions_table)

    def _build_layout(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(self.previous_button)
        controls.addWidget(self.period_label)
        controls.addWidget(self.next_button)
        controls.addSpacing(12)
        controls.addWidget(self.scope_combo)
        controls.addWidget(self.today_button)
        controls.addStretch(1)
        controls.addWidget(self.total_label)
        sums = QVBoxLayout()
        sums.addWidget(self.weeks_heading)
        sums.addWidget(self.weeks_table, 3)
        sums.addWidget(self.months_heading)
        sums.addWidget(self.months_table, 2)
        self.sums_panel.setLayout(sums)
        sums.setContentsMargins(0, 0, 0, 0)
        lists = QVBoxLayout()
        lists.addWidget(self.empty_label)
        lists.addWidget(self.sessions_table, 1)
        body = QHBoxLayout()
        body.addLayout(lists, 1)
        body.addWidget(self.sums_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        for first, second in ((self.previous_button, self.next_button), (self.next_button, self.scope_combo),
                              (self.scope_combo, self.today_button), (self.today_button, self.sessions_table),
                              (self.sessions_table, self.weeks_table), (self.weeks_table, self.months_table)):
            self.setTabOrder(first, second)

    # --- the period ------------------------------------------------------------------------

    def scope(self) -> str:
        return self.scope_combo.currentData()

    def period(self) -> Period:
        return Period.year(self.anchor.year) if self.scope() == YEAR else Period.month(self.anchor)

    def step(self, steps: int) -> None:
        self.anchor = shift(self.anchor, self.scope(), steps)
        self.reload()

    def go_to_today(self) -> None:
        self.anchor = local_now().date().replace(day=1)
        self.reload()

    def show_period(self, day: dt.date, scope: str = MONTH) -> None:
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(scope), 0))
        self.anchor = day.replace(day=1)
        self.reload()

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        mentor_id = self.ctx.settings.current_staff_id if self.ctx.is_open else None
        self._generation += 1
        generation = self._generation
        self.retranslate(self.ctx.tr)
        if not mentor_id:
            self._show(None)
            return
        self.loading = True
        store, period = self.ctx.workspace.store, self.period()
        self.ctx.operations.run(lambda: load_mine(store, mentor_id, period),
                                on_success=lambda result: generation == self._generation and self._show(result),
                                owner=self)

    def _show(self, result) -> None:
        self.loading = False
        selected = current_id(self.sessions_table)
        self.result = result
        self.sessions_model.set_rows(result.rows if result else [])
        self.weeks_model.set_rows(result.weeks if result else [])
        self.months_model.set_rows(result.months if result else [])
        row = next((i for i, item in enumerate(result.rows if result else []) if item.id == selected), 0)
        if self.sessions_model.rowCount():
            self.sessions_table.selectRow(row)
        self.retranslate(self.ctx.tr)
        self.loaded.emit()

    def current_session(self):
        return self.sessions_model.row(self.sessions_table.currentIndex().row())

    def chosen_session(self):
        """The session selected in the list, None without one (what Delete deletes; the week and
        month totals beside it are no sessions and delete nothing)."""
        rows = self.sessions_table.selectionModel().selectedRows()
        return self.sessions_model.row(rows[0].row()) if rows else None

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.sessions_model.row(index.row())
        if row is not None:
            self.session_activated.emit(row.id)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        for row, (_value, text) in enumerate(SCOPES):
            self.scope_combo.setItemText(row, _(text))
        period = self.period()
        self.period_label.setText(str(period.first.year) if self.scope() == YEAR else tr.format_month(period.first))
        self.previous_button.setToolTip(_("Earlier"))
        self.next_button.setToolTip(_("Later"))
        self.today_button.setText(_("Today"))
        self.weeks_heading.setText(_("By week"))
        self.months_heading.setText(_("By month"))
        result = self.result
        self.total_label.setText(totals_text(tr, result.total.sessions, result.total.hours) if result else "")
        if not (self.ctx.is_open and self.ctx.settings.current_staff_id):
            empty = _("Sign in to see your sessions.")
        elif result is not None and not result.rows:
            empty = _("You have no sessions in this period. Use the arrows to see another month, or record one "
                      "with “New session” (Ctrl+N).")
        else:
            empty = ""
        self.empty_label.setText(empty)
        self.empty_label.setVisible(bool(empty))
        for model in (self.sessions_model, self.weeks_model, self.months_model):
            model.retranslate(tr)
        if self._fitted_language != tr.language:
            # As wide as the longest week or month in this language, not a guess that cuts one off.
            self._fitted_language = tr.language
            periods = week_texts(tr) + month_texts(tr)
            self.sums_panel.setFixedWidth(max(fit_totals(table, tr, periods)
                                              for table in (self.weeks_table, self.months_table)))
