"""Raw sqlite3 access for sync: values move as SQLite stores them, and write transactions are
taken with BEGIN IMMEDIATE so a round never meets a stale snapshot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine


@contextmanager
def raw_connection(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A pooled connection (with the capture functions registered), in manual transaction mode."""
    fairy = engine.raw_connection()
    connection: sqlite3.Connection = fairy.dbapi_connection  # type: ignore[assignment]
    previous = connection.isolation_level
    connection.isolation_level = None
    try:
        yield connection
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.isolation_level = previous
        fairy.close()


@contextmanager
def immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
