"""Teleconsultations from a spoke to a hub (DOMAIN.md §8): the request, its attachments, the messages between the
two centres and the medicines of the e-prescription; and, never synced, the local state of each file's upload.

A request belongs to the spoke that made it (``centre_id``) and names the hub it asks (``hub_centre_id``). Its
content changes only while it is a draft; the hub doctor writes the answer fields (acceptance, diagnosis, advice,
follow-up) and the server checks who changes what (SYNC.md principle 6). Attachments, messages and prescribed
medicines are append-only facts (principle 5) that carry both centres, so each side pulls what is its own.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from bbms_desktop.models.base import Base, Owned, Voidable, choice, utcnow
from bbms_desktop.rules.teleconsult import AttachmentKind, ConsultStatus, Priority, UploadState
from bbms_desktop.rules.vocabulary import Sex


class Teleconsult(Base, Owned):
    __tablename__ = "teleconsults"
    __table_args__ = (Index("ix_teleconsults_hub_status", "hub_centre_id", "status"),)

    consult_number: Mapped[str] = mapped_column(String(40), unique=True)
    hub_centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"))
    specialty: Mapped[str] = mapped_column(String(40), index=True)
    priority: Mapped[Priority] = mapped_column(choice(Priority, "consult_priority"))
    status: Mapped[ConsultStatus] = mapped_column(choice(ConsultStatus, "consult_status"), index=True)
    # the patient, with an explicit age
    patient_name: Mapped[str] = mapped_column(String(200))
    patient_age_years: Mapped[int]
    patient_sex: Mapped[Sex] = mapped_column(choice(Sex, "consult_patient_sex"))
    patient_mobile: Mapped[str | None] = mapped_column(String(15))
    patient_abha_id: Mapped[str | None] = mapped_column(String(80))
    # what the spoke's health worker found
    chief_complaints: Mapped[str] = mapped_column(String(2000))
    history: Mapped[str | None] = mapped_column(String(4000))
    height_cm: Mapped[float | None]
    weight_kg: Mapped[float | None]
    pulse_per_min: Mapped[int | None]
    bp_systolic: Mapped[int | None]
    bp_diastolic: Mapped[int | None]
    temperature_c: Mapped[float | None]
    respiratory_rate_per_min: Mapped[int | None]
    spo2_percent: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(String(2000))
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    queued_at: Mapped[datetime | None] = mapped_column(default=None)
    uploaded_at: Mapped[datetime | None] = mapped_column(default=None)  # set by the server
    # the hub doctor's answer
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    accepted_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)
    doctor_name: Mapped[str | None] = mapped_column(String(200), default=None)
    doctor_registration_number: Mapped[str | None] = mapped_column(String(60), default=None)
    diagnosis: Mapped[str | None] = mapped_column(String(1000), default=None)
    advice: Mapped[str | None] = mapped_column(String(4000), default=None)
    follow_up_on: Mapped[date | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    received_at: Mapped[datetime | None] = mapped_column(default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(default=None)
    cancel_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    cancelled_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), default=None)


class ConsultPart(Owned):
    """A row of one request that carries both its centres, so the spoke and the hub each pull it."""

    @declared_attr
    def consult_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805 - declared_attr receives the class
        return mapped_column(ForeignKey("teleconsults.id"), index=True)

    @declared_attr
    def spoke_centre_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805
        return mapped_column(ForeignKey("centres.id"))

    @declared_attr
    def hub_centre_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805
        return mapped_column(ForeignKey("centres.id"))


class TeleconsultAttachment(Base, ConsultPart, Voidable):
    """A file sent with a request: its content is the blob named by ``sha256`` (principle 13)."""

    __tablename__ = "teleconsult_attachments"
    __append_only__ = True

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    kind: Mapped[AttachmentKind] = mapped_column(choice(AttachmentKind, "attachment_kind"))
    added_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))


class TeleconsultMessage(Base, ConsultPart):
    """A message between hub and spoke (the hub asks for more information, the spoke answers)."""

    __tablename__ = "teleconsult_messages"
    __append_only__ = True

    from_hub: Mapped[bool]
    asks_for_information: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(String(4000))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    author_name: Mapped[str] = mapped_column(String(200))
    sent_at: Mapped[datetime]


class PrescribedMedicine(Base, ConsultPart):
    """One line of a consult's e-prescription, written by the hub with the completion."""

    __tablename__ = "prescribed_medicines"
    __append_only__ = True

    line_number: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    dose: Mapped[str] = mapped_column(String(100))
    frequency: Mapped[str] = mapped_column(String(100))
    duration: Mapped[str] = mapped_column(String(100))
    form: Mapped[str | None] = mapped_column(String(60))
    route: Mapped[str | None] = mapped_column(String(60))
    instructions: Mapped[str | None] = mapped_column(String(300))


class DraftAttachment(Base):
    """A file chosen for a draft request (local only): it becomes a synced attachment when the request is queued,
    so the hub never sees a file of a request it cannot see."""

    __tablename__ = "draft_attachments"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    consult_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teleconsults.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    kind: Mapped[AttachmentKind] = mapped_column(choice(AttachmentKind, "draft_attachment_kind"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)


class BlobUpload(Base):
    """The upload of one blob of this machine to the server (local only): its own state, shown per attachment."""

    __tablename__ = "blob_uploads"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int]
    state: Mapped[UploadState] = mapped_column(choice(UploadState, "upload_state"), default=UploadState.WAITING)
    sent_bytes: Mapped[int] = mapped_column(default=0)  # what the server said it holds
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(1000), default=None)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
