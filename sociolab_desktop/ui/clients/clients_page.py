"""The Clients area's page: search, three filters, the lazy list, the work lists, merging two rows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QPushButton, QWidget

from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.clients.person_list_model import (
    EMAIL,
    FIRST_CONTACT,
    MUNICIPALITY,
    PHONE,
    ListQuery,
    PersonListModel,
)
from sociolab_desktop.ui.list_choices import add_municipalities, add_sites, load_sites_and_municipalities
from sociolab_desktop.ui.list_page import ListPage
from sociolab_desktop.ui.list_table import list_table
from sociolab_desktop.ui.shell_context import ShellContext

ALL_SITES = N_("All info points")
ALL_MUNICIPALITIES = N_("All municipalities")
CONSENT_CHOICES = (
    (None, N_("Any consent")),
    ("given", N_("With valid consent")),
    ("lacking", N_("Without valid consent")),
)
COLUMN_WIDTHS = {0: 140, 1: 120, EMAIL: 230, PHONE: 125, MUNICIPALITY: 210, FIRST_CONTACT: 95}


class ClientsPage(ListPage):
    person_activated = Signal(str)  # a person's id: Enter or a double-click on their row

    SEARCH_HINT = N_("Search by name, e-mail, phone, EMŠO or municipality (Ctrl+F)")
    NEW_TEXT = N_("New person")
    load_choices = staticmethod(load_sites_and_municipalities)

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "clients", new_button_name="newPersonButton", parent=parent)
        self.new_person_button = self.new_button  # the name the person form's tests know it by
        self.person_form = None  # the open "New person" form, if any
        # Lists that ask for work, and the merge of two selected rows.
        self.follow_ups_button = QPushButton(objectName="followUpsButton")
        self.follow_ups_button.clicked.connect(self.open_follow_ups)
        self.lacking_consent_button = QPushButton(objectName="lackingConsentButton")
        self.lacking_consent_button.clicked.connect(self.open_lacking_consent)
        self.merge_button = QPushButton(objectName="mergeButton", enabled=False)
        self.merge_button.clicked.connect(self.merge_selected)
        self.dialog = None  # the list or merge window opened last

        self.site_combo = QComboBox(objectName="clientsSiteFilter")
        self.municipality_combo = QComboBox(objectName="clientsMunicipalityFilter")
        self.municipality_combo.setMaxVisibleItems(20)
        self.consent_combo = QComboBox(objectName="clientsConsentFilter")
        for value, _label in CONSENT_CHOICES:
            self.consent_combo.addItem("", value)
        self.site_combo.addItem("", None)
        self.municipality_combo.addItem("", None)
        filters = (self.site_combo, self.municipality_combo, self.consent_combo)
        for combo in filters:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.model = PersonListModel(ctx, self)
        self.table = list_table("clientsTable", self.model, COLUMN_WIDTHS, tab_leaves=False)
        # Two rows selected (Ctrl+click) can be merged.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.set_up(filters, buttons=(self.follow_ups_button, self.lacking_consent_button, self.merge_button))

    # --- searching -------------------------------------------------------------------------

    def current_query(self) -> ListQuery:
        return ListQuery(
            text=self.search_edit.text().strip(),
            site_id=self.site_combo.currentData(),
            municipality_code=self.municipality_combo.currentData(),
            consent=self.consent_combo.currentData(),
        )

    def show_choices(self, choices) -> None:
        sites, municipalities = choices
        self.model.set_site_names(add_sites(self.site_combo, sites, short=True))
        add_municipalities(self.municipality_combo, municipalities)

    # --- opening ---------------------------------------------------------------------------

    def new_record(self) -> None:
        """The form for a person who is not on the list yet; the list reads again after saving."""
        from sociolab_desktop.ui.persons.person_form import PersonFormDialog

        if not self.ctx.is_open:
            return
        self.person_form = PersonFormDialog(self.ctx, parent=self)
        self.person_form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.person_form.saved.connect(lambda _person_id: self.model.refresh())
        self.person_form.open()

    def activate(self, person_id: str) -> None:
        self.person_activated.emit(person_id)
        self.open_person(person_id)

    def selected_person_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [person_id for person_id in map(self.model.person_id, rows) if person_id]

    def _on_selection_changed(self, *_args) -> None:
        self.merge_button.setEnabled(len(self.selected_person_ids()) == 2)

    def open_person(self, person_id: str):
        from sociolab_desktop.ui.persons.person_window import open_person_window

        window = open_person_window(self.ctx, person_id, self.window())
        if not window.property("refreshesClients"):  # a window brought back is connected already
            window.setProperty("refreshesClients", True)
            window.changed.connect(self.refresh)
        return window

    def open_follow_ups(self):
        from sociolab_desktop.ui.persons.follow_ups_dialog import FollowUpsDialog

        return self._show_dialog(FollowUpsDialog(self.ctx, self.window()))

    def open_lacking_consent(self):
        from sociolab_desktop.ui.persons.lacking_consent_dialog import LackingConsentDialog

        return self._show_dialog(LackingConsentDialog(self.ctx, self.window()))

    def merge_selected(self):
        from sociolab_desktop.ui.persons.merge_dialog import MergeDialog

        chosen = self.selected_person_ids()
        if len(chosen) != 2:
            return None
        dialog = MergeDialog(self.ctx, chosen[0], chosen[1], self.window())
        dialog.merged.connect(self._on_merged)
        return self._show_dialog(dialog)

    def _on_merged(self, survivor_id: str) -> None:
        self.refresh()
        self.open_person(survivor_id)

    def _show_dialog(self, dialog):
        # Shown, not exec'd: persons opened from these lists must stay usable beside them.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog

    # --- words -----------------------------------------------------------------------------

    def count_text(self, tr: Translator, total: int) -> str:
        return tr.ngettext("{count} client", "{count} clients", total).format(count=tr.format_number(total))

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.follow_ups_button.setText(_("Follow-ups due"))
        self.follow_ups_button.setToolTip(_("Contacts whose follow-up date has come or is near"))
        self.lacking_consent_button.setText(_("Without consent"))
        self.lacking_consent_button.setToolTip(_("Persons without a valid consent to data processing"))
        self.merge_button.setText(_("Merge…"))
        self.merge_button.setToolTip(_(
            "Select two rows of the same person (Ctrl+click), then merge them into one record"))
        self.site_combo.setItemText(0, _(ALL_SITES))
        self.municipality_combo.setItemText(0, _(ALL_MUNICIPALITIES))
        for row, (_value, label) in enumerate(CONSENT_CHOICES):
            self.consent_combo.setItemText(row, _(label))
        super().retranslate(tr)
        self.consent_combo.setToolTip(tr.gettext(
            "Valid consent: consent to the processing of personal data, given and not withdrawn."))
