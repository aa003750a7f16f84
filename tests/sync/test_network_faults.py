"""A flaky link between a centre's machine and the central server: every op reaches the server exactly once.

The device talks to a real ``bbms-central serve`` process through a real TCP proxy (``faultproxy``) that breaks
chosen exchanges: a reset half-way through the request or the answer, an answer cut short, an answer dropped or
replaced by a 500 after the server committed, a link so slow that the client gives up while the server goes on. After
each fault the device syncs again on a clean link, and the test proves from both databases that every op was applied
once (the server's op log holds each ``op_seq`` once, with the device's ``op_id``; each op took exactly one number of
the server sequence; the server's rows equal the device's), that nothing is left pending or dead-lettered, and that a
pull cut in page k resumes at page k (the cursor of page k-1 was saved with it): at most one page is sent twice.

Then principle 12 under load: a 10,000-op backlog pushed while the server's tokens live two seconds, on a transport
with no retries at all, goes through every 401 by signing in again. Last, the ``bbms-desktop sync`` command against a
server that is down, and against one that refuses the device.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bbms_central import auth
from bbms_central.db import Database as CentralDatabase
from bbms_central.models import Device as ServerDevice
from bbms_central.models import OpLogEntry, Sequence, StoredRow
from bbms_desktop.models import DeadLetter, DeviceState, OpState, OutboxOp
from bbms_desktop.models.codec import row_fields
from bbms_desktop.services import accounts, donors
from bbms_desktop.services.register_import import ImportedDonor, import_register
from bbms_desktop.sync import protocol
from bbms_desktop.sync.credentials import credential_store
from bbms_desktop.sync.engine import MODELS, SyncEngine, SyncSummary
from bbms_desktop.sync.transport import READ_TIMEOUT_S as READ_TIMEOUT
from bbms_desktop.sync.transport import ServerRefused, ServerUnreachable, Transport

from . import harness
from .faultproxy import SERVER_SAW_IT, Fault, FaultProxy, Kind
from .harness import PASSWORD, CentralServer, Device, central_cli, central_database, enrol_device

PUSH = f"{protocol.API}/sync/push"
PULL = f"{protocol.API}/sync/pull/scope"  # the centre's own stream (its own rows: the pages cut here)
REGISTRY = f"{protocol.API}/sync/pull/registry"
TOKEN = f"{protocol.API}/devices/token"
PUSH_BATCH = 100  # ops per push: the backlog of a test is several pushes
PULL_LIMIT = 50  # changes per pull page: the data of a test is several pages
READ_TIMEOUT_S = 2.0  # the device's read timeout on the faulty link
TOO_SLOW_S = READ_TIMEOUT_S + 1.0  # a delay the device gives up on (the server goes on and commits)
DESKTOP_COMMAND = str(Path(sys.executable).with_name("bbms-desktop"))

_centre_numbers = itertools.count(1)
_donor_numbers = itertools.count(1)


# ---------------------------------------------------------------------------------------------------------------------
# the server, the device on a faulty link, and its work


@contextlib.contextmanager
def running_central(kind: str, folder: Path, token_ttl: int = 3600) -> Iterator[CentralServer]:
    with central_database(kind, folder) as database:
        central_cli(database, "init")
        server = CentralServer(database, folder, token_ttl=token_ttl)
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module")
def central(tmp_path_factory) -> Iterator[CentralServer]:
    """One SQLite server for the module; each test gets a centre of its own on it."""
    with running_central("sqlite", tmp_path_factory.mktemp("central")) as server:
        yield server


def new_centre(server: CentralServer) -> tuple[str, str]:
    """A fresh centre with its staff; its code and first enrolment code."""
    number = next(_centre_numbers)
    code = f"NF-{number:03d}"
    centre = server.add_centre(code, f"Fault test blood centre {number}", f"G{number:04d}")
    return code, centre["enrolment_code"]


@dataclass
class Link:
    """A device whose server address is the fault proxy's."""

    device: Device
    proxy: FaultProxy
    transport: Transport
    engine: SyncEngine

    def sync(self) -> SyncSummary:
        return self.engine.run_cycle()


def on_faulty_link(
    device: Device,
    proxy: FaultProxy,
    *,
    retries: int = 0,
    push_batch: int = PUSH_BATCH,
    pull_limit: int = PULL_LIMIT,
    read_timeout: float = READ_TIMEOUT_S,
) -> Link:
    """``retries=0``: a fault reaches the sync cycle instead of being absorbed by the transport's retries."""
    with device.db.remote_apply() as session:
        state = session.get(DeviceState, 1)
        state.server_url = proxy.url
        device_id = state.device_id
    store = credential_store(device.profile)
    transport = Transport(
        proxy.url, device_id, lambda: store.load_secret(device_id), retries=retries, timeout=(2.0, read_timeout)
    )
    engine = SyncEngine(device.db, transport, push_batch=push_batch, pull_limit=pull_limit)
    return Link(device, proxy, transport, engine)


def letters(n: int) -> str:
    """A name that is this number (donor names are letters only)."""
    text = ""
    n += 26 * 26
    while n:
        n, digit = divmod(n, 26)
        text = chr(ord("a") + digit) + text
    return text.capitalize()


def register_and_correct(device: Device, count: int, corrections: int) -> list[uuid.UUID]:
    """The desk registers ``count`` donors and corrects the mobile of ``corrections`` of them (two ops per step).

    Every donor of the module is another person (the donor registry is shared by all centres of the server)."""
    registrar = device.staff["registrar"]
    made = []
    numbers = [next(_donor_numbers) for _ in range(count)]
    for n in numbers:
        form = donors.DonorForm(
            given_name=letters(n),
            family_name="Sharma",
            sex="M" if n % 2 else "F",
            date_of_birth=date(1950, 1, 1) + timedelta(days=n % 18_000),
            mobile=f"98{n:08d}",
            consent=True,
        )
        with device.db.unit_of_work(registrar) as uow:
            made.append(donors.register_donor(uow, form).id)
    for n, donor_id in zip(numbers[:corrections], made, strict=False):
        with device.db.unit_of_work(registrar) as uow:
            donors.update_demographics(uow, donor_id, mobile=f"97{n:08d}")
    return made


# ---------------------------------------------------------------------------------------------------------------------
# what both databases say


def server_seq(server: CentralServer) -> int:
    central = CentralDatabase(server.database)
    try:
        with central.read() as session:
            return session.scalars(select(Sequence.last_seq)).one()
    finally:
        central.dispose()


def server_last_op_seq(server: CentralServer, device: Device) -> int:
    central = CentralDatabase(server.database)
    try:
        with central.read() as session:
            return session.get(ServerDevice, device_id(device)).last_op_seq
    finally:
        central.dispose()


def device_id(device: Device) -> uuid.UUID:
    with device.db.read() as session:
        return session.get(DeviceState, 1).device_id


def outbox_states(device: Device) -> dict[str, int]:
    with device.db.read() as session:
        rows = session.execute(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all()
        return {str(state): count for state, count in rows}


def dead_letters(device: Device) -> int:
    with device.db.read() as session:
        return session.scalar(select(func.count()).select_from(DeadLetter)) or 0


def assert_exactly_once(server: CentralServer, devices: list[Device], seq_before: int) -> None:
    """Every op of ``devices`` was applied on the server once, and the server's rows are the devices' rows."""
    central = CentralDatabase(server.database)
    try:
        applied = 0
        for device in devices:
            with device.db.read() as session:
                ops = session.scalars(select(OutboxOp).order_by(OutboxOp.op_seq)).all()
                assert ops, "the test made no work"
                assert {op.state for op in ops} == {OpState.ACKED}, "an op is pending or was refused"
                assert session.scalar(select(func.count()).select_from(DeadLetter)) == 0
                sent = {op.op_seq: op.op_id for op in ops}
                local = {}
                for op in ops:
                    row = session.get(MODELS[op.entity], op.row_id)
                    fields = row_fields(row)
                    local[op.row_id] = (fields.pop("version"), fields)
                state = session.get(DeviceState, 1)
                centre_id, this_device = state.centre_id, state.device_id
            with central.read() as session:
                log = session.scalars(select(OpLogEntry).where(OpLogEntry.device_id == this_device)).all()
                # one entry per op_seq (the primary key), each the op the device sent under that number
                assert {entry.op_seq: entry.op_id for entry in log} == sent
                assert {entry.status for entry in log} == {"applied"}
                versions = [entry.version for entry in log]
                assert None not in versions and len(set(versions)) == len(versions)
                assert session.get(ServerDevice, this_device).last_op_seq == max(sent)
                stored = {
                    row.id: row for row in session.scalars(select(StoredRow).where(StoredRow.centre_id == centre_id))
                }
                for row_id, (version, fields) in local.items():
                    assert (stored[row_id].version, stored[row_id].fields) == (version, fields)
            applied += len(sent)
        with central.read() as session:
            # each op took exactly one number of the server sequence: none was applied twice
            assert session.scalars(select(Sequence.last_seq)).one() - seq_before == applied
    finally:
        central.dispose()


def assert_replica_of_server(server: CentralServer, device: Device) -> None:
    """The device holds every row of its centre as the server has it (its own and those another machine pushed)."""
    central = CentralDatabase(server.database)
    try:
        with device.db.read() as session:
            centre_id = session.get(DeviceState, 1).centre_id
        with central.read() as session:
            rows = session.scalars(
                select(StoredRow).where(
                    StoredRow.centre_id == centre_id, StoredRow.entity.not_in(sorted(protocol.PUSH_ONLY))
                )
            ).all()
        assert rows
        with device.db.read() as session:
            for row in rows:
                local = session.get(MODELS[row.entity], row.id)
                assert local is not None, f"{row.entity} {row.id} never arrived"
                fields = row_fields(local)
                assert (fields.pop("version"), fields) == (row.version, row.fields)
    finally:
        central.dispose()


# ---------------------------------------------------------------------------------------------------------------------
# push through each fault

NETWORK_FAULTS_ON_PUSH = [
    Fault(Kind.RESET_REQUEST_BODY),
    Fault(Kind.RESET_RESPONSE_BODY),
    Fault(Kind.TRUNCATE_RESPONSE),
    Fault(Kind.DROP_RESPONSE),
    Fault(Kind.DELAY_BEFORE, seconds=TOO_SLOW_S),
    Fault(Kind.DELAY_REQUEST_BODY, seconds=TOO_SLOW_S),
    Fault(Kind.DELAY_RESPONSE_BODY, seconds=TOO_SLOW_S),
]


@pytest.fixture
def desk(central, tmp_path) -> Iterator[Device]:
    code, enrolment = new_centre(central)
    device = enrol_device(central, tmp_path, "desk", code, enrolment)
    yield device
    device.close()


@pytest.mark.parametrize("fault", [*NETWORK_FAULTS_ON_PUSH, Fault(Kind.ERROR_500)], ids=str)
def test_a_push_cut_by_the_network_is_sent_again_and_applied_once(central, desk, fault):
    register_and_correct(desk, count=120, corrections=20)  # 280 ops: three pushes
    total = sum(outbox_states(desk).values())
    seq_before = server_seq(central)
    with FaultProxy(central.port) as proxy:
        link = on_faulty_link(desk, proxy)
        proxy.inject(PUSH, fault, skip=1)  # the second push of the backlog

        expected = ServerRefused if fault.kind == Kind.ERROR_500 else ServerUnreachable
        with pytest.raises(expected):
            link.sync()
        proxy.wait_idle()  # a request the device gave up on has reached the server by now
        assert proxy.fired_on(PUSH) == [str(fault)]
        # the first push was recorded; the second is still pending on the device, whatever the server did with it
        assert outbox_states(desk) == {OpState.ACKED: PUSH_BATCH, OpState.PENDING: total - PUSH_BATCH}
        assert dead_letters(desk) == 0
        cut = proxy.of(PUSH)[1]
        if fault.kind in SERVER_SAW_IT:
            # the server committed the second push, and the device never heard
            assert cut.status == 200
            assert server_last_op_seq(central, desk) == 2 * PUSH_BATCH
        else:
            assert cut.status is None
            assert server_last_op_seq(central, desk) == PUSH_BATCH

        summary = link.sync()  # the link is clean again

    assert summary.caught_up and summary.pending == 0 and summary.rejected == 0 and summary.dead_letters == 0
    assert summary.pushed == total - PUSH_BATCH
    pushes = proxy.of(PUSH)
    assert len(pushes) == 4  # two pushes before the cut, then the cut one again and the last one
    if fault.kind in SERVER_SAW_IT:
        # the second push was answered from the server's op log: the very answer the device never got
        assert pushes[2].json()["results"] == cut.json()["results"]
    assert_exactly_once(central, [desk], seq_before)
    assert_replica_of_server(central, desk)


# ---------------------------------------------------------------------------------------------------------------------
# pull through each fault

FAULTS_ON_PULL = [
    Fault(Kind.RESET_REQUEST_BODY),  # a GET has no body: reset right after its head, the server never sees it
    Fault(Kind.RESET_RESPONSE_BODY),
    Fault(Kind.TRUNCATE_RESPONSE),
    Fault(Kind.DROP_RESPONSE),
    Fault(Kind.DELAY_RESPONSE_BODY, seconds=TOO_SLOW_S),
    Fault(Kind.ERROR_500),
]
CUT_PAGE = 3


@pytest.mark.parametrize("fault", FAULTS_ON_PULL, ids=str)
def test_a_pull_cut_in_page_k_resumes_at_page_k(central, tmp_path, fault):
    code, enrolment = new_centre(central)
    desk = enrol_device(central, tmp_path, "desk", code, enrolment)
    laptop = enrol_device(central, tmp_path, "laptop", code, central.new_enrolment(code))
    try:
        seq_before = server_seq(central)
        register_and_correct(desk, count=200, corrections=10)  # the desk's day, on a good link
        assert desk.sync().caught_up
        register_and_correct(laptop, count=20, corrections=0)  # the laptop has pending work too
        with FaultProxy(central.port) as proxy:
            link = on_faulty_link(laptop, proxy)
            proxy.inject(PULL, fault, skip=CUT_PAGE - 1)

            expected = ServerRefused if fault.kind == Kind.ERROR_500 else ServerUnreachable
            with pytest.raises(expected):
                link.sync()
            proxy.wait_idle()
            assert proxy.fired_on(PULL) == [str(fault)]
            assert outbox_states(laptop) == {OpState.ACKED: 40}  # the push went through before the pull
            pages = proxy.of(PULL)
            assert len(pages) == CUT_PAGE
            cut = pages[-1]
            # pages 1..k-1 are applied with their cursors; the cursor saved is the one page k was asked with
            assert cut.query["cursor"] == pages[-2].json()["next_cursor"]
            with laptop.db.read() as session:
                assert session.get(DeviceState, 1).pull_cursor == cut.query["cursor"]
            assert (cut.status is not None) == (fault.kind in SERVER_SAW_IT)

            summary = link.sync()

        assert summary.caught_up and summary.pending == 0 and summary.rejected == 0 and summary.dead_letters == 0
        pages = proxy.of(PULL)
        resumed = pages[CUT_PAGE]
        assert resumed.query["cursor"] == cut.query["cursor"]  # the next cycle starts at page k
        served = [change for page in pages if page.status == 200 for change in page.json()["changes"]]
        distinct = {(change["entity"], change["row_id"]) for change in served}
        assert len(distinct) > 4 * PULL_LIMIT  # the data was five pages
        assert len(served) - len(distinct) <= PULL_LIMIT  # at most one page was sent twice
        if cut.status == 200:
            assert resumed.json()["changes"] == cut.json()["changes"]  # and it was page k
        assert_exactly_once(central, [desk, laptop], seq_before)
        assert_replica_of_server(central, laptop)
    finally:
        desk.close()
        laptop.close()


# ---------------------------------------------------------------------------------------------------------------------
# faults the transport's own retries absorb


@pytest.fixture(params=["sqlite", "postgresql"])
def any_central(request, tmp_path_factory, central) -> Iterator[CentralServer]:
    if request.param == "sqlite":
        yield central
        return
    with running_central("postgresql", tmp_path_factory.mktemp("central-pg")) as server:
        yield server


def test_a_500_after_commit_and_a_reset_are_retried_by_the_transport_and_answered_from_the_op_log(
    any_central, tmp_path
):
    code, enrolment = new_centre(any_central)
    desk = enrol_device(any_central, tmp_path, "desk", code, enrolment)
    try:
        register_and_correct(desk, count=190, corrections=10)  # 400 ops: four pushes
        seq_before = server_seq(any_central)
        with FaultProxy(any_central.port) as proxy:
            link = on_faulty_link(desk, proxy, retries=3)
            # requests: 1 push one; 2 push two, committed, a 500 comes back; 3 its retry; 4 push three, reset before
            # the server sees it; 5 its retry; 6 push four, so slow the device gives up and sends it again: 7
            proxy.inject(PUSH, Fault(Kind.ERROR_500), skip=1)
            proxy.inject(PUSH, Fault(Kind.RESET_REQUEST_BODY), skip=3)
            proxy.inject(PUSH, Fault(Kind.DELAY_BEFORE, seconds=TOO_SLOW_S), skip=5)
            summary = link.sync()
            proxy.wait_idle()
        assert summary.caught_up and summary.pushed == 400 and summary.rejected == 0 and summary.dead_letters == 0
        assert proxy.fired_on(PUSH) == ["error_500", "reset_request_body", f"delay_before({TOO_SLOW_S:g}s)"]
        pushes = proxy.of(PUSH)
        assert len(pushes) == 7
        # the retried second push was answered from the op log, exactly as the first time
        first_try, retry = pushes[1], pushes[2]
        assert first_try.fault.kind == Kind.ERROR_500 and first_try.status == retry.status == 200
        assert retry.json()["results"] == first_try.json()["results"]
        # the slow fourth push reached the server after its retry: answered from the op log too
        slow, fast = pushes[5], pushes[6]
        assert slow.fault.kind == Kind.DELAY_BEFORE and slow.status == fast.status == 200
        assert slow.json()["results"] == fast.json()["results"]
        assert link.transport.reauthentications == 0
        assert_exactly_once(any_central, [desk], seq_before)
    finally:
        desk.close()


# ---------------------------------------------------------------------------------------------------------------------
# token expiry in the middle of a 10,000-op backlog (principle 12)

BACKLOG_DONORS = 10_000


def imported_register(count: int) -> list[ImportedDonor]:
    """An old paper register typed up: donors with their old register numbers."""
    return [
        ImportedDonor(
            given_name=letters(n),
            family_name="Patil",
            sex="M" if n % 2 else "F",
            date_of_birth=date(1960, 1, 1) + timedelta(days=n % 14_000),
            mobile=f"9{n:09d}",
            consent=True,
            legacy_number=f"REG/{n}",
        )
        for n in range(count)
    ]


def test_tokens_expiring_during_a_10000_op_backlog_are_renewed_without_spending_a_retry(tmp_path, capsys):
    # a one-second token; the 11th push is held 1.5 s on the way, so at least one token surely expires mid-backlog
    # (how many more do depends on the machine's speed)
    with running_central("sqlite", tmp_path, token_ttl=1) as server:
        code, enrolment = new_centre(server)
        central_cli(
            server.database,
            *("add-user", "--centre", code, "--username", "qa", "--role", "quality_admin", "--full-name", "QA"),
            stdin=PASSWORD + "\n",
        )
        desk = enrol_device(server, tmp_path, "desk", code, enrolment)
        try:
            quality = accounts.authenticate(desk.db, "qa", PASSWORD)
            started = time.perf_counter()
            with desk.db.unit_of_work(quality) as uow:
                report = import_register(
                    uow,
                    imported_register(BACKLOG_DONORS),
                    verified_by=desk.staff["lab_technician"],
                    keep_legacy_numbers=True,
                )
            imported_s = time.perf_counter() - started
            assert report.donors == BACKLOG_DONORS and not report.rejected
            backlog = outbox_states(desk)[OpState.PENDING]
            assert backlog == BACKLOG_DONORS + report.batches  # the donors and an audit event per batch
            seq_before = server_seq(server)

            with FaultProxy(server.port) as proxy:
                proxy.inject(PUSH, Fault(Kind.DELAY_BEFORE, 1.5), skip=10, times=1)
                link = on_faulty_link(
                    desk,
                    proxy,
                    retries=0,
                    push_batch=protocol.MAX_OPS_PER_PUSH,
                    pull_limit=protocol.DEFAULT_PULL_LIMIT,
                    read_timeout=READ_TIMEOUT,
                )
                started = time.perf_counter()
                pushed, rejected, _conflicts = link.engine.push()
                pushed_s = time.perf_counter() - started
                summary = link.sync()  # pull the backlog back, top up the number blocks

            assert (pushed, rejected) == (backlog, 0)
            assert summary.caught_up and summary.pending == 0 and summary.dead_letters == 0
            refused = [x for x in proxy.exchanges if x.status == 401]
            assert len(refused) >= 1 and {x.path for x in refused} <= {PUSH, PULL, REGISTRY, f"{protocol.API}/blocks"}
            assert any(x.path == PUSH for x in refused)  # in the middle of the backlog
            assert all(x.json()["code"] == "unauthorized" for x in refused)
            # each 401 cost one sign-in and one repeat of the same request, no retry: the transport has none to spend
            assert link.transport.reauthentications == len(refused)
            assert proxy.requests[TOKEN] == len(refused) + 1
            answered = [x for x in proxy.of(PUSH) if x.status == 200]
            assert len(answered) == -(-backlog // protocol.MAX_OPS_PER_PUSH)
            assert_exactly_once(server, [desk], seq_before)
        finally:
            desk.close()
    with capsys.disabled():
        rate = backlog / pushed_s
        print(
            f"\n  {backlog} ops: imported in {imported_s:.1f} s, pushed in {pushed_s:.1f} s ({rate:.0f} ops/s) "
            f"through {len(refused)} expired tokens"
        )


# ---------------------------------------------------------------------------------------------------------------------
# the sync command against a server that is down, and one that refuses the device


def desktop_sync(profile: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BBMS_KEYRING": "file", "LANG": "en_IN.UTF-8"}
    return subprocess.run(
        [DESKTOP_COMMAND, "--profile", str(profile), "sync"], capture_output=True, text=True, env=env, timeout=120
    )


def pending_ops(device: Device) -> list[tuple[int, uuid.UUID]]:
    with device.db.read() as session:
        return list(
            session.execute(select(OutboxOp.op_seq, OutboxOp.op_id).where(OutboxOp.state == OpState.PENDING)).all()
        )


def test_the_sync_command_says_the_server_cannot_be_reached_and_keeps_the_work(tmp_path, monkeypatch):
    with running_central("sqlite", tmp_path) as server:
        code, enrolment = new_centre(server)
        desk = enrol_device(server, tmp_path, "desk", code, enrolment)
        try:
            made = register_and_correct(desk, count=3, corrections=1)
            waiting = pending_ops(desk)
            assert len(waiting) == 8
            port, seq_before = server.port, server_seq(server)
            server.stop()

            down = desktop_sync(desk.profile)
            assert down.returncode != 0
            assert "cannot be reached" in down.stderr and f"127.0.0.1:{port}" in down.stderr
            assert down.stdout == ""
            assert pending_ops(desk) == waiting  # nothing lost, nothing half-sent
            with desk.db.read() as session:
                assert all(session.get(MODELS["donors"], donor_id) is not None for donor_id in made)

            monkeypatch.setattr(harness, "free_port", lambda: port)  # the server comes back at its address
            server.start()
            back = desktop_sync(desk.profile)
            assert back.returncode == 0, back.stderr
            answer = json.loads(back.stdout)
            assert answer["pushed"] == len(waiting) and answer["caught_up"] and answer["dead_letters"] == 0
            assert_exactly_once(server, [desk], seq_before)
        finally:
            desk.close()


@pytest.mark.parametrize("refusal", ["wrong secret", "revoked device"])
def test_the_sync_command_gives_the_servers_reason_when_it_refuses_the_device(central, desk, refusal):
    register_and_correct(desk, count=2, corrections=0)
    waiting = pending_ops(desk)
    this_device = device_id(desk)
    if refusal == "wrong secret":
        credential_store(desk.profile).save_secret(this_device, "not-the-secret-the-server-gave")
    else:
        central_db = CentralDatabase(central.database)
        try:
            with central_db.write() as session:
                assert auth.revoke(session, this_device)
        finally:
            central_db.dispose()

    refused = desktop_sync(desk.profile)
    assert refused.returncode != 0
    assert "refused" in refused.stderr and "bad_secret" in refused.stderr
    assert "wrong secret, or a revoked device: enrol again" in refused.stderr
    assert refused.stdout == ""
    assert pending_ops(desk) == waiting
    assert server_last_op_seq(central, desk) == 0
