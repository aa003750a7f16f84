"""The server's tables: a generic row store for every synced entity, and the server's own bookkeeping.

Every synced row, whatever its entity, is kept the same way (:class:`StoredRow`): its whole wire form as JSON, the
server version of its latest change, and the version at which each field last changed (for the field-level merge of
principle 7). The server validates rows by the protocol's rules and the client's models, so it needs no table per
entity. Centres are stored as rows too (clients pull them).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, LargeBinary, MetaData, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bbms_desktop.models.base import NAMING_CONVENTION, UTCDateTime, new_id, utcnow


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        int: BigInteger(),
    }


class StoredRow(Base):
    """One synced row of any entity (UUIDv7 ids are unique across entities)."""

    __tablename__ = "rows"
    __table_args__ = (Index("ix_rows_entity_centre", "entity", "centre_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(60))
    centre_id: Mapped[uuid.UUID | None]  # None for centres
    version: Mapped[int] = mapped_column(index=True)  # the server sequence of the row's latest change
    fields: Mapped[dict[str, Any]]  # the whole row in its wire form, id and centre_id included
    field_versions: Mapped[dict[str, Any]]  # field name -> the version at which it last changed
    created_version: Mapped[int]


class UniqueKey(Base):
    """The values of a unique constraint of the client's models, per row: the server refuses a row that would break
    a constraint on the devices that pull it (two components of one donation and code, a DIN used twice ...)."""

    __tablename__ = "unique_keys"

    entity: Mapped[str] = mapped_column(String(60), primary_key=True)
    constraint: Mapped[str] = mapped_column(String(120), primary_key=True)
    key: Mapped[str] = mapped_column(String(800), primary_key=True)  # JSON of the values, in column order
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)


class Sequence(Base):
    """One row: the last server sequence number given out. Every writer locks it first and holds it to commit."""

    __tablename__ = "sequence"

    id: Mapped[int] = mapped_column(primary_key=True, default=1, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(default=0)


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the client's device_id
    centre_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    training: Mapped[bool] = mapped_column(default=False)
    secret_hash: Mapped[str] = mapped_column(String(64))  # sha256 of a 32-byte random secret
    last_op_seq: Mapped[int] = mapped_column(default=0)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class Token(Base):
    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the bearer token
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class Enrolment(Base):
    """A one-time enrolment code of a centre (kept hashed)."""

    __tablename__ = "enrolments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    centre_id: Mapped[uuid.UUID] = mapped_column(index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]
    used_by_device_id: Mapped[uuid.UUID | None]


class OpLogEntry(Base):
    """The outcome of every op a device pushed: answered again, unchanged, when the op is replayed (principle 3)."""

    __tablename__ = "op_log"

    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    op_seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    op_id: Mapped[uuid.UUID]
    tx: Mapped[int]
    entity: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int | None]  # the row version the op produced (None: rejected, or nothing changed)
    result: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class NumberBlock(Base):
    """A range of numbers of a series granted to a device; per centre and series the ranges never overlap."""

    __tablename__ = "number_blocks"
    __table_args__ = (UniqueConstraint("centre_id", "series", "first"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    centre_id: Mapped[uuid.UUID]
    series: Mapped[str] = mapped_column(String(20))
    first: Mapped[int]
    last: Mapped[int]
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


class DonorKey(Base):
    """A donor's identity keys (ID document, name + date of birth + sex, mobile), for finding likely duplicates."""

    __tablename__ = "donor_keys"
    __table_args__ = (Index("ix_donor_keys_kind_key", "kind", "key"),)

    donor_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(400))
    centre_id: Mapped[uuid.UUID]


class DuplicateFlag(Base):
    """Two donors that look like the same person: flagged for staff, never merged automatically (principle 9)."""

    __tablename__ = "duplicate_flags"
    __table_args__ = (UniqueConstraint("donor_id", "other_donor_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    donor_id: Mapped[uuid.UUID] = mapped_column(index=True)
    other_donor_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reasons: Mapped[list[Any]]
    flagged_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]


class Merge(Base):
    """An explicit, audited, undoable merge of a duplicate donor into a survivor."""

    __tablename__ = "merges"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    survivor_id: Mapped[uuid.UUID] = mapped_column(index=True)
    duplicate_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(500))
    by_user_id: Mapped[uuid.UUID]
    by_device_id: Mapped[uuid.UUID | None]
    merged_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]
    undo_reason: Mapped[str | None] = mapped_column(String(500))
    undone_by_user_id: Mapped[uuid.UUID | None]


class ServerSetting(Base):
    __tablename__ = "server_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


class AdminAudit(Base):
    """Who did what, when, on the server itself (CLI commands, merges and their undoing)."""

    __tablename__ = "admin_audit"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))  # "cli", or the user id and device id of a merge
    action: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any]]


class Blob(Base):
    """An attachment's bytes as uploaded so far (SYNC.md principle 13): named by their sha256, checked on the last
    chunk; a blob is readable only by the centres of an attachment that names it."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    received: Mapped[int] = mapped_column(default=0)
    complete: Mapped[bool] = mapped_column(default=False)
    centre_id: Mapped[uuid.UUID]  # the centre that began the upload
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]


class BlobChunk(Base):
    """One chunk of a blob, at its offset (a chunk is stored whole or not at all)."""

    __tablename__ = "blob_chunks"

    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    offset: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
