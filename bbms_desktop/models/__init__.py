"""SQLAlchemy 2.x typed models of the blood-centre records and the sync bookkeeping; no Qt.

Importing this package registers every table on ``Base.metadata`` (alembic and the sync registry rely on it).
"""

from bbms_desktop.models.audit import AuditEvent
from bbms_desktop.models.base import Base, Owned, Record, Voidable, new_id, utcnow
from bbms_desktop.models.collection import Donation, LabResultSet, LabVerification
from bbms_desktop.models.components import Component, Discard
from bbms_desktop.models.donors import Deferral, Donor, ScreeningVisit
from bbms_desktop.models.reference import Camp, Centre, User
from bbms_desktop.models.sync_state import DeadLetter, DeviceState, NumberBlock, OpKind, OpState, OutboxOp
from bbms_desktop.models.teleconsult import (
    BlobUpload,
    DraftAttachment,
    PrescribedMedicine,
    Teleconsult,
    TeleconsultAttachment,
    TeleconsultMessage,
)
from bbms_desktop.models.transfusion import BloodRequest, ComponentReturn, Crossmatch, Issue, TransfusionReaction

SYNCED_MODELS: tuple[type[Record], ...] = (
    Centre,
    User,
    Camp,
    Donor,
    ScreeningVisit,
    Deferral,
    Donation,
    LabResultSet,
    LabVerification,
    Component,
    Discard,
    BloodRequest,
    Crossmatch,
    Issue,
    ComponentReturn,
    TransfusionReaction,
    Teleconsult,
    TeleconsultAttachment,
    TeleconsultMessage,
    PrescribedMedicine,
    AuditEvent,
)
"""Every model whose rows sync, parents before children (the order a snapshot is applied in)."""

__all__ = [
    "SYNCED_MODELS",
    "AuditEvent",
    "Base",
    "BlobUpload",
    "BloodRequest",
    "Camp",
    "Centre",
    "Component",
    "ComponentReturn",
    "Crossmatch",
    "DeadLetter",
    "Deferral",
    "DeviceState",
    "Discard",
    "Donation",
    "Donor",
    "DraftAttachment",
    "Issue",
    "LabResultSet",
    "LabVerification",
    "NumberBlock",
    "OpKind",
    "OpState",
    "OutboxOp",
    "Owned",
    "PrescribedMedicine",
    "Record",
    "ScreeningVisit",
    "Teleconsult",
    "TeleconsultAttachment",
    "TeleconsultMessage",
    "TransfusionReaction",
    "User",
    "Voidable",
    "new_id",
    "utcnow",
]
