"""The one declarative Base, its naming convention, and the column types and mixins every record shares.

Every synced row has a client-generated UUIDv7 id, its owning centre, created/updated times, the server version it
was last seen at, and void-with-reason instead of delete. Append-only facts (donations, lab results, deferrals,
issues ...) set ``__append_only__``: after insert, only the void columns and the server version may change.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Enum, ForeignKey, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from uuid_utils.compat import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> uuid.UUID:
    """A UUIDv7: unique without a server, and time-ordered so indexes stay compact."""
    return uuid7()


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no zone: store UTC, read back as UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def choice(enum_class: type[enum.Enum], name: str) -> Enum:
    """A string column restricted to an enum's values by a named CHECK constraint (portable, no native enum)."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(str(m.value)) for m in enum_class) + 8,
        values_callable=lambda e: [str(m.value) for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Record:
    """Columns of every synced row."""

    __append_only__: ClassVar[bool] = False
    SYNC_IGNORED: ClassVar[frozenset[str]] = frozenset({"version"})

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # the server's version of this row when last pushed or pulled; None until the server has seen it
    version: Mapped[int | None] = mapped_column(default=None)


class Owned(Record):
    """A synced row that belongs to a centre; scopes and authorization follow ``centre_id``."""

    @declared_attr
    def centre_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805 - declared_attr receives the class
        return mapped_column(ForeignKey("centres.id"), index=True)


class Voidable:
    """Void with a reason instead of delete: the row stays, marked, and syncs like any other change."""

    VOID_COLUMNS: ClassVar[frozenset[str]] = frozenset({"voided_at", "void_reason", "voided_by_id", "updated_at"})

    voided_at: Mapped[datetime | None] = mapped_column(default=None)
    void_reason: Mapped[str | None] = mapped_column(String(500), default=None)

    @declared_attr
    def voided_by_id(cls) -> Mapped[uuid.UUID | None]:  # noqa: N805
        return mapped_column(ForeignKey("users.id"), default=None)

    @property
    def is_void(self) -> bool:
        return self.voided_at is not None
