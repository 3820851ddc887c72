"""Text folding for search and Slovenian order for sorting.

SQLite folds ASCII only and Unicode does not decompose đ, so search text is folded here, the
same way for what is stored and what is typed: "ceh" finds "Čeh", "durdevic" finds "Đurđević".
"""

from __future__ import annotations

import unicodedata

_NOT_DECOMPOSED = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"})

# Slovenian alphabet order: c < č < ć < d < đ ... s < š < t ... z < ž. Every character becomes its
# base letter plus a rank, so "Cerar" (c0…) sorts before "Čeh" (c1…) whatever follows; other
# accents sort with their base letter.
_SLOVENIAN_AFTER_BASE = {"č": "c1", "ć": "c2", "đ": "d1", "š": "s1", "ž": "z1"}


def fold(text: str | None) -> str:
    """Case-fold and strip diacritics: the form both stored search text and queries take."""
    if not text:
        return ""
    lowered = text.casefold().translate(_NOT_DECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def search_text(*parts: str | None) -> str:
    return " ".join(folded for folded in (fold(part) for part in parts) if folded)


def slovenian_sort_key(text: str | None) -> str:
    """A key whose plain byte order is Slovenian alphabetical order (for an indexed column)."""
    if not text:
        return ""
    out = []
    for ch in text.casefold():
        if ch in _SLOVENIAN_AFTER_BASE:
            out.append(_SLOVENIAN_AFTER_BASE[ch])
            continue
        base = fold(ch) or ch
        out.append("".join(letter + "0" for letter in base))
    return "".join(out)
