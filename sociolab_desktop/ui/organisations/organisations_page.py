"""The Organisations area's page: search, four filters, the count, the lazy list, "New organisation"."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from sociolab_desktop.core.domain.labels import LEGAL_FORMS, STAGES
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.list_choices import (
    add_municipalities,
    add_sites,
    load_sites_and_municipalities,
)
from sociolab_desktop.ui.list_page import ListPage
from sociolab_desktop.ui.list_table import list_table
from sociolab_desktop.ui.organisations.choices import fill_combo
from sociolab_desktop.ui.organisations.organisation_list_model import (
    INFO_POINT,
    LEGAL_FORM,
    MUNICIPALITY,
    NAME,
    REGISTRATION_NUMBER,
    STAGE,
    OrganisationListModel,
    OrganisationQuery,
)
from sociolab_desktop.ui.shell_context import ShellContext

ANY_LEGAL_FORM = N_("Any legal form")
ANY_STAGE = N_("Any stage")
ALL_MUNICIPALITIES = N_("All municipalities")
ALL_SITES = N_("All info points")
FILTER_WIDTH_CHARACTERS = 16  # the narrowest a filter gets when the window is narrow
# Wide enough for the Slovenian headers ("Pravnoorganizacijska oblika"); the name takes the rest.
COLUMN_WIDTHS = {LEGAL_FORM: 185, STAGE: 165, MUNICIPALITY: 135, REGISTRATION_NUMBER: 120, INFO_POINT: 150}


def _fit_popup(combo: QComboBox) -> None:
    """The open list shows whole items even where the closed combo is narrower."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)


class FilterCombo(QComboBox):
    """A filter as wide as its longest item where the line has room (1366 pixels), narrower down to
    FILTER_WIDTH_CHARACTERS where it has not; then its text ends in "…" instead of being cut."""

    def __init__(self, object_name: str) -> None:
        super().__init__(objectName=object_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(FILTER_WIDTH_CHARACTERS)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # FILTER_WIDTH_CHARACTERS wide, with the frame and the arrow
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(row)) for row in range(self.count())), default=0)
        return QSize(hint.width() + max(0, longest - FILTER_WIDTH_CHARACTERS * metrics.horizontalAdvance("X")),
                     hint.height())

    def text_rect(self):
        """Where the current item's text is drawn."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           self.text_rect().width())
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class OrganisationsPage(ListPage):
    organisation_activated = Signal(str)  # an organisation's id: Enter or a double-click on its row

    SEARCH_HINT = N_("Search by name, registration or tax number, or e-mail (Ctrl+F)")
    NEW_TEXT = N_("New organisation…")
    NONE_YET_HEADING = N_("No organisations yet")
    NONE_YET_TEXT = N_("Add the social enterprises, cooperatives and initiatives this info point supports; "
                       "then link the people behind them and record every contact.")
    NONE_YET_BUTTON = N_("Add the first organisation…")
    NO_MATCH_TEXT = N_("No organisation matches the search and filters. Check the spelling, or clear the "
                       "search (Esc) and the filters.")
    load_choices = staticmethod(load_sites_and_municipalities)

    def __init__(self, ctx: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "organisations", new_button_name="newOrganisationButton", parent=parent)
        self.windows: dict[str, QWidget] = {}  # open organisation windows by id

        self.legal_form_combo = FilterCombo("organisationsLegalFormFilter")
        self.stage_combo = FilterCombo("organisationsStageFilter")
        self.municipality_combo = FilterCombo("organisationsMunicipalityFilter")
        self.municipality_combo.setMaxVisibleItems(20)
        self.municipality_combo.addItem("", None)
        self.site_combo = FilterCombo("organisationsSiteFilter")
        self.site_combo.addItem("", None)
        filters = (self.legal_form_combo, self.stage_combo, self.municipality_combo, self.site_combo)

        self.model = OrganisationListModel(ctx, self)
        self.table = list_table("organisationsTable", self.model, COLUMN_WIDTHS, stretch_column=NAME,
                                tab_leaves=False)
        self.set_up(filters)

    # --- searching -------------------------------------------------------------------------

    def current_query(self) -> OrganisationQuery:
        return OrganisationQuery(
            text=self.search_edit.text().strip(),
            legal_form=self.legal_form_combo.currentData(),
            stage=self.stage_combo.currentData(),
            municipality_code=self.municipality_combo.currentData(),
            site_id=self.site_combo.currentData(),
        )

    def show_choices(self, choices) -> None:
        sites, municipalities = choices
        self.model.set_site_names(add_sites(self.site_combo, sites, short=True))
        add_municipalities(self.municipality_combo, municipalities)
        for combo in self.filter_combos:
            _fit_popup(combo)
            combo.updateGeometry()  # its longest item may have changed

    # --- opening ---------------------------------------------------------------------------

    def activate(self, organisation_id: str) -> None:
        self.organisation_activated.emit(organisation_id)
        self.open_organisation(organisation_id)

    def open_organisation(self, organisation_id: str):
        """Show the organisation's window (the one already open, if any) and return it."""
        from sociolab_desktop.ui.organisations.organisation_window import (
            OrganisationWindow,
        )

        window = self.windows.get(organisation_id)
        if window is None:
            window = OrganisationWindow(self.ctx, organisation_id, self.window())
            window.changed.connect(self.refresh)
            window.open_requested.connect(self.open_organisation)
            window.destroyed.connect(lambda *_: self.windows.pop(organisation_id, None))
            self.windows[organisation_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_record(self):
        """Open the form for a new organisation (the open one, if it is already open)."""
        from sociolab_desktop.ui.organisations.organisation_form import OrganisationForm

        def make_form() -> OrganisationForm:
            form = OrganisationForm(self.ctx, None, self.window())
            form.open_requested.connect(self.open_organisation)
            return form

        return self.show_form(make_form, self.open_organisation)

    # --- words -----------------------------------------------------------------------------

    def count_text(self, tr: Translator, total: int) -> str:
        return tr.ngettext("{count} organisation", "{count} organisations", total).format(
            count=tr.format_number(total))

    def retranslate(self, tr: Translator) -> None:
        fill_combo(self.legal_form_combo, LEGAL_FORMS, tr, first=ANY_LEGAL_FORM)
        fill_combo(self.stage_combo, STAGES, tr, first=ANY_STAGE)
        for combo in (self.legal_form_combo, self.stage_combo):
            _fit_popup(combo)
        self.municipality_combo.setItemText(0, tr.gettext(ALL_MUNICIPALITIES))
        self.site_combo.setItemText(0, tr.gettext(ALL_SITES))
        for combo in self.filter_combos:
            combo.updateGeometry()  # the longest item is another in this language
        super().retranslate(tr)
