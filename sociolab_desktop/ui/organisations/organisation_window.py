"""One organisation's window: its key data, the people linked with their roles, and its timeline."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import ORGANISATION_ROLES, label
from sociolab_desktop.core.services import organisation_roles as roles
from sociolab_desktop.core.services.organisations import OrganisationDetail, get_organisation
from sociolab_desktop.core.services.timeline import organisation_timeline
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.forms.questions import ask
from sociolab_desktop.ui.organisations.details_panel import DetailsPanel
from sociolab_desktop.ui.organisations.organisation_models import (
    PERSON,
    ROLE,
    SINCE,
    WHAT,
    LinkedPersonsModel,
    TimelineModel,
)
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1060, 640)  # fits 1366×768 beside the task bar, over the main window


@dataclass(frozen=True)
class OrganisationView:
    """Everything the window shows, read in one go in a worker."""

    detail: OrganisationDetail | None
    links: list
    timeline: list
    municipality_name: str
    site_name: str


def load_view(store, organisation_id: str) -> OrganisationView:
    from sociolab_desktop.core.domain.municipalities import municipality_by_code
    from sociolab_desktop.core.services.sites import list_sites

    detail = get_organisation(store, organisation_id)
    if detail is None:
        return OrganisationView(None, [], [], "", "")
    municipality = municipality_by_code(detail.municipality_code) if detail.municipality_code else None
    site = next((s.name for s in list_sites(store) if s.id == detail.site_id), "")
    return OrganisationView(detail, roles.linked_persons(store, organisation_id),
                            organisation_timeline(store, organisation_id),
                            municipality.name if municipality else "", site)


def _table(object_name: str, model) -> QTableView:
    table = QTableView(objectName=object_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return table


class OrganisationWindow(QWidget):
    changed = Signal()  # the organisation or its people changed: lists showing it should refresh
    open_requested = Signal(str)  # another organisation to show (the form's "Open it")
    loaded = Signal()  # what the window shows was (re)read

    def __init__(self, ctx: ShellContext, organisation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("organisationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.organisation_id = organisation_id
        self.view: OrganisationView | None = None
        self.loading = False
        self.dialog = None  # the form or role dialog this window opened, while open
        self.person_windows: list = []

        self.details = DetailsPanel()
        self.edit_button = QPushButton(objectName="editOrganisationButton")
        self.edit_button.clicked.connect(self.edit)
        self.persons_model = LinkedPersonsModel(ctx.tr, self)
        self.persons_table = _table("linkedPersonsTable", self.persons_model)
        self.persons_table.horizontalHeader().resizeSection(PERSON, 200)
        self.persons_table.horizontalHeader().resizeSection(ROLE, 140)
        self.persons_table.horizontalHeader().resizeSection(SINCE, 100)
        self.persons_table.activated.connect(self._on_person_activated)
        self.persons_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.link_button = QPushButton(objectName="linkPersonButton")
        self.link_button.clicked.connect(self.link_person)
        self.dates_button = QPushButton(objectName="roleDatesButton")
        self.dates_button.clicked.connect(self.change_dates)
        self.unlink_button = QPushButton(objectName="unlinkButton")
        self.unlink_button.clicked.connect(self.unlink)
        self.open_person_button = QPushButton(objectName="openPersonButton")
        self.open_person_button.clicked.connect(self.open_person)
        self.timeline_model = TimelineModel(ctx.tr, self)
        self.timeline_table = _table("organisationTimeline", self.timeline_model)
        self.timeline_table.horizontalHeader().resizeSection(0, 90)
        self.timeline_table.horizontalHeader().resizeSection(WHAT, 230)
        self.timeline_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tabs = QTabWidget(objectName="organisationTabs")
        self.tabs.addTab(self._persons_tab(), "")
        self.tabs.addTab(self.timeline_table, "")
        self.close_button = QPushButton(objectName="closeOrganisationButton")
        self.close_button.clicked.connect(self.close)
        self.question_box: QMessageBox | None = None  # "remove the link?" while it is shown
        self._build_layout()
        self._install_shortcuts()
        self._update_buttons()
        self.resize(*DEFAULT_SIZE)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        self.reload()

    def _on_language_changed(self) -> None:
        """A bound method, not a lambda: Qt drops the connection when the window is deleted (a
        lambda would keep calling into the deleted window at the next language switch)."""
        self.retranslate(self.ctx.tr)

    def _persons_tab(self) -> QWidget:
        tab = QWidget()
        buttons = QHBoxLayout()
        for button in (self.link_button, self.dates_button, self.unlink_button, self.open_person_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.persons_table, 1)
        layout.addLayout(buttons)
        return tab

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.details, 1)
        left.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addLayout(left, 2)
        body.addWidget(self.tabs, 3)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        chain = (self.edit_button, self.tabs, self.persons_table, self.link_button, self.dates_button,
                 self.unlink_button, self.open_person_button, self.close_button)
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    def _install_shortcuts(self) -> None:
        def shortcut(keys, slot, widget=None) -> QShortcut:
            made = QShortcut(QKeySequence(keys), widget or self)
            if widget is not None:
                made.setContext(Qt.ShortcutContext.WidgetShortcut)
            made.activated.connect(slot)
            return made

        self.edit_shortcut = shortcut("Ctrl+E", self.edit)
        self.link_shortcut = shortcut("Ctrl+L", self.link_person)
        self.close_shortcut = shortcut(QKeySequence.StandardKey.Close, self.close)
        self.escape_shortcut = shortcut("Esc", self.close)
        self.unlink_shortcut = shortcut(QKeySequence.StandardKey.Delete, self.unlink, self.persons_table)

    # --- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.loading = True
        store, organisation_id = self.ctx.workspace.store, self.organisation_id
        self.ctx.operations.run(lambda: load_view(store, organisation_id), on_success=self._on_loaded,
                                on_failure=self._on_load_failed, owner=self)

    def _on_load_failed(self, error: BaseException) -> None:
        self.loading = False
        self.ctx.operations.report_error(error)

    def _on_loaded(self, view: OrganisationView) -> None:
        self.loading = False
        self.view = view
        selected = self.current_link()
        self.persons_model.set_rows(view.links)
        self.timeline_model.set_rows(view.timeline)
        if selected is not None:
            row = next((i for i, link in enumerate(view.links) if link.id == selected.id), -1)
            if row >= 0:
                self.persons_table.selectRow(row)
        self.retranslate(self.ctx.tr)
        self.loaded.emit()

    def _after_change(self) -> None:
        self.changed.emit()
        self.reload()

    # --- people ----------------------------------------------------------------------------

    def current_link(self):
        index = self.persons_table.currentIndex()
        return self.persons_model.row(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args) -> None:
        has_link = self.current_link() is not None
        for button in (self.dates_button, self.unlink_button, self.open_person_button):
            button.setEnabled(has_link)
        usable = self.view is not None and self.view.detail is not None
        self.edit_button.setEnabled(usable)
        self.link_button.setEnabled(usable)

    def link_person(self):
        from sociolab_desktop.ui.organisations.role_dialog import RoleDialog

        if self.view is None or self.view.detail is None:
            return None
        dialog = RoleDialog(self.ctx, self.organisation_id, self.view.detail.name, self)
        dialog.linked.connect(lambda _link: self._after_change())
        return self._show_dialog(dialog)

    def change_dates(self):
        from sociolab_desktop.ui.organisations.role_dialog import RoleDatesDialog

        link = self.current_link()
        if link is None:
            return None
        dialog = RoleDatesDialog(self.ctx, link, self)
        dialog.changed.connect(lambda _link: self._after_change())
        return self._show_dialog(dialog)

    def unlink(self):
        """Ask, then remove the chosen person's role (a role that ended is better given an end date)."""
        link = self.current_link()
        if link is None:
            return None
        tr = self.ctx.tr
        text = tr.gettext("Remove {person} as {role} of “{organisation}”? If the person has left, "
                          "give the role an end date instead, so the history stays.").format(
            person=link.person_name, role=label(tr, ORGANISATION_ROLES, link.role), organisation=link.organisation_name)
        choices = [(tr.gettext("Remove"), QMessageBox.ButtonRole.DestructiveRole),
                   (tr.gettext("Cancel"), QMessageBox.ButtonRole.RejectRole)]
        return ask(self, text, choices, lambda index: index == 0 and self._unlink(link.id), default=1)

    def _unlink(self, role_id: str) -> None:
        store, actor = self.ctx.workspace.store, self.ctx.workspace.actor
        log.info("Unlinking role %s", role_id)
        self.ctx.operations.run(lambda: roles.unlink_person(store, actor, role_id),
                                on_success=lambda _result: self._after_change(), owner=self)

    def _on_person_activated(self, _index: QModelIndex) -> None:
        self.open_person()

    def open_person(self):
        from sociolab_desktop.ui.persons.person_window import open_person_window

        link = self.current_link()
        if link is None:
            return None
        # A child of the main window, like this one: it stays open when this window closes.
        window = open_person_window(self.ctx, link.person_id, self.parentWidget() or self)
        self.person_windows.append(window)
        return window

    # --- the organisation ------------------------------------------------------------------

    def edit(self):
        from sociolab_desktop.ui.organisations.organisation_form import OrganisationForm

        if self.view is None or self.view.detail is None:
            return None
        form = OrganisationForm(self.ctx, self.organisation_id, self)
        form.saved.connect(lambda _id: self._after_change())
        form.open_requested.connect(self.open_requested)
        return self._show_dialog(form)

    def _show_dialog(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        detail = self.view.detail if self.view else None
        self.setWindowTitle(detail.name if detail else _("Organisation"))
        self.details.show_view(self.view, tr, loading=self.view is None)
        self.edit_button.setText(_("Edit…"))
        self.edit_button.setToolTip("Ctrl+E")
        self.link_button.setText(_("Link a person…"))
        self.link_button.setToolTip("Ctrl+L")
        self.dates_button.setText(_("Change dates…"))
        self.dates_button.setToolTip(_("Change when the chosen person's role began or ended; a role that ended stays "
                                       "listed with its end date."))
        self.unlink_button.setText(_("Remove"))
        self.unlink_button.setToolTip(_("Remove the chosen person's role, e.g. one linked by mistake; if the person "
                                        "has left, give the role an end date instead."))
        self.open_person_button.setText(_("Open person"))
        self.close_button.setText(_("Close"))
        people, events = self.persons_model.rowCount(), self.timeline_model.rowCount()
        self.tabs.setTabText(0, _("People ({count})").format(count=tr.format_number(people)))
        self.tabs.setTabText(1, _("Timeline ({count})").format(count=tr.format_number(events)))
        self.persons_model.retranslate(tr)
        self.timeline_model.retranslate(tr)
        self._update_buttons()
