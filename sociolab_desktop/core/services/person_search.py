"""Finding persons: the paged, filtered client list with folded prefix search; what a possible duplicate is.

Search words are folded like the stored search text ("ceh" finds "Čeh", "durdevic" finds
"Đurđević") and each must start a word of the person's name, e-mail, phone, EMŠO, municipality
or organisations. They are looked up in the FTS5 index `fts_person` (migration 0003), which
holds live persons only, with tokens for the filters too: counting never reads the person table.

A person "has consent" when a consent to data processing was given and is neither withdrawn nor
deleted. Consent dates cannot lie in the future (consents.py refuses them), so this is the same
as "valid today", and it lets the index keep the answer current through triggers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import text

from sociolab_desktop.core.domain.municipalities import municipality_by_code
from sociolab_desktop.core.domain.text import fold
from sociolab_desktop.core.store.unit_of_work import Store
from sociolab_desktop.i18n import N_

MAX_SEARCH_WORDS = 8
# Above this many text matches a page is read by walking the sort-key index until it is full;
# below, the matches are fetched and sorted. Measured on 100 000 persons (benches/bench_search.py).
WALK_ABOVE_MATCHES = 2000

_WORD = re.compile(r"[^\W_]+")
# Starts every filter token in the index (see migration 0003); typed words cannot contain it.
_FLAG = "\ue000"
# From this offset on, an unfiltered page checks "live" against the index (see _where).
_LIVE_FROM_INDEX_AFTER = 20_000
# Open ends of a first-contact range.
_EARLIEST_CONTACT, _LATEST_CONTACT = dt.date(1900, 1, 1), dt.date(2099, 12, 31)
_LIVE = "p.deleted_at IS NULL AND p.merged_into_id IS NULL AND p.erased_at IS NULL"
_MATCHES = "SELECT rowid FROM fts_person WHERE fts_person MATCH :match"
# The same rule as the index's consent flag (migration 0003).
_HAS_CONSENT = (
    "EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.purpose = 'data_processing' "
    "AND c.deleted_at IS NULL AND c.withdrawn_on IS NULL)"
)


class ConsentState(StrEnum):
    GIVEN = "given"  # a consent to data processing given and neither withdrawn nor deleted
    LACKING = "lacking"


@dataclass(frozen=True)
class PersonFilter:
    """Exact filters of the client list (None: any). First-contact dates are inclusive."""

    site_id: str | None = None
    municipality_code: str | None = None
    target_group: str | None = None
    consent: ConsentState | None = None
    first_contact_from: dt.date | None = None
    first_contact_to: dt.date | None = None


NO_FILTER = PersonFilter()


@dataclass(frozen=True)
class PersonRow:
    """One line of the client list. `has_consent`: see ConsentState.GIVEN."""

    id: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    municipality_code: str | None
    municipality_name: str | None
    site_id: str | None
    first_contact_date: dt.date | None
    has_consent: bool


def search_words(query: str | None) -> list[str]:
    """The folded words of what was typed, split like the index splits ("eva.rajh@" → eva, rajh)."""
    return _WORD.findall(fold(query))[:MAX_SEARCH_WORDS]


def _day(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _municipality_name(code: str | None) -> str | None:
    municipality = municipality_by_code(code) if code else None
    return municipality.name if municipality else None


def _flag(kind: str, value: str) -> str | None:
    """The token migration 0003 indexes for a filter value, None if it cannot be one token."""
    token = kind + value.lower().replace("-", "").replace("_", "")
    return _FLAG + token if token.isascii() and token.isalnum() else None


def _spans(day: dt.date):
    """Runs of days that start on `day` and share a prefix of YYYYMMDD (what migration 0003
    indexes), longest first."""
    year = day.year
    if (day.month, day.day) == (1, 1):
        for size in (100, 10, 1):
            if year % size == 0 and year + size - 1 <= dt.MAXYEAR:
                yield f"{year:04d}"[: 4 - len(str(size)) + 1], dt.date(year + size - 1, 12, 31)
    month_end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if day.day == 1:
        yield f"{year:04d}{day.month:02d}", month_end
    if day.day == 1 or day.day % 10 == 0:  # days 01-09, 10-19, 20-29, 30-31
        yield f"{day:%Y%m}{day.day // 10}", day.replace(day=min(month_end.day, day.day // 10 * 10 + 9))
    yield f"{day:%Y%m%d}", day


def _date_terms(start: dt.date | None, end: dt.date | None) -> str:
    """An FTS5 expression for first contact between `start` and `end` (inclusive): as few of the
    indexed century, decade, year, month, ten-day and day tokens as cover the range."""
    day, end = start or _EARLIEST_CONTACT, end or _LATEST_CONTACT
    terms = []
    while day <= end:
        prefix, last = next((prefix, last) for prefix, last in _spans(day) if last <= end)
        terms.append(f'"{_FLAG}d{len(prefix)}{prefix}"')
        if last >= end:
            break
        day = last + dt.timedelta(days=1)
    return f"({' OR '.join(terms)})" if terms else f'"{_FLAG}dnever"'


def _query(words: list[str], filters: PersonFilter) -> tuple[str, list[str], dict]:
    """The FTS5 expression (every word starts some word, every filter token present), the SQL
    conditions the index cannot answer, and their parameters."""
    terms = [f'"{word}"*' for word in words]
    clauses, params = [], {}
    for kind, column in (("s", "site_id"), ("m", "municipality_code"), ("t", "target_group")):
        value = getattr(filters, column)
        if value:
            token = _flag(kind, value)
            if token:
                terms.append(f'"{token}"')
            else:
                clauses.append(f"p.{column} = :{column}")
                params[column] = value
    if filters.consent:
        state = "consent" if filters.consent == ConsentState.GIVEN else "noconsent"
        terms.append(f'"{_FLAG}{state}"')
    if filters.first_contact_from or filters.first_contact_to:
        terms.append(_date_terms(filters.first_contact_from, filters.first_contact_to))
    return " AND ".join(terms), clauses, params


def _where(match: str, clauses: list[str], params: dict, *, offset: int = 0) -> str:
    # The index holds exactly the live persons: a match needs no check of that. Far down the
    # unfiltered list, the index's rowids are also the cheaper check: checking the row's own
    # columns reads the person table for every row skipped.
    if match:
        params["match"] = match
        clauses = [f"p.rowid IN ({_MATCHES})", *clauses]
    elif offset >= _LIVE_FROM_INDEX_AFTER:
        clauses = ["p.rowid IN (SELECT rowid FROM fts_person)", *clauses]
    else:
        clauses = [_LIVE, *clauses]
    return " AND ".join(clauses)


def count_query(words: list[str], filters: PersonFilter) -> tuple[str, dict]:
    """The SQL (named parameters) behind `count_persons`; benches run it on plain sqlite3 too."""
    match, clauses, params = _query(words, filters)
    if not clauses:
        if not match:
            return "SELECT count(*) FROM fts_person", {}
        return "SELECT count(*) FROM fts_person WHERE fts_person MATCH :match", {"match": match}
    return f"SELECT count(*) FROM person p WHERE {_where(match, clauses, params)}", params


def index_matches_query(words: list[str], filters: PersonFilter) -> tuple[str, dict] | None:
    """How many persons the index alone matches, counted only up to just past
    WALK_ABOVE_MATCHES (None: nothing to ask). It decides how `page_query` reads."""
    match, _clauses, _params = _query(words, filters)
    if not match:
        return None
    sql = "SELECT count(*) FROM (SELECT 1 FROM fts_person WHERE fts_person MATCH :match LIMIT :cap)"
    return sql, {"match": match, "cap": WALK_ABOVE_MATCHES + 1}


def page_query(words: list[str], filters: PersonFilter, *, offset: int, limit: int,
               index_matches: int | None) -> tuple[str, dict]:
    """The SQL behind `search_persons`. Many matches: the page is near the start of the sort-key
    index, so walk it; few: reading them all and sorting beats walking the whole index.

    Ties are broken by rowid, which the sort-key index holds (the record key would have to be
    read from the table): rows skipped on the way to a page far down are never read."""
    match, clauses, params = _query(words, filters)
    offset, limit = max(0, offset), max(0, limit)
    params.update(offset=offset, limit=limit)
    few = index_matches is not None and index_matches <= WALK_ABOVE_MATCHES
    source = "person p NOT INDEXED" if few else "person p INDEXED BY ix_person_sort_key"
    sql = (
        "SELECT p.id, p.first_name, p.last_name, p.email, p.phone, p.municipality_code, p.site_id, "
        f"p.first_contact_date, {_HAS_CONSENT} FROM {source} "
        f"WHERE {_where(match, clauses, params, offset=offset)} "
        "ORDER BY p.sort_key, p.rowid LIMIT :limit OFFSET :offset"
    )
    return sql, params


def count_persons(store: Store, query: str | None, filters: PersonFilter | None = None) -> int:
    """How many live persons match (what `search_persons` pages through)."""
    sql, params = count_query(search_words(query), filters or NO_FILTER)
    with store.reader() as session:
        return session.execute(text(sql), params).scalar_one()


def search_persons(store: Store, query: str | None, filters: PersonFilter | None = None, *,
                   offset: int = 0, limit: int = 100) -> list[PersonRow]:
    """One page of live persons matching `query` and `filters`, in Slovenian order of surname
    and name (č after c, š after s, ž after z); namesakes in the order they were entered here,
    so that pages never overlap or skip."""
    words, filters = search_words(query), filters or NO_FILTER
    with store.reader() as session:
        matches = index_matches_query(words, filters)
        counted = session.execute(text(matches[0]), matches[1]).scalar_one() if matches else None
        sql, params = page_query(words, filters, offset=offset, limit=limit, index_matches=counted)
        rows = session.execute(text(sql), params).all()
    return [
        PersonRow(id=row[0], first_name=row[1], last_name=row[2], email=row[3], phone=row[4],
                  municipality_code=row[5], municipality_name=_municipality_name(row[5]), site_id=row[6],
                  first_contact_date=_day(row[7]), has_consent=bool(row[8]))
        for row in rows
    ]


# --- possible duplicates (found by person_duplicates.py) ---------------------------------------


class DuplicateReason(StrEnum):
    SAME_EMSO = "same_emso"
    SAME_EMAIL = "same_email"
    SAME_NAME_AND_BIRTH_DATE = "same_name_and_birth_date"
    SIMILAR_NAME_SAME_MUNICIPALITY = "similar_name_same_municipality"


DUPLICATE_REASON_LABELS = {
    DuplicateReason.SAME_EMSO: N_("same EMŠO"),
    DuplicateReason.SAME_EMAIL: N_("same e-mail address"),
    DuplicateReason.SAME_NAME_AND_BIRTH_DATE: N_("same name and date of birth"),
    DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY: N_("very similar name, same municipality"),
}


@dataclass(frozen=True)
class DuplicateCandidate:
    """A live person who may be the one being entered, and why (strongest reason first)."""

    id: str
    first_name: str
    last_name: str
    birth_date: dt.date | None
    emso: str | None
    email: str | None
    phone: str | None
    municipality_code: str | None
    municipality_name: str | None
    site_id: str | None
    first_contact_date: dt.date | None
    reasons: tuple[DuplicateReason, ...]


@dataclass(frozen=True)
class DuplicateProbe:
    """What identifies the person being entered (already trimmed; None: unknown)."""

    first_name: str
    last_name: str
    birth_date: dt.date | None = None
    emso: str | None = None
    email: str | None = None
    municipality_code: str | None = None
