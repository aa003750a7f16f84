"""Donations (the bag and its DIN) and laboratory results, both append-only facts.

A result set is entered by one technician and counts only once a different technician has verified it (a separate
:class:`LabVerification` fact, so neither row is ever edited). A correction is a new result set that names the one
it supersedes.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bbms_desktop.models.base import Base, Owned, Voidable, choice
from bbms_desktop.rules.vocabulary import (
    AdverseReaction,
    Agglutination,
    AntibodyScreen,
    BagType,
    DonationType,
    TtiResult,
)


class Donation(Base, Owned, Voidable):
    __tablename__ = "donations"
    __append_only__ = True

    din: Mapped[str] = mapped_column(String(13), unique=True)
    donor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("donors.id"), index=True)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("screening_visits.id"), unique=True)
    camp_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("camps.id"), index=True)
    donation_type: Mapped[DonationType] = mapped_column(choice(DonationType, "donation_type"))
    bag_type: Mapped[BagType] = mapped_column(choice(BagType, "bag_type"))
    bag_volume_ml: Mapped[int]
    collected_volume_ml: Mapped[int]
    anticoagulant: Mapped[str] = mapped_column(String(20))
    bag_lot: Mapped[str | None] = mapped_column(String(40))
    bleed_start: Mapped[datetime]
    bleed_end: Mapped[datetime]
    collected_at: Mapped[datetime] = mapped_column(index=True)
    phlebotomist_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    adverse_reaction: Mapped[AdverseReaction | None] = mapped_column(choice(AdverseReaction, "adverse_reaction"))
    notes: Mapped[str | None] = mapped_column(String(1000))


def _tti(marker: str) -> Mapped[TtiResult]:
    return mapped_column(choice(TtiResult, f"{marker}_result"))


class LabResultSet(Base, Owned, Voidable):
    __tablename__ = "lab_result_sets"
    __append_only__ = True

    donation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("donations.id"), index=True)
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("lab_result_sets.id"), unique=True)
    # why this set corrects the one it supersedes
    correction_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    # forward grouping: the donor's cells against antisera
    anti_a: Mapped[Agglutination] = mapped_column(choice(Agglutination, "anti_a"))
    anti_b: Mapped[Agglutination] = mapped_column(choice(Agglutination, "anti_b"))
    anti_ab: Mapped[Agglutination] = mapped_column(choice(Agglutination, "anti_ab"))
    anti_d: Mapped[Agglutination] = mapped_column(choice(Agglutination, "anti_d"))
    # reverse grouping: the donor's plasma against reagent cells
    a_cells: Mapped[Agglutination] = mapped_column(choice(Agglutination, "a_cells"))
    b_cells: Mapped[Agglutination] = mapped_column(choice(Agglutination, "b_cells"))
    o_cells: Mapped[Agglutination] = mapped_column(choice(Agglutination, "o_cells"))
    # the group forward and reverse agree on; None when they do not (a discrepancy blocks release)
    interpreted_group: Mapped[str | None] = mapped_column(String(3))
    antibody_screen: Mapped[AntibodyScreen] = mapped_column(choice(AntibodyScreen, "antibody_screen"))
    hiv: Mapped[TtiResult] = _tti("hiv")
    hiv_kit: Mapped[str | None] = mapped_column(String(60))
    hiv_lot: Mapped[str | None] = mapped_column(String(40))
    hbsag: Mapped[TtiResult] = _tti("hbsag")
    hbsag_kit: Mapped[str | None] = mapped_column(String(60))
    hbsag_lot: Mapped[str | None] = mapped_column(String(40))
    hcv: Mapped[TtiResult] = _tti("hcv")
    hcv_kit: Mapped[str | None] = mapped_column(String(60))
    hcv_lot: Mapped[str | None] = mapped_column(String(40))
    syphilis: Mapped[TtiResult] = _tti("syphilis")
    syphilis_kit: Mapped[str | None] = mapped_column(String(60))
    syphilis_lot: Mapped[str | None] = mapped_column(String(40))
    malaria: Mapped[TtiResult] = _tti("malaria")
    malaria_kit: Mapped[str | None] = mapped_column(String(60))
    malaria_lot: Mapped[str | None] = mapped_column(String(40))
    entered_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    entered_at: Mapped[datetime]
    notes: Mapped[str | None] = mapped_column(String(1000))


class LabVerification(Base, Owned):
    __tablename__ = "lab_verifications"
    __append_only__ = True
    __table_args__ = (UniqueConstraint("result_set_id"),)

    result_set_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("lab_result_sets.id"))
    verified_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    verified_at: Mapped[datetime]
