"""The declarative base and the columns every synced record carries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sociolab_desktop.core.domain.keys import new_key

# Named constraints let Alembic's batch mode rebuild SQLite tables reproducibly.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KEY_LENGTH = 36


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def key_column(**kwargs) -> Mapped[str]:
    return mapped_column(String(KEY_LENGTH), primary_key=True, default=new_key, **kwargs)


def reference(target: str, *, nullable: bool = False, index: bool = True) -> Mapped:
    """A foreign key checked at commit, so one transaction may insert children before parents."""
    return mapped_column(
        String(KEY_LENGTH),
        ForeignKey(target, deferrable=True, initially="DEFERRED"),
        nullable=nullable,
        index=index,
    )


class RecordMixin:
    """UUID key made on the PC that creates the record, audit columns, origin and soft delete.

    Times are naive UTC. `origin_site_id`, `created_by_id` and `updated_by_id` carry no foreign
    key on purpose: a record may arrive through sync before the site or staff member it names.
    """

    id: Mapped[str] = key_column()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    origin_site_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))
    created_by_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))
    updated_by_id: Mapped[str | None] = mapped_column(String(KEY_LENGTH))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
