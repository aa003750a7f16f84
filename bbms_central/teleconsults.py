"""Teleconsultations on the server: who may write what of a request, the status machine checked against the
server's current state (SYNC.md principle 6, ``rules.teleconsult``), the server's own step (a queued request the
server holds is ``uploaded``), the prohibited medicines refused again, and who may see a request (principle 10).

A request belongs to its spoke; the hub it names writes only the answer fields, and only through a hub doctor of
that hub whose specialties include the request's. Attachments, messages and prescribed medicines carry both centres
and must agree with their request. Called from ``push`` with its in-memory state; no HTTP here.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Container
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bbms_central.models import Device, StoredRow
from bbms_central.wire import ApiError, Rejected
from bbms_desktop.models import utcnow
from bbms_desktop.models.codec import encode_value
from bbms_desktop.rules import prescribing
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.teleconsult import (
    OPEN,
    PRIORITY_ORDER,
    STATUS_LABELS,
    ConsultStatus,
    Party,
    Specialty,
    may_step,
)
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.sync.protocol import ErrorCode, HubQueueItem, HubQueueResponse

C = ConsultStatus
CONSULTS = "teleconsults"
CHILDREN: frozenset[str] = frozenset({"teleconsult_attachments", "teleconsult_messages", "prescribed_medicines"})
FAMILY: frozenset[str] = CHILDREN | {CONSULTS}

HUB_FIELDS: frozenset[str] = frozenset(
    {
        "status",
        "accepted_at",
        "accepted_by_id",
        "doctor_name",
        "doctor_registration_number",
        "diagnosis",
        "advice",
        "follow_up_on",
        "completed_at",
        "cancelled_at",
        "cancel_reason",
        "cancelled_by_id",
        "updated_at",
    }
)
"""What the hub writes of a spoke's request: its answer."""

SPOKE_FIELDS_ONCE_QUEUED: frozenset[str] = frozenset(
    {"status", "queued_at", "received_at", "cancelled_at", "cancel_reason", "cancelled_by_id", "updated_at"}
)
"""What the spoke may still change once the request left the draft: its steps, never its content."""

SERVER_FIELDS: frozenset[str] = frozenset({"uploaded_at"})

ARBITRATED: frozenset[str] = frozenset({"status", "cancelled_at", "cancel_reason", "cancelled_by_id"})
"""Fields both sides write whose order the status machine decides (never a field-level conflict)."""


class Row(Protocol):
    id: uuid.UUID
    entity: str
    centre_id: uuid.UUID | None
    fields: dict[str, Any]


Lookup = Callable[[uuid.UUID], Row | None]


def _refuse(message: str, code: str = ErrorCode.NOT_YOUR_CENTRE) -> Rejected:
    return Rejected(code, message)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value is not None else None
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------------------------------
# inserts


def check_insert(
    entity: str, values: dict[str, Any], device_centre: uuid.UUID, peers: Container[uuid.UUID], row: Lookup
) -> None:
    """Refuse an insert of a teleconsult row the device's centre may not write."""
    if entity == CONSULTS:
        _check_new_consult(values, peers, row)
        return
    consult = row(_uuid(values.get("consult_id")) or uuid.UUID(int=0))
    if consult is None or consult.entity != CONSULTS:
        raise _refuse("The server holds no such teleconsultation.", ErrorCode.NO_SUCH_ROW)
    spoke, hub = consult.centre_id, _uuid(consult.fields.get("hub_centre_id"))
    if _uuid(values.get("spoke_centre_id")) != spoke or _uuid(values.get("hub_centre_id")) != hub:
        raise _refuse("This record names other centres than its teleconsultation.", ErrorCode.BAD_VALUE)
    status = str(consult.fields.get("status"))
    if entity == "teleconsult_attachments":
        if device_centre != spoke:
            raise _refuse("Only the spoke that asked adds files to a teleconsultation.")
        if ConsultStatus(status) not in OPEN:
            raise _refuse(f"This teleconsultation is {_label(status)}: no more files.", ErrorCode.ILLEGAL_TRANSITION)
        return
    if entity == "teleconsult_messages":
        from_hub = bool(values.get("from_hub"))
        if device_centre != (hub if from_hub else spoke):
            raise _refuse("A message is written by the centre it says it is from.")
        if ConsultStatus(status) not in OPEN - {C.DRAFT}:
            raise _refuse(f"This teleconsultation is {_label(status)}: no more messages.", ErrorCode.ILLEGAL_TRANSITION)
        if from_hub:
            check_hub_doctor(row, _uuid(values.get("author_id")), device_centre, str(consult.fields.get("specialty")))
        return
    if entity == "prescribed_medicines":
        if device_centre != hub:
            raise _refuse("Only the hub answering a teleconsultation prescribes.")
        if status not in (C.ACCEPTED, C.IN_CONSULTATION):
            raise _refuse(
                f"This teleconsultation is {_label(status)}: it cannot be prescribed for.", ErrorCode.ILLEGAL_TRANSITION
            )
        found = prescribing.prohibited_in(str(values.get("name") or ""))
        if found is not None:
            text = prescribing.PROHIBITED_MEDICINE(medicine=values.get("name"), source=found.source.title).render()
            raise Rejected(ErrorCode.PROHIBITED_MEDICINE, text)


def _check_new_consult(values: dict[str, Any], peers: Container[uuid.UUID], row: Lookup) -> None:
    status = str(values.get("status"))
    if status not in (C.DRAFT, C.QUEUED):
        raise _refuse("A new teleconsultation is a draft or queued.", ErrorCode.ILLEGAL_TRANSITION)
    if str(values.get("specialty")) not in set(Specialty):
        raise _refuse("Unknown teleconsultation specialty.", ErrorCode.BAD_VALUE)
    hub_id = _uuid(values.get("hub_centre_id"))
    hub = row(hub_id) if hub_id is not None else None
    if hub is None or hub.entity != "centres" or hub.fields.get("kind") != CentreKind.HUB or hub.id not in peers:
        raise _refuse("The centre asked is not a teleconsultation hub of this server.", ErrorCode.BAD_VALUE)
    answered = sorted(
        key
        for key in HUB_FIELDS | SERVER_FIELDS
        if key not in ARBITRATED | {"updated_at"} and values.get(key) is not None
    )
    if answered:
        raise _refuse(f"Only the hub writes {', '.join(answered)}.")


# --------------------------------------------------------------------------------------------------------------------
# updates of a request


def check_update(
    current: dict[str, Any],
    row_centre: uuid.UUID | None,
    changed: dict[str, Any],
    device_centre: uuid.UUID,
    row: Lookup,
) -> None:
    """Refuse a change of a request that the device's centre may not make, or a step its state does not allow."""
    spoke, hub = row_centre, _uuid(current.get("hub_centre_id"))
    party = Party.SPOKE if device_centre == spoke else Party.HUB if device_centre == hub else None
    if party is None:
        raise _refuse("This teleconsultation belongs to other centres.")
    status = str(current.get("status"))
    keys = set(changed)
    if party == Party.HUB:
        allowed = HUB_FIELDS
    elif status == C.DRAFT:
        allowed = frozenset(current) - HUB_FIELDS - SERVER_FIELDS | SPOKE_FIELDS_ONCE_QUEUED
    else:
        allowed = SPOKE_FIELDS_ONCE_QUEUED
    if keys - allowed:
        raise _refuse(
            f"The {party.value} may not change {', '.join(sorted(keys - allowed))[:200]} of this teleconsultation."
        )
    target = str(changed.get("status", status))
    if target != status and not may_step(status, target, party):
        raise Rejected(
            ErrorCode.ILLEGAL_TRANSITION,
            f"This teleconsultation is {_label(status)} on the server: "
            f"the {party.value} cannot make it {_label(target)}.",
        )
    if party == Party.HUB and keys - {"updated_at", "status", "cancelled_at", "cancel_reason", "cancelled_by_id"}:
        after = {**current, **changed}
        doctor = _uuid(after.get("accepted_by_id"))
        check_hub_doctor(row, doctor, device_centre, str(current.get("specialty")))
        if target == C.COMPLETED:
            missing = [
                key
                for key in ("diagnosis", "advice", "doctor_name", "doctor_registration_number")
                if not after.get(key)
            ]
            if missing:
                raise Rejected(ErrorCode.BAD_VALUE, f"A completed teleconsultation needs {', '.join(missing)}.")


def check_hub_doctor(row: Lookup, user_id: uuid.UUID | None, hub: uuid.UUID, specialty: str) -> None:
    """The user must be an active hub doctor of ``hub`` whose specialties include ``specialty``."""
    user = row(user_id) if user_id is not None else None
    fields = user.fields if user is not None and user.entity == "users" else {}
    if (
        user is None
        or user.centre_id != hub
        or fields.get("role") != Role.HUB_DOCTOR
        or not fields.get("active")
        or specialty not in (fields.get("specialties") or [])
    ):
        raise Rejected(
            ErrorCode.NOT_PERMITTED,
            f"Only an active hub doctor of this hub assigned to {specialty} may answer this teleconsultation.",
        )


def server_step(fields: dict[str, Any], now: datetime | None = None) -> dict[str, Any] | None:
    """The server's own change after an op: a queued request it now holds is uploaded (None: nothing to do)."""
    if fields.get("status") != C.QUEUED:
        return None
    return {"status": C.UPLOADED.value, "uploaded_at": encode_value(now or utcnow())}


# --------------------------------------------------------------------------------------------------------------------
# scopes (principle 10): the spoke sees its own requests; the hub, the requests addressed to it (not drafts)


def visible_to(entity: str, fields: dict[str, Any], centre_id: uuid.UUID) -> bool:
    """Whether another centre than the owner, ``centre_id``, sees this teleconsult row (in full)."""
    me = str(centre_id)
    if entity == CONSULTS:
        return fields.get("hub_centre_id") == me and fields.get("status") != C.DRAFT
    return fields.get("hub_centre_id") == me or fields.get("spoke_centre_id") == me


# --------------------------------------------------------------------------------------------------------------------
# the hub doctor's queue


HUB_OPEN = (C.UPLOADED, C.ACCEPTED, C.IN_CONSULTATION)
QUEUE_LIMIT = 500


def hub_queue(session: Session, device: Device, doctor_id: uuid.UUID, specialty: str | None) -> HubQueueResponse:
    """The open requests addressed to the device's hub in the specialties assigned to the doctor, by priority."""
    doctor = session.get(StoredRow, doctor_id)
    fields = doctor.fields if doctor is not None and doctor.entity == "users" else {}
    if (
        doctor is None
        or doctor.centre_id != device.centre_id
        or fields.get("role") != Role.HUB_DOCTOR
        or not fields.get("active")
    ):
        raise ApiError(403, ErrorCode.NOT_PERMITTED, "This is not an active hub doctor of this device's hub.")
    assigned = sorted(str(s) for s in fields.get("specialties") or [])
    wanted = [s for s in assigned if specialty is None or s == specialty]
    query = select(StoredRow.id, StoredRow.centre_id, StoredRow.fields).where(
        StoredRow.entity == CONSULTS,
        StoredRow.fields["hub_centre_id"].as_string() == str(device.centre_id),
        StoredRow.fields["specialty"].as_string().in_(wanted),
        StoredRow.fields["status"].as_string().in_([status.value for status in HUB_OPEN]),
    )
    found = list(session.execute(query))
    files = Counter(
        session.scalars(
            select(StoredRow.fields["consult_id"].as_string()).where(
                StoredRow.entity == "teleconsult_attachments",
                StoredRow.fields["hub_centre_id"].as_string() == str(device.centre_id),
            )
        )
    )
    items = [
        HubQueueItem(
            consult_id=row_id,
            consult_number=str(f["consult_number"]),
            spoke_centre_id=centre_id,
            specialty=str(f["specialty"]),
            priority=str(f["priority"]),
            status=str(f["status"]),
            patient_name=str(f["patient_name"]),
            patient_age_years=int(f["patient_age_years"]),
            patient_sex=str(f["patient_sex"]),
            chief_complaints=str(f["chief_complaints"]),
            queued_at=f.get("queued_at"),
            uploaded_at=f.get("uploaded_at"),
            attachments=int(files.get(str(row_id), 0)),
        )
        for row_id, centre_id, f in found
    ]
    items.sort(
        key=lambda i: (PRIORITY_ORDER.get(i.priority, 9), i.queued_at or i.uploaded_at or utcnow(), i.consult_id)
    )
    return HubQueueResponse(doctor_id=doctor_id, specialties=assigned, items=items[:QUEUE_LIMIT])


def _label(status: str) -> str:
    label = STATUS_LABELS.get(status)
    return f"'{label.render()}'" if label is not None else repr(status)
