"""Plain data about registrations that several event services hand out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RegistrationRow:
    """A person's registration for an event. `affiliation`: the organisation(s) the person is with,
    else the municipality (what the attendance sheet prints); `waiting_position`: 1 for the first on
    the waiting list, None when not waiting; `person_incomplete`: added in a hurry, ESF data missing."""

    id: str
    event_id: str
    person_id: str
    first_name: str
    last_name: str
    code: str
    status: str
    registered_on: dt.date
    cancelled_on: dt.date | None
    affiliation: str
    person_incomplete: bool
    waiting_position: int | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
