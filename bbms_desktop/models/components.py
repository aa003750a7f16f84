"""Components separated from a donation, and their discards.

A component's status changes only through ``services.components.transition`` (the state machine of
``rules.component_states``); its expiry is computed from ``rules.shelf_life`` at separation, never typed.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, Owned, Voidable, choice
from bbms_desktop.rules.vocabulary import ComponentStatus, DiscardReason


class Component(Base, Owned):
    __tablename__ = "components"
    __table_args__ = (
        UniqueConstraint("donation_id", "code", "division"),
        Index("ix_components_stock", "status", "code", "blood_group", "expires_at"),
        Index("ix_components_prepared", "centre_id", "prepared_at"),  # the monthly report's components prepared
    )

    donation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("donations.id"), index=True)
    din: Mapped[str] = mapped_column(String(13), index=True)
    code: Mapped[str] = mapped_column(String(20))
    # "00" for the whole product; split apheresis or paediatric aliquots number their divisions
    division: Mapped[str] = mapped_column(String(2), default="00")
    volume_ml: Mapped[int]
    prepared_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    status: Mapped[ComponentStatus] = mapped_column(choice(ComponentStatus, "component_status"))
    # copied from the verified lab result at release; None while the group is not confirmed
    blood_group: Mapped[str | None] = mapped_column(String(3))
    storage_location: Mapped[str | None] = mapped_column(String(60))
    reserved_for_request_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("blood_requests.id"))
    prepared_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))


class Discard(Base, Owned, Voidable):
    __tablename__ = "discards"
    __append_only__ = True
    __table_args__ = (Index("ix_discards_discarded", "centre_id", "discarded_at"),)  # the monthly report's discards

    component_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("components.id"), index=True)
    reason: Mapped[DiscardReason] = mapped_column(choice(DiscardReason, "discard_reason"))
    detail: Mapped[str | None] = mapped_column(String(500))
    discarded_at: Mapped[datetime]
    discarded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
