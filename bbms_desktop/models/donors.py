"""Donors, their screening visits and their deferrals.

A donor's demographics are mutable (field-level merge on sync); visits and deferrals are append-only facts.
A deferral can never be edited or removed: not through the ORM (``__append_only__`` without ``Voidable``) and not
through SQL (triggers in the migration).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, Owned, Voidable, choice
from bbms_desktop.rules.vocabulary import DonationType, DonorType, IdDocument, ScreeningOutcome, Sex


class Donor(Base, Owned, Voidable):
    __tablename__ = "donors"
    __table_args__ = (
        Index("ix_donors_id_document", "id_document_type", "id_document_number"),
        Index("ix_donors_identity", "date_of_birth", "sex", "name_key"),
        # the few donors awaiting a person's review, found without reading the register (query: needs_review == 1)
        Index("ix_donors_needs_review", "needs_review", sqlite_where=text("needs_review = 1")),
        # the reports' "registered in the period" (a range of the register, not a read of all of it)
        Index("ix_donors_registered", "centre_id", "consent_given_at"),
        # the few records merged into another (a person's identity is found through it); partial, so that ANALYZE's
        # statistics (all the NULLs counted as one value) never turn a probe into a read of the whole register
        Index("ix_donors_merged_into_id", "merged_into_id", sqlite_where=text("merged_into_id IS NOT NULL")),
    )

    donor_number: Mapped[str] = mapped_column(String(30), unique=True)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str | None] = mapped_column(String(100))
    # father's or husband's name, as Indian registers record it
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    # normalised "given family" and "family" for prefix search (lower case, single spaces)
    name_key: Mapped[str] = mapped_column(String(201), index=True)
    family_key: Mapped[str | None] = mapped_column(String(100), index=True)
    sex: Mapped[Sex] = mapped_column(choice(Sex, "donor_sex"))
    date_of_birth: Mapped[date]
    mobile: Mapped[str | None] = mapped_column(String(15), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    pincode: Mapped[str | None] = mapped_column(String(6))
    district: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    id_document_type: Mapped[IdDocument | None] = mapped_column(choice(IdDocument, "donor_id_document"))
    id_document_number: Mapped[str | None] = mapped_column(String(40))
    abha_id: Mapped[str | None] = mapped_column(String(20))
    donor_type: Mapped[DonorType] = mapped_column(choice(DonorType, "donor_type"))
    consent_given_at: Mapped[datetime]
    # the group confirmed by the laboratory (forward and reverse agreeing); None until then
    blood_group: Mapped[str | None] = mapped_column(String(3))
    # set when an explicit, audited merge makes this record a duplicate of another (sync redirect)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("donors.id"))
    needs_review: Mapped[bool] = mapped_column(default=False)
    # the camp at which the donor was registered, and the camp at which they last pledged to donate (signed up but
    # did not donate that day); plain ids, no foreign key, so adding them did not rebuild a large register
    registered_camp_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    pledged_camp_id: Mapped[uuid.UUID | None] = mapped_column(default=None)


class ScreeningVisit(Base, Owned, Voidable):
    __tablename__ = "screening_visits"
    __append_only__ = True

    donor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("donors.id"), index=True)
    camp_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("camps.id"), index=True)
    visited_at: Mapped[datetime]
    donation_type: Mapped[DonationType] = mapped_column(choice(DonationType, "visit_donation_type"))
    bag_volume_ml: Mapped[int | None]
    weight_kg: Mapped[float]
    haemoglobin_g_dl: Mapped[float]
    systolic_mmhg: Mapped[int]
    diastolic_mmhg: Mapped[int]
    pulse_per_min: Mapped[int]
    pulse_regular: Mapped[bool]
    temperature_c: Mapped[float]
    answers: Mapped[dict[str, Any]]
    outcome: Mapped[ScreeningOutcome] = mapped_column(choice(ScreeningOutcome, "screening_outcome"))
    # the stable reason codes of every failing rule, for reports (the deferral rows carry the decision)
    reason_codes: Mapped[list[Any]]
    assessed_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str | None] = mapped_column(String(1000))


class Deferral(Base, Owned):
    __tablename__ = "deferrals"
    __append_only__ = True
    __table_args__ = (Index("ix_deferrals_starts", "centre_id", "starts_on"),)  # the monthly report's deferrals

    donor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("donors.id"), index=True)
    reason_code: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str | None] = mapped_column(String(500))
    permanent: Mapped[bool]
    starts_on: Mapped[date]
    # the first day the donor may donate again; None for a permanent deferral
    until: Mapped[date | None]
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("screening_visits.id"))
    donation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("donations.id"))
    decided_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
