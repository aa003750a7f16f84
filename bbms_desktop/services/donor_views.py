"""Read views for the donor side of the desktop (donors, screening and collection pages), as plain frozen values.

The decisions stay where they are (``services.donors``, ``services.screening``, ``services.collection``,
``rules.eligibility``); this module only gathers what those pages show: a donor's full record with history, what the
live screening form assesses against, and today's worklist of donors found fit and not yet bled. It also holds the
labels a person reads for the vocabulary those pages offer.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.orm import Session

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg
from bbms_desktop.models import Camp, Donation, Donor, ScreeningVisit
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.vocabulary import (
    AdverseReaction,
    BagType,
    DonationType,
    DonorType,
    IdDocument,
    ScreeningOutcome,
    Sex,
)
from bbms_desktop.services import donors, screening
from bbms_desktop.services.donors import DonorHistory, DonorSummary, get_donor, local_date

# --------------------------------------------------------------------------------------------------------------------
# Labels for the vocabulary these pages offer

SEX_LABELS: Mapping[Sex, Msg] = {
    Sex.MALE: QT_TRANSLATE_NOOP("DonorViews", "Male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("DonorViews", "Female"),
    Sex.OTHER: QT_TRANSLATE_NOOP("DonorViews", "Other"),
}
DONOR_TYPE_LABELS: Mapping[DonorType, Msg] = {
    DonorType.VOLUNTARY: QT_TRANSLATE_NOOP("DonorViews", "Voluntary"),
    DonorType.REPLACEMENT: QT_TRANSLATE_NOOP("DonorViews", "Replacement"),
}
ID_DOCUMENT_LABELS: Mapping[IdDocument, Msg] = {
    IdDocument.AADHAAR: QT_TRANSLATE_NOOP("DonorViews", "Aadhaar card"),
    IdDocument.VOTER_ID: QT_TRANSLATE_NOOP("DonorViews", "Voter ID card"),
    IdDocument.PAN: QT_TRANSLATE_NOOP("DonorViews", "PAN card"),
    IdDocument.DRIVING_LICENCE: QT_TRANSLATE_NOOP("DonorViews", "Driving licence"),
    IdDocument.PASSPORT: QT_TRANSLATE_NOOP("DonorViews", "Passport"),
    IdDocument.OTHER: QT_TRANSLATE_NOOP("DonorViews", "Other identity document"),
}
DONATION_TYPE_LABELS: Mapping[DonationType, Msg] = {
    DonationType.WHOLE_BLOOD: QT_TRANSLATE_NOOP("DonorViews", "Whole blood"),
    DonationType.APHERESIS: QT_TRANSLATE_NOOP("DonorViews", "Apheresis"),
}
OUTCOME_LABELS: Mapping[ScreeningOutcome, Msg] = {
    ScreeningOutcome.ELIGIBLE: QT_TRANSLATE_NOOP("DonorViews", "Fit to donate"),
    ScreeningOutcome.DEFERRED: QT_TRANSLATE_NOOP("DonorViews", "Deferred"),
}
BAG_TYPE_LABELS: Mapping[BagType, Msg] = {
    BagType.SINGLE: QT_TRANSLATE_NOOP("DonorViews", "Single"),
    BagType.DOUBLE: QT_TRANSLATE_NOOP("DonorViews", "Double"),
    BagType.TRIPLE: QT_TRANSLATE_NOOP("DonorViews", "Triple"),
    BagType.QUADRUPLE: QT_TRANSLATE_NOOP("DonorViews", "Quadruple"),
    BagType.QUADRUPLE_SAGM: QT_TRANSLATE_NOOP("DonorViews", "Quadruple with SAGM"),
}
ADVERSE_REACTION_LABELS: Mapping[AdverseReaction, Msg] = {
    AdverseReaction.HAEMATOMA: QT_TRANSLATE_NOOP("DonorViews", "Haematoma"),
    AdverseReaction.ARTERIAL_PUNCTURE: QT_TRANSLATE_NOOP("DonorViews", "Arterial puncture"),
    AdverseReaction.NERVE_INJURY: QT_TRANSLATE_NOOP("DonorViews", "Nerve injury"),
    AdverseReaction.THROMBOPHLEBITIS: QT_TRANSLATE_NOOP("DonorViews", "Thrombophlebitis"),
    AdverseReaction.ALLERGY: QT_TRANSLATE_NOOP("DonorViews", "Allergy"),
    AdverseReaction.VASOVAGAL: QT_TRANSLATE_NOOP("DonorViews", "Vasovagal reaction (faint)"),
    AdverseReaction.HYPERVENTILATION: QT_TRANSLATE_NOOP("DonorViews", "Hyperventilation"),
    AdverseReaction.CONVULSIONS: QT_TRANSLATE_NOOP("DonorViews", "Convulsions"),
    AdverseReaction.ACCIDENT: QT_TRANSLATE_NOOP("DonorViews", "Accident or injury"),
    AdverseReaction.NAUSEA: QT_TRANSLATE_NOOP("DonorViews", "Nausea or vomiting"),
}

# Reason codes a medical officer commonly records for a deferral of their own (the form accepts any code).
DEFERRAL_REASON_CODES: Mapping[str, Msg] = {
    "MO_DECISION": QT_TRANSLATE_NOOP("DonorViews", "Medical officer's decision"),
    "MEDICATION": QT_TRANSLATE_NOOP("DonorViews", "Medication"),
    "CHRONIC_ILLNESS": QT_TRANSLATE_NOOP("DonorViews", "Chronic illness"),
    "HIGH_RISK_BEHAVIOUR": QT_TRANSLATE_NOOP("DonorViews", "High-risk behaviour"),
    "TRAVEL_ENDEMIC_AREA": QT_TRANSLATE_NOOP("DonorViews", "Travel to an endemic area"),
    "DONATION_REACTION": QT_TRANSLATE_NOOP("DonorViews", "Reaction to an earlier donation"),
    "TTI_REACTIVE": QT_TRANSLATE_NOOP("DonorViews", "Reactive infection marker"),
}


def full_name(given_name: str, family_name: str | None) -> str:
    return " ".join(part for part in (given_name, family_name) if part)


# --------------------------------------------------------------------------------------------------------------------
# A donor's record as the donors page shows it


@dataclass(frozen=True, slots=True)
class DonorDetails:
    """Every demographic field as stored (the edit form starts from these), and what other workflows set."""

    id: uuid.UUID
    donor_number: str
    given_name: str
    family_name: str | None
    guardian_name: str | None
    sex: Sex
    date_of_birth: date
    mobile: str | None
    email: str | None
    address: str | None
    pincode: str | None
    district: str | None
    state: str | None
    id_document_type: IdDocument | None
    id_document_number: str | None
    abha_id: str | None
    donor_type: DonorType
    blood_group: str | None  # from verified laboratory results only
    consent_given_at: datetime

    @property
    def name(self) -> str:
        return full_name(self.given_name, self.family_name)


@dataclass(frozen=True, slots=True)
class DonorView:
    details: DonorDetails
    history: DonorHistory
    age: int  # completed years today
    today: date


def donor_details(session: Session, donor_id: uuid.UUID) -> DonorDetails:
    """The donor to show and edit; refused (merged, voided, not found) as ``donors.get_donor`` refuses it."""
    donor: Donor = get_donor(session, donor_id)
    return DonorDetails(
        donor.id,
        donor.donor_number,
        donor.given_name,
        donor.family_name,
        donor.guardian_name,
        Sex(donor.sex),
        donor.date_of_birth,
        donor.mobile,
        donor.email,
        donor.address,
        donor.pincode,
        donor.district,
        donor.state,
        IdDocument(donor.id_document_type) if donor.id_document_type else None,
        donor.id_document_number,
        donor.abha_id,
        DonorType(donor.donor_type),
        donor.blood_group,
        donor.consent_given_at,
    )


def donor_view(session: Session, donor_id: uuid.UUID, today: date | None = None) -> DonorView:
    """A donor's details and whole history (visits, donations, every deferral and those in force ``today``)."""
    today = today or local_date(datetime.now().astimezone())
    history = donors.history(session, donor_id, on=today)
    details = donor_details(session, history.donor.id)  # the survivor, should the record have been merged
    return DonorView(details, history, eligibility.age_on(details.date_of_birth, today), today)


# --------------------------------------------------------------------------------------------------------------------
# What the live screening form assesses against


@dataclass(frozen=True, slots=True)
class ScreeningStart:
    """The donor being screened: the record to show, and the eligibility rules' view of today's visit before any
    examination or answer is entered (the page fills the form into it and calls ``eligibility.assess``)."""

    view: DonorView
    visit: eligibility.DonorVisit


def screening_start(session: Session, donor_id: uuid.UUID, today: date | None = None) -> ScreeningStart:
    view = donor_view(session, donor_id, today)
    visit = screening.donor_visit(session, view.details.id, view.today, screening.ScreeningForm())
    return ScreeningStart(view, visit)


# --------------------------------------------------------------------------------------------------------------------
# Today's donors found fit and not yet bled (the collection worklist)


@dataclass(frozen=True, slots=True)
class OpenVisit:
    visit_id: uuid.UUID
    donor_id: uuid.UUID
    donor_number: str
    donor_name: str
    sex: Sex
    date_of_birth: date
    visited_at: datetime
    bag_volume_ml: int | None
    camp_code: str | None


_V, _D, _X, _C = (m.__table__.c for m in (ScreeningVisit, Donor, Donation, Camp))
_OPEN_VISITS = (
    select(
        _V.id,
        _V.donor_id,
        _D.donor_number,
        _D.given_name,
        _D.family_name,
        _D.sex,
        _D.date_of_birth,
        _V.visited_at,
        _V.bag_volume_ml,
        _C.code,
    )
    .select_from(ScreeningVisit.__table__)
    .join(Donor.__table__, _D.id == _V.donor_id)
    .outerjoin(Donation.__table__, _X.visit_id == _V.id)
    .outerjoin(Camp.__table__, _C.id == _V.camp_id)
    # likely(): these hold for nearly every row, so the planner keeps to the visit id (or donor) each query gives
    .where(
        _X.id.is_(None),
        func.likely(_V.outcome == ScreeningOutcome.ELIGIBLE),
        func.likely(_V.donation_type == DonationType.WHOLE_BLOOD),
        func.likely(_V.voided_at.is_(None)),
        func.likely(_D.voided_at.is_(None)),
        func.likely(_D.merged_into_id.is_(None)),
    )
)
_OPEN_TODAY = _OPEN_VISITS.where(
    # ids are UUIDv7, ordered by the moment they were made: a range on the primary key finds the visits recorded
    # since the start of the day without reading older ones (visited_at has no index of its own)
    _V.id >= bindparam("first_id"),
    and_(_V.visited_at >= bindparam("day_start"), _V.visited_at < bindparam("day_end")),
    func.likely(_V.centre_id == bindparam("centre_id")),
).order_by(_V.visited_at)
_OPEN_ONE = _OPEN_VISITS.where(_V.id == bindparam("visit_id"))


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min).astimezone()
    return start, datetime.combine(day + timedelta(days=1), time.min).astimezone()


def _first_uuid7(moment: datetime) -> uuid.UUID:
    """The smallest UUIDv7 made at or after ``moment``: its 48-bit millisecond timestamp, every other bit zero."""
    return uuid.UUID(int=int(moment.timestamp() * 1000) << 80)


def _open_visit(row: object) -> OpenVisit:
    visit_id, donor_id, number, given, family, sex, dob, visited_at, bag_volume, camp_code = row  # type: ignore[misc]
    return OpenVisit(
        visit_id, donor_id, number, full_name(given, family), Sex(sex), dob, visited_at, bag_volume, camp_code
    )


def open_visits_today(session: Session, centre_id: uuid.UUID, now: datetime | None = None) -> list[OpenVisit]:
    """This centre's whole-blood screening visits of today found fit and not yet collected, earliest first.

    A worklist, not a guard: ``services.collection.collect`` still checks the visit and the donor when the bag is
    recorded (a deferral received since, a donation elsewhere).
    """
    start, end = _day_bounds(local_date(now or datetime.now().astimezone()))
    params = {"first_id": _first_uuid7(start), "day_start": start, "day_end": end, "centre_id": centre_id}
    return [_open_visit(row) for row in session.execute(_OPEN_TODAY, params)]


def open_visit(session: Session, visit_id: uuid.UUID) -> OpenVisit | None:
    """This visit when it still awaits its bag (fit, unvoided, whole blood, not collected); else None."""
    row = session.execute(_OPEN_ONE, {"visit_id": visit_id}).first()
    return None if row is None else _open_visit(row)


def open_visits_of(session: Session, donor_id: uuid.UUID, now: datetime | None = None) -> list[OpenVisit]:
    """The donor's fit, uncollected whole-blood visits of today (normally one), for finding a donor by search."""
    start, end = _day_bounds(local_date(now or datetime.now().astimezone()))
    ids = donors.identity_ids(session, donor_id)
    query = _OPEN_VISITS.where(_V.donor_id.in_(ids), _V.visited_at >= start, _V.visited_at < end).order_by(
        _V.visited_at
    )
    return [_open_visit(row) for row in session.execute(query)]


# --------------------------------------------------------------------------------------------------------------------
# Lists shown before anything is searched for

_SUMMARY = select(
    _D.id,
    _D.donor_number,
    _D.given_name,
    _D.family_name,
    _D.guardian_name,
    _D.sex,
    _D.date_of_birth,
    _D.mobile,
    _D.blood_group,
).where(func.likely(_D.merged_into_id.is_(None)), func.likely(_D.voided_at.is_(None)))


def _summaries(session: Session, query: Any, params: dict[str, Any], matched_by: str) -> list[DonorSummary]:
    return [
        DonorSummary(row.id, *row[1:5], Sex(row.sex), row.date_of_birth, row.mobile, row.blood_group, matched_by)
        for row in session.execute(query, params)
    ]


_RECENT = _SUMMARY.order_by(_D.id.desc()).limit(bindparam("limit"))


def recent_donors(session: Session, limit: int = 50) -> list[DonorSummary]:
    """The donors registered last (newest first): what the registration desk sees before typing a search."""
    return _summaries(session, _RECENT, {"limit": limit}, "recent")


_VISITED_SINCE = (
    select(_V.id).where(_V.donor_id == _D.id, _V.visited_at >= bindparam("day_start"), _V.voided_at.is_(None)).exists()
)
_WAITING = (
    _SUMMARY.where(
        _D.id >= bindparam("first_id"),  # UUIDv7: registered since the start of the day (a primary-key range)
        func.likely(_D.centre_id == bindparam("centre_id")),
        ~_VISITED_SINCE,
    )
    .order_by(_D.id)
    .limit(bindparam("limit"))
)


def registered_not_screened(
    session: Session, centre_id: uuid.UUID, now: datetime | None = None, limit: int = 100
) -> list[DonorSummary]:
    """Donors this centre registered today who have no screening visit yet today, in the order they registered.

    A queue for the medical officer, not a rule: a returning donor (registered long ago) is found by search.
    """
    start, _end = _day_bounds(local_date(now or datetime.now().astimezone()))
    params = {"first_id": _first_uuid7(start), "day_start": start, "centre_id": centre_id, "limit": limit}
    return _summaries(session, _WAITING, params, "today")
