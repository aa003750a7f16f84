"""Bugs the convergence machine (test_convergence_machine.py) found, each at its smallest, against a real server.

All four are fixed: a return must end an issue the server holds, and an issued unit moves only with a return of
its issue in the same transaction (bbms_central.push); a refused insert that clashes on a unique key makes way for
the server's row (sync.engine); units in stock whose clearance a pull took away are held (sync.engine after each
pull, services.components.hold_uncleared_stock).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bbms_desktop.models import Component, ComponentReturn, DeadLetter, Issue, LabResultSet, utcnow
from bbms_desktop.rules.vocabulary import ComponentStatus, TtiResult
from bbms_desktop.services import components, lab, transfusion

from ..services.test_safety_invariants import _result_form
from .harness import CentralServer, central_cli, enrol_device
from .test_end_to_end import bleed, issue_plasma, register, release_units


@pytest.fixture
def centre(tmp_path):
    """One centre's desk and camp laptop on a real server (SQLite)."""
    database = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    central_cli(database, "init")
    server = CentralServer(database, tmp_path)
    code = server.add_centre("DL-AIIMS", "AIIMS Blood Centre, New Delhi", "G1111")["enrolment_code"]
    server.start()
    desk = camp = None
    try:
        desk = enrol_device(server, tmp_path, "desk", "DL-AIIMS", code)
        camp = enrol_device(server, tmp_path, "camp", "DL-AIIMS", server.new_enrolment("DL-AIIMS"))
        yield desk, camp
    finally:
        for device in (desk, camp):
            if device is not None:
                device.close()
        server.stop()


def test_a_counter_taking_back_a_unit_it_could_not_issue_does_not_move_the_unit_out_on_the_other_issue(centre):
    """Found by the machine (fixed): both counters issue the same plasma offline; the camp laptop, second to sync,
    also takes its unit back (cold chain broken: discarded) before syncing. Its issue is refused; the server used to
    take the return all the same, and discarded the unit that was out with the desk's patient."""
    desk, camp = centre
    _red_cells, plasma = release_units(desk, bleed(desk, register(desk, "Esha", "9810000011")))
    desk.sync()
    camp.sync()
    issue_plasma(desk, plasma, "Kamla Devi")
    issue_plasma(camp, plasma, "Sarla Devi")
    with camp.db.read() as session:
        camp_issue = session.scalars(select(Issue.id).where(Issue.component_id == plasma)).one()
    with camp.db.unit_of_work(camp.staff["issue_counter"]) as uow:
        transfusion.return_unit(
            uow, camp_issue, returned_at=uow.now, cold_chain_maintained=False, seal_intact=True, reason="Not used"
        )
    desk.sync()
    camp.sync()
    desk.sync()

    for device in (desk, camp):
        with device.db.read() as session:
            assert session.get(Component, plasma).status == ComponentStatus.ISSUED, device.name
            standing = session.scalars(
                select(Issue).where(Issue.component_id == plasma, Issue.voided_at.is_(None))
            ).all()
            assert [issue.id for issue in standing] != [camp_issue] and len(standing) == 1
            assert session.scalars(select(ComponentReturn).where(ComponentReturn.voided_at.is_(None))).all() == []
    with camp.db.read() as session:
        codes = {letter.entity: letter.code for letter in session.scalars(select(DeadLetter))}
        assert codes["issues"] == "rejected_with_transaction" or codes["components"] == "illegal_transition"
        assert codes["component_returns"] == "no_such_row"


def test_a_unit_discarded_on_a_machine_that_still_saw_it_in_stock_stays_with_the_patient_it_went_to(centre):
    """Found by the machine (fixed): the desk issues the plasma; the camp laptop, which still shows it in stock,
    discards it (bag leaking) before syncing. The server used to take the step issued -> discarded (legal after a
    failed return) and so took the unit from the patient; now only a return of the issue moves an issued unit."""
    desk, camp = centre
    _red_cells, plasma = release_units(desk, bleed(desk, register(desk, "Farah", "9810000012")))
    desk.sync()
    camp.sync()
    issue_plasma(desk, plasma, "Kamla Devi")
    with camp.db.unit_of_work(camp.staff["component_technician"]) as uow:
        components.discard(uow, plasma, "leaked_or_damaged", "Bag leaking at the seam")
    desk.sync()
    assert camp.sync().rejected >= 1
    desk.sync()

    for device in (desk, camp):
        with device.db.read() as session:
            assert session.get(Component, plasma).status == ComponentStatus.ISSUED, device.name
    with camp.db.read() as session:
        assert {letter.code for letter in session.scalars(select(DeadLetter))} >= {"illegal_transition"}


def test_two_machines_separating_the_same_bag_both_keep_syncing(centre):
    """Found by the machine (fixed): the camp laptop's units, refused because the desk's hold the same (donation,
    component, division), stayed on the laptop and blocked the desk's units from ever being pulled there (every sync
    failed on the unique key). Now a refused insert that clashes makes way: it leaves the machine, its whole content
    kept in the dead-letter list, and the server's rows come down."""
    desk, camp = centre
    donation = bleed(desk, register(desk, "Amit", "9810000001"))
    desk.sync()
    camp.sync()
    # both machines separate the same bag while offline (a duplicate entry); the server keeps the first
    for device in (desk, camp):
        with device.db.unit_of_work(device.staff["component_technician"]) as uow:
            components.separate(uow, donation, [("PRBC_SAGM", 280), ("FFP", 220)])
    desk.sync()
    assert camp.sync().rejected >= 2  # the camp's units clash with the desk's on (donation, code, division)
    camp.sync()  # today: sqlite3.IntegrityError, UNIQUE constraint failed: components.donation_id, code, division
    with desk.db.read() as session:
        at_desk = set(session.scalars(select(Component.id)))
    with camp.db.read() as session:
        assert at_desk == set(session.scalars(select(Component.id)))
        letters = session.scalars(select(DeadLetter).where(DeadLetter.entity == "components")).all()
        assert len(letters) == 2 and {letter.fields["code"] for letter in letters} == {"PRBC_SAGM", "FFP"}
        assert "row_exists" in {letter.code for letter in letters}
    assert camp.sync().caught_up and desk.sync().caught_up


def test_first_results_entered_on_two_machines_never_leave_a_unit_in_stock_uncleared(centre):
    """Found by the machine (fixed): two machines enter first results for one donation; the later, unverified set
    becomes current everywhere after sync, and the units released on the earlier one must leave stock until the
    laboratory settles it (a reactive result here must never be outvoted by a clean one)."""
    desk, camp = centre
    donation = bleed(desk, register(desk, "Bina", "9810000002"))
    desk.sync()
    camp.sync()
    # offline, the desk enters the donation's results, clean, has them verified and releases the units; a little
    # later the camp laptop enters results for the same donation, reactive (it has not seen the desk's)
    release_units(desk, donation)
    with camp.db.unit_of_work(camp.staff["lab_technician"], utcnow() + timedelta(minutes=30)) as uow:
        lab.record_results(uow, donation, _result_form("O+", ("hiv", TtiResult.REACTIVE), None))
    for device in (desk, camp, desk, camp):
        device.sync()
    for device in (desk, camp):
        with device.db.read() as session:
            assert len(session.scalars(select(LabResultSet)).all()) == 2
            in_stock = session.scalars(
                select(Component).where(Component.status.in_([ComponentStatus.AVAILABLE, ComponentStatus.RESERVED]))
            ).all()
            blocked = [unit.code for unit in in_stock if components.release_blockers(session, unit)]
            assert not blocked, f"{device.name}: units in stock whose current results are not cleared: {blocked}"
