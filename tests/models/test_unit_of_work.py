from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from bbms_desktop.errors import NotPermitted, StateError
from bbms_desktop.models import AuditEvent, Centre, DeviceState, OutboxOp, User
from bbms_desktop.services import accounts
from bbms_desktop.services.uow import verify_audit_chain

from ..conftest import PASSWORD


def _outbox(db):
    with db.read() as s:
        return s.scalars(select(OutboxOp).order_by(OutboxOp.op_seq)).all()


def test_setting_up_a_centre_captures_every_row_into_the_outbox_with_increasing_op_seq(db, admin):
    ops = _outbox(db)
    assert [op.op_seq for op in ops] == list(range(1, len(ops) + 1))
    entities = [op.entity for op in ops]
    assert "centres" in entities and "users" in entities and "audit_events" in entities
    centre_op = next(op for op in ops if op.entity == "centres")
    assert centre_op.kind == "insert" and centre_op.fields["fin"] == "G1234"
    assert centre_op.fields["is_training"] is False  # python-side defaults are captured too


def test_an_edit_is_captured_as_an_update_of_only_the_changed_fields(db, admin):
    before = len(_outbox(db))
    with db.unit_of_work(admin) as uow:
        user = uow.session.get(User, admin.user_id)
        user.full_name = "Dr. Meera Sharma"
    ops = _outbox(db)[before:]
    assert [(op.entity, op.kind) for op in ops] == [("users", "update")]
    assert set(ops[0].fields) == {"full_name", "updated_at"}


def test_rows_are_created_at_the_unit_of_works_time_not_the_wall_clock(db, admin):
    """A unit of work with its own clock (demo histories, training scenarios, replays) dates what it creates by that
    clock: a deferral made "on 1 March" must not look as if it was recorded today (found by the invariant machine:
    created_at took its column default, the wall clock, while updated_at took the unit of work's time)."""
    at = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    with db.unit_of_work(admin, at) as uow:
        user = accounts.create_user(uow, username="asha", full_name="Asha Verma", role="registrar", password=PASSWORD)
    with db.read() as s:
        row = s.get(User, user.user_id)
        assert row.created_at == at and row.updated_at == at
        op = s.scalars(select(OutboxOp).where(OutboxOp.entity == "users", OutboxOp.row_id == row.id)).one()
        assert op.fields["created_at"] == op.fields["updated_at"]


def test_an_error_inside_a_unit_of_work_saves_nothing(db, admin):
    before = len(_outbox(db))
    with pytest.raises(RuntimeError), db.unit_of_work(admin) as uow:
        uow.session.get(User, admin.user_id).full_name = "half saved"
        uow.session.flush()
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.get(User, admin.user_id).full_name == "Dr. Meera Admin"
    assert len(_outbox(db)) == before


def test_synced_records_can_never_be_deleted_through_the_orm(db, admin):
    with pytest.raises(StateError), db.unit_of_work(admin) as uow:
        uow.session.delete(uow.session.get(User, admin.user_id))
        uow.session.flush()


def test_synced_records_can_never_be_deleted_in_sql_either(db, admin):
    with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM users"))


def test_the_audit_chain_verifies_and_detects_an_altered_event(db, staff, admin):
    with db.read() as s:
        device_id = s.get(DeviceState, 1).device_id
        assert s.scalar(select(func.count()).select_from(AuditEvent)) > 5
        assert verify_audit_chain(s, device_id) == []
    # even with the trigger dropped (an attacker with the file), the chain shows the edit
    with db.engine.begin() as conn:
        conn.execute(sa.text("DROP TRIGGER audit_events_never_edited"))
        conn.execute(sa.text("UPDATE audit_events SET action='tampered' WHERE device_seq=2"))
    with db.read() as s:
        assert verify_audit_chain(s, device_id) == [2]


def test_offline_login_checks_the_argon2_hash(db, staff):
    actor = accounts.authenticate(db, "lab_technician", PASSWORD)
    assert actor.role == "lab_technician"
    with pytest.raises(NotPermitted):
        accounts.authenticate(db, "lab_technician", "wrong password")
    with pytest.raises(NotPermitted):
        accounts.authenticate(db, "nobody", PASSWORD)


def test_a_role_without_the_permission_cannot_create_users(db, staff):
    with pytest.raises(NotPermitted), db.unit_of_work(staff["phlebotomist"]) as uow:
        accounts.create_user(uow, username="x", full_name="X", role="registrar", password=PASSWORD)


def test_the_centre_cannot_be_set_up_twice(db, admin):
    with pytest.raises(Exception, match="already set up"):
        accounts.set_up_standalone(
            db, code="X", name="Y", fin="G9999", admin_username="a", admin_name="A", admin_password=PASSWORD
        )
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Centre)) == 1


def test_a_unit_of_work_takes_the_write_lock_when_it_begins_not_at_its_first_write(db, admin):
    """Writers BEGIN IMMEDIATE (models/db.py does it in its own Connection class, not an engine event): a second
    writer waits at its BEGIN instead of failing later with a busy snapshot. A change of SQLAlchemy's internals that
    silently dropped the IMMEDIATE would let this other connection begin."""
    import sqlite3

    with db.unit_of_work(admin) as uow:
        uow.session.scalar(select(func.count()).select_from(Centre))  # a read only: a deferred BEGIN takes no lock
        other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    with db.remote_apply() as session:
        session.scalar(select(func.count()).select_from(Centre))
        other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
