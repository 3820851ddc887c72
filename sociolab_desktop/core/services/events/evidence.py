"""Scanned signed attendance sheets attached to their session, stored in the data folder by
content hash (`<data>/attachments/<sha256>`, which sync carries to the share's blobs folder).

A session's evidence is complete once at least one signed sheet is attached. The attachment's
key is derived from session and content, so the same scan attached on two PCs is one record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from sociolab_desktop.core.domain.keys import derived_key
from sociolab_desktop.core.services.events.lookup import SESSION_OWNER, live_event_session
from sociolab_desktop.core.store.models import Attachment, utc_now
from sociolab_desktop.core.store.unit_of_work import Actor, Store
from sociolab_desktop.errors import UserError
from sociolab_desktop.i18n import N_

log = logging.getLogger(__name__)

MAX_EVIDENCE_BYTES = 100 * 1024 * 1024  # a scanned multi-page sheet is a few MB; this is a wrong file
MAX_FILE_NAME = 255
PDF = "application/pdf"
# Pillow's name of an image format → what it is stored as; the formats scanners and phones write.
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff", "BMP": "image/bmp",
               "GIF": "image/gif", "WEBP": "image/webp"}


@dataclass(frozen=True)
class EvidenceFile:
    id: str
    event_session_id: str
    sha256: str
    file_name: str
    media_type: str
    size_bytes: int
    attached_at: dt.datetime  # naive UTC
    description: str | None


def _not_evidence(path: Path) -> UserError:
    return UserError(N_("{file} is not a PDF or an image (JPEG, PNG, TIFF). Scan the signed sheet to PDF or to an "
                        "image and attach that file."), file=path.name)


def _media_type(path: Path, content: bytes) -> str:
    """PDF or a readable image, judged by content (a renamed file's extension proves nothing)."""
    if b"%PDF-" in content[:1024]:
        if b"%%EOF" not in content[-2048:]:
            raise UserError(N_("{file} is a damaged or incomplete PDF (its end is missing). Scan or save the sheet "
                               "again and attach the new file."), file=path.name)
        return PDF
    from io import BytesIO

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(content)) as image:
            kind = image.format
            image.load()  # decodes the pixels: a truncated scan fails here, not when someone opens it
    except UnidentifiedImageError:
        raise _not_evidence(path) from None
    except Exception as exc:  # Pillow raises many kinds for a truncated or corrupt image
        raise UserError(N_("{file} is a damaged image ({reason}). Scan the sheet again and attach the new file."),
                        file=path.name, reason=type(exc).__name__) from exc
    if kind not in IMAGE_TYPES:
        raise _not_evidence(path)
    return IMAGE_TYPES[kind]


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise UserError(N_("{file} is too large ({size} MB; at most {limit} MB). Scan it at a lower resolution "
                               "or in black and white."), file=path.name, size=round(size / 1048576),
                            limit=MAX_EVIDENCE_BYTES // 1048576)
        if path.is_dir():
            raise UserError(N_("{file} is a folder; choose the scanned file itself."), file=path.name)
        content = path.read_bytes()
    except FileNotFoundError:
        raise UserError(N_("The file {file} was not found. It may have been moved or renamed; choose it again."),
                        file=str(path)) from None
    except OSError as exc:
        raise UserError(N_("The file {file} cannot be read ({reason}). Check that it is not open in another program "
                           "and that you may read it."), file=str(path),
                        reason=exc.strerror or type(exc).__name__) from exc
    if not content:
        raise UserError(N_("The file {file} is empty. Scan the sheet again."), file=path.name)
    return content


def _store_blob(attachments_dir: Path, sha256: str, content: bytes) -> None:
    """Written under a temporary name, flushed, then renamed: never a half file under a hash."""
    target = attachments_dir / sha256
    if target.exists() and target.stat().st_size == len(content):
        return
    try:
        attachments_dir.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f"{sha256}.tmp-{secrets.token_hex(6)}")
        try:
            with temporary.open("wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise UserError(N_("The scan could not be stored in {folder} ({reason}). Check free disk space and "
                           "permissions."), folder=str(attachments_dir),
                        reason=exc.strerror or type(exc).__name__) from exc


def _evidence(row: Attachment) -> EvidenceFile:
    return EvidenceFile(row.id, row.owner_id, row.sha256, row.file_name, row.media_type, row.size_bytes,
                        row.created_at, row.description)


def attach_signed_sheet(store: Store, actor: Actor, attachments_dir: Path, session_id: str, source: Path, *,
                        description: str | None = None) -> EvidenceFile:
    """Copy the scan into the data folder and attach it to the session. Raises UserError for a
    file that is not a PDF or image, damaged, unreadable, too large, or already attached."""
    source = Path(source)
    with store.reader() as session:
        live_event_session(session, session_id)  # before reading a large file for nothing
    content = _read(source)
    media_type = _media_type(source, content)
    sha256 = hashlib.sha256(content).hexdigest()
    _store_blob(Path(attachments_dir), sha256, content)
    with store.unit_of_work(actor) as session:
        event_session, _event = live_event_session(session, session_id)
        key = derived_key("attachment", SESSION_OWNER, event_session.id, sha256)
        row = session.get(Attachment, key)
        if row is not None and row.deleted_at is None:
            raise UserError(N_("This scan ({file}) is attached to the session already."), file=row.file_name)
        if row is None:
            row = Attachment(id=key, sha256=sha256, owner_table=SESSION_OWNER, owner_id=event_session.id)
            session.add(row)
        row.file_name = source.name[-MAX_FILE_NAME:]
        row.media_type, row.size_bytes, row.deleted_at = media_type, len(content), None
        row.description = (description or "").strip()[:300] or None
        session.flush()
        log.info("Attached a signed sheet (%s, %d bytes) to session %s", media_type, len(content), event_session.id)
        return _evidence(row)


def list_evidence(store: Store, session_id: str) -> list[EvidenceFile]:
    """The session's signed sheets, in the order they were attached."""
    with store.reader() as session:
        rows = session.scalars(select(Attachment).where(
            Attachment.owner_table == SESSION_OWNER, Attachment.owner_id == session_id, Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at, Attachment.id))
        return [_evidence(row) for row in rows]


def evidence_path(attachments_dir: Path, evidence: EvidenceFile) -> Path | None:
    """Where the file is on this PC; None while sync has not fetched it from the share yet."""
    path = Path(attachments_dir) / evidence.sha256
    return path if path.is_file() else None


def remove_evidence(store: Store, actor: Actor, attachment_id: str) -> None:
    """Soft delete: the record and its file stay for the audit trail."""
    with store.unit_of_work(actor) as session:
        row = session.get(Attachment, attachment_id) if attachment_id else None
        if row is None or row.deleted_at is not None or row.owner_table != SESSION_OWNER:
            raise UserError(N_("This attachment no longer exists; refresh the list."))
        row.deleted_at = utc_now()
