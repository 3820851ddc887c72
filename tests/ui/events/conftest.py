"""Fixtures for the Events windows: a kit that writes through the services, and the events page."""

from __future__ import annotations

import pytest
from events_helpers import EventKit


@pytest.fixture
def event_kit(workspace) -> EventKit:
    return EventKit(workspace)
