"""Attachments travel as content-addressed files: `<share>/sociolab-sync/blobs/<sha256>`.

Each PC copies the files it has and the share lacks, and fetches the ones its records name but
its data folder lacks; every copy is checked against its hash before it is kept.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import sqlite3
from pathlib import Path

from sociolab_desktop.core.sync.share import BLOB_NAME, Share


def local_blob_path(attachments: Path, sha256: str) -> Path:
    return attachments / sha256


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_verified(source: Path, target: Path, sha256: str) -> bool:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.tmp-{secrets.token_hex(6)}")
    try:
        shutil.copyfile(source, temporary)
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        if _hash_file(temporary) != sha256:
            return False
        os.replace(temporary, target)
        return True
    finally:
        temporary.unlink(missing_ok=True)


def exchange_blobs(connection: sqlite3.Connection, share: Share, attachments: Path) -> tuple[int, int, list[str]]:
    """Returns (sent, fetched, problems); problems name hashes, never file names of people."""
    wanted = {
        sha for (sha,) in connection.execute("SELECT DISTINCT sha256 FROM attachment WHERE deleted_at IS NULL")
        if BLOB_NAME.match(sha or "")
    }
    sent = fetched = 0
    problems: list[str] = []
    for sha in sorted(wanted):
        local = local_blob_path(attachments, sha)
        remote = share.blob_path(sha)
        if local.exists() and not remote.exists():
            if _copy_verified(local, remote, sha):
                sent += 1
            else:
                problems.append(f"{sha[:12]}: local copy does not match its hash")
        elif remote.exists() and not local.exists():
            if _copy_verified(remote, local, sha):
                fetched += 1
            else:
                problems.append(f"{sha[:12]}: copy on the share does not match its hash")
    return sent, fetched, problems
