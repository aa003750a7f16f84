"""Hot Core statements run straight on the DB-API connection of a Session's transaction.

A camp registers, screens and bleeds hundreds of donors a day, and every step reads a handful of small rows (the
camp, the donor, the identity's donations and deferrals, the centre, the next number). Through ``Session.execute``
each such read cost several times the database's own work in statement machinery. A :class:`DirectStatement` keeps
the same Core statement, compiled once per dialect, and converts what goes in and comes out with the very bind and
result processors of its columns (what SQLAlchemy itself applies), so the values are the same; it autoflushes as
``Session.execute`` does, and runs in the session's transaction. ``tests/models/test_direct.py`` proves every
statement built with it gives what ``Session.execute`` gives.

For the client's SQLite (a positional parameter style); not for statements with expanding (``IN``) parameters,
or whose result columns are not plain named columns.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

_Processor = Callable[[Any], Any]
_NO_PARAMS: Mapping[str, Any] = {}
MADE: list[DirectStatement] = []  # every direct statement made: tests/models/test_direct.py checks each one


class _Compiled:
    __slots__ = ("defaults", "names", "outputs", "required", "row", "sql", "takes")

    def __init__(self, statement: Any, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        assert compiled.positional, "a direct statement speaks a positional parameter style"
        self.sql: str = compiled.string
        binds = compiled.binds
        self.names: tuple[str, ...] = tuple(compiled.positiontup or ())
        takes: list[_Processor | None] = []
        defaults: list[Any] = []
        required: set[str] = set()
        for name in self.names:
            bind = binds[name]
            assert not bind.expanding, "expanding (IN) parameters are not supported here"
            assert bind.callable is None, "callable parameter values are not supported here"
            takes.append(bind.type.dialect_impl(dialect).bind_processor(dialect))
            defaults.append(bind.value)
            if bind.required:
                required.add(name)
        self.required = frozenset(required)
        self.takes = tuple(takes)
        self.defaults = tuple(defaults)
        columns = list(statement.exported_columns)
        self.outputs: tuple[_Processor | None, ...] = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns
        )
        keys = [column.key for column in columns]
        self.row = namedtuple("Row", keys) if keys else None  # type: ignore[misc]


def _connection_of(session: Session) -> tuple[Dialect, Any]:
    """The dialect and DB-API connection of the session's transaction (begun if it was not).

    ``Session.connection()`` walks the transaction machinery on every call (~20 us, a tenth of a camp step's reads);
    the answer is kept for the transaction it belongs to: a later transaction is a new object, and asks again."""
    transaction = session.get_transaction()
    cached = session.info.get(_KEY)
    if cached is not None and transaction is not None and cached[0] is transaction:
        return cached[1], cached[2]
    connection = session.connection()
    found = session.info[_KEY] = (
        session.get_transaction(),
        connection.dialect,
        connection.connection.driver_connection,
    )
    return found[1], found[2]


_KEY = "direct_connection"


def driver_connection(session: Session) -> Any:
    """The DB-API connection of the session's transaction, begun if it was not (kept as ``_connection_of`` says)."""
    return _connection_of(session)[1]


class DirectStatement:
    """A Core statement (a ``select``, or a DML statement with ``returning``) run on the session's connection."""

    __slots__ = ("_compiled", "statement")

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}
        MADE.append(self)

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = _Compiled(self.statement, dialect)
        return compiled

    def all(self, session: Session, params: Mapping[str, Any] = _NO_PARAMS) -> list[Any]:
        """Every result row, each a named tuple of the statement's columns (``Session.execute(...).all()``)."""
        if session.autoflush:
            session.flush()  # as Session.execute autoflushes (nothing to do: returns at once)
        dialect, driver = _connection_of(session)
        compiled = self._for(dialect)
        if not compiled.required <= params.keys():
            raise KeyError(f"a value is required for {sorted(compiled.required - params.keys())}")
        values = []
        for name, take, default in zip(compiled.names, compiled.takes, compiled.defaults, strict=True):
            value = params.get(name, default)
            values.append(value if take is None else take(value))
        cursor = driver.cursor()
        try:
            rows = cursor.execute(compiled.sql, values).fetchall()
        finally:
            cursor.close()
        make = compiled.row
        if make is None:
            return []
        outputs = compiled.outputs
        if not any(outputs):
            return [make._make(row) for row in rows]
        return [
            make._make([raw if out is None else out(raw) for raw, out in zip(row, outputs, strict=True)])
            for row in rows
        ]

    def first(self, session: Session, params: Mapping[str, Any] = _NO_PARAMS) -> Any:
        """The first row, or None."""
        rows = self.all(session, params)
        return rows[0] if rows else None

    def scalar(self, session: Session, params: Mapping[str, Any] = _NO_PARAMS) -> Any:
        """The first column of the first row, or None."""
        rows = self.all(session, params)
        return rows[0][0] if rows else None
