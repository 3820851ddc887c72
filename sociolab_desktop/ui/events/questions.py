"""Questions and notices the Events windows ask: window-modal boxes opened with `open()`, never
`exec()`, so the window stays responsive and tests answer them by clicking their buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from sociolab_desktop import APP_NAME

Choice = tuple[str, QMessageBox.ButtonRole]


def ask(parent: QWidget, text: str, choices: Sequence[Choice], on_answer: Callable[[int], None], *,
        default: int = 0, escape: int | None = None, icon=QMessageBox.Icon.Question) -> QMessageBox:
    """A box with `choices` (text, role); `on_answer(index)` runs with the button clicked (the
    `escape` one for Esc). The box is kept on `parent.question_box` while it is shown."""
    box = QMessageBox(icon, APP_NAME, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names are quoted, never read as markup
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    buttons = [box.addButton(label, role) for label, role in choices]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[len(buttons) - 1 if escape is None else escape])

    def answered(button) -> None:
        if getattr(parent, "question_box", None) is box:
            parent.question_box = None
        if button in buttons:
            on_answer(buttons.index(button))

    box.buttonClicked.connect(answered)
    parent.question_box = box
    box.open()
    return box


def tell(parent: QWidget, text: str, tr, *, icon=QMessageBox.Icon.Information) -> QMessageBox:
    """A notice with one Close button."""
    return ask(parent, text, [(tr.gettext("Close"), QMessageBox.ButtonRole.AcceptRole)], lambda _i: None, icon=icon)


def offer_to_open(parent: QWidget, tr, text: str, path) -> QMessageBox:
    """"Saved as …": open it in the system's viewer, or close."""
    def answered(index: int) -> None:
        if index == 0:
            open_file(path)

    return ask(parent, text, [(tr.gettext("Open it"), QMessageBox.ButtonRole.AcceptRole),
                              (tr.gettext("Close"), QMessageBox.ButtonRole.RejectRole)], answered,
               icon=QMessageBox.Icon.Information)


def open_file(path) -> None:
    """In the system's PDF viewer (or image viewer); a function so tests can replace it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
