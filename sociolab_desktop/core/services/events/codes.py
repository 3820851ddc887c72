"""Registration codes a barcode scanner types, and certificate numbers, both derived from record keys.

Derived, not counted: every PC prints the same code for the same registration and the same
number for the same certificate, with no coordination between info points.
"""

from __future__ import annotations

import uuid

# No 0/O or 1/I: codes are read aloud, typed by hand and scanned.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8  # 40 bits: two registrations of one event share a code with odds below 1 in 10^6
_SEPARATORS = str.maketrans("", "", " -_.\t")
# A scanner set to a US keyboard on a Slovenian (QWERTZ) PC types Z for Y and Y for Z.
_QWERTZ = str.maketrans("YZ", "ZY")


def _code_of(key: str) -> str:
    number, chars = uuid.UUID(key).int, []
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[digit])
    return "".join(chars)


def registration_code(registration_key: str) -> str:
    """Eight characters from the registration's key (the demo data uses the same derivation)."""
    return _code_of(registration_key)


def code_candidates(typed: str | None) -> list[str]:
    """The codes `typed` may stand for (as typed, then with Y and Z swapped); empty if it cannot
    be a code at all. Case, spaces and dashes do not matter."""
    cleaned = (typed or "").upper().translate(_SEPARATORS)
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return []
    swapped = cleaned.translate(_QWERTZ)
    return [cleaned] if swapped == cleaned else [cleaned, swapped]


def looks_like_code(typed: str | None) -> bool:
    return bool(code_candidates(typed))


def certificate_number(certificate_key: str, year: int) -> str:
    """"2021-K7M2P9QX": the year of the event's last session and eight characters of the
    certificate's key, so re-printing (anywhere) gives the same number."""
    return f"{year:04d}-{_code_of(certificate_key)}"
