"""Refusals and warnings of the mentoring forms: what cannot be saved, and what may be saved anyway.

A check function raises `FieldErrors` (a subclass per form) for what is wrong and returns the
warnings (plain `FieldError` values with a field name) for what is unusual. A save call refuses
with `ConfirmationNeeded` while there are warnings it was not told to accept; the window shows
them, asks "save anyway?" and calls again with `confirmed=True`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.core.services.fields import FieldErrors
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

FieldError = v.FieldError
# A few paragraphs; longer texts belong in an attached document.
MAX_TEXT = 10_000


class SessionValidationError(FieldErrors):
    message_id = N_("The mentoring session was not saved: correct the marked fields.")


class DiagnosticValidationError(FieldErrors):
    message_id = N_("The assessment was not saved: correct the marked fields.")


class EnrolmentValidationError(FieldErrors):
    message_id = N_("The enrolment was not saved: correct the marked fields.")


class OutcomeValidationError(FieldErrors):
    message_id = N_("Not saved: correct the marked fields.")


class ConfirmationNeeded(UserError):
    """Nothing was saved: the input is unusual (`warnings`), and saving needs `confirmed=True`."""

    message_id = N_("Check the marked fields. Save anyway?")

    def __init__(self, warnings: Sequence[FieldError]) -> None:
        super().__init__(self.message_id)
        self.warnings = list(warnings)

    @property
    def fields(self) -> list[str]:
        return [warning.field for warning in self.warnings]

    def render(self, tr) -> str:
        return "\n".join([super().render(tr), *(warning.render(tr) for warning in self.warnings)])

    def __str__(self) -> str:
        return "\n".join([self.message, *(str(warning) for warning in self.warnings)])


def require_confirmation(warnings: Sequence[FieldError], confirmed: bool) -> None:
    if warnings and not confirmed:
        raise ConfirmationNeeded(warnings)


def raise_errors(errors: list[FieldError], error_class: type[FieldErrors]) -> None:
    if errors:
        raise error_class(errors)


def long_text(value: str | None, field: str, limit: int = MAX_TEXT) -> str | None:
    cleaned = (value or "").strip()
    if len(cleaned) > limit:
        raise FieldError(field, N_("The text is too long: {length} characters, at most {limit} fit. "
                                   "Shorten it or attach the text as a document."),
                         length=len(cleaned), limit=limit)
    return cleaned or None

