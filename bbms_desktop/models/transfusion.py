"""The hospital side: blood requests, crossmatches, issues, returns and transfusion reactions.

A request is mutable only in its status; crossmatches, issues, returns and reactions are append-only facts.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, Owned, Voidable, choice
from bbms_desktop.rules.vocabulary import (
    CrossmatchMethod,
    CrossmatchResult,
    RequestStatus,
    Severity,
    Sex,
    TransfusionReactionType,
    Urgency,
)


class BloodRequest(Base, Owned, Voidable):
    __tablename__ = "blood_requests"

    request_number: Mapped[str] = mapped_column(String(30), unique=True)
    patient_name: Mapped[str] = mapped_column(String(200))
    # the hospital's registration (IPD/UHID) number of the patient
    patient_hospital_id: Mapped[str | None] = mapped_column(String(40))
    patient_sex: Mapped[Sex] = mapped_column(choice(Sex, "patient_sex"))
    patient_date_of_birth: Mapped[date | None]
    patient_age_years: Mapped[int]
    # the group of the patient's sample as grouped here; "unknown" in an emergency before grouping
    patient_group: Mapped[str] = mapped_column(String(7))
    patient_has_anti_d: Mapped[bool] = mapped_column(default=False)
    hospital: Mapped[str] = mapped_column(String(200))
    ward: Mapped[str | None] = mapped_column(String(100))
    bed: Mapped[str | None] = mapped_column(String(20))
    diagnosis: Mapped[str | None] = mapped_column(String(300))
    component_code: Mapped[str] = mapped_column(String(20))
    units_requested: Mapped[int]
    urgency: Mapped[Urgency] = mapped_column(choice(Urgency, "urgency"))
    requesting_doctor: Mapped[str] = mapped_column(String(200))
    doctor_registration_number: Mapped[str | None] = mapped_column(String(60))
    required_by: Mapped[datetime | None]
    sample_received_at: Mapped[datetime | None]
    status: Mapped[RequestStatus] = mapped_column(choice(RequestStatus, "request_status"))
    received_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    cancel_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    cancelled_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)


class Crossmatch(Base, Owned, Voidable):
    __tablename__ = "crossmatches"
    __append_only__ = True

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("blood_requests.id"), index=True)
    component_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("components.id"), index=True)
    method: Mapped[CrossmatchMethod] = mapped_column(choice(CrossmatchMethod, "crossmatch_method"))
    result: Mapped[CrossmatchResult] = mapped_column(choice(CrossmatchResult, "crossmatch_result"))
    performed_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    performed_at: Mapped[datetime]
    notes: Mapped[str | None] = mapped_column(String(500))


class Issue(Base, Owned, Voidable):
    __tablename__ = "issues"
    __append_only__ = True
    __table_args__ = (Index("ix_issues_issued", "centre_id", "issued_at"),)  # the monthly report's units issued

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("blood_requests.id"), index=True)
    component_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("components.id"), index=True)
    crossmatch_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("crossmatches.id"))
    # an emergency issue before crossmatch (crossmatch_id is then None and the unit is group-compatible)
    uncrossmatched: Mapped[bool] = mapped_column(default=False)
    issued_at: Mapped[datetime]
    issued_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    # the person who carries the unit to the ward
    collected_by: Mapped[str] = mapped_column(String(200))
    # an RhD-positive unit for an RhD-negative patient needs a medical officer's recorded decision
    override_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    override_reason: Mapped[str | None] = mapped_column(String(500))


class ComponentReturn(Base, Owned, Voidable):
    __tablename__ = "component_returns"
    __append_only__ = True

    issue_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("issues.id"), index=True)
    component_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("components.id"), index=True)
    returned_at: Mapped[datetime]
    received_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    cold_chain_maintained: Mapped[bool]
    seal_intact: Mapped[bool]
    accepted: Mapped[bool]
    reason: Mapped[str | None] = mapped_column(String(500))


class TransfusionReaction(Base, Owned, Voidable):
    __tablename__ = "transfusion_reactions"
    __append_only__ = True

    issue_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("issues.id"), index=True)
    component_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("components.id"), index=True)
    reaction_type: Mapped[TransfusionReactionType] = mapped_column(
        choice(TransfusionReactionType, "transfusion_reaction_type")
    )
    severity: Mapped[Severity] = mapped_column(choice(Severity, "reaction_severity"))
    onset_at: Mapped[datetime]
    description: Mapped[str | None] = mapped_column(String(1000))
    reported_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
