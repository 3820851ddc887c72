"""Checks shared by every intake form: all wrong fields reported at once, trimmed text, list choices."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sociolab_desktop.core.domain import validation as v
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_


class FieldErrors(UserError):
    """Every wrong field of one form, so a window can mark them all at once (`errors`)."""

    message_id = N_("Not saved: correct the marked fields.")

    def __init__(self, errors: list[v.FieldError]) -> None:
        super().__init__(self.message_id)
        self.errors = errors

    @property
    def fields(self) -> list[str]:
        return [error.field for error in self.errors]

    def render(self, tr) -> str:
        return "\n".join([super().render(tr), *(error.render(tr) for error in self.errors)])

    def __str__(self) -> str:
        return "\n".join([self.message, *(str(error) for error in self.errors)])


def collect(checks: Iterable[tuple[str, Callable[[], object]]], error_class=FieldErrors) -> dict[str, object]:
    """Run every check (column name, function giving its clean value); raise all failures together."""
    values, errors = {}, []
    for column, check in checks:
        try:
            values[column] = check()
        except v.FieldError as error:
            errors.append(error)
    if errors:
        raise error_class(errors)
    return values


def clean_text(value: str | None, field: str, max_length: int | None = None) -> str | None:
    cleaned = (value or "").strip()
    if max_length is not None and len(cleaned) > max_length:
        raise v.FieldError(field, N_("Too long: at most {limit} characters."), limit=max_length)
    return cleaned or None


def clean_choice(value: str | None, field: str, choices: type, *, required: bool) -> str | None:
    raw = (value or "").strip()
    if not raw:
        if required:
            raise v.FieldError(field, N_("Choose a value from the list."))
        return None
    if raw not in {choice.value for choice in choices}:
        raise v.FieldError(field, N_("“{value}” is not one of the choices in the list."), value=raw)
    return raw
