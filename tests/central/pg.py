"""Throw-away central databases for tests: a SQLite file, or a fresh PostgreSQL database on the test server.

Reusable outside ``tests/central`` (the cross-process sync tests use it)::

    url = make_central_database("postgresql")   # or "sqlite"; migrated to head
    ...
    drop_central_database(url)

PostgreSQL is ``$BBMS_TEST_POSTGRES`` or ``postgresql://postgres@127.0.0.1:5432/postgres`` (any database on the
server: it is only used to create and drop ``bbms_test_<random>``). When it cannot be reached this raises: the
PostgreSQL tests fail, they are never skipped.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from bbms_central.db import normalise_url, upgrade

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
KINDS = ("sqlite", "postgresql")


def postgres_server_url() -> str:
    return os.environ.get("BBMS_TEST_POSTGRES") or DEFAULT_POSTGRES


def _libpq(url: str) -> str:
    """A SQLAlchemy URL as psycopg's own connection string."""
    return make_url(normalise_url(url)).set(drivername="postgresql").render_as_string(hide_password=False)


def make_central_database(kind: str, folder: Path | None = None, *, migrate: bool = True) -> str:
    """A new, empty central database of ``kind`` ("sqlite" or "postgresql"), migrated to head unless told not to;
    returns its SQLAlchemy URL."""
    if kind == "sqlite":
        folder = folder or Path(tempfile.mkdtemp(prefix="bbms-central-"))
        url = f"sqlite:///{folder / f'central-{secrets.token_hex(4)}.sqlite3'}"
    elif kind == "postgresql":
        server = make_url(normalise_url(postgres_server_url()))
        name = f"bbms_test_{secrets.token_hex(6)}"
        try:
            with psycopg.connect(_libpq(postgres_server_url()), autocommit=True, connect_timeout=10) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
        except psycopg.OperationalError as error:
            raise RuntimeError(
                f"PostgreSQL is not reachable at {postgres_server_url()} (set BBMS_TEST_POSTGRES): {error}"
            ) from error
        url = server.set(database=name).render_as_string(hide_password=False)
    else:
        raise ValueError(f"unknown database kind {kind!r}: one of {KINDS}")
    if migrate:
        upgrade(url)
    return url


def drop_central_database(url: str) -> None:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    with psycopg.connect(_libpq(postgres_server_url()), autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')


@contextmanager
def central_database(kind: str, folder: Path | None = None) -> Iterator[str]:
    url = make_central_database(kind, folder)
    try:
        yield url
    finally:
        drop_central_database(url)
