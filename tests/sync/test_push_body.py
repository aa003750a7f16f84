"""A push's body is written straight from the outbox's stored columns (no model per op); it must be the very
``PushRequest`` the ops make as models, and a stored float that is not a number goes as null, as the model writes it."""

from __future__ import annotations

import uuid

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
