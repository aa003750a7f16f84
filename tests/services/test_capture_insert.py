"""Capture inserts a flush's new synced rows itself (``uow._insert_new_rows``): parents first, the objects loaded
afterwards, and the ORM's own insert for any flush it cannot take whole. What is stored is held to the ORM's bytes by
tests/services/test_capture_golden.py; these are the cases a demo dataset does not reach."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from bbms_desktop.models import DeadLetter, Deferral, Donor, OutboxOp
from bbms_desktop.rules.vocabulary import DonorType, Sex
from bbms_desktop.services import uow as uow_module

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _donor(number: str, centre_id) -> Donor:
    return Donor(
        donor_number=number,
        given_name="Asha",
        family_name="Verma",
        name_key="asha verma",
        family_key="verma",
        sex=Sex.FEMALE,
        date_of_birth=date(1990, 1, 1),
        donor_type=DonorType.VOLUNTARY,
        consent_given_at=NOW,
        centre_id=centre_id,
    )


def _deferral(donor: Donor, actor) -> Deferral:
    return Deferral(
        donor_id=donor.id,
        reason_code="low_hb",
        permanent=False,
        starts_on=date(2026, 3, 10),
        until=date(2026, 4, 10),
        decided_by_id=actor.user_id,
        centre_id=actor.centre_id,
    )


def _count(db, table: str) -> int:
    connection = sqlite3.connect(db.path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_a_child_added_before_its_parent_is_inserted_after_it(db, admin):
    # foreign keys are checked at once (PRAGMA foreign_keys=ON): the deferral's row needs its donor's row first
    with db.unit_of_work(admin, now=NOW) as uow:
        donor = _donor("DL-RKS-0000901", admin.centre_id)
        donor.id = uow_module.new_id()
        uow.add(_deferral(donor, admin))
        uow.add(donor)
        uow.session.flush()
        assert inspect(donor).persistent and not uow.session.new
    assert _count(db, "donors") == 1 and _count(db, "deferrals") == 1


def test_inserted_rows_are_loaded_objects_and_later_changes_are_captured_as_updates(db, admin):
    with db.unit_of_work(admin, now=NOW) as uow:
        donor = uow.add(_donor("DL-RKS-0000902", admin.centre_id))
        uow.session.flush()
        state = inspect(donor)
        assert state.persistent and not state.modified
        assert donor.guardian_name is None  # never set: stored as NULL, read back on first use
        donor.mobile = "9876543210"
    with db.read() as session:
        ops = session.query(OutboxOp.entity, OutboxOp.kind, OutboxOp.fields).order_by(OutboxOp.op_seq).all()
    donor_ops = [(kind.value, sorted(fields)) for entity, kind, fields in ops if entity == "donors"]
    assert donor_ops[0][0] == "insert"
    assert donor_ops[1] == ("update", ["mobile", "updated_at"])


def test_a_flush_with_a_row_of_another_kind_is_left_to_the_orm_whole(db, admin, monkeypatch):
    taken = []
    real = uow_module.insert_many

    def spy(session, table, rows):
        taken.append(table.name)
        real(session, table, rows)

    monkeypatch.setattr(uow_module, "insert_many", spy)
    with db.unit_of_work(admin, now=NOW) as uow:
        uow.add(_donor("DL-RKS-0000903", admin.centre_id))
        uow.session.add(
            DeadLetter(
                op_seq=1,
                op_id=uow_module.new_id(),
                tx=1,
                entity="donors",
                row_id=uow_module.new_id(),
                kind="insert",
                fields={},
                code="rejected",
                message="a dead letter, not a synced row",
                rejected_at=NOW,
            )
        )
    assert "donors" not in taken  # the ORM inserted both
    assert _count(db, "donors") == 1 and _count(db, "dead_letters") == 1


def test_a_refused_row_saves_nothing_of_the_unit_of_work(db, admin):
    with db.unit_of_work(admin, now=NOW) as uow:
        uow.add(_donor("DL-RKS-0000904", admin.centre_id))
    before = {table: _count(db, table) for table in ("donors", "outbox", "audit_events")}
    with pytest.raises(IntegrityError) as refused, db.unit_of_work(admin, now=NOW) as uow:
        uow.add(_donor("DL-RKS-0000905", admin.centre_id))
        uow.add(_donor("DL-RKS-0000904", admin.centre_id))  # the same donor number: refused by its unique index
        uow.audit("register_donor")
    assert {table: _count(db, table) for table in before} == before
    # the error names the constraint, never the donor: what it says may reach the profile's error log
    assert "donor_number" in str(refused.value) and "Asha" not in str(refused.value)
