"""The two questions the organisation form asks: "same name: save anyway?" and "discard changes?".

Both are window-modal boxes opened with `open()`, never `exec()`: the form stays responsive and
tests can answer them by clicking their buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sociolab_desktop import APP_NAME


class FormQuestions:
    def __init__(self, form) -> None:
        """`form`: the OrganisationForm (its `ctx`, `save`, `open_existing` and `discard`)."""
        self.form = form
        self.box: QMessageBox | None = None  # the question on screen, if any
        self.save_anyway_button = self.open_it_button = None

    def _new_box(self, text: str) -> QMessageBox:
        if self.box is not None:
            self.box.close()
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=self.form)
        box.setTextFormat(Qt.TextFormat.PlainText)  # names are quoted, never read as markup
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget(box))
        self.box = box
        return box

    def _forget(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None

    def ask_same_name(self, error) -> QMessageBox:
        """An organisation with the same name exists: open it, save this one anyway, or go back."""
        tr = self.form.ctx.tr
        box = self._new_box(error.render(tr))
        self.save_anyway_button = box.addButton(tr.gettext("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.open_it_button = box.addButton(tr.gettext("Open it"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(self.open_it_button)
        existing = error.duplicates[0].id

        def answered(button) -> None:
            if button is self.save_anyway_button:
                self.form.save(allow_same_name=True)
            elif button is self.open_it_button:
                self.form.open_existing(existing)

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def ask_discard(self) -> QMessageBox:
        """Closing with changes: save them, discard them, or keep editing (Esc)."""
        tr = self.form.ctx.tr
        new = self.form.organisation_id is None
        text = (tr.gettext("Save the new organisation before closing?") if new
                else tr.gettext("Save the changes to this organisation before closing?"))
        box = self._new_box(text)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)

        def answered(button) -> None:
            role = box.standardButton(button)
            if role == buttons.Save:
                self.form.save()
            elif role == buttons.Discard:
                self.form.discard()

        box.buttonClicked.connect(answered)
        box.open()
        return box
