"""Two centres and a camp laptop against a real central server process, on SQLite and on PostgreSQL.

Each device works offline through the services (nothing written by hand), then they sync in various orders. After
enough syncs every replica agrees with the server: the same rows, once each; a deferral made at one centre stops the
donor at another; a unit issued on one device cannot be issued again on another (the second issue comes back
rejected and waits in that device's dead-letter list).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bbms_desktop.errors import DomainError
from bbms_desktop.models import SYNCED_MODELS, Component, DeadLetter, Deferral, Donation, Donor, Issue, OutboxOp, utcnow
from bbms_desktop.models.codec import row_fields
from bbms_desktop.rules.vocabulary import BagType, ComponentStatus, ScreeningOutcome, Urgency
from bbms_desktop.services import collection, components, donors, lab, screening, transfusion
from bbms_desktop.services.donors import local_date
from bbms_desktop.sync import protocol

from ..services.test_safety_invariants import _request_form, _result_form, _screening_form
from .harness import Device, enrol_device, two_centre_server

COMPARED = [m for m in SYNCED_MODELS if m.__tablename__ not in protocol.PUSH_ONLY]


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request, tmp_path):
    with two_centre_server(request.param, tmp_path) as server:
        yield server


@pytest.fixture
def devices(central, tmp_path):
    centres = central.centres
    made = {
        "a": enrol_device(central, tmp_path, "aiims-desk", "DL-AIIMS", centres["DL-AIIMS"]["enrolment_code"]),
        "camp": enrol_device(central, tmp_path, "aiims-camp-laptop", "DL-AIIMS", central.new_enrolment("DL-AIIMS")),
        "b": enrol_device(central, tmp_path, "kgmu-desk", "UP-KGMU", centres["UP-KGMU"]["enrolment_code"]),
    }
    yield made
    for device in made.values():
        device.close()


# ---------------------------------------------------------------------------------------------------------------------
# workflows, through the services


def register(device: Device, name: str, mobile: str, dob=date(1991, 3, 4), sex="M") -> uuid.UUID:
    form = donors.DonorForm(
        given_name=name, family_name="Verma", sex=sex, date_of_birth=dob, mobile=mobile, consent=True
    )
    with device.db.unit_of_work(device.staff["registrar"]) as uow:
        return donors.register_donor(uow, form).id


def bleed(device: Device, donor_id: uuid.UUID) -> uuid.UUID:
    """Screened an hour ago and bled at once (the lab and the components follow now)."""
    screened_at = utcnow() - timedelta(hours=1)
    if local_date(screened_at) != local_date(screened_at + timedelta(minutes=20)):
        # just after midnight the bleed would fall on the day after the screening, which collection rightly refuses
        screened_at -= timedelta(hours=1)
    with device.db.unit_of_work(device.staff["medical_officer"], screened_at) as uow:
        visit = screening.screen(uow, donor_id, _screening_form(None, "M"))
    assert visit.outcome == ScreeningOutcome.ELIGIBLE
    with device.db.unit_of_work(device.staff["phlebotomist"], screened_at + timedelta(minutes=20)) as uow:
        start = screened_at + timedelta(minutes=5)
        form = collection.CollectionForm(
            bag_type=BagType.QUADRUPLE_SAGM,
            bag_volume_ml=450,
            collected_volume_ml=452,
            bleed_start=start,
            bleed_end=start + timedelta(minutes=8),
        )
        return collection.collect(uow, visit.visit_id, form).id


def release_units(device: Device, donation_id: uuid.UUID) -> list[uuid.UUID]:
    with device.db.unit_of_work(device.staff["lab_technician"]) as uow:
        results = lab.record_results(uow, donation_id, _result_form("O+", None, None))
    with device.db.unit_of_work(device.staff["lab_technician_2"]) as uow:
        lab.verify(uow, results.result_set_id)
    with device.db.unit_of_work(device.staff["component_technician"]) as uow:
        return [c.id for c in components.separate(uow, donation_id, [("PRBC_SAGM", 280), ("FFP", 220)])]


def issue_plasma(device: Device, unit_id: uuid.UUID, patient: str) -> None:
    """A request for a patient, then the issue of the unit to it (two steps at the counter)."""
    with device.db.unit_of_work(device.staff["issue_counter"]) as uow:
        form = replace(_request_form("FFP", "O+", "F", 41, 1, Urgency.ROUTINE, False), patient_name=patient)
        request = transfusion.create_request(uow, form)
    with device.db.unit_of_work(device.staff["issue_counter"]) as uow:
        transfusion.issue(uow, request.request_id, unit_id, "Ward attendant Ramesh")


def snapshot(device: Device, owner: str | None = None) -> dict[str, dict[uuid.UUID, dict]]:
    """Every pulled entity's rows as plain values (``owner``: only that centre's rows and the shared ones)."""
    with device.db.read() as session:
        centre_ids = {c.code: c.id for c in session.scalars(select(SYNCED_MODELS[0]))}
        tables = {}
        for model in COMPARED:
            rows = session.scalars(select(model)).all()
            if owner is not None and hasattr(model, "centre_id") and model.__tablename__ != "deferrals":
                rows = [r for r in rows if r.centre_id == centre_ids[owner]]
            tables[model.__tablename__] = {r.id: row_fields(r) for r in rows}
        return tables


def sync_all(devices: dict[str, Device], order: list[str]) -> None:
    for name in order:
        devices[name].sync()


# ---------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1])
def test_records_made_offline_on_three_devices_converge_and_a_deferral_stops_the_donor_elsewhere(devices, seed):
    a, camp, b = devices["a"], devices["camp"], devices["b"]
    # offline: the centre's desk, its camp laptop and another centre each work on their own
    desk_donations = [bleed(a, register(a, "Amit", "9810000001")), bleed(a, register(a, "Bina", "9810000002", sex="M"))]
    units = release_units(a, desk_donations[0])
    camp_donations = [bleed(camp, register(camp, f"Camp{i}", f"98200000{i:02d}")) for i in range(1, 4)]
    deferred_at_kgmu = register(b, "Chandan", "9830000001", dob=date(1985, 1, 2))
    with b.db.unit_of_work(b.staff["medical_officer"]) as uow:
        screening.defer_donor(uow, deferred_at_kgmu, "HIGH_RISK_BEHAVIOUR", permanent=True, detail="Declared at KGMU")
    kgmu_donation = bleed(b, register(b, "Deepa", "9830000002", sex="M"))

    order = ["a", "camp", "b"]
    random.Random(seed).shuffle(order)
    sync_all(devices, order + order)  # the second round brings each what the others pushed after it pulled
    for device in devices.values():
        assert device.sync().caught_up
        assert device.summaries[-1].pulled == 0 and device.summaries[-1].rejected == 0

    # the desk and the camp laptop of one centre hold exactly the same records
    assert snapshot(a) == snapshot(camp)
    # each record once: every donation made on the centre's two machines, and no DIN twice
    with a.db.read() as session:
        dins = session.scalars(select(Donation.din)).all()
        assert set(session.scalars(select(Donation.id))) == set(desk_donations + camp_donations)
    assert len(dins) == len(set(dins)) == 5
    # the other centre sees none of the centre's donations or units, but its donor registry and its deferrals
    kgmu = snapshot(b)
    assert set(kgmu["donations"]) == {kgmu_donation}
    assert set(kgmu["components"]) == set()
    assert {d["id"] for d in snapshot(a, owner="DL-AIIMS")["donors"].values()} <= {str(i) for i in kgmu["donors"]}
    for device in devices.values():
        with device.db.read() as session:
            assert [d.donor_id for d in session.scalars(select(Deferral))] == [deferred_at_kgmu]
    # what another centre sees of a donor is the shared registry, not the address or the ABHA id
    with a.db.read() as session:
        chandan = session.get(Donor, deferred_at_kgmu)
        assert (chandan.given_name, chandan.mobile, chandan.address) == ("Chandan", "9830000001", None)

    # the donor deferred at KGMU walks into the AIIMS camp: screening there defers him, and no bag can be taken
    with camp.db.unit_of_work(camp.staff["medical_officer"]) as uow:
        visit = screening.screen(uow, deferred_at_kgmu, _screening_form(None, "M"))
    assert visit.outcome == ScreeningOutcome.DEFERRED
    with pytest.raises(DomainError), camp.db.unit_of_work(camp.staff["phlebotomist"]) as uow:
        start = uow.now
        form = collection.CollectionForm(
            bag_type=BagType.TRIPLE, bag_volume_ml=450, collected_volume_ml=450, bleed_start=start, bleed_end=start
        )
        collection.collect(uow, visit.visit_id, form)
    assert units  # (the desk's units are checked in the next test)


def test_a_unit_issued_on_one_device_cannot_be_issued_again_on_another(devices):
    a, camp, b = devices["a"], devices["camp"], devices["b"]
    _red_cells, plasma = release_units(a, bleed(a, register(a, "Esha", "9810000011", sex="M")))
    a.sync()
    camp.sync()
    with camp.db.read() as session:
        assert session.get(Component, plasma).status == ComponentStatus.AVAILABLE

    # both machines are offline and both give the same unit of plasma to a patient
    issue_plasma(a, plasma, "Kamla Devi")
    issue_plasma(camp, plasma, "Sarla Devi")
    assert a.sync().rejected == 0
    second = camp.sync()
    assert second.rejected >= 1

    with camp.db.read() as session:
        letters = session.scalars(select(DeadLetter)).all()
        assert "illegal_transition" in {letter.code for letter in letters}
        status_letter = next(letter for letter in letters if letter.code == "illegal_transition")
        assert status_letter.row_id == plasma and status_letter.server_row["status"] == "issued"
        # the camp laptop now shows the server's truth: one issue of the unit stands, its own is voided with the reason
        issues = session.scalars(select(Issue).where(Issue.component_id == plasma)).all()
        standing = [i for i in issues if i.voided_at is None]
        assert len(standing) == 1 and len(issues) == 2
        refused = next(i for i in issues if i.voided_at is not None)
        assert refused.void_reason.startswith("Refused by the central server")
        assert session.get(Component, plasma).status == ComponentStatus.ISSUED
        assert session.scalars(select(OutboxOp).where(OutboxOp.state == "pending")).all() == []
    a.sync()
    assert snapshot(a, owner="DL-AIIMS")["issues"] == {
        i: row for i, row in snapshot(camp, owner="DL-AIIMS")["issues"].items() if row["voided_at"] is None
    }
    # and the other centre never sees the unit or the patients
    b.sync()
    with b.db.read() as session:
        assert session.get(Component, plasma) is None
        assert session.scalars(select(Issue)).all() == []
