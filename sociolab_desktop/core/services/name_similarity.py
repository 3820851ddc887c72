"""Folded person names, and which of them are very similar (difflib's ratio, cheap exact bounds first).

Made for the duplicate search (person_duplicates.py), which asks the same questions about the same
names for each of thousands of probes: a `Names` remembers every answer for as long as it lives
(one search), and forgets them with it (the names are personal data).
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Iterable

from sociolab_desktop.core.domain.text import slovenian_sort_key
from sociolab_desktop.core.services.person_search import search_words

NameKey = tuple[str, str]  # folded first name, folded last name
Shapes = tuple[list[int], list[tuple[int, int, NameKey]]]  # see Names.shapes


class Names:
    """Names folded as the search folds them, and which are very similar to a probe's name:
    difflib's ratio of "first last", or of "last first", to it at least `ratio`."""

    def __init__(self, ratio: float):
        if not 0 < ratio <= 1:
            raise ValueError(f"a similarity ratio lies in (0, 1], not {ratio}")
        self.ratio = ratio
        self._folded: dict[str, str] = {}  # a name -> its folded words
        self._starts: dict[str, tuple[tuple[str, str], ...]] = {}
        self._shapes: dict[NameKey, tuple[int, int]] = {}  # -> length and letters of "first last"
        # Probe name -> [its matcher (made when first needed), length, letters, answers so far].
        self._probes: dict[str, list] = {}

    def key(self, first_name: str | None, last_name: str | None) -> NameKey:
        """The folded words of each name ("Ana  Marija", "Čeh" → "ana marija", "ceh")."""
        return self._fold(first_name or ""), self._fold(last_name or "")

    def _fold(self, name: str) -> str:
        folded = self._folded.get(name)
        if folded is None:
            folded = self._folded[name] = " ".join(search_words(name))
        return folded

    @staticmethod
    def full(key: NameKey) -> str:
        """The folded words of the first name, then of the last name, as one text."""
        return " ".join(part for part in key if part)

    def starts(self, first_name: str, last_name: str) -> tuple[tuple[str, str], ...]:
        """Sort-key ranges of the surnames that start like the first or the last name."""
        return tuple(bounds for name in sorted({first_name, last_name}) for bounds in self._start(name))

    def _start(self, name: str) -> tuple[tuple[str, str], ...]:
        found = self._starts.get(name)
        if found is None:
            start = slovenian_sort_key(name.strip()[:2])
            found = self._starts[name] = ((start, start + "\x7f"),) if start else ()
        return found

    def shapes(self, keys: Iterable[NameKey]) -> Shapes:
        """The lengths, and (length, letters, name) of each folded name, by length, as
        `similar_among` takes them."""
        shapes = []
        for key in keys:
            shape = self._shapes.get(key)
            if shape is None:
                name = f"{key[0]} {key[1]}"
                shape = self._shapes[key] = (len(name), _letters(name))
            shapes.append((*shape, key))
        shapes.sort(key=lambda shape: shape[0])
        return [shape[0] for shape in shapes], shapes

    def _probe(self, probe_name: str) -> list:
        entry = self._probes.get(probe_name)
        if entry is None:
            size, ratio = len(probe_name), self.ratio
            # The lengths a similar name can have: difflib's real_quick_ratio (2.0 * the shorter
            # length / both lengths, an upper bound of the ratio) must reach it.
            shortest, longest = size, size
            while shortest > 1 and 2.0 * (shortest - 1) / (shortest - 1 + size) >= ratio:
                shortest -= 1
            while 2.0 * size / (longest + 1 + size) >= ratio:
                longest += 1
            entry = self._probes[probe_name] = [None, size, _letters(probe_name), {}, shortest, longest]
        return entry

    def similar_among(self, probe_name: str, shapes: Shapes) -> list[NameKey]:
        """The names among `shapes` very similar to `probe_name` (a folded full name)."""
        entry = self._probe(probe_name)
        _matcher, size, letters, known, shortest, longest = entry
        lengths, shapes = shapes
        ratio = self.ratio
        # difflib's ratio is 2.0 * matches / both lengths. Of the names of a fitting length, those
        # whose bits (see _letters) leave enough matches: an upper bound of the ratio (nearly its
        # quick_ratio) in its own arithmetic, the same for "last first", and cheap enough for
        # thousands of names a probe.
        likely = [key for length, bits, key in shapes[bisect.bisect_left(lengths, shortest):
                                                      bisect.bisect_right(lengths, longest)]
                  if 2.0 * ((length + size - (bits ^ letters).bit_count()) // 2) / (length + size) >= ratio]
        similar = []
        for key in likely:
            answer = known.get(key)
            if answer is None:
                answer = known[key] = self._ratio_reached(entry, probe_name, key)
            if answer:
                similar.append(key)
        return similar

    def _ratio_reached(self, entry: list, probe_name: str, key: NameKey) -> bool:
        matcher = entry[0]
        if matcher is None:  # it indexes the probe's name: worth it only for names that get this far
            matcher = entry[0] = difflib.SequenceMatcher(None, "", probe_name, autojunk=False)
        first, last = key
        matcher.set_seq1(f"{first} {last}")
        if matcher.ratio() >= self.ratio:
            return True
        matcher.set_seq1(f"{last} {first}")
        return matcher.ratio() >= self.ratio


def _letters(name: str) -> int:
    """How often each character occurs in `name` (once, twice, three times or more) as three bits
    for each character. A bit set in one name's and not the other's stands for a character that
    cannot be matched, so matches ≤ (both lengths − such bits) // 2. (Characters beyond ASCII share
    64 places: summed together, two names' counts differ by no more than they do one by one.)"""
    bits = 0
    for character, count in Counter(name).items():
        code = ord(character)
        bits |= ((1 << min(count, 3)) - 1) << 3 * (code if code < 128 else 128 + code % 64)
    return bits
