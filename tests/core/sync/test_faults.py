"""What goes wrong on real shares: torn files, flipped bytes, cloud copies, a share that goes away,
a crash while applying, a newer program, a restored backup, two PCs with one identity."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from sociolab_desktop.core.store.models import Person
from sociolab_desktop.core.sync import merge as merge_module
from sociolab_desktop.core.sync.bundle import decode, encode


def _person(office, last_name="Čeh"):
    with office.write() as session:
        person = Person(first_name="Ana", last_name=last_name)
        session.add(person)
    return person.id


def _bundles(office):
    folder = office.share / "sociolab-sync" / "sites" / office.site_id
    return sorted(folder.rglob("*.bundle"))


def test_bundle_cut_off_halfway_is_held_then_applied_when_complete(offices):
    maribor, ptuj, _ = offices
    person_id = _person(maribor)
    maribor.sync()
    bundle = _bundles(maribor)[-1]
    whole = bundle.read_bytes()
    bundle.write_bytes(whole[: len(whole) // 2])
    result = ptuj.sync()
    assert [held.reason for held in result.held] == ["truncated"]
    assert result.needs_attention
    assert ptuj.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 0
    bundle.write_bytes(whole)  # the copy finishes
    result = ptuj.sync()
    assert result.held == []
    assert ptuj.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 1
    assert ptuj.scalar("SELECT count(*) FROM sync_held") == 0


def test_bundle_with_one_flipped_byte_is_refused(offices):
    maribor, ptuj, _ = offices
    _person(maribor)
    maribor.sync()
    bundle = _bundles(maribor)[-1]
    data = bytearray(bundle.read_bytes())
    data[-10] ^= 0x01
    bundle.write_bytes(bytes(data))
    result = ptuj.sync()
    assert [held.reason for held in result.held] == ["checksum"]
    assert ptuj.scalar("SELECT count(*) FROM person WHERE last_name = 'Čeh'") == 0


def test_conflicted_copy_of_a_cloud_client_is_reported_not_applied(offices):
    maribor, ptuj, _ = offices
    _person(maribor)
    maribor.sync()
    bundle = _bundles(maribor)[-1]
    copy = bundle.with_name("000000000001 (Ptuj's conflicted copy 2026-11-27).bundle")
    shutil.copy(bundle, copy)
    result = ptuj.sync()
    assert any("conflicted copy" in stray for stray in result.strays)
    assert result.needs_attention
    assert ptuj.scalar("SELECT count(*) FROM sync_applied WHERE site_id = :s", s=maribor.site_id) == 1


def test_unreachable_share_means_not_synced_yet(offices, tmp_path):
    maribor, _, _ = offices
    _person(maribor)
    maribor.ws.settings.share_path = str(tmp_path / "no-such-server" / "share")
    result = maribor.sync()
    assert result.share_unavailable
    assert maribor.scalar("SELECT last_success_at FROM sync_state") is None
    assert maribor.scalar("SELECT last_attempt_at FROM sync_state") is not None


def test_share_disappearing_in_the_middle_of_a_round(offices, monkeypatch):
    maribor, ptuj, _ = offices
    person_id = _person(maribor)
    maribor.sync()
    from sociolab_desktop.core.sync import share as share_module

    def gone(self, path):
        raise share_module.ShareUnavailable("network name no longer available")

    monkeypatch.setattr(share_module.Share, "read", gone)
    result = ptuj.sync()
    assert result.share_unavailable
    monkeypatch.undo()
    ptuj.sync()
    assert ptuj.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 1


def test_crash_while_applying_leaves_the_database_consistent(offices, monkeypatch):
    maribor, ptuj, _ = offices
    for index in range(20):
        _person(maribor, last_name=f"Kovač {index}")
    maribor.sync()
    before = ptuj.scalar("SELECT count(*) FROM person")
    calls = {"n": 0}
    original = merge_module.Merger._insert_rows

    def dies_halfway(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("power cut")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(merge_module.Merger, "_insert_rows", dies_halfway)
    with pytest.raises(KeyboardInterrupt):
        ptuj.sync()
    monkeypatch.undo()
    assert ptuj.scalar("SELECT count(*) FROM person") == before
    assert ptuj.scalar("SELECT count(*) FROM sync_applied WHERE site_id = :s", s=maribor.site_id) == 0
    ptuj.reopen()
    ptuj.sync()
    assert ptuj.scalar("SELECT count(*) FROM person WHERE last_name LIKE 'Kovač%'") == 20


def test_bundle_from_a_newer_program_is_held_and_applied_after_upgrade(offices, monkeypatch):
    maribor, ptuj, _ = offices
    person_id = _person(maribor)
    maribor.sync()
    bundle = _bundles(maribor)[-1]
    header, entries = decode(bundle.read_bytes())
    fields = {k: v for k, v in vars(header).items() if k not in ("format", "count", "body_size", "body_sha256")}
    fields["schema"] = "0099_from_the_future"
    data, _ = encode(fields, entries)
    bundle.write_bytes(data)
    result = ptuj.sync()
    assert [held.reason for held in result.held] == ["newer_schema"]
    assert ptuj.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 0
    from sociolab_desktop.core.store import migrate
    from sociolab_desktop.core.sync import apply as apply_module

    monkeypatch.setattr(apply_module, "REVISIONS", (*migrate.REVISIONS, "0099_from_the_future"))
    result = ptuj.sync()
    assert result.held == []
    assert ptuj.scalar("SELECT count(*) FROM person WHERE id = :id", id=person_id) == 1


def test_site_restored_from_an_old_backup_takes_its_newer_changes_back(offices):
    maribor, ptuj, _ = offices
    first = _person(maribor, "Prvi")
    maribor.sync()
    backup = maribor.root / "old-backup.sqlite3"
    source = sqlite3.connect(maribor.ws.paths.database)
    target = sqlite3.connect(backup)
    source.backup(target)
    source.close()
    target.close()
    second = _person(maribor, "Drugi")
    maribor.sync()
    # The PC's disk fails; IT restores last week's backup over the database.
    maribor.close()
    shutil.copy(backup, maribor.ws.paths.database)
    for suffix in ("-wal", "-shm"):
        maribor.ws.paths.database.with_name(maribor.ws.paths.database.name + suffix).unlink(missing_ok=True)
    maribor.reopen()
    assert maribor.scalar("SELECT count(*) FROM person WHERE id = :id", id=second) == 0
    result = maribor.sync()
    assert result.new_epoch == 2
    assert maribor.scalar("SELECT count(*) FROM person WHERE id IN (:a, :b)", a=first, b=second) == 2
    third = _person(maribor, "Tretji")
    maribor.sync()
    names = sorted(path.relative_to(maribor.share).as_posix() for path in _bundles(maribor))
    assert any("/2/000000000001.bundle" in name for name in names)
    ptuj.sync()
    assert ptuj.scalar("SELECT count(*) FROM person WHERE id IN (:a, :b, :c)", a=first, b=second, c=third) == 3


def test_two_pcs_set_up_with_the_same_identity_are_detected(offices, tmp_path):
    maribor, _, _ = offices
    _person(maribor)
    maribor.sync()
    # IT copied Maribor's settings to a second PC; that PC made its own database.
    twin_settings = json.loads(maribor.ws.paths.settings.read_text(encoding="utf-8"))
    twin_settings["installation_id"] = "a-different-installation"
    twin_folder = tmp_path / "twin"
    twin_folder.mkdir()
    (twin_folder / "settings.json").write_text(json.dumps(twin_settings), encoding="utf-8")
    from sociolab_desktop.workspace import open_workspace, sync_round

    with open_workspace(twin_folder) as twin:
        result = sync_round(twin)
    assert result.duplicate_identity == maribor.ws.settings.installation_id
    assert result.needs_attention
    assert result.published is None
