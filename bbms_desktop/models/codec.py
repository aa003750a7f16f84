"""Rows to plain JSON-able field dicts and back: the form a change takes in the outbox and on the wire."""

from __future__ import annotations

import enum
import re
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
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


def uuid_hexes(values: Sequence[Any]) -> list[str]:
    """:func:`uuid_hex` of each value (the canonical texts of a page in one pass)."""
    return _canonical_uuid_column(values) or [uuid_hex(value) for value in values]


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


ColumnConverter = Callable[[Sequence[Any]], list[Any]]
"""From one column's wire values (a pulled page's rows, in order) to what SQLite stores for each."""


def column_converter(column: Column[Any], dialect: Dialect) -> ColumnConverter | None:
    """:func:`storage_converter` for a whole column of a page at once (None: the wire values are stored as they come).

    The same value for every row as the per-value converter, and the same refusal: where every value of the column
    has the canonical form a server writes (a UUID's lowercase text, a UTC moment with its microseconds, an ISO
    date), the column is checked and converted in one pass without a Python call per value; a column of repeated
    values (a centre id, an enum, a flag) converts each distinct value once; anything else goes value by value through
    :func:`storage_converter` (``tests/sync/test_storage_codec.py`` proves the three equal)."""
    per_value = storage_converter(column, dialect)
    if per_value is as_is:
        return None
    canonical: Callable[[Sequence[Any]], list[Any] | None] | None = None
    if dialect.name == "sqlite":
        if isinstance(column.type, Uuid) and column.type.as_uuid:
            canonical = _canonical_uuid_column
        elif isinstance(column.type, UTCDateTime):
            canonical = _canonical_utc_column
        elif type(column.type) is Date:
            canonical = _canonical_date_column

    def convert(values: Sequence[Any]) -> list[Any]:
        if canonical is not None:
            converted = canonical(values)
            if converted is not None:
                return converted
        return _each_distinct_once(per_value, values)

    return convert


# the column's values may be memoised by value only when equal values are the same value: text, flags, nothing (not
# numbers: 1, 1.0 and True are equal keys of one dict entry)
_MEMO_SAFE_TYPES = (frozenset({str}), frozenset({str, type(None)}), frozenset({bool}), frozenset({bool, type(None)}),
                    frozenset({type(None)}))  # fmt: skip


def _each_distinct_once(convert: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    if frozenset(map(type, values)) in _MEMO_SAFE_TYPES:
        distinct = set(values)
        if len(distinct) * 2 <= len(values):
            stored = {value: convert(value) for value in distinct}
            return list(map(stored.__getitem__, values))
    return list(map(convert, values))


# A whole column is checked with one regular expression over its values joined by newlines (one scan in C, not a call
# per value), and converted with one replace over the joined text. The values are split again after: as many as there
# were (so no value held a newline of its own), each one whole match of the value's pattern.
CANONICAL_UUIDS = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*"
                              r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # fmt: skip
# a UTC moment as :func:`encode_value` writes it (microseconds, "+00:00"); not the hour 24 some readers take
_UTC_WIRE = r"\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}\+00:00"
_UTC_WIRES = re.compile(f"(?:{_UTC_WIRE}\n)*{_UTC_WIRE}")
_ISO_DATES = re.compile(r"(?:\d{4}-\d\d-\d\d\n)*\d{4}-\d\d-\d\d")


def joined_matching(values: Sequence[Any], pattern: re.Pattern[str]) -> str | None:
    """The values joined by newlines if every one is text of ``pattern`` (None: not so, or no values)."""
    if not values:
        return None
    try:
        joined = "\n".join(values)
    except TypeError:  # a value that is not text (None among them)
        return None
    if pattern.fullmatch(joined) is None or joined.count("\n") != len(values) - 1:
        return None
    return joined


def _canonical_uuid_column(values: Sequence[Any]) -> list[Any] | None:
    joined = joined_matching(values, CANONICAL_UUIDS)
    return None if joined is None else joined.replace("-", "").split("\n")


def _canonical_utc_column(values: Sequence[Any]) -> list[Any] | None:
    joined = joined_matching(values, _UTC_WIRES)
    if joined is None:
        return None
    deque(map(datetime.fromisoformat, values), maxlen=0)  # a real moment each (not the 30th of February): or refused
    # already in UTC with its microseconds: the stored text is the same digits, a space for the "T", no offset
    return joined.replace("T", " ").replace("+00:00", "").split("\n")


def _canonical_date_column(values: Sequence[Any]) -> list[Any] | None:
    if joined_matching(values, _ISO_DATES) is None:
        return None
    deque(map(date.fromisoformat, values), maxlen=0)  # a real day each: or refused
    return list(values)  # already the stored text


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
