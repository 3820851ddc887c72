"""The logos an administrator chose for the header of every printed document.

The EU emblem and the programme logos are supplied by the lead partner and set by an
administrator; nothing third-party is shipped or hard-coded here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def _as_paths(logos: Iterable[str | os.PathLike[str]]) -> tuple[Path, ...]:
    return tuple(Path(logo) for logo in logos)


@dataclass(frozen=True)
class Branding:
    """Logo image files (PNG or JPEG), printed left to right at the same height."""

    logos: tuple[Path, ...] = ()
    logo_height_mm: float = 14.0

    def __post_init__(self) -> None:
        # Accept any iterable of str or Path (settings store plain strings).
        object.__setattr__(self, "logos", _as_paths(self.logos))


NO_BRANDING = Branding()
