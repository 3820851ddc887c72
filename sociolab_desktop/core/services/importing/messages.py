"""Messages of an import (notices and row problems) kept untranslated until they are shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sociolab_desktop.errors import UserError, render_message


@dataclass(frozen=True)
class Message:
    """`text` is an English message id with {placeholders}; values that are `errors.Text` (a field's
    label) are translated too. `render(tr)` gives it in the reader's language."""

    text: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @classmethod
    def of(cls, text: str, **values) -> Message:
        return cls(text, values)

    @classmethod
    def from_error(cls, error: UserError) -> Message:
        return cls(error.message, error.values)

    def render(self, tr) -> str:
        return render_message(tr, self.text, self.values)

    def __str__(self) -> str:  # English, for tests and logs without values that name people
        return self.text.format(**self.values)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
