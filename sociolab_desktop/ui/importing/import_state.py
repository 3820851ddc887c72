"""What the import wizard's pages hand on to each other: the kind, the file read, the mapping, the plan."""

from __future__ import annotations

from dataclasses import dataclass

from sociolab_desktop.core.services.importing import (
    PEOPLE,
    ColumnMapping,
    ImportPlan,
    ImportResult,
    SourceTable,
)


@dataclass
class ImportState:
    kind: str = PEOPLE
    table: SourceTable | None = None
    mapping: ColumnMapping | None = None
    plan: ImportPlan | None = None
    only_valid: bool = False
    allow_duplicates: bool = False
    result: ImportResult | None = None
    # Registrations for this event: the rows are persons (kind "people"), each then registered.
    event_id: str | None = None
