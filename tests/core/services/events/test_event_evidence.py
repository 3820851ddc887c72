"""Signed sheets back in: a scanned PDF or image attached to its session, stored by content hash,
and every kind of wrong file refused with a message that names it."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from sociolab_desktop.core.services.demo.scans import placeholder_pdf
from sociolab_desktop.core.services.events import events as ev
from sociolab_desktop.core.services.events import evidence
from sociolab_desktop.core.services.events import sessions as se
from sociolab_desktop.errors import UserError


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, kind)
    return buffer.getvalue()


@pytest.fixture
def sheet_session(kit):
    _event, sessions = kit.programme(2)
    return sessions


def _attach(kit, session_id, path):
    return evidence.attach_signed_sheet(kit.store, kit.actor, kit.ws.paths.attachments, session_id, path)


def test_a_scanned_pdf_is_stored_by_hash_and_completes_the_sessions_evidence(kit, tmp_path):
    event_id, sessions = kit.programme(2)
    content = placeholder_pdf(["Lista prisotnosti", "27. 11. 2026"])
    scan = tmp_path / "podpisana-lista.pdf"
    scan.write_bytes(content)
    attached = _attach(kit, sessions[0], scan)
    sha = hashlib.sha256(content).hexdigest()
    assert (attached.sha256, attached.media_type, attached.size_bytes) == (sha, "application/pdf", len(content))
    assert attached.file_name == "podpisana-lista.pdf"
    assert (kit.ws.paths.attachments / sha).read_bytes() == content
    assert evidence.evidence_path(kit.ws.paths.attachments, attached) == kit.ws.paths.attachments / sha
    assert not list(kit.ws.paths.attachments.glob("*.tmp-*"))
    event = ev.get_event(kit.store, event_id)
    assert [(s.evidence_count, s.evidence_complete) for s in event.sessions] == [(1, True), (0, False)]
    assert evidence.list_evidence(kit.store, sessions[0]) == [attached]


@pytest.mark.parametrize("kind, media_type", [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("TIFF", "image/tiff")])
def test_a_scanned_image_is_accepted_by_its_content_whatever_its_name(kit, sheet_session, tmp_path, kind,
                                                                     media_type):
    scan = tmp_path / "sken.dat"
    scan.write_bytes(_image(kind))
    assert _attach(kit, sheet_session[0], scan).media_type == media_type


def test_the_same_scan_attached_twice_is_refused_and_a_second_page_is_added(kit, sheet_session, tmp_path):
    first, second = tmp_path / "stran-1.png", tmp_path / "stran-2.pdf"
    first.write_bytes(_image("PNG"))
    second.write_bytes(placeholder_pdf(["stran 2"]))
    _attach(kit, sheet_session[0], first)
    with pytest.raises(UserError, match=r"This scan \(stran-1.png\) is attached to the session already"):
        _attach(kit, sheet_session[0], first)
    _attach(kit, sheet_session[0], second)
    assert [e.file_name for e in evidence.list_evidence(kit.store, sheet_session[0])] == ["stran-1.png", "stran-2.pdf"]


def test_removed_evidence_leaves_the_list_and_may_be_attached_again(kit, sheet_session, tmp_path):
    scan = tmp_path / "lista.pdf"
    scan.write_bytes(placeholder_pdf(["lista"]))
    attached = _attach(kit, sheet_session[0], scan)
    evidence.remove_evidence(kit.store, kit.actor, attached.id)
    assert evidence.list_evidence(kit.store, sheet_session[0]) == []
    assert (kit.ws.paths.attachments / attached.sha256).exists()  # the file stays for the audit trail
    assert _attach(kit, sheet_session[0], scan).id == attached.id
    with pytest.raises(UserError, match="no longer exists"):
        evidence.remove_evidence(kit.store, kit.actor, "missing")


@pytest.mark.parametrize("name, content, message", [
    ("lista.pdf", b"Dear participant, this is a plain text file", "is not a PDF or an image"),
    ("lista.docx", b"PK\x03\x04" + b"\0" * 200, "is not a PDF or an image"),
    ("lista.pdf", placeholder_pdf(["lista"])[:200], "damaged or incomplete PDF"),
    ("lista.png", _image("PNG")[:60], "damaged image"),
    ("lista.jpg", _image("JPEG")[:400], "damaged image"),
    ("lista.pdf", b"", "is empty"),
])
def test_a_file_that_is_not_a_readable_pdf_or_image_is_refused_by_name(kit, sheet_session, tmp_path, name, content,
                                                                       message):
    scan = tmp_path / name
    scan.write_bytes(content)
    with pytest.raises(UserError, match=message) as error:
        _attach(kit, sheet_session[0], scan)
    assert name in str(error.value)
    assert evidence.list_evidence(kit.store, sheet_session[0]) == []
    assert not kit.ws.paths.attachments.exists() or not any(kit.ws.paths.attachments.iterdir())


def test_a_missing_file_or_a_folder_is_refused(kit, sheet_session, tmp_path):
    with pytest.raises(UserError, match="was not found"):
        _attach(kit, sheet_session[0], tmp_path / "ni-ga.pdf")
    with pytest.raises(UserError, match="is a folder"):
        _attach(kit, sheet_session[0], tmp_path)


def test_an_unreadable_file_is_refused_with_the_reason(kit, sheet_session, tmp_path, monkeypatch):
    scan = tmp_path / "zaklenjeno.pdf"
    scan.write_bytes(placeholder_pdf(["lista"]))

    def locked(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", locked)  # the tests run as root, who may read any file
    with pytest.raises(UserError, match=r"cannot be read \(Permission denied\)"):
        _attach(kit, sheet_session[0], scan)


def test_evidence_for_a_deleted_session_is_refused_before_the_file_is_read(kit, sheet_session, tmp_path):
    se.delete_session(kit.store, kit.actor, sheet_session[1])
    with pytest.raises(UserError, match="session was not found"):
        _attach(kit, sheet_session[1], tmp_path / "whatever.pdf")


def test_a_session_with_a_signed_sheet_cannot_be_deleted(kit, sheet_session, tmp_path):
    scan = tmp_path / "lista.pdf"
    scan.write_bytes(placeholder_pdf(["lista"]))
    _attach(kit, sheet_session[0], scan)
    with pytest.raises(UserError, match="signed attendance sheet is attached"):
        se.delete_session(kit.store, kit.actor, sheet_session[0])


def test_a_file_too_large_is_refused_without_being_read(kit, sheet_session, tmp_path, monkeypatch):
    monkeypatch.setattr(evidence, "MAX_EVIDENCE_BYTES", 100)
    scan = tmp_path / "velik.pdf"
    scan.write_bytes(placeholder_pdf(["lista"]))
    with pytest.raises(UserError, match="too large"):
        _attach(kit, sheet_session[0], scan)

