"""An organisation's support in one window: its mentoring sessions and hours, assessments and
development plan, programme enrolment, agreed actions still open, and the jobs and products;
each of them recorded, changed or deleted from here."""

from __future__ import annotations

import logging
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.labels import area_title
from sociolab_desktop.ui.list_table import list_table
from sociolab_desktop.ui.mentoring import deleting
from sociolab_desktop.ui.mentoring.column_widths import (
    fit_totals,
    month_texts,
    share_the_rest,
)
from sociolab_desktop.ui.mentoring.diagnostic_comparison import DiagnosticComparison
from sociolab_desktop.ui.mentoring.my_sessions_tab import MONTH_COLUMNS
from sociolab_desktop.ui.mentoring.session_models import (
    SESSION_WIDTHS,
    TOPICS,
    WITH,
    RowsModel,
)
from sociolab_desktop.ui.mentoring.support_columns import (
    ENROLMENT_COLUMNS,
    JOB_COLUMNS,
    OPEN_ACTION_COLUMNS,
    ORGANISATION_SESSION_COLUMNS,
    PRODUCT_COLUMNS,
    summary_text,
)
from sociolab_desktop.ui.open_windows import front_window
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1100, 660)  # fits 1366×768 beside the task bar
SESSIONS, PLAN, PROGRAMME, OUTCOMES, ACTIONS = range(5)
# What each "Delete…" deletes: the button's name → the table it deletes from ("assessments": the
# comparison's chosen assessment).
DELETES = {"delete_session": "sessions", "delete_assessment": "assessments", "delete_enrolment": "enrolments",
           "delete_job": "jobs", "delete_product": "products"}


def load_overview(store, organisation_id: str):
    from sociolab_desktop.core.services.mentoring.programme import organisation_overview

    return organisation_overview(store, organisation_id)


def open_support_overview(ctx: ShellContext, organisation_id: str, parent: QWidget | None = None):
    """The organisation's support window, brought to the front if it is open already."""
    window = front_window(parent, SupportOverviewWindow,
                          lambda open_window: open_window.organisation_id == organisation_id)
    if window is not None:
        return window
    window = SupportOverviewWindow(ctx, organisation_id, parent)
    window.show()
    return window


def reload_open_overviews(parent: QWidget | None, organisation_ids: set[str]) -> None:
    """The support windows of these organisations open beside `parent`'s window read their data
    again (a session was saved or deleted in a form opened elsewhere)."""
    if parent is None or not organisation_ids:
        return
    for window in parent.window().findChildren(SupportOverviewWindow):
        if window.organisation_id in organisation_ids and window.isVisible():
            window.reload()


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        button.setAutoDefault(False)
        row.addWidget(button)
    row.addStretch(1)
    return row


def _tab(*parts) -> QWidget:
    tab = QWidget()
    layout = QVBoxLayout(tab)
    for part in parts:
        if isinstance(part, QHBoxLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if isinstance(part, (QTableView, DiagnosticComparison)) else 0)
    return tab


class SupportOverviewWindow(QWidget):
    changed = Signal()  # something was recorded here: lists showing the organisation should refresh
    loaded = Signal()

    def __init__(self, ctx: ShellContext, organisation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("supportOverviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx, self.organisation_id = ctx, organisation_id
        self.overview = None
        self.dialog = None  # the form this window opened, while open
        self.title = area_title("supportTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel(objectName="supportSummary", wordWrap=True)
        tr = ctx.tr
        self.models = {name: RowsModel(tr, columns, self) for name, columns in (
            ("sessions", ORGANISATION_SESSION_COLUMNS), ("months", MONTH_COLUMNS), ("enrolments", ENROLMENT_COLUMNS),
            ("jobs", JOB_COLUMNS), ("products", PRODUCT_COLUMNS), ("actions", OPEN_ACTION_COLUMNS))}
        widths = {"sessions": SESSION_WIDTHS, "months": {}, "enrolments": {0: 95, 1: 100, 2: 95},
                  "jobs": {0: 90, 1: 110, 2: 160, 3: 150, 4: 110}, "products": {0: 90, 1: 220, 2: 110},
                  "actions": {0: 95, 1: 420}}
        self.tables = {name: list_table(f"support_{name}", model, widths[name]) for name, model in self.models.items()}
        share_the_rest(self.tables["sessions"], (WITH, TOPICS))  # every column in view, the topics too
        self.tables["sessions"].setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tables["months"].setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comparison = DiagnosticComparison()
        self.button = {name: QPushButton(objectName=f"support_{name}") for name in (
            "new_session", "open_session", "print_record", "monthly_record", "new_assessment", "edit_assessment",
            "enrol", "edit_enrolment", "new_job", "edit_job", "new_product", "edit_product", "action_done", "close",
            *DELETES)}
        slots = {"new_session": self.new_session, "open_session": self.open_session, "print_record": self.print_record,
                 "monthly_record": self.print_monthly_record, "new_assessment": self.new_assessment,
                 "edit_assessment": self.edit_assessment, "enrol": self.enrol, "edit_enrolment": self.edit_enrolment,
                 "new_job": self.new_job, "edit_job": self.edit_job, "new_product": self.new_product,
                 "edit_product": self.edit_product, "action_done": self.mark_action_done, "close": self.close,
                 **{name: lambda table=table: self.delete_chosen(table) for name, table in DELETES.items()}}
        for name, slot in slots.items():
            self.button[name].clicked.connect(lambda _checked=False, slot=slot: slot())
        for name, slot in (("sessions", self.open_session), ("enrolments", self.edit_enrolment),
                           ("jobs", self.edit_job), ("products", self.edit_product)):
            self.tables[name].activated.connect(lambda _index, slot=slot: slot())
        self.question_box = None  # the question shown (ui/forms/questions.py)
        self.busy_deleting = False  # a delete is running: the Delete… buttons wait for it
        self.delete_keys = {}
        for table in DELETES.values():
            widget = self.comparison.table if table == "assessments" else self.tables[table]
            self.delete_keys[table] = deleting.delete_shortcut(widget, lambda table=table: self.delete_chosen(table))
            if table == "assessments":
                widget.itemSelectionChanged.connect(self._update_delete_buttons)
            else:
                widget.selectionModel().selectionChanged.connect(self._update_delete_buttons)
        self.tabs = QTabWidget(objectName="supportTabs")
        self._build_tabs()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.button["close"])
        layout.addLayout(bottom)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Esc"), self, self.close)
        self.resize(*DEFAULT_SIZE)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(tr)
        self.reload()

    def _on_language_changed(self) -> None:
        """A bound method, not a lambda: Qt drops the connection when the window is deleted."""
        self.retranslate(self.ctx.tr)

    def _build_tabs(self) -> None:
        b, t = self.button, self.tables
        sessions = QHBoxLayout()
        sessions.addWidget(t["sessions"], 1)
        sessions.addWidget(t["months"])
        sessions_tab = QWidget()
        column = QVBoxLayout(sessions_tab)
        column.addLayout(sessions, 1)
        column.addLayout(_buttons(b["new_session"], b["open_session"], b["print_record"], b["monthly_record"],
                                  b["delete_session"]))
        outcomes = QWidget()
        column = QVBoxLayout(outcomes)
        self.jobs_heading, self.products_heading = QLabel(), QLabel()
        for part in (self.jobs_heading, t["jobs"], _buttons(b["new_job"], b["edit_job"], b["delete_job"]),
                     self.products_heading, t["products"],
                     _buttons(b["new_product"], b["edit_product"], b["delete_product"])):
            column.addLayout(part) if isinstance(part, QHBoxLayout) else column.addWidget(part)
        for page in (sessions_tab, _tab(self.comparison, _buttons(b["new_assessment"], b["edit_assessment"],
                                                                  b["delete_assessment"])),
                     _tab(t["enrolments"], _buttons(b["enrol"], b["edit_enrolment"], b["delete_enrolment"])), outcomes,
                     _tab(t["actions"], _buttons(b["action_done"]))):
            self.tabs.addTab(page, "")
        for first, second in pairwise((t["sessions"], t["months"], b["new_session"], b["open_session"],
                                       b["print_record"], b["monthly_record"], b["delete_session"])):
            self.setTabOrder(first, second)
        for edit, delete in (("edit_assessment", "delete_assessment"), ("edit_enrolment", "delete_enrolment"),
                             ("edit_job", "delete_job"), ("edit_product", "delete_product")):
            self.setTabOrder(b[edit], b[delete])  # made last, they would come after Close

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        store, organisation_id = self.ctx.workspace.store, self.organisation_id
        self.ctx.operations.run(lambda: load_overview(store, organisation_id), on_success=self._on_loaded,
                                owner=self)

    def _on_loaded(self, overview) -> None:
        self.overview = overview
        for name, rows in (("sessions", overview.sessions), ("months", overview.months),
                           ("enrolments", overview.enrolments), ("jobs", overview.jobs),
                           ("products", overview.products), ("actions", overview.open_actions)):
            self.models[name].set_rows(rows)
            if rows:
                self.tables[name].selectRow(0)
        self.comparison.show_history(overview.progress, self.ctx.tr)
        self.retranslate(self.ctx.tr)
        self.loaded.emit()

    def _after_change(self, *_args) -> None:
        self.changed.emit()
        self.reload()

    def _current(self, name: str):
        return self.models[name].row(self.tables[name].currentIndex().row())

    def _chosen(self, table: str):
        """The row selected in `table` (the comparison's chosen assessment), None without one."""
        if table == "assessments":
            return self.comparison.selected_assessment()
        rows = self.tables[table].selectionModel().selectedRows()
        return self.models[table].row(rows[0].row()) if rows else None

    def _show(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._after_change)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _party(self) -> tuple[str, str]:
        return self.organisation_id, self.overview.organisation_name if self.overview else ""

    # --- actions ---------------------------------------------------------------------------

    def new_session(self, session_id: str | None = None):
        from sociolab_desktop.ui.mentoring.session_form import SessionForm

        return self._show(SessionForm(self.ctx, session_id, organisation_id=self.organisation_id, parent=self))

    def open_session(self):
        row = self._current("sessions")
        return self.new_session(row.id) if row else None

    def print_record(self):
        from sociolab_desktop.ui.mentoring.mentoring_print import print_session_record

        row = self._current("sessions")
        return print_session_record(self.ctx, row.id, self) if row else None

    def print_monthly_record(self):
        from sociolab_desktop.ui.mentoring.mentoring_print import print_monthly_record

        row = self._current("sessions")
        return print_monthly_record(self.ctx, self.organisation_id, self, row.session_date if row else None)

    def new_assessment(self, diagnostic_id: str | None = None):
        from sociolab_desktop.ui.mentoring.diagnostic_dialog import DiagnosticDialog

        return self._show(DiagnosticDialog(self.ctx, *self._party(), diagnostic_id, self))

    def edit_assessment(self):
        chosen = self.comparison.selected_assessment()
        return self.new_assessment(chosen.id) if chosen else None

    def enrol(self, enrolment=None):
        from sociolab_desktop.ui.mentoring.programme_dialog import EnrolmentDialog

        return self._show(EnrolmentDialog(self.ctx, *self._party(), enrolment, self))

    def edit_enrolment(self):
        row = self._current("enrolments")
        return self.enrol(row) if row else None

    def new_job(self, job=None):
        from sociolab_desktop.ui.mentoring.outcome_dialogs import JobDialog

        return self._show(JobDialog(self.ctx, self._party(), job, self))

    def edit_job(self):
        row = self._current("jobs")
        return self.new_job(row) if row else None

    def new_product(self, product=None):
        from sociolab_desktop.ui.mentoring.outcome_dialogs import ProductDialog

        return self._show(ProductDialog(self.ctx, self._party(), product, self))

    def edit_product(self):
        row = self._current("products")
        return self.new_product(row) if row else None

    def mark_action_done(self) -> None:
        from sociolab_desktop.core.services.mentoring.sessions import set_action_done

        row = self._current("actions")
        if row is None:
            return
        store, actor, action_id = self.ctx.workspace.store, self.ctx.workspace.actor, row.action.id
        self.ctx.operations.run(lambda: set_action_done(store, actor, action_id), on_success=self._after_change,
                                owner=self)

    def delete_chosen(self, table: str):
        """Ask, naming the row chosen in `table`, then delete it and read the window again."""
        row = self._chosen(table)
        if row is None or self.busy_deleting:
            return None
        text, informative = deleting.question_for(self.ctx.tr, table, row)
        return deleting.ask_to_delete(self, self.ctx.tr, text, informative, lambda: self._delete(table, row.id))

    def _delete(self, table: str, key: str) -> None:
        if self.busy_deleting:
            return
        self.busy_deleting = True
        self._update_delete_buttons()

        def done() -> None:
            self.busy_deleting = False
            self._after_change()

        deleting.delete_in_worker(self.ctx, self, table, key, done)

    def _update_delete_buttons(self, *_args) -> None:
        for name, table in DELETES.items():
            self.button[name].setEnabled(not self.busy_deleting and self._chosen(table) is not None)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        overview = self.overview
        name = overview.organisation_name if overview else ""
        self.setWindowTitle(_("Support of “{name}”").format(name=name) if name else _("Support of the organisation"))
        self.title.setText(name or _("Reading…"))
        self.summary.setText(summary_text(tr, overview) if overview else "")
        def count(key: str) -> str:
            return tr.format_number(self.models[key].rowCount())

        assessments = len(overview.progress.assessments) if overview else 0
        for index, text in ((SESSIONS, _("Sessions ({count})").format(count=count("sessions"))),
                            (PLAN, _("Assessments and plan ({count})").format(count=tr.format_number(assessments))),
                            (PROGRAMME, _("Support programme")),
                            (OUTCOMES, _("Jobs and products ({count})").format(
                                count=tr.format_number(self.models["jobs"].rowCount()
                                                       + self.models["products"].rowCount()))),
                            (ACTIONS, _("Open actions ({count})").format(count=count("actions")))):
            self.tabs.setTabText(index, text)
        texts = {"new_session": _("New session…"), "open_session": _("Open"), "print_record": _("Print record…"),
                 "monthly_record": _("Monthly record…"), "new_assessment": _("New assessment…"),
                 "edit_assessment": _("Change the chosen assessment…"), "enrol": _("Enrol…"),
                 "edit_enrolment": _("Change enrolment…"), "new_job": _("New job…"), "edit_job": _("Change job…"),
                 "new_product": _("New product…"), "edit_product": _("Change product…"),
                 "action_done": _("Mark done"), "close": _("Close")}
        texts.update(dict.fromkeys(DELETES, _("Delete…")))
        for key, text in texts.items():
            self.button[key].setText(text)
        self.jobs_heading.setText(_("Jobs created or retained"))
        self.products_heading.setText(_("Socially innovative products"))
        for model in self.models.values():
            model.retranslate(tr)
        self.tables["months"].setFixedWidth(fit_totals(self.tables["months"], tr, month_texts(tr)))
        self.comparison.retranslate(tr)
        def has(key: str) -> bool:
            return self.models[key].rowCount() > 0

        for key, table in (("open_session", "sessions"), ("print_record", "sessions"), ("edit_job", "jobs"),
                           ("edit_product", "products"), ("edit_enrolment", "enrolments"),
                           ("action_done", "actions")):
            self.button[key].setEnabled(has(table))
        self.button["edit_assessment"].setEnabled(assessments > 0)
        delete_key = deleting.delete_key_text()
        for name in DELETES:
            self.button[name].setToolTip(delete_key)
        self._update_delete_buttons()
        self.button["monthly_record"].setEnabled(has("sessions"))
        enrolled = bool(overview and any(item.status == "active" for item in overview.enrolments))
        self.button["enrol"].setEnabled(overview is not None and not enrolled)
