"""Taking a device's pushed ops: exactly once (principle 3), a local transaction all or none, every op validated by
the protocol's rules against the server's current state (principles 5, 6, 7, 10, 15).

One push is one database transaction holding the sequence lock: replays are answered from the op log, new ops are
applied group by group (a group = one local transaction, in a SAVEPOINT), each op's outcome is stored, and the
device's ``last_op_seq`` advances, all in one commit.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from itertools import groupby, pairwise
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer, String, Uuid, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.types import JSON, TypeDecorator

from bbms_central import donors
from bbms_central.models import Device, OpLogEntry, StoredRow
from bbms_central.store import (
    Sequencer,
    centre_by_id,
    change_row,
    index_unique,
    lock_sequence,
    new_row,
    peer_centre_ids,
    unique_clash,
    visible_fields,
)
from bbms_central.wire import ApiError
from bbms_desktop.models import SYNCED_MODELS, Record, utcnow
from bbms_desktop.models.codec import decode_fields, encode_value
from bbms_desktop.rules.component_states import can_transition
from bbms_desktop.rules.vocabulary import LABELS
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import (
    APPEND_ONLY,
    DONOR_MERGE_FIELDS,
    SERVER_OWNED,
    VOID_FIELDS,
    ErrorCode,
    Op,
    OpKind,
    OpResult,
    OpStatus,
    PushRequest,
    PushResponse,
)

MODELS: dict[str, type[Record]] = {model.__tablename__: model for model in SYNCED_MODELS}
MAX_INT = 2**63 - 1


class Rejected(Exception):
    """An op refused for good; the answer carries the server's row as the device may see it (after rollback)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = str(code)
        self.message = message


@dataclass
class _Push:
    session: Session
    device: Device
    seq: Sequencer
    peers: list[uuid.UUID]
    # the versions this device's own ops produced, per row: not a conflict with itself (offline edits of one row
    # all carry the same base_version)
    own_versions: dict[uuid.UUID, set[int]] = field(default_factory=dict)

    def own(self, row_id: uuid.UUID) -> set[int]:
        versions = self.own_versions.get(row_id)
        if versions is None:
            query = select(OpLogEntry.version).where(
                OpLogEntry.device_id == self.device.id,
                OpLogEntry.row_id == row_id,
                OpLogEntry.version.is_not(None),
            )
            versions = self.own_versions[row_id] = set(self.session.scalars(query))
        return versions

    def server_row(self, row: StoredRow | None) -> dict[str, Any] | None:
        return None if row is None else visible_fields(row, self.device.centre_id, self.peers)


def push(session: Session, token_device_id: uuid.UUID, request: PushRequest) -> PushResponse:
    if request.device_id != token_device_id:
        raise ApiError(403, ErrorCode.WRONG_DEVICE, "The push names another device than the one signed in.")
    if request.schema_version > protocol.SCHEMA_VERSION:
        raise ApiError(
            409,
            ErrorCode.SCHEMA_TOO_NEW,
            f"This server speaks schema {protocol.SCHEMA_VERSION}; the device sent {request.schema_version}.",
        )
    seq = lock_sequence(session)
    device = session.scalars(select(Device).where(Device.id == token_device_id).with_for_update()).one()
    centre = centre_by_id(session, device.centre_id)
    if centre is None or bool(centre.fields.get("is_training")) != device.training:
        raise ApiError(403, ErrorCode.TRAINING_MISMATCH, "A training device never syncs with a production centre.")
    ops = [_upgraded(op, request.schema_version) for op in request.ops]
    last = device.last_op_seq
    replays = [op for op in ops if op.op_seq <= last]
    new = [op for op in ops if op.op_seq > last]
    in_order = all(later.op_seq > earlier.op_seq for earlier, later in pairwise(ops))
    if not in_order or any(op.op_seq != last + 1 + index for index, op in enumerate(new)):
        raise ApiError(
            409,
            ErrorCode.OP_GAP,
            f"Ops must arrive in order without gaps: the server expects op {last + 1} next.",
            expected_op_seq=last + 1,
        )
    results: dict[int, OpResult] = _replayed(session, device, replays)
    ctx = _Push(session, device, seq, peer_centre_ids(session, device.training))
    if new:
        _prefetch(session, [op.row_id for op in new])
    for _tx, group in groupby(new, key=lambda op: op.tx):
        group_ops = list(group)
        group_results = _apply_group(ctx, group_ops)
        now = utcnow()
        for op, result in zip(group_ops, group_results, strict=True):
            results[op.op_seq] = result
            session.add(
                OpLogEntry(
                    device_id=device.id,
                    op_seq=op.op_seq,
                    op_id=op.op_id,
                    tx=op.tx,
                    entity=op.entity.replace("\x00", ""),
                    row_id=op.row_id,
                    status=str(result.status),
                    version=None if result.status == OpStatus.REJECTED else result.version,
                    result=result.model_dump(mode="json"),
                    received_at=now,
                )
            )
    if new:
        device.last_op_seq = new[-1].op_seq
    device.last_seen_at = utcnow()
    session.flush()
    return PushResponse(results=[results[op.op_seq] for op in ops], last_op_seq=device.last_op_seq)


def _upgraded(op: Op, schema_version: int) -> Op:
    if schema_version >= protocol.SCHEMA_VERSION:
        return op
    return Op.model_validate(protocol.upgrade_op(op.model_dump(mode="json"), schema_version))


def _replayed(session: Session, device: Device, replays: list[Op]) -> dict[int, OpResult]:
    """The stored outcome of every op taken before: nothing is applied again."""
    if not replays:
        return {}
    stored = {
        entry.op_seq: entry
        for entry in session.scalars(
            select(OpLogEntry).where(
                OpLogEntry.device_id == device.id, OpLogEntry.op_seq.in_([op.op_seq for op in replays])
            )
        )
    }
    results = {}
    for op in replays:
        entry = stored.get(op.op_seq)
        if entry is None:
            results[op.op_seq] = OpResult(op_seq=op.op_seq, status=OpStatus.APPLIED, message="taken before")
        elif entry.op_id != op.op_id:
            results[op.op_seq] = OpResult(
                op_seq=op.op_seq,
                status=OpStatus.REJECTED,
                code=ErrorCode.OP_ID_MISMATCH,
                message=f"The server took another op as number {op.op_seq} of this device: this op was not applied.",
            )
        else:
            results[op.op_seq] = OpResult.model_validate(entry.result)
    return results


def _prefetch(session: Session, row_ids: list[uuid.UUID]) -> None:
    """Load the rows a push touches in one query (later lookups are identity-map hits)."""
    unique = list(set(row_ids))
    for start in range(0, len(unique), 500):
        list(session.scalars(select(StoredRow).where(StoredRow.id.in_(unique[start : start + 500]))))


def _apply_group(ctx: _Push, ops: list[Op]) -> list[OpResult]:
    """One local transaction: all ops applied, or none (audit events excepted: they are kept whatever happens)."""
    before = ctx.seq.last
    own_before = {row_id: set(versions) for row_id, versions in ctx.own_versions.items()}
    savepoint = ctx.session.begin_nested()
    results: list[OpResult] = []
    culprit: tuple[Op, Rejected] | None = None
    for op in ops:
        try:
            results.append(_apply(ctx, op))
            ctx.session.flush()
        except Rejected as refusal:
            culprit = (op, refusal)
            break
    if culprit is None:
        savepoint.commit()
        return results
    savepoint.rollback()
    ctx.seq.reset(before)
    ctx.own_versions = own_before
    bad_op, refusal = culprit
    answered = []
    for op in ops:
        if op.entity == "audit_events":
            answered.append(_apply_alone(ctx, op))
        elif op is bad_op:
            answered.append(_rejected(ctx, op, refusal))
        else:
            message = f"Not applied: op {bad_op.op_seq} of the same transaction was refused ({refusal.code})."
            answered.append(_rejected(ctx, op, Rejected(ErrorCode.REJECTED_WITH_TRANSACTION, message)))
    return answered


def _apply_alone(ctx: _Push, op: Op) -> OpResult:
    before = ctx.seq.last
    savepoint = ctx.session.begin_nested()
    try:
        result = _apply(ctx, op)
        ctx.session.flush()
    except Rejected as refusal:
        savepoint.rollback()
        ctx.seq.reset(before)
        return _rejected(ctx, op, refusal)
    savepoint.commit()
    return result


def _rejected(ctx: _Push, op: Op, refusal: Rejected) -> OpResult:
    row = ctx.session.get(StoredRow, op.row_id)
    return OpResult(
        op_seq=op.op_seq,
        status=OpStatus.REJECTED,
        code=refusal.code,
        message=refusal.message,
        permanent=True,
        server_row=ctx.server_row(row),
    )


# --------------------------------------------------------------------------------------------------------------------
# one op


def _apply(ctx: _Push, op: Op) -> OpResult:
    model = MODELS.get(op.entity)
    if model is None:
        raise Rejected(ErrorCode.UNKNOWN_ENTITY, "This server keeps no such kind of record.")
    if op.entity in SERVER_OWNED:
        raise Rejected(ErrorCode.SERVER_OWNED, f"Only the server writes {op.entity}.")
    columns = synced_columns(op.entity)
    unknown = sorted(set(op.fields) - set(columns))
    if unknown:
        raise Rejected(ErrorCode.UNKNOWN_FIELD, f"{op.entity} has no field {', '.join(unknown)[:200]}.")
    values = canonical_fields(model, op.fields)
    row = ctx.session.get(StoredRow, op.row_id)
    if op.kind == OpKind.INSERT:
        return _insert(ctx, op, values, row)
    return _update(ctx, op, values, row)


def _insert(ctx: _Push, op: Op, values: dict[str, Any], row: StoredRow | None) -> OpResult:
    if values.get("id") != str(op.row_id):
        raise Rejected(ErrorCode.BAD_VALUE, "The row's id is not the op's row_id.")
    if "centre_id" in synced_columns(op.entity) and values.get("centre_id") != str(ctx.device.centre_id):
        raise Rejected(ErrorCode.NOT_YOUR_CENTRE, "A device writes rows of its own centre only.")
    values = complete_insert(op.entity, values)
    if row is not None:
        if row.entity == op.entity and row.fields == values:
            return OpResult(op_seq=op.op_seq, status=OpStatus.APPLIED, version=row.version)
        raise Rejected(ErrorCode.ROW_EXISTS, "A row with this id exists with other content.")
    clash = unique_clash(ctx.session, op.entity, op.row_id, values)
    if clash:
        raise Rejected(ErrorCode.ROW_EXISTS, f"Another {op.entity} row has the same {', '.join(clash)}.")
    version = ctx.seq.next()
    row = new_row(ctx.session, op.entity, values, version)
    index_unique(ctx.session, op.entity, row.id, None, values)
    ctx.own_versions.setdefault(row.id, set()).add(version)
    if op.entity == "donors":
        donors.index_donor(ctx.session, row, ctx.peers)
    return OpResult(op_seq=op.op_seq, status=OpStatus.APPLIED, version=version)


def _update(ctx: _Push, op: Op, values: dict[str, Any], row: StoredRow | None) -> OpResult:
    if row is None or row.entity != op.entity:
        raise Rejected(ErrorCode.NO_SUCH_ROW, "The server has no such row to change.")
    if "id" in values and values["id"] != str(row.id):
        raise Rejected(ErrorCode.BAD_VALUE, "The row's id cannot change.")
    changed = {key: value for key, value in values.items() if row.fields.get(key) != value}
    if row.centre_id != ctx.device.centre_id:
        foreign_donor = op.entity == "donors" and row.centre_id in ctx.peers
        if not foreign_donor or set(changed) - DONOR_MERGE_FIELDS:
            raise Rejected(ErrorCode.NOT_YOUR_CENTRE, "This row belongs to another centre.")
    if "centre_id" in changed:
        raise Rejected(ErrorCode.NOT_YOUR_CENTRE, "A row cannot move to another centre.")
    base = op.base_version if op.base_version is not None else row.created_version
    own = ctx.own(row.id)

    def changed_by_others(key: str) -> bool:
        version = row.field_versions.get(key, row.created_version)
        return version > base and version not in own

    if op.entity in APPEND_ONLY and set(changed) - VOID_FIELDS:
        raise Rejected(ErrorCode.APPEND_ONLY, "This record is a fact: only voiding it may change it.")
    if any(value is None for key, value in changed.items() if not synced_columns(op.entity)[key]):
        raise Rejected(ErrorCode.BAD_VALUE, "A required field cannot be emptied.")
    if op.entity == "components" and "status" in values and ("status" in changed or changed_by_others("status")):
        # the device meant a step from the status it saw; the server checks the step from the status it has now
        # (principle 6): a unit issued meanwhile by another counter cannot be issued again
        current, target = str(row.fields.get("status")), str(values["status"])
        if not can_transition(current, target):
            message = (
                f"This unit is already {_label(current)} on the server, by another device."
                if current == target
                else f"This unit is now {_label(current)} on the server: it cannot become {_label(target)}."
            )
            raise Rejected(ErrorCode.ILLEGAL_TRANSITION, message)
    clash = unique_clash(ctx.session, op.entity, row.id, {**row.fields, **changed}) if changed else None
    if clash:
        raise Rejected(ErrorCode.ROW_EXISTS, f"Another {op.entity} row has the same {', '.join(clash)}.")
    # field-level merge (principle 7): a field changed since the device's base by someone else, to another value,
    # changed on both sides: last by server receipt wins, and a donor is flagged for review
    conflict = any(changed_by_others(key) for key in changed if key != "updated_at")
    foreign_newer = any(version > base and version not in own for version in row.field_versions.values())
    status = OpStatus.CONFLICT if conflict else OpStatus.MERGED if foreign_newer else OpStatus.APPLIED
    if conflict and op.entity == "donors" and row.fields.get("needs_review") is not True:
        changed["needs_review"] = True
    if not changed:
        return OpResult(op_seq=op.op_seq, status=status, version=row.version)
    old = dict(row.fields)
    version = ctx.seq.next()
    change_row(row, changed, version)
    index_unique(ctx.session, op.entity, row.id, old, row.fields)
    own.add(version)
    if op.entity == "donors" and donors.identity_changed(old, row.fields):
        donors.index_donor(ctx.session, row, ctx.peers)
    server_row = ctx.server_row(row) if status == OpStatus.CONFLICT else None
    return OpResult(op_seq=op.op_seq, status=status, version=version, server_row=server_row)


def _label(status: str) -> str:
    label = LABELS.get(status)
    return label().render() if label is not None else status


# --------------------------------------------------------------------------------------------------------------------
# shapes and values


@cache
def synced_columns(entity: str) -> dict[str, bool]:
    """The synced columns of ``entity`` (all but ``version``) and whether each may be null."""
    model = MODELS[entity]
    return {
        attr.key: bool(attr.columns[0].nullable)
        for attr in inspect(model).column_attrs
        if attr.key not in model.SYNC_IGNORED
    }


def complete_insert(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    """An insert's fields with every synced column (absent ones: the model's default, else null); a required
    column left null is refused."""
    model = MODELS[entity]
    table_columns = model.__table__.columns
    complete = dict(values)
    for key, nullable in synced_columns(entity).items():
        if key not in complete:
            default = table_columns[key].default
            arg = default.arg if default is not None and default.is_scalar else None
            complete[key] = encode_value(arg)
        if complete[key] is None and not nullable:
            raise Rejected(ErrorCode.BAD_VALUE, f"{entity}.{key} is required.")
    return complete


def canonical_fields(model: type[Record], fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` checked against the columns' types and sizes, in their canonical wire form (UTC times, lower-case
    UUIDs), so equal rows compare equal; anything else is ``bad_value``."""
    try:
        decoded = decode_fields(model, fields)
    except (ValueError, TypeError, AttributeError, OverflowError):
        raise Rejected(ErrorCode.BAD_VALUE, "A field has a value of the wrong kind.") from None
    columns = model.__table__.columns
    canonical = {}
    for key, value in decoded.items():
        if value is not None:
            _check(columns[key].type, value, key)
        canonical[key] = encode_value(value)
    return canonical


def _check(column_type: Any, value: Any, key: str) -> None:
    kind = column_type.impl if isinstance(column_type, TypeDecorator) else column_type
    ok = True
    if isinstance(kind, Enum):
        ok = isinstance(value, str) and value in kind.enums
    elif isinstance(kind, String):
        ok = isinstance(value, str) and "\x00" not in value and (kind.length is None or len(value) <= kind.length)
    elif isinstance(kind, Boolean):
        ok = isinstance(value, bool)
    elif isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool) and -MAX_INT <= value <= MAX_INT
    elif isinstance(kind, Float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    elif isinstance(kind, DateTime):
        ok = isinstance(value, datetime) and value.tzinfo is not None
    elif isinstance(kind, Date):
        ok = isinstance(value, date) and not isinstance(value, datetime)
    elif isinstance(kind, Uuid):
        ok = isinstance(value, uuid.UUID)
    elif isinstance(kind, JSON):
        ok = _plain_json(value)
    if not ok:
        raise Rejected(ErrorCode.BAD_VALUE, f"The value of {key} is not valid.")


def _plain_json(value: Any, depth: int = 0) -> bool:
    """JSON every backend stores: finite numbers, strings without NUL, not absurdly deep."""
    if depth > 32:
        return False
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return -MAX_INT <= value <= MAX_INT
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_plain_json(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and "\x00" not in k and _plain_json(v, depth + 1) for k, v in value.items())
    return False
