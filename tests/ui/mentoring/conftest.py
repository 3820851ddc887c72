"""The Mentoring windows' tests: a form left with changes at the end of a test closes without asking
(the question is modal and would wait for an answer no one gives); tests of the question set
their own answer."""

from __future__ import annotations

import pytest

from sociolab_desktop.ui.persons import dialog_fields


@pytest.fixture(autouse=True)
def close_without_asking(monkeypatch):
    monkeypatch.setattr(dialog_fields, "ask_discard_changes", lambda _parent, _tr: True)
