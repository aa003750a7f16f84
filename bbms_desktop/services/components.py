"""Components: the one gateway for status changes, the release guard, separation, discard, expiry and stock.

Every status change goes through :func:`transition`, which checks the state machine of
``rules.component_states`` and the guards that need data. The release guard is the safety invariant: a unit
leaves quarantine only when its donation has a complete, verified (by a second person), all-non-reactive TTI
result set and a confirmed group that agrees with the donor's known group, and only before it expires.

Separation and laboratory verification may happen in either order: :func:`separate` releases new units at once
when the laboratory has already cleared the donation (and marks them unsafe when it has found a reactive marker),
and ``services.lab.verify`` releases whatever is already separated.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import DuplicateError, InvalidInput, NotFound, SafetyError, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.models import Component, Discard, Donation, Donor, LabResultSet, LabVerification
from bbms_desktop.rules import component_states, isbt128, shelf_life
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import (
    LABELS,
    TTI_MARKERS,
    AntibodyScreen,
    ComponentStatus,
    DiscardReason,
    DonationType,
    TtiResult,
)
from bbms_desktop.services.uow import UnitOfWork

S = ComponentStatus

NO_COMPONENT = QT_TRANSLATE_NOOP("Components", "No component with this number was found.")
NO_DONATION = QT_TRANSLATE_NOOP("Components", "No donation with this number was found.")
NOT_RELEASABLE = QT_TRANSLATE_NOOP("Components", "Unit {din} cannot leave quarantine: {reasons}")
NO_RESULTS = QT_TRANSLATE_NOOP("Components", "no laboratory results are recorded")
NOT_VERIFIED = QT_TRANSLATE_NOOP("Components", "the results are not yet verified by a second technician")
VERIFIED_BY_ENTERER = QT_TRANSLATE_NOOP(
    "Components", "the results were verified by the technician who entered them; a second technician must verify"
)
MARKER_NOT_CLEAR = QT_TRANSLATE_NOOP("Components", "{marker} is {result}")
GROUP_NOT_CONFIRMED = QT_TRANSLATE_NOOP("Components", "the blood group is not confirmed")
GROUP_DISAGREES_WITH_DONOR = QT_TRANSLATE_NOOP(
    "Components", "the laboratory group {group} disagrees with the donor's recorded group {donor_group}"
)
ANTIBODY_POSITIVE = QT_TRANSLATE_NOOP(
    "Components", "the antibody screen is positive, so plasma-containing components may not be released"
)
ANTIBODY_NOT_DONE = QT_TRANSLATE_NOOP("Components", "the antibody screen is not done")
UNIT_EXPIRED = QT_TRANSLATE_NOOP("Components", "the unit expired at {expires} (UTC)")
LABELLED_OTHER_GROUP = QT_TRANSLATE_NOOP(
    "Components", "the unit was labelled {label} when it was released, but the laboratory group is now {group}"
)

DONATION_VOID = QT_TRANSLATE_NOOP(
    "Components", "Donation {din} was voided, so nothing can be separated from it or released."
)
NO_PARTS = QT_TRANSLATE_NOOP("Components", "Choose at least one component to prepare from donation {din}.")
PART_TWICE = QT_TRANSLATE_NOOP(
    "Components", "{component} is listed twice: each component is prepared once from a donation."
)
ALREADY_PREPARED = QT_TRANSLATE_NOOP(
    "Components", "{component} was already prepared from donation {din}: each component is prepared once."
)
APHERESIS_YIELDS_SDP = QT_TRANSLATE_NOOP(
    "Components", "Donation {din} was collected by apheresis: it yields {sdp} only, not {component}."
)
NOT_FROM_ONE_BAG = QT_TRANSLATE_NOOP(
    "Components",
    "{codes} cannot all be made from the one {bag} of donation {din}: it yields one of these sets: {options}.",
)
BAD_VOLUME = QT_TRANSLATE_NOOP(
    "Components", "Enter the volume of {component} in ml, from 1 to {maximum} (the bag and its anticoagulant)."
)
EXPIRED_BEFORE_PREPARED = QT_TRANSLATE_NOOP(
    "Components", "{component} from donation {din} would have expired at {expires} (UTC): it cannot be prepared now."
)
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Components", "The {what} may be at most {maximum} characters long.")
STORAGE_LOCATION = QT_TRANSLATE_NOOP("Components", "storage location")
DISCARD_DETAIL = QT_TRANSLATE_NOOP("Components", "discard detail")

BAD_DISCARD_REASON = QT_TRANSLATE_NOOP("Components", "Unknown discard reason {reason!r}: choose one of {reasons}.")
DISCARD_ISSUED = QT_TRANSLATE_NOOP(
    "Components",
    "Unit {din} ({component}) is issued: it can be discarded only by receiving it back as a return that fails "
    "inspection.",
)
DISCARD_NEEDS_DETAIL = QT_TRANSLATE_NOOP(
    "Components", 'Say why unit {din} is discarded: the reason "other" needs a detail.'
)
DISCARD_NOT_EXPIRED = QT_TRANSLATE_NOOP(
    "Components",
    "Unit {din} expires at {expires} (UTC) and has not expired: choose the real reason for discarding it.",
)
NOTHING_IN_QUARANTINE = QT_TRANSLATE_NOOP("Components", "Donation {din} has no units in quarantine to release.")
NONE_RELEASABLE = QT_TRANSLATE_NOOP("Components", "No unit of donation {din} can leave quarantine: {reasons}")
UNIT_HELD = QT_TRANSLATE_NOOP("Components", "{component}: {reasons}")

# plasma-rich components carry the donor's antibodies to the patient
PLASMA_RICH = frozenset({"WB_CPDA1", "FFP", "CRYO", "CPP", "PLT_RDP", "PLT_SDP"})

# TTI results that make every unit of the donation unsafe (DOMAIN.md §2, BSIS rule)
UNSAFE_RESULTS = frozenset({TtiResult.REACTIVE, TtiResult.INDETERMINATE})

# The stock screen's early warnings: units expiring within these many hours (counted from the time asked).
EXPIRY_WARNING_HOURS = Rule((24, 72), LOCAL_SOP, note="stock screen warnings; the brief's 24 h and 72 h windows")

STORAGE_LOCATION_MAX = 60
DISCARD_DETAIL_MAX = 500


@dataclass(frozen=True, slots=True)
class LabStatus:
    """What the laboratory says about a donation, for release decisions."""

    result_set_id: uuid.UUID | None
    verified: bool
    group: str | None
    tti_clear: bool
    antibody_screen: AntibodyScreen | None
    blockers: tuple[Text, ...]  # why the donation's units may not leave quarantine (empty: they may)
    unsafe_markers: tuple[str, ...] = ()  # markers reactive or indeterminate: every unit of the donation is unsafe


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """One component as plain values."""

    id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    code: str
    division: str
    volume_ml: int
    status: ComponentStatus
    blood_group: str | None
    expires_at: datetime
    storage_location: str | None


@dataclass(frozen=True, slots=True)
class SeparatedComponent:
    """A component just prepared; ``held_because`` says why it is still in quarantine (empty when it is not)."""

    id: uuid.UUID
    din: str
    code: str
    volume_ml: int
    expires_at: datetime
    status: ComponentStatus
    blood_group: str | None
    held_because: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class HeldUnit:
    """A unit that stays in quarantine, and every reason why."""

    id: uuid.UUID
    din: str
    code: str
    reasons: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class ReleaseOutcome:
    donation_id: uuid.UUID
    din: str
    released: tuple[UnitInfo, ...]
    held: tuple[HeldUnit, ...]


@dataclass(frozen=True, slots=True)
class Discarded:
    discard_id: uuid.UUID
    component_id: uuid.UUID
    din: str
    code: str
    reason: DiscardReason


@dataclass(frozen=True, slots=True)
class StockLine:
    blood_group: str | None
    code: str
    count: int


@dataclass(frozen=True, slots=True)
class StockSummary:
    """Usable stock at ``at``: available units by group and component, early expiry warnings, quarantine."""

    at: datetime
    available: tuple[StockLine, ...]  # by blood group, then component code
    total_available: int
    expiring_24h: int  # available units expiring within 24 h of ``at``
    expiring_72h: int  # ... within 72 h (includes the 24 h ones)
    quarantine: int  # units awaiting laboratory clearance, not expired


# ---------------------------------------------------------------------------------------------------------------
# the laboratory's verdict and the release guard


def current_results(session: Session, donation_id: uuid.UUID) -> LabResultSet | None:
    """The latest result set of a donation that nothing supersedes and that is not voided."""
    superseded = select(LabResultSet.supersedes_id).where(LabResultSet.supersedes_id.is_not(None))
    return session.scalars(
        select(LabResultSet)
        .where(
            LabResultSet.donation_id == donation_id,
            LabResultSet.voided_at.is_(None),
            LabResultSet.id.not_in(superseded),
        )
        .order_by(LabResultSet.entered_at.desc())
        .limit(1)
    ).first()


def lab_status(session: Session, donation_id: uuid.UUID) -> LabStatus:
    results = current_results(session, donation_id)
    if results is None:
        return LabStatus(None, False, None, False, None, (NO_RESULTS(),))
    verifiers = set(
        session.scalars(select(LabVerification.verified_by_id).where(LabVerification.result_set_id == results.id))
    )
    # two-person rule: a verification by the technician who entered the results does not count, however it got here
    verified = bool(verifiers - {results.entered_by_id})
    blockers: list[Text] = []
    if not verified:
        blockers.append(VERIFIED_BY_ENTERER() if verifiers else NOT_VERIFIED())
    unclear = [m for m in TTI_MARKERS if getattr(results, m) != TtiResult.NON_REACTIVE]
    blockers += [MARKER_NOT_CLEAR(marker=LABELS[m], result=LABELS[TtiResult(getattr(results, m))]) for m in unclear]
    group = results.interpreted_group
    if group is None:
        blockers.append(GROUP_NOT_CONFIRMED())
    else:
        donor_group = session.scalar(
            select(Donor.blood_group).join(Donation, Donation.donor_id == Donor.id).where(Donation.id == donation_id)
        )
        if donor_group is not None and donor_group != group:
            blockers.append(GROUP_DISAGREES_WITH_DONOR(group=group, donor_group=donor_group))
    unsafe = tuple(m for m in TTI_MARKERS if getattr(results, m) in UNSAFE_RESULTS)
    return LabStatus(
        results.id, verified, group, not unclear, AntibodyScreen(results.antibody_screen), tuple(blockers), unsafe
    )


def release_blockers(session: Session, component: Component, now: datetime | None = None) -> tuple[Text, ...]:
    """Every reason this unit may not leave quarantine; empty when it may. With ``now``, expiry counts too."""
    status = lab_status(session, component.donation_id)
    blockers = list(status.blockers)
    if component.blood_group is not None and status.group is not None and component.blood_group != status.group:
        # released before, held back since: its printed label must still tell the truth
        blockers.append(LABELLED_OTHER_GROUP(label=component.blood_group, group=status.group or "?"))
    if component.code in PLASMA_RICH:
        if status.antibody_screen == AntibodyScreen.POSITIVE:
            blockers.append(ANTIBODY_POSITIVE())
        elif status.antibody_screen == AntibodyScreen.NOT_DONE:
            blockers.append(ANTIBODY_NOT_DONE())
    if now is not None and shelf_life.is_expired(component.expires_at, now):
        blockers.append(UNIT_EXPIRED(expires=_minute(component.expires_at)))
    return tuple(blockers)


def get_component(uow: UnitOfWork, component_id: uuid.UUID) -> Component:
    component = uow.session.get(Component, component_id)
    if component is None:
        raise NotFound(NO_COMPONENT(), code="no_component")
    return component


def transition(uow: UnitOfWork, component: Component, target: ComponentStatus) -> None:
    """Change a component's status: legal transitions only, and release only through the release guard."""
    component_states.check_transition(component.status, target)
    if component.status == ComponentStatus.QUARANTINE and target == ComponentStatus.AVAILABLE:
        blockers = release_blockers(uow.session, component, uow.now)
        if blockers:
            raise SafetyError(NOT_RELEASABLE(din=component.din, reasons=blockers), code="not_releasable")
        component.blood_group = lab_status(uow.session, component.donation_id).group
    if target != ComponentStatus.RESERVED:
        component.reserved_for_request_id = None
    component.status = target


def donation_of(uow: UnitOfWork, component: Component) -> Donation:
    donation = uow.session.get(Donation, component.donation_id)
    assert donation is not None
    return donation


def unit_info(component: Component) -> UnitInfo:
    return UnitInfo(
        component.id,
        component.donation_id,
        component.din,
        component.code,
        component.division,
        component.volume_ml,
        ComponentStatus(component.status),
        component.blood_group,
        component.expires_at,
        component.storage_location,
    )


def units_of(session: Session, donation_id: uuid.UUID) -> list[Component]:
    """Every component of a donation, in catalogue order."""
    rows = session.scalars(select(Component).where(Component.donation_id == donation_id)).all()
    return sorted(rows, key=lambda c: (_catalogue_order(c.code), c.division))


def release_quarantined(uow: UnitOfWork, donation_id: uuid.UUID) -> tuple[list[Component], list[HeldUnit]]:
    """Release every quarantined unit of a donation that the guard allows; the others stay, with their reasons."""
    released: list[Component] = []
    held: list[HeldUnit] = []
    for component in units_of(uow.session, donation_id):
        if component.status != S.QUARANTINE:
            continue
        blockers = release_blockers(uow.session, component, uow.now)
        if blockers:
            held.append(HeldUnit(component.id, component.din, component.code, blockers))
        else:
            transition(uow, component, S.AVAILABLE)
            released.append(component)
    return released, held


# ---------------------------------------------------------------------------------------------------------------
# use cases


def separate(
    uow: UnitOfWork,
    donation_id: uuid.UUID,
    parts: list[tuple[str, int]],
    storage_location: str | None = None,
) -> list[SeparatedComponent]:
    """Prepare components (code, volume in ml) from a donation's bag, in quarantine; released at once if the
    laboratory has already cleared the donation, unsafe at once if it has found a reactive or indeterminate marker."""
    actor = uow.require(Action.SEPARATE_COMPONENTS)
    donation = _donation(uow, donation_id)
    if not parts:
        raise InvalidInput(NO_PARTS(din=donation.din), field="parts")
    location = _optional_text(storage_location, STORAGE_LOCATION_MAX, STORAGE_LOCATION, "storage_location")
    apheresis = donation.donation_type == DonationType.APHERESIS
    bleed_minutes = (donation.bleed_end - donation.bleed_start).total_seconds() / 60
    hours = max((uow.now - donation.bleed_end).total_seconds() / 3600, 0.0)
    preparation = catalogue.preparable(donation.bag_type, bleed_minutes, hours)
    existing = {c.code for c in units_of(uow.session, donation.id)}
    max_volume = donation.collected_volume_ml + round(catalogue.anticoagulant_ml(donation.collected_volume_ml))
    codes: list[str] = []
    for code, volume in parts:
        name = catalogue.component(code).name  # an unknown code is refused here, naming the valid ones
        if code in codes:
            raise InvalidInput(PART_TWICE(component=name), field="parts")
        if code in existing:
            raise DuplicateError(ALREADY_PREPARED(component=name, din=donation.din), field="parts")
        if apheresis and code != catalogue.PLT_SDP:
            sdp = catalogue.component(catalogue.PLT_SDP).name
            raise InvalidInput(APHERESIS_YIELDS_SDP(din=donation.din, sdp=sdp, component=name), field="parts")
        if not apheresis and code in preparation.refused:
            raise SafetyError(preparation.refused[code], code="not_preparable", field="parts")
        if isinstance(volume, bool) or not isinstance(volume, int) or not 0 < volume <= max_volume:
            raise InvalidInput(BAD_VOLUME(component=name, maximum=max_volume), field="parts")
        codes.append(code)
    # the bag has one satellite bag per component: everything made from it must fit one of its designs
    wanted = existing | set(codes)
    designs = ((catalogue.PLT_SDP,),) if apheresis else catalogue.BAG_YIELDS.value[donation.bag_type]
    if not any(wanted <= set(design) for design in designs):
        options = " | ".join("+".join(design) for design in designs)
        raise InvalidInput(
            NOT_FROM_ONE_BAG(
                codes="+".join(sorted(wanted, key=_catalogue_order)),
                bag=catalogue.BAG_TYPE_NAMES[donation.bag_type],
                din=donation.din,
                options=options,
            ),
            field="parts",
        )
    made: list[Component] = []
    for code, volume in parts:
        expires = shelf_life.expiry(code, donation.collected_at)
        if shelf_life.is_expired(expires, uow.now):
            raise SafetyError(
                EXPIRED_BEFORE_PREPARED(
                    component=catalogue.component(code).name, din=donation.din, expires=_minute(expires)
                ),
                code="expired",
                field="parts",
            )
        component = Component(
            donation_id=donation.id,
            din=donation.din,
            code=code,
            division="00",
            volume_ml=volume,
            prepared_at=uow.now,
            expires_at=expires,
            status=S.QUARANTINE,
            blood_group=None,
            storage_location=location,
            prepared_by_id=actor.user_id,
        )
        uow.add(component)
        made.append(component)
    uow.session.flush()
    status = lab_status(uow.session, donation.id)
    result: list[SeparatedComponent] = []
    for component in made:
        held: tuple[Text, ...] = ()
        if status.verified and status.unsafe_markers:
            transition(uow, component, S.UNSAFE)
        else:
            held = release_blockers(uow.session, component, uow.now)
            if not held:
                transition(uow, component, S.AVAILABLE)
        result.append(
            SeparatedComponent(
                component.id,
                component.din,
                component.code,
                component.volume_ml,
                component.expires_at,
                ComponentStatus(component.status),
                component.blood_group,
                held,
            )
        )
    uow.audit(
        "separate_components",
        donation,
        din=donation.din,
        component_ids=[str(c.id) for c in made],
        codes=[c.code for c in made],
        statuses=[str(c.status) for c in made],
    )
    return result


def discard(
    uow: UnitOfWork, component_id: uuid.UUID, reason: DiscardReason | str, detail: str | None = None
) -> Discarded:
    """Record a discard with its reason and take the unit out of use for good (issued units come back as returns)."""
    actor = uow.require(Action.DISCARD)
    try:
        reason = DiscardReason(reason)
    except ValueError:
        reasons = ", ".join(r.value for r in DiscardReason)
        raise InvalidInput(BAD_DISCARD_REASON(reason=reason, reasons=reasons), field="reason") from None
    detail = _optional_text(detail, DISCARD_DETAIL_MAX, DISCARD_DETAIL, "detail")
    component = get_component(uow, component_id)
    if component.status == S.ISSUED:
        name = catalogue.component(component.code).name
        raise StateError(DISCARD_ISSUED(din=component.din, component=name), code="issued")
    component_states.check_transition(component.status, S.DISCARDED)
    if reason == DiscardReason.OTHER and detail is None:
        raise InvalidInput(DISCARD_NEEDS_DETAIL(din=component.din), field="detail")
    if (
        reason == DiscardReason.EXPIRED
        and component.status != S.EXPIRED
        and not shelf_life.is_expired(component.expires_at, uow.now)
    ):
        raise InvalidInput(
            DISCARD_NOT_EXPIRED(din=component.din, expires=_minute(component.expires_at)), field="reason"
        )
    row = Discard(
        component_id=component.id, reason=reason, detail=detail, discarded_at=uow.now, discarded_by_id=actor.user_id
    )
    uow.add(row)
    previous = component.status
    transition(uow, component, S.DISCARDED)
    uow.audit(
        "discard_component", row, component_id=component.id, din=component.din, reason=reason, previous_status=previous
    )
    return Discarded(row.id, component.id, component.din, component.code, reason)


def expire_due(uow: UnitOfWork) -> int:
    """Mark every quarantined, available or reserved unit whose expiry has passed as expired; returns how many.

    Housekeeping that only records what the clock has decided, so any signed-in user's session (or the app with
    no user) may run it.
    """
    due = uow.session.scalars(
        select(Component)
        .where(Component.status.in_([S.QUARANTINE, S.AVAILABLE, S.RESERVED]), Component.expires_at <= uow.now)
        .order_by(Component.expires_at)
    ).all()
    for component in due:
        transition(uow, component, S.EXPIRED)
    if due:
        uow.audit("expire_components", None, count=len(due), component_ids=[str(c.id) for c in due])
    return len(due)


def hold_uncleared_stock(uow: UnitOfWork, donation_ids: Iterable[uuid.UUID]) -> list[UnitInfo]:
    """Put back in quarantine every unit in stock of these donations that the release guard would now refuse.

    A sync can change what a unit's clearance rests on without any service running here: results corrected or
    entered on another machine, a verification elsewhere, the donor grouped differently at another centre. Whatever
    arrived, a unit in stock must keep a verified clean result behind it; one that has lost it is held until the
    laboratory settles it (verification then re-releases or withdraws it, as after a correction made here).
    """
    wanted = list(dict.fromkeys(donation_ids))
    held: list[Component] = []
    for start in range(0, len(wanted), 500):
        units = uow.session.scalars(
            select(Component).where(
                Component.donation_id.in_(wanted[start : start + 500]), Component.status.in_([S.AVAILABLE, S.RESERVED])
            )
        ).all()
        for unit in units:
            if release_blockers(uow.session, unit):
                transition(uow, unit, S.QUARANTINE)
                held.append(unit)
    if held:
        uow.audit("hold_uncleared_stock", None, component_ids=[str(c.id) for c in held])
    return [unit_info(c) for c in held]


def release_donation(uow: UnitOfWork, donation_id: uuid.UUID) -> ReleaseOutcome:
    """Release a donation's quarantined units explicitly; refuses, with every reason, when none may leave."""
    uow.require(Action.RELEASE_COMPONENTS)
    donation = _donation(uow, donation_id)
    if not any(c.status == S.QUARANTINE for c in units_of(uow.session, donation.id)):
        raise StateError(NOTHING_IN_QUARANTINE(din=donation.din), code="nothing_in_quarantine")
    released, held = release_quarantined(uow, donation.id)
    if not released:
        reasons = [UNIT_HELD(component=catalogue.component(h.code).name, reasons=h.reasons) for h in held]
        raise SafetyError(NONE_RELEASABLE(din=donation.din, reasons=reasons), code="not_releasable")
    uow.audit(
        "release_components",
        donation,
        din=donation.din,
        released=[str(c.id) for c in released],
        held=[str(h.id) for h in held],
    )
    return ReleaseOutcome(donation.id, donation.din, tuple(unit_info(c) for c in released), tuple(held))


# ---------------------------------------------------------------------------------------------------------------
# read side


def stock(session: Session, now: datetime) -> StockSummary:
    """Available units not expired at ``now``, by group and component; expiry warnings; quarantine count."""
    rows = session.execute(
        select(Component.blood_group, Component.code, Component.expires_at).where(
            Component.status == S.AVAILABLE, Component.expires_at > now
        )
    ).all()
    by_line = Counter((group, code) for group, code, _ in rows)
    soon, later = (now + timedelta(hours=h) for h in EXPIRY_WARNING_HOURS.value)
    quarantine = session.scalar(
        select(func.count()).select_from(Component).where(Component.status == S.QUARANTINE, Component.expires_at > now)
    )
    lines = tuple(
        StockLine(group, code, count)
        for (group, code), count in sorted(by_line.items(), key=lambda kv: (kv[0][0] or "", _catalogue_order(kv[0][1])))
    )
    return StockSummary(
        at=now,
        available=lines,
        total_available=len(rows),
        expiring_24h=sum(1 for *_, expires in rows if expires <= soon),
        expiring_72h=sum(1 for *_, expires in rows if expires <= later),
        quarantine=quarantine or 0,
    )


def find_units(session: Session, din: str) -> list[UnitInfo]:
    """Every component of the donation with this DIN, as scanned or typed (ISBT 128 or a local unit number)."""
    text = "".join(din.split()).upper()
    try:
        number = isbt128.parse(din).din
    except isbt128.InvalidDin:
        number = None
    rows = session.scalars(select(Component).where(Component.din == (number or text))).all()
    if not rows and number is None:
        isbt128.parse(din)  # neither an ISBT 128 DIN nor a known local number: say what is wrong with it
    return [unit_info(c) for c in sorted(rows, key=lambda c: (_catalogue_order(c.code), c.division))]


# ---------------------------------------------------------------------------------------------------------------
# helpers


def _donation(uow: UnitOfWork, donation_id: uuid.UUID) -> Donation:
    donation = uow.session.get(Donation, donation_id)
    if donation is None:
        raise NotFound(NO_DONATION(), code="no_donation")
    if donation.voided_at is not None:
        raise StateError(DONATION_VOID(din=donation.din), code="donation_void")
    return donation


def _optional_text(value: str | None, maximum: int, what: object, field: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > maximum:
        raise InvalidInput(TEXT_TOO_LONG(what=what, maximum=maximum), field=field)
    return value or None


def _catalogue_order(code: str) -> int:
    return catalogue.CODES.index(code) if code in catalogue.CODES else len(catalogue.CODES)


def _minute(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")
