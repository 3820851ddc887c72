"""A data folder with two mentors (see mentoring_helpers.Mentoring)."""

from __future__ import annotations

import pytest
from mentoring_helpers import Mentoring


@pytest.fixture
def mentoring(workspace) -> Mentoring:
    return Mentoring(workspace)
