"""Attached files travel through the share by content hash and are checked on arrival."""

from __future__ import annotations

import hashlib

from sociolab_desktop.core.store.models import Attachment


def _attach(office, content: bytes, name="lista-prisotnosti.pdf") -> str:
    sha = hashlib.sha256(content).hexdigest()
    folder = office.ws.paths.attachments
    folder.mkdir(parents=True, exist_ok=True)
    (folder / sha).write_bytes(content)
    with office.write() as session:
        session.add(Attachment(sha256=sha, file_name=name, media_type="application/pdf", size_bytes=len(content),
                               owner_table="event_session", owner_id="0" * 36))
    return sha


def test_a_scanned_sheet_reaches_the_other_office(offices):
    maribor, ptuj, _ = offices
    sha = _attach(maribor, b"%PDF-1.4 signed attendance sheet")
    first = maribor.sync()
    assert first.blobs_sent == 1
    assert (maribor.share / "sociolab-sync" / "blobs" / sha).read_bytes() == b"%PDF-1.4 signed attendance sheet"
    result = ptuj.sync()
    assert result.blobs_fetched == 1
    assert (ptuj.ws.paths.attachments / sha).read_bytes() == b"%PDF-1.4 signed attendance sheet"
    assert ptuj.sync().blobs_fetched == 0  # nothing to do twice


def test_a_damaged_copy_on_the_share_is_not_taken(offices):
    maribor, ptuj, _ = offices
    sha = _attach(maribor, b"%PDF-1.4 the real scan")
    maribor.sync()
    (maribor.share / "sociolab-sync" / "blobs" / sha).write_bytes(b"%PDF-1.4 something else")
    result = ptuj.sync()
    assert result.blobs_fetched == 0
    assert result.blob_problems and sha[:12] in result.blob_problems[0]
    assert result.needs_attention
    assert not (ptuj.ws.paths.attachments / sha).exists()
