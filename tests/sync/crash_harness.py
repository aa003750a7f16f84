"""kill -9 of a client at chosen points, recovery, and the checks that nothing was lost, duplicated or left stuck.

A device's work runs in a forked child process (the parent has imported everything already; the child never touches
Qt). The child opens the device's profile, works through the services (registers donors, screens and bleeds them,
records and verifies their results, separates the donations, issues plasma, defers a donor) interleaved with sync
cycles, and SIGKILLs itself at the point its :class:`KillPlan` names:

``write.mid_flush``        inside a unit of work, before the n-th INSERT/UPDATE of its flush
``write.before_commit``    a unit of work flushed, its COMMIT not yet run
``write.after_commit``     a unit of work committed, the caller not yet told
``push.mid_body``          a push request with only part of its body sent
``push.awaiting_reply``    a push request sent whole, its answer not yet read (the server may or may not be done)
``push.reply_unrecorded``  the server committed and answered, the answer not yet recorded
``push.mid_record``        inside the transaction recording the answer, before its n-th statement
``pull.mid_apply``         inside the transaction applying a pulled page, before its n-th statement
``timer``                  at a uniformly random moment of the child's run

Every step the child finishes is written to a ledger (one JSON line, after the unit of work returned): what staff were
told is saved. The parent then recovers in-process (a fresh ``open_profile`` and sync cycles until caught up) and
checks the device against the server's database, read directly: see :func:`check_device`.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import threading
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from urllib3.connection import HTTPConnection

from bbms_central.models import Device as CentralDevice
from bbms_central.models import OpLogEntry, StoredRow
from bbms_desktop.models import (
    SYNCED_MODELS,
    AuditEvent,
    Component,
    DeadLetter,
    Deferral,
    DeviceState,
    Donation,
    Donor,
    LabResultSet,
    OpState,
    OutboxOp,
    ScreeningVisit,
)
from bbms_desktop.models.codec import decode_fields, row_fields
from bbms_desktop.rules.vocabulary import ComponentStatus
from bbms_desktop.services import screening
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.services.uow import Actor, Database, UnitOfWork, audit_hash, verify_audit_chain
from bbms_desktop.sync.client import transport_for
from bbms_desktop.sync.engine import SyncEngine, SyncSummary

from .harness import CentralServer, enrol_device
from .test_end_to_end import bleed, issue_plasma, register, release_units

POINTS: tuple[str, ...] = (
    "write.mid_flush",
    "write.before_commit",
    "write.after_commit",
    "push.mid_body",
    "push.awaiting_reply",
    "push.reply_unrecorded",
    "push.mid_record",
    "pull.mid_apply",
    "timer",
)
WRITE_STEPS = ("register", "register", "register", "bleed", "bleed", "lab", "lab", "issue", "defer")
CHILD_DEADLINE_S = 60
RECOVERY_CYCLES = 5  # a queue that has not drained after this many cycles is stuck


@dataclass(frozen=True, slots=True)
class KillPlan:
    """Where one child dies, and the work it does until then (all drawn from one seeded generator)."""

    number: int  # the child's number in its run (names and mobiles derive from it)
    point: str
    nth: int  # which occurrence of the point (a statement, a commit, a push)
    delay_s: float  # timer: when; push.awaiting_reply: how long the request is in flight before the kill
    cut: float  # push.mid_body: the fraction of the body sent
    steps: tuple[str, ...]
    seed: int

    def describe(self) -> str:
        return (
            f"child {self.number}: {self.point} nth={self.nth} delay={self.delay_s:.3f}s cut={self.cut:.2f} "
            f"steps={','.join(self.steps)} seed={self.seed}"
        )


def draw_plan(rng: random.Random, number: int, point: str, timer_span_s: float) -> KillPlan:
    """A plan for ``point``: some writes, a sync, more writes, another sync (so a push and a pull always happen)."""
    first = [rng.choice(WRITE_STEPS) for _ in range(rng.randint(1, 4))]
    second = [rng.choice(WRITE_STEPS) for _ in range(rng.randint(0, 3))]
    steps = (*first, "sync", *second, "sync")
    nth = {
        "write.mid_flush": rng.randint(1, 10),
        "write.before_commit": rng.randint(1, 3),
        "write.after_commit": rng.randint(1, 3),
        "push.mid_body": 1,
        "push.awaiting_reply": rng.randint(1, 2) if second else 1,
        "push.reply_unrecorded": rng.randint(1, 2) if second else 1,
        "push.mid_record": rng.randint(1, 6),
        "pull.mid_apply": rng.randint(1, 6),
        "timer": 1,
    }[point]
    delay = rng.uniform(0, timer_span_s) if point == "timer" else rng.uniform(0, 0.03)
    return KillPlan(number, point, nth, delay, rng.uniform(0.05, 0.95), steps, rng.randrange(2**32))


# ---------------------------------------------------------------------------------------------------------------------
# the child: work through the services and die at the planned point


def kill_now() -> NoReturn:
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("still alive after SIGKILL")  # pragma: no cover


class _Trap:
    """Counts what the child does, per phase, and kills it when the plan's point comes round."""

    def __init__(self, plan: KillPlan) -> None:
        self.plan = plan
        self.phase: str | None = None
        self.seen: Counter[str] = Counter()

    def reached(self, point: str) -> None:
        self.seen[point] += 1
        if point == self.plan.point and self.seen[point] == self.plan.nth:
            kill_now()

    @contextlib.contextmanager
    def during(self, phase: str) -> Iterator[None]:
        outer, self.phase = self.phase, phase
        try:
            yield
        finally:
            self.phase = outer


def _arm(plan: KillPlan) -> None:
    """Install the kill points in this (child) process: SQL events, wrappers of the engine, the push's socket."""
    trap = _Trap(plan)

    @event.listens_for(Engine, "before_cursor_execute")
    def _statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if trap.phase == "write" and statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            trap.reached("write.mid_flush")
        elif trap.phase == "record":
            trap.reached("push.mid_record")
        elif trap.phase == "pull":
            trap.reached("pull.mid_apply")

    @event.listens_for(Engine, "commit")
    def _commit(_conn: Any) -> None:
        if trap.phase == "write":
            trap.reached("write.before_commit")

    enter, leave = UnitOfWork.__enter__, UnitOfWork.__exit__

    def uow_enter(self: UnitOfWork) -> UnitOfWork:
        trap.phase = "write"
        return enter(self)

    def uow_exit(self: UnitOfWork, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            leave(self, exc_type, exc, tb)
        finally:
            trap.phase = None
        if exc_type is None:
            trap.reached("write.after_commit")

    record, apply_page = SyncEngine._record_results, SyncEngine.apply_page

    def record_results(self: SyncEngine, *args: Any) -> Any:
        trap.reached("push.reply_unrecorded")
        with trap.during("record"):
            return record(self, *args)

    def apply(self: SyncEngine, *args: Any) -> None:
        with trap.during("pull"):
            apply_page(self, *args)

    request, getresponse = HTTPConnection.request, HTTPConnection.getresponse

    def http_request(self: HTTPConnection, method: str, url: str, body: Any = None, *args: Any, **kwargs: Any) -> Any:
        self._crash_push = "/sync/push" in url  # type: ignore[attr-defined]
        if self._crash_push:  # type: ignore[attr-defined]
            trap.seen["push"] += 1
            if plan.point == "push.mid_body" and trap.seen["push"] == plan.nth and body:
                _cut_body(self, len(body), plan.cut)
        return request(self, method, url, body, *args, **kwargs)

    def http_getresponse(self: HTTPConnection, *args: Any, **kwargs: Any) -> Any:
        awaited = getattr(self, "_crash_push", False) and trap.seen["push"] == plan.nth
        if awaited and plan.point == "push.awaiting_reply":
            time.sleep(plan.delay_s)  # the server reads the request meanwhile, and may finish it or not
            kill_now()
        return getresponse(self, *args, **kwargs)

    UnitOfWork.__enter__ = uow_enter  # type: ignore[method-assign]
    UnitOfWork.__exit__ = uow_exit  # type: ignore[method-assign]
    SyncEngine._record_results = record_results  # type: ignore[method-assign]
    SyncEngine.apply_page = apply  # type: ignore[method-assign]
    HTTPConnection.request = http_request  # type: ignore[method-assign]
    HTTPConnection.getresponse = http_getresponse  # type: ignore[method-assign]
    if plan.point == "timer":
        threading.Timer(plan.delay_s, kill_now).start()


def _cut_body(connection: HTTPConnection, size: int, fraction: float) -> None:
    """After the headers, send only ``fraction`` of the body's bytes, then die."""
    send, endheaders = connection.send, connection.endheaders
    state = {"headers_sent": False}

    def cut_send(data: Any) -> None:
        if not state["headers_sent"]:
            return send(data)
        part = max(1, min(size - 1, int(size * fraction)))
        send(bytes(data)[:part])
        time.sleep(0.005)  # let the bytes leave before the socket dies with the process
        kill_now()

    def mark_endheaders(*args: Any, **kwargs: Any) -> None:
        endheaders(*args, **kwargs)
        state["headers_sent"] = True

    connection.send = cut_send  # type: ignore[method-assign]
    connection.endheaders = mark_endheaders  # type: ignore[method-assign]


@dataclass
class ClientDevice:
    """An enrolled device as the crash runs see it: its profile folder and its staff, signed in once (plain values)."""

    name: str
    index: int
    profile: Path
    staff: dict[str, Actor]
    ledger: Path
    db: Database | None = None  # open in the parent only between children, in the child only in the child

    @property
    def database_path(self) -> Path:
        return self.profile / DATABASE_FILE


class _Worker:
    """The child's desks: each step picks the next record waiting for it on this device and runs the workflow."""

    def __init__(self, device: ClientDevice, db: Database, plan: KillPlan) -> None:
        self.device = device
        self.db = db
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.made = 0
        self.ledger = os.open(device.ledger, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def note(self, **entry: Any) -> None:
        """One line per finished step: what was saved and reported to staff."""
        os.write(self.ledger, (json.dumps(entry, default=str) + "\n").encode())

    def step(self, name: str) -> None:
        if name == "sync":
            SyncEngine(self.db, transport_for(self.db, self.device.profile)).run_cycle()
            return
        getattr(self, name)()

    # the desks ------------------------------------------------------------------------------------------------------

    def register(self) -> uuid.UUID:
        self.made += 1
        tag = f"{self.device.index}{self.plan.number:05d}{self.made:02d}"
        name = "Amit " + "".join(chr(ord("a") + int(digit)) for digit in tag)
        dob = date(1970, 1, 1).replace(year=1970 + self.rng.randrange(30), day=1 + self.rng.randrange(28))
        donor_id = register(self._as_device(), name.title(), f"9{tag[-9:]:0>9}", dob=dob)
        self.note(step="register", donor_id=donor_id)
        return donor_id

    def bleed(self) -> None:
        with self.db.read() as session:
            waiting = session.scalars(
                select(Donor.id)
                .where(
                    Donor.id.in_(self._own("donors")),
                    ~Donor.id.in_(select(ScreeningVisit.donor_id)),
                    ~Donor.id.in_(select(Deferral.donor_id)),
                )
                .limit(1)
            ).first()
        donor_id = waiting or self.register()
        donation_id = bleed(self._as_device(), donor_id)
        self.note(step="bleed", donor_id=donor_id, donation_id=donation_id)

    def lab(self) -> None:
        with self.db.read() as session:
            donation_id = session.scalars(
                select(Donation.id)
                .where(Donation.id.in_(self._own("donations")), ~Donation.id.in_(select(LabResultSet.donation_id)))
                .limit(1)
            ).first()
        if donation_id is None:
            return self.bleed()
        units = release_units(self._as_device(), donation_id)
        self.note(step="lab", donation_id=donation_id, component_ids=units)

    def issue(self) -> None:
        with self.db.read() as session:
            unit_id = session.scalars(
                select(Component.id)
                .where(
                    Component.id.in_(self._own("components")),
                    Component.code == "FFP",
                    Component.status == ComponentStatus.AVAILABLE,
                )
                .limit(1)
            ).first()
        if unit_id is None:
            return self.lab()
        issue_plasma(self._as_device(), unit_id, f"Kamla Devi {self.plan.number}")
        self.note(step="issue", component_id=unit_id)

    def defer(self) -> None:
        donor_id = self.register()
        with self.db.unit_of_work(self.device.staff["medical_officer"]) as uow:
            screening.defer_donor(uow, donor_id, "HIGH_RISK_BEHAVIOUR", permanent=True, detail="Declared at the desk")
        self.note(step="defer", donor_id=donor_id)

    # ----------------------------------------------------------------------------------------------------------------

    def _own(self, entity: str) -> Any:
        """The rows of ``entity`` this device made (its own inserts): the devices of a centre never step on each
        other's records here, so every op must be taken and no dead letter is expected."""
        return select(OutboxOp.row_id).where(OutboxOp.entity == entity, OutboxOp.kind == "insert")

    def _as_device(self) -> Any:
        return _DeviceView(self.db, self.device.staff)


@dataclass
class _DeviceView:
    """What the workflows of test_end_to_end need of a device: its database and its staff."""

    db: Database
    staff: dict[str, Actor]


def run_child(device: ClientDevice, plan: KillPlan, errors: Path) -> NoReturn:
    """The body of a forked child: arm the kill point, work, and die (or exit 0 if the point never came)."""
    code = 0
    signal.alarm(CHILD_DEADLINE_S)  # a child that hangs dies of SIGALRM, which the parent reports as a failure
    try:
        _arm(plan)
        db = open_profile(device.profile)
        worker = _Worker(device, db, plan)
        for name in plan.steps:
            worker.step(name)
    except BaseException:  # anything but the planned death is a failure the parent reports
        errors.write_text(f"{plan.describe()}\n{traceback.format_exc()}")
        code = 1
    os._exit(code)


def fork_child(device: ClientDevice, plan: KillPlan, errors: Path) -> int:
    """Start the child (nothing of the parent's database connections may cross the fork: they are closed)."""
    assert device.db is None, "close the device's database in the parent before forking"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        run_child(device, plan, errors)
    return pid


# ---------------------------------------------------------------------------------------------------------------------
# the parent: recovery and the checks


def recover(device: ClientDevice) -> list[SyncSummary]:
    """What the app does when it is started again: open the profile, sync until caught up (or call the queue stuck)."""
    db = open_profile(device.profile)
    try:
        summaries = []
        for _ in range(RECOVERY_CYCLES):
            summaries.append(SyncEngine(db, transport_for(db, device.profile)).run_cycle())
            if summaries[-1].caught_up:
                return summaries
        raise AssertionError(f"{device.name}: the outbox never drained (stuck queue): {summaries}")
    finally:
        db.dispose()


@dataclass
class ServerView:
    """The central server's database, read directly (not through its API) to compare with the devices."""

    url: str
    rows: dict[str, dict[uuid.UUID, StoredRow]] = field(default_factory=dict)
    op_log: dict[uuid.UUID, list[OpLogEntry]] = field(default_factory=dict)
    last_op_seq: dict[uuid.UUID, int] = field(default_factory=dict)

    def load(self) -> ServerView:
        engine = create_engine(self.url, poolclass=NullPool)  # no connection outlives this call (forks follow)
        try:
            with Session(engine) as session:
                self.rows = {}
                for row in session.scalars(select(StoredRow)):
                    self.rows.setdefault(row.entity, {})[row.id] = row
                self.op_log = {}
                for entry in session.scalars(select(OpLogEntry).order_by(OpLogEntry.device_id, OpLogEntry.op_seq)):
                    self.op_log.setdefault(entry.device_id, []).append(entry)
                self.last_op_seq = dict(session.execute(select(CentralDevice.id, CentralDevice.last_op_seq)).all())
                session.expunge_all()
        finally:
            engine.dispose()
        return self


def check_device(device: ClientDevice, server: ServerView) -> list[str]:
    """Everything that must hold once a device has caught up after a crash; the problems found (none: all good).

    (a) the SQLite file is sound, and no unit of work was saved in part; (b) nothing pending, nothing dead-lettered;
    (c) exactly once: the server's op log holds each of the device's op_seq 1..last once, with the same op_ids;
    (d) nothing lost and (e) nothing duplicated: the device's rows and the server's rows of the centre are the same
    set, field for field, every step the ledger says was saved is there, and no DIN or donor number is used twice;
    (f) the audit chain verifies, on the device and as the server received it.
    """
    problems: list[str] = []
    connection = sqlite3.connect(f"file:{device.database_path}?mode=ro", uri=True)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {broken[:5]}")
    finally:
        connection.close()

    db = Database(device.database_path)
    try:
        with db.read() as session:
            state = session.get(DeviceState, 1)
            assert state is not None
            states = Counter(session.scalars(select(OutboxOp.state)))
            if set(states) - {OpState.ACKED}:
                problems.append(f"outbox not drained: {dict(states)}")
            letters = session.scalars(select(DeadLetter)).all()
            if letters:
                problems.append(f"dead letters: {[(d.op_seq, d.entity, d.code, d.message) for d in letters][:5]}")
            local_ops = dict(session.execute(select(OutboxOp.op_seq, OutboxOp.op_id)).all())
            # a unit of work is saved whole or not at all: each local transaction holds its one audit event
            audits = Counter(
                tx for tx, entity in session.execute(select(OutboxOp.tx, OutboxOp.entity)) if entity == "audit_events"
            )
            partial = sorted(tx for tx in set(session.scalars(select(OutboxOp.tx))) if audits[tx] != 1)
            if partial:
                problems.append(f"local transactions without exactly one audit event: {partial[:5]}")
            problems += _exactly_once(state, local_ops, server)
            local = {
                model.__tablename__: {row.id: row_fields(row) for row in session.scalars(select(model))}
                for model in SYNCED_MODELS
            }
            broken_chain = verify_audit_chain(session, state.device_id)
            if broken_chain:
                problems.append(f"local audit chain broken at {broken_chain[:5]}")
            problems += _same_rows(state.device_id, local, server)
            problems += _server_chain(state.device_id, state.audit_seq, server)
    finally:
        db.dispose()
    problems += _ledger_kept(device, local, server)
    problems += _no_duplicates(server)
    return problems


def _exactly_once(state: DeviceState, local_ops: dict[int, uuid.UUID], server: ServerView) -> list[str]:
    problems = []
    last = state.last_op_seq
    if sorted(local_ops) != list(range(1, last + 1)):
        problems.append(f"the device's outbox is not op 1..{last}: {len(local_ops)} ops")
    if server.last_op_seq.get(state.device_id) != last:
        problems.append(f"server last_op_seq {server.last_op_seq.get(state.device_id)} != device {last}")
    log = server.op_log.get(state.device_id, [])
    seqs = [entry.op_seq for entry in log]
    if seqs != list(range(1, last + 1)):
        problems.append(f"server op_log is not op 1..{last} once each: {len(seqs)} entries, {len(set(seqs))} distinct")
    mismatched = [e.op_seq for e in log if local_ops.get(e.op_seq) != e.op_id]
    if mismatched:
        problems.append(f"op_ids differ between the device and the server's op log at {mismatched[:5]}")
    refused = [(e.op_seq, e.entity, e.result.get("code")) for e in log if e.status == "rejected"]
    if refused:
        problems.append(f"ops the server refused: {refused[:5]}")
    return problems


def _same_rows(device_id: uuid.UUID, local: dict[str, dict[uuid.UUID, dict]], server: ServerView) -> list[str]:
    """Field for field, version for version: the device's rows are the server's rows of its centre (one centre here),
    audit events: this device's own (they are pushed, never pulled)."""
    problems = []
    for model in SYNCED_MODELS:
        entity = model.__tablename__
        theirs = server.rows.get(entity, {})
        if entity == "audit_events":
            theirs = {i: r for i, r in theirs.items() if r.fields.get("device_id") == str(device_id)}
        mine = local[entity]
        missing = set(mine) - set(theirs)
        extra = set(theirs) - set(mine)
        if missing:
            problems.append(f"{entity}: {len(missing)} rows of the device never reached the server")
        if extra:
            problems.append(f"{entity}: {len(extra)} server rows missing on the device")
        for row_id in set(mine) & set(theirs):
            fields = dict(mine[row_id])
            version = fields.pop("version")
            stored = theirs[row_id]
            if fields != stored.fields or version != stored.version:
                differing = sorted(
                    k for k in fields.keys() | stored.fields.keys() if fields.get(k) != stored.fields.get(k)
                )
                problems.append(
                    f"{entity} {row_id}: differs from the server in {differing} (v{version}/v{stored.version})"
                )
                break
    return problems


def _server_chain(device_id: uuid.UUID, audit_seq: int, server: ServerView) -> list[str]:
    """The device's audit events as the server holds them: 1..audit_seq, each once, each hash recomputed."""
    events = [
        AuditEvent(**decode_fields(AuditEvent, dict(row.fields)))
        for row in server.rows.get("audit_events", {}).values()
        if row.fields.get("device_id") == str(device_id)
    ]
    events.sort(key=lambda e: e.device_seq)
    if [e.device_seq for e in events] != list(range(1, audit_seq + 1)):
        return [f"the server's audit events of the device are not 1..{audit_seq} once each"]
    previous = "0" * 64
    for event_row in events:
        if event_row.prev_hash != previous or audit_hash(event_row) != event_row.hash:
            return [f"the server's audit chain of the device breaks at {event_row.device_seq}"]
        previous = event_row.hash
    return []


def _ledger_kept(device: ClientDevice, local: dict[str, dict[uuid.UUID, dict]], server: ServerView) -> list[str]:
    """Every step a child finished (and so reported to staff) is saved, on the device and on the server."""
    problems = []
    if not device.ledger.exists():
        return problems
    for line in device.ledger.read_text().splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut by the kill: that step was not reported done
        wanted = [("donors", entry.get("donor_id")), ("donations", entry.get("donation_id"))]
        wanted += [("components", unit) for unit in entry.get("component_ids", [])]
        wanted += [("components", entry.get("component_id"))]
        for entity, row_id in wanted:
            if row_id is None:
                continue
            key = uuid.UUID(row_id)
            if key not in local[entity] or key not in server.rows.get(entity, {}):
                problems.append(f"lost: {entry['step']} {entity} {row_id} (device: {key in local[entity]})")
        if entry["step"] == "issue":
            unit = server.rows["components"].get(uuid.UUID(entry["component_id"]))
            if unit is None or unit.fields["status"] != ComponentStatus.ISSUED:
                problems.append(f"lost: the issue of unit {entry['component_id']}")
        if entry["step"] == "defer":
            deferrals = [
                r for r in server.rows.get("deferrals", {}).values() if r.fields["donor_id"] == entry["donor_id"]
            ]
            if len(deferrals) != 1:
                problems.append(f"the deferral of donor {entry['donor_id']}: {len(deferrals)} on the server")
    return problems


def _no_duplicates(server: ServerView) -> list[str]:
    """One row per logical record on the server: DINs, donor numbers, and one standing issue per unit."""
    problems = []
    for entity, key in (("donations", "din"), ("donors", "donor_number"), ("components", "din")):
        values = Counter(r.fields[key] for r in server.rows.get(entity, {}).values())
        if entity == "components":
            values = Counter((r.fields["din"], r.fields["code"]) for r in server.rows.get(entity, {}).values())
        twice = [value for value, count in values.items() if count > 1]
        if twice:
            problems.append(f"{entity}: {key} used more than once: {twice[:5]}")
    standing = Counter(
        r.fields["component_id"] for r in server.rows.get("issues", {}).values() if r.fields["voided_at"] is None
    )
    issued_twice = [unit for unit, count in standing.items() if count > 1]
    if issued_twice:
        problems.append(f"units issued twice: {issued_twice[:5]}")
    return problems


# ---------------------------------------------------------------------------------------------------------------------
# a run: children killed at random points, recovery and checks after every kill


@dataclass
class Tally:
    kills: Counter[str] = field(default_factory=Counter)  # by point
    missed: Counter[str] = field(default_factory=Counter)  # children whose point never came (exited normally)
    children: int = 0
    seconds: float = 0.0

    @property
    def total_kills(self) -> int:
        return sum(self.kills.values())

    def merge(self, other: Tally) -> None:
        self.kills.update(other.kills)
        self.missed.update(other.missed)
        self.children += other.children
        self.seconds += other.seconds


def enrol_devices(server: CentralServer, folder: Path, centre_code: str, count: int, tag: str) -> list[ClientDevice]:
    devices = []
    for index in range(count):
        enrolled = enrol_device(server, folder, f"{tag}-{index}", centre_code, server.new_enrolment(centre_code))
        enrolled.close()
        ledger = folder / f"{tag}-{index}.ledger"
        devices.append(ClientDevice(enrolled.name, index, enrolled.profile, enrolled.staff, ledger))
    return devices


def crash_run(
    devices: list[ClientDevice],
    server_url: str,
    *,
    seed: int,
    kills: int,
    folder: Path,
    check_every: int = 1,
    first_number: int = 0,
    log: Callable[[str], None] = lambda _line: None,
) -> Tally:
    """Kill children of ``devices`` (all at once when there are several: one's pushes land during another's pull)
    until ``kills`` kills happened; recover and check after every ``check_every`` rounds. Raises on the first
    problem, naming the seed and the plans of the round. Children are numbered from ``first_number`` (the donors'
    names and mobiles derive from it: runs against one server must not overlap, or registration sees duplicates)."""
    rng = random.Random(seed)
    tally = Tally()
    started = time.monotonic()
    timer_span = 0.6
    order: list[str] = []
    number = first_number
    round_no = 0
    while tally.total_kills < kills:
        round_no += 1
        plans = []
        for device in devices:
            if not order:
                order = list(POINTS)
                rng.shuffle(order)
            number += 1
            plans.append((device, draw_plan(rng, number, order.pop(), timer_span)))
        errors = [folder / f"child-{plan.number}.err" for _device, plan in plans]
        begun = time.monotonic()
        pids = [fork_child(device, plan, err) for (device, plan), err in zip(plans, errors, strict=True)]
        for pid, (device, plan), err in zip(pids, plans, errors, strict=True):
            _pid, status = os.waitpid(pid, 0)
            tally.children += 1
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
                tally.kills[plan.point] += 1
            elif os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
                tally.missed[plan.point] += 1
                timer_span = max(0.2, 0.8 * timer_span + 0.2 * (time.monotonic() - begun))
            else:
                detail = err.read_text() if err.exists() else f"status {status}"
                raise AssertionError(f"seed {seed}, {device.name}: the child failed\n{detail}")
        if round_no % check_every and tally.total_kills < kills:
            continue
        described = "\n".join(f"  {device.name}: {plan.describe()}" for device, plan in plans)
        try:
            for device in [*devices, *devices[:-1]]:  # the first ones again: they pull what the later ones pushed
                recover(device)
            view = ServerView(server_url).load()
            for device in devices:
                problems = check_device(device, view)
                if problems:
                    raise AssertionError(f"{device.name}: " + "\n    ".join(problems))
        except Exception as failure:
            raise AssertionError(f"seed {seed}, round {round_no}, after\n{described}\n{failure}") from failure
        log(f"round {round_no}: {tally.total_kills} kills")
    tally.seconds = time.monotonic() - started
    return tally
