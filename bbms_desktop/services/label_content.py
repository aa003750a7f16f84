"""What goes on a printed bag label, a donor card and an issue (compatibility) slip: plain values, no Qt.

The content is decided here, once, from the records; ``ui/printing`` only draws it. A label says only what the
records prove: the blood group and the TTI results appear once the laboratory's verified results are in (a unit in
quarantine says so in words and carries no group barcode), the expiry is the computed one, never typed.

Barcodes are the ISBT 128 data structures of ``rules.isbt128`` (ST-001): the DIN with its flags (``=`` + DIN +
type 3 flags, 60 + the check value), the blood group ``=%ggre``, the product code ``=<αooootds`` and the expiry date
and time ``&>cyyjjjhhmm``. The expiry is written with its time (data structure 005) because units here expire at a
time of day (five days from collection for platelets): the date-only structure ``=>`` means 23:59 of that day
(ST-001 §2.4.5) and would let a unit scan as in date for up to a day after it expired. A centre that numbers its
bags with its own Code 128 unit numbers gets the same label with that number barcoded as it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import NotFound
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg, Text
from bbms_desktop.models import (
    BloodRequest,
    Centre,
    Component,
    Crossmatch,
    Donation,
    Donor,
    Issue,
    User,
)
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import isbt128, shelf_life
from bbms_desktop.rules.sources import DC_RULES_SCH_F_2020, Rule
from bbms_desktop.rules.vocabulary import LABELS, TTI_MARKERS, ComponentStatus, DonorType, TtiResult
from bbms_desktop.services import components

# The label's group panel is coloured by ABO group, as Indian blood bag labels are.
GROUP_COLOURS: Rule[Mapping[str, str]] = Rule(
    MappingProxyType({"O": "#1e88e5", "A": "#fdd835", "B": "#f48fb1", "AB": "#ffffff"}),
    DC_RULES_SCH_F_2020,
    note="label colour by ABO group: O blue, A yellow, B pink, AB white (DOMAIN.md §6); the shades are ours",
)
# ISBT 128 type of donation (ST-001 Table 7) for our donor types
DONATION_TYPE_CODES: dict[DonorType, str] = {DonorType.VOLUNTARY: "V", DonorType.REPLACEMENT: "C"}

NO_UNIT = QT_TRANSLATE_NOOP("Labels", "There is no such unit to label.")
NO_DONOR = QT_TRANSLATE_NOOP("Labels", "There is no such donor.")
NO_ISSUE = QT_TRANSLATE_NOOP("Labels", "There is no such issue.")

GROUP_NAMES: dict[str, Msg] = {
    "O": QT_TRANSLATE_NOOP("Labels", "O"),
    "A": QT_TRANSLATE_NOOP("Labels", "A"),
    "B": QT_TRANSLATE_NOOP("Labels", "B"),
    "AB": QT_TRANSLATE_NOOP("Labels", "AB"),
}
RH_POSITIVE = QT_TRANSLATE_NOOP("Labels", "RhD POSITIVE")
RH_NEGATIVE = QT_TRANSLATE_NOOP("Labels", "RhD NEGATIVE")
DONOR_TYPE_NAMES: dict[DonorType, Msg] = {
    DonorType.VOLUNTARY: QT_TRANSLATE_NOOP("Labels", "Voluntary donor"),
    DonorType.REPLACEMENT: QT_TRANSLATE_NOOP("Labels", "Replacement donor"),
}


@dataclass(frozen=True, slots=True)
class Barcode:
    """One Code 128 barcode: the exact data to encode, and what is printed under it."""

    data: str
    caption: str


@dataclass(frozen=True, slots=True)
class TtiLine:
    marker: str
    name: Msg
    result: TtiResult | None  # None: no verified result yet

    @property
    def result_name(self) -> Msg | None:
        return LABELS[self.result] if self.result is not None else None


@dataclass(frozen=True, slots=True)
class BagLabel:
    """Everything printed on one component's 100 mm x 100 mm bag label."""

    component_id: uuid.UUID
    din: str  # 13 characters (or the centre's local unit number)
    isbt: bool  # an ISBT 128 DIN (False: a local Code 128 unit number)
    eye_readable: str  # "G1234 26 000001" (the local number as it is)
    check_character: str  # boxed beside the eye-readable DIN; "" for a local number
    flags: str  # "60"-"96": 60 + the check value; "" for a local number
    din_barcode: Barcode
    blood_group: str | None  # confirmed group, None while not confirmed
    group_barcode: Barcode | None
    group_colour: str | None
    product: isbt128.ProductCode
    product_barcode: Barcode
    component_code: str
    component_name: Msg
    volume_ml: int
    anticoagulant: str
    collected_at: datetime
    expires_at: datetime
    expiry_barcode: Barcode
    storage: Text
    donor_type: DonorType
    tti: tuple[TtiLine, ...]
    tti_verified: bool
    status: ComponentStatus
    centre_name: str
    centre_licence: str | None
    centre_address: str | None
    training: bool

    @property
    def abo(self) -> str | None:
        return self.blood_group.rstrip("+-") if self.blood_group else None

    @property
    def group_name(self) -> Msg | None:
        return GROUP_NAMES[self.abo] if self.abo else None

    @property
    def rh_name(self) -> Msg | None:
        if not self.blood_group:
            return None
        return RH_POSITIVE if self.blood_group.endswith("+") else RH_NEGATIVE

    @property
    def barcodes(self) -> tuple[Barcode, ...]:
        codes = [self.din_barcode]
        if self.group_barcode is not None:
            codes.append(self.group_barcode)
        return (*codes, self.product_barcode, self.expiry_barcode)


@dataclass(frozen=True, slots=True)
class DonorCard:
    donor_id: uuid.UUID
    donor_number: str
    barcode: Barcode
    name: str
    guardian_name: str | None
    date_of_birth: date
    sex: str
    mobile: str | None
    blood_group: str | None
    group_colour: str | None
    donor_type: DonorType
    donations: int
    last_donation: datetime | None
    centre_name: str
    centre_licence: str | None
    training: bool


@dataclass(frozen=True, slots=True)
class IssueSlip:
    """The issue / compatibility slip that goes to the ward with the unit."""

    issue_id: uuid.UUID
    request_number: str
    patient_name: str
    patient_hospital_id: str | None
    patient_group: str
    hospital: str
    ward: str | None
    bed: str | None
    requesting_doctor: str
    din: str
    eye_readable: str
    check_character: str
    din_barcode: Barcode
    component_name: Msg
    unit_group: str | None
    volume_ml: int
    expires_at: datetime
    crossmatch_method: str | None
    crossmatch_result: str | None
    crossmatched_at: datetime | None
    crossmatched_by: str | None
    uncrossmatched: bool
    issued_at: datetime
    issued_by: str
    collected_by: str
    override_reason: str | None
    centre_name: str
    centre_licence: str | None
    training: bool


# --------------------------------------------------------------------------------------------------------------------


def din_barcode(din: str) -> tuple[bool, str, str, Barcode]:
    """(ISBT 128?, check character, flags, barcode) for a DIN or a centre's local unit number."""
    try:
        value = isbt128.Din(din)
    except isbt128.InvalidDin:
        return False, "", "", Barcode(din, din)  # a local unit number: encoded as it is
    flags = isbt128.check_flags(value.din)
    return True, value.check, flags, Barcode(isbt128.format_for_barcode(value.din, flags), value.din)


def bag_label(session: Session, component_id: uuid.UUID) -> BagLabel:
    """The label of one component, from its records."""
    unit = session.get(Component, component_id)
    if unit is None:
        raise NotFound(NO_UNIT(), code="no_component")
    donation = session.get(Donation, unit.donation_id)
    assert donation is not None
    donor = session.get(Donor, donation.donor_id)
    centre = session.get(Centre, unit.centre_id)
    assert donor is not None and centre is not None
    isbt, check, flags, din_code = din_barcode(unit.din)
    group = unit.blood_group
    results = components.current_results(session, donation.id)
    verified = results is not None and components.lab_status(session, donation.id).verified
    tti = tuple(
        TtiLine(m, LABELS[m], TtiResult(getattr(results, m)) if verified and results is not None else None)
        for m in TTI_MARKERS
    )
    donor_type = DonorType(donor.donor_type)
    product = isbt128.product_code_for(unit.code, DONATION_TYPE_CODES[donor_type], _division(unit.division))
    local_expiry = unit.expires_at.astimezone()
    expiry_data = isbt128.format_expiry_datetime(local_expiry)
    return BagLabel(
        component_id=unit.id,
        din=unit.din,
        isbt=isbt,
        eye_readable=isbt128.format_eye_readable(unit.din) if isbt else unit.din,
        check_character=check,
        flags=flags,
        din_barcode=din_code,
        blood_group=group,
        group_barcode=Barcode(isbt128.format_blood_group(group), group) if group else None,
        group_colour=GROUP_COLOURS.value[group.rstrip("+-")] if group else None,
        product=product,
        product_barcode=Barcode(isbt128.format_product_code(product), product.code),
        component_code=unit.code,
        component_name=catalogue.component(unit.code).name,
        volume_ml=unit.volume_ml,
        anticoagulant=donation.anticoagulant,
        collected_at=donation.collected_at,
        expires_at=unit.expires_at,
        expiry_barcode=Barcode(expiry_data, local_expiry.strftime("%d %b %Y %H:%M")),
        storage=shelf_life.storage(unit.code).label,
        donor_type=donor_type,
        tti=tti,
        tti_verified=verified,
        status=ComponentStatus(unit.status),
        centre_name=centre.name,
        centre_licence=centre.licence_number,
        centre_address=", ".join(p for p in (centre.address, centre.district, centre.state) if p) or None,
        training=centre.is_training,
    )


def bag_labels(session: Session, component_ids: list[uuid.UUID]) -> list[BagLabel]:
    """Labels of several units (a batch after separation), in the order given."""
    return [bag_label(session, component_id) for component_id in component_ids]


def donor_card(session: Session, donor_id: uuid.UUID) -> DonorCard:
    donor = session.get(Donor, donor_id)
    if donor is None:
        raise NotFound(NO_DONOR(), code="no_donor")
    centre = session.get(Centre, donor.centre_id)
    assert centre is not None
    count, last = session.execute(
        select(func.count(), func.max(Donation.collected_at)).where(
            Donation.donor_id == donor.id, Donation.voided_at.is_(None)
        )
    ).one()
    group = donor.blood_group
    return DonorCard(
        donor_id=donor.id,
        donor_number=donor.donor_number,
        barcode=Barcode(donor.donor_number, donor.donor_number),
        name=" ".join(p for p in (donor.given_name, donor.family_name) if p),
        guardian_name=donor.guardian_name,
        date_of_birth=donor.date_of_birth,
        sex=str(donor.sex),
        mobile=donor.mobile,
        blood_group=group,
        group_colour=GROUP_COLOURS.value[group.rstrip("+-")] if group else None,
        donor_type=DonorType(donor.donor_type),
        donations=int(count),
        last_donation=last,
        centre_name=centre.name,
        centre_licence=centre.licence_number,
        training=centre.is_training,
    )


def issue_slip(session: Session, issue_id: uuid.UUID) -> IssueSlip:
    issue = session.get(Issue, issue_id)
    if issue is None:
        raise NotFound(NO_ISSUE(), code="no_issue")
    request = session.get(BloodRequest, issue.request_id)
    unit = session.get(Component, issue.component_id)
    centre = session.get(Centre, issue.centre_id)
    assert request is not None and unit is not None and centre is not None
    crossmatch = session.get(Crossmatch, issue.crossmatch_id) if issue.crossmatch_id else None
    _isbt, check, _flags, code = din_barcode(unit.din)
    return IssueSlip(
        issue_id=issue.id,
        request_number=request.request_number,
        patient_name=request.patient_name,
        patient_hospital_id=request.patient_hospital_id,
        patient_group=request.patient_group,
        hospital=request.hospital,
        ward=request.ward,
        bed=request.bed,
        requesting_doctor=request.requesting_doctor,
        din=unit.din,
        eye_readable=isbt128.format_eye_readable(unit.din) if check else unit.din,
        check_character=check,
        din_barcode=code,
        component_name=catalogue.component(unit.code).name,
        unit_group=unit.blood_group,
        volume_ml=unit.volume_ml,
        expires_at=unit.expires_at,
        crossmatch_method=str(crossmatch.method) if crossmatch else None,
        crossmatch_result=str(crossmatch.result) if crossmatch else None,
        crossmatched_at=crossmatch.performed_at if crossmatch else None,
        crossmatched_by=_user_name(session, crossmatch.performed_by_id) if crossmatch else None,
        uncrossmatched=issue.uncrossmatched,
        issued_at=issue.issued_at,
        issued_by=_user_name(session, issue.issued_by_id) or "",
        collected_by=issue.collected_by,
        override_reason=issue.override_reason,
        centre_name=centre.name,
        centre_licence=centre.licence_number,
        training=centre.is_training,
    )


def latest_issue_ids(session: Session, request_id: uuid.UUID) -> list[uuid.UUID]:
    """The issues of a request, oldest first (a slip for each unit sent to the ward)."""
    return list(
        session.scalars(
            select(Issue.id)
            .where(Issue.request_id == request_id, Issue.voided_at.is_(None))
            .order_by(Issue.issued_at, Issue.id)
        )
    )


def _user_name(session: Session, user_id: uuid.UUID | None) -> str | None:
    return session.scalar(select(User.full_name).where(User.id == user_id)) if user_id else None


def _division(division: str) -> str:
    # our divisions count "00", "01", ...; ISBT 128 divisions are a capital letter and a small letter ("A0", "Ab")
    if division == "00":
        return "00"
    n = int(division) if division.isdigit() else 0
    return f"{chr(ord('A') + (n - 1) % 26)}0"
