"""Collection: the bag, its DIN and the bleed, recorded for a donor found fit at today's screening.

The guards are the safety invariant of this step: blood is drawn only on an eligible, unvoided screening visit of
today that has no donation yet, from a donor with no deferral in force now (one may have been recorded, or synced
from another centre, since the screening) and no other donation since, into the bag volume the screening assessed
(the weight rule depends on it). The result tells the component technician when the bleed took too long for
platelets or plasma (``rules.components``) or the volume is outside the bag's range.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, select

from bbms_desktop.errors import InvalidInput, NotFound, SafetyError, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.models import Donation, ScreeningVisit
from bbms_desktop.models.direct import DirectStatement
from bbms_desktop.rules import components, isbt128
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import AdverseReaction, BagType, DonationType, ScreeningOutcome
from bbms_desktop.services import donors, numbering
from bbms_desktop.services.donors import deferral_active, local_date
from bbms_desktop.services.uow import UnitOfWork

# rules.components documents CPDA-1 as the anticoagulant of every whole-blood bag (DOMAIN.md §3) but names no
# constant for it; this is the name recorded on the donation.
ANTICOAGULANT = "CPDA-1"

# Local SOP: no guideline in DOMAIN.md gives these numbers.
VOLUME_TOLERANCE = Rule(
    0.10,
    LOCAL_SOP,
    note="collected volume within ±10% of the bag's nominal volume; outside it, warn (under- or "
    "over-collected unit, anticoagulant ratio wrong)",
)
PLAUSIBLE_MAX_VOLUME_FRACTION = Rule(
    1.5,
    LOCAL_SOP,
    note="plausibility bound: a bag cannot hold half as much again as its nominal volume; more is a typing error",
)

VISIT_NOT_FOUND = QT_TRANSLATE_NOOP("Collection", "No screening visit was found: screen the donor first.")
VISIT_VOIDED = QT_TRANSLATE_NOOP("Collection", "This screening visit was voided ({reason}): screen the donor again.")
VISIT_NOT_ELIGIBLE = QT_TRANSLATE_NOOP(
    "Collection", "The donor was not found fit at this screening ({reasons}): blood must not be collected."
)
VISIT_NOT_TODAY = QT_TRANSLATE_NOOP(
    "Collection", "This screening was on {visit_date}, not today ({today}): screen the donor again before collecting."
)
VISIT_HAS_DONATION = QT_TRANSLATE_NOOP(
    "Collection", "A donation (DIN {din}) is already recorded for this screening: one screening, one bag."
)
DEFERRED_SINCE = QT_TRANSLATE_NOOP(
    "Collection",
    "The donor is now deferred ({reasons}): do not collect. A deferral was recorded or received after the screening.",
)
DONATED_SINCE = QT_TRANSLATE_NOOP(
    "Collection", "The donor already gave blood today (DIN {din}): do not collect a second unit."
)
APHERESIS_NOT_HERE = QT_TRANSLATE_NOOP(
    "Collection", "This screening was for apheresis: record apheresis collections with the apheresis procedure."
)
BAG_TYPE_UNKNOWN = QT_TRANSLATE_NOOP("Collection", "Choose the bag type: single, double, triple or quadruple.")
BAG_VOLUME_UNKNOWN = QT_TRANSLATE_NOOP("Collection", "Bag volume {volume} ml is not offered: choose {volumes} ml.")
BAG_VOLUME_NOT_SCREENED = QT_TRANSLATE_NOOP(
    "Collection",
    "The donor was screened for a {screened} ml bag, not {volume} ml (the weight limit depends on it): use a "
    "{screened} ml bag or screen again.",
)
VOLUME_IMPOSSIBLE = QT_TRANSLATE_NOOP(
    "Collection", "A collected volume of {volume} ml is not possible in a {bag} ml bag: check the weighed volume."
)
TIME_MISSING = QT_TRANSLATE_NOOP("Collection", "Enter the {label} as a date and time.")
BLEED_END_NOT_AFTER_START = QT_TRANSLATE_NOOP(
    "Collection", "The bleed ended ({end}) before or when it started ({start}): check both times."
)
BLEED_END_IN_FUTURE = QT_TRANSLATE_NOOP(
    "Collection", "The bleed end time {end} is in the future: check the time (and the computer's clock)."
)
BLEED_BEFORE_SCREENING = QT_TRANSLATE_NOOP(
    "Collection", "The bleed start {start} is before the screening ({screened}): check the start time."
)
REACTION_UNKNOWN = QT_TRANSLATE_NOOP("Collection", "Choose the adverse reaction from the list, or none.")
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Collection", "{label} is too long: at most {maximum} characters.")
UNDER_COLLECTED = QT_TRANSLATE_NOOP(
    "Collection",
    "Only {volume} ml was collected in a {bag} ml bag (at least {minimum} ml expected): the unit is under-collected; "
    "tell the component technician.",
)
OVER_COLLECTED = QT_TRANSLATE_NOOP(
    "Collection",
    "{volume} ml was collected in a {bag} ml bag (at most {maximum} ml expected): the unit is over-collected; "
    "tell the component technician.",
)
LABEL_BLEED_START = QT_TRANSLATE_NOOP("Collection", "bleed start")
LABEL_BLEED_END = QT_TRANSLATE_NOOP("Collection", "bleed end")
LABEL_BAG_LOT = QT_TRANSLATE_NOOP("Collection", "Bag lot number")
LABEL_NOTES = QT_TRANSLATE_NOOP("Collection", "Notes")

_BAG_LOT_MAX = 40
_NOTES_MAX = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectionForm:
    """What the phlebotomist records. ``din`` is the label text as scanned or typed; None allocates the next DIN."""

    bag_type: BagType | str
    bag_volume_ml: int
    collected_volume_ml: int
    bleed_start: datetime
    bleed_end: datetime
    din: str | None = None
    bag_lot: str | None = None
    adverse_reaction: AdverseReaction | str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class CollectedDonation:
    id: uuid.UUID
    din: str
    check_character: str  # printed boxed beside the eye-readable DIN
    bleed_minutes: float
    anticoagulant: str
    anticoagulant_ml: float
    warnings: tuple[Text, ...]  # for the component technician: bleed too long for some components, volume off


# The visit, with the DIN of any donation already recorded for it (visit_id is unique on donations), in one plain
# statement: collection runs for every donor of a camp.
_VISIT = ScreeningVisit.__table__.c
_VISIT_ROW = DirectStatement(
    select(
        _VISIT.id,
        _VISIT.donor_id,
        _VISIT.camp_id,
        _VISIT.visited_at,
        _VISIT.donation_type,
        _VISIT.bag_volume_ml,
        _VISIT.outcome,
        _VISIT.reason_codes,
        _VISIT.voided_at,
        _VISIT.void_reason,
        Donation.__table__.c.din.label("donation_din"),
    )
    .outerjoin(Donation.__table__, Donation.__table__.c.visit_id == _VISIT.id)
    .where(_VISIT.id == bindparam("visit_id"))
)


def _visit(uow: UnitOfWork, visit_id: uuid.UUID) -> Row[Any]:
    visit = _VISIT_ROW.first(uow.session, {"visit_id": visit_id})
    if visit is None:
        raise NotFound(VISIT_NOT_FOUND(), code="no_visit")
    if visit.voided_at is not None:
        raise StateError(VISIT_VOIDED(reason=visit.void_reason or "-"), code="visit_voided")
    if visit.outcome != ScreeningOutcome.ELIGIBLE:
        raise SafetyError(VISIT_NOT_ELIGIBLE(reasons=", ".join(visit.reason_codes) or "-"), code="not_eligible")
    today = local_date(uow.now)
    if local_date(visit.visited_at) != today:
        raise StateError(VISIT_NOT_TODAY(visit_date=local_date(visit.visited_at), today=today), code="visit_not_today")
    if visit.donation_din is not None:
        raise StateError(VISIT_HAS_DONATION(din=visit.donation_din), code="visit_has_donation")
    if visit.donation_type != DonationType.WHOLE_BLOOD:
        raise StateError(APHERESIS_NOT_HERE(), code="apheresis")
    return visit


def _check_donor_now(uow: UnitOfWork, visit: Row[Any]) -> None:
    donor = donors.donor_record(uow.session, visit.donor_id)
    today = local_date(uow.now)
    active = [d for d in donor.deferrals if deferral_active(d, today)]
    if active:
        raise SafetyError(DEFERRED_SINCE(reasons=", ".join(d.reason_code for d in active)), code="deferred")
    since = [d for d in donor.donations if d.collected_on >= today]
    if since:
        raise SafetyError(DONATED_SINCE(din=since[0].din), code="donated_today")


def _aware(value: object, label: object, field: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(TIME_MISSING(label=label), field=field)
    return value


def _text(value: str | None, label: object, maximum: int, field: str) -> str | None:
    cleaned = " ".join((value or "").split()) or None
    if cleaned is not None and len(cleaned) > maximum:
        raise InvalidInput(TEXT_TOO_LONG(label=label, maximum=maximum), field=field)
    return cleaned


def collect(uow: UnitOfWork, visit_id: uuid.UUID, form: CollectionForm) -> CollectedDonation:
    """Record the donation of an eligible visit of today: the bag, its DIN (scanned, or the next one), the bleed."""
    actor = uow.require(Action.COLLECT)
    visit = _visit(uow, visit_id)
    _check_donor_now(uow, visit)

    try:
        bag_type = BagType(form.bag_type)
    except ValueError:
        raise InvalidInput(BAG_TYPE_UNKNOWN(), field="bag_type") from None
    volumes = components.BAG_VOLUMES_ML.value
    if isinstance(form.bag_volume_ml, bool) or form.bag_volume_ml not in volumes:
        shown = ", ".join(str(v) for v in volumes)
        raise InvalidInput(BAG_VOLUME_UNKNOWN(volume=form.bag_volume_ml, volumes=shown), field="bag_volume_ml")
    bag_volume = int(form.bag_volume_ml)
    if visit.bag_volume_ml is not None and bag_volume != visit.bag_volume_ml:
        raise SafetyError(
            BAG_VOLUME_NOT_SCREENED(screened=visit.bag_volume_ml, volume=bag_volume), code="bag_volume_not_screened"
        )
    volume = form.collected_volume_ml
    if (
        isinstance(volume, bool)
        or not isinstance(volume, int)
        or not 0 < volume <= bag_volume * PLAUSIBLE_MAX_VOLUME_FRACTION.value
    ):
        raise InvalidInput(VOLUME_IMPOSSIBLE(volume=volume, bag=bag_volume), field="collected_volume_ml")

    start = _aware(form.bleed_start, LABEL_BLEED_START, "bleed_start")
    end = _aware(form.bleed_end, LABEL_BLEED_END, "bleed_end")
    if end <= start:
        raise InvalidInput(BLEED_END_NOT_AFTER_START(end=end.astimezone(), start=start.astimezone()), field="bleed_end")
    if end > uow.now:
        raise InvalidInput(BLEED_END_IN_FUTURE(end=end.astimezone()), field="bleed_end")
    if start < visit.visited_at:
        raise InvalidInput(
            BLEED_BEFORE_SCREENING(start=start.astimezone(), screened=visit.visited_at.astimezone()),
            field="bleed_start",
        )
    try:
        reaction = None if form.adverse_reaction in (None, "") else AdverseReaction(form.adverse_reaction)
    except ValueError:
        raise InvalidInput(REACTION_UNKNOWN(), field="adverse_reaction") from None
    bag_lot = _text(form.bag_lot, LABEL_BAG_LOT, _BAG_LOT_MAX, "bag_lot")
    notes = _text(form.notes, LABEL_NOTES, _NOTES_MAX, "notes")

    din = numbering.accept_scanned_din(uow, form.din) if form.din and form.din.strip() else numbering.allocate_din(uow)
    donation = Donation(
        din=din,
        donor_id=visit.donor_id,
        visit_id=visit.id,
        camp_id=visit.camp_id,
        donation_type=DonationType.WHOLE_BLOOD,
        bag_type=bag_type,
        bag_volume_ml=bag_volume,
        collected_volume_ml=volume,
        anticoagulant=ANTICOAGULANT,
        bag_lot=bag_lot,
        bleed_start=start,
        bleed_end=end,
        collected_at=end,
        phlebotomist_id=actor.user_id,
        adverse_reaction=reaction,
        notes=notes,
    )
    uow.add(donation)
    bleed_minutes = (end - start).total_seconds() / 60
    warnings = _warnings(bag_type, bag_volume, volume, bleed_minutes)
    uow.audit(
        "collect",
        donation,
        din=din,
        visit_id=visit.id,
        donor_id=visit.donor_id,
        bag_type=bag_type,
        bleed_minutes=round(bleed_minutes, 2),
        collected_volume_ml=volume,
        adverse_reaction=reaction,
        scanned=bool(form.din and form.din.strip()),
    )
    return CollectedDonation(
        donation.id,
        din,
        isbt128.check_character(din),
        bleed_minutes,
        ANTICOAGULANT,
        components.anticoagulant_ml(bag_volume),
        warnings,
    )


def _warnings(bag_type: BagType, bag_volume: int, volume: int, bleed_minutes: float) -> tuple[Text, ...]:
    # The components this bag could have yielded that the bleed time now rules out (rules.components decides).
    preparation = components.preparable(bag_type, bleed_minutes, 0.0)
    warnings = [text for text in preparation.refused.values() if text.msg == components.BLEED_TOO_LONG]
    tolerance = VOLUME_TOLERANCE.value
    minimum, maximum = round(bag_volume * (1 - tolerance)), round(bag_volume * (1 + tolerance))
    if volume < minimum:
        warnings.append(UNDER_COLLECTED(volume=volume, bag=bag_volume, minimum=minimum))
    elif volume > maximum:
        warnings.append(OVER_COLLECTED(volume=volume, bag=bag_volume, maximum=maximum))
    return tuple(warnings)
