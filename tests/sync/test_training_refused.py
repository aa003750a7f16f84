"""A training sandbox never syncs with a production centre: the client refuses before any request, and the real
server process refuses a training device at a production centre whatever the client does (principle 15)."""

from __future__ import annotations

import platform
import sqlite3
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from bbms_desktop.errors import DomainError
from bbms_desktop.models import DeviceState, Donor
from bbms_desktop.services import accounts, donors
from bbms_desktop.services.profile import open_profile
from bbms_desktop.sync import protocol
from bbms_desktop.sync.client import enrol, sync_once
from bbms_desktop.sync.transport import ServerRefused, Transport

from .harness import PASSWORD, CentralServer, central_cli, central_database, enrol_device


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """A real server process with one production centre, DL-RKS (each test takes its own enrolment code)."""
    folder = tmp_path_factory.mktemp("central")
    with central_database("sqlite", folder) as database:
        central_cli(database, "init")
        server = CentralServer(database, folder)
        server.centres = {"DL-RKS": server.add_centre("DL-RKS", "Rakt Kosh, New Delhi", "G1234")}
        server.start()
        try:
            yield server
        finally:
            server.stop()


def central_devices(server: CentralServer) -> dict[str, bool]:
    path = server.database.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return {str(uuid.UUID(row[0])): bool(row[1]) for row in connection.execute("SELECT id, training FROM devices")}


def training_sandbox(folder):
    """A sandbox as ``--training`` makes it: a training centre, with a donor practised on."""
    db = open_profile(folder)
    _centre, admin = accounts.set_up_standalone(
        db,
        code="TRAIN-BC",
        name="Training Blood Centre",
        fin="G1234",
        admin_username="trainer",
        admin_name="Trainer",
        admin_password=PASSWORD,
        is_training=True,
    )
    with db.unit_of_work(admin) as uow:
        donors.register_donor(
            uow,
            donors.DonorForm(
                given_name="Practice", sex="F", date_of_birth=date(1995, 1, 1), mobile="9811100000", consent=True
            ),
        )
    return db


def test_the_client_never_contacts_a_server_from_a_training_sandbox(production, tmp_path):
    sandbox = tmp_path / "sandbox"
    db = training_sandbox(sandbox)
    code = production.new_enrolment("DL-RKS")
    known = central_devices(production)

    # enrolling the sandbox at the production centre, with a valid one-time code, is refused on the client
    with pytest.raises(DomainError) as refused:
        enrol(sandbox, production.url, "DL-RKS", code)
    assert refused.value.code == "training_profile"
    assert "training sandbox: it never syncs" in refused.value.render("en")

    # a sandbox pointed at the server by hand (a copied or edited profile) still never syncs
    with db.remote_apply() as session:
        session.get(DeviceState, 1).server_url = production.url
    with pytest.raises(DomainError) as refused:
        sync_once(sandbox)
    assert refused.value.code == "training_profile"
    db.dispose()

    # no request reached the server: it knows no device, and the one-time code is unspent, so a real profile enrols
    assert central_devices(production) == known
    real = enrol_device(production, tmp_path, "real-desk", "DL-RKS", code)
    try:
        assert central_devices(production) == {**known, str(real_device_id(real.db)): False}
        with real.db.read() as session:  # the practice donor is nowhere near the production centre
            assert session.scalar(select(func.count()).select_from(Donor).where(Donor.given_name == "Practice")) == 0
    finally:
        real.close()


def real_device_id(db) -> uuid.UUID:
    with db.read() as session:
        return session.get(DeviceState, 1).device_id


def test_the_server_refuses_a_training_device_at_a_production_centre(production, tmp_path):
    code = production.new_enrolment("DL-RKS")
    known = central_devices(production)

    # a client that says it is a training profile is refused enrolment at a production centre, the code unspent
    with pytest.raises(ServerRefused) as refused:
        Transport.enrol(
            production.url,
            protocol.EnrolRequest(
                centre_code="DL-RKS",
                enrolment_code=code,
                device_id=uuid.uuid4(),
                device_name=platform.node()[:200],
                training=True,
            ),
        )
    assert refused.value.status == 403 and refused.value.body.code == protocol.ErrorCode.TRAINING_MISMATCH
    assert central_devices(production) == known

    # a device row that says training at a production centre (an older server's, a repaired database's) is refused
    # everything: its token still valid, its next sync goes nowhere, and its new work stays in its outbox
    device = enrol_device(production, tmp_path, "desk", "DL-RKS", code)
    path = production.database.removeprefix("sqlite:///")
    try:
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE devices SET training = 1 WHERE id = ?", (real_device_id(device.db).hex,))
        with pytest.raises(ServerRefused) as refused:  # nothing to push: the pull itself is refused
            device.sync()
        assert refused.value.status == 403 and refused.value.body.code == protocol.ErrorCode.TRAINING_MISMATCH
        with device.db.unit_of_work(device.staff["registrar"]) as uow:
            donors.register_donor(
                uow,
                donors.DonorForm(
                    given_name="Sunil", sex="M", date_of_birth=date(1990, 5, 6), mobile="9811122233", consent=True
                ),
            )
        with pytest.raises(ServerRefused) as refused:
            device.sync()
        assert refused.value.status == 403 and refused.value.body.code == protocol.ErrorCode.TRAINING_MISMATCH
        with sqlite3.connect(path) as connection:
            stored = connection.execute("SELECT count(*) FROM rows WHERE entity = 'donors'").fetchone()[0]
        assert stored == 0
    finally:
        device.close()
