"""Print a person's consent form to sign: choose its language and a file, build the PDF in a worker."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sociolab_desktop import APP_NAME
from sociolab_desktop.core.documents.branding import NO_BRANDING, Branding
from sociolab_desktop.core.documents.consent_form import ConsentFormData
from sociolab_desktop.core.services.persons import PersonDetail
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, SUPPORTED_LANGUAGES, Translator
from sociolab_desktop.ui.messages import InlineError
from sociolab_desktop.ui.persons.dialog_fields import save_buttons
from sociolab_desktop.ui.shell_context import ShellContext

log = logging.getLogger(__name__)

LANGUAGES = {"sl": N_("Slovenian"), "en": N_("English")}
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')  # what Windows refuses in a file name


def form_data(person: PersonDetail, info_point: str, today: dt.date) -> ConsentFormData:
    """The form of one person; the data controller is the info point (no other is set up)."""
    town = " ".join(part for part in (person.postal_code, person.post_town) if part)
    address = "\n".join(part for part in (person.street_address, town) if part) or None
    return ConsentFormData(person_name=f"{person.first_name} {person.last_name}", info_point=info_point,
                           controller=info_point, printed_on=today, date_of_birth=person.birth_date,
                           address=address)


def write_consent_form(path: Path, data: ConsentFormData, language: str, branding: Branding = NO_BRANDING) -> list:
    """In a worker: build the PDF in `language` and write it whole (a temporary file, then a
    rename), so a half-written file never looks like a form. Returns the document's warnings."""
    from sociolab_desktop.core.documents.consent_form import build_consent_form

    result = build_consent_form(data, Translator(language), branding)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(result.pdf)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(N_("The file {path} could not be written ({reason}). Close it if another program has "
                           "it open, or choose another folder."), path=str(path),
                        reason=exc.strerror or type(exc).__name__) from exc
    log.info("Consent form written (%d pages, %s)", result.pages, language)
    return result.warnings


def default_file_name(person: PersonDetail, tr: Translator) -> str:
    name = _NOT_IN_FILE_NAMES.sub("", f"{person.first_name} {person.last_name}")
    name = "-".join(name.split()) or "person"
    return tr.gettext("consent-{name}.pdf").format(name=name)


def choose_file(parent: QWidget, tr: Translator, suggested: str) -> str:
    """The file chosen to save in ("" when cancelled)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _filter = QFileDialog.getSaveFileName(parent, tr.gettext("Save the consent form"),
                                                str(Path(folder) / suggested), tr.gettext("PDF files (*.pdf)"))
    return path


def offer_to_open(parent: QWidget, path: Path, tr: Translator) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME,
                      tr.gettext("The consent form was saved as {path}.").format(path=str(path)), parent=parent)
    open_button = box.addButton(tr.gettext("Open it"), QMessageBox.ButtonRole.AcceptRole)
    close_button = box.addButton(tr.gettext("Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.setEscapeButton(close_button)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ConsentPrintDialog(QDialog):
    """Asks the language (the person's preferred one first), then where to save the PDF."""

    printed = Signal(str)  # the path written

    def __init__(self, ctx: ShellContext, person: PersonDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentPrintDialog")
        self.ctx = ctx
        self.person = person
        self.busy = False
        self.language_combo = QComboBox(objectName="consentLanguage")
        for code in SUPPORTED_LANGUAGES:
            self.language_combo.addItem("", code)
        preferred = self.language_combo.findData(person.preferred_language or "sl")
        self.language_combo.setCurrentIndex(max(preferred, 0))
        self.language_label = QLabel(buddy=self.language_combo)
        self.note = QLabel(wordWrap=True)
        self.note.setEnabled(False)
        self.error = InlineError()
        self.buttons, self.save_button, self.cancel_button = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        ctx.language_changed.connect(self._on_language_changed)
        self.retranslate(ctx.tr)

    def _on_language_changed(self) -> None:
        self.retranslate(self.ctx.tr)

    def retranslate(self, tr: Translator) -> None:
        _ = tr.gettext
        self.setWindowTitle(_("Print consent form"))
        self.language_label.setText(_("Language of the form:"))
        for row in range(self.language_combo.count()):
            self.language_combo.setItemText(row, _(LANGUAGES[self.language_combo.itemData(row)]))
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
        chosen = choose_file(self, tr, default_file_name(self.person, Translator(self.language())))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from sociolab_desktop.branding_settings import branding_from_settings

        data = form_data(self.person, self.ctx.settings.site_name or "", dt.date.today())
        language, branding = self.language(), branding_from_settings(self.ctx.paths, self.ctx.settings)
        self.busy = True
        self.save_button.setEnabled(False)
        self.error.clear_error()
        self.ctx.operations.run(lambda: write_consent_form(path, data, language, branding),
                                on_success=lambda warnings: self._on_written(path, warnings),
                                on_failure=self._on_failed, owner=self)

    def _on_written(self, path: Path, warnings: list) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.printed.emit(str(path))
        super().accept()
        if warnings:
            QMessageBox.warning(self.parentWidget(), APP_NAME,
                                "\n".join(warning.render(self.ctx.tr) for warning in warnings))
        offer_to_open(self.parentWidget(), path, self.ctx.tr)

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, UserError):
            self.error.show_error(error, self.ctx.tr)
        else:
            self.ctx.operations.report_error(error)
