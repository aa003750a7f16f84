"""Rows to plain JSON-able field dicts and back: the form a change takes in the outbox and on the wire."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Uuid, inspect
from sqlalchemy.types import TypeDecorator

from bbms_desktop.models.base import Base

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
    converters: dict[str, Callable[[Any], Any] | None] = {}
    for name, column in inspect(model).columns.items():
        column_type = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
        if isinstance(column_type, Uuid):
            converters[name] = uuid.UUID
        elif isinstance(column_type, DateTime):
            converters[name] = datetime.fromisoformat
        elif isinstance(column_type, Date):
            converters[name] = date.fromisoformat
        else:
            converters[name] = None
    return converters
