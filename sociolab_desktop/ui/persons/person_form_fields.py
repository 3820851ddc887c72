"""The person form's fields: widgets in two columns, their tab order, help with typing (a known
postal code or EMŠO fills what follows from it), and each field's error message right under it.
Reading and showing a person's values is in person_form_values.py."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import (
    ANSWERS,
    DISADVANTAGE_QUESTIONS,
    DOCUMENT_LANGUAGES,
    GENDERS,
    HOUSEHOLD_QUESTIONS,
    ISCED_LEVELS,
    LABOUR_STATUSES,
    NOT_RECORDED,
    TARGET_GROUPS,
    translated,
)
from sociolab_desktop.i18n import SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui.labels import bold_label, section_heading
from sociolab_desktop.ui.persons import field_names as names
from sociolab_desktop.ui.persons.field_names import ANSWER_FIELDS
from sociolab_desktop.ui.persons.municipality_picker import (
    CountryPicker,
    MunicipalityChoice,
    MunicipalityPicker,
)

ERROR_COLOUR = "#b00020"
# Marks a field the service refused; the form's style sheet draws it (see person_form.py).
INVALID = "invalid"


def _bold_label(object_name: str) -> QLabel:
    return bold_label(object_name, 1.0)


COLUMN_GAP = 32


class PersonFormFields(QWidget):
    """Every PersonInput field once. `widgets[slot]` and `errors[slot]` are keyed by the
    PersonInput field name, except `birth`, which holds birth_date or birth_year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personFormFields")
        self._tr: Translator | None = None
        self._site_pending: str | None = None
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.headings: dict[str, QLabel] = {}
        self.subheadings: dict[str, QLabel] = {}
        self.choice_combos: list[tuple[QComboBox, dict]] = []

        line = self._line_edit
        line("first_name"), line("last_name")
        self._choice("gender", GENDERS)
        line("birth").setMaximumWidth(240)
        line("emso").setMaximumWidth(170)
        line("tax_number").setMaximumWidth(170)
        line("email"), line("phone"), line("street_address")
        postal = line("postal_code")
        postal.setMaximumWidth(70)
        postal.setMaxLength(10)
        line("post_town")
        self.municipality = self._add("municipality_code", MunicipalityPicker())
        self.country = self._add("country_code", CountryPicker())
        self._choice("target_group", TARGET_GROUPS)
        self.language = self._add("preferred_language", QComboBox(objectName="preferredLanguage"))
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(code, code)
        self.site = self._add("site_id", QComboBox(objectName="siteId"))
        line("first_contact_date").setMaximumWidth(170)
        self._choice("labour_status", LABOUR_STATUSES)
        self._choice("isced_level", ISCED_LEVELS)
        for name in ANSWER_FIELDS:
            self._choice(name, ANSWERS)
        self.incomplete = self._add("is_incomplete", QCheckBox(objectName="isIncomplete"))
        self.notes = self._add("notes", QPlainTextEdit(objectName="notes"))
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes; Enter is a new line
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 4 + 14)

        self.municipality.abroad_changed.connect(self._on_abroad_changed)
        self.widgets["emso"].editingFinished.connect(self._fill_from_emso)
        self.widgets["postal_code"].editingFinished.connect(self._fill_from_postal_code)
        self._build_layout()
        self._on_abroad_changed(False)
        self._chain_tab_order()

    # --- building --------------------------------------------------------------------------

    def _add(self, slot: str, widget: QWidget) -> QWidget:
        if not widget.objectName():
            widget.setObjectName(slot)
        self.widgets[slot] = widget
        self.labels[slot] = QLabel(objectName=f"{slot}Label", buddy=widget)
        error = QLabel(objectName=f"{slot}Error", wordWrap=True)
        error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        self.errors[slot] = error
        return widget

    def _line_edit(self, slot: str) -> QLineEdit:
        return self._add(slot, QLineEdit(objectName=slot))

    def _choice(self, slot: str, labels: dict) -> QComboBox:
        combo = self._add(slot, QComboBox(objectName=slot))
        combo.addItem("", None)
        for value in labels:
            combo.addItem("", str(value))
        self.choice_combos.append((combo, labels))
        return combo

    def _field(self, *slots: str) -> QWidget:
        """The row's widgets side by side, each one's error message beneath them."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if len(slots) == 1:
            column.addWidget(self.widgets[slots[0]])
        else:
            row = QHBoxLayout()
            row.setSpacing(6)
            for slot in slots:
                row.addWidget(self.widgets[slot], 0 if slot == slots[0] else 1)
            column.addLayout(row)
        for slot in slots:
            column.addWidget(self.errors[slot])
        return box

    @staticmethod
    def _heading(key: str, store: dict, *, first: bool, make=section_heading) -> QLabel:
        label = make(f"{key}Heading")
        label.setContentsMargins(0, 0 if first else 10, 0, 2)
        store[key] = label
        return label

    def _column(self, rows: list) -> QFormLayout:
        """One form per column, so that its labels line up across its sections. A row is a
        ("section", key) or ("sub", key) heading, or the slots shown side by side."""
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        for number, row in enumerate(rows):
            if row[0] == "section":
                form.addRow(self._heading(row[1], self.headings, first=number == 0))
            elif row[0] == "sub":
                form.addRow(self._heading(row[1], self.subheadings, first=False, make=_bold_label))
            else:
                form.addRow(self.labels[row[0]], self._field(*row))
        return form

    def _build_layout(self) -> None:
        self.left_form = self._column([
            ("section", "identity"), ("first_name",), ("last_name",), ("gender",), ("birth",), ("emso",),
            ("tax_number",),
            ("section", "contact"), ("email",), ("phone",), ("street_address",), ("postal_code", "post_town"),
            ("municipality_code",), ("country_code",),
        ])
        self.right_form = self._column([
            ("section", "intake"), ("target_group",), ("preferred_language",), ("site_id",),
            ("first_contact_date",),
            ("section", "esf"), ("labour_status",), ("isced_level",),
            ("sub", "household"), *((name,) for name in HOUSEHOLD_QUESTIONS),
            ("sub", "disadvantage"), *((name,) for name in DISADVANTAGE_QUESTIONS),
            ("is_incomplete",),
        ])
        # Notes fill the rest of the shorter left column; Tab reaches them last, after the
        # ESF answers, as the last thing written down.
        self.notes_box = QVBoxLayout()
        self.notes_box.setSpacing(6)
        self.notes_box.addWidget(self._heading("notes", self.headings, first=False))
        self.notes_box.addWidget(self.notes, 1)
        self.notes_box.addWidget(self.errors["notes"])
        self.left_column = QVBoxLayout()
        self.left_column.setSpacing(6)
        self.left_column.addLayout(self.left_form)

        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 12, 4)
        self.grid.setHorizontalSpacing(COLUMN_GAP)
        self.grid.setVerticalSpacing(16)
        self.grid.addLayout(self.left_column, 0, 0)
        self.side_by_side = None
        self.arrange(side_by_side=True)

    def arrange(self, *, side_by_side: bool) -> None:
        """Two columns where they fit; in a narrow window the intake and ESF answers go below
        the identity and address, so that no field is squeezed and no error message clipped."""
        if side_by_side == self.side_by_side:
            return
        self.side_by_side = side_by_side
        for layout in (self.right_form, self.notes_box):
            self.grid.removeItem(layout)
            self.left_column.removeItem(layout)
        if side_by_side:  # the notes fill the rest of the shorter left column
            self.grid.addLayout(self.right_form, 0, 1, Qt.AlignmentFlag.AlignTop)
            self.left_column.addLayout(self.notes_box, 1)
        else:
            self.grid.addLayout(self.right_form, 1, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addLayout(self.notes_box, 2, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1 if side_by_side else 0)

    def width_for_two_columns(self) -> int:
        margins = self.grid.contentsMargins()
        return (self.left_form.sizeHint().width() + self.right_form.sizeHint().width() + COLUMN_GAP
                + margins.left() + margins.right())

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them: identity and address (left), intake and ESF
        answers (right), then the notes."""
        order = ["first_name", "last_name", "gender", "birth", "emso", "tax_number", "email", "phone",
                 "street_address", "postal_code", "post_town", "municipality_code", "country_code",
                 "target_group", "preferred_language", "site_id", "first_contact_date", "labour_status",
                 "isced_level", *ANSWER_FIELDS, "is_incomplete", "notes"]
        return [self.widgets[slot] for slot in order]

    def _chain_tab_order(self) -> None:
        chain = self.tab_chain()
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # --- choices and values ----------------------------------------------------------------

    def set_choices(self, sites: list, municipalities: list[MunicipalityChoice], countries: list) -> None:
        """The lists read in a worker: info points, municipalities, countries."""
        pending = self.site_value()
        self.site.clear()
        for site in sites:
            self.site.addItem(site.name, site.id)
        self._site_pending = None
        self.select(self.site, pending)
        self.municipality.set_choices(municipalities, self._tr)
        self.country.set_choices(countries)

    def site_value(self) -> str | None:
        return self._site_pending if self.site.count() == 0 else self.site.currentData()

    def set_site(self, site_id: str | None) -> None:
        if self.site.count() == 0:
            self._site_pending = site_id
        else:
            self.select(self.site, site_id)

    @staticmethod
    def select(combo: QComboBox, value) -> None:
        """Select the item holding `value`; "not recorded" (or nothing) when none does."""
        row = combo.findData(value) if value is not None else -1
        if row < 0 and combo.count() and combo.itemData(0) is None:
            row = 0
        combo.setCurrentIndex(row)

    def text(self, slot: str) -> str:
        return self.widgets[slot].text()

    def set_text(self, slot: str, value: str | None) -> None:
        self.widgets[slot].setText(value or "")

    # --- errors ----------------------------------------------------------------------------

    def show_error(self, slot: str, text: str) -> None:
        label = self.errors[slot]
        label.setText(text)
        label.show()
        self._mark(self.widgets[slot], True)

    def clear_errors(self) -> None:
        for slot, label in self.errors.items():
            label.clear()
            label.hide()
            self._mark(self.widgets[slot], False)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if bool(widget.property(INVALID)) != invalid:
            widget.setProperty(INVALID, invalid)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    # --- helping the person type less --------------------------------------------------------

    def _fill_from_emso(self) -> None:
        """A valid EMŠO holds the date of birth and the sex: fill them in when still empty."""
        from stdnum.si import emso

        number = self.text("emso").strip()
        if not number or not emso.is_valid(number):
            return  # a wrong one is reported on saving, with the reason
        if not self.text("birth").strip():
            self.set_text("birth", self._tr.format_date(emso.get_birth_date(number), "numeric"))
        gender = self.widgets["gender"]
        if gender.currentData() is None:
            self.select(gender, "male" if emso.get_gender(number) == "M" else "female")

    def _fill_from_postal_code(self) -> None:
        from sociolab_desktop.core.domain.municipalities import post_office

        office = post_office(self.text("postal_code"))
        if office is None or self.municipality.is_abroad():
            return
        if not self.text("post_town").strip():
            self.set_text("post_town", office.town)
        if self.municipality.loaded and not self.municipality.typed_text():
            self.municipality.set_value(office.municipality_code, False)

    def _on_abroad_changed(self, abroad: bool) -> None:
        self.left_form.setRowVisible(self.labels["country_code"], abroad)

    # --- words -----------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        _ = tr.gettext
        for slot, label in self.labels.items():
            label.setText(_("{label}:").format(label=_(names.FIELD_LABELS[slot])))
        for key, heading in self.headings.items():
            heading.setText(_(names.SECTION_TITLES[key]))
        for key, heading in self.subheadings.items():
            heading.setText(_(names.SUBSECTION_TITLES[key]))
        self.labels["is_incomplete"].clear()  # the check box says it
        for combo, table in self.choice_combos:
            combo.setItemText(0, _(NOT_RECORDED))
            for row, text in enumerate(table.values(), start=1):
                combo.setItemText(row, translated(tr, text))
        for row in range(self.language.count()):
            self.language.setItemText(row, translated(tr, DOCUMENT_LANGUAGES[self.language.itemData(row)]))
        self.incomplete.setText(_("ESF answers still to be collected"))
        self.widgets["birth"].setPlaceholderText(_("e.g. 27. 11. 1985, or the year alone"))
        self.widgets["first_contact_date"].setPlaceholderText(_("e.g. 27. 11. 2026"))
        self.widgets["postal_code"].setPlaceholderText("2000")
        self.widgets["post_town"].setPlaceholderText(_("Post office"))
        self.municipality.retranslate(tr)
        self.notes.setPlaceholderText(_("What the person came for, agreements, anything staff should know"))
        self.widgets["emso"].setToolTip(_(
            "The 13-digit personal number; a valid one fills in the date of birth and gender if they are empty."))
        self.widgets["postal_code"].setToolTip(_(
            "A Slovenian postal code fills in the post office and municipality if they are empty."))
        self.language.setToolTip(_(
            "The language of this person's consent form, certificates and other documents, unless another is "
            "chosen when printing."))
        self.site.setToolTip(_("The info point that looks after this person; the client list can be narrowed to "
                               "one info point."))
        self.incomplete.setToolTip(tr.gettext(
            "Tick when the ESF questions were not asked yet; the person is listed under missing ESF data in Reports "
            "until the record is completed."))

