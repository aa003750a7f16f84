"""Opening the local SQLite database the way clinical data needs it.

Foreign keys on, WAL (readers never block the writer), ``synchronous=FULL`` (a committed donation survives a power
cut), a busy timeout for the second process. Transactions are begun explicitly: write sessions take the write lock
at ``BEGIN IMMEDIATE`` so a unit of work's read-check-write cannot interleave with another writer; read sessions use
a plain deferred ``BEGIN``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 15_000


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def sqlite_engine(path: Path | str, *, foreign_keys: bool = True, echo: bool = False) -> Engine:
    """An engine on the database file at ``path`` with the pragmas above (``foreign_keys=False`` for migrations)."""
    return configure_sqlite(create_engine(sqlite_url(path), echo=echo), foreign_keys=foreign_keys)


def configure_sqlite(engine: Engine, *, foreign_keys: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """Give a SQLite engine the pragmas above and explicit BEGINs (the central server's SQLite file uses it too)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # the driver must not begin transactions on its own
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        # straight to the driver: every unit of work begins here, and the SQL layer adds nothing to a fixed BEGIN
        connection.connection.driver_connection.execute(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning each transaction with the write lock held (``BEGIN IMMEDIATE``)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")
