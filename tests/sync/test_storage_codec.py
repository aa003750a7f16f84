"""A pulled page is stored through a fast path from each value's wire form to what SQLite keeps. It must store
exactly what SQLAlchemy's own path stores (decode the JSON form, then the column's bind processor), and refuse what
that path refuses, for every column of every synced table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy.dialects import sqlite

from bbms_desktop.models import SYNCED_MODELS, Donor
from bbms_desktop.models.codec import decode_fields, encode_value, storage_converter

SQLITE = sqlite.dialect()
BROKEN = (ValueError, TypeError, AttributeError, LookupError, OverflowError)

# wire values a server sends, and some it never should
WIRE = [
    None,
    str(uuid.uuid4()),
    str(uuid.uuid4()).upper(),
    uuid.uuid4().hex,
    encode_value(datetime(2026, 12, 6, 21, 3, 48, 123456, tzinfo=UTC)),
    encode_value(datetime(2026, 1, 1, tzinfo=UTC)),  # no microseconds
    "2026-03-01T05:30:00+05:30",
    "2026-01-01T10:00:00",  # naive: no UTC column takes it
    "2026-01-01",
    "0999-12-31",
    "not a value",
    "",
    0,
    1,
    True,
    1.5,
    "pending",
    {"a": [1, "b"]},
]


def sqlalchemy_stores(model, column, value):
    decoded = decode_fields(model, {column.key: value})[column.key]
    process = column.type.dialect_impl(SQLITE).bind_processor(SQLITE)
    return decoded if process is None else process(decoded)


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__tablename__)
def test_every_column_is_stored_as_sqlalchemy_stores_it(model) -> None:
    for column in model.__table__.columns:
        fast = storage_converter(column, SQLITE)
        for value in WIRE:
            try:
                expected = sqlalchemy_stores(model, column, value)
            except BROKEN:
                with pytest.raises(BROKEN):
                    fast(value)
                continue
            assert fast(value) == expected, (model.__tablename__, column.key, value)


def test_a_moment_is_stored_in_utc_with_its_microseconds() -> None:
    created_at = storage_converter(Donor.__table__.c.created_at, SQLITE)
    assert created_at("2026-03-01T05:30:00+05:30") == "2026-03-01 00:00:00.000000"
    with pytest.raises(ValueError):
        created_at("2026-03-01T05:30:00")
