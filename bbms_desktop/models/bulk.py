"""Many rows into one table with one driver ``executemany`` (the client's sync engine and the central server).

SQLAlchemy's own executemany builds every row's parameters through its statement machinery, which for a push of 500
ops (thousands of rows over several tables) costs more than the database's work. Here the statement is compiled once
per dialect, table and columns, and each value goes through its column's own bind processor (the very conversion
SQLAlchemy applies), so what is stored is the same. No Python-side defaults or ``onupdate`` apply: every column
an INSERT stores is named (otherwise SQLAlchemy's own path is taken), and an UPDATE changes exactly what it names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

_Processor = Callable[[Any], Any]
_COMPILED: dict[tuple[str, str, tuple[str, ...]], tuple[str, tuple[str, ...], list[_Processor | None], bool]] = {}


def insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (each naming the same columns) into ``table`` in the session's transaction."""
    if not rows:
        return
    keys = tuple(rows[0])
    if set(keys) != set(table.c.keys()):
        # a column left out takes its default: SQLAlchemy's own path applies it
        session.execute(insert(table), list(rows))
        return
    connection = session.connection()
    dialect = connection.dialect
    cached = _COMPILED.get((dialect.name, table.name, keys))
    if cached is None:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
        order = tuple(compiled.positiontup or ()) if compiled.positional else keys
        assert set(order) == set(keys), "a plain INSERT binds every column under its own key"
        processors = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in order]
        cached = _COMPILED[(dialect.name, table.name, keys)] = (compiled.string, order, processors, compiled.positional)
    sql, order, processors, positional = cached
    values = itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],))
    converted = []
    for row in rows:
        line = list(values(row))
        for index, process in enumerate(processors):
            if process is not None:
                line[index] = process(line[index])
        converted.append(tuple(line) if positional else dict(zip(order, line, strict=True)))
    if dialect.name == "sqlite" and not (connection._has_events or connection.engine._has_events):
        # the client's own database, nobody listening for statements: straight to the driver, as the unit of work's
        # BEGIN is (models/db.py); the statement machinery was half the cost of a unit of work's two inserts here
        driver = connection.connection.driver_connection
        try:
            driver.executemany(sql, converted)  # type: ignore[union-attr]
        except BaseException as e:
            connection._handle_dbapi_exception(e, sql, converted, None, None)  # type: ignore[arg-type]
        return
    connection.exec_driver_sql(sql, converted)


_UPDATES: dict[tuple[str, str, tuple[str, ...]], tuple[str, list[_Processor | None]]] = {}


def update_many(
    session: Session, table: Table, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """``UPDATE table SET columns WHERE key = ?`` once per row; a row is the columns' values, then the key's value.
    SQLite (the client's database) only."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    assert dialect.paramstyle == "qmark", "update_many speaks SQLite's parameter style"
    cached = _UPDATES.get((table.name, key, tuple(columns)))
    if cached is None:
        quote = dialect.identifier_preparer.quote
        assignments = ", ".join(f"{quote(column)} = ?" for column in columns)
        sql = f"UPDATE {quote(table.name)} SET {assignments} WHERE {quote(key)} = ?"
        processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in (*columns, key)]
        cached = _UPDATES[(table.name, key, tuple(columns))] = (sql, processors)
    sql, processors = cached
    converted = [
        tuple(value if process is None else process(value) for value, process in zip(row, processors, strict=True))
        for row in rows
    ]
    connection.exec_driver_sql(sql, converted)
