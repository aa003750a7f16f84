"""What the laboratory screen reads: the worklist and the verification queue with who entered what, a donation
picked by its DIN, and one result set in full for the second technician to check against the worksheet.

Read-only; plain frozen values. The worklist and the queue are ``services.lab``'s own queries, with names added.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import Donation, Donor, LabResultSet, LabVerification, User
from bbms_desktop.rules import grouping, isbt128
from bbms_desktop.rules.vocabulary import TTI_MARKERS, Agglutination, AntibodyScreen, TtiResult
from bbms_desktop.services import components, lab
from bbms_desktop.services.stock_views import check_of, din_number, eye_readable

AGGLUTINATION_LABELS: dict[Agglutination, Msg] = {
    Agglutination.NEGATIVE: QT_TRANSLATE_NOOP("LabViews", "Negative"),
    Agglutination.WEAK: QT_TRANSLATE_NOOP("LabViews", "Weak"),
    Agglutination.POSITIVE: QT_TRANSLATE_NOOP("LabViews", "Positive"),
}
ANTIBODY_SCREEN_LABELS: dict[AntibodyScreen, Msg] = {
    AntibodyScreen.NEGATIVE: QT_TRANSLATE_NOOP("LabViews", "Negative"),
    AntibodyScreen.POSITIVE: QT_TRANSLATE_NOOP("LabViews", "Positive"),
    AntibodyScreen.NOT_DONE: QT_TRANSLATE_NOOP("LabViews", "Not done"),
}
# the grouping reagents in worksheet order: forward (the donor's cells against antisera), then reverse (the plasma
# against reagent cells)
FORWARD_REAGENTS: tuple[tuple[str, Msg], ...] = (
    ("anti_a", QT_TRANSLATE_NOOP("LabViews", "Anti-A")),
    ("anti_b", QT_TRANSLATE_NOOP("LabViews", "Anti-B")),
    ("anti_ab", QT_TRANSLATE_NOOP("LabViews", "Anti-AB")),
    ("anti_d", QT_TRANSLATE_NOOP("LabViews", "Anti-D")),
)
REVERSE_REAGENTS: tuple[tuple[str, Msg], ...] = (
    ("a_cells", QT_TRANSLATE_NOOP("LabViews", "A cells")),
    ("b_cells", QT_TRANSLATE_NOOP("LabViews", "B cells")),
    ("o_cells", QT_TRANSLATE_NOOP("LabViews", "O cells")),
)
STATE_LABELS: dict[str, Msg] = {
    lab.WAITING_FOR_ENTRY: QT_TRANSLATE_NOOP("LabViews", "Awaiting results"),
    lab.WAITING_FOR_VERIFICATION: QT_TRANSLATE_NOOP("LabViews", "Awaiting verification"),
}
VERIFIED = "verified"


@dataclass(frozen=True, slots=True)
class WorklistRow:
    donation_id: uuid.UUID
    din: str
    collected_at: datetime
    state: str  # lab.WAITING_FOR_ENTRY or lab.WAITING_FOR_VERIFICATION
    result_set_id: uuid.UUID | None
    entered_by_id: uuid.UUID | None
    entered_by: str  # the technician's name; empty while awaiting entry

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


@dataclass(frozen=True, slots=True)
class PendingRow:
    result_set_id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    entered_by_id: uuid.UUID
    entered_by: str
    entered_at: datetime
    is_correction: bool

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


@dataclass(frozen=True, slots=True)
class MarkerView:
    marker: str
    result: TtiResult
    kit: str | None
    lot: str | None

    @property
    def unsafe(self) -> bool:
        return self.result in components.UNSAFE_RESULTS


@dataclass(frozen=True, slots=True)
class ResultSetView:
    """One result set as entered, for the verifier to check line by line against the worksheet."""

    result_set_id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    reactions: tuple[tuple[str, Agglutination], ...]  # reagent field name, reading (forward then reverse)
    interpreted_group: str | None
    discrepancies: tuple[Text, ...]  # why no group was interpreted (or why it disagrees with the donor's)
    antibody_screen: AntibodyScreen
    markers: tuple[MarkerView, ...]
    entered_by_id: uuid.UUID
    entered_by: str
    entered_at: datetime
    notes: str | None
    correction_reason: str | None
    verified_by: str | None
    verified_at: datetime | None

    @property
    def unsafe_markers(self) -> tuple[str, ...]:
        return tuple(m.marker for m in self.markers if m.unsafe)

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


@dataclass(frozen=True, slots=True)
class LabCard:
    """A donation picked at the laboratory bench: where it stands and its current results, if any."""

    donation_id: uuid.UUID
    din: str
    check: str
    voided: bool
    collected_at: datetime
    donor_number: str
    donor_group: str | None  # the group confirmed on earlier donations
    state: str  # lab.WAITING_FOR_ENTRY, lab.WAITING_FOR_VERIFICATION or VERIFIED
    current: ResultSetView | None  # entering results again corrects these

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


def worklist(session: Session) -> list[WorklistRow]:
    """``services.lab.worklist`` with the names of the technicians who entered results."""
    items = lab.worklist(session)
    names = _names(session, {i.entered_by_id for i in items if i.entered_by_id is not None})
    return [
        WorklistRow(
            i.donation_id,
            i.din,
            i.collected_at,
            i.state,
            i.result_set_id,
            i.entered_by_id,
            names.get(i.entered_by_id, "") if i.entered_by_id else "",
        )
        for i in items
    ]


def pending_verification(session: Session) -> list[PendingRow]:
    """``services.lab.pending_verification`` with the name of the technician who entered each result set."""
    items = lab.pending_verification(session)
    names = _names(session, {i.entered_by_id for i in items})
    return [
        PendingRow(
            i.result_set_id,
            i.donation_id,
            i.din,
            i.entered_by_id,
            names.get(i.entered_by_id, ""),
            i.entered_at,
            i.is_correction,
        )
        for i in items
    ]


def find_donation(session: Session, text: str) -> LabCard | None:
    """The donation a scanned or typed DIN names (None when not recorded here).

    Raises ``isbt128.InvalidDin`` saying what is wrong when the text is neither a DIN nor a number recorded here."""
    number = din_number(text)
    donation_id = session.scalar(select(Donation.id).where(Donation.din == number).limit(1))
    if donation_id is None:
        isbt128.parse(text)
        return None
    return lab_card(session, donation_id)


def lab_card(session: Session, donation_id: uuid.UUID) -> LabCard:
    donation = session.get(Donation, donation_id)
    if donation is None:
        raise LookupError(donation_id)
    donor = session.get(Donor, donation.donor_id)
    assert donor is not None
    current = components.current_results(session, donation.id)
    view = result_set(session, current.id) if current is not None else None
    if view is None:
        state = lab.WAITING_FOR_ENTRY
    elif view.verified_by is None:
        state = lab.WAITING_FOR_VERIFICATION
    else:
        state = VERIFIED
    return LabCard(
        donation.id,
        donation.din,
        check_of(donation.din),
        donation.voided_at is not None,
        donation.collected_at,
        donor.donor_number,
        donor.blood_group,
        state,
        view,
    )


def result_set(session: Session, result_set_id: uuid.UUID) -> ResultSetView:
    """One result set in full, with the grouping interpreted again to say why it gave no group."""
    row = session.get(LabResultSet, result_set_id)
    if row is None:
        raise LookupError(result_set_id)
    donation = session.get(Donation, row.donation_id)
    assert donation is not None
    donor_group = session.scalar(select(Donor.blood_group).where(Donor.id == donation.donor_id))
    verification = session.execute(
        select(LabVerification.verified_at, User.full_name)
        .join(User, User.id == LabVerification.verified_by_id)
        .where(LabVerification.result_set_id == row.id, LabVerification.verified_by_id != row.entered_by_id)
        .limit(1)
    ).first()
    reactions = tuple((name, Agglutination(getattr(row, name))) for name, _ in (*FORWARD_REAGENTS, *REVERSE_REAGENTS))
    interpretation = grouping.interpret(
        grouping.Forward(row.anti_a, row.anti_b, row.anti_ab, row.anti_d),
        grouping.Reverse(row.a_cells, row.b_cells, row.o_cells),
        # once verified, the donor's group may be this set's own: compare with it only while it is unverified
        donor_group if verification is None else None,
    )
    markers = tuple(
        MarkerView(m, TtiResult(getattr(row, m)), getattr(row, f"{m}_kit"), getattr(row, f"{m}_lot"))
        for m in TTI_MARKERS
    )
    return ResultSetView(
        row.id,
        row.donation_id,
        donation.din,
        reactions,
        row.interpreted_group,
        interpretation.discrepancies,
        AntibodyScreen(row.antibody_screen),
        markers,
        row.entered_by_id,
        _names(session, {row.entered_by_id}).get(row.entered_by_id, ""),
        row.entered_at,
        row.notes,
        row.correction_reason,
        verification[1] if verification else None,
        verification[0] if verification else None,
    )


def _names(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return {user_id: name for user_id, name in session.execute(select(User.id, User.full_name).where(User.id.in_(ids)))}
