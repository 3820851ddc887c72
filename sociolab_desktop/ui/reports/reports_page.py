"""The Reports area's page: the period, info point and training rule chosen once for both tabs
(indicators against their targets, ESF participant data), counting off the GUI thread, the list
behind each number, and the exports to XLSX and to a PDF report in Slovenian or English."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.services.results.definitions import (
    PERSON_RULE_TEXTS,
    TRAINING_RULES,
    describe,
    indicator,
    training_rule_label,
)
from sociolab_desktop.core.services.results.labels import site_name
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.labels import area_title
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.reports import report_jobs
from sociolab_desktop.ui.reports.esf_page import EsfPage
from sociolab_desktop.ui.reports.indicator_model import IndicatorTableModel
from sociolab_desktop.ui.reports.indicator_tables import IndicatorTables
from sociolab_desktop.ui.reports.latest_only import LatestOnly
from sociolab_desktop.ui.reports.period_chooser import PeriodChooser
from sociolab_desktop.ui.reports.records_dialog import RecordsDialog
from sociolab_desktop.ui.reports.report_exports import ReportExports
from sociolab_desktop.ui.reports.report_jobs import ReportRequest
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

AREA = next(area for area in AREAS if area.key == "reports")
ALL_SITES = N_("All info points")
COUNT_DELAY_MS = 300  # dates typed digit by digit are counted once, when typing pauses
INDICATORS_TAB, ESF_TAB = range(2)


class ReportsPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.ctx = ctx
        self.records_dialogs: dict[tuple, RecordsDialog] = {}
        self._site_columns: tuple = ()  # the info points of the last report over all of them
        self._dirty = {INDICATORS_TAB: True, ESF_TAB: True}
        self.shown_request: ReportRequest | None = None  # what the indicator table shows

        self.title_label = area_title("reportsTitle")
        self.body_label = QLabel(objectName="reportsDescription", wordWrap=True)
        # Kept as the title's tooltip, not a line of its own: at 1366×768 the table needs the room.
        self.body_label.hide()

        self.period = PeriodChooser()
        self.period_label = QLabel(buddy=self.period.mode_combo)
        self.period_error = InlineError()
        self.site_combo = QComboBox(objectName="reportSite")
        self.site_combo.addItem("", None)
        self.site_combo.setMinimumContentsLength(22)
        self.site_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.site_label = QLabel(buddy=self.site_combo)
        self.rule_combo = QComboBox(objectName="reportTrainingRule")
        for rule in TRAINING_RULES:
            self.rule_combo.addItem("", rule)
        self.rule_combo.setCurrentIndex(max(self.rule_combo.findData(ctx.settings.training_rule), 0))
        self.rule_label = QLabel(buddy=self.rule_combo)
        self.rule_text = QLabel(objectName="reportRuleExplanation", wordWrap=True)
        self.busy_bar = QProgressBar(objectName="reportBusy", maximumWidth=90, textVisible=False)
        self.busy_bar.setRange(0, 0)
        self.busy_label = QLabel(objectName="reportBusyText")

        self.model = IndicatorTableModel(ctx.tr, self)
        self.tables = IndicatorTables(self.model)
        self.esf_page = EsfPage(ctx)
        self.esf_page.set_programme_period(ctx.settings.esf_programme_period)
        self.tabs = QTabWidget(objectName="reportTabs")
        self.tabs.addTab(self.tables, "")
        self.tabs.addTab(self.esf_page, "")
        self.exports = ReportExports(ctx, self, self.request, self._show_period_error)
        self.xlsx_button, self.pdf_button = self.exports.xlsx_button, self.exports.pdf_button
        self.export_error, self.export_done = self.exports.error, self.exports.done
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 0, 4)
        corner_layout.addWidget(self.xlsx_button)
        corner_layout.addWidget(self.pdf_button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        self._lay_out()
        self.count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self.count_timer.timeout.connect(self.count)
        self.indicator_runner = LatestOnly(ctx, self)
        self.indicator_runner.finished.connect(self._on_indicators)
        self.esf_runner = LatestOnly(ctx, self)
        self.esf_runner.finished.connect(self._on_esf)
        for runner in (self.indicator_runner, self.esf_runner):
            runner.failed.connect(self._on_count_failed)
            runner.busy_changed.connect(self._show_busy)
        self.period.changed.connect(self.count_timer.start)
        self.site_combo.activated.connect(lambda _row: self.count())
        self.rule_combo.currentIndexChanged.connect(self._on_rule_changed)
        self.esf_page.programme_period_changed.connect(self._on_programme_period_changed)
        self.esf_page.records_changed.connect(self.count)
        self.tabs.currentChanged.connect(lambda _tab: self._count_visible())
        self.tables.number_chosen.connect(self.open_records)
        self.recount_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self.recount_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.recount_shortcut.activated.connect(self.count)
        ctx.workspace_opened.connect(self.count)
        ctx.site_changed.connect(self.count)  # the info point's new name in the columns
        self._show_busy()
        self.retranslate(ctx.tr)

    def _lay_out(self) -> None:
        choices = QGridLayout()
        choices.setHorizontalSpacing(8)
        choices.addWidget(self.period_label, 0, 0)
        choices.addWidget(self.period, 0, 1)
        choices.addWidget(self.site_label, 1, 0)
        choices.addWidget(self.site_combo, 1, 1, Qt.AlignmentFlag.AlignLeft)
        choices.addWidget(self.period_error, 2, 1)
        choices.setColumnMinimumWidth(2, 16)
        choices.addWidget(self.rule_label, 0, 3)
        choices.addWidget(self.rule_combo, 0, 4, Qt.AlignmentFlag.AlignLeft)
        choices.addWidget(self.rule_text, 1, 3, 2, 2, Qt.AlignmentFlag.AlignTop)
        choices.setColumnStretch(1, 1)
        choices.setColumnStretch(4, 1)
        busy = QHBoxLayout()
        busy.addWidget(self.busy_label)
        busy.addWidget(self.busy_bar)
        choices.addLayout(busy, 0, 5, Qt.AlignmentFlag.AlignRight)
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(header)
        layout.addLayout(choices)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_error)
        layout.addWidget(self.export_done)
        for first, second in ((self.period, self.site_combo), (self.site_combo, self.rule_combo),
                              (self.rule_combo, self.tabs), (self.tabs, self.tables.main),
                              (self.tables.main, self.tables.sites), (self.tables.sites, self.xlsx_button),
                              (self.xlsx_button, self.pdf_button)):
            QWidget.setTabOrder(first, second)

    # --- the choices -------------------------------------------------------------------------

    def request(self) -> ReportRequest:
        """The choices on screen; the service's UserError when the period cannot be counted."""
        return ReportRequest(self.period.period(), self.site_combo.currentData(), self.rule_combo.currentData(),
                             self.esf_page.programme_period())

    def _on_rule_changed(self) -> None:
        self.ctx.settings.training_rule = self.rule_combo.currentData()
        self.ctx.save_settings()
        self._show_rule(self.ctx.tr)
        self.count()

    def _on_programme_period_changed(self, key: str) -> None:
        self.ctx.settings.esf_programme_period = key
        self.ctx.save_settings()
        self.count()

    # --- counting ----------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.count()  # records may have changed in other areas since the page was last shown

    def count(self) -> None:
        """Count again for the choices on screen: the tab shown now, the other when it is shown."""
        self.count_timer.stop()
        try:
            self.request()
        except UserError as error:
            self._show_period_error(error)
            for runner in (self.indicator_runner, self.esf_runner):
                runner.cancel()
            # Numbers of an earlier period would be read as this one's: show none.
            self.model.set_report(None)
            self.esf_page.show_report(None)
            self.shown_request = None
            return
        self.period_error.clear_error()
        self.period.mark_invalid(False)
        self._dirty = {INDICATORS_TAB: True, ESF_TAB: True}
        self._count_visible()

    def _count_visible(self) -> None:
        tab = self.tabs.currentIndex()
        if not self._dirty.get(tab) or self.ctx.workspace is None:
            return
        try:
            request = self.request()
        except UserError:
            return
        self._dirty[tab] = False
        store = self.ctx.workspace.store
        if tab == INDICATORS_TAB:
            self.indicator_runner.request(lambda: (request, report_jobs.count_indicators(store, request)))
        else:
            self.esf_runner.request(lambda: report_jobs.count_esf(store, request))

    def _on_indicators(self, result) -> None:
        request, report = result
        self.shown_request = request
        self.model.set_report(report)
        if report.site_id is None:
            self._site_columns = report.sites
            self._fill_sites(self.ctx.tr)

    def _on_esf(self, report) -> None:
        self.esf_page.show_report(report)

    def _on_count_failed(self, error: UserError) -> None:
        self.period_error.show_error(error, self.ctx.tr)

    def _show_period_error(self, error: UserError) -> None:
        self.period_error.show_error(error, self.ctx.tr)
        self.period.mark_invalid(True)

    def _show_busy(self, *_args) -> None:
        busy = self.indicator_runner.busy or self.esf_runner.busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    @property
    def busy(self) -> bool:
        """Counting, or about to (tests wait for this to end)."""
        return self.count_timer.isActive() or self.indicator_runner.busy or self.esf_runner.busy

    # --- the list behind a number --------------------------------------------------------------

    def open_records(self, key: str, site_id: str | None) -> RecordsDialog | None:
        request = self.shown_request
        if request is None or self.ctx.workspace is None:
            return None
        scope = (key, site_id, request)
        dialog = self.records_dialogs.get(scope)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        store, value = self.ctx.workspace.store, self.model.report.value(key)
        number = value.value if site_id is None or not value.by_site else value.by_site.get(site_id, 0)

        def heading(tr: Translator) -> str:
            where = site_name(tr, site_id, self._site_name(site_id)) if site_id is not None else tr.gettext(ALL_SITES)
            return f"{tr.gettext(indicator(key).title)}\n{where} · {request.period.label(tr)} · {tr.format_number(number)}"

        dialog = RecordsDialog(self.ctx, lambda: report_jobs.list_records(store, request, key, site_id),
                               heading=heading, site_names=self._site_names,
                               aggregate=indicator(key).aggregate, parent=self.window())
        self.records_dialogs[scope] = dialog
        dialog.destroyed.connect(lambda *_: self.records_dialogs.pop(scope, None))
        dialog.show()
        log.info("Records behind indicator %s opened", key)
        return dialog

    def _site_name(self, site_id: str) -> str | None:
        return next((column.name for column in self._site_columns if column.site_id == site_id), None)

    def _site_names(self, tr: Translator) -> dict[str, str]:
        return {column.site_id: site_name(tr, column.site_id, column.name) for column in self._site_columns}

    def _fill_sites(self, tr: Translator) -> None:
        chosen = self.site_combo.currentData()
        self.site_combo.clear()
        self.site_combo.addItem(tr.gettext(ALL_SITES), None)
        for column in self._site_columns:
            self.site_combo.addItem(site_name(tr, column.site_id, column.name), column.site_id)
        self.site_combo.setCurrentIndex(max(self.site_combo.findData(chosen), 0) if chosen is not None else 0)

    # --- exports -----------------------------------------------------------------------------

    @property
    def exporting(self) -> bool:
        return self.exports.exporting

    def export_xlsx(self) -> None:
        self.exports.export_xlsx()

    def export_pdf(self, language: str | None = None) -> None:
        self.exports.export_pdf(language)

    # --- words -------------------------------------------------------------------------------

    def _show_rule(self, tr: Translator) -> None:
        rule = self.rule_combo.currentData()
        self.rule_text.setText(tr.gettext(PERSON_RULE_TEXTS[rule]))
        self.rule_combo.setToolTip(describe(indicator("persons_trained"), tr, rule))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.title_label.setText(_(AREA.title))
        self.body_label.setText(_(AREA.description))
        self.title_label.setToolTip(self.body_label.text())
        self.period_label.setText(_("Period:"))
        self.period.retranslate(tr)
        self.site_label.setText(_("Info point:"))
        self._fill_sites(tr)
        self.rule_label.setText(_("A person in a training programme:"))
        for row, rule in enumerate(TRAINING_RULES):
            self.rule_combo.setItemText(row, training_rule_label(tr, rule))
        self._show_rule(tr)
        self.busy_label.setText(_("Counting…"))
        self.tabs.setTabText(INDICATORS_TAB, _("Indicators"))
        self.tabs.setTabText(ESF_TAB, _("ESF participants"))
        self.exports.retranslate(tr)
        self.model.retranslate(tr)
        self.esf_page.retranslate(tr)
        if self.period_error.isVisible():
            self.count()  # the message again, in the new language
