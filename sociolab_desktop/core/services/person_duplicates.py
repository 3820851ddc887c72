"""Possible duplicates of persons: the rules, for one person being entered or for every row of an import.

A live person may be the one being entered (strongest reason first) when it has the same EMŠO;
the same e-mail address (any case); the same folded name and date of birth; or a very similar
folded name (difflib ratio ≥ SIMILAR_NAME_RATIO, also with first and last name swapped) and the
same municipality, among the persons there who share a whole word with the name in the search
index (`fts_person`), or whose surname starts like the entered first or last name (a typo rarely
hits the start of both names).

One batch answers many probes: the rules run here, in Python, on rows read once. How the rows
are read depends only on how many probes there are for how many persons. A few (the intake form):
narrow index lookups for each probe. Many (an import): each rule's rows in one scan, the probes'
municipalities whole, every index word once. Both read a superset of what the rules keep, so both
answer the same; tests/core/services/test_person_duplicates.py compares them with the former
one-probe-at-a-time search. Names are compared by name_similarity.py.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from sociolab_desktop.core.services.name_similarity import NameKey, Names, Shapes
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

# difflib ratio of two folded full names from which they count as "very similar".
SIMILAR_NAME_RATIO = 0.85
# Reading in bulk costs about what narrow lookups cost for one probe per this many persons
# recorded (measured on 10 000 and 100 000 persons), so it pays from persons / this probes on.
PERSONS_PER_PROBE = 200
_PROGRESS_EVERY = 200
_ORDER = list(DuplicateReason)
_COLUMNS = ("id", "first_name", "last_name", "birth_date", "emso", "email", "phone",
            "municipality_code", "site_id", "first_contact_date")

Progress = Callable[[int, int], None]  # (probes done, probes in all)


class _Probe:
    """A probe as the rules compare it: folded once."""

    def __init__(self, probe: DuplicateProbe, names: Names):
        self.name = names.full(names.key(probe.first_name, probe.last_name))
        words = self.name.split()
        self.emso = probe.emso or None
        self.email_words = tuple(search_words(probe.email))
        self.email = probe.email.casefold() if self.email_words else None
        self.born = probe.birth_date.isoformat() if self.name and probe.birth_date else None
        self.municipality = probe.municipality_code if self.name else None
        self.words = tuple(sorted(set(words)))
        # The index's token of the municipality (None: the code cannot be one token, then only
        # the surname starts find candidates).
        self.token = _flag("m", self.municipality) if self.municipality else None
        self.ranges = names.starts(probe.first_name, probe.last_name)


def _fts_words(words: Iterable[str], joiner: str) -> str:
    return f" {joiner} ".join(f'"{word}"' for word in words)


class _Place:
    """The persons of one municipality that the probes living there may be."""

    def __init__(self, code: str, names: Names):
        self.code, self._names = code, names
        self._rows: dict[int, NameKey] = {}  # rowid -> folded name
        # Folded name -> (rowid, sort key; None for a row the index found that lives elsewhere).
        self._by_name: dict[NameKey, list[tuple[int, str | None]]] = defaultdict(list)
        self._ordered: list[tuple[str, int]] = []  # (sort key, rowid) of the persons living here
        self.hits: dict[tuple[str, ...], set[int]] = {}  # index words -> rowids that have one of them
        self._shapes: dict[tuple, Shapes] = {}  # of the names that a word or a range brings

    def add(self, rows: Iterable[tuple]) -> None:
        """Rows of (rowid, first name, last name, sort key, municipality code)."""
        for rowid, first_name, last_name, sort_key, code in rows:
            if rowid in self._rows:
                continue
            key = self._rows[rowid] = self._names.key(first_name, last_name)
            lives_here = code == self.code
            self._by_name[key].append((rowid, (sort_key or "") if lives_here else None))
            if lives_here:
                self._ordered.append((sort_key or "", rowid))

    def ready(self) -> None:
        self._ordered.sort()

    def similar_rows(self, probe: _Probe, sources: list[tuple[str, ...]]) -> list[int]:
        """Rowids of the persons here with a name very similar to the probe's, among those that
        have one of its index words (`sources`) or whose sort key starts like one of its names."""
        keys: set[NameKey] = set()
        for shapes in [*map(self._hit_shapes, sources), *(self._range_shapes(*bounds) for bounds in probe.ranges)]:
            keys.update(self._names.similar_among(probe.name, shapes))
        hits = [self.hits.get(words, ()) for words in sources]
        rowids = []
        for key in keys:
            rowids += [rowid for rowid, sort_key in self._by_name[key]
                       if any(rowid in hit for hit in hits) or (sort_key is not None and any(
                           start <= sort_key < end for start, end in probe.ranges))]
        return rowids

    def _hit_shapes(self, words: tuple[str, ...]) -> Shapes:
        found = self._shapes.get(words)
        if found is None:
            keys = {self._rows[rowid] for rowid in self.hits.get(words, ())}
            found = self._shapes[words] = self._names.shapes(keys)
        return found

    def _range_shapes(self, start: str, end: str) -> Shapes:
        """Of the persons living here whose sort key lies in [start, end)."""
        found = self._shapes.get((start, end, None))
        if found is None:
            low = bisect.bisect_left(self._ordered, (start,))
            high = bisect.bisect_left(self._ordered, (end,))
            keys = {self._rows[rowid] for _sort_key, rowid in self._ordered[low:high]}
            found = self._shapes[(start, end, None)] = self._names.shapes(keys)
        return found


class _Reader:
    """Reads what the rules look at, for every probe at once. Subclasses choose how."""

    def __init__(self, session: Session, exclude_id: str | None, names: Names):
        self._session, self._exclude_id, self.names = session, exclude_id, names

    def select(self, columns: str, where: str, params: dict, source: str = "person p") -> list[tuple]:
        """`source` may name the index to use: without statistics, SQLite takes `merged_into_id IS
        NULL` (true of nearly every row) for the most selective condition next to an IN list."""
        sql = f"SELECT p.rowid, {columns} FROM {source} WHERE {_LIVE} AND ({where})"
        if self._exclude_id:
            sql += " AND p.id != :exclude_id"
            params = {**params, "exclude_id": self._exclude_id}
        return self._session.execute(text(sql), params).all()

    def by_emso(self, probes: list[_Probe]) -> dict[str, set[int]]:
        values = json.dumps(sorted({probe.emso for probe in probes}))
        found = defaultdict(set)
        for rowid, emso in self.select("p.emso", "p.emso IN (SELECT value FROM json_each(:values))",
                                       {"values": values}, "person p INDEXED BY ix_person_emso"):
            found[emso].add(rowid)
        return found

    @staticmethod
    def _group_emails(rows: Iterable[tuple]) -> dict[str, set[int]]:
        found = defaultdict(set)
        for rowid, email in rows:
            found[(email or "").casefold()].add(rowid)
        return found

    def _group_births(self, rows: Iterable[tuple]) -> dict[tuple[str, str], set[int]]:
        found = defaultdict(set)
        for rowid, first_name, last_name, born in rows:
            found[(self.names.full(self.names.key(first_name, last_name)), born)].add(rowid)
        return found


_PLACE_COLUMNS = "p.first_name, p.last_name, p.sort_key, p.municipality_code"
_BIRTH_COLUMNS = "p.first_name, p.last_name, p.birth_date"


class _NarrowReader(_Reader):
    """A few probes: index lookups for each, as narrow as the rules allow."""

    def by_email(self, probes: list[_Probe]) -> dict[str, set[int]]:
        rows = []
        for words in sorted({probe.email_words for probe in probes}):
            rows += self.select("p.email", f"p.rowid IN ({_MATCHES})", {"match": _fts_words(words, "AND")})
        return self._group_emails(rows)

    def by_name_and_birth(self, probes: list[_Probe]) -> dict[tuple[str, str], set[int]]:
        rows = []
        for name, born in sorted({(probe.name, probe.born) for probe in probes}):
            rows += self.select(_BIRTH_COLUMNS, f"p.rowid IN ({_MATCHES}) AND p.birth_date = :born",
                                {"match": _fts_words(name.split(), "AND"), "born": born})
        return self._group_births(rows)

    def places(self, probes: list[_Probe]) -> dict[str, _Place]:
        places = {probe.municipality: _Place(probe.municipality, self.names) for probe in probes}
        for place in places.values():
            living = [probe for probe in probes if probe.municipality == place.code]
            for probe in living:
                if probe.token and probe.words not in place.hits:
                    match = f'({_fts_words(probe.words, "OR")}) AND "{probe.token}"'
                    rows = self.select(_PLACE_COLUMNS, f"p.rowid IN ({_MATCHES})", {"match": match})
                    place.add(rows)
                    place.hits[probe.words] = {row[0] for row in rows}
            ranges = sorted({bounds for probe in living for bounds in probe.ranges})
            if ranges:
                params = {"municipality": place.code}
                for number, (start, end) in enumerate(ranges):
                    params.update({f"start{number}": start, f"end{number}": end})
                within = " OR ".join(f"(p.sort_key >= :start{n} AND p.sort_key < :end{n})"
                                     for n in range(len(ranges)))
                place.add(self.select(
                    _PLACE_COLUMNS, f"p.municipality_code = :municipality AND ({within})", params))
            place.ready()
        return places

    @staticmethod
    def word_sources(probe: _Probe) -> list[tuple[str, ...]]:
        return [probe.words] if probe.token else []


class _BulkReader(_Reader):
    """Many probes: each rule's rows in one scan, whole municipalities, each index word once."""

    def by_email(self, probes: list[_Probe]) -> dict[str, set[int]]:
        wanted = {probe.email for probe in probes}
        rows = self.select("p.email", "p.email IS NOT NULL", {}, "person p NOT INDEXED")
        return self._group_emails(row for row in rows if row[1].casefold() in wanted)

    def by_name_and_birth(self, probes: list[_Probe]) -> dict[tuple[str, str], set[int]]:
        dates = json.dumps(sorted({probe.born for probe in probes}))
        return self._group_births(self.select(_BIRTH_COLUMNS, "p.birth_date IN (SELECT value FROM json_each(:dates))",
                                              {"dates": dates}, "person p NOT INDEXED"))

    def places(self, probes: list[_Probe]) -> dict[str, _Place]:
        places = {probe.municipality: _Place(probe.municipality, self.names) for probe in probes}
        rows_of = defaultdict(list)
        for row in self.select(_PLACE_COLUMNS, "p.municipality_code IN (SELECT value FROM json_each(:codes))",
                               {"codes": json.dumps(sorted(places))},
                               "person p INDEXED BY ix_person_municipality_code"):
            rows_of[row[4]].append(row)
        home: dict[int, _Place] = {}
        for code, rows in rows_of.items():
            places[code].add(rows)
            home.update(dict.fromkeys((row[0] for row in rows), places[code]))
        # The index holds live persons only, and every row read above lives in its municipality:
        # a word's rows there are what the index gives for the word and the municipality's token.
        for word in sorted({word for probe in probes if probe.token for word in probe.words}):
            for rowid in self._session.execute(text(_MATCHES), {"match": f'"{word}"'}).scalars().all():
                place = home.get(rowid)
                if place is not None:
                    place.hits.setdefault((word,), set()).add(rowid)
        for place in places.values():
            place.ready()
        return places

    @staticmethod
    def word_sources(probe: _Probe) -> list[tuple[str, ...]]:
        return [(word,) for word in probe.words] if probe.token else []


def duplicate_candidates(session: Session, probe: DuplicateProbe, exclude_id: str | None = None
                         ) -> list[DuplicateCandidate]:
    """Live persons who may be `probe`; deleted, merged-away and erased persons never are."""
    return duplicate_candidates_many(session, [probe], exclude_id)[0]


def duplicate_candidates_many(session: Session, probes: Sequence[DuplicateProbe], exclude_id: str | None = None,
                              *, progress: Progress | None = None) -> list[list[DuplicateCandidate]]:
    """For each probe, what `duplicate_candidates` gives for it (`exclude_id`: never a candidate)."""
    names = Names(SIMILAR_NAME_RATIO)
    prepared = [_Probe(probe, names) for probe in probes]
    persons = session.execute(text("SELECT max(rowid) FROM person")).scalar() or 0  # about how many
    bulk = len(prepared) * PERSONS_PER_PROBE >= persons
    reader = (_BulkReader if bulk else _NarrowReader)(session, exclude_id, names)

    def read(method, wanted: list[_Probe]) -> dict:
        return method(wanted) if wanted else {}

    by_emso = read(reader.by_emso, [probe for probe in prepared if probe.emso])
    by_email = read(reader.by_email, [probe for probe in prepared if probe.email])
    by_birth = read(reader.by_name_and_birth, [probe for probe in prepared if probe.born])
    places = read(reader.places, [probe for probe in prepared if probe.municipality])
    # Rows of a file often repeat a name and municipality: their similar names are looked up once.
    similar_rows: dict[tuple, list[int]] = {}

    def similar(probe: _Probe) -> list[int]:
        key = (probe.municipality, probe.name, probe.ranges)
        found = similar_rows.get(key)
        if found is None:
            found = similar_rows[key] = places[probe.municipality].similar_rows(probe, reader.word_sources(probe))
        return found

    found_for: list[dict[int, list[DuplicateReason]]] = []
    for done, probe in enumerate(prepared, start=1):
        found: dict[int, list[DuplicateReason]] = {}
        for rowids, reason in (
            (by_emso.get(probe.emso, ()) if probe.emso else (), DuplicateReason.SAME_EMSO),
            (by_email.get(probe.email, ()) if probe.email else (), DuplicateReason.SAME_EMAIL),
            (by_birth.get((probe.name, probe.born), ()) if probe.born else (),
             DuplicateReason.SAME_NAME_AND_BIRTH_DATE),
            (similar(probe) if probe.municipality else (), DuplicateReason.SIMILAR_NAME_SAME_MUNICIPALITY),
        ):
            for rowid in rowids:  # each rule finds a person once
                found.setdefault(rowid, []).append(reason)
        found_for.append(found)
        if progress and done % _PROGRESS_EVERY == 0:
            progress(done, len(prepared))
    return _candidates(session, found_for)


def _candidates(session: Session, found_for: list[dict[int, list[DuplicateReason]]]) -> list[list[DuplicateCandidate]]:
    """The found rows as candidates, strongest reason first (reasons were found in that order). A
    candidate is made once for each person and set of reasons: rows of a file find the same ones."""
    wanted = sorted({rowid for found in found_for for rowid in found})
    rows: dict[int, dict] = {}
    if wanted:
        columns = ", ".join(f"p.{column}" for column in _COLUMNS)
        sql = f"SELECT p.rowid, {columns} FROM person p WHERE p.rowid IN (SELECT value FROM json_each(:rowids))"
        towns: dict[str | None, str | None] = {}
        for rowid, *values in session.execute(text(sql), {"rowids": json.dumps(wanted)}):
            row = rows[rowid] = dict(zip(_COLUMNS, values))
            code = row["municipality_code"]
            if code not in towns:
                towns[code] = _municipality_name(code)
            row.update(municipality_name=towns[code], birth_date=_day(row["birth_date"]),
                       first_contact_date=_day(row["first_contact_date"]))
    made: dict[tuple, tuple[tuple, DuplicateCandidate]] = {}  # -> (place in the order, candidate)
    results = []
    for found in found_for:
        candidates = []
        for rowid, reasons in found.items():
            reasons = tuple(reasons)
            candidate = made.get((rowid, reasons))
            if candidate is None:
                row = rows[rowid]
                order = (_ORDER.index(reasons[0]), -len(reasons), row["last_name"], row["id"])
                candidate = made[(rowid, reasons)] = (order, DuplicateCandidate(**row, reasons=reasons))
            candidates.append(candidate)
        results.append([candidate for _order, candidate in sorted(candidates)])
    return results
