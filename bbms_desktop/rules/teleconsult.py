"""Teleconsultation rules (DOMAIN.md §8; Telemedicine Practice Guidelines 2020): the specialties a spoke may ask
for, priorities, the status machine and who may take each step, the plausible range of each vital sign, and what an
attachment may be.

draft → queued (on the spoke) → uploaded (the server has it) → accepted (a hub doctor took it) → in consultation →
completed (advice and e-prescription) → received (the spoke has the answer); cancelled from any open step. The
spoke takes the spoke's steps, the hub doctor the hub's, the server the one that says it holds the request; the
server checks the same table (SYNC.md principle 6). No I/O here.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from bbms_desktop.errors import StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg
from bbms_desktop.rules.sources import LOCAL_SOP, Rule, Source

TPG_2020 = Source("TPG-2020", "Telemedicine Practice Guidelines, Board of Governors / MoHFW", "25 March 2020")
E_SANJEEVANI = Source("E-SANJEEVANI", "eSanjeevani AB-HWC hub-and-spoke model, MoHFW", "2020")


class Specialty(StrEnum):
    """The specialties hubs answer for (e-Sanjeevani's hub list, DOMAIN.md §8)."""

    GENERAL_MEDICINE = "general_medicine"
    CARDIOLOGY = "cardiology"
    ORTHOPAEDICS = "orthopaedics"
    OBSTETRICS = "obstetrics"
    GYNAECOLOGY = "gynaecology"
    DERMATOLOGY = "dermatology"
    NEUROLOGY = "neurology"
    PAEDIATRICS = "paediatrics"
    GASTROENTEROLOGY = "gastroenterology"
    PSYCHIATRY = "psychiatry"
    HAEMATOLOGY = "haematology"
    ENT = "ent"
    OPHTHALMOLOGY = "ophthalmology"


SPECIALTY_LABELS: dict[str, Msg] = {
    Specialty.GENERAL_MEDICINE: QT_TRANSLATE_NOOP("Teleconsult", "General medicine"),
    Specialty.CARDIOLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Cardiology"),
    Specialty.ORTHOPAEDICS: QT_TRANSLATE_NOOP("Teleconsult", "Orthopaedics"),
    Specialty.OBSTETRICS: QT_TRANSLATE_NOOP("Teleconsult", "Obstetrics"),
    Specialty.GYNAECOLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Gynaecology"),
    Specialty.DERMATOLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Dermatology"),
    Specialty.NEUROLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Neurology"),
    Specialty.PAEDIATRICS: QT_TRANSLATE_NOOP("Teleconsult", "Paediatrics"),
    Specialty.GASTROENTEROLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Gastroenterology"),
    Specialty.PSYCHIATRY: QT_TRANSLATE_NOOP("Teleconsult", "Psychiatry"),
    Specialty.HAEMATOLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Haematology"),
    Specialty.ENT: QT_TRANSLATE_NOOP("Teleconsult", "Ear, nose and throat"),
    Specialty.OPHTHALMOLOGY: QT_TRANSLATE_NOOP("Teleconsult", "Ophthalmology"),
}


class Priority(StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"


PRIORITY_LABELS: dict[str, Msg] = {
    Priority.ROUTINE: QT_TRANSLATE_NOOP("Teleconsult", "Routine"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Teleconsult", "Urgent"),
    Priority.EMERGENCY: QT_TRANSLATE_NOOP("Teleconsult", "Emergency"),
}

PRIORITY_ORDER: Mapping[str, int] = {Priority.EMERGENCY: 0, Priority.URGENT: 1, Priority.ROUTINE: 2}
"""Queue order: emergencies first, then urgent, then routine (each oldest first)."""


class ConsultStatus(StrEnum):
    DRAFT = "draft"
    QUEUED = "queued"
    UPLOADED = "uploaded"
    ACCEPTED = "accepted"
    IN_CONSULTATION = "in_consultation"
    COMPLETED = "completed"
    RECEIVED = "received"
    CANCELLED = "cancelled"


STATUS_LABELS: dict[str, Msg] = {
    ConsultStatus.DRAFT: QT_TRANSLATE_NOOP("Teleconsult", "Draft"),
    ConsultStatus.QUEUED: QT_TRANSLATE_NOOP("Teleconsult", "Queued (waiting for the link)"),
    ConsultStatus.UPLOADED: QT_TRANSLATE_NOOP("Teleconsult", "Sent to the hub"),
    ConsultStatus.ACCEPTED: QT_TRANSLATE_NOOP("Teleconsult", "Accepted by a hub doctor"),
    ConsultStatus.IN_CONSULTATION: QT_TRANSLATE_NOOP("Teleconsult", "In consultation"),
    ConsultStatus.COMPLETED: QT_TRANSLATE_NOOP("Teleconsult", "Completed (advice ready)"),
    ConsultStatus.RECEIVED: QT_TRANSLATE_NOOP("Teleconsult", "Advice received"),
    ConsultStatus.CANCELLED: QT_TRANSLATE_NOOP("Teleconsult", "Cancelled"),
}


class Party(StrEnum):
    """Who takes a step: the spoke that asked, the hub that answers, or the server that received the request."""

    SPOKE = "spoke"
    HUB = "hub"
    SERVER = "server"


C, P = ConsultStatus, Party

OPEN: frozenset[ConsultStatus] = frozenset({C.DRAFT, C.QUEUED, C.UPLOADED, C.ACCEPTED, C.IN_CONSULTATION})
"""A consult still waiting for its answer: it may be cancelled."""

TRANSITIONS: Mapping[tuple[ConsultStatus, ConsultStatus], frozenset[Party]] = {
    (C.DRAFT, C.QUEUED): frozenset({P.SPOKE}),
    (C.QUEUED, C.UPLOADED): frozenset({P.SERVER}),
    (C.UPLOADED, C.ACCEPTED): frozenset({P.HUB}),
    (C.ACCEPTED, C.IN_CONSULTATION): frozenset({P.HUB}),
    (C.ACCEPTED, C.COMPLETED): frozenset({P.HUB}),
    (C.IN_CONSULTATION, C.COMPLETED): frozenset({P.HUB}),
    (C.COMPLETED, C.RECEIVED): frozenset({P.SPOKE}),
    # the spoke withdraws its request at any open step; the hub may decline one it has not answered
    **{(status, C.CANCELLED): frozenset({P.SPOKE}) for status in (C.DRAFT, C.QUEUED)},
    **{(status, C.CANCELLED): frozenset({P.SPOKE, P.HUB}) for status in (C.UPLOADED, C.ACCEPTED, C.IN_CONSULTATION)},
}

EDITABLE: frozenset[ConsultStatus] = frozenset({C.DRAFT})
"""Only a draft's content may change; once queued, more information travels as messages and attachments."""

ILLEGAL_STEP = QT_TRANSLATE_NOOP("Teleconsult", "A teleconsultation that is '{current}' cannot become '{target}'.")
NOT_YOUR_STEP = QT_TRANSLATE_NOOP(
    "Teleconsult", "Only the {party} may move a teleconsultation from '{current}' to '{target}'."
)
PARTY_LABELS: dict[str, Msg] = {
    P.SPOKE: QT_TRANSLATE_NOOP("Teleconsult", "spoke centre"),
    P.HUB: QT_TRANSLATE_NOOP("Teleconsult", "hub doctor"),
    P.SERVER: QT_TRANSLATE_NOOP("Teleconsult", "central server"),
}


def may_step(current: str, target: str, party: str) -> bool:
    """Whether ``party`` may move a consult from ``current`` to ``target`` (the server checks the same)."""
    return Party(party) in TRANSITIONS.get((ConsultStatus(current), ConsultStatus(target)), frozenset())


def check_step(current: str, target: str, party: str) -> None:
    """Raise :class:`StateError` unless ``party`` may move a consult from ``current`` to ``target``."""
    parties = TRANSITIONS.get((ConsultStatus(current), ConsultStatus(target)))
    labels = {"current": STATUS_LABELS[current], "target": STATUS_LABELS[target]}
    if not parties:
        raise StateError(ILLEGAL_STEP(**labels), code="illegal_transition")
    if Party(party) not in parties:
        who = sorted(parties)[0]
        raise StateError(NOT_YOUR_STEP(party=PARTY_LABELS[who], **labels), code="illegal_transition")


# --------------------------------------------------------------------------------------------------------------------
# vitals: a value outside these bounds is a typing error (or a unit mix-up), never a patient


VITAL_BOUNDS: Mapping[str, Rule[tuple[float, float]]] = {
    "height_cm": Rule((30.0, 250.0), LOCAL_SOP, note="newborn to the tallest adult"),
    "weight_kg": Rule((0.5, 300.0), LOCAL_SOP, note="preterm newborn to morbid obesity"),
    "pulse_per_min": Rule((20, 250), LOCAL_SOP, note="beats per minute"),
    "bp_systolic": Rule((50, 300), LOCAL_SOP, note="mmHg"),
    "bp_diastolic": Rule((20, 200), LOCAL_SOP, note="mmHg"),
    "temperature_c": Rule((30.0, 45.0), LOCAL_SOP, note="°C; a value near 98 is °F typed in the °C field"),
    "respiratory_rate_per_min": Rule((4, 80), LOCAL_SOP, note="breaths per minute"),
    "spo2_percent": Rule((50, 100), LOCAL_SOP, note="pulse oximetry"),
}

MAX_PATIENT_AGE_YEARS = Rule(120, LOCAL_SOP, note="plausibility bound for a typed patient age")
MOBILE_DIGITS = Rule(10, TPG_2020, note="an Indian mobile number: 10 digits starting 6-9")
ABHA_NUMBER_DIGITS = Rule(14, E_SANJEEVANI, note="ABHA number: 14 digits (or an ABHA address name@abdm)")


# --------------------------------------------------------------------------------------------------------------------
# attachments


class AttachmentKind(StrEnum):
    PHOTO = "photo"
    LAB_REPORT = "lab_report"
    ECG = "ecg"
    OLD_PRESCRIPTION = "old_prescription"
    OTHER = "other"


ATTACHMENT_KIND_LABELS: dict[str, Msg] = {
    AttachmentKind.PHOTO: QT_TRANSLATE_NOOP("Teleconsult", "Photo"),
    AttachmentKind.LAB_REPORT: QT_TRANSLATE_NOOP("Teleconsult", "Laboratory report"),
    AttachmentKind.ECG: QT_TRANSLATE_NOOP("Teleconsult", "ECG"),
    AttachmentKind.OLD_PRESCRIPTION: QT_TRANSLATE_NOOP("Teleconsult", "Old prescription"),
    AttachmentKind.OTHER: QT_TRANSLATE_NOOP("Teleconsult", "Other document"),
}

MEDIA_TYPES: Mapping[str, str] = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}
"""What a spoke may attach: photos and PDFs (lab reports, ECG print-outs, old prescriptions)."""

PHOTO_LONG_EDGE_PX = Rule(2400, LOCAL_SOP, note="a photo is sized down to this long edge: a report stays legible")
PHOTO_JPEG_QUALITY = Rule(85, LOCAL_SOP, note="JPEG quality of a sized-down photo")
MAX_ATTACHMENT_BYTES = Rule(50 * 1024 * 1024, LOCAL_SOP, note="after sizing down; a larger file is refused")


class UploadState(StrEnum):
    """Each attachment's own upload state, shown next to it in the queue."""

    WAITING = "waiting"
    UPLOADING = "uploading"
    UPLOADED = "uploaded"
    FAILED = "failed"


UPLOAD_STATE_LABELS: dict[str, Msg] = {
    UploadState.WAITING: QT_TRANSLATE_NOOP("Teleconsult", "Waiting"),
    UploadState.UPLOADING: QT_TRANSLATE_NOOP("Teleconsult", "Uploading {percent} %"),
    UploadState.UPLOADED: QT_TRANSLATE_NOOP("Teleconsult", "Uploaded"),
    UploadState.FAILED: QT_TRANSLATE_NOOP("Teleconsult", "Failed: {reason}"),
}
