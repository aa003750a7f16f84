"""A pulled page is stored through a fast path from each value's wire form to what SQLite keeps. It must store
exactly what SQLAlchemy's own path stores (decode the JSON form, then the column's bind processor), and refuse what
that path refuses, for every column of every synced table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy.dialects import sqlite

from bbms_desktop.models import SYNCED_MODELS, Donor
from bbms_desktop.models.codec import column_converter, decode_fields, encode_value, storage_converter

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


def _columns_of(values):
    """Columns a page may hold: each wire value repeated, all of them mixed, canonical runs with one odd value."""
    yield from ([value] * 3 for value in values)
    yield list(values)
    yield [str(uuid.uuid4()) for _ in range(5)]
    yield [encode_value(datetime(2026, 12, 6, 21, 3, 48, 1 + i, tzinfo=UTC)) for i in range(5)]
    yield [f"19{70 + i}-0{1 + i}-2{i}" for i in range(5)]
    for odd in (
        None,
        "2026-02-30T10:00:00.000001+00:00",  # no such day
        "2026-01-01T24:00:00.000000+00:00",  # the hour 24
        "2026-01-01T10:00:00.000001+05:30",
        "2026-01-01T10:00:00+00:00",  # a whole second
        "2026-02-30",
        str(uuid.uuid4()).upper(),
        f"{uuid.uuid4()}\n{uuid.uuid4()}",  # one value holding two, joined as the fast path joins them
        "2026-01-01T10:00:00.000001+00:00\n2026-01-01T10:00:00.000002+00:00",
        "1970-01-01\n1970-01-02",
        1,
        True,
    ):
        yield [str(uuid.uuid4()), odd, str(uuid.uuid4())]
        yield [encode_value(datetime(2026, 12, 6, 21, 3, 48, 7, tzinfo=UTC)), odd]
        yield ["1970-01-01", odd, "1970-01-02"]
        yield [odd, odd, odd, "x"]


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__tablename__)
def test_every_column_of_a_page_is_stored_as_value_by_value(model) -> None:
    # the whole-column converters (one pass per column of a page) against the per-value converter proved above
    for column in model.__table__.columns:
        per_value = storage_converter(column, SQLITE)
        whole = column_converter(column, SQLITE)
        for values in _columns_of(WIRE):
            try:
                expected = [per_value(value) for value in values]
            except BROKEN:
                if whole is not None:
                    with pytest.raises(BROKEN):
                        whole(values)
                continue
            got = list(values) if whole is None else whole(values)
            assert got == expected, (model.__tablename__, column.key, values)
            assert [type(v) for v in got] == [type(v) for v in expected]
