"""A form field with its own error line underneath, so a refused save says what is wrong where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

ERROR_STYLE = "QLabel[fieldError=true] { color: #b00020; }"


class FieldBox(QWidget):
    """`editor` (or several side by side) above a red, wrapped message hidden while all is well."""

    def __init__(self, *editors: QWidget, stretch: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.editors = editors
        self.error_label = QLabel(wordWrap=True)
        self.error_label.setProperty("fieldError", True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for number, editor in enumerate(editors):
            row.addWidget(editor, stretch[number] if number < len(stretch) else 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editors[0])

    @property
    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        for editor in self.editors:
            editor.setAccessibleDescription(text)
        if text:
            self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog so the message does not squeeze the fields (as InlineError does)."""
        window = self.window()
        if window is self or window.layout() is None:
            return
        window.layout().activate()
        needed = window.heightForWidth(window.width())
        needed = needed if needed > 0 else window.sizeHint().height()
        if window.height() < needed:
            window.resize(window.width(), needed)

    def clear_error(self) -> None:
        self.show_error("")
