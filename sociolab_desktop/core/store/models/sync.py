"""Bookkeeping of offline sync: field versions, this PC's sync state, applied bundles,
held bundles and conflicts. `sync_*` tables other than conflicts are local and never synced."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sociolab_desktop.core.store.models.base import KEY_LENGTH, Base, RecordMixin

HLC_LENGTH = 64


class SyncRow(Base):
    """Per-field versions of one record, as Hybrid Logical Clock strings.

    A field's version is `overrides[column][0]` if present, else `base_hlc` (the version of the
    insert). `seen` keeps, per field changed locally since the last publish, the version this PC
    had before it, so others can tell a concurrent edit from an informed one.
    """

    __tablename__ = "sync_row"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True)
    base_hlc: Mapped[str] = mapped_column(String(HLC_LENGTH), default="")
    overrides: Mapped[str] = mapped_column(Text, default="{}")
    seen: Mapped[str] = mapped_column(Text, default="{}")
    deleted_hlc: Mapped[str | None] = mapped_column(String(HLC_LENGTH))
    last_local_hlc: Mapped[str | None] = mapped_column(String(HLC_LENGTH), index=True)


class SyncState(Base):
    """One row: where this PC's own stream of bundles stands."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_bundle_sha256: Mapped[str | None] = mapped_column(String(64))
    published_watermark: Mapped[str] = mapped_column(String(HLC_LENGTH), default="")
    clock_high_water: Mapped[str] = mapped_column(String(HLC_LENGTH), default="")
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SyncApplied(Base):
    """A bundle already applied: applying it again changes nothing."""

    __tablename__ = "sync_applied"

    site_id: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    entries: Mapped[int] = mapped_column(Integer)
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncHeld(Base):
    """A bundle seen on the share but not applied (yet), and why."""

    __tablename__ = "sync_held"

    path: Mapped[str] = mapped_column(String(500), primary_key=True)
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_tried_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SyncConflict(RecordMixin, Base):
    """Two concurrent values of one field (or an edit concurrent with a delete).

    Synced like any record, with a key derived from the pair, so every PC ends up with the same
    list and a resolution made at one info point reaches the others.
    """

    __tablename__ = "sync_conflict"

    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(KEY_LENGTH), index=True)
    column_name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20))
    winner_value: Mapped[str | None] = mapped_column(Text)
    winner_hlc: Mapped[str] = mapped_column(String(HLC_LENGTH))
    loser_value: Mapped[str | None] = mapped_column(Text)
    loser_hlc: Mapped[str] = mapped_column(String(HLC_LENGTH))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))
