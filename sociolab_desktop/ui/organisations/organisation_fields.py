"""The organisation form's fields in two columns (the organisation; address and contact) and notes:
what they show, what they give back, and the errors marked at each."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, LEGAL_FORMS, STAGES, label
from sociolab_desktop.core.domain.municipalities import post_office
from sociolab_desktop.core.services import organisations as org
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.labels import section_heading
from sociolab_desktop.ui.organisations.choices import fill_combo
from sociolab_desktop.ui.persons.municipality_picker import NO_MATCH, CountryPicker, MunicipalityPicker

NOTES_HEIGHT = 70
# (field, label) in the order of the rows; the field names are OrganisationInput's.
LEFT_ROWS = (
    ("name", N_("Name:")), ("legal_form", N_("Legal form:")), ("stage", N_("Development stage:")),
    ("registration_number", N_("Registration number:")), ("tax_number", N_("Tax number:")),
    ("sector", N_("Sector:")), ("preferred_language", N_("Documents in:")),
)
RIGHT_ROWS = (
    ("street_address", N_("Address:")), ("postal_code", N_("Postal code and town:")),
    ("municipality_code", N_("Municipality:")), ("country_code", N_("Country:")), ("website", N_("Web:")),
    ("email", N_("E-mail:")), ("phone", N_("Phone:")),
)
CHOOSE_LEGAL_FORM = N_("Choose…")
STAGE_NOT_KNOWN = N_("Not known")


def _line(name: str, limit: int) -> QLineEdit:
    edit = QLineEdit(objectName=f"organisation_{name}")
    edit.setMaxLength(limit)
    return edit


class OrganisationFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = _line("name", org.MAX_NAME)
        self.legal_form_combo = QComboBox(objectName="organisation_legal_form")
        self.stage_combo = QComboBox(objectName="organisation_stage")
        self.registration_edit = _line("registration_number", 20)
        self.tax_edit = _line("tax_number", 20)
        self.sector_edit = _line("sector", 120)
        self.language_combo = QComboBox(objectName="organisation_preferred_language")
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem("", code)
        self.address_edit = _line("street_address", 200)
        self.postal_code_edit = _line("postal_code", 10)
        self.postal_code_edit.setMaximumWidth(self.postal_code_edit.fontMetrics().horizontalAdvance("0000000") + 16)
        self.postal_code_edit.editingFinished.connect(self._on_postal_code_entered)
        self.post_town_edit = _line("post_town", 100)
        self.municipality_picker = MunicipalityPicker()
        self.municipality_picker.abroad_changed.connect(self.show_country_row)
        self.country_picker = CountryPicker()
        self.website_edit = _line("website", 250)
        self.email_edit = _line("email", 254)
        self.phone_edit = _line("phone", 40)
        self.notes_edit = QPlainTextEdit(objectName="organisation_notes")
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.notes_edit.setFixedHeight(NOTES_HEIGHT)
        editors: dict[str, QWidget] = {
            "name": self.name_edit, "legal_form": self.legal_form_combo, "stage": self.stage_combo,
            "registration_number": self.registration_edit, "tax_number": self.tax_edit, "sector": self.sector_edit,
            "preferred_language": self.language_combo, "street_address": self.address_edit,
            "municipality_code": self.municipality_picker, "country_code": self.country_picker,
            "website": self.website_edit, "email": self.email_edit, "phone": self.phone_edit, "notes": self.notes_edit,
        }
        self.marks = FieldMarks()  # what no field shows goes back to the form (mark)
        self.boxes = {name: self.marks.field(name, editor) for name, editor in editors.items()}
        self.boxes["postal_code"] = self.marks.field("postal_code", self.postal_code_edit, self.post_town_edit,
                                                     stretch=(0, 1))
        self.marks.add("post_town", self.post_town_edit, self.marks.line("postal_code"))  # one row for both
        self.labels = {name: QLabel(buddy=self.boxes[name].editors[0]) for name, _text in LEFT_ROWS + RIGHT_ROWS}
        self.notes_label = QLabel(buddy=self.notes_edit)
        self.organisation_heading = section_heading("organisationFormHeading")
        self.address_heading = section_heading("organisationFormAddressHeading")
        self._build_layout()

    def _build_layout(self) -> None:
        columns = QHBoxLayout()
        columns.setSpacing(28)
        self.forms = []
        for heading, rows in ((self.organisation_heading, LEFT_ROWS), (self.address_heading, RIGHT_ROWS)):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # Set, not inherited: the columns' wide spacing would otherwise space the rows too.
            form.setVerticalSpacing(8)
            form.setHorizontalSpacing(12)
            for name, _text in rows:
                form.addRow(self.labels[name], self.boxes[name])
            column = QVBoxLayout()
            column.addWidget(heading)
            column.addLayout(form)
            column.addStretch(1)
            columns.addLayout(column, 1)
            self.forms.append(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)
        layout.addWidget(self.notes_label)  # notes take the full width, under both columns
        layout.addWidget(self.boxes["notes"])
        self.show_country_row()

    def tab_chain(self) -> list[QWidget]:
        """The fields in reading order: down the left column, then down the right one."""
        return [self.name_edit, self.legal_form_combo, self.stage_combo, self.registration_edit, self.tax_edit,
                self.sector_edit, self.language_combo, self.address_edit, self.postal_code_edit,
                self.post_town_edit, self.municipality_picker, self.country_picker, self.website_edit,
                self.email_edit, self.phone_edit, self.notes_edit]

    def set_tab_order(self, *then: QWidget) -> None:
        for first, second in pairwise([*self.tab_chain(), *then]):
            QWidget.setTabOrder(first, second)

    def show_country_row(self, *_args) -> None:
        self.forms[1].setRowVisible(self.boxes["country_code"], self.municipality_picker.is_abroad())

    # --- values ----------------------------------------------------------------------------

    def fill(self, detail: org.OrganisationDetail) -> None:
        for edit, value in ((self.name_edit, detail.name), (self.registration_edit, detail.registration_number),
                            (self.tax_edit, detail.tax_number), (self.sector_edit, detail.sector),
                            (self.address_edit, detail.street_address), (self.postal_code_edit, detail.postal_code),
                            (self.post_town_edit, detail.post_town), (self.website_edit, detail.website),
                            (self.email_edit, detail.email), (self.phone_edit, detail.phone)):
            edit.setText(value or "")
        for combo, value in ((self.legal_form_combo, detail.legal_form), (self.stage_combo, detail.stage),
                             (self.language_combo, detail.preferred_language)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        abroad = bool(detail.country_code) and detail.country_code != "SI"
        self.municipality_picker.set_value(detail.municipality_code, abroad)
        self.country_picker.set_value(detail.country_code if abroad else None)
        self.notes_edit.setPlainText(detail.notes or "")

    def _on_postal_code_entered(self) -> None:
        """A known Slovenian postal code fills the town and municipality, if still empty."""
        office = post_office(self.postal_code_edit.text())
        if office is None or self.municipality_picker.is_abroad():
            return
        if not self.post_town_edit.text().strip():
            self.post_town_edit.setText(office.town)
        if self.municipality_picker.loaded and not self.municipality_picker.typed_text():
            self.municipality_picker.set_value(office.municipality_code, False)

    def read(self, site_id: str | None) -> org.OrganisationInput:
        """What is typed, as the service takes it (the service checks and trims)."""
        place, abroad = self.municipality_picker.value()
        return org.OrganisationInput(
            name=self.name_edit.text(), legal_form=self.legal_form_combo.currentData() or "",
            stage=self.stage_combo.currentData(), registration_number=self.registration_edit.text(),
            tax_number=self.tax_edit.text(), sector=self.sector_edit.text(), street_address=self.address_edit.text(),
            postal_code=self.postal_code_edit.text(), post_town=self.post_town_edit.text(),
            municipality_code=None if abroad else place, country_code=self._country() if abroad else "SI",
            website=self.website_edit.text(), email=self.email_edit.text(), phone=self.phone_edit.text(),
            preferred_language=self.language_combo.currentData() or "sl", site_id=site_id,
            notes=self.notes_edit.toPlainText(),
        )

    def _country(self) -> str:
        """The chosen country's code, or the typed text when it names none (the service says so)."""
        code = self.country_picker.value()
        return self.country_picker.typed_text() if code is NO_MATCH else (code or "")

    # --- errors ----------------------------------------------------------------------------

    def mark(self, messages: dict[str, str]) -> dict[str, str]:
        """Show each message at its field and focus the first; return those no field shows."""
        if "country_code" in messages:
            self.show_country_row()
        return self.marks.mark(messages)

    def clear_errors(self) -> None:
        self.marks.clear()

    def errors(self) -> dict[str, str]:
        """What each marked field says."""
        return self.marks.errors()

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.organisation_heading.setText(_("Organisation"))
        self.address_heading.setText(_("Address and contact"))
        for name, text in LEFT_ROWS + RIGHT_ROWS:
            self.labels[name].setText(_(text))
        self.notes_label.setText(_("Notes:"))
        fill_combo(self.legal_form_combo, LEGAL_FORMS, tr, first=CHOOSE_LEGAL_FORM)
        fill_combo(self.stage_combo, STAGES, tr, first=STAGE_NOT_KNOWN)
        for row, code in enumerate(SUPPORTED_LANGUAGES):
            self.language_combo.setItemText(row, label(tr, DOCUMENT_LANGUAGES, code))
        self.municipality_picker.retranslate(tr)
        self.country_picker.lineEdit().setPlaceholderText(_("Type part of the name"))
        self.post_town_edit.setPlaceholderText(_("Post town"))
        self.website_edit.setPlaceholderText("www.example.si")
        self.registration_edit.setPlaceholderText(_("7 or 10 digits"))
        self.tax_edit.setPlaceholderText(_("8 digits"))
