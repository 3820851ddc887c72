"""The organisation window's left side: name, legal form and stage, and its key data read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, LEGAL_FORMS, STAGES, label
from sociolab_desktop.i18n import N_, Translator
from sociolab_desktop.ui.labels import area_title, mute

ROWS = (
    ("registration_number", N_("Registration number:")), ("tax_number", N_("Tax number:")),
    ("sector", N_("Sector:")), ("address", N_("Address:")), ("municipality", N_("Municipality:")),
    ("website", N_("Web:")), ("email", N_("E-mail:")), ("phone", N_("Phone:")),
    ("preferred_language", N_("Documents in:")), ("site", N_("Info point:")), ("notes", N_("Notes:")),
)
EMPTY = "—"


def _value_label(name: str) -> QLabel:
    value = QLabel(objectName=f"detail_{name}", wordWrap=True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    value.setTextFormat(Qt.TextFormat.PlainText)  # a name with "<b>" in it is a name, not markup
    return value


def _address(detail) -> str:
    town = " ".join(part for part in (detail.postal_code, detail.post_town) if part)
    return ", ".join(part for part in (detail.street_address, town) if part)


class DetailsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDetails")
        self.name_label = area_title("organisationName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_label = QLabel(objectName="organisationKind", wordWrap=True)
        mute(self.kind_label)  # muted under the name
        self.captions = {name: QLabel() for name, _text in ROWS}
        self.values = {name: _value_label(name) for name, _text in ROWS}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        for name, _text in ROWS:
            form.addRow(self.captions[name], self.values[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.kind_label)
        layout.addSpacing(10)
        layout.addLayout(form)
        layout.addStretch(1)

    def value(self, name: str) -> str:
        return self.values[name].text()

    def show_view(self, view, tr: Translator, *, loading: bool) -> None:
        """`view`: the window's OrganisationView (None while it is read)."""
        _ = tr.gettext
        for name, text in ROWS:
            self.captions[name].setText(_(text))
        detail = view.detail if view is not None else None
        if detail is None:
            self.name_label.setText(_("Loading…") if loading else _("Organisation not found"))
            self.kind_label.setText("" if loading else _(
                "It may have been deleted at another info point. Close this window and refresh the list."))
            for value in self.values.values():
                value.setText("")
            return
        self.name_label.setText(detail.name)
        self.kind_label.setText(" · ".join(part for part in (
            label(tr, LEGAL_FORMS, detail.legal_form), label(tr, STAGES, detail.stage)) if part))
        if detail.country_code and detail.country_code != "SI":
            from babel import Locale

            place = Locale.parse(tr.babel_locale).territories.get(detail.country_code, detail.country_code)
            self.captions["municipality"].setText(_("Country:"))
        else:
            place = view.municipality_name
        texts = {
            "registration_number": detail.registration_number, "tax_number": detail.tax_number,
            "sector": detail.sector, "address": _address(detail), "municipality": place,
            "website": detail.website, "email": detail.email, "phone": detail.phone,
            "preferred_language": label(tr, DOCUMENT_LANGUAGES, detail.preferred_language),
            "site": view.site_name, "notes": detail.notes,
        }
        for name, text in texts.items():
            self.values[name].setText(text or EMPTY)
