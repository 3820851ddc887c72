"""Sessions with an actor: who is at the keyboard and at which info point.

Services open one unit of work per use case and own its transaction. Every flush stamps the
audit columns and refreshes derived search columns, so no write path can forget them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from sociolab_desktop.core.store.derived import DERIVED, derived_values
from sociolab_desktop.core.store.models import RecordMixin, utc_now


@dataclass(frozen=True)
class Actor:
    """Who writes: the site (info point) of this PC and the staff member signed in, if any."""

    site_id: str | None = None
    staff_id: str | None = None


def _refresh_derived(record: object) -> None:
    table_name = getattr(record, "__tablename__", None)
    if table_name in DERIVED:
        for column, value in derived_values(table_name, vars(record)).items():
            if getattr(record, column) != value:
                setattr(record, column, value)


def _stamp_before_flush(session: Session, _context, _instances) -> None:
    actor: Actor = session.info.get("actor", Actor())
    now = utc_now()
    for record in session.new:
        if isinstance(record, RecordMixin):
            record.created_at = record.created_at or now
            record.updated_at = now
            record.origin_site_id = record.origin_site_id or actor.site_id
            record.created_by_id = record.created_by_id or actor.staff_id
            record.updated_by_id = actor.staff_id or record.created_by_id
        _refresh_derived(record)
    for record in session.dirty:
        if isinstance(record, RecordMixin) and session.is_modified(record):
            record.updated_at = now
            record.updated_by_id = actor.staff_id or record.updated_by_id
            _refresh_derived(record)


class Store:
    """The open database: hands out units of work for services."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _stamp_before_flush)

    @contextmanager
    def unit_of_work(self, actor: Actor | None = None) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session, session.begin():
            session.info["actor"] = actor or Actor()
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session for queries; nothing it touches is written."""
        with self._sessions() as session:
            yield session
            session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
