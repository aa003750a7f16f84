"""Pushes that arrive together are applied in one transaction (one commit), as one batch: every one is taken
exactly once, its versions follow the sequence, and a refused push leaves the others of its group as if it had
never come."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy.exc import IntegrityError

from bbms_central import push as push_module
from bbms_central.app import GroupCommit
from bbms_central.models import Device as DeviceRow
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


def test_a_push_that_fails_while_being_applied_is_undone_and_the_others_are_numbered_as_if_it_never_came(
    central, monkeypatch
):
    central.add_centre("DL-RKS")
    bad, good = central.enrol("DL-RKS"), central.enrol("DL-RKS")
    start = central.last_seq()
    from bbms_central import push as push_module

    real = push_module._apply_new

    def breaks_for_bad(ctx, one, now):
        entries = real(ctx, one, now)  # applied to the group's state, then a bug: it must be undone
        if one.device.id == bad.id:
            raise RuntimeError("a bug after applying")
        return entries

    monkeypatch.setattr(push_module, "_apply_new", breaks_for_bad)
    groups = GroupCommit(central.db)
    broken, fine = request(bad, [donor(bad)]), request(good, [donor(good)])
    answers = groups._apply([(bad.id, broken), (good.id, fine)])
    assert isinstance(answers[0], RuntimeError)
    assert [r.version for r in answers[1].results] == [start + 1]  # numbered as if the broken one never ran
    assert central.last_seq() == start + 1
    assert central.row(broken.ops[0].row_id) is None
    assert central.row(fine.ops[0].row_id) is not None
    with central.db.read() as session:
        assert session.get(DeviceRow, bad.id).last_op_seq == 0  # its ops were not taken: it pushes them again
        assert session.get(DeviceRow, good.id).last_op_seq == 1


def test_a_group_whose_write_the_database_refuses_is_applied_again_push_by_push(central, monkeypatch):
    """The batch is written in one go; if the database refuses that write, the group's savepoint is rolled back and
    its pushes are applied again one by one, so only the push the database refuses is answered with the error."""
    from bbms_central import push as push_module

    central.add_centre("DL-RKS")
    devices = [central.enrol("DL-RKS") for _ in range(3)]
    start = central.last_seq()
    pushes = [request(device, [donor(device), donor(device)]) for device in devices]
    refused_row = pushes[1].ops[0].row_id
    real = push_module.insert_many
    writes: list[int] = []

    def refuses_one_row(session, table, rows):
        if table.name == "rows":
            writes.append(len(rows))
            if any(row["id"] == refused_row for row in rows):
                raise IntegrityError("INSERT INTO rows", {}, Exception("simulated refusal"))
        return real(session, table, rows)

    monkeypatch.setattr(push_module, "insert_many", refuses_one_row)
    answers = GroupCommit(central.db)._apply([(d.id, p) for d, p in zip(devices, pushes, strict=True)])
    assert writes == [6, 2, 2, 2]  # the batch, then each push alone
    assert isinstance(answers[1], IntegrityError)
    assert [r.version for r in answers[0].results] == [start + 1, start + 2]
    assert [r.version for r in answers[2].results] == [start + 3, start + 4]
    assert central.last_seq() == start + 4
    assert central.row(refused_row) is None and central.row(pushes[1].ops[1].row_id) is None
    assert all(central.row(op.row_id) is not None for push in (pushes[0], pushes[2]) for op in push.ops)


def test_a_device_twice_in_a_group_has_its_later_push_applied_after_the_earlier_one(central):
    """A retry can arrive while the first push still waits: the second is applied after the first is written, so
    its replayed ops are answered from the op log and its new ones follow on."""
    central.add_centre("DL-RKS")
    device, other = central.enrol("DL-RKS"), central.enrol("DL-RKS")
    start = central.last_seq()
    first_ops = [donor(device), donor(device)]
    first = request(device, first_ops)
    retry = request(device, [*first_ops, donor(device), donor(device)])  # the same two, and two more
    same_again = request(device, first_ops)
    others = request(other, [donor(other)])
    group = [(device.id, first), (other.id, others), (device.id, retry), (device.id, same_again)]
    answers = GroupCommit(central.db)._apply(group)
    assert not any(isinstance(answer, Exception) for answer in answers)
    taken = [r.version for r in answers[0].results]
    assert taken == [start + 1, start + 2] and [r.version for r in answers[1].results] == [start + 3]
    assert [r.version for r in answers[2].results] == [*taken, start + 4, start + 5]
    assert [r.version for r in answers[3].results] == taken
    assert answers[2].last_op_seq == answers[3].last_op_seq == 4
    assert central.last_seq() == start + 5


def test_a_group_of_pushes_takes_as_many_statements_as_one_push(central):
    """The batch: the rows, keys, own versions and donor keys of all the pushes are read together and written
    together, so twenty centres' pushes cost the database the statements of one."""
    from sqlalchemy import event

    central.add_centre("DL-RKS")
    devices = [central.enrol("DL-RKS") for _ in range(21)]
    signed_in = {device.id: push_module.SignedIn(device.centre_id, False) for device in devices}
    groups = GroupCommit(central.db)
    statements: list[str] = []

    def counted(_connection, _cursor, statement, *_args):
        statements.append(statement)

    def count(group):
        statements.clear()
        event.listen(central.db.engine, "before_cursor_execute", counted)
        try:
            answers = groups._apply(group, signed_in)
        finally:
            event.remove(central.db.engine, "before_cursor_execute", counted)
        assert not any(isinstance(answer, Exception) for answer in answers)
        return len(statements)

    one = count([(devices[0].id, request(devices[0], [donor(devices[0]), donor(devices[0])]))])
    twenty = count([(d.id, request(d, [donor(d), donor(d)])) for d in devices[1:]])
    assert twenty == one


def test_a_group_of_both_worlds_flags_a_shared_identity_only_within_its_world(central):
    """Pushes of production and training centres can share a group: a training donor never flags a production one."""
    from sqlalchemy import select

    from bbms_central.models import DuplicateFlag

    central.add_centre("DL-RKS")
    central.add_centre("TR-DEMO", training=True)
    first, second = central.enrol("DL-RKS"), central.enrol("DL-RKS")
    trainee = central.enrol("TR-DEMO", training=True)
    same = {"mobile": "9876543210"}
    pushes = [(d, request(d, [donor(d, **same)])) for d in (first, trainee, second)]
    answers = GroupCommit(central.db)._apply([(d.id, p) for d, p in pushes])
    assert not any(isinstance(answer, Exception) for answer in answers)
    ids = {d.id: uuid.UUID(str(p.ops[0].row_id)) for d, p in pushes}
    with central.db.read() as session:
        flagged = {
            frozenset(pair) for pair in session.execute(select(DuplicateFlag.donor_id, DuplicateFlag.other_donor_id))
        }
    assert flagged == {frozenset((ids[first.id], ids[second.id]))}


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
