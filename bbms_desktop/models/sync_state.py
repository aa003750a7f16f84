"""Local sync bookkeeping (never synced itself): device state, the outbox, dead letters and number blocks."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, choice, new_id, utcnow


class DeviceState(Base):
    """One row: this installation's identity and counters. Updated in the same transaction as each write."""

    __tablename__ = "device_state"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    device_id: Mapped[uuid.UUID] = mapped_column(default=new_id)
    centre_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("centres.id"))
    is_training: Mapped[bool] = mapped_column(default=False)
    last_op_seq: Mapped[int] = mapped_column(default=0)
    audit_seq: Mapped[int] = mapped_column(default=0)
    audit_head: Mapped[str] = mapped_column(String(64), default="0" * 64)
    # hybrid logical clock: physical milliseconds and a counter (diagnostics and tie-breaks only)
    hlc_wall_ms: Mapped[int] = mapped_column(default=0)
    hlc_counter: Mapped[int] = mapped_column(default=0)
    server_url: Mapped[str | None] = mapped_column(String(300))
    pull_cursor: Mapped[str | None] = mapped_column(String(100))  # the centre's scope stream
    registry_cursor: Mapped[str | None] = mapped_column(String(100))  # the shared registry stream
    last_sync_at: Mapped[datetime | None]  # the end of the last cycle that left nothing pending and pulled it all
    last_sync_error: Mapped[str | None] = mapped_column(String(1000))
    # a camp laptop: the camp this profile was prepared for (services.camp_laptop), and when
    camp_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    camp_prepared_at: Mapped[datetime | None] = mapped_column(default=None)


class OpKind(StrEnum):
    INSERT = "insert"
    UPDATE = "update"


class OpState(StrEnum):
    PENDING = "pending"
    ACKED = "acked"  # the server took it (applied, merged or conflict)
    REJECTED = "rejected"  # the server refused it for good: it is in the dead-letter list


class OutboxOp(Base):
    """A captured change waiting to reach the server; committed in the same transaction as the change itself."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "state", "op_seq"),)

    op_seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=new_id)
    # the op_seq of the first op of the local transaction: the server applies a transaction all or none
    tx: Mapped[int]
    entity: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    kind: Mapped[OpKind] = mapped_column(choice(OpKind, "op_kind"))
    base_version: Mapped[int | None]
    fields: Mapped[dict[str, Any]]
    hlc: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    state: Mapped[OpState] = mapped_column(choice(OpState, "op_state"), default=OpState.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(1000))


class DeadLetter(Base):
    """An op the server refused for good: kept, shown to staff, never dropped silently."""

    __tablename__ = "dead_letters"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    op_seq: Mapped[int] = mapped_column(unique=True)
    op_id: Mapped[uuid.UUID]
    tx: Mapped[int]
    entity: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID]
    kind: Mapped[OpKind] = mapped_column(choice(OpKind, "dead_letter_kind"))
    fields: Mapped[dict[str, Any]]
    code: Mapped[str] = mapped_column(String(60))
    message: Mapped[str] = mapped_column(String(1000))
    # the server's row as it stands (when it has one): what the device now shows instead of its own change
    server_row: Mapped[dict[str, Any] | None]
    rejected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(500))


class NumberBlock(Base):
    """A range of sequence numbers this installation may hand out on its own, offline.

    ``series`` is ``din:YY`` (ISBT 128 DIN sequences for the facility and two-digit year) or ``donor``. A block
    given to a camp laptop is carved off the end of this device's block, so no two machines ever hold the same
    number, with or without a link.
    """

    __tablename__ = "number_blocks"
    __table_args__ = (UniqueConstraint("centre_id", "series", "first"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"))
    series: Mapped[str] = mapped_column(String(20))
    first: Mapped[int]
    last: Mapped[int]
    next: Mapped[int]
    # the installation that may allocate from this block; blocks carved for others are kept as a record
    holder_device_id: Mapped[uuid.UUID]
    camp_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("camps.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
