"""Rows to plain JSON-able field dicts and back: the form a change takes in the outbox and on the wire."""

from __future__ import annotations

import enum
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Column, Date, DateTime, Uuid, inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from bbms_desktop.models.base import Base, UTCDateTime

# Exact types that are their own JSON form. Every captured row encodes each of its fields, so these skip the checks
# below (an enum member's type is its enum class, never one of these, so it still takes the enum branch).
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def encode_value(value: Any) -> Any:
    if type(value) in _PLAIN_TYPES:
        return value
    if isinstance(value, enum.Enum):  # before str: a StrEnum is a str
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): encode_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [encode_value(v) for v in value]
    raise TypeError(f"cannot encode {type(value).__name__} for the outbox")


def row_fields(row: Base, keys: Iterable[str] | None = None) -> dict[str, Any]:
    """The named (default: all) column attributes of ``row``, JSON-encoded."""
    mapper = inspect(type(row))
    names = [c.key for c in mapper.column_attrs] if keys is None else list(keys)
    return {name: encode_value(getattr(row, name)) for name in names}


def decode_fields(model: type[Base], fields: dict[str, Any]) -> dict[str, Any]:
    """Field values for ``model``'s constructor or update, decoded from their JSON form by column type."""
    converters = field_decoders(model)
    decoded: dict[str, Any] = {}
    for name, value in fields.items():
        convert = converters[name]  # KeyError: no such column
        decoded[name] = value if value is None or convert is None else convert(value)
    return decoded


@cache
def field_decoders(model: type[Base]) -> dict[str, Callable[[Any], Any] | None]:
    """Per column of ``model``: the function that decodes its JSON form (None: the JSON form is the value)."""
    return {name: field_decoders_by_column(column) for name, column in inspect(model).columns.items()}


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def uuid_hex(value: Any) -> str:
    """A UUID's JSON form as SQLite keeps it (32 hex digits); anything but a UUID is a ``ValueError``/``TypeError``."""
    if type(value) is str and _CANONICAL_UUID.fullmatch(value):  # the canonical text every server sends
        return value.replace("-", "")
    return uuid.UUID(value).hex


def _utc_storage_text(value: Any) -> str:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _date_storage_text(value: Any) -> str:
    return date.fromisoformat(value).isoformat()


def as_is(value: Any) -> Any:
    """The converter of a column whose JSON form is what SQLite stores (text, numbers)."""
    return value


def _keeping_none(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def storage_converter(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """The function from a column's JSON form to the value SQLite stores for it: what :func:`decode_fields` and the
    column's bind processor make of it, checked the same way, without building the Python object in between for
    UUIDs, UTC times and dates (a pulled page is thousands of rows). ``tests/sync/test_storage_codec.py`` proves it
    equal to the slow path."""
    if dialect.name == "sqlite":  # no native UUID type: 32 hex digits
        if isinstance(column.type, Uuid) and column.type.as_uuid:
            return _keeping_none(uuid_hex)
        if isinstance(column.type, UTCDateTime):
            return _keeping_none(_utc_storage_text)
        if type(column.type) is Date:
            return _keeping_none(_date_storage_text)
    decode = field_decoders_by_column(column)
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return as_is if decode is None else _keeping_none(decode)
    if decode is None:
        return process
    return lambda value: process(None if value is None else decode(value))


def field_decoders_by_column(column: Column[Any]) -> Callable[[Any], Any] | None:
    """:func:`field_decoders`' decoder of one column."""
    column_type = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(column_type, Uuid):
        return uuid.UUID
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat
    if isinstance(column_type, Date):
        return date.fromisoformat
    return None
