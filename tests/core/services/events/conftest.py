"""Helpers for the event service tests: persons, events and sessions made through the services,
and two offices exchanging through a share (the sync tests' Office, loaded from its conftest)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from event_days import DAY_1, TODAY

from sociolab_desktop.core.services import persons as ps
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import sessions as se

_spec = importlib.util.spec_from_file_location(
    "sync_offices_conftest", Path(__file__).resolve().parents[2] / "sync" / "conftest.py")
_sync = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_sync)


class Kit:
    """Writes like the windows do, as the signed-in administrator of the workspace."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.store, self.actor = ws.store, ws.actor

    def person(self, first: str = "Ana", last: str = "Čeh", **fields) -> str:
        data = ps.PersonInput(first, last, **fields)
        return ps.create_person(self.store, self.actor, data, today=TODAY, allow_duplicates=True).id

    def event(self, title: str = "Usposabljanje za socialne podjetnike", *, event_type: str = "training_programme",
              **fields) -> str:
        return ev.create_event(self.store, self.actor, ev.EventInput(event_type, title, **fields)).id

    def session(self, event_id: str, day: dt.date = DAY_1, start=(9, 0), end=(12, 0), **fields) -> str:
        data = se.SessionInput(day, dt.time(*start), dt.time(*end), **fields)
        return se.add_session(self.store, self.actor, event_id, data).id

    def programme(self, sessions: int = 3, **fields) -> tuple[str, list[str]]:
        """A training programme of `sessions` sessions of 3 hours each, a week apart."""
        event_id = self.event(**fields)
        days = [DAY_1 + dt.timedelta(weeks=week) for week in range(sessions)]
        return event_id, [self.session(event_id, day) for day in days]


@pytest.fixture
def kit(workspace) -> Kit:
    return Kit(workspace)


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[list]:
    share = tmp_path / "share"
    share.mkdir()
    made = [_sync.Office(tmp_path, name, share) for name in ("Maribor", "Ptuj")]
    yield made
    for office in made:
        office.close()


@pytest.fixture
def exchange():
    return _sync._exchange
