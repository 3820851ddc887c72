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


class Percent(float):
    """A share inside a message (0.8 = 80 %), written as the reader's language writes a percentage."""


class UserError(Exception):
    """Something the user (or IT staff) can fix; `render` says what and how, in their language."""

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(message)
        self.message = message
        self.values = values

    def render(self, tr: Translator) -> str:
        return render_message(tr, self.message, self.values)

    def __str__(self) -> str:  # English, for logs and test failures
        return self.message.format(**self.values)


def render_message(tr: Translator, message: str, values: dict[str, Any]) -> str:
    """`message` translated, its values the reader's way: a Text translated, a date "27. 11. 2026"
    (not ISO), a decimal number "10,5" in Slovenian. English text (`str(error)`, logs, tests) keeps
    the values as they are."""
    return tr.gettext(message).format(**{key: shown_value(tr, value) for key, value in values.items()})


def shown_value(tr: Translator, value: Any) -> Any:
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, Text):
        return tr.gettext(value)
    if isinstance(value, Percent):
        return tr.format_percent(value, whole=False)
    if isinstance(value, dt.datetime):
        return tr.format_datetime(value, "short")
    if isinstance(value, dt.date):
        return tr.format_date(value, "numeric")
    if isinstance(value, (float, Decimal)):
        return tr.format_number(value)
    return value
