"""The audit trail: one event per use case, hash-chained per device so a removed or altered event is detectable."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, Owned


class AuditEvent(Base, Owned):
    __tablename__ = "audit_events"
    __append_only__ = True
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    device_id: Mapped[uuid.UUID]
    device_seq: Mapped[int]
    at: Mapped[datetime]
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60), index=True)
    entity: Mapped[str | None] = mapped_column(String(60))
    row_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
