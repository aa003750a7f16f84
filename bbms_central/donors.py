"""Likely duplicate donors across centres, and the explicit, audited, undoable merge (principles 8 and 9).

A donor row is indexed by its identity keys when it is inserted or its identity changes; another donor sharing a key
(same ID document, same name + date of birth + sex, same mobile) is flagged, never merged. A merge sets the
duplicate's ``merged_into_id`` as an ordinary row change with a new version, so it syncs down as a redirect; its
deferrals are never touched (they stay on the duplicate's id, and every centre keeps pulling them).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, aliased

from bbms_central.models import AdminAudit, Device, DonorKey, DuplicateFlag, Merge, StoredRow
from bbms_central.store import change_row, lock_sequence, peer_centre_ids
from bbms_central.wire import ApiError
from bbms_desktop.models import utcnow
from bbms_desktop.models.codec import encode_value
from bbms_desktop.rules.roles import Action, may
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import DuplicatesResponse, ErrorCode, MergeRequest, MergeResponse, UndoMergeRequest

IDENTITY_FIELDS = ("id_document_type", "id_document_number", "name_key", "date_of_birth", "sex", "mobile")


def identity_keys(fields: dict[str, Any]) -> dict[str, str]:
    """The keys a donor is matched on, by reason; a key with a missing part is left out."""
    keys = {}
    if fields.get("id_document_type") and fields.get("id_document_number"):
        number = "".join(str(fields["id_document_number"]).split()).upper()
        keys["id_document"] = f"{fields['id_document_type']}|{number}"
    if fields.get("name_key") and fields.get("date_of_birth") and fields.get("sex"):
        keys["name_dob_sex"] = (
            f"{' '.join(str(fields['name_key']).lower().split())}|{fields['date_of_birth']}|{fields['sex']}"
        )
    if fields.get("mobile"):
        digits = "".join(ch for ch in str(fields["mobile"]) if ch.isdigit())
        if len(digits) >= 6:
            keys["mobile"] = digits[-10:]
    return {kind: key[:400] for kind, key in keys.items()}


def identity_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return any(old.get(name) != new.get(name) for name in IDENTITY_FIELDS)


def index_donor(session: Session, row: StoredRow, peers: Iterable[uuid.UUID]) -> None:
    """Re-index ``row``'s identity keys and flag every donor of the same training world that shares one."""
    assert row.centre_id is not None
    session.execute(delete(DonorKey).where(DonorKey.donor_id == row.id))
    keys = identity_keys(row.fields)
    peer_ids = list(peers)
    reasons: dict[uuid.UUID, list[str]] = {}
    for kind, key in keys.items():
        session.add(DonorKey(donor_id=row.id, kind=kind, key=key, centre_id=row.centre_id))
        matches = session.scalars(
            select(DonorKey.donor_id).where(
                DonorKey.kind == kind,
                DonorKey.key == key,
                DonorKey.donor_id != row.id,
                DonorKey.centre_id.in_(peer_ids),
            )
        )
        for other in matches:
            reasons.setdefault(other, []).append(kind)
    merged_into = row.fields.get("merged_into_id")
    for other, found in reasons.items():
        other_row = session.get(StoredRow, other)
        if other_row is None or str(other) == merged_into or other_row.fields.get("merged_into_id") == str(row.id):
            continue  # already one person by an explicit merge
        flag = session.scalars(
            select(DuplicateFlag).where(
                or_(
                    (DuplicateFlag.donor_id == row.id) & (DuplicateFlag.other_donor_id == other),
                    (DuplicateFlag.donor_id == other) & (DuplicateFlag.other_donor_id == row.id),
                )
            )
        ).first()
        if flag is None:
            session.add(DuplicateFlag(id=uuid.uuid4(), donor_id=row.id, other_donor_id=other, reasons=found))
        else:
            flag.reasons = sorted(set(flag.reasons) | set(found))
    session.flush()


def duplicates(session: Session, device: Device) -> DuplicatesResponse:
    """The open duplicate flags that involve a donor of the device's centre."""
    mine, theirs = aliased(StoredRow), aliased(StoredRow)
    query = (
        select(DuplicateFlag)
        .join(mine, mine.id == DuplicateFlag.donor_id)
        .join(theirs, theirs.id == DuplicateFlag.other_donor_id)
        .where(
            DuplicateFlag.resolved_at.is_(None),
            or_(mine.centre_id == device.centre_id, theirs.centre_id == device.centre_id),
        )
        .order_by(DuplicateFlag.flagged_at)
    )
    return DuplicatesResponse(
        flags=[
            protocol.DuplicateFlag(
                id=flag.id,
                donor_id=flag.donor_id,
                other_donor_id=flag.other_donor_id,
                reasons=flag.reasons,
                flagged_at=flag.flagged_at,
                resolved=flag.resolved_at is not None,
            )
            for flag in session.scalars(query)
        ]
    )


def merge(session: Session, device: Device, request: MergeRequest, now: datetime | None = None) -> MergeResponse:
    now = now or utcnow()
    _check_reason(request.reason)
    seq = lock_sequence(session)
    if request.survivor_id == request.duplicate_id:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "A donor cannot be merged into itself.")
    survivor = _donor(session, device, request.survivor_id)
    duplicate = _donor(session, device, request.duplicate_id)
    _check_centre(device, survivor, duplicate)
    _check_user(session, device, request.by_user_id)
    if duplicate.fields.get("merged_into_id") is not None:
        raise ApiError(409, ErrorCode.ALREADY_MERGED, "This duplicate is already merged into a donor.")
    if survivor.fields.get("merged_into_id") is not None:
        raise ApiError(409, ErrorCode.ALREADY_MERGED, "The survivor is itself merged into another donor.")
    change_row(duplicate, {"merged_into_id": str(survivor.id), "updated_at": encode_value(now)}, seq.next())
    record = Merge(
        id=uuid.uuid4(),
        survivor_id=survivor.id,
        duplicate_id=duplicate.id,
        reason=request.reason,
        by_user_id=request.by_user_id,
        by_device_id=device.id,
        merged_at=now,
    )
    session.add(record)
    for flag in session.scalars(
        select(DuplicateFlag).where(
            or_(
                (DuplicateFlag.donor_id == survivor.id) & (DuplicateFlag.other_donor_id == duplicate.id),
                (DuplicateFlag.donor_id == duplicate.id) & (DuplicateFlag.other_donor_id == survivor.id),
            )
        )
    ):
        flag.resolved_at = now
    _audit(session, device, request.by_user_id, "merge_donors", now, merge_id=record.id, reason=request.reason,
           survivor_id=survivor.id, duplicate_id=duplicate.id)  # fmt: skip
    session.flush()
    return MergeResponse(
        merge_id=record.id, survivor_id=survivor.id, duplicate_id=duplicate.id, version=duplicate.version
    )


def undo_merge(
    session: Session, device: Device, merge_id: uuid.UUID, request: UndoMergeRequest, now: datetime | None = None
) -> MergeResponse:
    now = now or utcnow()
    _check_reason(request.reason)
    seq = lock_sequence(session)
    record = session.get(Merge, merge_id)
    if record is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "There is no such merge.")
    survivor = _donor(session, device, record.survivor_id)
    duplicate = _donor(session, device, record.duplicate_id)
    _check_centre(device, survivor, duplicate)
    _check_user(session, device, request.by_user_id)
    if record.undone_at is not None or duplicate.fields.get("merged_into_id") != str(survivor.id):
        raise ApiError(409, ErrorCode.MERGE_UNDONE, "This merge is already undone.")
    change_row(duplicate, {"merged_into_id": None, "updated_at": encode_value(now)}, seq.next())
    record.undone_at = now
    record.undo_reason = request.reason
    record.undone_by_user_id = request.by_user_id
    _audit(session, device, request.by_user_id, "undo_merge", now, merge_id=record.id, reason=request.reason)
    session.flush()
    return MergeResponse(
        merge_id=record.id, survivor_id=survivor.id, duplicate_id=duplicate.id, version=duplicate.version
    )


def _check_reason(reason: str) -> None:
    if "\x00" in reason:
        raise ApiError(422, ErrorCode.INVALID_REQUEST, "The reason contains a NUL character.")


def _donor(session: Session, device: Device, donor_id: uuid.UUID) -> StoredRow:
    row = session.get(StoredRow, donor_id)
    if row is None or row.entity != "donors" or row.centre_id not in peer_centre_ids(session, device.training):
        raise ApiError(404, ErrorCode.NOT_FOUND, f"There is no donor {donor_id}.")
    return row


def _check_centre(device: Device, survivor: StoredRow, duplicate: StoredRow) -> None:
    if device.centre_id not in (survivor.centre_id, duplicate.centre_id):
        raise ApiError(
            403, ErrorCode.NOT_YOUR_CENTRE, "Only a centre that registered one of the two donors merges them."
        )


def _check_user(session: Session, device: Device, user_id: uuid.UUID) -> None:
    user = session.get(StoredRow, user_id)
    if (
        user is None
        or user.entity != "users"
        or user.centre_id != device.centre_id
        or user.fields.get("active") is not True
        or not _may_edit_donors(user.fields.get("role"))
    ):
        raise ApiError(
            403, ErrorCode.NOT_PERMITTED, "Only an active user of this centre who may edit donors merges them."
        )


def _audit(session: Session, device: Device, user_id: uuid.UUID, action: str, now: datetime, **details: Any) -> None:
    session.add(
        AdminAudit(
            id=uuid.uuid4(),
            at=now,
            actor=f"user:{user_id} device:{device.id}",
            action=action,
            details={key: str(value) for key, value in details.items()},
        )
    )


def _may_edit_donors(role: Any) -> bool:
    try:
        return may(str(role), Action.EDIT_DONOR)
    except (KeyError, ValueError):
        return False
