"""What the components, inventory and discard screens read: a donation with its units, the stock list and its
filters, donations waiting for separation or release, and recent discards. Read-only; plain frozen values.

The decisions stay where they are made: release blockers come from ``services.components.release_blockers``, what a
bag may still yield from ``rules.components.preparable``, expiry from the stored (computed) ``expires_at``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import Component, Discard, Donation, Donor, User
from bbms_desktop.rules import component_states, isbt128
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.components import Preparation
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import BagType, ComponentStatus, DiscardReason, DonationType
from bbms_desktop.services import components
from bbms_desktop.services.components import LabStatus

S = ComponentStatus

# Donations collected this recently and not yet separated are listed for separation. Bags are separated the day they
# are collected; three days covers a weekend or a camp's bags brought in late (whole blood keeps 35 days, but a bag
# left longer is a question for the supervisor, not a worklist item).
SEPARATION_WORKLIST_DAYS = Rule(3, LOCAL_SOP, note="components screen worklist window")
WORKLIST_LIMIT = 300

# Statuses the stock list shows by default: units still in the centre and not final.
IN_STOCK: tuple[ComponentStatus, ...] = (S.QUARANTINE, S.AVAILABLE, S.RESERVED)
UNGROUPED = "ungrouped"  # the stock filter's value for units without a confirmed group (still in quarantine)

DISCARD_REASON_LABELS: dict[DiscardReason, Msg] = {
    DiscardReason.EXPIRED: QT_TRANSLATE_NOOP("Stock", "Expired"),
    DiscardReason.TTI_REACTIVE: QT_TRANSLATE_NOOP("Stock", "TTI reactive or indeterminate"),
    DiscardReason.LEAKED_OR_DAMAGED: QT_TRANSLATE_NOOP("Stock", "Leaked or damaged bag"),
    DiscardReason.HAEMOLYSED: QT_TRANSLATE_NOOP("Stock", "Haemolysed"),
    DiscardReason.LIPAEMIC: QT_TRANSLATE_NOOP("Stock", "Lipaemic"),
    DiscardReason.CLOTTED: QT_TRANSLATE_NOOP("Stock", "Clotted"),
    DiscardReason.UNDER_COLLECTED: QT_TRANSLATE_NOOP("Stock", "Under-collected (low volume)"),
    DiscardReason.OVER_COLLECTED: QT_TRANSLATE_NOOP("Stock", "Over-collected"),
    DiscardReason.BLEED_TIME_EXCEEDED: QT_TRANSLATE_NOOP("Stock", "Bleed time exceeded"),
    DiscardReason.RETURN_NOT_ACCEPTABLE: QT_TRANSLATE_NOOP("Stock", "Returned unit not acceptable"),
    DiscardReason.QC_FAILURE: QT_TRANSLATE_NOOP("Stock", "Quality control failure"),
    DiscardReason.GROUPING_DISCREPANCY: QT_TRANSLATE_NOOP("Stock", "Grouping discrepancy"),
    DiscardReason.OTHER: QT_TRANSLATE_NOOP("Stock", "Other (say why)"),
}

BAG_TYPE_LABELS: dict[str, Msg] = dict(catalogue.BAG_TYPE_NAMES)
DONATION_TYPE_LABELS: dict[str, Msg] = {
    DonationType.WHOLE_BLOOD: QT_TRANSLATE_NOOP("Stock", "whole blood"),
    DonationType.APHERESIS: QT_TRANSLATE_NOOP("Stock", "apheresis"),
}

# where a donation stands in the laboratory, for the lists
LAB_NO_RESULTS = "no_results"
LAB_UNVERIFIED = "unverified"
LAB_CLEARED = "cleared"
LAB_HELD = "held"  # verified, but something keeps the units in quarantine (a discrepancy, a marker not done)
LAB_UNSAFE = "unsafe"
LAB_STATE_LABELS: dict[str, Msg] = {
    LAB_NO_RESULTS: QT_TRANSLATE_NOOP("Stock", "Awaiting results"),
    LAB_UNVERIFIED: QT_TRANSLATE_NOOP("Stock", "Awaiting verification"),
    LAB_CLEARED: QT_TRANSLATE_NOOP("Stock", "Cleared"),
    LAB_HELD: QT_TRANSLATE_NOOP("Stock", "Verified, not cleared"),
    LAB_UNSAFE: QT_TRANSLATE_NOOP("Stock", "Reactive: unsafe"),
}

# a unit can be discarded from these statuses (issued units come back as returns instead)
DISCARDABLE: frozenset[ComponentStatus] = frozenset(
    s for s in S if s != S.ISSUED and component_states.can_transition(s, S.DISCARDED)
)


@dataclass(frozen=True, slots=True)
class UnitView:
    """One component as the screens show it, with why it may not leave quarantine (when it is in quarantine)."""

    id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    code: str
    division: str
    volume_ml: int
    status: ComponentStatus
    blood_group: str | None
    prepared_at: datetime
    expires_at: datetime
    storage_location: str | None
    expired: bool  # expiry has passed at the time asked (whatever the status still says)
    blockers: tuple[Text, ...]  # release blockers of a unit in quarantine; empty otherwise

    @property
    def name(self) -> Msg:
        return catalogue.component(self.code).name

    @property
    def discardable(self) -> bool:
        return self.status in DISCARDABLE


@dataclass(frozen=True, slots=True)
class DonationCard:
    """A donation, where the laboratory stands on it, its units, and what may still be prepared from it."""

    donation_id: uuid.UUID
    din: str
    check: str  # the keyboard check character printed beside the DIN
    voided: bool
    donor_number: str
    donor_group: str | None
    donation_type: DonationType
    bag_type: BagType
    collected_volume_ml: int
    max_component_volume_ml: int  # blood plus anticoagulant: no component can hold more
    bleed_minutes: float
    collected_at: datetime
    hours_since_collection: float
    lab: LabStatus
    lab_state: str
    units: tuple[UnitView, ...]
    preparation: Preparation  # at the time asked; apheresis donations yield SDP only

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


@dataclass(frozen=True, slots=True)
class DonationRow:
    """A donation in the components worklist."""

    donation_id: uuid.UUID
    din: str
    collected_at: datetime
    bag_type: BagType
    units: int
    in_quarantine: int
    lab_state: str

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


@dataclass(frozen=True, slots=True)
class StockFilter:
    """The inventory list's filters; None (or empty) means any."""

    blood_group: str | None = None  # "O+" ... or UNGROUPED
    code: str | None = None
    statuses: tuple[ComponentStatus, ...] | None = IN_STOCK
    within_hours: int | None = None  # expiring within this many hours of the time asked (expired ones included)
    location: str | None = None
    din: str = ""  # a DIN as scanned or typed, or the start of one


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    code: str
    blood_group: str | None
    status: ComponentStatus
    volume_ml: int
    expires_at: datetime
    storage_location: str | None
    expired: bool

    @property
    def name(self) -> Msg:
        return catalogue.component(self.code).name

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


@dataclass(frozen=True, slots=True)
class DiscardRow:
    discard_id: uuid.UUID
    component_id: uuid.UUID
    discarded_at: datetime
    din: str
    code: str
    blood_group: str | None
    reason: DiscardReason
    detail: str | None
    discarded_by: str

    @property
    def name(self) -> Msg:
        return catalogue.component(self.code).name

    @property
    def eye_readable(self) -> str:
        return eye_readable(self.din)


# --------------------------------------------------------------------------------------------------------------------
# one donation


def din_number(text: str) -> str:
    """The donation number a scan or a typed entry names: an ISBT 128 DIN (checked) or a local unit number.

    Raises ``isbt128.InvalidDin`` only for text that cannot be either (empty)."""
    try:
        return isbt128.parse(text).din
    except isbt128.InvalidDin:
        number = "".join(text.split()).upper()
        if not number:
            raise
        return number


def unit_known(session: Session, text: str) -> bool:
    """Whether ``text`` (a scan or a typed number) names a donation or unit recorded here; one index probe."""
    try:
        number = din_number(text)
    except isbt128.InvalidDin:
        return False
    if len(number) > 13:
        return False
    found = session.scalar(select(Donation.id).where(Donation.din == number).limit(1))
    return found is not None


def find_donation(session: Session, text: str, now: datetime) -> DonationCard | None:
    """The donation a DIN or local unit number names, with its units and laboratory state; None when unknown.

    Raises ``isbt128.InvalidDin`` (saying what is wrong) for text that is neither a DIN nor a number recorded here.
    """
    number = din_number(text)
    donation = session.scalars(select(Donation).where(Donation.din == number).limit(1)).first()
    if donation is None:
        isbt128.parse(text)  # neither a DIN nor a number recorded here: say what is wrong with it
        return None
    return donation_card(session, donation.id, now)


def donation_card(session: Session, donation_id: uuid.UUID, now: datetime) -> DonationCard:
    donation = session.get(Donation, donation_id)
    if donation is None:
        raise LookupError(donation_id)
    donor = session.get(Donor, donation.donor_id)
    assert donor is not None
    lab = components.lab_status(session, donation.id)
    units = tuple(_unit_view(session, c, now) for c in components.units_of(session, donation.id))
    bleed_minutes = max((donation.bleed_end - donation.bleed_start).total_seconds() / 60, 0.0)
    hours = max((now - donation.bleed_end).total_seconds() / 3600, 0.0)
    if donation.donation_type == DonationType.APHERESIS:
        refused = {
            code: components.APHERESIS_YIELDS_SDP(
                din=donation.din,
                sdp=catalogue.component(catalogue.PLT_SDP).name,
                component=catalogue.component(code).name,
            )
            for code in catalogue.CODES
            if code != catalogue.PLT_SDP
        }
        preparation = Preparation((catalogue.PLT_SDP,), refused, ((catalogue.PLT_SDP,),))
    else:
        preparation = catalogue.preparable(donation.bag_type, bleed_minutes, hours)
    return DonationCard(
        donation_id=donation.id,
        din=donation.din,
        check=check_of(donation.din),
        voided=donation.voided_at is not None,
        donor_number=donor.donor_number,
        donor_group=donor.blood_group,
        donation_type=DonationType(donation.donation_type),
        bag_type=BagType(donation.bag_type),
        collected_volume_ml=donation.collected_volume_ml,
        max_component_volume_ml=donation.collected_volume_ml
        + round(catalogue.anticoagulant_ml(donation.collected_volume_ml)),
        bleed_minutes=bleed_minutes,
        collected_at=donation.collected_at,
        hours_since_collection=hours,
        lab=lab,
        lab_state=_lab_state(lab),
        units=units,
        preparation=preparation,
    )


def separation_worklist(session: Session, now: datetime, limit: int = WORKLIST_LIMIT) -> list[DonationRow]:
    """Donations to work on at the components bench, newest first: collected recently and not yet separated, or
    with units still in quarantine (not expired)."""
    since = now - timedelta(days=SEPARATION_WORKLIST_DAYS.value)
    unseparated = select(Donation.id).where(
        Donation.voided_at.is_(None),
        Donation.collected_at >= since,
        ~exists().where(Component.donation_id == Donation.id),
    )
    quarantined = (
        select(Component.donation_id).where(Component.status == S.QUARANTINE, Component.expires_at > now).distinct()
    )
    donations = session.scalars(
        select(Donation)
        .where(or_(Donation.id.in_(unseparated), Donation.id.in_(quarantined)), Donation.voided_at.is_(None))
        .order_by(Donation.collected_at.desc(), Donation.din)
        .limit(limit)
    ).all()
    rows: list[DonationRow] = []
    for donation in donations:
        statuses = session.scalars(select(Component.status).where(Component.donation_id == donation.id)).all()
        rows.append(
            DonationRow(
                donation.id,
                donation.din,
                donation.collected_at,
                BagType(donation.bag_type),
                len(statuses),
                sum(1 for s in statuses if s == S.QUARANTINE),
                _lab_state(components.lab_status(session, donation.id)),
            )
        )
    return rows


# --------------------------------------------------------------------------------------------------------------------
# the stock list


def units(session: Session, flt: StockFilter, now: datetime, offset: int = 0, limit: int = 200) -> list[UnitRow]:
    """One page of units matching the filters, soonest expiry first (first expiry, first out)."""
    query = _filtered(select(Component), flt, now).order_by(Component.expires_at, Component.din, Component.code)
    return [_unit_row(c, now) for c in session.scalars(query.offset(offset).limit(limit))]


def count_units(session: Session, flt: StockFilter, now: datetime) -> int:
    query = _filtered(select(func.count()).select_from(Component), flt, now)
    return session.scalar(query) or 0


def storage_locations(session: Session) -> list[str]:
    """Every storage location a unit in the centre is kept at (the stock filter's choices)."""
    rows = session.scalars(
        select(Component.storage_location)
        .where(Component.storage_location.is_not(None), Component.status.in_(IN_STOCK))
        .distinct()
        .order_by(Component.storage_location)
    )
    return [r for r in rows if r]


def _filtered(query: Select, flt: StockFilter, now: datetime) -> Select:
    if flt.statuses:
        query = query.where(Component.status.in_(list(flt.statuses)))
    if flt.blood_group == UNGROUPED:
        query = query.where(Component.blood_group.is_(None))
    elif flt.blood_group:
        query = query.where(Component.blood_group == flt.blood_group)
    if flt.code:
        query = query.where(Component.code == flt.code)
    if flt.within_hours is not None:
        query = query.where(Component.expires_at <= now + timedelta(hours=flt.within_hours))
    if flt.location:
        query = query.where(Component.storage_location == flt.location)
    text = "".join(flt.din.split()).upper()
    if text:
        try:
            query = query.where(Component.din == isbt128.parse(flt.din).din)
        except isbt128.InvalidDin:
            if text.startswith("="):
                text = text[1:14]
            query = query.where(Component.din.startswith(text, autoescape=True))
    return query


# --------------------------------------------------------------------------------------------------------------------
# discards


def recent_discards(session: Session, offset: int = 0, limit: int = 200) -> list[DiscardRow]:
    """Discards, the latest first."""
    rows = session.execute(
        select(Discard, Component.din, Component.code, Component.blood_group, User.full_name)
        .join(Component, Component.id == Discard.component_id)
        .join(User, User.id == Discard.discarded_by_id)
        .where(Discard.voided_at.is_(None))
        .order_by(Discard.discarded_at.desc(), Discard.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return [
        DiscardRow(d.id, d.component_id, d.discarded_at, din, code, group, DiscardReason(d.reason), d.detail, name)
        for d, din, code, group, name in rows
    ]


# --------------------------------------------------------------------------------------------------------------------
# helpers


def _lab_state(lab: LabStatus) -> str:
    if lab.result_set_id is None:
        return LAB_NO_RESULTS
    if not lab.verified:
        return LAB_UNVERIFIED
    if lab.unsafe_markers:
        return LAB_UNSAFE
    return LAB_HELD if lab.blockers else LAB_CLEARED


def _unit_view(session: Session, unit: Component, now: datetime) -> UnitView:
    blockers = components.release_blockers(session, unit, now) if unit.status == S.QUARANTINE else ()
    return UnitView(
        unit.id,
        unit.donation_id,
        unit.din,
        unit.code,
        unit.division,
        unit.volume_ml,
        ComponentStatus(unit.status),
        unit.blood_group,
        unit.prepared_at,
        unit.expires_at,
        unit.storage_location,
        now >= unit.expires_at,
        blockers,
    )


def _unit_row(unit: Component, now: datetime) -> UnitRow:
    return UnitRow(
        unit.id,
        unit.donation_id,
        unit.din,
        unit.code,
        unit.blood_group,
        ComponentStatus(unit.status),
        unit.volume_ml,
        unit.expires_at,
        unit.storage_location,
        now >= unit.expires_at,
    )


def check_of(din: str) -> str:
    """The ISBT 128 keyboard check character of a DIN; empty for a local unit number."""
    try:
        return isbt128.Din(din).check
    except isbt128.InvalidDin:
        return ""  # a local unit number has no ISBT 128 check character


def eye_readable(din: str) -> str:
    """ "G1234 26 000123" for an ISBT 128 DIN; a local unit number as it is."""
    try:
        return isbt128.format_eye_readable(din)
    except isbt128.InvalidDin:
        return din
