"""The duplicate search as it was before the batch search (person_search.py at commit a61359a),
kept verbatim as the oracle that test_person_duplicates.py compares the batch search with."""

from __future__ import annotations

import difflib

from sqlalchemy import text
from sqlalchemy.orm import Session

from sociolab_desktop.core.domain.text import slovenian_sort_key
from sociolab_desktop.core.services.person_duplicates import SIMILAR_NAME_RATIO
from sociolab_desktop.core.services.person_search import (
    _LIVE,
    _MATCHES,
    DuplicateCandidate,
    DuplicateProbe,
    DuplicateReason,
    _day,
    _flag,
    _municipality_name,
    search_words,
)

_CANDIDATE_COLUMNS = ("id", "first_name", "last_name", "birth_date", "emso", "email", "phone",
                      "municipality_code", "site_id", "first_contact_date")


def _candidates(session: Session, where: str, params: dict, exclude_id: str | None) -> list[dict]:
    columns = ", ".join(f"p.{column}" for column in _CANDIDATE_COLUMNS)
    sql = f"SELECT {columns} FROM person p WHERE {_LIVE} AND ({where})"
    if exclude_id:
        sql += " AND p.id != :exclude_id"
        params = {**params, "exclude_id": exclude_id}
    return [dict(zip(_CANDIDATE_COLUMNS, row)) for row in session.execute(text(sql), params)]


def _all_words(words: list[str]) -> str:
    return " AND ".join(f'"{word}"' for word in words)


def _similar_names(probe: str, rows: list[dict]) -> list[dict]:
    """Rows whose folded name is very similar to `probe`'s, also with first and last name swapped
    (a form filled in surname first). The matcher caches the probe; cheap bounds go first."""
    matcher = difflib.SequenceMatcher(None, "", probe, autojunk=False)
    similar = []
    for row in rows:
        first, last = " ".join(search_words(row["first_name"])), " ".join(search_words(row["last_name"]))
        for candidate in (f"{first} {last}", f"{last} {first}"):
            matcher.set_seq1(candidate)
            if (matcher.real_quick_ratio() >= SIMILAR_NAME_RATIO and matcher.quick_ratio() >= SIMILAR_NAME_RATIO
                    and matcher.ratio() >= SIMILAR_NAME_RATIO):
                similar.append(row)
                break
    return similar


def _same_municipality_rows(session: Session, probe: DuplicateProbe, words: list[str],
                            exclude_id: str | None) -> list[dict]:
    """Persons of the probe's municipality who share a whole name word with it, or whose surname
    starts with the same two letters as the probe's surname (or first name, for a form filled in
    surname first): a typo rarely hits the start of both names. The municipality's own name is in
    every such person's search text, so a prefix search on the text would bring them all."""
    found: dict[str, dict] = {}
    token = _flag("m", probe.municipality_code)
    if token:
        match = "(" + " OR ".join(f'"{word}"' for word in sorted(set(words))) + f') AND "{token}"'
        for row in _candidates(session, f"p.rowid IN ({_MATCHES})", {"match": match}, exclude_id):
            found[row["id"]] = row
    ranges, params = [], {"municipality": probe.municipality_code}
    for number, name in enumerate(sorted({probe.first_name, probe.last_name})):
        start = slovenian_sort_key(name.strip()[:2])
        if start:
            ranges.append(f"(p.sort_key >= :start{number} AND p.sort_key < :end{number})")
            params.update({f"start{number}": start, f"end{number}": start + "\x7f"})
    if ranges:
        where = f"p.municipality_code = :municipality AND ({' OR '.join(ranges)})"
        for row in _candidates(session, where, params, exclude_id):
            found.setdefault(row["id"], row)
    return list(found.values())


def duplicate_candidates(session: Session, probe: DuplicateProbe, exclude_id: str | None = None
                         ) -> list[DuplicateCandidate]:
    """Live persons who may be `probe`; deleted, merged-away and erased persons never are."""
    found: dict[str, tuple[dict, list[DuplicateReason]]] = {}

    def add(rows: list[dict], reason: DuplicateReason) -> None:
        for row in rows:
            reasons = found.setdefault(row["id"], (row, []))[1]
            if reason not in reasons:
                reasons.append(reason)

    if probe.emso:
        add(_candidates(session, "p.emso = :emso", {"emso": probe.emso}, exclude_id), DuplicateReason.SAME_EMSO)
    email_words = search_words(probe.email)
    if email_words:
        rows = _candidates(session, f"p.rowid IN ({_MATCHES})", {"match": _all_words(email_words)}, exclude_id)
        add([row for row in rows if (row["email"] or "").casefold() == probe.email.casefold()],
            DuplicateReason.SAME_EMAIL)
    name = " ".join([*search_words(probe.first_name), *search_words(probe.last_name)])
    if name and probe.birth_date:
        rows = _candidates(session, f"p.rowid IN ({_MATCHES}) AND p.birth_date = :birth_date",
                           {"match": _all_words(name.split()), "birth_date": probe.birth_date.isoformat()},
                           exclude_id)
        add([row for row in rows if _folded_name(row) == name], DuplicateReason.SAME_NAME_AND_BIRTH_DATE)
    if name and probe.municipality_code:
        rows = _same_municipality_rows(session, probe, name.split(), exclude_id)
        add(_similar_names(name, rows), DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY)
    order = list(DuplicateReason)
    candidates = [
        DuplicateCandidate(
            id=row["id"], first_name=row["first_name"], last_name=row["last_name"],
            birth_date=_day(row["birth_date"]), emso=row["emso"], email=row["email"], phone=row["phone"],
            municipality_code=row["municipality_code"],
            municipality_name=_municipality_name(row["municipality_code"]), site_id=row["site_id"],
            first_contact_date=_day(row["first_contact_date"]),
            reasons=tuple(sorted(reasons, key=order.index)),
        )
        for row, reasons in found.values()
    ]
    return sorted(candidates, key=lambda c: (order.index(c.reasons[0]), -len(c.reasons), c.last_name, c.id))


def _folded_name(row: dict) -> str:
    return " ".join([*search_words(row["first_name"]), *search_words(row["last_name"])])
