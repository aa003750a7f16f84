"""Taking devices' pushed ops: exactly once (principle 3), a local transaction all or none, every op validated by
the protocol's rules against the server's current state (principles 5, 6, 7, 10, 15).

A push is applied in a database transaction holding the sequence lock: replays are answered from the op log, new
ops are applied group by group (a group = one local transaction), each op's outcome is stored, and the device's
``last_op_seq`` advances, all in one commit. The pushes that arrive together (``app.GroupCommit``) share that
transaction and are applied as one batch (``push_many``).

The work is set-based, so the sequence lock is held briefly: every check that needs no server state (entity, field
names, value kinds) runs before the lock; under it, every row, unique key, own version and donor key the batch
touches is read in a few ``IN`` queries; the ops are then applied to an in-memory copy of that state (a group's
changes are journaled and undone when one of its ops is refused, a push's when it fails: no SAVEPOINT, no
rollback); at the end the net changes are written with one ``executemany`` per table.
"""

from __future__ import annotations

import logging
import math
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from itertools import groupby, pairwise
from typing import Any, NamedTuple

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    String,
    Uuid,
    bindparam,
    delete,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import JSON, TypeDecorator

from bbms_central import donors, teleconsults
from bbms_central.models import Device, OpLogEntry, StoredRow, UniqueKey
from bbms_central.store import (
    UNIQUE_SETS,
    Journal,
    Sequencer,
    among,
    centre_by_id,
    lock_sequence,
    peer_centre_ids,
    unique_key,
    visible_fields,
)
from bbms_central.wire import ApiError, Rejected
from bbms_desktop.models import SYNCED_MODELS, Record, utcnow
from bbms_desktop.models.bulk import insert_many
from bbms_desktop.models.codec import encode_value
from bbms_desktop.rules.component_states import can_transition
from bbms_desktop.rules.vocabulary import LABELS, ComponentStatus
from bbms_desktop.sync import protocol
from bbms_desktop.sync.protocol import (
    APPEND_ONLY,
    DONOR_MERGE_FIELDS,
    KEPT_WHATEVER_HAPPENS,
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

log = logging.getLogger("bbms_central")
MODELS: dict[str, type[Record]] = {model.__tablename__: model for model in SYNCED_MODELS}
MAX_INT = 2**63 - 1
CHUNK = 500  # ids per IN list


@dataclass(slots=True)
class _Row:
    """A stored row as the push sees it; replaced, never changed in place (a refused group's changes are undone by
    putting the old object back)."""

    id: uuid.UUID
    entity: str
    centre_id: uuid.UUID | None
    version: int
    fields: dict[str, Any]
    field_versions: dict[str, Any]
    created_version: int


@dataclass(slots=True)
class _Prepared:
    """What can be checked of an op without the server's state (done before the sequence lock is taken)."""

    values: dict[str, Any] | None = None  # canonical wire-form fields
    error: Rejected | None = None
    complete: dict[str, Any] | None = None  # an insert's fields with every column
    complete_error: Rejected | None = None
    # of ``complete``, computed once (the prefetch, the clash check and the indexing all use them): its unique keys
    # (constraint name, key or None) in the order of ``UNIQUE_SETS``, and a donor's identity keys
    unique: list[tuple[str, str | None]] | None = None
    identity: dict[str, str] | None = None


_ROW_COLUMNS = (
    StoredRow.id,
    StoredRow.entity,
    StoredRow.centre_id,
    StoredRow.version,
    StoredRow.fields,
    StoredRow.field_versions,
    StoredRow.created_version,
)


class _Push:
    """The state a group of pushes works on, one push after another: the server's rows, unique keys, donor keys
    and each device's own versions they touched, as of now, with the changes of the ops applied so far (journaled,
    so a refused transaction, or a push that fails, is undone). ``begin`` makes one device's push the current one:
    ``device``, ``peers``, ``own_versions`` and ``returned`` are that push's. The net changes of the whole group
    are written once, at the end (``write``)."""

    def __init__(self, session: Session, last: int) -> None:
        self.session = session
        self.last = last  # the last version given out (the sequence is written at the end)
        self.journal = Journal()
        self.rows: dict[uuid.UUID, _Row | None] = {}
        self.initial_rows: dict[uuid.UUID, _Row | None] = {}
        self.unique: dict[tuple[str, str, str], uuid.UUID | None] = {}
        self.initial_unique: dict[tuple[str, str, str], uuid.UUID | None] = {}
        # per device, the versions its own ops produced, per row: not a conflict with itself (offline edits of one
        # row all carry the same base_version)
        self.own_by_device: dict[uuid.UUID, dict[uuid.UUID, frozenset[int]]] = {}
        self.donors = donors.DonorIndex(session, self.journal, self.row, self.load_rows)
        # the current push's
        self._device: Device | None = None
        self.peers: list[uuid.UUID] = []
        self.peer_set: frozenset[uuid.UUID] = frozenset()
        self.own_versions: dict[uuid.UUID, frozenset[int]] = {}
        # the units the local transaction being applied takes back from an issue (its returns, checked)
        self.returned: set[str] = set()

    def begin(self, device: Device, peers: list[uuid.UUID], peer_set: frozenset[uuid.UUID]) -> None:
        """Make ``device``'s push (of the world ``peers``, ``peer_set`` the same as a set) the one being applied."""
        self._device = device
        self.peers = peers
        self.peer_set = peer_set
        self.donors.peers = peer_set
        self.own_versions = self.own_by_device.setdefault(device.id, {})
        self.returned = set()

    @property
    def device(self) -> Device:
        if self._device is None:
            raise RuntimeError("no push is being applied (begin was not called)")
        return self._device

    # -- reading (each fact read once; later lookups are dictionary hits) ------------------------------------------

    def load_rows(self, row_ids: Iterable[uuid.UUID]) -> None:
        wanted = [row_id for row_id in set(row_ids) if row_id not in self.rows]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            for found in self.session.execute(select(*_ROW_COLUMNS).where(among(self.session, StoredRow.id, chunk))):
                row = _Row(*found)
                self.rows[row.id] = self.initial_rows[row.id] = row
            for row_id in chunk:
                if row_id not in self.rows:
                    self.rows[row_id] = self.initial_rows[row_id] = None

    def row(self, row_id: uuid.UUID) -> _Row | None:
        if row_id not in self.rows:
            self.load_rows([row_id])
        return self.rows[row_id]

    def load_own(self, wanted_by_device: dict[uuid.UUID, Iterable[uuid.UUID]]) -> None:
        """Read each device's own versions of the rows given for it, all devices in one query per chunk."""
        wanted: dict[uuid.UUID, list[uuid.UUID]] = {}
        for device_id, row_ids in wanted_by_device.items():
            known = self.own_by_device.setdefault(device_id, {})
            wanted[device_id] = [row_id for row_id in set(row_ids) if row_id not in known]
        found = {(device_id, row_id): set() for device_id, row_ids in wanted.items() for row_id in row_ids}
        devices = [device_id for device_id, row_ids in wanted.items() if row_ids]
        every_row = list({row_id for row_ids in wanted.values() for row_id in row_ids})
        for start in range(0, len(every_row), CHUNK):
            query = select(OpLogEntry.device_id, OpLogEntry.row_id, OpLogEntry.version).where(
                among(self.session, OpLogEntry.device_id, devices)
                if len(devices) > 1
                else OpLogEntry.device_id == devices[0],
                among(self.session, OpLogEntry.row_id, every_row[start : start + CHUNK]),
                OpLogEntry.version.is_not(None),
            )
            for device_id, row_id, version in self.session.execute(query):
                if (device_id, row_id) in found:
                    found[(device_id, row_id)].add(version)
        for (device_id, row_id), versions in found.items():
            self.own_by_device[device_id][row_id] = frozenset(versions)

    def own(self, row_id: uuid.UUID) -> frozenset[int]:
        if row_id not in self.own_versions:
            self.load_own({self.device.id: [row_id]})
        return self.own_versions[row_id]

    def load_unique(self, keys: Iterable[tuple[str, str, str]]) -> None:
        wanted = {key for key in keys if key not in self.unique}
        by_constraint: dict[tuple[str, str], list[str]] = {}
        for entity, name, key in sorted(wanted):
            by_constraint.setdefault((entity, name), []).append(key)
        found: dict[tuple[str, str, str], uuid.UUID] = {}
        # per constraint, so the primary key (entity, constraint, key) finds them: the key alone would be a scan
        for (entity, name), values in by_constraint.items():
            for start in range(0, len(values), CHUNK):
                query = select(UniqueKey.key, UniqueKey.row_id).where(
                    UniqueKey.entity == entity,
                    UniqueKey.constraint == name,
                    among(self.session, UniqueKey.key, values[start : start + CHUNK]),
                )
                for key, row_id in self.session.execute(query):
                    found[(entity, name, key)] = row_id
        for key in wanted:
            self.unique[key] = self.initial_unique[key] = found.get(key)

    def holder(self, key: tuple[str, str, str]) -> uuid.UUID | None:
        if key not in self.unique:
            self.load_unique([key])
        return self.unique[key]

    # -- the state the ops change -----------------------------------------------------------------------------------

    def next_version(self) -> int:
        self.last += 1
        return self.last

    def mark(self) -> tuple[int, int]:
        return self.journal.mark(), self.last

    def undo(self, mark: tuple[int, int]) -> None:
        self.journal.undo(mark[0])
        self.last = mark[1]

    def put(self, row: _Row) -> None:
        self.journal.set(self.rows, row.id, row)

    def add_own(self, row_id: uuid.UUID, version: int) -> None:
        self.journal.set(self.own_versions, row_id, self.own(row_id) | {version})

    def unique_clash(
        self, entity: str, row_id: uuid.UUID, fields: dict[str, Any], keys: list[tuple[str, str | None]] | None = None
    ) -> tuple[str, ...] | None:
        """The columns of a unique constraint that another row of ``entity`` already holds ``fields``' values in
        (``keys``: ``fields``' unique keys, :func:`unique_keys`, when already known)."""
        for (name, columns), (_name, key) in zip(
            UNIQUE_SETS.get(entity, ()), keys if keys is not None else unique_keys(entity, fields), strict=True
        ):
            if key is None:
                continue
            holder = self.holder((entity, name, key))
            if holder is not None and holder != row_id:
                return columns
        return None

    def index_unique(
        self,
        entity: str,
        row_id: uuid.UUID,
        old: dict[str, Any] | None,
        new: dict[str, Any],
        new_keys: list[tuple[str, str | None]] | None = None,
    ) -> None:
        """Record ``new``'s unique keys (``new_keys`` when already known) in place of ``old``'s."""
        sets = UNIQUE_SETS.get(entity, ())
        if new_keys is None:
            new_keys = unique_keys(entity, new)
        for (name, columns), (_name, after) in zip(sets, new_keys, strict=True):
            before = None if old is None else unique_key(columns, old)
            if before == after:
                continue
            if before is not None:
                self.holder((entity, name, before))
                self.journal.set(self.unique, (entity, name, before), None)
            if after is not None:
                self.holder((entity, name, after))
                self.journal.set(self.unique, (entity, name, after), row_id)

    def server_row(self, row: _Row | None) -> dict[str, Any] | None:
        return None if row is None else visible_fields(row, self.device.centre_id, self.peer_set)  # type: ignore[arg-type]

    # -- writing the net changes ------------------------------------------------------------------------------------

    def write(self) -> None:
        rows = StoredRow.__table__
        inserts, updates = [], []
        for row_id, row in self.rows.items():
            before = self.initial_rows.get(row_id)
            if row is None or row is before:
                continue
            values = {
                "version": row.version,
                "fields": row.fields,
                "field_versions": row.field_versions,
            }
            if before is None:
                inserts.append(
                    {"id": row.id, "entity": row.entity, "centre_id": row.centre_id,
                     "created_version": row.created_version, **values}
                )  # fmt: skip
            else:
                updates.append({"b_id": row.id, **values})
        if inserts:
            insert_many(self.session, rows, inserts)
        if updates:
            statement = (
                update(rows)
                .where(rows.c.id == bindparam("b_id"))
                .values(
                    version=bindparam("version"),
                    fields=bindparam("fields"),
                    field_versions=bindparam("field_versions"),
                )
            )
            self.session.execute(statement, updates)
        keys = UniqueKey.__table__
        gone, added = [], []
        for (entity, name, key), holder in self.unique.items():
            before = self.initial_unique.get((entity, name, key))
            if holder == before:
                continue
            if before is not None:
                gone.append({"b_entity": entity, "b_constraint": name, "b_key": key})
            if holder is not None:
                added.append({"entity": entity, "constraint": name, "key": key, "row_id": holder})
        if gone:
            statement = delete(keys).where(
                keys.c.entity == bindparam("b_entity"),
                keys.c.constraint == bindparam("b_constraint"),
                keys.c.key == bindparam("b_key"),
            )
            self.session.execute(statement, gone)
        if added:
            insert_many(self.session, keys, added)
        self.donors.write()


class SignedIn(NamedTuple):
    """The device's centre and world as ``auth.authenticate`` read them for this request (it checked that the two
    agree), so that the push need not read them again."""

    centre_id: uuid.UUID
    training: bool


class _Checked(NamedTuple):
    """A push as far as it can be checked without the sequence lock: its ops (upgraded), what each op's checks
    found, and its device's centre and world."""

    index: int  # its place in the group
    device_id: uuid.UUID
    ops: list[Op]
    prepared: dict[int, _Prepared]
    centre_id: uuid.UUID
    training: bool


class _Taken(NamedTuple):
    """A push of a round past its sequence checks, before its new ops are applied."""

    checked: _Checked
    device: Device
    peers: list[uuid.UUID]
    peer_set: frozenset[uuid.UUID]  # the same, for membership (shared by the pushes of a world)
    results: dict[int, OpResult]  # the replayed ops' stored outcomes
    new: list[Op]


Outcome = PushResponse | Exception


def push(
    session: Session,
    token_device_id: uuid.UUID,
    request: PushRequest,
    *,
    peers_by_world: dict[bool, list[uuid.UUID]] | None = None,
    signed_in: SignedIn | None = None,
    sequencer: Sequencer | None = None,
) -> PushResponse:
    """Apply one device's push in ``session`` (:func:`push_many` with one push); a refused push raises its
    error, with nothing of it written."""
    [outcome] = push_many(
        session, [(token_device_id, request, signed_in)], peers_by_world=peers_by_world, sequencer=sequencer
    )
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def push_many(
    session: Session,
    pushes: list[tuple[uuid.UUID, PushRequest, SignedIn | None]],
    *,
    peers_by_world: dict[bool, list[uuid.UUID]] | None = None,
    sequencer: Sequencer | None = None,
) -> list[Outcome]:
    """Apply the pushes of a group in ``session``, in their order, as if one after another: each push's answer, or
    the error that refused it (nothing of a refused push is written, and the others are numbered as if it had never
    come). Each push is ``(token_device_id, request, signed_in)``: ``signed_in``, the device as its token's check
    found it in this request (compared again with the locked device row; checked afresh if the device was enrolled
    again meanwhile), or None to read it here.

    The group is applied as one batch: every row, unique key, own version and donor key its pushes touch is read in a
    few ``IN`` queries, the pushes are applied one after another to that in-memory state, and the net changes of all
    of them are written with one ``executemany`` per table (at hundreds of centres syncing at once, the round trips
    of a push, not its work, were what the last of them waited for). A device that comes twice (a retry while its
    first push waits) has its later push applied in a round of its own, after the earlier one is written. Each round
    is a savepoint: if its write fails, its pushes are applied again one by one, so a push the database refuses takes
    only itself down.

    ``peers_by_world``: the peer centres of each world (production, training), shared by the pushes of one
    transaction that holds the sequence lock throughout: no centre can be added meanwhile (``admin.add_centre``
    takes the lock), so one reading serves them all. ``sequencer``: the sequence row the transaction has already
    locked (a group commit's)."""
    outcomes: list[Outcome | None] = [None] * len(pushes)
    peers_by_world = {} if peers_by_world is None else peers_by_world
    checked: list[_Checked] = []
    for index, (token_device_id, request, signed_in) in enumerate(pushes):
        try:  # no server state needed: before the lock
            checked.append(_check(session, index, token_device_id, request, signed_in))
        except Exception as error:  # this push's answer
            outcomes[index] = error
    seq = sequencer if sequencer is not None else lock_sequence(session)
    rounds: list[list[_Checked]] = []
    times: dict[uuid.UUID, int] = {}
    for item in checked:
        nth = times.get(item.device_id, 0)
        times[item.device_id] = nth + 1
        if nth == len(rounds):
            rounds.append([])
        rounds[nth].append(item)
    for items in rounds:
        _apply_round(session, items, seq, peers_by_world, outcomes)
    assert all(outcome is not None for outcome in outcomes)
    return outcomes  # type: ignore[return-value]


def _check(
    session: Session, index: int, token_device_id: uuid.UUID, request: PushRequest, signed_in: SignedIn | None
) -> _Checked:
    if request.device_id != token_device_id:
        raise ApiError(403, ErrorCode.WRONG_DEVICE, "The push names another device than the one signed in.")
    if request.schema_version > protocol.SCHEMA_VERSION:
        raise ApiError(
            409,
            ErrorCode.SCHEMA_TOO_NEW,
            f"This server speaks schema {protocol.SCHEMA_VERSION}; the device sent {request.schema_version}.",
        )
    ops = [_upgraded(op, request.schema_version) for op in request.ops]
    prepared = {op.op_seq: _prepare(op) for op in ops}
    # a device's centre and training flag never change, nor does a centre's: checked before the lock too
    if signed_in is None:
        centre_id, training = session.execute(
            select(Device.centre_id, Device.training).where(Device.id == token_device_id)
        ).one()
        _same_world(session, centre_id, training)
    else:
        centre_id, training = signed_in
    return _Checked(index, token_device_id, ops, prepared, centre_id, training)


def _apply_round(
    session: Session,
    items: list[_Checked],
    seq: Sequencer,
    peers_by_world: dict[bool, list[uuid.UUID]],
    outcomes: list[Outcome | None],
) -> None:
    try:
        with session.begin_nested():
            answers = _round(session, items, seq, peers_by_world)
    except Exception as error:  # the round's savepoint is rolled back; the pushes are tried alone
        if len(items) == 1:
            outcomes[items[0].index] = error
            return
        log.warning("a round of %d pushes was not written (%r): applying them one by one", len(items), error)
        for item in items:
            _apply_round(session, [item], seq, peers_by_world, outcomes)
        return
    for item, answer in zip(items, answers, strict=True):
        outcomes[item.index] = answer


def _round(
    session: Session, items: list[_Checked], seq: Sequencer, peers_by_world: dict[bool, list[uuid.UUID]]
) -> list[Outcome]:
    """Pushes of distinct devices, applied to one in-memory state and written together."""
    answers: list[Outcome | None] = [None] * len(items)
    ids = sorted({item.device_id for item in items})
    query = select(Device).where(among(session, Device.id, ids)).order_by(Device.id).with_for_update()
    locked = {device.id: device for device in session.scalars(query)}
    taken: list[tuple[int, _Taken]] = []
    peer_sets: dict[bool, frozenset[uuid.UUID]] = {}
    for place, item in enumerate(items):
        try:
            taken.append((place, _take(session, item, locked, peers_by_world, peer_sets)))
        except Exception as error:  # this push's answer
            answers[place] = error
    ctx = _Push(session, seq.last)
    _prefetch(ctx, [(one.device, one.new, one.checked.prepared) for _place, one in taken if one.new])
    log_entries: list[dict[str, Any]] = []
    now = utcnow()
    for place, one in taken:
        mark = ctx.mark()
        try:
            ctx.begin(one.device, one.peers, one.peer_set)
            entries = _apply_new(ctx, one, now)
        except Exception as error:  # undone; the others go on
            ctx.undo(mark)
            answers[place] = error
            continue
        log_entries += entries
        device = one.device
        if one.new:
            device.last_op_seq = one.new[-1].op_seq
        device.last_seen_at = now
        answers[place] = PushResponse(
            results=[one.results[op.op_seq] for op in one.checked.ops], last_op_seq=device.last_op_seq
        )
    ctx.write()
    if log_entries:
        insert_many(session, OpLogEntry.__table__, log_entries)  # type: ignore[arg-type]
    seq.reset(ctx.last)  # the versions given out, written last, just before commit
    session.flush()
    return answers  # type: ignore[return-value]


def _take(
    session: Session,
    item: _Checked,
    locked: dict[uuid.UUID, Device],
    peers_by_world: dict[bool, list[uuid.UUID]],
    peer_sets: dict[bool, frozenset[uuid.UUID]],
) -> _Taken:
    device = locked.get(item.device_id)
    if device is None:
        raise ApiError(401, ErrorCode.UNAUTHORIZED, "This device is not enrolled.")
    if item.training not in peers_by_world:
        peers_by_world[item.training] = peer_centre_ids(session, item.training)
    peers = peers_by_world[item.training]
    if item.training not in peer_sets:
        peer_sets[item.training] = frozenset(peers)
    peer_set = peer_sets[item.training]
    if (device.centre_id, device.training) != (item.centre_id, item.training):  # enrolled again since the check
        _same_world(session, device.centre_id, device.training)
        peers = peer_centre_ids(session, device.training)
        peer_set = frozenset(peers)
    last = device.last_op_seq
    ops = item.ops
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
    return _Taken(item, device, peers, peer_set, _replayed(session, device, replays), new)


def _apply_new(ctx: _Push, one: _Taken, now: datetime) -> list[dict[str, Any]]:
    """Apply a push's new ops, local transaction by local transaction; its op log entries."""
    entries: list[dict[str, Any]] = []
    for _tx, group in groupby(one.new, key=lambda op: op.tx):
        group_ops = list(group)
        group_results = _apply_group(ctx, group_ops, one.checked.prepared)
        for op, result in zip(group_ops, group_results, strict=True):
            one.results[op.op_seq] = result
            entries.append(
                {
                    "device_id": one.device.id,
                    "op_seq": op.op_seq,
                    "op_id": op.op_id,
                    "tx": op.tx,
                    "entity": op.entity.replace("\x00", ""),
                    "row_id": op.row_id,
                    "status": str(result.status),
                    "version": None if result.status == OpStatus.REJECTED else result.version,
                    "result": _stored_result(result),
                    "received_at": now,
                }
            )
    return entries


def _same_world(session: Session, centre_id: uuid.UUID, training: bool) -> None:
    centre = centre_by_id(session, centre_id)
    if centre is None or bool(centre.fields.get("is_training")) != training:
        raise ApiError(403, ErrorCode.TRAINING_MISMATCH, "A training device never syncs with a production centre.")


def _stored_result(result: OpResult) -> dict[str, Any]:
    """``result.model_dump(mode="json")``, built directly when it carries no server row (nearly every op)."""
    if result.server_row is not None:
        return result.model_dump(mode="json")
    return {
        "op_seq": result.op_seq,
        "status": str(result.status),
        "version": result.version,
        "code": result.code,
        "message": result.message,
        "permanent": result.permanent,
        "server_row": None,
    }


def _upgraded(op: Op, schema_version: int) -> Op:
    if schema_version >= protocol.SCHEMA_VERSION:
        return op
    return Op.model_validate(protocol.upgrade_op(op.model_dump(mode="json"), schema_version))


def _replayed(session: Session, device: Device, replays: list[Op]) -> dict[int, OpResult]:
    """The stored outcome of every op taken before: nothing is applied again."""
    if not replays:
        return {}
    stored: dict[int, tuple[uuid.UUID, dict[str, Any]]] = {}
    seqs = [op.op_seq for op in replays]
    for start in range(0, len(seqs), CHUNK):
        query = select(OpLogEntry.op_seq, OpLogEntry.op_id, OpLogEntry.result).where(
            OpLogEntry.device_id == device.id, among(session, OpLogEntry.op_seq, seqs[start : start + CHUNK])
        )
        for op_seq, op_id, result in session.execute(query):
            stored[op_seq] = (op_id, result)
    results = {}
    for op in replays:
        entry = stored.get(op.op_seq)
        if entry is None:
            results[op.op_seq] = OpResult(op_seq=op.op_seq, status=OpStatus.APPLIED, message="taken before")
        elif entry[0] != op.op_id:
            results[op.op_seq] = OpResult(
                op_seq=op.op_seq,
                status=OpStatus.REJECTED,
                code=ErrorCode.OP_ID_MISMATCH,
                message=f"The server took another op as number {op.op_seq} of this device: this op was not applied.",
            )
        else:
            results[op.op_seq] = OpResult.model_validate(entry[1])
    return results


def _prepare(op: Op) -> _Prepared:
    """The checks of an op that need no server state, in the order ``_apply`` reports them."""
    model = MODELS.get(op.entity)
    try:
        if model is None:
            raise Rejected(ErrorCode.UNKNOWN_ENTITY, "This server keeps no such kind of record.")
        if op.entity in SERVER_OWNED:
            raise Rejected(ErrorCode.SERVER_OWNED, f"Only the server writes {op.entity}.")
        columns = synced_columns(op.entity)
        unknown = sorted(set(op.fields) - set(columns))
        if unknown:
            raise Rejected(ErrorCode.UNKNOWN_FIELD, f"{op.entity} has no field {', '.join(unknown)[:200]}.")
        prepared = _Prepared(values=canonical_fields(model, op.fields))
    except Rejected as refusal:
        return _Prepared(error=refusal)
    if op.kind == OpKind.INSERT:
        try:
            prepared.complete = complete_insert(op.entity, prepared.values or {})
        except Rejected as refusal:
            prepared.complete_error = refusal
        else:
            prepared.unique = unique_keys(op.entity, prepared.complete)
            if op.entity == "donors":
                prepared.identity = donors.identity_keys(prepared.complete)
    return prepared


def unique_keys(entity: str, fields: dict[str, Any]) -> list[tuple[str, str | None]]:
    """``fields``' key of each unique constraint of ``entity`` (None: a part is null, it never clashes)."""
    return [(name, unique_key(columns, fields)) for name, columns in UNIQUE_SETS.get(entity, ())]


def _prefetch(ctx: _Push, batches: list[tuple[Device, list[Op], dict[int, _Prepared]]]) -> None:
    """Read everything the pushes' new ops will look at in a few queries: rows, own versions, unique keys, donor
    keys (``batches``: each push's device, new ops and their checks)."""
    ctx.load_rows(op.row_id for _device, ops, _prepared in batches for op in ops)
    # a row the server does not have has no versions (rows are never deleted): none of this device's own either
    ctx.load_own(
        {device.id: [op.row_id for op in ops if ctx.rows[op.row_id] is not None] for device, ops, _prepared in batches}
    )
    for device, ops, _prepared in batches:
        own = ctx.own_by_device[device.id]
        own.update((op.row_id, frozenset()) for op in ops if ctx.rows[op.row_id] is None and op.row_id not in own)
    keys: set[tuple[str, str, str]] = set()
    donor_keys: dict[uuid.UUID, list[dict[str, str]]] = {}
    for op, prep in ((op, prepared[op.op_seq]) for _device, ops, prepared in batches for op in ops):
        if prep.values is None:
            continue
        row = ctx.rows.get(op.row_id)
        candidates = [row.fields, {**row.fields, **prep.values}] if row is not None else []
        if prep.unique is not None:  # the insert's own keys, computed once
            keys.update((op.entity, name, key) for name, key in prep.unique if key is not None)
        for fields in candidates:
            keys.update((op.entity, name, key) for name, key in unique_keys(op.entity, fields) if key is not None)
        if op.entity == "donors":
            found = donor_keys.setdefault(op.row_id, [])
            if prep.identity is not None:
                found.append(prep.identity)
            found += map(donors.identity_keys, candidates)
    ctx.load_unique(keys)
    if donor_keys:
        ctx.donors.prefetch(donor_keys, {donor for donor in donor_keys if ctx.rows[donor] is None})


def _apply_group(ctx: _Push, ops: list[Op], prepared: dict[int, _Prepared]) -> list[OpResult]:
    """One local transaction: all ops applied, or none (audit events and deferrals excepted: they are kept whatever
    happens, ``protocol.KEPT_WHATEVER_HAPPENS``).
    Every op is checked against the state the group's earlier ops left; a refusal undoes the group's changes."""
    mark = ctx.mark()
    ctx.returned.clear()
    results: list[OpResult] = []
    culprit: tuple[Op, Rejected] | None = None
    for op in ops:
        try:
            results.append(_apply(ctx, op, prepared[op.op_seq]))
        except Rejected as refusal:
            culprit = (op, refusal)
            break
    if culprit is None:
        return results
    ctx.undo(mark)
    bad_op, refusal = culprit
    answered = []
    for op in ops:
        if op.entity in KEPT_WHATEVER_HAPPENS:
            answered.append(_apply_alone(ctx, op, prepared[op.op_seq]))
        elif op is bad_op:
            answered.append(_rejected(ctx, op, refusal))
        else:
            message = f"Not applied: op {bad_op.op_seq} of the same transaction was refused ({refusal.code})."
            answered.append(_rejected(ctx, op, Rejected(ErrorCode.REJECTED_WITH_TRANSACTION, message)))
    return answered


def _apply_alone(ctx: _Push, op: Op, prep: _Prepared) -> OpResult:
    mark = ctx.mark()
    ctx.returned.clear()
    try:
        return _apply(ctx, op, prep)
    except Rejected as refusal:
        ctx.undo(mark)
        return _rejected(ctx, op, refusal)


def _rejected(ctx: _Push, op: Op, refusal: Rejected) -> OpResult:
    return OpResult(
        op_seq=op.op_seq,
        status=OpStatus.REJECTED,
        code=refusal.code,
        message=refusal.message,
        permanent=True,
        server_row=ctx.server_row(ctx.row(op.row_id)),
    )


# --------------------------------------------------------------------------------------------------------------------
# one op


def _apply(ctx: _Push, op: Op, prep: _Prepared) -> OpResult:
    if prep.error is not None:
        raise Rejected(prep.error.code, prep.error.message)
    assert prep.values is not None
    row = ctx.row(op.row_id)
    if op.kind == OpKind.INSERT:
        return _insert(ctx, op, prep, row)
    return _update(ctx, op, prep.values, row)


def _insert(ctx: _Push, op: Op, prep: _Prepared, row: _Row | None) -> OpResult:
    values = prep.values or {}
    if values.get("id") != str(op.row_id):
        raise Rejected(ErrorCode.BAD_VALUE, "The row's id is not the op's row_id.")
    if "centre_id" in synced_columns(op.entity) and values.get("centre_id") != str(ctx.device.centre_id):
        raise Rejected(ErrorCode.NOT_YOUR_CENTRE, "A device writes rows of its own centre only.")
    if prep.complete_error is not None:
        raise Rejected(prep.complete_error.code, prep.complete_error.message)
    assert prep.complete is not None
    values = prep.complete
    if row is not None:
        if row.entity == op.entity and row.fields == values:
            return OpResult(op_seq=op.op_seq, status=OpStatus.APPLIED, version=row.version)
        raise Rejected(ErrorCode.ROW_EXISTS, "A row with this id exists with other content.")
    clash = ctx.unique_clash(op.entity, op.row_id, values, prep.unique)
    if clash:
        raise Rejected(ErrorCode.ROW_EXISTS, f"Another {op.entity} row has the same {', '.join(clash)}.")
    if op.entity == "component_returns":
        _check_return(ctx, values)
        ctx.returned.add(str(values.get("component_id")))
    if op.entity in teleconsults.FAMILY:
        teleconsults.check_insert(op.entity, values, ctx.device.centre_id, ctx.peer_set, ctx.row)
    version = ctx.next_version()
    centre = values.get("centre_id")
    row = _Row(
        id=op.row_id,
        entity=op.entity,
        centre_id=uuid.UUID(centre) if centre else None,
        version=version,
        fields=dict(values),
        field_versions=dict.fromkeys(values, version),
        created_version=version,
    )
    ctx.put(row)
    ctx.index_unique(op.entity, row.id, None, values, prep.unique)
    ctx.add_own(row.id, version)
    if op.entity == "donors":
        ctx.donors.reindex(row.id, row.centre_id, row.fields, prep.identity)
    if op.entity == teleconsults.CONSULTS:
        _server_step(ctx, row)
    return OpResult(op_seq=op.op_seq, status=OpStatus.APPLIED, version=version)


def _check_return(ctx: _Push, values: dict[str, Any]) -> None:
    """A return ends a standing issue of the same unit that the server holds. A device that issued a unit offline
    and took it back before syncing pushes a return of an issue the server may have refused (another counter issued
    the unit first): that return must not move the unit, which is out on the other issue (principle 6)."""
    try:
        issue = ctx.row(uuid.UUID(str(values.get("issue_id"))))
    except ValueError:
        issue = None
    if (
        issue is None
        or issue.entity != "issues"
        or issue.fields.get("voided_at") is not None
        or issue.fields.get("component_id") != values.get("component_id")
    ):
        raise Rejected(
            ErrorCode.NO_SUCH_ROW,
            "This return is of an issue the server does not hold (refused or voided): the unit was not moved.",
        )


def _update(ctx: _Push, op: Op, values: dict[str, Any], row: _Row | None) -> OpResult:
    if row is None or row.entity != op.entity:
        raise Rejected(ErrorCode.NO_SUCH_ROW, "The server has no such row to change.")
    if "id" in values and values["id"] != str(row.id):
        raise Rejected(ErrorCode.BAD_VALUE, "The row's id cannot change.")
    changed = {key: value for key, value in values.items() if row.fields.get(key) != value}
    if op.entity == teleconsults.CONSULTS:
        # a request is written by its spoke and by the hub it names, each in its own fields and steps
        teleconsults.check_update(row.fields, row.centre_id, changed, ctx.device.centre_id, ctx.row)
    elif row.centre_id != ctx.device.centre_id:
        foreign_donor = op.entity == "donors" and row.centre_id in ctx.peer_set
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
        if (
            current == ComponentStatus.ISSUED
            and target != ComponentStatus.TRANSFUSED
            and str(row.id) not in ctx.returned
        ):
            # out of "issued" only through a return of the issue in the same transaction: a discard (or any
            # change) made on a device that saw the unit in stock must not take it from the patient it went to
            raise Rejected(
                ErrorCode.ILLEGAL_TRANSITION,
                "This unit is issued on the server, by another device: only a return of that issue can move it.",
            )
    clash = ctx.unique_clash(op.entity, row.id, {**row.fields, **changed}) if changed else None
    if clash:
        raise Rejected(ErrorCode.ROW_EXISTS, f"Another {op.entity} row has the same {', '.join(clash)}.")
    # field-level merge (principle 7): a field changed since the device's base by someone else, to another value,
    # changed on both sides: last by server receipt wins, and a donor is flagged for review
    arbitrated = teleconsults.ARBITRATED if op.entity == teleconsults.CONSULTS else frozenset()
    conflict = any(changed_by_others(key) for key in changed if key != "updated_at" and key not in arbitrated)
    foreign_newer = any(version > base and version not in own for version in row.field_versions.values())
    status = OpStatus.CONFLICT if conflict else OpStatus.MERGED if foreign_newer else OpStatus.APPLIED
    if conflict and op.entity == "donors" and row.fields.get("needs_review") is not True:
        changed["needs_review"] = True
    if not changed:
        return OpResult(op_seq=op.op_seq, status=status, version=row.version)
    version = ctx.next_version()
    new = _Row(
        id=row.id,
        entity=row.entity,
        centre_id=row.centre_id,
        version=version,
        fields={**row.fields, **changed},
        field_versions={**row.field_versions, **dict.fromkeys(changed, version)},
        created_version=row.created_version,
    )
    ctx.put(new)
    ctx.index_unique(op.entity, row.id, row.fields, new.fields)
    ctx.add_own(row.id, version)
    if op.entity == "donors" and donors.identity_changed(row.fields, new.fields):
        assert new.centre_id is not None
        ctx.donors.reindex(new.id, new.centre_id, new.fields)
    if op.entity == teleconsults.CONSULTS:
        _server_step(ctx, new)
    server_row = ctx.server_row(new) if status == OpStatus.CONFLICT else None
    return OpResult(op_seq=op.op_seq, status=status, version=version, server_row=server_row)


def _server_step(ctx: _Push, row: _Row) -> None:
    """The server's own change of a teleconsultation after a device's op (a queued request is now uploaded), as a
    later version: the device learns it from its next pull."""
    step = teleconsults.server_step(row.fields)
    if step is None:
        return
    version = ctx.next_version()
    ctx.put(
        _Row(
            id=row.id,
            entity=row.entity,
            centre_id=row.centre_id,
            version=version,
            fields={**row.fields, **step},
            field_versions={**row.field_versions, **dict.fromkeys(step, version)},
            created_version=row.created_version,
        )
    )


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
    columns, names, required = _insert_spec(entity)
    complete = dict(values)
    if not names <= complete.keys():  # some column absent: its default
        for key, default in columns:
            if key not in complete:
                complete[key] = encode_value(default)
    for key in required:
        if complete[key] is None:
            raise Rejected(ErrorCode.BAD_VALUE, f"{entity}.{key} is required.")
    return complete


@cache
def _insert_spec(entity: str) -> tuple[tuple[tuple[str, Any], ...], frozenset[str], tuple[str, ...]]:
    """The synced columns of ``entity`` with their scalar defaults (None: none), their names, and the required
    ones, in order."""
    table_columns = MODELS[entity].__table__.columns
    columns = []
    for key in synced_columns(entity):
        default = table_columns[key].default
        columns.append((key, default.arg if default is not None and default.is_scalar else None))
    required = tuple(key for key, nullable in synced_columns(entity).items() if not nullable)
    return tuple(columns), frozenset(synced_columns(entity)), required


def canonical_fields(model: type[Record], fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` checked against the columns' types and sizes, in their canonical wire form (UTC times, lower-case
    UUIDs), so equal rows compare equal; anything else is ``bad_value``: a value of the wrong kind anywhere first,
    else the first value that is not valid."""
    columns = _canonical_columns(model)
    canonical = {}
    invalid = None
    try:
        for key, value in fields.items():
            convert = columns[key]  # KeyError: no such column (the caller refuses unknown fields first)
            if value is None:
                canonical[key] = None
                continue
            try:
                canonical[key] = convert(value)
            except _Invalid:
                if invalid is None:
                    invalid = key  # reported once every value is decoded: a value of the wrong kind comes first
    except (ValueError, TypeError, AttributeError, OverflowError):
        raise Rejected(ErrorCode.BAD_VALUE, "A field has a value of the wrong kind.") from None
    if invalid is not None:
        raise Rejected(ErrorCode.BAD_VALUE, f"The value of {invalid} is not valid.")
    return canonical


class _Invalid(Exception):
    """A value of the right kind that a column may not hold (too long, out of range, not one of its values)."""


_Check = Callable[[Any], bool]
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# the canonical text of a UTC time (``datetime.isoformat`` of an aware UTC time: microseconds only when not zero) and
# of a date: once parsed (which checks the ranges), such a text is its own canonical form
_CANONICAL_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.(?!000000)[0-9]{6})?\+00:00")
_CANONICAL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _canonical_uuid(value: Any) -> Any:
    # the canonical text (what every client sends) is its own canonical form: kept as text, checked by the pattern
    if type(value) is str and _CANONICAL_UUID.fullmatch(value):
        return value
    return str(uuid.UUID(value))


def _canonical_time(value: Any) -> Any:
    moment = datetime.fromisoformat(value)
    if type(value) is str and _CANONICAL_UTC.fullmatch(value):
        return value
    if moment.tzinfo is None:
        raise _Invalid
    return moment.astimezone(UTC).isoformat()


def _canonical_date(value: Any) -> Any:
    day = date.fromisoformat(value)
    if type(value) is str and _CANONICAL_DATE.fullmatch(value):
        return value
    return day.isoformat()


def _checked(valid: _Check, encode: Callable[[Any], Any] | None = None) -> Callable[[Any], Any]:
    if encode is None:

        def plain(value: Any) -> Any:
            if valid(value):
                return value
            raise _Invalid

        return plain

    def encoded(value: Any) -> Any:
        if valid(value):
            return encode(value)
        raise _Invalid

    return encoded


@cache
def _canonical_columns(model: type[Record]) -> dict[str, Callable[[Any], Any]]:
    """Per column of ``model``: the function from a (non-null) wire value to its canonical form, raising
    ``_Invalid`` or a ``ValueError`` (or kin) for a value of the wrong kind. The column's type decides, once,
    instead of for every value."""
    columns: dict[str, Callable[[Any], Any]] = {}
    for key, column in model.__table__.columns.items():
        kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
        if isinstance(kind, Uuid):
            columns[key] = _canonical_uuid
        elif isinstance(kind, DateTime):
            columns[key] = _canonical_time
        elif isinstance(kind, Date):
            columns[key] = _canonical_date
        elif isinstance(kind, String) and not isinstance(kind, Enum):
            columns[key] = _string_column(kind.length)
        elif isinstance(kind, Enum | Boolean | Integer | Float):
            columns[key] = _checked(_checker(kind))  # their checked values are plain JSON already
        else:
            columns[key] = _checked(_checker(kind), encode_value)
    return columns


def _string_column(length: int | None) -> Callable[[Any], Any]:
    def string(value: Any) -> Any:
        if isinstance(value, str) and "\x00" not in value and (length is None or len(value) <= length):
            return value
        raise _Invalid

    return string


def _checker(kind: Any) -> _Check:
    """The check of a value of a column of type ``kind`` (enum, boolean, number, JSON: what every backend stores)."""
    if isinstance(kind, Enum):
        enums = frozenset(kind.enums)
        return lambda value: isinstance(value, str) and value in enums
    if isinstance(kind, Boolean):
        return lambda value: isinstance(value, bool)
    if isinstance(kind, Integer):
        return lambda value: isinstance(value, int) and not isinstance(value, bool) and -MAX_INT <= value <= MAX_INT
    if isinstance(kind, Float):
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if isinstance(kind, JSON):
        return _plain_json
    return lambda _value: True


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
