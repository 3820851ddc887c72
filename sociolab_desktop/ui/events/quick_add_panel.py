"""The quick-add fields of the registration dialog: what is asked at the door (name, e-mail, phone,
municipality, language of documents); the person is saved flagged incomplete for ESF."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, label
from sociolab_desktop.core.services.events.registrations import QuickPerson
from sociolab_desktop.i18n import SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui.forms.field_marks import FieldMarks
from sociolab_desktop.ui.persons.municipality_picker import NO_MATCH, MunicipalityPicker
from sociolab_desktop.ui.labels import mute


class QuickAddPanel(QWidget):
    submitted = Signal()  # Enter in a field, or the button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAddPanel")
        self.first_name_edit = QLineEdit(objectName="quickFirstName", maxLength=100)
        self.last_name_edit = QLineEdit(objectName="quickLastName", maxLength=100)
        self.email_edit = QLineEdit(objectName="quickEmail", maxLength=254)
        self.phone_edit = QLineEdit(objectName="quickPhone", maxLength=40)
        self.municipality_picker = MunicipalityPicker()
        self.language_combo = QComboBox(objectName="quickLanguage")
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem("", code)
        self.marks = FieldMarks()  # what no field shows goes back to the dialog (mark)
        self.boxes = {name: self.marks.field(name, editor) for name, editor in (
            ("first_name", self.first_name_edit), ("last_name", self.last_name_edit), ("email", self.email_edit),
            ("phone", self.phone_edit), ("municipality_code", self.municipality_picker),
            ("preferred_language", self.language_combo))}
        self.labels = {name: QLabel(buddy=box) for name, box in self.boxes.items()}
        self.note = QLabel(objectName="quickAddNote", wordWrap=True)
        mute(self.note)
        self.add_button = QPushButton(objectName="quickAddButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.submitted)
        for edit in (self.first_name_edit, self.last_name_edit, self.email_edit, self.phone_edit):
            edit.returnPressed.connect(self.submitted)
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(self.labels[name], box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        chain = [self.first_name_edit, self.last_name_edit, self.email_edit, self.phone_edit,
                 self.municipality_picker, self.language_combo, self.add_button]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.first_name_edit)

    def read(self) -> QuickPerson:
        code, _abroad = self.municipality_picker.value()
        municipality = None if code is NO_MATCH else code
        return QuickPerson(first_name=self.first_name_edit.text(), last_name=self.last_name_edit.text(),
                           email=self.email_edit.text() or None, phone=self.phone_edit.text() or None,
                           municipality_code=municipality or None,
                           preferred_language=self.language_combo.currentData())

    def mark(self, messages: dict[str, str]) -> dict[str, str]:
        """Each message at its field; returns those that belong to none."""
        return self.marks.mark(messages)

    def errors(self) -> dict[str, str]:
        return self.marks.errors()

    def clear_errors(self) -> None:
        self.marks.clear()

    def clear(self) -> None:
        for edit in (self.first_name_edit, self.last_name_edit, self.email_edit, self.phone_edit):
            edit.clear()
        self.municipality_picker.set_value(None, False)
        self.clear_errors()

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        for name, text in (("first_name", _("First name:")), ("last_name", _("Surname:")), ("email", _("E-mail:")),
                           ("phone", _("Phone:")), ("municipality_code", _("Municipality:")),
                           ("preferred_language", _("Documents in:"))):
            self.labels[name].setText(text)
        for row in range(self.language_combo.count()):
            self.language_combo.setItemText(row, label(tr, DOCUMENT_LANGUAGES, self.language_combo.itemData(row)))
        self.municipality_picker.retranslate(tr)
        self.note.setText(_("The person is saved with these fields only and marked incomplete for ESF; complete "
                            "their record later in Clients."))
        self.add_button.setText(_("Add and register"))
