"""How a UserError reaches the person: inline under the form they are filling in, or in a box."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from sociolab_desktop import APP_NAME
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_, Translator


class InlineError(QLabel):
    """A red, wrapped message under a form; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineError")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#inlineError { color: #b00020; }")
        self.hide()

    def show_error(self, error: UserError, tr: Translator) -> None:
        self.show_text(error.render(tr))

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog so the message does not squeeze the form (wrapped labels need it)."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None:
            return
        layout.activate()
        needed = window.heightForWidth(window.width())
        if needed < 0:
            needed = window.sizeHint().height()
        if window.height() < needed:
            window.resize(window.width(), needed)

    def clear_error(self) -> None:
        self.show_text("")


def show_user_error(parent: QWidget | None, error: UserError, tr: Translator) -> None:
    """A modal box in the window's language; the program's name is its title."""
    QMessageBox.critical(parent, APP_NAME, error.render(tr))


def settings_not_saved(error: OSError) -> UserError:
    """The settings file of the data folder could not be written (read-only folder, full disk)."""
    return UserError(N_("The settings could not be saved ({reason}). Check that the data folder may be "
                        "written to."), reason=type(error).__name__)
