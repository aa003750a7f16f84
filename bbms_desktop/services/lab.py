"""The laboratory: grouping and TTI results entered by one technician, verified by another, and what follows.

A result set counts only once a different technician has verified it. Verification is where the laboratory's
verdict takes effect, in the same transaction: a reactive or indeterminate marker makes every unused unit of the
donation unsafe, defers the donor and lists any unit already issued for look-back; a clean, verified result with a
confirmed group records the donor's group and releases the donation's quarantined units through the release guard
of ``services.components``. A correction is a new result set that supersedes the current one (the old one is voided
with the reason). Units in stock go back to quarantine as soon as it is entered (a hold: an unverified correction
clears nothing); once it is verified, units that the new results support exactly as labelled are released again,
the others are withdrawn as unsafe (never relabelled), and issued ones are reported for look-back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from bbms_desktop.errors import DuplicateError, InvalidInput, NotFound, NotPermitted, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import Component, Deferral, Donation, Donor, Issue, LabResultSet, LabVerification
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import eligibility, grouping, shelf_life
from bbms_desktop.rules.eligibility import Deferment
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import (
    LABELS,
    TTI_MARKERS,
    Agglutination,
    AntibodyScreen,
    ComponentStatus,
    TtiResult,
)
from bbms_desktop.services import components
from bbms_desktop.services.components import UNSAFE_RESULTS, HeldUnit, UnitInfo
from bbms_desktop.services.uow import UnitOfWork

S = ComponentStatus

# --------------------------------------------------------------------------------------------------------------------
# How long a reactive or indeterminate screening result defers the donor (DOMAIN.md §2: automatic; the medical
# officer decides counselling and referral). Counted from the day of verification, when the centre learns it.
#
# HIV, HBsAg and HCV: permanent (NBTC 2017 via rules.eligibility). For syphilis and malaria the NBTC 2017 text could
# not be checked while writing this (no copy of the guideline was at hand): the periods below are this project's
# reading, tagged LOCAL_SOP for the site's medical officer to confirm.
SYPHILIS_REACTIVE_DEFERMENT = Rule(
    Deferment(months=12),
    LOCAL_SOP,
    note="NBTC 2017 text not confirmed; 12 months as for treated syphilis / STI elsewhere (EU Directive 2004/33/EC "
    "Annex III: 1 year after confirmed cure); the donor is referred for treatment, the medical officer may extend",
)
MALARIA_REACTIVE_DEFERMENT = Rule(
    eligibility.MALARIA_DEFERMENT.value,
    LOCAL_SOP,
    note="the questionnaire's malaria period (rules.eligibility: 3 months after full treatment; the older D&C Rules "
    "table: 3 months in endemic areas); the donor is referred for treatment",
)
INDETERMINATE_DEFERMENT = Rule(
    Deferment(months=6),
    LOCAL_SOP,
    note="retest after the serological window periods; never longer than a reactive result of the same marker "
    "would defer, and never permanent: only a reactive (repeatedly positive) result defers for ever",
)
REACTIVE_DEFERMENT: dict[str, Rule[Deferment]] = {
    "hiv": eligibility.HIV_HEPATITIS_INFECTION_DEFERMENT,
    "hbsag": eligibility.HIV_HEPATITIS_INFECTION_DEFERMENT,
    "hcv": eligibility.HIV_HEPATITIS_INFECTION_DEFERMENT,
    "syphilis": SYPHILIS_REACTIVE_DEFERMENT,
    "malaria": MALARIA_REACTIVE_DEFERMENT,
}

KIT_MAX, LOT_MAX, NOTES_MAX, REASON_MAX = 60, 40, 1000, 500

NO_DONATION = QT_TRANSLATE_NOOP("Lab", "No donation with this number was found.")
DONATION_VOID = QT_TRANSLATE_NOOP("Lab", "Donation {din} was voided: results cannot be recorded for it.")
NO_RESULT_SET = QT_TRANSLATE_NOOP("Lab", "No laboratory result set with this number was found.")
BAD_REACTION = QT_TRANSLATE_NOOP(
    "Lab", "The {reagent} reaction {value!r} is not a reading: enter negative, weak or positive."
)
BAD_SCREEN = QT_TRANSLATE_NOOP(
    "Lab", "The antibody screen {value!r} is not a result: enter negative, positive or not done."
)
BAD_TTI = QT_TRANSLATE_NOOP(
    "Lab", "The {marker} result {value!r} is not a result: enter non-reactive, reactive, indeterminate or not done."
)
KIT_NEEDED = QT_TRANSLATE_NOOP(
    "Lab", "Enter the kit and the lot number used for {marker}: every tested marker must be traceable to its kit."
)
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Lab", "The {what} may be at most {maximum} characters long.")
KIT = QT_TRANSLATE_NOOP("Lab", "kit name")
LOT = QT_TRANSLATE_NOOP("Lab", "lot number")
NOTES = QT_TRANSLATE_NOOP("Lab", "notes")
REASON = QT_TRANSLATE_NOOP("Lab", "correction reason")
CORRECTION_NEEDS_REASON = QT_TRANSLATE_NOOP(
    "Lab",
    "Donation {din} already has results entered on {entered}: this entry corrects them, so say why (for example "
    '"HBsAg repeated in duplicate").',
)
NOTHING_TO_CORRECT = QT_TRANSLATE_NOOP(
    "Lab",
    "Donation {din} has no results yet, so there is nothing to correct: check the DIN, or leave the reason empty.",
)
NOT_CURRENT = QT_TRANSLATE_NOOP(
    "Lab", "These results of donation {din} were replaced by a correction: verify the correction instead."
)
ALREADY_VERIFIED = QT_TRANSLATE_NOOP("Lab", "These results of donation {din} are already verified.")
SAME_TECHNICIAN = QT_TRANSLATE_NOOP(
    "Lab",
    "You entered these results of donation {din}, so you cannot verify them: a second laboratory technician must "
    "check them against the worksheet and verify.",
)
DONOR_GROUP_DISAGREES = QT_TRANSLATE_NOOP(
    "Lab",
    "Donation {din} groups as {group} but the donor's recorded group is {donor_group}: check the sample identity and "
    "regroup; no unit is released until this is resolved.",
)
SUPERSEDED_REASON = QT_TRANSLATE_NOOP("Lab", "superseded by a correction: {reason}")

WAITING_FOR_ENTRY = "awaiting_entry"
WAITING_FOR_VERIFICATION = "awaiting_verification"


# --------------------------------------------------------------------------------------------------------------------
# forms and results


@dataclass(frozen=True, slots=True)
class MarkerResult:
    """One TTI marker as read: the result and the kit and lot it was tested with (none when not done)."""

    result: TtiResult | str
    kit: str | None = None
    lot: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultForm:
    """One donation's grouping, antibody screen and five TTI markers, as entered from the worksheet."""

    # forward grouping: the donor's cells against antisera
    anti_a: Agglutination | str
    anti_b: Agglutination | str
    anti_ab: Agglutination | str
    anti_d: Agglutination | str
    # reverse grouping: the donor's plasma against reagent cells
    a_cells: Agglutination | str
    b_cells: Agglutination | str
    o_cells: Agglutination | str
    antibody_screen: AntibodyScreen | str
    hiv: MarkerResult
    hbsag: MarkerResult
    hcv: MarkerResult
    syphilis: MarkerResult
    malaria: MarkerResult
    notes: str | None = None
    # required when the donation already has results: this entry then corrects (supersedes) them
    correction_reason: str | None = None


@dataclass(frozen=True, slots=True)
class RecordedResults:
    result_set_id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    interpreted_group: str | None  # None when the grouping has a discrepancy
    discrepancies: tuple[Text, ...]
    supersedes_id: uuid.UUID | None  # the result set this one corrects
    not_done: tuple[str, ...]  # markers saved as not done: they block release until a correction records them
    held_back: tuple[UnitInfo, ...] = ()  # released units put back in quarantine until the correction is verified


@dataclass(frozen=True, slots=True)
class DeferralInfo:
    id: uuid.UUID
    donor_id: uuid.UUID
    reason_code: str
    permanent: bool
    starts_on: date
    until: date | None  # the first day the donor may donate again; None when permanent


@dataclass(frozen=True, slots=True)
class LookBackUnit:
    """A unit of the donation already issued (or transfused) when the laboratory found it should not have been."""

    component_id: uuid.UUID
    din: str
    code: str
    status: ComponentStatus
    issue_id: uuid.UUID | None
    request_id: uuid.UUID | None
    issued_at: datetime | None


@dataclass(frozen=True, slots=True)
class Verification:
    verification_id: uuid.UUID
    result_set_id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    unsafe_markers: tuple[str, ...]  # markers reactive or indeterminate
    released: tuple[UnitInfo, ...]
    held: tuple[HeldUnit, ...]  # still in quarantine, with the reasons
    made_unsafe: tuple[UnitInfo, ...]
    look_back: tuple[LookBackUnit, ...]  # issued units: trace the recipients
    deferrals: tuple[DeferralInfo, ...]
    discrepancies: tuple[Text, ...]  # grouping problems that keep every unit in quarantine
    donor_group_set: str | None  # the donor's group, when this verification recorded it


@dataclass(frozen=True, slots=True)
class WorklistItem:
    donation_id: uuid.UUID
    din: str
    collected_at: datetime
    state: str  # WAITING_FOR_ENTRY or WAITING_FOR_VERIFICATION
    result_set_id: uuid.UUID | None
    entered_by_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class PendingVerification:
    result_set_id: uuid.UUID
    donation_id: uuid.UUID
    din: str
    entered_by_id: uuid.UUID  # the one technician who may not verify it
    entered_at: datetime
    is_correction: bool


# --------------------------------------------------------------------------------------------------------------------
# use cases


def record_results(uow: UnitOfWork, donation_id: uuid.UUID, form: ResultForm) -> RecordedResults:
    """Save a donation's results with the interpreted group; a second entry corrects (supersedes) the current one."""
    actor = uow.require(Action.ENTER_LAB_RESULTS)
    donation = uow.session.get(Donation, donation_id)
    if donation is None:
        raise NotFound(NO_DONATION(), code="no_donation")
    if donation.voided_at is not None:
        raise StateError(DONATION_VOID(din=donation.din), code="donation_void")
    reactions = {name: _reaction(getattr(form, name), name) for name in _REAGENTS}
    screen = _choice(AntibodyScreen, form.antibody_screen, BAD_SCREEN(value=form.antibody_screen), "antibody_screen")
    markers = {m: _marker(m, getattr(form, m)) for m in TTI_MARKERS}
    notes = _text(form.notes, NOTES_MAX, NOTES, "notes")
    reason = _text(form.correction_reason, REASON_MAX, REASON, "correction_reason")
    current = components.current_results(uow.session, donation.id)
    if current is not None and reason is None:
        raise InvalidInput(
            CORRECTION_NEEDS_REASON(din=donation.din, entered=current.entered_at.strftime("%Y-%m-%d %H:%M")),
            field="correction_reason",
        )
    if current is None and reason is not None:
        raise InvalidInput(NOTHING_TO_CORRECT(din=donation.din), field="correction_reason")
    donor = uow.session.get(Donor, donation.donor_id)
    assert donor is not None
    interpretation = grouping.interpret(
        grouping.Forward(reactions["anti_a"], reactions["anti_b"], reactions["anti_ab"], reactions["anti_d"]),
        grouping.Reverse(reactions["a_cells"], reactions["b_cells"], reactions["o_cells"]),
        donor.blood_group,
    )
    tti_fields: dict[str, object] = {}
    for marker, (result, kit, lot) in markers.items():
        tti_fields.update({marker: result, f"{marker}_kit": kit, f"{marker}_lot": lot})
    row = LabResultSet(
        donation_id=donation.id,
        supersedes_id=current.id if current is not None else None,
        correction_reason=reason if current is not None else None,
        interpreted_group=interpretation.group,
        antibody_screen=screen,
        entered_by_id=actor.user_id,
        entered_at=uow.now,
        notes=notes,
        **reactions,
        **tti_fields,
    )
    if current is not None:
        # the corrected set stays on record, voided with the reason (SYNC.md principle 5)
        current.voided_at = uow.now
        current.void_reason = SUPERSEDED_REASON(reason=reason).render()[:REASON_MAX]
        current.voided_by_id = actor.user_id
    uow.add(row)
    uow.session.flush()
    # Units released on the results being corrected leave stock at once (a hold): until a second technician verifies
    # the correction nobody knows whether they are safe. Verification re-releases or withdraws them.
    held_back = _hold_released_units(uow, donation.id) if current is not None else []
    not_done = tuple(m for m, (result, _, _) in markers.items() if result == TtiResult.NOT_DONE)
    uow.audit(
        "correct_lab_results" if current is not None else "record_lab_results",
        row,
        donation_id=donation.id,
        din=donation.din,
        interpreted_group=interpretation.group,
        supersedes_id=row.supersedes_id,
        reason=reason,
        held_back=[str(c.id) for c, _ in held_back],
        reservations_released=[str(r) for _, r in held_back if r is not None],
    )
    return RecordedResults(
        row.id,
        donation.id,
        donation.din,
        interpretation.group,
        interpretation.discrepancies,
        row.supersedes_id,
        not_done,
        tuple(components.unit_info(c) for c, _ in held_back),
    )


def verify(uow: UnitOfWork, result_set_id: uuid.UUID) -> Verification:
    """A second technician verifies a result set; its consequences for the units and the donor follow at once."""
    actor = uow.require(Action.VERIFY_LAB_RESULTS)
    results = uow.session.get(LabResultSet, result_set_id)
    if results is None:
        raise NotFound(NO_RESULT_SET(), code="no_result_set")
    donation = uow.session.get(Donation, results.donation_id)
    assert donation is not None
    current = components.current_results(uow.session, donation.id)
    if current is None or current.id != results.id:
        raise StateError(NOT_CURRENT(din=donation.din), code="superseded")
    if uow.session.scalar(select(LabVerification.id).where(LabVerification.result_set_id == results.id)):
        raise DuplicateError(ALREADY_VERIFIED(din=donation.din), code="already_verified")
    if results.entered_by_id == actor.user_id:
        raise NotPermitted(SAME_TECHNICIAN(din=donation.din), code="same_user")
    verification = LabVerification(result_set_id=results.id, verified_by_id=actor.user_id, verified_at=uow.now)
    uow.add(verification)

    donor = uow.session.get(Donor, donation.donor_id)
    assert donor is not None
    unsafe_markers = tuple(m for m in TTI_MARKERS if getattr(results, m) in UNSAFE_RESULTS)
    discrepancies: list[Text] = []
    donor_group_set = None
    group = results.interpreted_group
    if group is None:
        # the reasons were shown at entry; say them again to the verifier
        discrepancies += _interpret(results, donor.blood_group).discrepancies
    elif donor.blood_group is not None and donor.blood_group != group:
        # another donation of this donor was grouped since these results were entered
        discrepancies.append(DONOR_GROUP_DISAGREES(din=donation.din, group=group, donor_group=donor.blood_group))
    elif donor.blood_group is None and all(getattr(results, m) == TtiResult.NON_REACTIVE for m in TTI_MARKERS):
        donor.blood_group = donor_group_set = group
    uow.session.flush()

    released, held, made_unsafe, look_back = _apply_to_units(uow, donation.id, unsafe_markers)
    deferrals = _defer_donor(uow, donor, donation, results, actor.user_id)
    uow.audit(
        "verify_lab_results",
        verification,
        result_set_id=results.id,
        donation_id=donation.id,
        din=donation.din,
        unsafe_markers=list(unsafe_markers),
        released=[str(c.id) for c in released],
        made_unsafe=[str(c.id) for c in made_unsafe],
        look_back=[str(u.component_id) for u in look_back],
        deferrals=[str(d.id) for d in deferrals],
        donor_group_set=donor_group_set,
    )
    return Verification(
        verification.id,
        results.id,
        donation.id,
        donation.din,
        unsafe_markers,
        tuple(components.unit_info(c) for c in released),
        tuple(held),
        tuple(components.unit_info(c) for c in made_unsafe),
        tuple(look_back),
        tuple(deferrals),
        tuple(discrepancies),
        donor_group_set,
    )


# --------------------------------------------------------------------------------------------------------------------
# read side


def worklist_horizon(now: datetime) -> datetime:
    """The oldest collection the worklist looks at: one longest shelf life ago (FFP and cryo, a year). An untested
    donation older than that can yield no usable unit, and bounding the range keeps the worklist a range scan of the
    collection-time index however many years of history the profile holds."""
    return now - max(shelf_life.expiry(code, now) - now for code in catalogue.CODES)


def worklist(session: Session, now: datetime | None = None) -> list[WorklistItem]:
    """Donations whose current results are not yet verified (or not yet entered), oldest collection first, within
    :func:`worklist_horizon`."""
    items: list[WorklistItem] = []
    since = worklist_horizon(now or datetime.now(UTC))
    donations = session.scalars(
        select(Donation)
        .where(
            Donation.collected_at >= since,
            Donation.voided_at.is_(None),
            ~exists().where(_verified_current(Donation.id)),
        )
        .order_by(Donation.collected_at, Donation.din)
    )
    for donation in donations:
        results = components.current_results(session, donation.id)
        items.append(
            WorklistItem(
                donation.id,
                donation.din,
                donation.collected_at,
                WAITING_FOR_ENTRY if results is None else WAITING_FOR_VERIFICATION,
                results.id if results is not None else None,
                results.entered_by_id if results is not None else None,
            )
        )
    return items


def pending_verification(session: Session, now: datetime | None = None) -> list[PendingVerification]:
    """Current result sets waiting for a second technician, oldest entry first, for donations collected within
    :func:`worklist_horizon` (a range of the collection index, then each donation's result sets by its index)."""
    superseding = aliased(LabResultSet)
    since = worklist_horizon(now or datetime.now(UTC))
    rows = session.execute(
        select(LabResultSet, Donation.din)
        .join(Donation, Donation.id == LabResultSet.donation_id)
        .where(
            Donation.collected_at >= since,
            Donation.voided_at.is_(None),
            LabResultSet.voided_at.is_(None),
            ~exists().where(superseding.supersedes_id == LabResultSet.id),
            ~exists().where(LabVerification.result_set_id == LabResultSet.id),
        )
        .order_by(LabResultSet.entered_at, LabResultSet.id)
    ).all()
    return [
        PendingVerification(r.id, r.donation_id, din, r.entered_by_id, r.entered_at, r.supersedes_id is not None)
        for r, din in rows
    ]


# --------------------------------------------------------------------------------------------------------------------
# consequences


def _hold_released_units(uow: UnitOfWork, donation_id: uuid.UUID) -> list[tuple[Component, uuid.UUID | None]]:
    """Put the donation's units in stock (available or reserved) back in quarantine; each with the request it was
    reserved for, whose reservation lapses."""
    held: list[tuple[Component, uuid.UUID | None]] = []
    for unit in components.units_of(uow.session, donation_id):
        if unit.status in (S.AVAILABLE, S.RESERVED):
            reserved_for = unit.reserved_for_request_id if unit.status == S.RESERVED else None
            components.transition(uow, unit, S.QUARANTINE)
            held.append((unit, reserved_for))
    return held


def _apply_to_units(
    uow: UnitOfWork, donation_id: uuid.UUID, unsafe_markers: tuple[str, ...]
) -> tuple[list[Component], list[HeldUnit], list[Component], list[LookBackUnit]]:
    """Release, withdraw or report each unit of the donation according to its now-verified current results."""
    status = components.lab_status(uow.session, donation_id)
    made_unsafe: list[Component] = []
    look_back: list[LookBackUnit] = []
    for unit in components.units_of(uow.session, donation_id):
        # a unit with a group on it was released once and labelled (held back since if it is in quarantine now)
        labelled = unit.status in (S.AVAILABLE, S.RESERVED, S.ISSUED, S.TRANSFUSED) or (
            unit.status == S.QUARANTINE and unit.blood_group is not None
        )
        if not labelled and not (unsafe_markers and unit.status == S.QUARANTINE):
            continue
        # a labelled unit must stay backed by the current verified results, with the group on its label; one that
        # is not is withdrawn, never relabelled
        unsupported = (
            bool(unsafe_markers)
            or bool(components.release_blockers(uow.session, unit))
            or (unit.blood_group != status.group)
        )
        if not unsupported:
            continue
        if unit.status in (S.ISSUED, S.TRANSFUSED):
            look_back.append(_look_back(uow.session, unit))
        else:
            components.transition(uow, unit, S.UNSAFE)
            made_unsafe.append(unit)
    released, held = ([], []) if unsafe_markers else components.release_quarantined(uow, donation_id)
    return released, held, made_unsafe, look_back


def _look_back(session: Session, unit: Component) -> LookBackUnit:
    issue = session.scalars(
        select(Issue)
        .where(Issue.component_id == unit.id, Issue.voided_at.is_(None))
        .order_by(Issue.issued_at.desc())
        .limit(1)
    ).first()
    return LookBackUnit(
        unit.id,
        unit.din,
        unit.code,
        ComponentStatus(unit.status),
        issue.id if issue else None,
        issue.request_id if issue else None,
        issue.issued_at if issue else None,
    )


def _defer_donor(
    uow: UnitOfWork, donor: Donor, donation: Donation, results: LabResultSet, decided_by: uuid.UUID
) -> list[DeferralInfo]:
    """One deferral per reactive or indeterminate marker, unless this donation already deferred for it."""
    today = uow.now.date()
    recorded = set(
        uow.session.scalars(
            select(Deferral.reason_code).where(Deferral.donor_id == donor.id, Deferral.donation_id == donation.id)
        )
    )
    made: list[DeferralInfo] = []
    for marker in TTI_MARKERS:
        result = TtiResult(getattr(results, marker))
        if result not in UNSAFE_RESULTS:
            continue
        code = f"TTI_{marker.upper()}_{result.value.upper()}"
        if code in recorded:
            continue
        deferment = _deferment(marker, result, today)
        row = Deferral(
            donor_id=donor.id,
            reason_code=code,
            detail=None,
            permanent=deferment.permanent,
            starts_on=today,
            until=deferment.ends(today),
            visit_id=None,
            donation_id=donation.id,
            decided_by_id=decided_by,
        )
        uow.add(row)
        made.append(DeferralInfo(row.id, donor.id, code, row.permanent, today, row.until))
    return made


def _deferment(marker: str, result: TtiResult, start: date) -> Deferment:
    reactive = REACTIVE_DEFERMENT[marker].value
    if result == TtiResult.REACTIVE:
        return reactive
    unclear = INDETERMINATE_DEFERMENT.value
    if reactive.permanent:
        return unclear
    reactive_end, unclear_end = reactive.ends(start), unclear.ends(start)
    assert reactive_end is not None and unclear_end is not None
    return reactive if reactive_end < unclear_end else unclear


# --------------------------------------------------------------------------------------------------------------------
# helpers

_REAGENTS: dict[str, str] = {
    "anti_a": "anti-A",
    "anti_b": "anti-B",
    "anti_ab": "anti-AB",
    "anti_d": "anti-D",
    "a_cells": "A cells",
    "b_cells": "B cells",
    "o_cells": "O cells",
}


def _verified_current(donation_id: object) -> object:
    """SQL condition: the donation has a current result set verified by someone other than its enterer."""
    superseded = select(LabResultSet.supersedes_id).where(LabResultSet.supersedes_id.is_not(None))
    return (
        (LabResultSet.donation_id == donation_id)
        & LabResultSet.voided_at.is_(None)
        & LabResultSet.id.not_in(superseded)
        & (LabVerification.result_set_id == LabResultSet.id)
        & (LabVerification.verified_by_id != LabResultSet.entered_by_id)
    )


def _interpret(results: LabResultSet, previous_group: str | None) -> grouping.Grouping:
    return grouping.interpret(
        grouping.Forward(results.anti_a, results.anti_b, results.anti_ab, results.anti_d),
        grouping.Reverse(results.a_cells, results.b_cells, results.o_cells),
        previous_group,
    )


def _choice(enum_class: type, value: object, error: Text, field: str) -> object:
    try:
        return enum_class(value)
    except ValueError:
        raise InvalidInput(error, field=field) from None


def _reaction(value: object, name: str) -> Agglutination:
    return _choice(Agglutination, value, BAD_REACTION(reagent=_REAGENTS[name], value=value), name)  # type: ignore[return-value]


def _marker(marker: str, entry: MarkerResult) -> tuple[TtiResult, str | None, str | None]:
    label = LABELS[marker]
    result: TtiResult = _choice(TtiResult, entry.result, BAD_TTI(marker=label, value=entry.result), marker)  # type: ignore[assignment]
    kit = _text(entry.kit, KIT_MAX, KIT, f"{marker}_kit")
    lot = _text(entry.lot, LOT_MAX, LOT, f"{marker}_lot")
    if result != TtiResult.NOT_DONE and (kit is None or lot is None):
        raise InvalidInput(KIT_NEEDED(marker=label), field=f"{marker}_kit" if kit is None else f"{marker}_lot")
    return result, kit, lot


def _text(value: str | None, maximum: int, what: Msg, field: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > maximum:
        raise InvalidInput(TEXT_TOO_LONG(what=what, maximum=maximum), field=field)
    return value or None
