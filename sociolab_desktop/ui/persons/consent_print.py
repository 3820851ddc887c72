"""Print a person's consent form to sign: choose its language and a file, build the PDF in a worker."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.consent_form import ConsentFormData
from sociolab_desktop.core.domain.labels import DOCUMENT_LANGUAGES, label
from sociolab_desktop.core.services.persons import PersonDetail
from sociolab_desktop.core.services.printing import consent_form_data
from sociolab_desktop.i18n import SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui import document_output
from sociolab_desktop.ui.document_output import PrintDialog
from sociolab_desktop.ui.shell_context import ShellContext
from sociolab_desktop.ui.labels import mute

log = logging.getLogger(__name__)


def write_consent_form(path: Path, data: ConsentFormData, language: str, branding: Branding = NO_BRANDING) -> list:
    """In a worker: build the PDF in `language` and write it whole, so a half-written file never
    looks like a form. Returns the document's warnings."""
    from sociolab_desktop.core.documents.consent_form import build_consent_form

    result = build_consent_form(data, Translator(language), branding)
    document_output.write_pdf(path, result.pdf)
    log.info("Consent form written (%d pages, %s)", result.pages, language)
    return result.warnings


def default_file_name(person: PersonDetail, tr: Translator) -> str:
    name = document_output.file_name_part(f"{person.first_name} {person.last_name}", fallback="person")
    return tr.gettext("consent-{name}.pdf").format(name=name)


class ConsentPrintDialog(PrintDialog):
    """Asks the language (the person's preferred one first), then where to save the PDF."""

    def __init__(self, ctx: ShellContext, person: PersonDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentPrintDialog")
        self._init_printing(ctx)
        self.person = person
        self.language_combo = QComboBox(objectName="consentLanguage")
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem("", code)
        preferred = self.language_combo.findData(person.preferred_language or "sl")
        self.language_combo.setCurrentIndex(max(preferred, 0))
        self.language_label = QLabel(buddy=self.language_combo)
        self.note = QLabel(wordWrap=True)
        mute(self.note)
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate(ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Print consent form"))
        self.language_label.setText(_("Language of the form:"))
        for row in range(self.language_combo.count()):
            self.language_combo.setItemText(row, label(tr, DOCUMENT_LANGUAGES, self.language_combo.itemData(row)))
        self.note.setText(_("The form is saved as a PDF file to print and have signed. Its boxes are left "
                            "empty: the person ticks what they agree to."))
        self.save_button.setText(_("Save PDF…"))
        self.cancel_button.setText(_("Cancel"))

    def language(self) -> str:
        return self.language_combo.currentData()

    def accept(self) -> None:
        if self.busy:
            return
        tr = self.ctx.tr
        chosen = document_output.choose_save_path(self, tr, tr.gettext("Save the consent form"),
                                                  default_file_name(self.person, Translator(self.language())))
        if not chosen:
            return
        path = document_output.pdf_path(chosen)
        from sociolab_desktop.branding_settings import branding_from_settings

        data = consent_form_data(self.person, self.ctx.settings, dt.date.today())
        language, branding = self.language(), branding_from_settings(self.ctx.paths, self.ctx.settings)
        self.write_off_thread(lambda: write_consent_form(path, data, language, branding),
                              lambda warnings: self._on_written(path, warnings))

    def _on_written(self, path: Path, warnings: list) -> None:
        text = self.ctx.tr.gettext("The consent form was saved as {path}.").format(path=str(path))
        self.finish([path], text, warnings)
