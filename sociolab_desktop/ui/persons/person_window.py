"""One person's page: key data, consent, organisations and the whole history, with what staff do next."""

from __future__ import annotations

import datetime as dt
import itertools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import (
    DOCUMENT_LANGUAGES,
    ORGANISATION_ROLES_IN_SENTENCE,
    label,
)
from sociolab_desktop.core.services.organisation_roles import RoleLink
from sociolab_desktop.core.services.timeline import TimelineItem, TimelineKind
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import area_title, mute, section_heading
from sociolab_desktop.ui.open_windows import front_window
from sociolab_desktop.ui.persons.consent_badge import ConsentBadge
from sociolab_desktop.ui.persons.consent_dialog import (
    ConsentDialog,
    WithdrawConsentDialog,
)
from sociolab_desktop.ui.persons.contact_dialog import ContactDialog
from sociolab_desktop.ui.persons.person_page_data import (
    ConsentState,
    PersonPage,
    load_person_page,
)
from sociolab_desktop.ui.persons.timeline_view import TimelineView
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1080, 680)  # fits 1366×768 with the task bar and frame
ORGANISATION_ROLE = Qt.ItemDataRole.UserRole + 1
FACTS = (("birth", N_("Date of birth:")), ("municipality", N_("Municipality:")), ("email", N_("E-mail:")),
         ("phone", N_("Phone:")), ("site", N_("Info point:")), ("first_contact", N_("First contact:")),
         ("language", N_("Documents in:")))


def has_ended(link: RoleLink, today: dt.date) -> bool:
    return link.until is not None and link.until < today


def roles_in_order(links: list[RoleLink], today: dt.date) -> list[RoleLink]:
    """The roles held now (or yet to start) first, as the service orders them; then the ended ones,
    the latest to end first."""
    return sorted(links, key=lambda link: (has_ended(link, today),
                                           -link.until.toordinal() if has_ended(link, today) else 0))


def role_text(tr: Translator, link: RoleLink) -> str:
    """"Lesni most d.o.o. — employee from 3 February 2020 to 21 July 2020": a role that ended says when."""
    _ = tr.gettext
    values = {"organisation": link.organisation_name, "role": label(tr, ORGANISATION_ROLES_IN_SENTENCE, link.role),
              "start": tr.format_date(link.since) if link.since else "",
              "end": tr.format_date(link.until) if link.until else ""}
    if link.since and link.until:
        return _("{organisation} — {role} from {start} to {end}").format(**values)
    if link.until:
        return _("{organisation} — {role} until {end}").format(**values)
    if link.since:
        return _("{organisation} — {role} since {date}").format(date=values["start"], **values)
    return _("{organisation} — {role}").format(**values)


def open_person_window(ctx: ShellContext, person_id: str, parent: QWidget | None = None) -> PersonWindow:
    """The person's window, brought to the front if it is open already (one window per person)."""
    window = front_window(parent, PersonWindow,
                          lambda open_window: person_id in (open_window.person_id, open_window.requested_id))
    if window is not None:
        return window
    window = PersonWindow(ctx, person_id, parent)
    window.show()
    return window


class PersonWindow(QWidget):
    loaded = Signal()  # the page shows what the database holds now
    changed = Signal(str)  # the person's records were changed here (person id), for lists to refresh

    def __init__(self, ctx: ShellContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("personWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.requested_id = person_id
        self.person_id = person_id  # the survivor's once a merged-away record is followed
        self.page: PersonPage | None = None
        self.dialogs: list[QWidget] = []  # the dialog opened last (tests reach it here)

        self.name_label = area_title("personName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = ConsentBadge()
        self.notice = QLabel(objectName="personNotice", wordWrap=True)
        self.notice.setStyleSheet("QLabel#personNotice { color: #3d3000; background: #fff4ce; padding: 6px 8px; }")
        self.notice.hide()
        self.fact_labels = {key: QLabel() for key, _text in FACTS}
        self.facts = {key: QLabel(objectName=f"fact_{key}") for key, _text in FACTS}
        for value in self.facts.values():
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.organisations_heading = section_heading("organisationsHeading")
        self.organisations = QListWidget(objectName="personOrganisations")
        self.organisations.itemActivated.connect(self._on_organisation_activated)
        self.organisations.setWordWrap(True)
        self.organisations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_heading = section_heading("historyHeading")
        self.history_hint = QLabel(objectName="historyHint")
        mute(self.history_hint)
        self.timeline = TimelineView(self)
        self.timeline.item_activated.connect(self._on_entry_activated)

        self.edit_button = QPushButton(objectName="editPerson")
        self.contact_button = QPushButton(objectName="recordContact")
        self.consent_button = QPushButton(objectName="recordConsent")
        self.withdraw_button = QPushButton(objectName="withdrawConsent")
        self.print_button = QPushButton(objectName="printConsent")
        self.close_button = QPushButton(objectName="closePerson")
        self.action_buttons = (self.edit_button, self.contact_button, self.consent_button, self.withdraw_button,
                               self.print_button)
        # Set again after every setText, which replaces a button's shortcut with its mnemonic.
        self.shortcuts = {self.edit_button: QKeySequence("Ctrl+E"), self.contact_button: QKeySequence("Ctrl+K"),
                          self.print_button: QKeySequence(QKeySequence.StandardKey.Print)}
        for button, slot in (
            (self.edit_button, self.edit_person),
            (self.contact_button, self.record_contact),
            (self.consent_button, self.record_consent),
            (self.withdraw_button, lambda: self.withdraw_consent()),
            (self.print_button, self.print_consent_form),
            (self.close_button, self.close),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)

        self._build_layout()
        self._set_enabled(False)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)
        available = self.screen().availableGeometry().size()
        self.resize(min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height()))
        self.reload()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addSpacing(12)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for keys in (("birth", "municipality", "email", "phone"), ("site", "first_contact", "language")):
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            form.setVerticalSpacing(6)  # not the 24 between the columns, which it would inherit
            for key in keys:
                form.addRow(self.fact_labels[key], self.facts[key])
            column = QVBoxLayout()  # rows stay together when the organisations list is taller
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)
        organisations = QVBoxLayout()
        organisations.setSpacing(4)
        organisations.addWidget(self.organisations_heading)
        organisations.addWidget(self.organisations)
        organisations.addStretch(1)
        self.organisations.setMaximumHeight(self.fontMetrics().height() * 5 + 8)
        columns.addLayout(organisations, 1)
        history = QHBoxLayout()
        history.addWidget(self.history_heading)
        history.addStretch(1)
        history.addWidget(self.history_hint)
        buttons = QHBoxLayout()
        for button in self.action_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(columns)
        layout.addSpacing(6)
        layout.addLayout(history)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        chain = [*self.action_buttons, self.close_button, self.timeline, self.organisations]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        store, person_id = self.ctx.workspace.store, self.requested_id
        self.ctx.operations.run(lambda: load_person_page(store, person_id), on_success=self._show_page, owner=self)

    def _show_page(self, page: PersonPage) -> None:
        self.page = page
        if page.person is not None:
            self.person_id = page.person.id
        if page.was_merged:
            log.info("Person %s was merged into %s; showing the survivor", page.requested_id, page.person.id)
        self._set_enabled(page.person is not None and page.person.erased_at is None)
        self.retranslate(self.ctx.tr)
        self.loaded.emit()

    def _set_enabled(self, can_record: bool) -> None:
        for button in self.action_buttons:
            button.setEnabled(can_record)
        if can_record:
            self.withdraw_button.setEnabled(bool(self.page and self.page.open_consents()))

    # --- words -----------------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        for key, text in FACTS:
            self.fact_labels[key].setText(_(text))
        self.organisations_heading.setText(_("Organisations"))
        self.history_heading.setText(_("History"))
        self.history_hint.setText(_("Enter or a double-click on a contact edits it; on a consent, withdraws it."))
        for button, text in ((self.edit_button, _("Edit…")), (self.contact_button, _("Record contact…")),
                             (self.consent_button, _("Record consent…")),
                             (self.withdraw_button, _("Withdraw consent…")),
                             (self.print_button, _("Print consent form…")), (self.close_button, _("Close"))):
            button.setText(text)
            if button in self.shortcuts:
                button.setShortcut(self.shortcuts[button])
                button.setToolTip(self.shortcuts[button].toString(QKeySequence.SequenceFormat.NativeText))
        self._show_person(tr)

    def _show_person(self, tr: Translator) -> None:
        _ = tr.gettext
        page = self.page
        person = page.person if page else None
        if person is None:
            self.setWindowTitle(_("Person"))
            self.name_label.setText(_("Reading…") if page is None else _("Person not found"))
            self.notice.setText("" if page is None else _("The person was not found; the list may be out of date. "
                                                          "Refresh it and try again."))
            self.notice.setVisible(page is not None)
            self.badge.hide()
            return
        name = f"{person.first_name} {person.last_name}".strip() or _("(erased)")
        self.setWindowTitle(name)
        self.name_label.setText(name)
        notices = []
        if page.was_merged:
            notices.append(_("The record you opened was merged into this one; everything recorded for either "
                             "person is shown here."))
        if person.erased_at is not None:
            notices.append(_("This person's data was erased; nothing more can be recorded for them."))
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        birth = tr.format_date(person.birth_date) if person.birth_date else (str(person.birth_year or "") or "—")
        values = {
            "birth": birth, "municipality": person.municipality_name or "—", "email": person.email or "—",
            "phone": person.phone or "—", "site": page.site_names.get(person.site_id, "—"),
            "first_contact": tr.format_date(person.first_contact_date) if person.first_contact_date else "—",
            "language": label(tr, DOCUMENT_LANGUAGES, person.preferred_language or "sl"),
        }
        for key, value in values.items():
            self.facts[key].setText(value)
        self.badge.show_consents(page.consents, tr)
        self.organisations.clear()
        today = dt.date.today()
        muted = self.organisations.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for link in roles_in_order(page.organisations, today):
            item = QListWidgetItem(role_text(tr, link))
            item.setData(ORGANISATION_ROLE, link.organisation_id)
            if has_ended(link, today):
                item.setForeground(muted)
            self.organisations.addItem(item)
        if not page.organisations:
            self.organisations.addItem(_("Not linked to any organisation."))
        self.timeline.show_items(page.timeline, tr, page.staff_names)

    def consent_state(self) -> ConsentState | None:
        return self.badge.state

    # --- actions ---------------------------------------------------------------------------

    def _keep(self, dialog: QWidget) -> QWidget:
        self.dialogs = [dialog]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _after_save(self, *_args) -> None:
        self.changed.emit(self.person_id)
        self.reload()

    def edit_person(self):
        from sociolab_desktop.ui.persons.person_form import PersonFormDialog

        dialog = PersonFormDialog(self.ctx, self.person_id, self)
        dialog.saved.connect(self._after_save)
        return self._keep(dialog)

    def record_contact(self):
        dialog = ContactDialog(self.ctx, self.person_id, parent=self)
        dialog.saved.connect(self._after_save)
        return self._keep(dialog)

    def edit_contact(self, contact_id: str):
        dialog = ContactDialog(self.ctx, contact_id=contact_id, parent=self)
        dialog.saved.connect(self._after_save)
        return self._keep(dialog)

    def record_consent(self):
        dialog = ConsentDialog(self.ctx, self.person_id, self)
        dialog.saved.connect(self._after_save)
        return self._keep(dialog)

    def withdraw_consent(self, consent_id: str | None = None):
        open_consents = self.page.open_consents() if self.page else []
        # The one chosen in the history first, else the consent to data processing first.
        open_consents.sort(key=lambda record: (record.id != consent_id, record.purpose != "data_processing"))
        dialog = WithdrawConsentDialog(self.ctx, open_consents, self)
        dialog.saved.connect(self._after_save)
        return self._keep(dialog)

    def print_consent_form(self):
        from sociolab_desktop.ui.persons.consent_print import ConsentPrintDialog

        if self.page is None or self.page.person is None:
            return None
        return self._keep(ConsentPrintDialog(self.ctx, self.page.person, self))

    def _on_entry_activated(self, entry: TimelineItem) -> None:
        if self.page is None or not self.edit_button.isEnabled():
            return
        if entry.kind == TimelineKind.CONTACT:
            self.edit_contact(entry.record_id)
        elif entry.kind == TimelineKind.CONSENT_GIVEN and entry.detail.get("withdrawn_on") is None:
            self.withdraw_consent(entry.record_id)

    def _on_organisation_activated(self, item: QListWidgetItem):
        from sociolab_desktop.ui.organisations.organisation_window import (
            OrganisationWindow,
        )

        organisation_id = item.data(ORGANISATION_ROLE)
        if not organisation_id:
            return None
        for window in self.findChildren(OrganisationWindow):
            if window.organisation_id == organisation_id and window.isVisible():
                window.raise_()
                window.activateWindow()
                return window
        window = OrganisationWindow(self.ctx, organisation_id, self)
        window.changed.connect(self.reload)  # a role changed there shows here
        window.show()
        return window
