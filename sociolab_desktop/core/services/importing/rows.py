"""One row of an import as checked: its status, its problems with the column they are in, its
possible duplicates. Plain data, for the command line's report and the window's preview."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sociolab_desktop.core.domain.validation import FieldError
from sociolab_desktop.core.services.importing.messages import Message


class RowStatus(StrEnum):
    READY = "ready"  # valid and new: imported
    INVALID = "invalid"  # a value is wrong: see `issues`
    DUPLICATE = "duplicate"  # may already be recorded, or repeats an earlier row: see `duplicates`
    SKIPPED = "skipped"  # a deleted, merged or erased record in an export of this program


@dataclass(frozen=True)
class RowIssue:
    """What is wrong in one row: `field` (a PersonInput/OrganisationInput field) and the header of
    the column it came from (`column`, None if no column holds it), and why."""

    field: str | None
    column: str | None
    message: Message

    def render(self, tr) -> str:
        return self.message.render(tr)


@dataclass(frozen=True)
class DuplicateMatch:
    """A record the row may repeat: in the database (`existing_id`) or an earlier row of the same
    file (`earlier_row`). `reasons` are DuplicateReason values for persons, "registration_number",
    "tax_number" or "name" for organisations. `blocking`: never imported, even when duplicates are
    allowed (an organisation's registration or tax number is unique)."""

    name: str
    reasons: tuple[str, ...]
    existing_id: str | None = None
    earlier_row: int | None = None
    blocking: bool = False


@dataclass(frozen=True)
class Converted:
    """A row turned into a service input: `data` (PersonInput/OrganisationInput), the values that
    could not be read (`errors`), which target's column each field came from (`sources`, where
    not its own), and remarks that do not stop the import (`notes`)."""

    data: object
    errors: list[FieldError]
    sources: dict[str, str] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class PlannedRow:
    number: int  # as the spreadsheet shows it (the header is usually row 1)
    status: RowStatus
    data: object | None = None  # the PersonInput/OrganisationInput read from the row
    issues: tuple[RowIssue, ...] = ()
    duplicates: tuple[DuplicateMatch, ...] = ()
    notes: tuple[Message, ...] = ()
    # The cleaned column values the service would store; what a commit writes.
    values: Mapping[str, object] | None = field(default=None, repr=False, compare=False)

    @property
    def importable_anyway(self) -> bool:
        """A duplicate that staff may still import (no match is by a unique identifier)."""
        return self.status == RowStatus.DUPLICATE and not any(match.blocking for match in self.duplicates)
