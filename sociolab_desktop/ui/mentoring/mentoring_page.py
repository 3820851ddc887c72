"""The Mentoring area's page: "my sessions" and all sessions, a new session, and the documents,
the organisation's support overview and deleting for the session chosen."""

from __future__ import annotations

import logging
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop import APP_NAME
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.areas import AREAS
from sociolab_desktop.ui.labels import area_title, mute
from sociolab_desktop.ui.mentoring import deleting
from sociolab_desktop.ui.mentoring.all_sessions_tab import AllSessionsTab
from sociolab_desktop.ui.mentoring.my_sessions_tab import MySessionsTab
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

AREA = next(area for area in AREAS if area.key == "mentoring")
MINE, ALL = range(2)


class MentoringPage(QWidget):
    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mentoringPage")
        self.ctx = ctx
        self.forms: list[QWidget] = []  # session forms and windows opened from here, while open
        self.title_label = area_title("mentoringTitle")
        self.body_label = QLabel(objectName="mentoringDescription", wordWrap=True)
        mute(self.body_label)
        self.mine = MySessionsTab(ctx)
        self.all = AllSessionsTab(ctx)
        self.tabs = QTabWidget(objectName="mentoringTabs")
        self.tabs.addTab(self.mine, "")
        self.tabs.addTab(self.all, "")
        self.tabs.currentChanged.connect(lambda _index: self._update_buttons())
        for tab in (self.mine, self.all):
            tab.session_activated.connect(self.open_session)
        self.mine.sessions_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.all.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.mine.loaded.connect(self._update_buttons)
        self.all.model.count_changed.connect(self._update_buttons)

        self.new_button = QPushButton(objectName="newSessionButton")
        self.new_button.clicked.connect(self.new_session)
        self.open_button = QPushButton(objectName="openSessionButton")
        self.open_button.clicked.connect(lambda: self.open_session(self._selected_id()))
        self.print_button = QPushButton(objectName="printRecordButton")
        self.print_button.clicked.connect(self.print_record)
        self.monthly_button = QPushButton(objectName="monthlyRecordButton")
        self.monthly_button.clicked.connect(self.print_monthly_record)
        self.timesheet_button = QPushButton(objectName="timesheetButton")
        self.timesheet_button.clicked.connect(self.print_timesheet)
        self.overview_button = QPushButton(objectName="supportOverviewButton")
        self.overview_button.clicked.connect(self.open_overview)
        self.delete_button = QPushButton(objectName="deleteChosenSessionButton")
        self.delete_button.clicked.connect(lambda: self.delete_session())
        self.question_box = None  # the question shown (ui/forms/questions.py)
        self.busy_deleting = False  # a delete is running: Delete waits for it
        self.delete_keys = {}
        for name, tab, table in (("mine", self.mine, self.mine.sessions_table), ("all", self.all, self.all.table)):
            # Delete in the sessions lists only: the week and month totals are no sessions.
            self.delete_keys[name] = deleting.delete_shortcut(table, lambda tab=tab: self.delete_session(tab))
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.shortcuts = {}
        for keys, slot in ((QKeySequence.StandardKey.New, self.new_session), ("Ctrl+P", self.print_record),
                           ("Ctrl+Shift+M", lambda: self.tabs.setCurrentIndex(MINE)),
                           ("Ctrl+Shift+L", lambda: self.tabs.setCurrentIndex(ALL))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # active while the page is shown
            shortcut.activated.connect(slot)
            self.shortcuts[str(keys)] = shortcut
        self._build_layout()
        self.setFocusProxy(self.tabs)
        ctx.workspace_opened.connect(self.refresh)
        ctx.signed_in_changed.connect(self.mine.reload)
        self.retranslate(ctx.tr)
        if ctx.is_open:
            self.all.start()
            self.mine.reload()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        chain = (self.new_button, self.open_button, self.print_button, self.monthly_button, self.timesheet_button,
                 self.overview_button)
        for button in chain:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)  # at the far end, apart: not hit by a slip from "Open"
        chain = (*chain, self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        for first, second in pairwise((*chain, self.tabs)):
            self.setTabOrder(first, second)

    # --- what is chosen --------------------------------------------------------------------

    def _selected_row(self):
        return self.mine.current_session() if self.tabs.currentIndex() == MINE else self.all.selected_row()

    def _chosen_session(self, tab: QWidget | None = None):
        """The session selected in `tab`'s list (the tab shown by default), None without one."""
        if tab is None:
            tab = self.mine if self.tabs.currentIndex() == MINE else self.all
        return tab.chosen_session()

    def _selected_id(self) -> str | None:
        row = self._selected_row()
        return row.id if row is not None else None

    def _update_buttons(self, *_args) -> None:
        row = self._selected_row()
        for button in (self.open_button, self.print_button):
            button.setEnabled(row is not None)
        self.monthly_button.setEnabled(bool(self._organisation_for_documents()))
        self.overview_button.setEnabled(bool(self._organisation_for_documents()))
        self.delete_button.setEnabled(not self.busy_deleting and self._chosen_session() is not None)

    def _organisation_for_documents(self) -> str | None:
        row = self._selected_row()
        if row is not None and row.organisation_id:
            return row.organisation_id
        return self.all.organisation.chosen_id() if self.tabs.currentIndex() == ALL else None

    def _keep(self, widget: QWidget) -> QWidget:
        self.forms.append(widget)
        widget.destroyed.connect(lambda *_: self.forms.remove(widget) if widget in self.forms else None)
        return widget

    def refresh(self) -> None:
        """Read both lists again (after a session was saved, or the data folder opened)."""
        if not self.ctx.is_open:
            return
        self.all.start()
        self.mine.reload()

    # --- actions ---------------------------------------------------------------------------

    def new_session(self, *, organisation_id: str | None = None, person_id: str | None = None):
        return self.open_session(None, organisation_id=organisation_id, person_id=person_id)

    def open_session(self, session_id: str | None, *, organisation_id: str | None = None,
                     person_id: str | None = None):
        """The session's form (a new session's when `session_id` is None)."""
        from sociolab_desktop.ui.mentoring.session_form import SessionForm

        if not self.ctx.is_open:
            return None
        form = SessionForm(self.ctx, session_id, organisation_id=organisation_id, person_id=person_id,
                           parent=self.window())
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _id: self.refresh())
        self._keep(form)
        form.open()
        return form

    def print_record(self):
        from sociolab_desktop.ui.mentoring.mentoring_print import print_session_record

        session_id = self._selected_id()
        return print_session_record(self.ctx, session_id, self.window()) if session_id else None

    def print_monthly_record(self):
        from sociolab_desktop.ui.mentoring.mentoring_print import print_monthly_record

        organisation_id, row = self._organisation_for_documents(), self._selected_row()
        if not organisation_id:
            return self._tell(self.ctx.tr.gettext("Choose a session with an organisation, or an organisation in "
                                                  "the filters, to print its monthly record."))
        return print_monthly_record(self.ctx, organisation_id, self.window(), row.session_date if row else None)

    def print_timesheet(self):
        from sociolab_desktop.ui.mentoring.mentoring_print import print_timesheet

        mentor_id = self.all.mentor_combo.currentData() if self.tabs.currentIndex() == ALL else None
        mentor_id = mentor_id or self.ctx.settings.current_staff_id
        if not mentor_id:
            return self._tell(self.ctx.tr.gettext("Sign in, or choose a mentor in the filters, to print a timesheet."))
        row = self._selected_row()
        month = self.mine.anchor if self.tabs.currentIndex() == MINE else (row.session_date if row else None)
        return print_timesheet(self.ctx, mentor_id, self.window(), month)

    def open_overview(self):
        from sociolab_desktop.ui.mentoring.organisation_support_window import (
            open_support_overview,
        )

        organisation_id = self._organisation_for_documents()
        if not organisation_id:
            return None
        window = open_support_overview(self.ctx, organisation_id, self.window())
        window.changed.connect(self.refresh)
        return window

    def delete_session(self, tab: QWidget | None = None):
        """Ask, naming the session selected in `tab` (the tab shown by default), then delete it
        the way the organisation's support window does and read both lists again."""
        row = self._chosen_session(tab)
        if row is None or self.busy_deleting or not self.ctx.is_open:
            return None
        text, informative = deleting.question_for(self.ctx.tr, "sessions", row)
        return deleting.ask_to_delete(self, self.ctx.tr, text, informative, lambda: self._delete(row))

    def _delete(self, row) -> None:
        from sociolab_desktop.ui.mentoring.organisation_support_window import (
            reload_open_overviews,
        )

        if self.busy_deleting:
            return
        self.busy_deleting = True
        self._update_buttons()

        def done() -> None:
            self.busy_deleting = False
            self.refresh()
            reload_open_overviews(self, {row.organisation_id} if row.organisation_id else set())
            self._update_buttons()

        deleting.delete_in_worker(self.ctx, self, "sessions", row.id, done)

    def _tell(self, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self.window())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.title_label.setText(_(AREA.title))
        self.body_label.setText(_(AREA.description))
        self.tabs.setTabText(MINE, _("My sessions"))
        self.tabs.setTabToolTip(MINE, "Ctrl+Shift+M")
        self.tabs.setTabText(ALL, _("All sessions"))
        self.tabs.setTabToolTip(ALL, "Ctrl+Shift+L")
        self.new_button.setText(_("New session…"))
        self.new_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.open_button.setText(_("Open"))
        self.open_button.setToolTip(_("Enter or a double-click opens the session too"))
        self.print_button.setText(_("Print record…"))
        self.print_button.setToolTip("Ctrl+P")
        self.monthly_button.setText(_("Monthly record…"))
        self.timesheet_button.setText(_("Timesheet…"))
        self.overview_button.setText(_("Organisation's support…"))
        self.overview_button.setToolTip(_("The support overview of the chosen session's organisation, or the one in "
                                          "the filters: sessions and hours, assessments and plan, jobs and products."))
        self.delete_button.setText(_("Delete…"))
        self.delete_button.setToolTip(deleting.delete_key_text())
        self.mine.retranslate(tr)
        self.all.retranslate(tr)
        self._update_buttons()
        self.monthly_button.setToolTip(tr.gettext(
            "One organisation's monthly record for signing: the chosen session's organisation, or the one in the "
            "filters."))
        self.timesheet_button.setToolTip(tr.gettext(
            "A mentor's hours for a month: yours, or the mentor chosen in the filters of All sessions."))
