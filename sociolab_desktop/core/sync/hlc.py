"""Hybrid Logical Clock: wall-clock milliseconds, a counter and the site, as one sortable string.

Order survives PCs whose clocks are wrong: every version a PC writes sorts after every version it
has seen. A remote version from far in the future is accepted as data but does not drag this
PC's clock along (one PC with its year set to 2035 would otherwise win every edit for years);
`observe` reports it instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_DIGITS = 13
COUNTER_DIGITS = 6
# A remote clock more than this far ahead of ours is reported, not followed.
MAX_AHEAD_MS = 10 * 60 * 1000


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    site_id: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}-{self.site_id}"


def parse(value: str) -> Timestamp:
    wall, counter, site = value.split("-", 2)
    return Timestamp(int(wall), int(counter), site)


def site_of(value: str) -> str:
    return value.split("-", 2)[2] if value else ""


def wall_of(value: str) -> int:
    return int(value.split("-", 1)[0]) if value else 0


def version_after(version: str, current: str | None) -> str:
    """The version a local edit gets: `version` (a fresh tick), or, when the field already holds
    a version from a clock far ahead (which the clock does not follow), the smallest version of
    this site above it. An edit made with the value in front of it must win over that value, on
    this PC and on every other: the tick alone would lose there and leave this PC's value behind."""
    if not current or version > current:
        return version
    stamp = parse(current)
    return str(Timestamp(stamp.wall_ms, stamp.counter + 1, site_of(version)))


def _now_ms() -> int:
    return int(time.time() * 1000)


class HybridLogicalClock:
    def __init__(self, site_id: str | None, now_ms: Callable[[], int] = _now_ms) -> None:
        self.site_id = site_id
        self._now_ms = now_ms
        self._wall = 0
        self._counter = 0
        self._lock = threading.Lock()

    def tick(self) -> str:
        """A new version for a local write: later than anything this PC has written or seen."""
        if not self.site_id:
            raise RuntimeError("the clock has no site yet; set up the info point first")
        with self._lock:
            now = self._now_ms()
            if now > self._wall:
                self._wall, self._counter = now, 0
            else:
                self._counter += 1
            return str(Timestamp(self._wall, self._counter, self.site_id))

    def observe(self, remote: str) -> bool:
        """Move past a version seen from elsewhere; False if it is too far ahead to follow."""
        if not remote:
            return True
        stamp = parse(remote)
        with self._lock:
            if stamp.wall_ms > self._now_ms() + MAX_AHEAD_MS:
                return False
            if (stamp.wall_ms, stamp.counter) > (self._wall, self._counter):
                self._wall, self._counter = stamp.wall_ms, stamp.counter
            return True

    def restore(self, high_water: str) -> None:
        """At start: never issue a version below one already issued (a PC clock set back)."""
        if high_water:
            stamp = parse(high_water)
            with self._lock:
                if (stamp.wall_ms, stamp.counter) > (self._wall, self._counter):
                    self._wall, self._counter = stamp.wall_ms, stamp.counter

    @property
    def last(self) -> str:
        return str(Timestamp(self._wall, self._counter, self.site_id or ""))
