"""Opening the local SQLite database the way clinical data needs it.

Foreign keys on, WAL (readers never block the writer), ``synchronous=FULL`` (a committed donation survives a power
cut), a busy timeout for the second process. Transactions are begun explicitly: write sessions take the write lock
at ``BEGIN IMMEDIATE`` so a unit of work's read-check-write cannot interleave with another writer; read sessions use
a plain deferred ``BEGIN``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine.base import OptionEngine, RootTransaction
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 15_000


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def sqlite_engine(path: Path | str, *, foreign_keys: bool = True, echo: bool = False) -> Engine:
    """An engine on the database file at ``path`` with the pragmas above (``foreign_keys=False`` for migrations)."""
    # hide_parameters: an error never carries the values of a statement (names, mobiles) into a message or the log
    engine = create_engine(sqlite_url(path), echo=echo, hide_parameters=True)
    return configure_sqlite(engine, foreign_keys=foreign_keys)


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

    # BEGIN is issued by the engine's own Connection class, not by a "begin" event listener: an engine with any
    # listener dispatches four (empty) event lists around every statement, ~8 % of a unit of work's CPU
    engine._connection_cls = _SqliteConnection  # type: ignore[misc]
    engine._option_cls = _SqliteOptionEngine  # type: ignore[misc]
    return engine


class _SqliteConnection(Connection):
    """A connection that begins its transactions itself: ``BEGIN DEFERRED``, or the ``sqlite_begin`` option's mode."""

    def _begin_impl(self, transaction: RootTransaction) -> None:
        if self._has_events or self.engine._has_events:
            self.dispatch.begin(self)  # listeners someone added (tests count statements) still hear of it
        mode = self._execution_options.get("sqlite_begin", "DEFERRED")
        try:
            # straight to the driver: every unit of work begins here, and the SQL layer adds nothing to a fixed BEGIN
            self.connection.driver_connection.execute(f"BEGIN {mode}")  # type: ignore[union-attr]
        except BaseException as e:
            self._handle_dbapi_exception(e, None, None, None, None)  # type: ignore[arg-type]


class _SqliteOptionEngine(OptionEngine):
    """``engine.execution_options(...)`` of such an engine: its connections begin the same way."""

    _connection_cls = _SqliteConnection


_SqliteOptionEngine._option_cls = _SqliteOptionEngine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning each transaction with the write lock held (``BEGIN IMMEDIATE``)."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


class ReadConnections:
    """Plain read-only DB-API connections to the database file, for the one read that runs on every keystroke.

    The search box's lookup is a single indexed statement of some tens of microseconds; a Session, its pool checkout
    and its reset-on-return cost several times that. So that read takes a connection of its own from here, reads in
    one deferred transaction it begins and ends itself (``BEGIN`` ... ``COMMIT``: a fresh consistent snapshot, the
    same as a read session's), and hands the connection back. A connection is used by one thread at a time: whoever
    takes it owns it until it is given back (``take``/``give`` are single list operations, atomic across threads).
    ``PRAGMA query_only`` makes any write through one an error. Idle connections hold no transaction, so they never
    keep the WAL from being checkpointed.
    """

    def __init__(self, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = busy_timeout_ms
        self._idle: list[sqlite3.Connection] = []
        self._closed = False

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout={self.busy_timeout_ms}")
        connection.execute("PRAGMA query_only=ON")
        return connection

    def take(self) -> sqlite3.Connection:
        """An idle connection (or a new one) with no transaction open; give it back with ``give``."""
        try:
            return self._idle.pop()
        except IndexError:
            return self._open()

    def give(self, connection: sqlite3.Connection) -> None:
        """Hand a connection back: kept for the next read unless a transaction is still open on it or this is closed."""
        if self._closed or connection.in_transaction:
            connection.close()
        else:
            self._idle.append(connection)

    def close(self) -> None:
        """Close the idle connections; one still in use is closed when it is given back."""
        self._closed = True
        while self._idle:
            self._idle.pop().close()
