"""Which column fills which field: matched by header (sl/en, any case, accents or spacing), or named.

`propose_mapping` reads the header row; `apply_map_option` applies the command line's
`--map "Ime=first_name,Priimek=last_name"`; a window lets staff change the proposal column by
column. `check_mapping` refuses a mapping without the required columns and lists what is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sociolab_desktop.core.services.importing.fields import (
    FULL_NAME,
    PEOPLE,
    RECORD_GONE,
    SURNAME_FIRST_NAME,
    field_by_name,
    import_fields,
)
from sociolab_desktop.core.services.importing.messages import Message, column_letter
from sociolab_desktop.core.services.importing.values import key
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

# "Datum rojstva (dd.mm.llll)" and "E-pošta*" name the same column as "Datum rojstva", "E-pošta".
_HINTS = re.compile(r"\(.*?\)|\[.*?\]")
_TRAILING_NUMBER = re.compile(r"\d+$")
IGNORE = ("", "-", "ignore", "none")


@dataclass(frozen=True)
class ColumnMapping:
    """For each column of the table, the field it fills (an ImportField name) or None: ignored."""

    fields: tuple[str | None, ...]

    def columns_of(self, field: str) -> list[int]:
        return [index for index, name in enumerate(self.fields) if name == field]

    def column_of(self, field: str) -> int | None:
        columns = self.columns_of(field)
        return columns[0] if columns else None

    def with_column(self, index: int, field: str | None) -> ColumnMapping:
        """The mapping with column `index` assigned to `field` (None: ignored); another column
        that held the same field lets go of it."""
        fields = [None if (name == field and name != RECORD_GONE) else name for name in self.fields]
        fields[index] = field
        return ColumnMapping(tuple(fields))


class MissingColumns(UserError):
    """`missing` holds the ImportField names of the required columns the list lacks."""

    def __init__(self, missing: list[str], labels: str, columns: str) -> None:
        super().__init__(N_("The list lacks required columns: {fields}. Its columns are: {columns}. Name the "
                            "columns so in the header row, or assign columns to these fields."),
                         fields=labels, columns=columns)
        self.missing = missing


def header_key(header: str | None) -> str:
    return key(_HINTS.sub(" ", header or ""))


@cache
def _aliases(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for field in import_fields(kind):
        for spelling in (field.name, field.label, *field.aliases):
            table.setdefault(header_key(spelling), field.name)
    return table


def match_header(kind: str, header: str) -> str | None:
    """The field a header names ("Telefon 2" names the phone too), or None."""
    header_text = header_key(header)
    if not header_text:
        return None
    aliases = _aliases(kind)
    return aliases.get(header_text) or aliases.get(_TRAILING_NUMBER.sub("", header_text))


def propose_mapping(kind: str, headers: Sequence[str]) -> ColumnMapping:
    """Each column whose header names a field fills it; of two naming the same field, the first."""
    fields: list[str | None] = []
    taken: set[str] = set()
    for header in headers:
        field = match_header(kind, header)
        if field in taken and field != RECORD_GONE:
            field = None
        if field:
            taken.add(field)
        fields.append(field)
    return ColumnMapping(tuple(fields))


def _pairs(option: str) -> list[tuple[str, str]]:
    """"Ime=first_name, Priimek=last_name" → pairs; a column name that itself holds a comma
    ("Naslov, kraj=street_address") is kept whole when splitting would leave a part without "="."""
    parts = option.split(",")
    if not all("=" in part for part in parts if part.strip()):
        parts = [option]
    pairs = []
    for part in parts:
        if not part.strip():
            continue
        if "=" not in part:
            raise UserError(N_("“{value}” in --map is not COLUMN=FIELD, e.g. --map \"Ime=first_name\"."),
                            value=part.strip())
        column, _, field = part.rpartition("=")
        pairs.append((column.strip(), field.strip()))
    return pairs


def _find_column(headers: Sequence[str], column: str) -> int | None:
    for matches in (lambda h: h.strip() == column, lambda h: header_key(h) == header_key(column) != ""):
        found = [index for index, header in enumerate(headers) if matches(header)]
        if found:
            return found[0]
    letter = column.strip().upper()
    if letter.isalpha() and letter.isascii() and len(letter) <= 2:
        index = next((i for i in range(len(headers)) if column_letter(i) == letter), None)
        return index
    return None


def apply_map_option(kind: str, headers: Sequence[str], mapping: ColumnMapping, options: Sequence[str]) -> ColumnMapping:
    """`--map` values: COLUMN=FIELD pairs separated by commas (the option may repeat). COLUMN is
    a header as written (any case or accents) or a column letter; FIELD a field name, or "-"
    to ignore the column."""
    names = {field.name for field in import_fields(kind)}
    assigned: dict[str, str] = {}
    for option in options:
        for column, field in _pairs(option):
            index = _find_column(headers, column)
            if index is None:
                raise UserError(N_("--map names the column “{column}”, which the list does not have. Its columns "
                                   "are: {columns}."), column=column, columns=describe_columns(headers))
            target = field.lower().replace("-", "_") if field.lower() not in IGNORE else None
            if target is not None and target not in names:
                raise UserError(N_("--map assigns “{column}” to “{field}”, which is not a field. Fields: {fields}."),
                                column=column, field=field, fields=", ".join(sorted(names)))
            if target and target != RECORD_GONE and assigned.get(target, column) != column:
                raise UserError(N_("--map assigns both “{first}” and “{second}” to {field}; a field takes one "
                                   "column."), first=assigned[target], second=column, field=target)
            if target:
                assigned[target] = column
            mapping = mapping.with_column(index, target)
    return mapping


def describe_columns(headers: Sequence[str]) -> str:
    return ", ".join(f"“{header}”" if header else column_letter(index) for index, header in enumerate(headers))


def check_mapping(kind: str, headers: Sequence[str], mapping: ColumnMapping) -> list[Message]:
    """Raises MissingColumns when a required field has no column; returns notices about the
    columns that will not be imported."""
    present = {name for name in mapping.fields if name}
    if kind == PEOPLE:
        whole = bool(present & {FULL_NAME, SURNAME_FIRST_NAME})
        missing = [] if whole else [name for name in ("first_name", "last_name") if name not in present]
    else:
        missing = [] if "name" in present else ["name"]
    if missing:
        labels = ", ".join(f"“{field_by_name(kind, name).label}”" for name in missing)
        raise MissingColumns(missing, labels, describe_columns(headers))
    notices = []
    unnamed = [column_letter(i) for i, header in enumerate(headers) if not header and mapping.fields[i] is None]
    ignored = [f"“{header}”" for header, field in zip(headers, mapping.fields) if header and field is None]
    if ignored:
        notices.append(Message.of(N_("These columns are not imported: {columns}."), columns=", ".join(ignored)))
    if unnamed:
        notices.append(Message.of(N_("Columns without a name in the header row are not imported: {columns}."),
                                  columns=", ".join(unnamed)))
    return notices
