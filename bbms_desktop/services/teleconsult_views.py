"""Read-only views of teleconsultations for the pages: the spoke's queue (emergencies first, each file's own upload
state), the hub doctor's queue (only the specialties assigned to them, by priority), and one request in full.

Plain values only (never ORM objects), so a page can take them across threads.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from bbms_desktop.i18n import Text, text_from_json
from bbms_desktop.models import (
    BlobUpload,
    DraftAttachment,
    PrescribedMedicine,
    Teleconsult,
    TeleconsultAttachment,
    TeleconsultMessage,
    User,
)
from bbms_desktop.rules.teleconsult import PRIORITY_ORDER, VITAL_BOUNDS, ConsultStatus, UploadState
from bbms_desktop.services.consult_record import Medicine

C = ConsultStatus
HUB_OPEN = (C.UPLOADED, C.ACCEPTED, C.IN_CONSULTATION)
QUEUE_LIMIT = 500


@dataclass(frozen=True, slots=True)
class AttachmentState:
    attachment_id: uuid.UUID
    sha256: str
    file_name: str
    kind: str
    media_type: str
    size_bytes: int
    state: UploadState  # waiting / uploading / uploaded / failed (a draft's files wait for the queue)
    percent: int  # of the bytes the server holds
    error: Text | str | None  # why it failed, in the reader's language (tried again by the next sync, or "retry")
    draft: bool


@dataclass(frozen=True, slots=True)
class ConsultSummary:
    consult_id: uuid.UUID
    consult_number: str
    patient_name: str
    patient_age_years: int
    patient_sex: str
    specialty: str
    priority: str
    status: ConsultStatus
    chief_complaints: str
    created_at: datetime
    queued_at: datetime | None
    doctor_name: str | None
    awaiting_spoke: bool  # the hub's last message asks the spoke for more information
    attachments: tuple[AttachmentState, ...]


@dataclass(frozen=True, slots=True)
class Message:
    message_id: uuid.UUID
    from_hub: bool
    asks_for_information: bool
    author_name: str
    body: str
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class ConsultDetail:
    summary: ConsultSummary
    history: str | None
    note: str | None
    vitals: dict[str, float | int | None]
    patient_mobile: str | None
    patient_abha_id: str | None
    messages: tuple[Message, ...]
    diagnosis: str | None
    advice: str | None
    follow_up_on: date | None
    medicines: tuple[Medicine, ...]
    cancel_reason: str | None


_PRIORITY = case(PRIORITY_ORDER, value=Teleconsult.priority, else_=9)
_VITALS = tuple(VITAL_BOUNDS)


def spoke_queue(session: Session, centre_id: uuid.UUID, *, include_closed: bool = True) -> list[ConsultSummary]:
    """This spoke's requests: emergencies first, then urgent, then routine; within each, the oldest first."""
    query = select(Teleconsult).where(Teleconsult.centre_id == centre_id)
    if not include_closed:
        query = query.where(Teleconsult.status.not_in((C.RECEIVED, C.CANCELLED)))
    query = query.order_by(_PRIORITY, Teleconsult.created_at, Teleconsult.id).limit(QUEUE_LIMIT)
    return _summaries(session, list(session.scalars(query)))


def hub_queue(session: Session, doctor_id: uuid.UUID, specialty: str | None = None) -> list[ConsultSummary]:
    """The open requests a hub doctor may answer: their hub, their specialties (or the one named), by priority."""
    doctor = session.get(User, doctor_id)
    if doctor is None:
        return []
    specialties = [s for s in (doctor.specialties or []) if specialty is None or s == specialty]
    query = (
        select(Teleconsult)
        .where(
            Teleconsult.hub_centre_id == doctor.centre_id,
            Teleconsult.specialty.in_(specialties),
            Teleconsult.status.in_(HUB_OPEN),
        )
        .order_by(_PRIORITY, Teleconsult.queued_at, Teleconsult.id)
        .limit(QUEUE_LIMIT)
    )
    return _summaries(session, list(session.scalars(query)))


def consult_detail(session: Session, consult_id: uuid.UUID) -> ConsultDetail | None:
    consult = session.get(Teleconsult, consult_id)
    if consult is None:
        return None
    messages = session.scalars(
        select(TeleconsultMessage)
        .where(TeleconsultMessage.consult_id == consult_id)
        .order_by(TeleconsultMessage.sent_at, TeleconsultMessage.id)
    ).all()
    medicines = session.scalars(
        select(PrescribedMedicine)
        .where(PrescribedMedicine.consult_id == consult_id)
        .order_by(PrescribedMedicine.line_number)
    ).all()
    return ConsultDetail(
        summary=_summaries(session, [consult])[0],
        history=consult.history,
        note=consult.note,
        vitals={name: getattr(consult, name) for name in _VITALS},
        patient_mobile=consult.patient_mobile,
        patient_abha_id=consult.patient_abha_id,
        messages=tuple(
            Message(m.id, m.from_hub, m.asks_for_information, m.author_name, m.body, m.sent_at) for m in messages
        ),
        diagnosis=consult.diagnosis,
        advice=consult.advice,
        follow_up_on=consult.follow_up_on,
        medicines=tuple(
            Medicine(m.name, m.dose, m.frequency, m.duration, m.form, m.route, m.instructions) for m in medicines
        ),
        cancel_reason=consult.cancel_reason,
    )


def _summaries(session: Session, consults: list[Teleconsult]) -> list[ConsultSummary]:
    ids = [consult.id for consult in consults]
    if not ids:
        return []
    files: dict[uuid.UUID, list[AttachmentState]] = {consult_id: [] for consult_id in ids}
    sent = session.scalars(select(TeleconsultAttachment).where(TeleconsultAttachment.consult_id.in_(ids))).all()
    drafts = session.scalars(
        select(DraftAttachment).where(DraftAttachment.consult_id.in_(ids), DraftAttachment.removed_at.is_(None))
    ).all()
    uploads = {
        row.sha256: row
        for row in session.scalars(select(BlobUpload).where(BlobUpload.sha256.in_({f.sha256 for f in sent})))
    }
    for row in sorted(sent, key=lambda r: (r.created_at, r.id)):
        upload = uploads.get(row.sha256)
        if upload is None:  # a file the other centre sent: there is nothing of ours to upload
            state, done, error = UploadState.UPLOADED, row.size_bytes, None
        else:
            state, done, error = UploadState(upload.state), upload.sent_bytes, text_from_json(upload.last_error)
        percent = 100 if state == UploadState.UPLOADED else int(100 * done / row.size_bytes) if row.size_bytes else 0
        files[row.consult_id].append(
            AttachmentState(
                row.id,
                row.sha256,
                row.file_name,
                row.kind,
                row.media_type,
                row.size_bytes,
                state,
                percent,
                error,
                False,
            )
        )
    for draft in sorted(drafts, key=lambda r: (r.added_at, r.id)):
        files[draft.consult_id].append(
            AttachmentState(
                draft.id, draft.sha256, draft.file_name, draft.kind, draft.media_type, draft.size_bytes,
                UploadState.WAITING, 0, None, True,
            )
        )  # fmt: skip
    last_from_hub = {}
    for consult_id, from_hub, asks in session.execute(
        select(TeleconsultMessage.consult_id, TeleconsultMessage.from_hub, TeleconsultMessage.asks_for_information)
        .where(TeleconsultMessage.consult_id.in_(ids))
        .order_by(TeleconsultMessage.sent_at, TeleconsultMessage.id)
    ):
        last_from_hub[consult_id] = from_hub and asks
    return [
        ConsultSummary(
            consult_id=c.id,
            consult_number=c.consult_number,
            patient_name=c.patient_name,
            patient_age_years=c.patient_age_years,
            patient_sex=str(c.patient_sex),
            specialty=c.specialty,
            priority=str(c.priority),
            status=ConsultStatus(c.status),
            chief_complaints=c.chief_complaints,
            created_at=c.created_at,
            queued_at=c.queued_at,
            doctor_name=c.doctor_name,
            awaiting_spoke=last_from_hub.get(c.id, False) and c.status in HUB_OPEN,
            attachments=tuple(files[c.id]),
        )
        for c in consults
    ]
