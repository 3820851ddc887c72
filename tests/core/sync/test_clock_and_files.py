"""The clock, the bundle format and the share's naming rules, on their own."""

from __future__ import annotations

import pytest

from sociolab_desktop.core.sync.bundle import BundleError, decode, encode
from sociolab_desktop.core.sync.hlc import MAX_AHEAD_MS, HybridLogicalClock, parse
from sociolab_desktop.core.sync.share import BUNDLE_PATH, Share

SITE = "0f2a8c1e-1111-4222-8333-444455556666"
OTHER = "9f2a8c1e-1111-4222-8333-444455556666"


def test_versions_only_grow_even_when_the_pc_clock_goes_back():
    now = [1_000_000]
    clock = HybridLogicalClock(SITE, now_ms=lambda: now[0])
    first = clock.tick()
    now[0] -= 60_000  # someone sets the clock back a minute
    second = clock.tick()
    assert second > first
    assert parse(second).wall_ms == parse(first).wall_ms


def test_a_seen_version_is_followed_so_the_next_edit_sorts_after_it():
    clock = HybridLogicalClock(SITE, now_ms=lambda: 1_000_000)
    remote = f"{1_000_000 + 5_000:013d}-000007-{OTHER}"
    assert clock.observe(remote)
    assert clock.tick() > remote


def test_a_clock_far_ahead_is_reported_and_not_followed():
    clock = HybridLogicalClock(SITE, now_ms=lambda: 1_000_000)
    remote = f"{1_000_000 + MAX_AHEAD_MS + 1:013d}-000000-{OTHER}"
    assert clock.observe(remote) is False
    assert parse(clock.tick()).wall_ms == 1_000_000


def test_versions_sort_by_time_then_counter_then_site():
    assert f"{5:013d}-000001-{SITE}" < f"{5:013d}-000002-{SITE}" < f"{6:013d}-000000-{SITE}"
    assert f"{5:013d}-000001-{SITE}" < f"{5:013d}-000001-{OTHER}"


def test_restart_never_reissues_an_older_version():
    clock = HybridLogicalClock(SITE, now_ms=lambda: 10)
    clock.restore(f"{99_999:013d}-000004-{SITE}")
    assert clock.tick() == f"{99_999:013d}-000005-{SITE}"


def _fields(seq=1):
    return {"schema": "0002_sync", "app_version": "0.1.0", "site_id": SITE, "epoch": 1, "seq": seq,
            "hlc_min": "a", "hlc_max": "b", "previous_sha256": None, "created_at": "2026-11-27 10:00:00"}


def test_bundle_round_trip_keeps_slovenian_text():
    entries = [{"t": "person", "k": "x", "v": {"last_name": "Đurđević Čeh"}}]
    data, header = encode(_fields(), entries)
    again, decoded = decode(data)
    assert decoded == entries and again == header


def test_same_entries_give_the_same_bytes():
    entries = [{"t": "person", "k": "x", "v": {"a": 1}}]
    assert encode(_fields(), entries)[0] == encode(_fields(), entries)[0]


@pytest.mark.parametrize("damage, reason", [
    (lambda data: data[: len(data) - 5], "truncated"),
    (lambda data: data[:10], "truncated"),
    (lambda data: data + b"extra", "corrupt"),
    (lambda data: b"not a bundle at all\n" + data, "corrupt"),
])
def test_damaged_bundles_are_recognised(damage, reason):
    data, _ = encode(_fields(), [{"t": "person", "k": "x"}])
    with pytest.raises(BundleError) as error:
        decode(damage(data))
    assert error.value.reason == reason


@pytest.mark.parametrize("name, ok", [
    (f"sites/{SITE}/1/000000000001.bundle", True),
    (f"sites/{SITE}/12/000000000123.bundle", True),
    (f"sites/{SITE}/1/000000000001 (conflicted copy).bundle", False),
    (f"sites/{SITE}/1/000000000001.bundle.tmp-abc", False),
    (f"sites/{SITE}/0/000000000001.bundle", False),
    (f"sites/{SITE}/1/1.bundle", False),
    (f"sites/not-a-uuid/1/000000000001.bundle", False),
])
def test_only_exact_bundle_names_are_read(name, ok):
    assert bool(BUNDLE_PATH.match(name)) is ok


def test_an_existing_bundle_is_never_overwritten(tmp_path):
    share = Share(tmp_path)
    share.check_reachable()
    target = share.bundle_path(SITE, 1, 1)
    share.write_new(target, b"first")
    with pytest.raises(FileExistsError):
        share.write_new(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in target.parent.iterdir()] == [target.name]
