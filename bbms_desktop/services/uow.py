"""The unit of work: one transaction per use case, writing domain rows, outbox ops and the audit event together.

Change capture happens here, in one place (SYNC.md principle 2): a ``before_flush`` hook turns every new or changed
synced row into an outbox op with this device's next ``op_seq``, in the same transaction as the change. It also
enforces what the models declare: synced rows are never deleted (void them), and append-only facts change after
insert only in their void columns. A sync applying the server's changes sets ``session.info["remote"]`` and is not
captured.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, inspect, null, select
from sqlalchemy.orm import Session, make_transient_to_detached, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from bbms_desktop.errors import NotPermitted, StateError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import (
    AuditEvent,
    Base,
    DeviceState,
    OpKind,
    OpState,
    OutboxOp,
    Record,
    Voidable,
    new_id,
    utcnow,
)
from bbms_desktop.models.bulk import insert_many
from bbms_desktop.models.codec import encode_value, row_fields
from bbms_desktop.models.db import ReadConnections, sqlite_engine, writer
from bbms_desktop.models.direct import driver_connection
from bbms_desktop.rules.roles import ACTION_LABELS, ROLE_LABELS, Action, Role, may
from bbms_desktop.services import hlc

NOT_DELETABLE = QT_TRANSLATE_NOOP("UnitOfWork", "Records are never deleted: void it with a reason instead.")
APPEND_ONLY = QT_TRANSLATE_NOOP(
    "UnitOfWork", "This record is saved and cannot be changed; record a correction that refers to it instead."
)
ROLE_MAY_NOT = QT_TRANSLATE_NOOP("UnitOfWork", "Your role ({role}) may not {action}.")
SIGN_IN_FIRST = QT_TRANSLATE_NOOP("UnitOfWork", "Sign in first: only a signed-in user may {action}.")
NO_DEVICE = QT_TRANSLATE_NOOP("UnitOfWork", "This profile has no device state: open it through the app.")


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in user, as plain values (safe to hand to a worker thread, unlike an ORM object)."""

    user_id: uuid.UUID
    centre_id: uuid.UUID
    role: Role
    name: str

    def require(self, action: Action) -> None:
        if not may(self.role, action):
            raise NotPermitted(ROLE_MAY_NOT(role=ROLE_LABELS[self.role], action=ACTION_LABELS[action]), code="role")


class Database:
    """The profile's database: a writer and a reader session factory over one SQLite file."""

    def __init__(self, path: Path | str, engine: Engine | None = None) -> None:
        self.path = Path(path)
        self.engine = engine or sqlite_engine(self.path)
        # plain connections for the search box's lookup (services.donors.lookup): no Session on that path
        self.read_connections = ReadConnections(self.path)
        self._write = sessionmaker(writer(self.engine), expire_on_commit=False)
        self._read = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        event.listen(self._write, "before_flush", _capture)
        event.listen(self._read, "before_flush", _capture)
        event.listen(self._write, "before_commit", _write_audit)
        for end in ("after_commit", "after_rollback"):
            event.listen(self._write, end, _end_transaction)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session in one deferred transaction (a consistent snapshot); any flush in it is refused."""
        with self._read() as session, session.begin():
            session.info["read_only"] = True
            yield session

    def unit_of_work(self, actor: Actor | None, now: datetime | None = None) -> UnitOfWork:
        return UnitOfWork(self._write(), actor, now)

    @contextmanager
    def remote_apply(self, *, check_foreign_keys: bool = True) -> Iterator[Session]:
        """A write transaction applying the server's changes: not captured into the outbox.

        ``check_foreign_keys=False`` is for pulled pages: the server sends rows in the order of their latest change,
        so a row may arrive a page before a parent that changed after it; the data is whole again when the pull ends.
        """
        if check_foreign_keys:
            with self._write() as session, session.begin():
                session.info["remote"] = True
                yield session
            return
        with self.engine.connect() as connection:
            driver = connection.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")  # outside any transaction: SQLite ignores it inside one
            try:
                bound = connection.execution_options(sqlite_begin="IMMEDIATE")
                with Session(bind=bound, expire_on_commit=False) as session, session.begin():
                    session.info["remote"] = True
                    yield session
            finally:
                driver.execute("PRAGMA foreign_keys=ON")

    @contextmanager
    def remote_connection(self) -> Iterator[Connection]:
        """``remote_apply(check_foreign_keys=False)`` without a Session: a connection in a write transaction
        (``BEGIN IMMEDIATE``), committed at the end (rolled back on an error), foreign keys unchecked meanwhile.

        For a pulled page, which is Core statements only: a Session's own begin and commit machinery was a third of
        the CPU of applying a page of one change. Nothing is captured (no Session, no flush: no outbox op)."""
        with self.engine.connect() as connection:
            driver = connection.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")  # outside any transaction: SQLite ignores it inside one
            try:
                bound = connection.execution_options(sqlite_begin="IMMEDIATE")
                with bound.begin():
                    yield bound
            finally:
                driver.execute("PRAGMA foreign_keys=ON")

    def dispose(self) -> None:
        self.read_connections.close()
        self.engine.dispose()


class UnitOfWork:
    """``with db.unit_of_work(actor) as uow:`` one use case; commits on success, saves nothing on any error."""

    def __init__(self, session: Session, actor: Actor | None, now: datetime | None) -> None:
        self.session = session
        self.actor = actor
        self.now = now or utcnow()
        session.info["now"] = self.now

    def __enter__(self) -> UnitOfWork:
        self.session.begin()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()

    def set_time(self, now: datetime) -> None:
        """Move this unit of work's clock (simulated histories: demo data, training scenarios, tests)."""
        self.now = now
        self.session.info["now"] = now

    @property
    def device(self) -> DeviceState:
        return device_state(self.session)

    @property
    def device_ids(self) -> DeviceIds:
        """This device's id, centre and server as plain values (the state row is not loaded as an object for it)."""
        return device_ids(self.session)

    def require(self, action: Action) -> Actor:
        if self.actor is None:
            raise NotPermitted(SIGN_IN_FIRST(action=ACTION_LABELS[action]), code="no_user")
        self.actor.require(action)
        return self.actor

    def add(self, row: Record) -> Record:
        if getattr(row, "id", None) is None:
            row.id = new_id()
        if isinstance(row, Record) and getattr(row, "centre_id", "absent") is None and self.actor is not None:
            row.centre_id = self.actor.centre_id  # type: ignore[attr-defined]
        self.session.add(row)
        return row

    def audit(self, action: str, row: Record | None = None, **details: Any) -> None:
        """Append this use case's audit event to the device's hash chain.

        The event is written with the transaction's last statements, after its rows (``_write_audit``): one
        executemany of plain values, not an ORM object flushed (half of a camp step's objects were audit events).
        """
        state = counters(self.session)
        ids = device_ids(self.session)
        event_row = {
            "id": new_id(),
            "centre_id": self.actor.centre_id if self.actor else ids.centre_id,
            "device_id": ids.device_id,
            "device_seq": state.audit_seq + 1,
            "at": self.now,
            "user_id": self.actor.user_id if self.actor else None,
            "action": action,
            "entity": type(row).__tablename__ if row is not None else None,
            "row_id": row.id if row is not None else None,
            "details": {k: encode_value(v) for k, v in details.items()},
            "prev_hash": state.audit_head,
            "created_at": self.now,  # as capture gives every row: the unit of work's time
            "updated_at": self.now,
            "version": None,
        }
        event_row["hash"] = _audit_hash(event_row)
        state.audit_seq = event_row["device_seq"]
        state.audit_head = event_row["hash"]
        state.dirty = True
        self.session.info.setdefault("audit_rows", []).append(event_row)


# Every unit of work reads this row: a statement built once, and never an autoflush (an audit event would otherwise
# flush the use case's rows on their own, one flush more per unit of work).
_DEVICE_STATE = select(DeviceState).where(DeviceState.id == 1).execution_options(autoflush=False)


def device_state(session: Session) -> DeviceState:
    """This installation's state row, loaded once per session (every write in a unit of work touches it)."""
    state = session.info.get("device_state")
    if state is None:
        state = session.scalars(_DEVICE_STATE).first()
        if state is None:
            raise StateError(NO_DEVICE())
        session.info["device_state"] = state
    return state


class DeviceCounters:
    """This transaction's view of the device's counters, read with one plain statement and written back with one.

    The counters (op_seq, the audit chain's head, the HLC) live in the ``device_state`` row and change in the same
    transaction as every write, under the write lock of BEGIN IMMEDIATE. A unit of work reads them at its first audit
    event or capture, and each flush that changed them writes them back before it ends; they are forgotten at the end
    of every transaction (commit or rollback), so the next one reads them afresh (another process may have written).
    The identity columns come along in the same read, for units of work that never load the row as an object.
    """

    __slots__ = (
        "audit_head",
        "audit_seq",
        "centre_id",
        "device_id",
        "dirty",
        "hlc_counter",
        "hlc_wall_ms",
        "is_training",
        "last_op_seq",
        "server_url",
    )

    def __init__(self, row: tuple[Any, ...]) -> None:
        device_id, centre_id, is_training, self.server_url = row[:4]
        self.is_training = bool(is_training)
        self.device_id = uuid.UUID(device_id)
        self.centre_id = None if centre_id is None else uuid.UUID(centre_id)
        self.last_op_seq, self.audit_seq, self.audit_head, self.hlc_wall_ms, self.hlc_counter = row[4:]
        self.dirty = False


DeviceIds = DeviceCounters | DeviceState  # what device_ids() gives: both have device_id, centre_id, server_url

_COUNTER_COLUMNS = ("last_op_seq", "audit_seq", "audit_head", "hlc_wall_ms", "hlc_counter")
_READ_COUNTERS = "SELECT device_id, centre_id, is_training, server_url, " + ", ".join(_COUNTER_COLUMNS)
_READ_COUNTERS += " FROM device_state WHERE id = 1"
_WRITE_COUNTERS = f"UPDATE device_state SET {', '.join(c + ' = ?' for c in _COUNTER_COLUMNS)} WHERE id = 1"
_DEVICE_KEY = identity_key(DeviceState, 1)


def counters(session: Session) -> DeviceCounters:
    """The device's counters in this session's transaction (read once per transaction)."""
    state = session.info.get("counters")
    if state is None:
        row = driver_connection(session).execute(_READ_COUNTERS).fetchone()
        if row is None:
            raise StateError(NO_DEVICE())
        state = session.info["counters"] = DeviceCounters(row)
    return state


def device_ids(session: Session) -> DeviceIds:
    """The device's identity: the state object when this session holds it (its changes count), else the plain read."""
    loaded = session.identity_map.get(_DEVICE_KEY)
    return loaded if loaded is not None else counters(session)


def _write_counters(session: Session, state: DeviceCounters) -> None:
    values = [getattr(state, column) for column in _COUNTER_COLUMNS]
    driver_connection(session).execute(_WRITE_COUNTERS, values)
    state.dirty = False
    loaded = session.identity_map.get(_DEVICE_KEY)
    if loaded is not None:  # a state object this session holds must not go stale (nor write old counters back)
        for column, value in zip(_COUNTER_COLUMNS, values, strict=True):
            set_committed_value(loaded, column, value)


def audit_hash(event_row: AuditEvent) -> str:
    """sha256 over the event's content and the previous event's hash (canonical JSON)."""
    return _audit_hash({key: getattr(event_row, key) for key in _HASHED})


_HASHED = ("device_id", "device_seq", "at", "user_id", "action", "entity", "row_id", "details", "prev_hash")


def _audit_hash(values: dict[str, Any]) -> str:
    content = {key: values[key] for key in _HASHED}
    content["device_id"] = str(values["device_id"])
    for key in ("at", "user_id", "row_id"):
        content[key] = encode_value(values[key])
    return hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _write_audit(session: Session) -> None:
    """Before a commit: the rows still to flush, then the transaction's audit events with their outbox ops (an
    event is pushed as every row is) and the counters they moved.

    After the flush, because an event may name a row of this transaction (the centre a set-up creates)."""
    if not session.info.get("audit_rows"):
        return
    session.flush()
    rows = session.info.pop("audit_rows", None)
    if not rows:
        return
    insert_many(session, _AUDIT, rows)
    synced = _shape(AuditEvent).synced
    now = session.info.get("now") or utcnow()
    ops: list[_Op] = [
        (_AUDIT.name, row["id"], OpKind.INSERT, {key: encode_value(row[key]) for key in synced}, None) for row in rows
    ]
    _record_ops(session, now, ops)


_AUDIT = AuditEvent.__table__


def verify_audit_chain(session: Session, device_id: uuid.UUID) -> list[int]:
    """The device_seq numbers at which the chain is broken (altered, missing or reordered events); [] if intact."""
    broken: list[int] = []
    previous = "0" * 64
    expected_seq = 1
    rows = session.scalars(select(AuditEvent).where(AuditEvent.device_id == device_id).order_by(AuditEvent.device_seq))
    for row in rows:
        if row.device_seq != expected_seq or row.prev_hash != previous or audit_hash(row) != row.hash:
            broken.append(row.device_seq)
        previous, expected_seq = row.hash, row.device_seq + 1
    return broken


# ---------------------------------------------------------------------------------------------------------------
# change capture


def _capture(session: Session, _flush_context: Any, _instances: Any) -> None:
    if session.info.get("read_only"):
        raise RuntimeError("a read session must not write")
    if session.info.get("remote"):
        return
    state = counters(session) if "counters" in session.info else None
    for row in session.deleted:
        if isinstance(row, Record):
            raise StateError(NOT_DELETABLE(), code="delete_forbidden")
    now = session.info.get("now") or utcnow()
    ops: list[_Op] = []
    for row in session.new:
        if isinstance(row, Record):
            shape = _shape(type(row))
            values = row.__dict__
            # the unit of work's time, before the column defaults: created_at's own default is the wall clock,
            # which a unit of work with its own clock (demo data, training scenarios, tests) must not get
            if values.get("created_at") is None:
                row.created_at = now
            for key, default in shape.defaults:
                if values.get(key) is None:
                    setattr(row, key, default(None) if callable(default) else default)
            row.updated_at = now
            fields = {key: encode_value(values.get(key)) for key in shape.synced}
            ops.append((row.__tablename__, row.id, OpKind.INSERT, fields, None))
    for row in session.dirty:
        if isinstance(row, Record) and row not in session.new:
            changed = _changed_keys(row)
            if not changed:
                continue
            if row.__append_only__:
                allowed = Voidable.VOID_COLUMNS if isinstance(row, Voidable) else frozenset({"updated_at"})
                if changed - allowed:
                    raise StateError(APPEND_ONLY(), code="append_only")
            row.updated_at = now
            changed.add("updated_at")
            ops.append((row.__tablename__, row.id, OpKind.UPDATE, row_fields(row, sorted(changed)), row.version))
    _insert_new_rows(session)
    if not ops:
        if state is not None and state.dirty:
            _write_counters(session, state)
        return
    _record_ops(session, now, ops)


def _insert_new_rows(session: Session) -> None:
    """Insert the flush's new rows here, one executemany per table (parents first), and hand them to the session
    as loaded rows, so the ORM's own flush has nothing left to insert.

    The ORM's insert path (its unit-of-work sort, per-object parameters, the statement machinery) cost more than
    anything else in a camp step. Every synced model is a flat table without relationships, events or server-side
    values, and capture has just set every default, so what is stored is what the ORM would store (``insert_many``
    binds each value through its column's own processor): tests/services/test_capture_golden.py compares a whole
    demo database built both ways, and tests/services/test_capture_insert.py the cases it does not reach. A flush
    holding a new object of any other kind is left to the ORM whole."""
    new = list(session.new)
    if not new:
        return
    by_table: dict[Table, list[dict[str, Any]]] = {}
    for row in new:
        plan = _insert_plan(type(row))
        if plan is None:
            return  # not a flat synced row: the ORM inserts all of them, in its own order
        table, pairs = plan
        values = row.__dict__
        by_table.setdefault(table, []).append({column: values.get(attr, absent) for attr, column, absent in pairs})
    order = _table_order()
    for table in sorted(by_table, key=order.__getitem__):  # parents before children, as the foreign keys need
        insert_many(session, table, by_table[table])
    for row in new:
        session.expunge(row)
        # as if loaded: the values it holds are the stored ones, nothing pending; a column it never held (stored as
        # NULL) is expired, read on first use, as after the ORM's own insert
        make_transient_to_detached(row)
        session.add(row)


@cache
def _table_order() -> dict[Table, int]:
    """Every table's place in the foreign keys' order (parents first), worked out once."""
    return {table: index for index, table in enumerate(Base.metadata.sorted_tables)}


@cache
def _insert_plan(model: type) -> tuple[Table, tuple[tuple[str, str, Any], ...]] | None:
    """A flat synced model's table and, per column, (attribute, column, what to store when the object never held
    the attribute); None for any other model.

    An attribute the object never held is stored as SQL NULL, as the ORM stores it: ``null()`` for a type that would
    turn a Python None into a value of its own (JSON makes it ``'null'``, and does so for a None the object holds,
    as the ORM does too)."""
    if not issubclass(model, Record):
        return None
    mapper = inspect(model)
    if mapper.inherits is not None or len(mapper.tables) != 1 or mapper.relationships:
        return None
    if any(len(attr.columns) != 1 for attr in mapper.column_attrs):
        return None
    table = mapper.local_table
    for column in table.columns:
        default = column.default
        if column.server_default is not None or (
            default is not None and not (default.is_scalar or default.is_callable)
        ):
            return None  # a value the database or a SQL expression gives: the ORM's own insert fetches it
    pairs = tuple(
        (attr.key, attr.columns[0].key, null() if attr.columns[0].type.should_evaluate_none else None)
        for attr in mapper.column_attrs
    )
    if sorted(column for _attr, column, _absent in pairs) != sorted(table.c.keys()):
        return None  # a column the mapper does not hold, or one it maps twice
    return table, pairs  # type: ignore[return-value]


# an outbox op to be: (table, row id, kind, synced fields, base version)
_Op = tuple[str, uuid.UUID, OpKind, dict[str, Any], int | None]


def _record_ops(session: Session, now: datetime, ops: list[_Op]) -> None:
    """The outbox entries of ``ops``, numbered on from the device's last op_seq, and the counters written back."""
    state = counters(session)
    clock = hlc.Hlc(state.hlc_wall_ms, state.hlc_counter)
    now_ms = int(time.time() * 1000)
    first_seq = state.last_op_seq + 1
    # every flush of one transaction (a unit of work) shares its first op_seq: the server applies them all or none
    tx = session.info.setdefault("tx", first_seq)
    outbox = []
    for seq, (entity, row_id, kind, fields, base_version) in enumerate(ops, start=first_seq):
        clock = hlc.send(clock, now_ms)
        outbox.append(
            {
                "op_seq": seq,
                "op_id": new_id(),
                "tx": tx,
                "entity": entity,
                "row_id": row_id,
                "kind": kind,
                "base_version": base_version,
                "fields": fields,
                "hlc": str(clock),
                "created_at": now,
                "state": OpState.PENDING,
                "attempts": 0,
                "last_error": None,
            }
        )
    # one driver executemany for the whole flush, in the flush's transaction, each value through its column's bind
    # processor (the ORM would add an object per op, and its bulk-insert path costs several times this statement)
    insert_many(session, _OUTBOX, outbox)
    state.last_op_seq = first_seq + len(ops) - 1
    state.hlc_wall_ms, state.hlc_counter = clock.wall_ms, clock.counter
    _write_counters(session, state)


_OUTBOX = OutboxOp.__table__


def _end_transaction(session: Session) -> None:
    session.info.pop("audit_rows", None)  # a rolled-back transaction's events are not kept
    session.info.pop("tx", None)  # the next transaction of this session is a new all-or-none group
    session.info.pop("counters", None)  # and reads the counters afresh


@dataclass(frozen=True, slots=True)
class _Shape:
    """What capture needs to know of a model class, worked out once per class."""

    synced: tuple[str, ...]  # column attributes that sync (all but the server's version)
    defaults: tuple[tuple[str, Any], ...]  # Python-side defaults: a scalar, or a callable taking a context


@cache
def _shape(model: type[Record]) -> _Shape:
    attrs = inspect(model).column_attrs
    synced = tuple(a.key for a in attrs if a.key not in model.SYNC_IGNORED)
    defaults = []
    for attr in attrs:
        default = attr.columns[0].default
        if default is not None and (default.is_scalar or default.is_callable):
            defaults.append((attr.key, default.arg))
    return _Shape(synced, tuple(defaults))


def _changed_keys(row: Record) -> set[str]:
    state = inspect(row)
    return {
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in row.SYNC_IGNORED and state.attrs[attr.key].history.has_changes()
    }
