"""Errors a person can act on.

A `UserError` carries an untranslated message (marked with `N_`) and its values, so the same error
reads Slovenian in a Slovenian window and English on an English command line. It never carries a
traceback to the person; the log gets that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sociolab_desktop.i18n import Translator


class Text(str):
    """A value inside a message that is itself translatable (e.g. the name of a field)."""


class UserError(Exception):
    """Something the user (or IT staff) can fix; `render` says what and how, in their language."""

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(message)
        self.message = message
        self.values = values

    def render(self, tr: "Translator") -> str:
        values = {
            key: tr.gettext(value) if isinstance(value, Text) else value for key, value in self.values.items()
        }
        return tr.gettext(self.message).format(**values)

    def __str__(self) -> str:  # English, for logs and test failures
        return self.message.format(**self.values)
