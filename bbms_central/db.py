"""Opening the central database: SQLite (one file, the default) or PostgreSQL, and its schema migrations.

SQLite gets the pragmas clinical data needs (WAL, foreign keys, ``synchronous=FULL``, a 30 s busy timeout) and
explicit transactions: a write transaction takes the write lock at ``BEGIN IMMEDIATE``, so every writer is
serialised for its whole read-check-write. On PostgreSQL a writer serialises on the sequence row instead
(``SELECT ... FOR UPDATE``, see :func:`bbms_central.store.lock_sequence`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic_core import from_json, to_json
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bbms_desktop.models.db import configure_sqlite

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DATABASE_ENV = "BBMS_CENTRAL_DATABASE"
SQLITE_BUSY_TIMEOUT_MS = 30_000


class SchemaNotReady(RuntimeError):
    """The database is not at the schema this server expects: run ``bbms-central init``."""


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir("bbms-central")) / "central.sqlite3"


def normalise_url(url: str | None) -> str:
    """The SQLAlchemy URL for ``url``: none means the env variable or the default SQLite file; a bare path is a
    SQLite file; ``postgresql://`` and ``postgres://`` are rewritten to the psycopg (version 3) driver."""
    url = url or os.environ.get(DATABASE_ENV) or ""
    if not url:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# as many connections as the server's threadpool has threads (40), all kept open: an overflow connection is closed
# when it is given back, so with hundreds of centres at once most requests paid a new PostgreSQL connection (a
# backend process started, its authentication) on top of their own work
POOL_SIZE = 40
POOL_OVERFLOW = 0


def _json_text(value: object) -> str:
    return to_json(value).decode()


# pydantic-core's JSON writer and reader for the JSON columns (rows, field versions, op results): several times
# faster than the json module; the text differs only in spacing and in not escaping non-ASCII letters
JSON_CODEC = {"json_serializer": _json_text, "json_deserializer": from_json}


def make_engine(url: str | None, *, foreign_keys: bool = True) -> Engine:
    """An engine for ``url`` (``foreign_keys=False``: SQLite without foreign key checks, for migrations)."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url, foreign_keys)
    # as many connections as the server's threadpool has threads (40): a request never waits for a connection
    # while others hold theirs waiting for the sequence lock
    return create_engine(
        url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, hide_parameters=True, **JSON_CODEC
    )


def _sqlite_engine(url: str, foreign_keys: bool) -> Engine:
    # the client's SQLite set-up (WAL, synchronous=FULL, explicit BEGINs), shared by the server's threads
    engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True, **JSON_CODEC)
    return configure_sqlite(engine, foreign_keys=foreign_keys, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class Database:
    """The server's database: an engine, a write and a read session factory."""

    def __init__(self, url: str | None) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(self.engine) else self.engine
        self._write = sessionmaker(writer, expire_on_commit=False, autoflush=True)
        self._read = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        # PostgreSQL: statements run as they come, each its own snapshot (no BEGIN, no COMMIT: two round trips fewer
        # for a request that reads once); SQLite keeps its read transaction (its BEGINs are explicit)
        reader = self.engine if is_sqlite(self.engine) else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._lookup = sessionmaker(reader, expire_on_commit=False, autoflush=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: commits on success, rolls back on any error."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read transaction (nothing is written in it)."""
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def lookup(self) -> Iterator[Session]:
        """Reads that need no common snapshot (each statement stands alone: a token's device, a setting, rows up to
        a sequence number already committed), for the requests every centre makes most: on PostgreSQL in
        autocommit, so a read costs its own round trip and not a transaction's three."""
        with self._lookup() as session, session.begin():
            yield session

    def check_schema(self) -> None:
        current = current_revision(self.engine)
        if current != head_revision():
            raise SchemaNotReady(
                f"the database is at schema revision {current or 'none'}, this server needs {head_revision()}: "
                "run `bbms-central init` first"
            )

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: str | None) -> str:
    """Create or upgrade the schema to head (alembic); returns the revision now in force."""
    # SQLite batch mode rebuilds tables: foreign keys off while it does, then every foreign key checked
    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
            if is_sqlite(engine):
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
    finally:
        engine.dispose()
    return head_revision()
