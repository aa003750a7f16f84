"""The issue counter: blood requests, crossmatch, reservation, issue, return, transfusion and reactions.

:func:`issue` is the last safety gate before a unit reaches a patient. It trusts nothing it can re-check: the unit's
status, its expiry at this moment, the laboratory results behind it (``services.components.lab_status``, not the
status that was set from them), its ABO/RhD compatibility with the patient (``rules.compatibility``), its component
code, and the crossmatch recorded for this request. Every refusal names each reason, and saves nothing.

A request counts a unit as issued while its issue is neither voided nor returned; a return that brings a fulfilled
request below its units opens it again, so a replacement can be issued on the same doctor's request.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bbms_desktop.errors import InvalidInput, NotFound, NotPermitted, SafetyError, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.models import (
    BloodRequest,
    Centre,
    Component,
    ComponentReturn,
    Crossmatch,
    Discard,
    Issue,
    TransfusionReaction,
    User,
)
from bbms_desktop.rules import compatibility, component_states, shelf_life
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.sources import LOCAL_SOP, Rule
from bbms_desktop.rules.vocabulary import (
    LABELS,
    ComponentStatus,
    CrossmatchMethod,
    CrossmatchResult,
    DiscardReason,
    RequestStatus,
    Severity,
    Sex,
    TransfusionReactionType,
    Urgency,
)
from bbms_desktop.services import numbering
from bbms_desktop.services.components import get_component, lab_status, release_blockers, transition
from bbms_desktop.services.uow import Actor, UnitOfWork

# A unit out of controlled storage longer than this may have warmed past 10 °C (red cells) or gone without agitation
# (platelets): it is not returned to stock. The "30-minute rule" is the long-standing international practice; some
# services now allow 60 minutes for red cells (CSA Z902 since 2016). A centre may lengthen it only by its own SOP.
RETURN_WINDOW = Rule(timedelta(minutes=30), LOCAL_SOP, note="time from issue to return, every component kind")
# A typed age above this is a typing error, not a patient.
MAX_PATIENT_AGE_YEARS = Rule(120, LOCAL_SOP, note="plausibility bound for a typed patient age")

# crossmatching is the serological proof for components that carry red cells
_CROSSMATCHED_KINDS = frozenset({compatibility.RED_CELLS, compatibility.WHOLE_BLOOD})
_ISSUABLE = component_states.USABLE

# --- request form ---------------------------------------------------------------------------------------------------
REQUIRED = QT_TRANSLATE_NOOP("Transfusion", "Enter the {what}: it is required on a blood request.")
TOO_LONG = QT_TRANSLATE_NOOP("Transfusion", "The {what} is too long: at most {limit} characters.")
UNKNOWN_SEX = QT_TRANSLATE_NOOP("Transfusion", "Choose the patient's sex: male (M), female (F) or other (X).")
AGE_NEEDED = QT_TRANSLATE_NOOP(
    "Transfusion", "Enter the patient's date of birth or age in years: the age decides which units are safe."
)
DOB_IN_FUTURE = QT_TRANSLATE_NOOP("Transfusion", "The patient's date of birth {dob} is in the future.")
IMPOSSIBLE_AGE = QT_TRANSLATE_NOOP(
    "Transfusion", "A patient age of {age} years is not possible: enter whole years from 0 to {limit}."
)
AGE_DISAGREES = QT_TRANSLATE_NOOP(
    "Transfusion",
    "The age {age} years does not match the date of birth {dob} (which makes {computed} years): correct one of them.",
)
UNKNOWN_GROUP = QT_TRANSLATE_NOOP(
    "Transfusion", "Patient group {group!r} is not a blood group: choose one of {groups}, or 'unknown' if not grouped."
)
UNKNOWN_COMPONENT = QT_TRANSLATE_NOOP("Transfusion", "Unknown component {code!r}: choose one of {codes}.")
IMPOSSIBLE_UNITS = QT_TRANSLATE_NOOP("Transfusion", "Enter how many units are requested: 1 or more, not {units}.")
UNKNOWN_URGENCY = QT_TRANSLATE_NOOP("Transfusion", "Choose the urgency: routine, urgent or emergency.")
NOT_A_DATE_TIME = QT_TRANSLATE_NOOP(
    "Transfusion", "The {what} must be a date and time with its time zone, not {value!r}."
)
REQUIRED_BY_PAST = QT_TRANSLATE_NOOP(
    "Transfusion", "The 'required by' time {when} has already passed: enter when the blood is still needed."
)
NOT_A_YES_NO = QT_TRANSLATE_NOOP("Transfusion", "Answer yes or no for {what}.")

# what the REQUIRED / TOO_LONG messages name
F_PATIENT_NAME = QT_TRANSLATE_NOOP("Transfusion", "patient's name")
F_HOSPITAL_ID = QT_TRANSLATE_NOOP("Transfusion", "patient's hospital registration number")
F_HOSPITAL = QT_TRANSLATE_NOOP("Transfusion", "hospital")
F_WARD = QT_TRANSLATE_NOOP("Transfusion", "ward")
F_BED = QT_TRANSLATE_NOOP("Transfusion", "bed")
F_DIAGNOSIS = QT_TRANSLATE_NOOP("Transfusion", "diagnosis")
F_DOCTOR = QT_TRANSLATE_NOOP("Transfusion", "requesting doctor's name")
F_DOCTOR_REG = QT_TRANSLATE_NOOP("Transfusion", "requesting doctor's medical council registration number")
F_REQUIRED_BY = QT_TRANSLATE_NOOP("Transfusion", "'required by' time")
F_ANTI_D = QT_TRANSLATE_NOOP("Transfusion", "whether the patient has anti-D")
F_CANCEL_REASON = QT_TRANSLATE_NOOP("Transfusion", "reason for cancelling the request")
F_COLLECTED_BY = QT_TRANSLATE_NOOP("Transfusion", "name of the person collecting the unit for the ward")
F_NOTES = QT_TRANSLATE_NOOP("Transfusion", "crossmatch notes")
F_OVERRIDE_REASON = QT_TRANSLATE_NOOP("Transfusion", "medical officer's reason for the RhD override")
F_RETURNED_AT = QT_TRANSLATE_NOOP("Transfusion", "time the unit came back")
F_RETURN_REASON = QT_TRANSLATE_NOOP("Transfusion", "reason for the return")
F_SEAL = QT_TRANSLATE_NOOP("Transfusion", "whether the seal is intact")
F_COLD_CHAIN = QT_TRANSLATE_NOOP("Transfusion", "whether the unit was kept at its storage temperature")
F_ONSET = QT_TRANSLATE_NOOP("Transfusion", "time the reaction began")
F_DESCRIPTION = QT_TRANSLATE_NOOP("Transfusion", "description of the reaction")
F_NOW = QT_TRANSLATE_NOOP("Transfusion", "current time")

# --- requests -------------------------------------------------------------------------------------------------------
NO_REQUEST = QT_TRANSLATE_NOOP("Transfusion", "No blood request with this number was found.")
NO_ISSUE = QT_TRANSLATE_NOOP("Transfusion", "No issue record was found for this unit.")
REQUEST_VOIDED = QT_TRANSLATE_NOOP(
    "Transfusion", "Request {number} was voided as entered in error: nothing more can be done on it."
)
REQUEST_CANCELLED = QT_TRANSLATE_NOOP(
    "Transfusion", "Request {number} was cancelled: ask the ward for a new request if blood is still needed."
)
REQUEST_FULFILLED = QT_TRANSLATE_NOOP(
    "Transfusion", "All {units} units of request {number} are already issued: the doctor must request more."
)
CANNOT_CANCEL_FULFILLED = QT_TRANSLATE_NOOP(
    "Transfusion",
    "Request {number} is fulfilled (all units issued) and cannot be cancelled: receive unused units as returns.",
)
NO_CENTRE = QT_TRANSLATE_NOOP("Transfusion", "The signed-in user's centre is not known here: sync, then try again.")

# --- units ----------------------------------------------------------------------------------------------------------
CANNOT_CROSSMATCH = QT_TRANSLATE_NOOP(
    "Transfusion", "Unit {din} cannot be crossmatched for request {number}: {reasons}"
)
CANNOT_RESERVE = QT_TRANSLATE_NOOP("Transfusion", "Unit {din} cannot be reserved for request {number}: {reasons}")
CANNOT_ISSUE = QT_TRANSLATE_NOOP("Transfusion", "Do not issue unit {din} for request {number}: {reasons}")
STATUS_NOT_USABLE = {
    ComponentStatus.QUARANTINE: QT_TRANSLATE_NOOP(
        "Transfusion", "it is still in quarantine (not released by the laboratory)"
    ),
    ComponentStatus.UNSAFE: QT_TRANSLATE_NOOP("Transfusion", "it is marked unsafe"),
    ComponentStatus.EXPIRED: QT_TRANSLATE_NOOP("Transfusion", "it is marked expired"),
    ComponentStatus.DISCARDED: QT_TRANSLATE_NOOP("Transfusion", "it was discarded"),
    ComponentStatus.ISSUED: QT_TRANSLATE_NOOP("Transfusion", "it is already issued"),
    ComponentStatus.TRANSFUSED: QT_TRANSLATE_NOOP("Transfusion", "it was already transfused"),
}
RESERVED_FOR_OTHER = QT_TRANSLATE_NOOP("Transfusion", "it is reserved for another patient's request ({other})")
ALREADY_RESERVED = QT_TRANSLATE_NOOP("Transfusion", "it is already reserved for this request")
EXPIRED = QT_TRANSLATE_NOOP("Transfusion", "it expired at {expires} (UTC)")
LAB_NOT_CLEAR = QT_TRANSLATE_NOOP("Transfusion", "its laboratory results do not clear it: {blockers}")
UNIT_NOT_GROUPED = QT_TRANSLATE_NOOP("Transfusion", "its blood group is not confirmed on the unit")
GROUP_DISAGREES = QT_TRANSLATE_NOOP(
    "Transfusion",
    "it is labelled group {label} but the current verified result says {lab}: quarantine it and check the label",
)
WRONG_COMPONENT = QT_TRANSLATE_NOOP("Transfusion", "it is {actual}, but the doctor requested {requested}")
NOT_CROSSMATCHED = QT_TRANSLATE_NOOP(
    "Transfusion",
    "it has no compatible crossmatch for this patient: crossmatch it first (only an emergency request may take "
    "uncrossmatched units)",
)
CROSSMATCH_INCOMPATIBLE = QT_TRANSLATE_NOOP(
    "Transfusion", "its latest crossmatch with this patient's sample was incompatible"
)
REQUEST_FULL = QT_TRANSLATE_NOOP(
    "Transfusion", "the request already has {held} of its {units} units reserved or issued"
)

# --- RhD override ---------------------------------------------------------------------------------------------------
OVERRIDE_NOT_MEDICAL_OFFICER = QT_TRANSLATE_NOOP(
    "Transfusion", "{name} may not authorise an RhD override: only a medical officer may."
)
OVERRIDE_USER_UNKNOWN = QT_TRANSLATE_NOOP(
    "Transfusion", "The medical officer {name} is not an active user of this centre: they cannot authorise this."
)
OVERRIDE_NOT_NEEDED = QT_TRANSLATE_NOOP(
    "Transfusion", "Unit {din} is RhD-compatible with this patient: issue it without an RhD override."
)
OVERRIDE_ANTI_D = QT_TRANSLATE_NOOP(
    "Transfusion",
    "the patient has anti-D, so RhD-positive red cells must not be given even with a medical officer's override",
)
OVERRIDE_PATIENT_NOT_ELIGIBLE = QT_TRANSLATE_NOOP(
    "Transfusion",
    "an RhD override is allowed only for a man over {male_age} or a woman over {female_age}; this patient is "
    "{sex}, {age} years old: give RhD-negative units",
)
SEX_WORDS = {
    Sex.MALE: QT_TRANSLATE_NOOP("Transfusion", "male"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Transfusion", "female"),
    Sex.OTHER: QT_TRANSLATE_NOOP("Transfusion", "of other sex"),
}

# --- crossmatch, return, transfusion, reaction ----------------------------------------------------------------------
UNKNOWN_METHOD = QT_TRANSLATE_NOOP(
    "Transfusion", "Unknown crossmatch method {method!r}: choose immediate spin, AHG, gel or electronic."
)
UNKNOWN_RESULT = QT_TRANSLATE_NOOP(
    "Transfusion", "Unknown crossmatch result {result!r}: choose compatible or incompatible."
)
NOT_OUT_ON_ISSUE = QT_TRANSLATE_NOOP(
    "Transfusion", "Unit {din} is not out on this issue any more ({state}): nothing to record against it."
)
ISSUE_VOIDED = QT_TRANSLATE_NOOP("Transfusion", "This issue of unit {din} was voided as entered in error.")
ALREADY_RETURNED = QT_TRANSLATE_NOOP("Transfusion", "already returned")
RETURN_BEFORE_ISSUE = QT_TRANSLATE_NOOP(
    "Transfusion", "The return time {returned} is before the unit was issued ({issued}): check the time."
)
IN_FUTURE = QT_TRANSLATE_NOOP("Transfusion", "The {what} {when} is in the future: check the time.")
RETURN_SEAL_BROKEN = QT_TRANSLATE_NOOP("Transfusion", "the seal is not intact")
RETURN_COLD_CHAIN_BROKEN = QT_TRANSLATE_NOOP("Transfusion", "its storage temperature was not kept")
RETURN_TOO_LATE = QT_TRANSLATE_NOOP(
    "Transfusion", "it came back {minutes} minutes after issue, over the {limit}-minute limit"
)
RETURN_EXPIRED = QT_TRANSLATE_NOOP("Transfusion", "it has expired ({expires} UTC)")
RETURN_LAB_NO_LONGER_CLEAR = QT_TRANSLATE_NOOP(
    "Transfusion", "the laboratory results no longer support this unit ({reasons}): it is a look-back unit"
)
RETURN_AFTER_REACTION = QT_TRANSLATE_NOOP(
    "Transfusion", "a transfusion reaction was reported with it: keep the bag for the reaction investigation"
)
UNKNOWN_REACTION = QT_TRANSLATE_NOOP(
    "Transfusion", "Unknown transfusion reaction type {value!r}: choose from the list."
)
UNKNOWN_SEVERITY = QT_TRANSLATE_NOOP("Transfusion", "Unknown severity {value!r}: choose from the list.")
ONSET_BEFORE_ISSUE = QT_TRANSLATE_NOOP(
    "Transfusion", "The reaction cannot begin ({onset}) before unit {din} was issued ({issued}): check the time."
)

# codes written on a Discard row when a return is refused (language-neutral; the audit event has the same)
_RETURN_REFUSAL_CODES = {
    RETURN_SEAL_BROKEN: "seal_not_intact",
    RETURN_COLD_CHAIN_BROKEN: "cold_chain_not_kept",
    RETURN_TOO_LATE: "outside_return_window",
    RETURN_EXPIRED: "expired",
    RETURN_AFTER_REACTION: "transfusion_reaction",
    RETURN_LAB_NO_LONGER_CLEAR: "look_back_laboratory_results",
}


# ---------------------------------------------------------------------------------------------------------------------
# results and forms


@dataclass(frozen=True, slots=True)
class RequestForm:
    """A doctor's blood request as the issue counter types it from the requisition form."""

    patient_name: str
    patient_sex: str
    patient_group: str  # "A+" … "AB-", or "unknown" in an emergency before grouping
    hospital: str
    component_code: str  # a rules.components / rules.shelf_life code, e.g. "PRBC_SAGM"
    units: int
    urgency: str
    requesting_doctor: str
    doctor_registration_number: str
    patient_date_of_birth: date | None = None
    patient_age_years: int | None = None  # required when the date of birth is not known
    patient_hospital_id: str | None = None
    patient_has_anti_d: bool = False
    ward: str | None = None
    bed: str | None = None
    diagnosis: str | None = None
    required_by: datetime | None = None


@dataclass(frozen=True, slots=True)
class CreatedRequest:
    request_id: uuid.UUID
    request_number: str
    patient_age_years: int


@dataclass(frozen=True, slots=True)
class CancelledRequest:
    request_id: uuid.UUID
    request_number: str
    released_component_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True, slots=True)
class CrossmatchRecorded:
    crossmatch_id: uuid.UUID
    component_id: uuid.UUID
    din: str
    compatible: bool
    # a compatible crossmatch reserves an available unit while the request has room; an incompatible one releases
    # a unit that was reserved for this request
    reserved: bool


@dataclass(frozen=True, slots=True)
class ReservedUnit:
    component_id: uuid.UUID
    din: str
    request_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class RhdOverride:
    """A medical officer's recorded decision to give RhD-positive red cells to an RhD-negative patient."""

    medical_officer: Actor
    reason: str


@dataclass(frozen=True, slots=True)
class IssuedUnit:
    issue_id: uuid.UUID
    component_id: uuid.UUID
    din: str
    request_number: str
    uncrossmatched: bool  # an emergency issue before crossmatch
    rhd_override: bool
    request_fulfilled: bool
    warnings: tuple[Text, ...]  # care this unit needs (rules.compatibility), e.g. low titre, anti-D cover


@dataclass(frozen=True, slots=True)
class ReturnOutcome:
    return_id: uuid.UUID
    component_id: uuid.UUID
    din: str
    accepted: bool
    reasons: tuple[Text, ...]  # why it was not taken back into stock (empty when accepted)
    discard_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class TransfusedUnit:
    issue_id: uuid.UUID
    component_id: uuid.UUID
    din: str


@dataclass(frozen=True, slots=True)
class RecordedReaction:
    reaction_id: uuid.UUID
    issue_id: uuid.UUID
    component_id: uuid.UUID
    din: str


@dataclass(frozen=True, slots=True)
class UnitSuggestion:
    component_id: uuid.UUID
    din: str
    code: str
    blood_group: str
    expires_at: datetime
    rank: int  # position in rules.compatibility.preference (0 = first choice)
    reserved_for_this_request: bool
    crossmatched: bool  # a compatible crossmatch with this request's patient is on record
    warnings: tuple[Text, ...]


# ---------------------------------------------------------------------------------------------------------------------
# requests


def create_request(uow: UnitOfWork, form: RequestForm) -> CreatedRequest:
    """Record a doctor's request for blood; the request number is this centre's next, e.g. ``DL-RKS-R26000001``."""
    actor = uow.require(Action.CREATE_REQUEST)
    now = uow.now
    patient_name = _text(form.patient_name, "patient_name", F_PATIENT_NAME, 200)
    hospital_id = _optional_text(form.patient_hospital_id, "patient_hospital_id", F_HOSPITAL_ID, 40)
    sex = _sex(form.patient_sex)
    age = _age(form.patient_date_of_birth, form.patient_age_years, now)
    group = _patient_group(form.patient_group)
    if not isinstance(form.patient_has_anti_d, bool):
        raise InvalidInput(NOT_A_YES_NO(what=F_ANTI_D), field="patient_has_anti_d")
    hospital = _text(form.hospital, "hospital", F_HOSPITAL, 200)
    ward = _optional_text(form.ward, "ward", F_WARD, 100)
    bed = _optional_text(form.bed, "bed", F_BED, 20)
    diagnosis = _optional_text(form.diagnosis, "diagnosis", F_DIAGNOSIS, 300)
    if form.component_code not in shelf_life.SHELF_LIFE:
        codes = ", ".join(shelf_life.SHELF_LIFE)
        raise InvalidInput(UNKNOWN_COMPONENT(code=form.component_code, codes=codes), field="component_code")
    if isinstance(form.units, bool) or not isinstance(form.units, int) or form.units < 1:
        raise InvalidInput(IMPOSSIBLE_UNITS(units=form.units), field="units")
    try:
        urgency = Urgency(form.urgency)
    except ValueError:
        raise InvalidInput(UNKNOWN_URGENCY(), field="urgency") from None
    doctor = _text(form.requesting_doctor, "requesting_doctor", F_DOCTOR, 200)
    registration = _text(form.doctor_registration_number, "doctor_registration_number", F_DOCTOR_REG, 60)
    if form.required_by is not None:
        _aware(form.required_by, "required_by", F_REQUIRED_BY)
        if form.required_by < now:
            raise InvalidInput(REQUIRED_BY_PAST(when=_when(form.required_by)), field="required_by")

    centre = uow.session.get(Centre, actor.centre_id)
    if centre is None:
        raise StateError(NO_CENTRE(), code="no_centre")
    sequence = numbering.next_number(uow, "request")
    number = f"{centre.code}-R{now.astimezone().year % 100:02d}{sequence:06d}"
    request = BloodRequest(
        request_number=number,
        patient_name=patient_name,
        patient_hospital_id=hospital_id,
        patient_sex=sex,
        patient_date_of_birth=form.patient_date_of_birth,
        patient_age_years=age,
        patient_group=group,
        patient_has_anti_d=form.patient_has_anti_d,
        hospital=hospital,
        ward=ward,
        bed=bed,
        diagnosis=diagnosis,
        component_code=form.component_code,
        units_requested=form.units,
        urgency=urgency,
        requesting_doctor=doctor,
        doctor_registration_number=registration,
        required_by=form.required_by,
        status=RequestStatus.OPEN,
        received_by_id=actor.user_id,
    )
    uow.add(request)
    uow.session.flush()
    uow.audit(
        "create_request",
        request,
        request_number=number,
        component_code=form.component_code,
        units=form.units,
        urgency=urgency,
        patient_group=group,
    )
    return CreatedRequest(request.id, number, age)


def cancel_request(uow: UnitOfWork, request_id: uuid.UUID, reason: str) -> CancelledRequest:
    """Cancel an open request and put every unit reserved for it back into available stock."""
    uow.require(Action.CREATE_REQUEST)
    request = _request(uow.session, request_id)
    _refuse_closed(request)
    if request.status == RequestStatus.FULFILLED:
        raise StateError(CANNOT_CANCEL_FULFILLED(number=request.request_number), code="request_fulfilled")
    reason = _text(reason, "reason", F_CANCEL_REASON, 500)
    released = _release_reservations(uow, request)
    request.status = RequestStatus.CANCELLED
    request.cancelled_at, request.cancel_reason, request.cancelled_by_id = uow.now, reason, uow.actor.user_id
    uow.audit("cancel_request", request, reason=reason, released=[str(i) for i in released])
    return CancelledRequest(request.id, request.request_number, released)


# ---------------------------------------------------------------------------------------------------------------------
# crossmatch and reservation


def crossmatch(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    component_id: uuid.UUID,
    method: str,
    result: str,
    notes: str | None = None,
) -> CrossmatchRecorded:
    """Record a crossmatch of a unit with the request's patient sample.

    The unit must be available (or reserved for this request), unexpired, cleared by the laboratory, the requested
    component and ABO/RhD compatible, except that RhD-positive red cells may be crossmatched for an RhD-negative
    patient who could receive them under a medical officer's override. A compatible result reserves an available
    unit while the request has room for it; an incompatible result never reserves, and releases a unit that was
    reserved for this request.
    """
    actor = uow.require(Action.CROSSMATCH)
    request = _open_request(uow.session, request_id)
    component = get_component(uow, component_id)
    try:
        method = CrossmatchMethod(method)
    except ValueError:
        raise InvalidInput(UNKNOWN_METHOD(method=method), field="method") from None
    try:
        result = CrossmatchResult(result)
    except ValueError:
        raise InvalidInput(UNKNOWN_RESULT(result=result), field="result") from None
    notes = _optional_text(notes, "notes", F_NOTES, 500)

    reasons = _stock_blockers(uow.session, request, component, uow.now)
    if _assessable(request, component):
        verdict = _assess(request, component, uow.now)
        if not verdict.compatible and not _rhd_override_possible(request, component, uow.now):
            reasons += list(verdict.reasons)
    if reasons:
        raise SafetyError(
            CANNOT_CROSSMATCH(din=component.din, number=request.request_number, reasons=tuple(reasons)),
            code="not_crossmatchable",
        )

    row = Crossmatch(
        request_id=request.id,
        component_id=component.id,
        method=method,
        result=result,
        performed_by_id=actor.user_id,
        performed_at=uow.now,
        notes=notes,
    )
    uow.add(row)
    uow.session.flush()
    reserved = component.status == ComponentStatus.RESERVED
    if result == CrossmatchResult.INCOMPATIBLE and reserved:
        transition(uow, component, ComponentStatus.AVAILABLE)
        reserved = False
    elif (
        result == CrossmatchResult.COMPATIBLE
        and not reserved
        and _assess(request, component, uow.now).compatible
        and _units_held(uow.session, request) < request.units_requested
    ):
        _reserve(uow, request, component)
        reserved = True
    uow.audit(
        "crossmatch",
        row,
        din=component.din,
        request_number=request.request_number,
        method=method,
        result=result,
        reserved=reserved,
    )
    return CrossmatchRecorded(row.id, component.id, component.din, result == CrossmatchResult.COMPATIBLE, reserved)


def reserve(uow: UnitOfWork, request_id: uuid.UUID, component_id: uuid.UUID) -> ReservedUnit:
    """Hold an available unit for a request: red cells and whole blood only after a compatible crossmatch."""
    uow.require(Action.RESERVE)
    request = _open_request(uow.session, request_id)
    component = get_component(uow, component_id)
    if component.status == ComponentStatus.RESERVED and component.reserved_for_request_id == request.id:
        raise StateError(
            CANNOT_RESERVE(din=component.din, number=request.request_number, reasons=(ALREADY_RESERVED(),)),
            code="already_reserved",
        )
    reasons = _stock_blockers(uow.session, request, component, uow.now)
    if _assessable(request, component):
        reasons += _assess(request, component, uow.now).reasons
        kind = _kind(component.code)
        latest = _latest_crossmatch(uow.session, request.id, component.id)
        if latest is not None and latest.result == CrossmatchResult.INCOMPATIBLE:
            reasons.append(CROSSMATCH_INCOMPATIBLE())
        elif kind in _CROSSMATCHED_KINDS and latest is None:
            reasons.append(NOT_CROSSMATCHED())
        held = _units_held(uow.session, request)
        if held >= request.units_requested:
            reasons.append(REQUEST_FULL(held=held, units=request.units_requested))
    if reasons:
        raise SafetyError(
            CANNOT_RESERVE(din=component.din, number=request.request_number, reasons=tuple(reasons)),
            code="not_reservable",
        )
    _reserve(uow, request, component)
    uow.audit("reserve", component, din=component.din, request_number=request.request_number)
    return ReservedUnit(component.id, component.din, request.id)


# ---------------------------------------------------------------------------------------------------------------------
# issue


def issue(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    component_id: uuid.UUID,
    collected_by: str,
    *,
    rhd_override: RhdOverride | None = None,
) -> IssuedUnit:
    """Hand a unit over for the request's patient: the last safety gate, which re-checks everything."""
    actor = uow.require(Action.ISSUE)
    request = _request(uow.session, request_id)
    _refuse_closed(request)
    issued = _units_issued(uow.session, request.id)
    if issued >= request.units_requested:
        raise SafetyError(
            REQUEST_FULFILLED(units=request.units_requested, number=request.request_number), code="request_fulfilled"
        )
    collected_by = _text(collected_by, "collected_by", F_COLLECTED_BY, 200)
    override_reason = _check_override_authority(uow.session, rhd_override) if rhd_override is not None else None
    component = get_component(uow, component_id)
    now = uow.now

    reasons = _stock_blockers(uow.session, request, component, now)
    override_used = override_unneeded = False
    uncrossmatched = False
    latest = None
    warnings: tuple[Text, ...] = ()
    if _assessable(request, component):
        verdict = _assess(request, component, now)
        if verdict.compatible:
            if rhd_override is not None:
                override_unneeded = True
            warnings = verdict.warnings
        elif rhd_override is not None and _rhd_override_possible(request, component, now):
            override_refusal = _override_refusal(request, now)
            if override_refusal is None:
                override_used = True
            else:
                reasons += [*verdict.reasons, override_refusal]
        else:
            reasons += verdict.reasons
        latest = _latest_crossmatch(uow.session, request.id, component.id)
        if latest is not None and latest.result == CrossmatchResult.INCOMPATIBLE:
            reasons.append(CROSSMATCH_INCOMPATIBLE())
        elif _kind(component.code) in _CROSSMATCHED_KINDS and latest is None:
            if request.urgency == Urgency.EMERGENCY:
                uncrossmatched = True
            else:
                reasons.append(NOT_CROSSMATCHED())
    if reasons:
        raise SafetyError(
            CANNOT_ISSUE(din=component.din, number=request.request_number, reasons=tuple(reasons)),
            code="not_issuable",
        )
    if override_unneeded:
        # recording an override nobody needed would misstate what the medical officer decided
        raise InvalidInput(OVERRIDE_NOT_NEEDED(din=component.din), field="rhd_override")

    crossmatch_id = latest.id if latest is not None and latest.result == CrossmatchResult.COMPATIBLE else None
    transition(uow, component, ComponentStatus.ISSUED)
    row = Issue(
        request_id=request.id,
        component_id=component.id,
        crossmatch_id=crossmatch_id,
        uncrossmatched=uncrossmatched,
        issued_at=now,
        issued_by_id=actor.user_id,
        collected_by=collected_by,
        override_by_id=rhd_override.medical_officer.user_id if override_used and rhd_override else None,
        override_reason=override_reason if override_used else None,
    )
    uow.add(row)
    uow.session.flush()
    fulfilled = issued + 1 >= request.units_requested
    if fulfilled:
        request.status = RequestStatus.FULFILLED
        _release_reservations(uow, request)  # crossmatched spares go back to stock
    uow.audit(
        "issue",
        row,
        din=component.din,
        request_number=request.request_number,
        blood_group=component.blood_group,
        patient_group=request.patient_group,
        uncrossmatched=uncrossmatched,
        rhd_override=override_used,
        override_by_id=row.override_by_id,
        request_fulfilled=fulfilled,
    )
    return IssuedUnit(
        row.id, component.id, component.din, request.request_number, uncrossmatched, override_used, fulfilled, warnings
    )


# ---------------------------------------------------------------------------------------------------------------------
# after issue


def return_unit(
    uow: UnitOfWork,
    issue_id: uuid.UUID,
    *,
    returned_at: datetime,
    cold_chain_maintained: bool,
    seal_intact: bool,
    reason: str | None = None,
) -> ReturnOutcome:
    """Receive an issued unit back: into stock only if it is sealed, kept cold, back in time and unexpired."""
    actor = uow.require(Action.RECEIVE_RETURN)
    row, component = _outstanding_issue(uow, issue_id)
    _aware(returned_at, "returned_at", F_RETURNED_AT)
    if returned_at < row.issued_at:
        raise InvalidInput(
            RETURN_BEFORE_ISSUE(returned=_when(returned_at), issued=_when(row.issued_at)), field="returned_at"
        )
    if returned_at > uow.now:
        raise InvalidInput(IN_FUTURE(what=F_RETURNED_AT, when=_when(returned_at)), field="returned_at")
    for name, value, what in (
        ("cold_chain_maintained", cold_chain_maintained, F_COLD_CHAIN),
        ("seal_intact", seal_intact, F_SEAL),
    ):
        if not isinstance(value, bool):
            raise InvalidInput(NOT_A_YES_NO(what=what), field=name)
    reason = _optional_text(reason, "reason", F_RETURN_REASON, 500)

    reasons: list[Text] = []
    if not seal_intact:
        reasons.append(RETURN_SEAL_BROKEN())
    if not cold_chain_maintained:
        reasons.append(RETURN_COLD_CHAIN_BROKEN())
    out_for = returned_at - row.issued_at
    if out_for > RETURN_WINDOW.value:
        reasons.append(
            RETURN_TOO_LATE(
                minutes=math.ceil(out_for.total_seconds() / 60), limit=int(RETURN_WINDOW.value.total_seconds() // 60)
            )
        )
    if shelf_life.is_expired(component.expires_at, uow.now):
        reasons.append(RETURN_EXPIRED(expires=_when(component.expires_at)))
    reaction = uow.session.scalar(
        select(TransfusionReaction.id)
        .where(TransfusionReaction.issue_id == row.id, TransfusionReaction.voided_at.is_(None))
        .limit(1)
    )
    if reaction is not None:
        reasons.append(RETURN_AFTER_REACTION())
    # the laboratory may have changed its verdict while the unit was out (a look-back): re-check before restocking
    lab_blockers = release_blockers(uow.session, component)  # expiry is checked above, with its own reason
    if lab_blockers:
        reasons.append(RETURN_LAB_NO_LONGER_CLEAR(reasons=lab_blockers))
    accepted = not reasons

    back = ComponentReturn(
        issue_id=row.id,
        component_id=component.id,
        returned_at=returned_at,
        received_by_id=actor.user_id,
        cold_chain_maintained=cold_chain_maintained,
        seal_intact=seal_intact,
        accepted=accepted,
        reason=reason,
    )
    uow.add(back)
    discard_id = None
    codes = [_RETURN_REFUSAL_CODES[r.msg] for r in reasons]
    if accepted:
        transition(uow, component, ComponentStatus.AVAILABLE)
    else:
        transition(uow, component, ComponentStatus.DISCARDED)
        detail = "; ".join(codes) + (f" ({reason})" if reason else "")
        discard = Discard(
            component_id=component.id,
            reason=DiscardReason.RETURN_NOT_ACCEPTABLE,
            detail=detail[:500],
            discarded_at=uow.now,
            discarded_by_id=actor.user_id,
        )
        uow.add(discard)
        discard_id = discard.id
    request = uow.session.get(BloodRequest, row.request_id)
    reopened = False
    if request is not None and request.status == RequestStatus.FULFILLED:
        uow.session.flush()
        if _units_issued(uow.session, request.id) < request.units_requested:
            request.status = RequestStatus.OPEN
            reopened = True
    uow.session.flush()
    uow.audit(
        "return_unit",
        back,
        din=component.din,
        accepted=accepted,
        refusals=codes,
        minutes_out=int(out_for.total_seconds() // 60),
        request_reopened=reopened,
    )
    return ReturnOutcome(back.id, component.id, component.din, accepted, tuple(reasons), discard_id)


def confirm_transfused(uow: UnitOfWork, issue_id: uuid.UUID) -> TransfusedUnit:
    """Record the ward's confirmation that the issued unit was transfused."""
    uow.require(Action.ISSUE)
    row, component = _outstanding_issue(uow, issue_id)
    transition(uow, component, ComponentStatus.TRANSFUSED)
    uow.audit("confirm_transfused", row, din=component.din, component_id=component.id)
    return TransfusedUnit(row.id, component.id, component.din)


def record_reaction(
    uow: UnitOfWork,
    issue_id: uuid.UUID,
    reaction_type: str,
    severity: str,
    onset_at: datetime,
    description: str | None,
) -> RecordedReaction:
    """Report a transfusion reaction to an issued unit (haemovigilance)."""
    actor = uow.require(Action.RECORD_TRANSFUSION_REACTION)
    row = uow.session.get(Issue, issue_id)
    if row is None:
        raise NotFound(NO_ISSUE(), code="no_issue")
    component = get_component(uow, row.component_id)
    if row.is_void:
        raise StateError(ISSUE_VOIDED(din=component.din), code="issue_voided")
    try:
        kind = TransfusionReactionType(reaction_type)
    except ValueError:
        raise InvalidInput(UNKNOWN_REACTION(value=reaction_type), field="reaction_type") from None
    try:
        grade = Severity(severity)
    except ValueError:
        raise InvalidInput(UNKNOWN_SEVERITY(value=severity), field="severity") from None
    _aware(onset_at, "onset_at", F_ONSET)
    if onset_at < row.issued_at:
        raise InvalidInput(
            ONSET_BEFORE_ISSUE(onset=_when(onset_at), din=component.din, issued=_when(row.issued_at)), field="onset_at"
        )
    if onset_at > uow.now:
        raise InvalidInput(IN_FUTURE(what=F_ONSET, when=_when(onset_at)), field="onset_at")
    description = _optional_text(description, "description", F_DESCRIPTION, 1000)
    reaction = TransfusionReaction(
        issue_id=row.id,
        component_id=component.id,
        reaction_type=kind,
        severity=grade,
        onset_at=onset_at,
        description=description,
        reported_by_id=actor.user_id,
    )
    uow.add(reaction)
    uow.session.flush()
    uow.audit("record_transfusion_reaction", reaction, din=component.din, reaction_type=kind, severity=grade)
    return RecordedReaction(reaction.id, row.id, component.id, component.din)


# ---------------------------------------------------------------------------------------------------------------------
# read side


def suggest_units(session: Session, request_id: uuid.UUID, now: datetime) -> list[UnitSuggestion]:
    """Units that could be issued for the request: best ABO/RhD choice first, then the first to expire."""
    _aware(now, "now", F_NOW)
    request = _request(session, request_id)
    if request.is_void or request.status != RequestStatus.OPEN:
        return []
    candidates = session.scalars(
        select(Component).where(
            Component.code == request.component_code,
            Component.status.in_(list(_ISSUABLE)),
            Component.expires_at > now,
            Component.blood_group.is_not(None),
        )
    ).all()
    suggestions: list[UnitSuggestion] = []
    for component in candidates:
        if _stock_blockers(session, request, component, now):
            continue
        verdict = _assess(request, component, now)
        if not verdict.compatible or verdict.rank is None:
            continue
        latest = _latest_crossmatch(session, request.id, component.id)
        if latest is not None and latest.result == CrossmatchResult.INCOMPATIBLE:
            continue
        suggestions.append(
            UnitSuggestion(
                component.id,
                component.din,
                component.code,
                component.blood_group or "",
                component.expires_at,
                verdict.rank,
                component.status == ComponentStatus.RESERVED,
                latest is not None,
                verdict.warnings,
            )
        )
    suggestions.sort(key=lambda s: (s.rank, s.expires_at, s.din))
    return suggestions


# ---------------------------------------------------------------------------------------------------------------------
# helpers


def _request(session: Session, request_id: uuid.UUID) -> BloodRequest:
    request = session.get(BloodRequest, request_id)
    if request is None:
        raise NotFound(NO_REQUEST(), code="no_request")
    return request


def _refuse_closed(request: BloodRequest) -> None:
    if request.is_void:
        raise StateError(REQUEST_VOIDED(number=request.request_number), code="request_voided")
    if request.status == RequestStatus.CANCELLED:
        raise StateError(REQUEST_CANCELLED(number=request.request_number), code="request_cancelled")


def _open_request(session: Session, request_id: uuid.UUID) -> BloodRequest:
    """A request on which units may still be crossmatched or reserved."""
    request = _request(session, request_id)
    _refuse_closed(request)
    if request.status == RequestStatus.FULFILLED or _units_issued(session, request.id) >= request.units_requested:
        raise StateError(
            REQUEST_FULFILLED(units=request.units_requested, number=request.request_number), code="request_fulfilled"
        )
    return request


def _units_issued(session: Session, request_id: uuid.UUID) -> int:
    """Units issued on the request that are still out or transfused (not voided, not returned)."""
    returned = select(ComponentReturn.issue_id).where(ComponentReturn.voided_at.is_(None))
    return (
        session.scalar(
            select(func.count(Issue.id)).where(
                Issue.request_id == request_id, Issue.voided_at.is_(None), Issue.id.not_in(returned)
            )
        )
        or 0
    )


def _units_held(session: Session, request: BloodRequest) -> int:
    """Units issued on the request plus units reserved for it."""
    reserved = (
        session.scalar(
            select(func.count(Component.id)).where(
                Component.reserved_for_request_id == request.id, Component.status == ComponentStatus.RESERVED
            )
        )
        or 0
    )
    return _units_issued(session, request.id) + reserved


def _release_reservations(uow: UnitOfWork, request: BloodRequest) -> tuple[uuid.UUID, ...]:
    held = uow.session.scalars(
        select(Component).where(
            Component.reserved_for_request_id == request.id, Component.status == ComponentStatus.RESERVED
        )
    ).all()
    for component in held:
        transition(uow, component, ComponentStatus.AVAILABLE)
    return tuple(c.id for c in held)


def _reserve(uow: UnitOfWork, request: BloodRequest, component: Component) -> None:
    transition(uow, component, ComponentStatus.RESERVED)
    component.reserved_for_request_id = request.id


def _kind(code: str) -> str:
    return catalogue.component(code).kind


def _stock_blockers(session: Session, request: BloodRequest, component: Component, now: datetime) -> list[Text]:
    """Why this unit cannot go to this request, apart from compatibility and crossmatch; [] when it can."""
    status = ComponentStatus(component.status)
    if status not in _ISSUABLE:
        return [STATUS_NOT_USABLE[status]()]
    if status == ComponentStatus.RESERVED and component.reserved_for_request_id != request.id:
        other = (
            session.get(BloodRequest, component.reserved_for_request_id) if component.reserved_for_request_id else None
        )
        return [RESERVED_FOR_OTHER(other=other.request_number if other else "-")]
    reasons: list[Text] = []
    if shelf_life.is_expired(component.expires_at, now):
        reasons.append(EXPIRED(expires=_when(component.expires_at)))
    # never trust the status alone: the results may have been corrected since the unit was released
    lab = release_blockers(session, component)
    if lab:
        reasons.append(LAB_NOT_CLEAR(blockers=lab))
    if component.blood_group is None:
        reasons.append(UNIT_NOT_GROUPED())
    else:
        lab_group = lab_status(session, component.donation_id).group
        if lab_group is not None and lab_group != component.blood_group:
            reasons.append(GROUP_DISAGREES(label=component.blood_group, lab=lab_group))
    if component.code != request.component_code:
        reasons.append(
            WRONG_COMPONENT(
                actual=catalogue.component(component.code).name,
                requested=catalogue.component(request.component_code).name,
            )
        )
    return reasons


def _assessable(request: BloodRequest, component: Component) -> bool:
    """Whether compatibility and crossmatch can be judged: a grouped unit that this request may still use."""
    if component.blood_group is None or component.status not in _ISSUABLE:
        return False
    return component.status == ComponentStatus.AVAILABLE or component.reserved_for_request_id == request.id


def _patient_age(request: BloodRequest, now: datetime) -> int:
    """The patient's age in completed years today (from the date of birth when known)."""
    if request.patient_date_of_birth is not None:
        return _completed_years(request.patient_date_of_birth, now.astimezone().date())
    return request.patient_age_years


def _assess(request: BloodRequest, component: Component, now: datetime) -> compatibility.Compatibility:
    return compatibility.assess(
        _kind(component.code),
        component.blood_group or "",
        request.patient_group,
        patient_sex=request.patient_sex,
        patient_age=_patient_age(request, now),
    )


def _rhd_override_possible(request: BloodRequest, component: Component, now: datetime) -> bool:
    """Whether the unit fails only because it is RhD-positive red cells for a known RhD-negative patient."""
    kind = _kind(component.code)
    group = component.blood_group or ""
    patient = request.patient_group
    if kind not in _CROSSMATCHED_KINDS or not group.endswith("+") or not patient.endswith("-"):
        return False
    as_if_positive = compatibility.assess(
        kind, group, patient[:-1] + "+", patient_sex=request.patient_sex, patient_age=_patient_age(request, now)
    )
    return as_if_positive.compatible


def _override_refusal(request: BloodRequest, now: datetime) -> Text | None:
    """Why this patient may not have RhD-positive red cells even on a medical officer's override; None if they may."""
    if request.patient_has_anti_d:
        return OVERRIDE_ANTI_D()
    age = _patient_age(request, now)
    if not compatibility.may_receive_rhd_positive_red_cells(request.patient_sex, age):
        return OVERRIDE_PATIENT_NOT_ELIGIBLE(
            male_age=compatibility.RHD_POSITIVE_MIN_AGE_MALE.value,
            female_age=compatibility.RHD_POSITIVE_MIN_AGE_FEMALE.value,
            sex=SEX_WORDS[Sex(request.patient_sex)],
            age=age,
        )
    return None


def _check_override_authority(session: Session, override: RhdOverride) -> str:
    """The override's reason, once its author is known to be an active medical officer of this centre."""
    officer = override.medical_officer
    if not isinstance(officer, Actor):
        raise NotPermitted(OVERRIDE_USER_UNKNOWN(name="-"), code="override_author")
    try:
        officer.require(Action.OVERRIDE_RHD)
    except NotPermitted:
        raise NotPermitted(OVERRIDE_NOT_MEDICAL_OFFICER(name=officer.name), code="override_role") from None
    user = session.get(User, officer.user_id)
    if user is None or not user.active or user.role != officer.role or user.centre_id != officer.centre_id:
        raise NotPermitted(OVERRIDE_USER_UNKNOWN(name=officer.name), code="override_author")
    return _text(override.reason, "rhd_override", F_OVERRIDE_REASON, 500)


def _latest_crossmatch(session: Session, request_id: uuid.UUID, component_id: uuid.UUID) -> Crossmatch | None:
    """The most recent crossmatch of this unit with this request's patient that is not voided."""
    return session.scalars(
        select(Crossmatch)
        .where(
            Crossmatch.request_id == request_id, Crossmatch.component_id == component_id, Crossmatch.voided_at.is_(None)
        )
        .order_by(Crossmatch.performed_at.desc(), Crossmatch.id.desc())
        .limit(1)
    ).first()


def _outstanding_issue(uow: UnitOfWork, issue_id: uuid.UUID) -> tuple[Issue, Component]:
    """An issue whose unit is still out with the ward: not voided, not returned, not yet transfused."""
    row = uow.session.get(Issue, issue_id)
    if row is None:
        raise NotFound(NO_ISSUE(), code="no_issue")
    component = get_component(uow, row.component_id)
    if row.is_void:
        raise StateError(ISSUE_VOIDED(din=component.din), code="issue_voided")
    returned = uow.session.scalar(
        select(ComponentReturn.id).where(ComponentReturn.issue_id == row.id, ComponentReturn.voided_at.is_(None))
    )
    if returned is not None:
        raise StateError(NOT_OUT_ON_ISSUE(din=component.din, state=ALREADY_RETURNED()), code="not_out")
    if component.status != ComponentStatus.ISSUED:
        state = LABELS[ComponentStatus(component.status)]
        raise StateError(NOT_OUT_ON_ISSUE(din=component.din, state=state), code="not_out")
    return row, component


def _text(value: object, field: str, what: object, limit: int) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise InvalidInput(REQUIRED(what=what), field=field)
    if len(text) > limit:
        raise InvalidInput(TOO_LONG(what=what, limit=limit), field=field)
    return text


def _optional_text(value: object, field: str, what: object, limit: int) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _text(value, field, what, limit)


def _sex(value: object) -> Sex:
    try:
        return Sex(value.strip().upper() if isinstance(value, str) else value)
    except ValueError:
        raise InvalidInput(UNKNOWN_SEX(), field="patient_sex") from None


def _patient_group(value: object) -> str:
    text = value.strip().upper().replace("\u2212", "-").replace(" ", "") if isinstance(value, str) else ""
    if text == compatibility.UNKNOWN.upper():
        return compatibility.UNKNOWN
    if text not in compatibility.GROUPS:
        groups = ", ".join(compatibility.GROUPS)
        raise InvalidInput(UNKNOWN_GROUP(group=value, groups=groups), field="patient_group")
    return text


def _age(dob: date | None, age: int | None, now: datetime) -> int:
    today = now.astimezone().date()
    limit = MAX_PATIENT_AGE_YEARS.value
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= limit):
        raise InvalidInput(IMPOSSIBLE_AGE(age=age, limit=limit), field="patient_age_years")
    if dob is None:
        if age is None:
            raise InvalidInput(AGE_NEEDED(), field="patient_age_years")
        return age
    if not isinstance(dob, date) or isinstance(dob, datetime):
        raise InvalidInput(AGE_NEEDED(), field="patient_date_of_birth")
    if dob > today:
        raise InvalidInput(DOB_IN_FUTURE(dob=dob.isoformat()), field="patient_date_of_birth")
    computed = _completed_years(dob, today)
    if computed > limit:
        raise InvalidInput(IMPOSSIBLE_AGE(age=computed, limit=limit), field="patient_date_of_birth")
    if age is not None and age != computed:
        raise InvalidInput(AGE_DISAGREES(age=age, dob=dob.isoformat(), computed=computed), field="patient_age_years")
    return computed


def _completed_years(dob: date, today: date) -> int:
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


def _aware(value: object, field: str, what: object) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidInput(NOT_A_DATE_TIME(what=what, value=value), field=field)


def _when(value: datetime) -> str:
    """A time as the counter reads it on a form (UTC, to the minute)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
