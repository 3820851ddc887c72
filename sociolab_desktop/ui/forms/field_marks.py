"""A field with its message underneath, and the messages of a whole form: each refused field marked
where it is (the cursor moved to the first), what belongs to no field in one line under the form."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.messages import InlineError

ERROR_STYLE = "QLabel[fieldError=true] { color: #b00020; }"


class ErrorLine(InlineError):
    """The red, wrapped message under a field (or a row of fields), hidden while all is well; the
    fields it describes carry it as their accessible description for screen readers."""

    def __init__(self, describes: Sequence[QWidget] = (), *, object_name: str = "") -> None:
        super().__init__()
        if object_name:
            self.setObjectName(object_name)
        self.setProperty("fieldError", True)
        self.setStyleSheet(ERROR_STYLE)  # by property: the object name may be the caller's
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
        self.describes = tuple(describes)

    @property
    def error(self) -> str:
        """What the line says now ("" while it is hidden)."""
        return "" if self.isHidden() else self.text()

    def show_text(self, text: str) -> None:
        super().show_text(text)
        for widget in self.describes:
            widget.setAccessibleDescription(text)


class FieldBox(QWidget):
    """`editor` (or several side by side) above its ErrorLine."""

    def __init__(self, *editors: QWidget, stretch: tuple[int, ...] = ()) -> None:
        super().__init__()
        self.editors = editors
        self.error_label = ErrorLine(editors)
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
        return self.error_label.error

    def show_error(self, text: str) -> None:
        self.error_label.show_text(text)

    def clear_error(self) -> None:
        self.error_label.clear_error()


class FieldMarks:
    """The message of each named field under it; what belongs to no field goes to `general` (a
    form without one gets those back from `mark`). Names are the service's field names."""

    def __init__(self, general: InlineError | None = None) -> None:
        self.general = general
        self._fields: dict[str, tuple[QWidget, ErrorLine]] = {}

    def add(self, name: str, focus: QWidget, line: ErrorLine) -> None:
        """`line` shows the messages of `name` (several names may share one line); `focus` gets
        the cursor when `name` is the first field refused."""
        self._fields[name] = (focus, line)

    def field(self, name: str, *editors: QWidget, stretch: tuple[int, ...] = (),
              focus: QWidget | None = None) -> FieldBox:
        """A FieldBox for `editors`, its messages those of `name`; put it in the form's layout."""
        box = FieldBox(*editors, stretch=stretch)
        self.add(name, focus or editors[0], box.error_label)
        return box

    def widget(self, name: str) -> QWidget:
        return self._fields[name][0]

    def line(self, name: str) -> ErrorLine:
        return self._fields[name][1]

    def message(self, name: str) -> str:
        """What the field's message says now ("" when it has none)."""
        return self._fields[name][1].error

    def marked(self) -> list[str]:
        """The fields that show a message now, in the order they were added."""
        return [name for name in self._fields if self.message(name)]

    def errors(self) -> dict[str, str]:
        """What each line says, under the first name it shows (a shared line once)."""
        shown: dict[int, str] = {}
        for name, (_widget, line) in self._fields.items():
            if line.error:
                shown.setdefault(id(line), name)
        return {name: self.message(name) for name in shown.values()}

    def clear(self) -> None:
        if self.general is not None:
            self.general.clear_error()
        for _widget, line in self._fields.values():
            line.clear_error()

    def mark(self, messages: dict[str, str]) -> dict[str, str]:
        """Each message under its field, the cursor to the first; returns those of no field."""
        leftover: dict[str, str] = {}
        first = None
        for name, text in messages.items():
            if name not in self._fields:
                leftover[name] = text
                continue
            widget, line = self._fields[name]
            line.show_text(text)
            first = first or widget
        if first is not None:
            first.setFocus()
        return leftover

    def show(self, error: UserError, tr: Translator) -> None:
        """A refusal: FieldErrors at their fields with the headline below the form; another
        UserError below the form."""
        self.clear()
        if not isinstance(error, FieldErrors):
            self.general.show_error(error, tr)
            return
        leftover = self.mark({item.field: item.render(tr) for item in error.errors})
        self.general.show_text("\n".join([tr.gettext(error.message), *leftover.values()]))
