"""At the door a row is one person: their status is not the plural "Registered" over the count."""

from __future__ import annotations

from checkin_helpers import show_window
from PySide6.QtWidgets import QLabel

from sociolab_desktop.ui.events.checkin.roster_list import STATE


def test_a_registered_persons_row_and_the_count_above_use_different_messages(qtbot, ctx, door, monkeypatch):
    monkeypatch.setattr(ctx.tr, "pgettext", lambda context, message: f"{context}|{message}")
    window = show_window(qtbot, ctx, door.event_id)

    states = {entry.full_name: window.roster.topLevelItem(row).text(STATE)
              for row, entry in enumerate(window.roster.entries)}
    assert states["Ana Čeh"] == "registration status|Registered"
    assert "door counter|Registered" in [label.text() for label in window.counters.findChildren(QLabel)]
