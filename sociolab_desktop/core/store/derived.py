"""Columns computed from other columns of the same record (search text, sort key).

They are recomputed wherever a record changes, locally (unit of work) and when sync merges
fields from elsewhere, so that two edits of different fields never leave a stale search text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sociolab_desktop.core.domain.text import search_text, slovenian_sort_key

SORT_KEY_LENGTH = 250


def _person(values: Mapping[str, Any]) -> dict[str, str]:
    return {
        "search_text": search_text(
            values.get("first_name"), values.get("last_name"), values.get("email"),
            values.get("phone"), values.get("emso"),
        ),
        "sort_key": slovenian_sort_key(
            f"{values.get('last_name') or ''} {values.get('first_name') or ''}"
        )[:SORT_KEY_LENGTH],
    }


def _organisation(values: Mapping[str, Any]) -> dict[str, str]:
    return {
        "search_text": search_text(
            values.get("name"), values.get("email"), values.get("registration_number"),
            values.get("tax_number"),
        ),
        "sort_key": slovenian_sort_key(values.get("name"))[:SORT_KEY_LENGTH],
    }


DERIVED: dict[str, Callable[[Mapping[str, Any]], dict[str, str]]] = {
    "person": _person,
    "organisation": _organisation,
}


def derived_values(table_name: str, values: Mapping[str, Any]) -> dict[str, str]:
    compute = DERIVED.get(table_name)
    return compute(values) if compute else {}
