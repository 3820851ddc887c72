"""The words of the sync state, from plain data (no window needed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from sociolab_desktop.core.sync.status import OtherSite
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import Translator
from sociolab_desktop.ui.sync import sync_text
from sociolab_desktop.ui.sync.share_dialog import clean_share_path

EN = Translator("en")


@dataclass
class Status:
    last_success_at: str | None = None
    last_attempt_at: str | None = None
    open_conflicts: int = 0
    changes_waiting: int = 0
    held: list = field(default_factory=list)


def _utc_text(local: dt.datetime) -> str:
    """The sync tables' naive-UTC text for a local time."""
    return local.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")


NOW = dt.datetime(2026, 11, 27, 15, 0)
MORNING = dt.datetime(2026, 11, 27, 10, 42)
YESTERDAY = dt.datetime(2026, 11, 26, 16, 5)


def _bar(status, **kw):
    options = {"share_path": "\\\\server\\share", "busy": False, "status": status, "now": NOW} | kw
    return sync_text.status_bar_text(EN, **options)


def test_status_bar_says_the_state_in_a_few_words():
    synced = Status(last_success_at=_utc_text(MORNING), last_attempt_at=_utc_text(MORNING - dt.timedelta(seconds=3)))
    assert _bar(synced) == "Synced 10:42"
    assert _bar(synced, busy=True) == "Syncing…"
    assert _bar(synced, share_path=None) == "Sync: no shared folder set"
    failed = Status(last_success_at=_utc_text(YESTERDAY), last_attempt_at=_utc_text(MORNING))
    assert _bar(failed) == "Not synced since 26/11/2026, 16:05"
    assert _bar(Status(last_attempt_at=_utc_text(MORNING))) == "Not synced yet"
    assert _bar(Status()) == "Not synced yet"
    assert _bar(Status(last_success_at=_utc_text(MORNING), open_conflicts=3)) == "3 conflicts to review"
    assert _bar(Status(last_success_at=_utc_text(MORNING), open_conflicts=1)) == "1 conflict to review"


def test_values_read_like_words():
    assert sync_text.value_text(EN, None) == "(empty)"
    assert sync_text.value_text(EN, "") == "(empty)"
    assert sync_text.value_text(EN, True) == "yes"
    assert sync_text.value_text(EN, 1234) == "1,234"
    assert sync_text.value_text(EN, "two\nlines") == "two lines"
    assert sync_text.value_text(EN, "2026-11-27 10:00", "delete") == "deleted"
    assert sync_text.value_text(EN, None, "delete") == "kept, with the changes"


def test_other_info_points_come_from_the_database_and_the_share_by_name():
    own, ptuj, ormoz, lenart = "own-site", "ptuj-site", "ormoz-site", "lenart-site-0000"
    applied = [OtherSite(ptuj, "Ptuj", _utc_text(MORNING), 3)]
    shared = {own: {"name": "Maribor"}, ptuj: {"name": "Ptuj", "last_publish_at": _utc_text(MORNING)},
              ormoz: {"name": "Ormož", "last_publish_at": _utc_text(YESTERDAY)}, lenart: {}}
    rows = sync_text.other_site_rows(EN, own, applied, shared, {ptuj: "Ptuj"})
    assert [key for key, _texts in rows] == [lenart, ormoz, ptuj]
    assert rows[0][1][0] == "info point lenart-s"
    assert rows[1][1] == ["Ormož", EN.format_datetime(YESTERDAY, "short"), "never"]
    assert rows[2][1][1:] == [EN.format_datetime(MORNING, "short")] * 2


def test_a_shared_folder_path_must_be_whole():
    assert clean_share_path('  "\\\\server\\share\\sociolab"  ') == "\\\\server\\share\\sociolab"
    assert clean_share_path("Z:\\sociolab") == "Z:\\sociolab"
    assert clean_share_path("/mnt/share") == "/mnt/share"
    assert clean_share_path("   ") is None
    with pytest.raises(UserError, match="not a full path"):
        clean_share_path("sociolab")
