"""What every document builder returns: the PDF bytes and the warnings a person should see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sociolab_desktop.errors import render_message

if TYPE_CHECKING:
    from sociolab_desktop.i18n import Translator


def _rebuild_warning(message: str, values: dict[str, Any]) -> DocumentWarning:
    return DocumentWarning(message, **values)


class DocumentWarning(str):
    """A problem that did not stop the document (e.g. a logo that could not be read).

    It is a `str` (English, for logs and tests), but keeps its untranslated message and values,
    so that a window shows it in the language of the window with `render(ui_tr)` — which need not
    be the language of the document.
    """

    message: str
    values: dict[str, Any]

    def __new__(cls, message: str, **values: Any) -> DocumentWarning:  # noqa: PYI034
        self = super().__new__(cls, message.format(**values))
        self.message = message
        self.values = values
        return self

    def render(self, tr: Translator) -> str:
        return render_message(tr, self.message, self.values)

    def __reduce__(self):  # pickling a str subclass would otherwise call __new__ with the text only
        return _rebuild_warning, (self.message, self.values)


@dataclass(frozen=True)
class DocumentResult:
    pdf: bytes
    warnings: list[DocumentWarning] = field(default_factory=list)
    pages: int = 0
