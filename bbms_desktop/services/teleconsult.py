"""Teleconsultation use cases (DOMAIN.md §8): the spoke writes a request for a patient, queues it, adds files,
answers the hub's questions and receives the advice; the hub doctor accepts, asks for more information and completes
it with advice and an e-prescription. Every step is one unit of work, checked against ``rules.teleconsult`` (the
server checks the same table) and audited with the step it took.

A request is valid before its files arrive (SYNC.md principle 13): a queued request syncs at once, each file follows
on its own (``sync.blobs``), and each file's upload state is tracked beside it (:class:`BlobUpload`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_desktop.errors import InvalidInput, NotFound, NotPermitted, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg
from bbms_desktop.models import (
    BlobUpload,
    Centre,
    DraftAttachment,
    PrescribedMedicine,
    Teleconsult,
    TeleconsultAttachment,
    TeleconsultMessage,
    User,
    new_id,
)
from bbms_desktop.rules import prescribing
from bbms_desktop.rules.roles import Action, Role
from bbms_desktop.rules.teleconsult import (
    ABHA_NUMBER_DIGITS,
    EDITABLE,
    MAX_PATIENT_AGE_YEARS,
    OPEN,
    SPECIALTY_LABELS,
    STATUS_LABELS,
    VITAL_BOUNDS,
    AttachmentKind,
    ConsultStatus,
    Party,
    Priority,
    UploadState,
    check_step,
)
from bbms_desktop.rules.vocabulary import CentreKind, Sex
from bbms_desktop.services import numbering
from bbms_desktop.services.blobs import BlobStore
from bbms_desktop.services.consult_record import ConsultRecord, Medicine, Vitals
from bbms_desktop.services.uow import Actor, UnitOfWork

C = ConsultStatus

# --- the request form ------------------------------------------------------------------------------------------------
REQUIRED = QT_TRANSLATE_NOOP("Teleconsult", "Enter the {what}: a teleconsultation needs it.")
TOO_LONG = QT_TRANSLATE_NOOP("Teleconsult", "The {what} is too long: at most {limit} characters.")
BAD_AGE = QT_TRANSLATE_NOOP("Teleconsult", "Enter the patient's age in whole years, from 0 to {limit} (not {value!r}).")
BAD_SEX = QT_TRANSLATE_NOOP("Teleconsult", "Choose the patient's sex: male (M), female (F) or other (X).")
BAD_MOBILE = QT_TRANSLATE_NOOP(
    "Teleconsult", "The mobile number {value!r} is not an Indian mobile number: 10 digits starting with 6, 7, 8 or 9."
)
BAD_ABHA = QT_TRANSLATE_NOOP(
    "Teleconsult",
    "The ABHA id {value!r} is neither a 14-digit ABHA number (12-3456-7890-1234) nor an ABHA address (name@abdm).",
)
BAD_SPECIALTY = QT_TRANSLATE_NOOP("Teleconsult", "Choose the specialty to ask: {value!r} is not one of them.")
BAD_PRIORITY = QT_TRANSLATE_NOOP("Teleconsult", "Choose the priority: routine, urgent or emergency.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Teleconsult", "The {what} must be a number, not {value!r}.")
NOT_WHOLE = QT_TRANSLATE_NOOP("Teleconsult", "The {what} must be a whole number, not {value!r}.")
VITAL_OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Teleconsult", "A {what} of {value} is not possible: check it (it must be from {low} to {high} {unit})."
)
BP_INCOMPLETE = QT_TRANSLATE_NOOP("Teleconsult", "Enter both blood pressure numbers (systolic and diastolic), or none.")
BP_INVERTED = QT_TRANSLATE_NOOP(
    "Teleconsult", "The systolic pressure ({systolic}) must be higher than the diastolic ({diastolic})."
)
NO_HUB = QT_TRANSLATE_NOOP("Teleconsult", "Choose the hub to ask: this machine knows no hub centre yet (sync first).")
NOT_A_HUB = QT_TRANSLATE_NOOP("Teleconsult", "The centre chosen is not a teleconsultation hub.")
SEVERAL_HUBS = QT_TRANSLATE_NOOP("Teleconsult", "Choose the hub to ask: this machine knows several hub centres.")

F_PATIENT_NAME = QT_TRANSLATE_NOOP("Teleconsult", "patient's name")
F_COMPLAINTS = QT_TRANSLATE_NOOP("Teleconsult", "chief complaints")
F_HISTORY = QT_TRANSLATE_NOOP("Teleconsult", "history")
F_NOTE = QT_TRANSLATE_NOOP("Teleconsult", "note")
F_REASON = QT_TRANSLATE_NOOP("Teleconsult", "reason for cancelling")
F_MESSAGE = QT_TRANSLATE_NOOP("Teleconsult", "message")
F_DIAGNOSIS = QT_TRANSLATE_NOOP("Teleconsult", "diagnosis")
F_ADVICE = QT_TRANSLATE_NOOP("Teleconsult", "advice")
F_MEDICINE = QT_TRANSLATE_NOOP("Teleconsult", "medicine name")
F_DOSE = QT_TRANSLATE_NOOP("Teleconsult", "dose")
F_FREQUENCY = QT_TRANSLATE_NOOP("Teleconsult", "frequency")
F_DURATION = QT_TRANSLATE_NOOP("Teleconsult", "duration")
F_FORM = QT_TRANSLATE_NOOP("Teleconsult", "dosage form")
F_ROUTE = QT_TRANSLATE_NOOP("Teleconsult", "route")
F_INSTRUCTIONS = QT_TRANSLATE_NOOP("Teleconsult", "instructions")

VITAL_NAMES: dict[str, tuple[Msg, str]] = {
    "height_cm": (QT_TRANSLATE_NOOP("Teleconsult", "height"), "cm"),
    "weight_kg": (QT_TRANSLATE_NOOP("Teleconsult", "weight"), "kg"),
    "pulse_per_min": (QT_TRANSLATE_NOOP("Teleconsult", "pulse"), "/min"),
    "bp_systolic": (QT_TRANSLATE_NOOP("Teleconsult", "systolic blood pressure"), "mmHg"),
    "bp_diastolic": (QT_TRANSLATE_NOOP("Teleconsult", "diastolic blood pressure"), "mmHg"),
    "temperature_c": (QT_TRANSLATE_NOOP("Teleconsult", "temperature"), "°C"),
    "respiratory_rate_per_min": (QT_TRANSLATE_NOOP("Teleconsult", "respiratory rate"), "/min"),
    "spo2_percent": (QT_TRANSLATE_NOOP("Teleconsult", "SpO2"), "%"),
}
_WHOLE_VITALS = frozenset({"pulse_per_min", "bp_systolic", "bp_diastolic", "respiratory_rate_per_min", "spo2_percent"})

# --- steps -----------------------------------------------------------------------------------------------------------
NO_CONSULT = QT_TRANSLATE_NOOP("Teleconsult", "No such teleconsultation was found on this machine.")
NOT_EDITABLE = QT_TRANSLATE_NOOP(
    "Teleconsult",
    "This request is '{status}': only a draft can be changed. Send more information as a message instead.",
)
NOT_OPEN = QT_TRANSLATE_NOOP("Teleconsult", "This teleconsultation is '{status}': it is closed.")
NO_SUCH_FILE = QT_TRANSLATE_NOOP("Teleconsult", "This file is not attached to the draft.")
NOT_A_HUB_DOCTOR = QT_TRANSLATE_NOOP(
    "Teleconsult", "Only a hub doctor of this hub whose specialties include {specialty} may answer this request."
)
NO_REGISTRATION = QT_TRANSLATE_NOOP(
    "Teleconsult",
    "Your account has no medical council registration number: an e-prescription must carry it. Ask the "
    "administrator to add it.",
)
NOT_ACCEPTED_BY_YOU = QT_TRANSLATE_NOOP(
    "Teleconsult", "This request was accepted by {doctor}: only that doctor may answer it."
)
FOLLOW_UP_PAST = QT_TRANSLATE_NOOP("Teleconsult", "The follow-up date {date} is in the past.")
NOT_COMPLETED = QT_TRANSLATE_NOOP("Teleconsult", "This teleconsultation has no completed advice yet.")

_MOBILE = re.compile(r"^[6-9][0-9]{9}$")
_ABHA_ADDRESS = re.compile(r"^[A-Za-z0-9._]{4,40}@(abdm|sbx)$")


@dataclass(frozen=True, slots=True)
class ConsultForm:
    """What the spoke's health worker enters. Vitals may be numbers or typed text; any may be left empty."""

    patient_name: str
    patient_age_years: int | str
    patient_sex: str
    chief_complaints: str
    specialty: str
    priority: str = Priority.ROUTINE
    patient_mobile: str | None = None
    patient_abha_id: str | None = None
    history: str | None = None
    note: str | None = None
    hub_centre_id: uuid.UUID | None = None  # None: the one hub this machine knows
    height_cm: float | str | None = None
    weight_kg: float | str | None = None
    pulse_per_min: int | str | None = None
    bp_systolic: int | str | None = None
    bp_diastolic: int | str | None = None
    temperature_c: float | str | None = None
    respiratory_rate_per_min: int | str | None = None
    spo2_percent: int | str | None = None


@dataclass(frozen=True, slots=True)
class MedicineLine:
    name: str
    dose: str
    frequency: str
    duration: str
    form: str | None = None
    route: str | None = None
    instructions: str | None = None


@dataclass(frozen=True, slots=True)
class PrescriptionForm:
    diagnosis: str
    advice: str
    medicines: tuple[MedicineLine, ...] = ()
    follow_up_on: date | None = None


@dataclass(frozen=True, slots=True)
class ConsultRef:
    consult_id: uuid.UUID
    consult_number: str
    status: ConsultStatus


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    attachment_id: uuid.UUID
    sha256: str
    file_name: str
    media_type: str
    size_bytes: int
    resized: bool
    draft: bool  # still on the draft only (it is sent when the request is queued)


# ---------------------------------------------------------------------------------------------------------------------
# the spoke


def create_draft(uow: UnitOfWork, form: ConsultForm) -> ConsultRef:
    """Save a new request as a draft (nothing is sent until it is queued)."""
    actor = uow.require(Action.REQUEST_TELECONSULT)
    values = _checked_form(uow, form)
    centre = uow.session.get(Centre, actor.centre_id)
    if centre is None:
        raise StateError(NO_HUB(), code="no_centre")
    number = f"{centre.code}-T{uow.now.astimezone().year % 100:02d}{numbering.next_number(uow, 'request'):06d}"
    consult = Teleconsult(consult_number=number, status=C.DRAFT, created_by_id=actor.user_id, **values)
    uow.add(consult)
    uow.session.flush()
    uow.audit("teleconsult_draft_saved", consult, status=C.DRAFT)
    return _ref(consult)


def edit_draft(uow: UnitOfWork, consult_id: uuid.UUID, form: ConsultForm) -> ConsultRef:
    uow.require(Action.REQUEST_TELECONSULT)
    consult = _consult(uow.session, consult_id)
    _party(uow, consult, Party.SPOKE)
    if consult.status not in EDITABLE:
        raise StateError(NOT_EDITABLE(status=_status_label(consult.status)), code="not_editable")
    values = _checked_form(uow, form)
    changed = sorted(key for key, value in values.items() if getattr(consult, key) != value)
    for key in changed:
        setattr(consult, key, values[key])
    uow.audit("teleconsult_draft_edited", consult, fields=changed)
    return _ref(consult)


def queue(uow: UnitOfWork, consult_id: uuid.UUID) -> ConsultRef:
    """Queue a draft for the hub: it goes with the next sync, its files one by one after it."""
    uow.require(Action.REQUEST_TELECONSULT)
    consult = _consult(uow.session, consult_id)
    actor = _party(uow, consult, Party.SPOKE)
    _step(uow, consult, C.QUEUED, Party.SPOKE)
    consult.queued_at = uow.now
    drafts = uow.session.scalars(
        select(DraftAttachment)
        .where(DraftAttachment.consult_id == consult.id, DraftAttachment.removed_at.is_(None))
        .order_by(DraftAttachment.added_at, DraftAttachment.id)
    ).all()
    for draft in drafts:
        _attach(uow, consult, actor, draft.sha256, draft.file_name, draft.media_type, draft.size_bytes, draft.kind)
        draft.removed_at = uow.now
    return _ref(consult)


def cancel(uow: UnitOfWork, consult_id: uuid.UUID, reason: str) -> ConsultRef:
    """Withdraw (spoke) or decline (hub doctor) an open request, with a reason."""
    consult = _consult(uow.session, consult_id)
    party = _party_of(uow, consult)
    uow.require(Action.REQUEST_TELECONSULT if party == Party.SPOKE else Action.ANSWER_TELECONSULT)
    if party == Party.HUB:
        _hub_doctor(uow, consult)
    text = _text(reason, "reason", F_REASON, 500)
    assert uow.actor is not None
    _step(uow, consult, C.CANCELLED, party, reason=text)
    consult.cancelled_at = uow.now
    consult.cancel_reason = text
    consult.cancelled_by_id = uow.actor.user_id
    return _ref(consult)


def add_attachment(
    uow: UnitOfWork, blobs: BlobStore, consult_id: uuid.UUID, source: Path, kind: str = AttachmentKind.OTHER
) -> AttachmentRef:
    """Attach a file from disk (photos sized down, PDFs kept): to the draft, or sent at once to an open request."""
    uow.require(Action.REQUEST_TELECONSULT)
    consult = _consult(uow.session, consult_id)
    actor = _party(uow, consult, Party.SPOKE)
    if consult.status not in OPEN:
        raise StateError(NOT_OPEN(status=_status_label(consult.status)), code="not_open")
    try:
        attachment_kind = AttachmentKind(kind)
    except ValueError:
        attachment_kind = AttachmentKind.OTHER
    stored = blobs.add_file(Path(source))
    if consult.status == C.DRAFT:
        draft = DraftAttachment(
            id=new_id(),
            consult_id=consult.id,
            sha256=stored.sha256,
            file_name=stored.file_name,
            media_type=stored.media_type,
            size_bytes=stored.size_bytes,
            kind=attachment_kind,
            added_at=uow.now,
        )
        uow.session.add(draft)
        uow.audit("teleconsult_file_added", consult, sha256=stored.sha256, file_name=stored.file_name, draft=True)
        return AttachmentRef(
            draft.id, stored.sha256, stored.file_name, stored.media_type, stored.size_bytes, stored.resized, True
        )
    row = _attach(
        uow, consult, actor, stored.sha256, stored.file_name, stored.media_type, stored.size_bytes, attachment_kind
    )
    return AttachmentRef(
        row.id, stored.sha256, stored.file_name, stored.media_type, stored.size_bytes, stored.resized, False
    )


def remove_draft_attachment(uow: UnitOfWork, attachment_id: uuid.UUID) -> None:
    uow.require(Action.REQUEST_TELECONSULT)
    draft = uow.session.get(DraftAttachment, attachment_id)
    if draft is None or draft.removed_at is not None:
        raise NotFound(NO_SUCH_FILE(), code="no_attachment")
    consult = _consult(uow.session, draft.consult_id)
    _party(uow, consult, Party.SPOKE)
    if consult.status != C.DRAFT:
        raise StateError(NOT_EDITABLE(status=_status_label(consult.status)), code="not_editable")
    draft.removed_at = uow.now
    uow.audit("teleconsult_file_removed", consult, sha256=draft.sha256, draft=True)


def send_message(uow: UnitOfWork, consult_id: uuid.UUID, body: str) -> uuid.UUID:
    """A message to the other side of an open request (the spoke's answer to a question, a hub doctor's note)."""
    consult = _consult(uow.session, consult_id)
    party = _party_of(uow, consult)
    uow.require(Action.REQUEST_TELECONSULT if party == Party.SPOKE else Action.ANSWER_TELECONSULT)
    if party == Party.HUB:
        _hub_doctor(uow, consult)
    if consult.status not in OPEN or consult.status == C.DRAFT:
        raise StateError(NOT_OPEN(status=_status_label(consult.status)), code="not_open")
    return _message(uow, consult, party, _text(body, "body", F_MESSAGE, 4000), asks=False).id


def mark_received(uow: UnitOfWork, consult_ids: list[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """The spoke has the hub's answer: completed requests of this centre become received (run after each pull)."""
    centre_id = uow.actor.centre_id if uow.actor else uow.device.centre_id
    query = select(Teleconsult).where(Teleconsult.centre_id == centre_id, Teleconsult.status == C.COMPLETED)
    if consult_ids is not None:
        query = query.where(Teleconsult.id.in_(consult_ids))
    received = []
    for consult in uow.session.scalars(query):
        _step(uow, consult, C.RECEIVED, Party.SPOKE)
        consult.received_at = uow.now
        received.append(consult.id)
    return received


# ---------------------------------------------------------------------------------------------------------------------
# the hub doctor


def accept(uow: UnitOfWork, consult_id: uuid.UUID) -> ConsultRef:
    uow.require(Action.ANSWER_TELECONSULT)
    consult = _consult(uow.session, consult_id)
    _party(uow, consult, Party.HUB)
    doctor = _hub_doctor(uow, consult, accepting=True)
    _step(uow, consult, C.ACCEPTED, Party.HUB)
    consult.accepted_at = uow.now
    consult.accepted_by_id = doctor.id
    consult.doctor_name = doctor.full_name
    consult.doctor_registration_number = doctor.registration_number
    return _ref(consult)


def ask_for_information(uow: UnitOfWork, consult_id: uuid.UUID, question: str) -> uuid.UUID:
    """The hub doctor asks the spoke for more (a photo, a report, a detail); the consultation is under way."""
    uow.require(Action.ANSWER_TELECONSULT)
    consult = _consult(uow.session, consult_id)
    _party(uow, consult, Party.HUB)
    _hub_doctor(uow, consult)
    text = _text(question, "question", F_MESSAGE, 4000)
    if consult.status == C.ACCEPTED:
        _step(uow, consult, C.IN_CONSULTATION, Party.HUB)
    elif consult.status != C.IN_CONSULTATION:
        check_step(consult.status, C.IN_CONSULTATION, Party.HUB)
    return _message(uow, consult, Party.HUB, text, asks=True).id


def complete(uow: UnitOfWork, consult_id: uuid.UUID, form: PrescriptionForm) -> ConsultRef:
    """Complete with advice and an e-prescription; a medicine on the prohibited list refuses the whole answer."""
    uow.require(Action.ANSWER_TELECONSULT)
    consult = _consult(uow.session, consult_id)
    _party(uow, consult, Party.HUB)
    doctor = _hub_doctor(uow, consult)
    diagnosis = _text(form.diagnosis, "diagnosis", F_DIAGNOSIS, 1000)
    advice = _text(form.advice, "advice", F_ADVICE, 4000)
    if form.follow_up_on is not None and form.follow_up_on < uow.now.astimezone().date():
        raise InvalidInput(FOLLOW_UP_PAST(date=form.follow_up_on.isoformat()), field="follow_up_on")
    lines = [_medicine(line, index) for index, line in enumerate(form.medicines, start=1)]
    check_step(consult.status, C.COMPLETED, Party.HUB)
    for number, values in lines:
        uow.add(
            PrescribedMedicine(
                consult_id=consult.id,
                spoke_centre_id=consult.centre_id,
                hub_centre_id=consult.hub_centre_id,
                line_number=number,
                **values,
            )
        )
    _step(uow, consult, C.COMPLETED, Party.HUB, medicines=len(lines))
    consult.diagnosis = diagnosis
    consult.advice = advice
    consult.follow_up_on = form.follow_up_on
    consult.completed_at = uow.now
    consult.doctor_name = doctor.full_name
    consult.doctor_registration_number = doctor.registration_number
    return _ref(consult)


# ---------------------------------------------------------------------------------------------------------------------
# the completed consult as plain values (the prescription PDF and the FHIR export are made from it)


SEX_WORDS = {Sex.MALE: "male", Sex.FEMALE: "female", Sex.OTHER: "other"}


def consult_record(session: Session, consult_id: uuid.UUID) -> ConsultRecord:
    """The completed (or received) consult ``consult_id`` as a :class:`ConsultRecord`."""
    consult = _consult(session, consult_id)
    if consult.status not in (C.COMPLETED, C.RECEIVED) or consult.completed_at is None:
        raise StateError(NOT_COMPLETED(), code="not_completed")
    spoke = session.get(Centre, consult.centre_id)
    hub = session.get(Centre, consult.hub_centre_id)
    medicines = session.scalars(
        select(PrescribedMedicine)
        .where(PrescribedMedicine.consult_id == consult.id)
        .order_by(PrescribedMedicine.line_number)
    ).all()
    return ConsultRecord(
        consult_id=consult.id,
        consult_number=consult.consult_number,
        spoke_centre_code=spoke.code if spoke else "",
        spoke_centre_name=spoke.name if spoke else "",
        hub_centre_code=hub.code if hub else "",
        hub_centre_name=hub.name if hub else "",
        specialty=consult.specialty,
        patient_name=consult.patient_name,
        patient_age_years=consult.patient_age_years,
        patient_sex=SEX_WORDS[Sex(consult.patient_sex)],
        patient_mobile=consult.patient_mobile,
        patient_abha_id=consult.patient_abha_id,
        chief_complaints=consult.chief_complaints,
        history=consult.history,
        vitals=Vitals(**{name: getattr(consult, name) for name in VITAL_BOUNDS}),
        requested_at=consult.queued_at or consult.created_at,
        doctor_name=consult.doctor_name or "",
        doctor_registration_number=consult.doctor_registration_number or "",
        diagnosis=consult.diagnosis or "",
        advice=consult.advice or "",
        completed_at=consult.completed_at,
        follow_up_on=consult.follow_up_on,
        medicines=tuple(
            Medicine(m.name, m.dose, m.frequency, m.duration, m.form, m.route, m.instructions) for m in medicines
        ),
        is_emergency=consult.priority == Priority.EMERGENCY,
        is_training=bool(spoke.is_training) if spoke else False,
    )


# ---------------------------------------------------------------------------------------------------------------------
# helpers


def _ref(consult: Teleconsult) -> ConsultRef:
    return ConsultRef(consult.id, consult.consult_number, ConsultStatus(consult.status))


def _consult(session: Session, consult_id: uuid.UUID) -> Teleconsult:
    consult = session.get(Teleconsult, consult_id)
    if consult is None:
        raise NotFound(NO_CONSULT(), code="no_consult")
    return consult


def _party_of(uow: UnitOfWork, consult: Teleconsult) -> Party:
    actor = uow.actor
    if actor is not None and actor.centre_id == consult.centre_id:
        return Party.SPOKE
    if actor is not None and actor.centre_id == consult.hub_centre_id:
        return Party.HUB
    raise NotFound(NO_CONSULT(), code="no_consult")  # another centre's patient: as if it did not exist


def _party(uow: UnitOfWork, consult: Teleconsult, party: Party) -> Actor:
    if _party_of(uow, consult) != party:
        raise NotFound(NO_CONSULT(), code="no_consult")
    assert uow.actor is not None
    return uow.actor


def _hub_doctor(uow: UnitOfWork, consult: Teleconsult, *, accepting: bool = False) -> User:
    """The signed-in hub doctor, who must cover the request's specialty (and, once accepted, be the one who did)."""
    assert uow.actor is not None
    user = uow.session.get(User, uow.actor.user_id)
    specialty = SPECIALTY_LABELS.get(consult.specialty, consult.specialty)
    if (
        user is None
        or user.role != Role.HUB_DOCTOR
        or not user.active
        or user.centre_id != consult.hub_centre_id
        or consult.specialty not in (user.specialties or [])
    ):
        raise NotPermitted(NOT_A_HUB_DOCTOR(specialty=specialty), code="not_hub_doctor")
    if not (user.registration_number or "").strip():
        raise NotPermitted(NO_REGISTRATION(), code="no_registration")
    if not accepting and consult.accepted_by_id is not None and consult.accepted_by_id != user.id:
        raise NotPermitted(NOT_ACCEPTED_BY_YOU(doctor=consult.doctor_name or ""), code="not_accepted_by_you")
    return user


def _step(uow: UnitOfWork, consult: Teleconsult, target: ConsultStatus, party: Party, **details: Any) -> None:
    current = ConsultStatus(consult.status)
    check_step(current, target, party)
    consult.status = target
    uow.audit(f"teleconsult_{target.value}", consult, from_status=current, to_status=target, **details)


def _attach(
    uow: UnitOfWork,
    consult: Teleconsult,
    actor: Actor,
    sha256: str,
    file_name: str,
    media_type: str,
    size_bytes: int,
    kind: str,
) -> TeleconsultAttachment:
    row = TeleconsultAttachment(
        consult_id=consult.id,
        spoke_centre_id=consult.centre_id,
        hub_centre_id=consult.hub_centre_id,
        sha256=sha256,
        file_name=file_name,
        media_type=media_type,
        size_bytes=size_bytes,
        kind=AttachmentKind(kind),
        added_by_id=actor.user_id,
    )
    uow.add(row)
    if uow.session.get(BlobUpload, sha256) is None:
        uow.session.add(BlobUpload(sha256=sha256, size_bytes=size_bytes, state=UploadState.WAITING, updated_at=uow.now))
    uow.audit("teleconsult_file_added", consult, sha256=sha256, file_name=file_name, draft=False)
    return row


def _message(uow: UnitOfWork, consult: Teleconsult, party: Party, body: str, *, asks: bool) -> TeleconsultMessage:
    assert uow.actor is not None
    row = TeleconsultMessage(
        consult_id=consult.id,
        spoke_centre_id=consult.centre_id,
        hub_centre_id=consult.hub_centre_id,
        from_hub=party == Party.HUB,
        asks_for_information=asks,
        body=body,
        author_id=uow.actor.user_id,
        author_name=uow.actor.name[:200],
        sent_at=uow.now,
    )
    uow.add(row)
    uow.audit("teleconsult_message", consult, from_hub=row.from_hub, asks_for_information=asks)
    return row


def _checked_form(uow: UnitOfWork, form: ConsultForm) -> dict[str, Any]:
    values: dict[str, Any] = {
        "patient_name": _text(form.patient_name, "patient_name", F_PATIENT_NAME, 200),
        "patient_age_years": _age(form.patient_age_years),
        "patient_sex": _sex(form.patient_sex),
        "patient_mobile": _mobile(form.patient_mobile),
        "patient_abha_id": _abha(form.patient_abha_id),
        "chief_complaints": _text(form.chief_complaints, "chief_complaints", F_COMPLAINTS, 2000),
        "history": _optional_text(form.history, "history", F_HISTORY, 4000),
        "note": _optional_text(form.note, "note", F_NOTE, 2000),
        "specialty": _specialty(form.specialty),
        "priority": _priority(form.priority),
        "hub_centre_id": _hub(uow, form.hub_centre_id),
    }
    for name in VITAL_BOUNDS:
        values[name] = _vital(name, getattr(form, name))
    if (values["bp_systolic"] is None) != (values["bp_diastolic"] is None):
        raise InvalidInput(BP_INCOMPLETE(), field="bp_systolic" if values["bp_systolic"] is None else "bp_diastolic")
    if values["bp_systolic"] is not None and values["bp_systolic"] <= values["bp_diastolic"]:
        raise InvalidInput(
            BP_INVERTED(systolic=values["bp_systolic"], diastolic=values["bp_diastolic"]), field="bp_systolic"
        )
    return values


def _text(value: str | None, name: str, what: Msg, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(REQUIRED(what=what), field=name)
    if len(text) > limit:
        raise InvalidInput(TOO_LONG(what=what, limit=limit), field=name)
    return text


def _optional_text(value: str | None, name: str, what: Msg, limit: int) -> str | None:
    text = (value or "").strip()
    if len(text) > limit:
        raise InvalidInput(TOO_LONG(what=what, limit=limit), field=name)
    return text or None


def _age(value: int | str) -> int:
    text = str(value).strip() if not isinstance(value, bool) else ""
    limit = MAX_PATIENT_AGE_YEARS.value
    if not text.isdigit() or int(text) > limit:
        raise InvalidInput(BAD_AGE(limit=limit, value=value), field="patient_age_years")
    return int(text)


def _sex(value: str) -> Sex:
    text = (value or "").strip().upper()
    aliases = {"MALE": "M", "FEMALE": "F", "OTHER": "X"}
    try:
        return Sex(aliases.get(text, text))
    except ValueError:
        raise InvalidInput(BAD_SEX(), field="patient_sex") from None


def _mobile(value: str | None) -> str | None:
    text = re.sub(r"[\s-]", "", value or "")
    if not text:
        return None
    plain = re.sub(r"^(\+91|0091|0)", "", text)
    if not _MOBILE.match(plain):
        raise InvalidInput(BAD_MOBILE(value=value), field="patient_mobile")
    return plain


def _abha(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    digits = re.sub(r"[\s-]", "", text)
    if digits.isdigit() and len(digits) == ABHA_NUMBER_DIGITS.value:
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:10]}-{digits[10:]}"
    if _ABHA_ADDRESS.match(text.lower()):
        return text.lower()
    raise InvalidInput(BAD_ABHA(value=value), field="patient_abha_id")


def _specialty(value: str) -> str:
    if value not in SPECIALTY_LABELS:
        raise InvalidInput(BAD_SPECIALTY(value=value), field="specialty")
    return str(value)


def _priority(value: str) -> Priority:
    try:
        return Priority(value)
    except ValueError:
        raise InvalidInput(BAD_PRIORITY(), field="priority") from None


def _hub(uow: UnitOfWork, hub_centre_id: uuid.UUID | None) -> uuid.UUID:
    if hub_centre_id is not None:
        hub = uow.session.get(Centre, hub_centre_id)
        if hub is None or hub.kind != CentreKind.HUB:
            raise InvalidInput(NOT_A_HUB(), field="hub_centre_id")
        return hub.id
    training = uow.device.is_training
    hubs = uow.session.scalars(
        select(Centre.id).where(Centre.kind == CentreKind.HUB, Centre.is_training == training)
    ).all()
    if not hubs:
        raise InvalidInput(NO_HUB(), field="hub_centre_id")
    if len(hubs) > 1:
        raise InvalidInput(SEVERAL_HUBS(), field="hub_centre_id")
    return hubs[0]


def _vital(name: str, value: float | int | str | None) -> float | int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    what, unit = VITAL_NAMES[name]
    whole = name in _WHOLE_VITALS
    try:
        number = float(str(value).strip().replace(",", ".")) if not isinstance(value, bool) else float("nan")
    except ValueError:
        raise InvalidInput(NOT_A_NUMBER(what=what, value=value), field=name) from None
    if number != number:  # NaN, or a yes/no given as a number
        raise InvalidInput(NOT_A_NUMBER(what=what, value=value), field=name)
    if whole and number != int(number):
        raise InvalidInput(NOT_WHOLE(what=what, value=value), field=name)
    low, high = VITAL_BOUNDS[name].value
    if not low <= number <= high:
        shown = int(number) if number == int(number) else number
        raise InvalidInput(VITAL_OUT_OF_RANGE(what=what, value=shown, low=low, high=high, unit=unit), field=name)
    return int(number) if whole else round(number, 1)


def _medicine(line: MedicineLine, number: int) -> tuple[int, dict[str, Any]]:
    name = _text(line.name, f"medicines.{number}.name", F_MEDICINE, 200)
    found = prescribing.prohibited_in(name)
    if found is not None:
        raise InvalidInput(
            prescribing.PROHIBITED_MEDICINE(medicine=name, source=found.source.title),
            code="prohibited_medicine",
            field=f"medicines.{number}.name",
        )
    return number, {
        "name": name,
        "dose": _text(line.dose, f"medicines.{number}.dose", F_DOSE, 100),
        "frequency": _text(line.frequency, f"medicines.{number}.frequency", F_FREQUENCY, 100),
        "duration": _text(line.duration, f"medicines.{number}.duration", F_DURATION, 100),
        "form": _optional_text(line.form, f"medicines.{number}.form", F_FORM, 60),
        "route": _optional_text(line.route, f"medicines.{number}.route", F_ROUTE, 60),
        "instructions": _optional_text(line.instructions, f"medicines.{number}.instructions", F_INSTRUCTIONS, 300),
    }


def _status_label(status: str) -> Msg:
    return STATUS_LABELS[status]
