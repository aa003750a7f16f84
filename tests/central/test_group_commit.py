"""Pushes that arrive together are applied in one transaction (one commit), each in its own savepoint: every one
is taken exactly once, its versions follow the sequence, and a refused push leaves the others of its group alone."""

from __future__ import annotations

import asyncio

from bbms_central.app import GroupCommit
from bbms_central.wire import ApiError
from bbms_desktop.sync.protocol import ErrorCode, PushRequest
from tests.central.helpers import donor


def request(device, ops) -> PushRequest:
    return PushRequest.model_validate({"device_id": str(device.id), "schema_version": 1, "ops": ops})


def test_pushes_arriving_together_commit_once_and_a_refused_one_leaves_the_others(central):
    central.add_centre("DL-RKS")
    devices = [central.enrol("DL-RKS") for _ in range(5)]
    start = central.last_seq()
    pushes = [request(device, [donor(device) for _ in range(3)]) for device in devices]
    late = devices[4]
    late.op_seq += 5  # this device skipped ops: the server expects op 1 and refuses the push (op_gap)
    pushes[4] = request(late, [donor(late)])
    groups = GroupCommit(central.db)
    applied: list[int] = []
    apply = groups._apply

    def counted(group, *signed_in):
        applied.append(len(group))
        return apply(group, *signed_in)

    groups._apply = counted

    async def at_once():
        return await asyncio.gather(
            *(groups.push(device.id, push) for device, push in zip(devices, pushes, strict=True)),
            return_exceptions=True,
        )

    answers = asyncio.run(at_once())

    assert applied == [5]  # all five in one transaction
    refused = answers[4]
    assert isinstance(refused, ApiError) and refused.body.code == ErrorCode.OP_GAP
    versions = sorted(result.version for answer in answers[:4] for result in answer.results)
    assert versions == list(range(start + 1, start + 13))  # every op once, no gap from the refused push
    assert central.last_seq() == start + 12
    again = asyncio.run(groups.push(devices[0].id, pushes[0]))  # a replay is answered from the op log
    assert [r.version for r in again.results] == [r.version for r in answers[0].results]
    assert central.last_seq() == start + 12


def test_a_push_that_fails_in_its_savepoint_does_not_take_the_group_down(central, monkeypatch):
    central.add_centre("DL-RKS")
    good, bad = central.enrol("DL-RKS"), central.enrol("DL-RKS")
    start = central.last_seq()
    from bbms_central import push as push_module

    real = push_module.push

    def breaks_for_bad(session, device_id, push_request, **options):
        answer = real(session, device_id, push_request, **options)  # written, then a bug: the savepoint must undo it
        if device_id == bad.id:
            raise RuntimeError("a bug after writing")
        return answer

    monkeypatch.setattr(push_module, "push", breaks_for_bad)
    groups = GroupCommit(central.db)
    broken, fine = request(bad, [donor(bad)]), request(good, [donor(good)])
    answers = groups._apply([(bad.id, broken), (good.id, fine)])
    assert isinstance(answers[0], RuntimeError)
    assert [r.version for r in answers[1].results] == [start + 1]  # numbered as if the broken one never ran
    assert central.last_seq() == start + 1
    assert central.row(broken.ops[0].row_id) is None
    assert central.row(fine.ops[0].row_id) is not None


def test_a_group_reads_the_centres_once_and_a_refused_first_push_does_not_change_that(central, monkeypatch):
    """The group holds the sequence lock from before its first push to its commit (outside the pushes' savepoints),
    so no centre can be added meanwhile and one reading of the centres serves every push of the group."""
    from bbms_central import push as push_module

    central.add_centre("DL-RKS")
    central.add_centre("DL-AIIMS")
    devices = [central.enrol("DL-RKS"), central.enrol("DL-AIIMS"), central.enrol("DL-RKS")]
    start = central.last_seq()
    late = devices[0]
    late.op_seq += 5  # refused (op_gap) after its checks: its savepoint is rolled back first in the group
    pushes = [request(late, [donor(late)])] + [request(d, [donor(d), donor(d)]) for d in devices[1:]]
    readings: list[bool] = []
    real = push_module.peer_centre_ids

    def counted(session, training):
        readings.append(training)
        return real(session, training)

    monkeypatch.setattr(push_module, "peer_centre_ids", counted)
    answers = GroupCommit(central.db)._apply([(d.id, p) for d, p in zip(devices, pushes, strict=True)])
    assert isinstance(answers[0], ApiError) and answers[0].body.code == ErrorCode.OP_GAP
    assert readings == [False]  # once for the group's world, not once per push
    assert sorted(r.version for answer in answers[1:] for r in answer.results) == list(range(start + 1, start + 5))


def test_a_push_takes_its_device_as_the_token_check_found_it_and_checks_again_if_that_changed(central, monkeypatch):
    """The endpoint hands each push the device's centre and world as its token's check read them, so the push
    does not read them again; if the locked device row disagrees (enrolled again meanwhile), it is checked as it is
    now: a device now of the training world is refused at a production centre."""
    from sqlalchemy import update

    from bbms_central import push as push_module
    from bbms_central.models import Device as DeviceRow

    central.add_centre("DL-RKS")
    device = central.enrol("DL-RKS")
    centres_read: list[object] = []
    real = push_module.centre_by_id

    def counted(session, centre_id):
        centres_read.append(centre_id)
        return real(session, centre_id)

    monkeypatch.setattr(push_module, "centre_by_id", counted)
    as_signed_in = push_module.SignedIn(device.centre_id, False)
    groups = GroupCommit(central.db)
    [answer] = groups._apply([(device.id, request(device, [donor(device)]))], {device.id: as_signed_in})
    assert not isinstance(answer, Exception) and answer.last_op_seq == 1
    assert centres_read == []  # the token's check read the centre; the push did not again
    with central.db.write() as session:  # the device row now says training: it disagrees with what was signed in
        session.execute(update(DeviceRow).where(DeviceRow.id == device.id).values(training=True))
    [refused] = groups._apply([(device.id, request(device, [donor(device)]))], {device.id: as_signed_in})
    assert isinstance(refused, ApiError) and refused.body.code == ErrorCode.TRAINING_MISMATCH
    assert centres_read == [device.centre_id]
