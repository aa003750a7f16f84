"""The sync page's read side: the installation, refused changes with what to do about each, donors to review."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from bbms_desktop.errors import InvalidInput, NotPermitted, StateError
from bbms_desktop.models import AuditEvent, DeadLetter, DeviceState, Donor
from bbms_desktop.services import sync_views
from bbms_desktop.services.profile import head_revision

from ..conftest import NOW
from .factories import make_component, make_donation, make_donor


def _dead_letter(db, *, op_seq, entity, row_id, code, fields, kind="update", server_row=None, message="refused"):
    with db.remote_apply() as session:
        letter = DeadLetter(
            op_seq=op_seq,
            op_id=uuid.uuid4(),
            tx=op_seq,
            entity=entity,
            row_id=row_id,
            kind=kind,
            fields=fields,
            code=code,
            message=message,
            server_row=server_row,
            rejected_at=NOW + timedelta(minutes=op_seq),
        )
        session.add(letter)
        session.flush()
        return letter.id


def test_installation_of_a_standalone_profile(db, staff):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        make_donor(uow)
    with db.read() as session:
        info = sync_views.installation(session)
        device_id = session.get(DeviceState, 1).device_id
    assert info.device_id == device_id
    assert not info.enrolled and info.server_url is None
    assert info.schema_revision == head_revision()
    assert info.pending >= 2  # the donor and its audit event wait in the outbox
    assert (info.dead_letters, info.donors_to_review) == (0, 0)


def test_each_refused_change_says_what_it_was_what_happened_here_and_what_to_do(db, staff):
    with db.unit_of_work(staff["component_technician"], now=NOW) as uow:
        donation = make_donation(uow)
        unit = make_component(uow, donation)
        unit_id, din = unit.id, donation.din
        voided_donor = make_donor(uow)
        voided_donor.voided_at, voided_donor.void_reason = NOW, "Refused by the central server"
        voided_id, voided_number = voided_donor.id, voided_donor.donor_number
    issued = _dead_letter(
        db,
        op_seq=7,
        entity="components",
        row_id=unit_id,
        code="illegal_transition",
        fields={"status": "issued"},
        server_row={"id": str(unit_id), "din": din, "status": "discarded"},
        message="a discarded unit cannot be issued",
    )
    _dead_letter(
        db,
        op_seq=8,
        entity="components",
        row_id=uuid.uuid4(),
        code="row_exists",
        kind="insert",
        fields={"din": "G123426999999", "code": "FFP"},
    )
    _dead_letter(db, op_seq=9, entity="donors", row_id=voided_id, code="bad_value", kind="insert", fields={})
    _dead_letter(db, op_seq=10, entity="mystery", row_id=uuid.uuid4(), code="something_new", fields={})
    with db.read() as session:
        rows = sync_views.dead_letters(session)
    assert [row.op_seq for row in rows] == [10, 9, 8, 7]  # newest first
    mystery, donor, clash, unit_row = rows
    assert unit_row.id == issued
    assert (unit_row.entity_label, unit_row.record, unit_row.code) == (
        sync_views.ENTITY_LABELS["components"],
        din,
        "illegal_transition",
    )
    assert unit_row.outcome == sync_views.REPLACED
    assert "Another computer changed this unit first" in unit_row.advice.render()
    assert unit_row.message == "a discarded unit cannot be issued"
    assert (clash.record, clash.outcome) == ("G123426999999", sync_views.WITHDRAWN)
    assert "already made on another computer" in clash.advice.render()
    assert (donor.record, donor.outcome) == (voided_number, sync_views.VOIDED)  # named from the record kept here
    assert "older than the server" in donor.advice.render()
    assert mystery.entity_label.render() == "Record (mystery)"
    assert "Tell your administrator" in mystery.advice.render()
    with db.read() as session:
        assert sync_views.installation(session).dead_letters == 4


def test_a_refused_change_is_marked_dealt_with_by_quality_keeping_it_and_auditing_it(db, staff):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        donor_id = make_donor(uow).id
    letter = _dead_letter(db, op_seq=3, entity="donors", row_id=donor_id, code="not_your_centre", fields={})
    with pytest.raises(NotPermitted), db.unit_of_work(staff["registrar"], now=NOW) as uow:
        sync_views.resolve_dead_letter(uow, letter, "asked them")
    with pytest.raises(InvalidInput), db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
        sync_views.resolve_dead_letter(uow, letter, "   ")
    with db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
        done = sync_views.resolve_dead_letter(uow, letter, "Phoned the  owning centre; they corrected the mobile.")
    assert done.op_seq == 3
    with pytest.raises(StateError), db.unit_of_work(staff["quality_admin"], now=NOW) as uow:
        sync_views.resolve_dead_letter(uow, letter, "again")
    with db.read() as session:
        assert sync_views.dead_letters(session) == []
        [kept] = sync_views.dead_letters(session, include_resolved=True)
        assert kept.id == letter
        row = session.get(DeadLetter, letter)
        assert row.resolution == "Phoned the owning centre; they corrected the mobile."
        assert row.resolved_at == NOW
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "resolve_dead_letter")).one()
        assert event.details["op_seq"] == 3


def test_donors_flagged_for_review_are_listed_newest_change_first(db, staff):
    with db.unit_of_work(staff["registrar"], now=NOW) as uow:
        first = make_donor(uow, name="Asha", family="Patil")
        make_donor(uow, name="Not", family="Flagged")
    with db.unit_of_work(staff["registrar"], now=NOW + timedelta(hours=1)) as uow:
        second = make_donor(uow, name="Vikram", family="Rao")
    with db.remote_apply() as session:  # as a pull marks them after a conflict on the server
        for donor_id, changed in ((first.id, NOW), (second.id, NOW + timedelta(hours=1))):
            donor = session.get(Donor, donor_id)
            donor.needs_review, donor.updated_at = True, changed
    with db.read() as session:
        rows = sync_views.donors_to_review(session)
    assert [row.name for row in rows] == ["Vikram Rao", "Asha Patil"]
    assert rows[0].donor_number == second.donor_number
