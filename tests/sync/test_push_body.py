"""A push's body is written straight from the outbox's stored columns (no model per op); it must be the very
``PushRequest`` the ops make as models, and a stored float that is not a number goes as null, as the model writes it."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import select

from bbms_desktop.models import OutboxOp
from bbms_desktop.services import donors
from bbms_desktop.sync import protocol
from bbms_desktop.sync.engine import _PENDING_COLUMNS, _PendingOp, _push_body

from ..conftest import NOW
from ..services.test_donors import FORM

DEVICE = uuid.uuid4()


def as_models(session) -> protocol.PushRequest:
    """The request as the models send it (their JSON, read back)."""
    ops = session.scalars(select(OutboxOp).order_by(OutboxOp.op_seq))
    wire = [
        protocol.Op(
            op_seq=o.op_seq, op_id=o.op_id, tx=o.tx, entity=o.entity, row_id=o.row_id, kind=o.kind,
            base_version=o.base_version, fields=o.fields, hlc=o.hlc,
        )
        for o in ops
    ]  # fmt: skip
    request = protocol.PushRequest(device_id=DEVICE, schema_version=protocol.SCHEMA_VERSION, ops=wire)
    return protocol.PushRequest.model_validate_json(request.model_dump_json())


def as_pushed(session) -> protocol.PushRequest:
    batch = [_PendingOp(*row) for row in session.execute(select(*_PENDING_COLUMNS).order_by(OutboxOp.op_seq))]
    return protocol.PushRequest.model_validate_json(_push_body(DEVICE, batch))


def test_the_pushed_body_is_the_request_the_ops_make(db, staff):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        donors.register_donor(uow, FORM)
    with db.read() as session:
        expected = as_models(session)
        assert len(expected.ops) >= 2  # the donor and its audit event
        assert as_pushed(session) == expected


def test_a_stored_value_that_is_not_a_number_goes_as_null(db, staff):
    with db.remote_apply() as session:
        session.add(
            OutboxOp(
                op_seq=10**6, op_id=uuid.uuid4(), tx=10**6, entity="lab_result_sets", row_id=uuid.uuid4(),
                kind="update", base_version=3, fields={"haemoglobin": float("nan"), "note": "NaN"}, hlc="1:0",
            )
        )  # fmt: skip
    with db.read() as session:
        pushed = as_pushed(session)
        assert pushed == as_models(session)
        assert pushed.ops[-1].fields == {"haemoglobin": None, "note": "NaN"}


class _OneAtATime:
    """A server that answers every op ``applied`` and notes each body, failing if a push starts while one is out."""

    def __init__(self) -> None:
        import threading

        self.bodies: list[bytes] = []
        self.out = False
        self.lock = threading.Lock()

    def push_body(self, body: bytes) -> protocol.PushResponse:
        with self.lock:
            assert not self.out, "two pushes on the wire at once"
            self.out = True
        try:
            self.bodies.append(body)
            ops = protocol.PushRequest.model_validate_json(body).ops
            results = [protocol.OpResult(op_seq=op.op_seq, status=protocol.OpStatus.APPLIED, version=1) for op in ops]
            return protocol.PushResponse(results=results, last_op_seq=ops[-1].op_seq)
        finally:
            self.out = False


def test_a_push_sends_the_batches_one_at_a_time_in_order_as_read_one_after_another(db, staff):
    """The engine reads and writes the next batch while the one before is on the wire: it still sends the very
    bodies the batches read one after another make, in order, one at a time, each after the answer before."""
    from bbms_desktop.models import DeviceState, OpState
    from bbms_desktop.sync.engine import SyncEngine

    for i in range(7):
        with db.unit_of_work(staff["registrar"], now=NOW) as uow:
            donors.register_donor(
                uow, replace(FORM, mobile=f"98765{i:05d}", given_name=f"Asha{i}"), acknowledged_duplicates=True
            )
    with db.remote_apply() as session:
        session.get(DeviceState, 1).server_url = "http://127.0.0.1:9"
    server = _OneAtATime()
    engine = SyncEngine(db, server, push_batch=3)  # type: ignore[arg-type]
    expected, after = [], 0
    with db.read() as session:
        while batch := engine._next_batch(session, after):
            expected.append(_push_body(engine.device_id, batch))
            after = batch[-1].op_seq
    assert len(expected) >= 4
    pushed, rejected, _conflicts = engine.push()
    assert server.bodies == expected
    assert (pushed, rejected) == (sum(len(protocol.PushRequest.model_validate_json(b).ops) for b in expected), 0)
    with db.read() as session:
        assert not session.scalars(select(OutboxOp).where(OutboxOp.state == OpState.PENDING)).all()
