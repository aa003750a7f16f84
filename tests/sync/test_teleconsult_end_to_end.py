"""Teleconsultation, spoke to hub, against a real central server process: store-and-forward over a bad link.

A rural spoke works offline and writes three requests with their files (one a 10 MB scan); the link comes back slow
and cutting out; the hub sees the requests by specialty and priority, asks for more on one and completes two; the
spoke receives both prescriptions, ready to print. A spoke killed (SIGKILL) in the middle of sending a file loses
nothing and, started again, sends on from the server's offset: at most the one chunk in flight goes twice. Another
spoke sees none of it.
"""

from __future__ import annotations

import os
import random
import signal
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from sqlalchemy import select

from bbms_desktop.models import DeviceState, OpState, OutboxOp, Teleconsult, TeleconsultMessage, utcnow
from bbms_desktop.rules.teleconsult import ConsultStatus, UploadState
from bbms_desktop.services import accounts, teleconsult, teleconsult_views
from bbms_desktop.services.blobs import BlobStore
from bbms_desktop.services.profile import open_profile
from bbms_desktop.services.teleconsult import ConsultForm, MedicineLine, PrescriptionForm
from bbms_desktop.services.uow import Actor, Database
from bbms_desktop.sync import protocol
from bbms_desktop.sync.blobs import BlobUploader
from bbms_desktop.sync.client import enrol, transport_for
from bbms_desktop.sync.engine import SyncEngine
from bbms_desktop.sync.transport import ServerRefused, ServerUnreachable
from bbms_desktop.ui.printing.prescription import render_prescription_pdf

from .faultproxy import Fault, FaultProxy, Kind
from .harness import PASSWORD, CentralServer, central_cli, central_database

C = ConsultStatus
TEN_MB = 10 * 1024 * 1024
UPLINK_BYTES_PER_S = 5 * 1024 * 1024  # 10 MB in about two seconds
CHUNK = protocol.BLOB_CHUNK_BYTES


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    folder = tmp_path_factory.mktemp("teleconsult")
    with central_database("sqlite", folder) as database:
        central_cli(database, "init")
        for code, kind in (("UP-SPOKE-1", "spoke"), ("UP-SPOKE-2", "spoke"), ("UP-KGMU-HUB", "hub")):
            central_cli(database, "add-centre", "--code", code, "--name", f"{code} centre", "--kind", kind)
        users = [
            ("UP-SPOKE-1", "asha", "spoke_health_worker", []),
            ("UP-SPOKE-2", "sunita", "spoke_health_worker", []),
            ("UP-KGMU-HUB", "dr-verma", "hub_doctor", ["cardiology", "general_medicine"]),
            ("UP-KGMU-HUB", "dr-khan", "hub_doctor", ["dermatology"]),
        ]
        for code, username, role, specialties in users:
            extra = [arg for s in specialties for arg in ("--specialty", s)]
            if specialties:
                extra += ["--registration-number", f"UPMC-{len(username)}4711"]
            central_cli(
                database, "add-user", "--centre", code, "--username", username, "--role", role,
                "--full-name", f"Dr. {username.split('-')[-1].title()}" if specialties else username.title(),
                *extra, stdin=PASSWORD + "\n",
            )  # fmt: skip
        server = CentralServer(database, folder).start()
        try:
            yield server
        finally:
            server.stop()


@dataclass
class Site:
    profile: Path
    db: Database
    people: dict[str, Actor]

    def sync(self):
        return SyncEngine(self.db, transport_for(self.db, self.profile)).run_cycle()

    @property
    def blobs(self) -> BlobStore:
        return BlobStore.of_database(self.db.path)


def enrolled(server: CentralServer, folder: Path, name: str, code: str, url: str, *users: str) -> Site:
    code_once = server.new_enrolment(code)
    enrol(folder / name, url, code, code_once)
    db = open_profile(folder / name)
    return Site(folder / name, db, {user: accounts.authenticate(db, user, PASSWORD) for user in users})


def scan(path: Path, size: int, seed: int) -> Path:
    """A scanned report as a PDF of ``size`` bytes (incompressible, like a scan)."""
    path.write_bytes(b"%PDF-1.4\n" + random.Random(seed).randbytes(size - 9))
    return path


def photo(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (3000, 2000), colour).save(path, format="PNG")
    return path


def request(site: Site, files: list[Path], **form) -> uuid.UUID:
    worker = next(iter(site.people.values()))
    defaults = dict(
        patient_age_years=45, patient_sex="M", chief_complaints="Breathlessness", specialty="cardiology",
        priority="routine", pulse_per_min=88, bp_systolic=130, bp_diastolic=85,
    )  # fmt: skip
    with site.db.unit_of_work(worker) as uow:
        ref = teleconsult.create_draft(uow, ConsultForm(**{**defaults, **form}))
        for file in files:
            teleconsult.add_attachment(uow, site.blobs, ref.consult_id, file, "lab_report")
    with site.db.unit_of_work(worker) as uow:
        teleconsult.queue(uow, ref.consult_id)
    return ref.consult_id


def blob_puts(proxy: FaultProxy, sha256: str) -> list:
    return [e for e in proxy.of(f"/v1/blobs/{sha256}") if e.method == "PUT"]


def test_three_requests_made_offline_reach_the_hub_over_a_bad_link_and_two_prescriptions_come_back(
    central, tmp_path, qapp
):
    proxy = FaultProxy(central.port).start()
    spoke = enrolled(central, tmp_path, "spoke-1", "UP-SPOKE-1", proxy.url, "asha")
    hub = enrolled(central, tmp_path, "hub", "UP-KGMU-HUB", central.url, "dr-verma", "dr-khan")
    other = enrolled(central, tmp_path, "spoke-2", "UP-SPOKE-2", central.url, "sunita")
    port = proxy.port
    proxy.stop()  # the link goes down

    big = scan(tmp_path / "echo-report.pdf", TEN_MB, seed=1)
    chest = request(spoke, [big], patient_name="Ramesh Yadav", priority="emergency", chief_complaints="Chest pain")
    routine = request(spoke, [photo(tmp_path / "ecg.png", (250, 250, 240))], patient_name="Kamla Devi")
    skin = request(
        spoke, [photo(tmp_path / "rash.png", (200, 90, 80))], patient_name="Savitri Bai", specialty="dermatology",
        priority="urgent", chief_complaints="Itchy rash on both forearms",
    )  # fmt: skip
    with pytest.raises(ServerUnreachable):
        spoke.sync()  # offline: the work waits, nothing is lost
    with spoke.db.read() as session:
        assert {c.status for c in session.scalars(select(Teleconsult))} == {C.QUEUED}

    # the link returns: slow, and it cuts out while the big file and the requests travel
    proxy = FaultProxy(central.port).start(port)
    proxy.bytes_per_second = UPLINK_BYTES_PER_S
    big_sha = BlobStore.of_database(spoke.db.path).add_file(big).sha256
    proxy.inject("/v1/sync/push", Fault(Kind.RESET_REQUEST_BODY, fraction=0.3))
    proxy.inject(f"/v1/blobs/{big_sha}", Fault(Kind.RESET_REQUEST_BODY, fraction=0.6), skip=3)
    proxy.inject(f"/v1/blobs/{big_sha}", Fault(Kind.DROP_RESPONSE), skip=4)
    summary = spoke.sync()
    assert summary.caught_up and summary.attachments_sent == 3 and summary.rejected == 0
    assert len(proxy.fired) == 3
    resent = sum(e.sent for e in blob_puts(proxy, big_sha)) - TEN_MB
    assert 0 < resent <= 2 * CHUNK  # each cut cost at most the chunk in flight

    hub.sync()
    with hub.db.read() as session:
        verma = teleconsult_views.hub_queue(session, hub.people["dr-verma"].user_id)
        khan = teleconsult_views.hub_queue(session, hub.people["dr-khan"].user_id)
    assert [(s.consult_id, s.priority) for s in verma] == [(chest, "emergency"), (routine, "routine")]
    assert [s.consult_id for s in khan] == [skin]  # each doctor only the specialties assigned
    on_server = transport_for(hub.db, hub.profile).hub_queue(hub.people["dr-verma"].user_id)
    assert [item.consult_id for item in on_server.items] == [chest, routine]  # the server's queue agrees
    assert BlobUploader(hub.db, transport_for(hub.db, hub.profile)).fetch(big_sha) == big.read_bytes()

    verma_actor, khan_actor = hub.people["dr-verma"], hub.people["dr-khan"]
    follow_up = utcnow().date() + timedelta(days=7)
    with hub.db.unit_of_work(verma_actor) as uow:
        teleconsult.accept(uow, chest)
        teleconsult.accept(uow, routine)
    with hub.db.unit_of_work(verma_actor) as uow:
        teleconsult.ask_for_information(uow, routine, "Please send her last HbA1c and a fresh ECG.")
    with hub.db.unit_of_work(verma_actor) as uow:
        teleconsult.complete(
            uow, chest, PrescriptionForm(
                "Unstable angina", "Refer to the district hospital today; no exertion.",
                (MedicineLine("Aspirin", "325 mg", "once, chewed, now", "1 day"),
                 MedicineLine("Atorvastatin", "40 mg", "at night", "30 days")), follow_up,
            ),
        )  # fmt: skip
    with hub.db.unit_of_work(khan_actor) as uow:
        teleconsult.accept(uow, skin)
    with hub.db.unit_of_work(khan_actor) as uow:
        teleconsult.complete(
            uow, skin, PrescriptionForm("Contact dermatitis", "Avoid the new detergent.",
                                        (MedicineLine("Cetirizine", "10 mg", "at night", "5 days"),)),
        )  # fmt: skip
    assert hub.sync().rejected == 0

    proxy.bytes_per_second = None
    summary = spoke.sync()
    assert summary.advice_received == 2
    with spoke.db.read() as session:
        statuses = {c.id: c.status for c in session.scalars(select(Teleconsult))}
        question = session.scalars(select(TeleconsultMessage).where(TeleconsultMessage.consult_id == routine)).one()
        records = {consult: teleconsult.consult_record(session, consult) for consult in (chest, skin)}
    assert statuses == {chest: C.RECEIVED, skin: C.RECEIVED, routine: C.IN_CONSULTATION}
    assert question.asks_for_information and "HbA1c" in question.body
    assert records[chest].doctor_name == "Dr. Verma" and records[chest].patient_age_years == 45
    assert [m.name for m in records[chest].medicines] == ["Aspirin", "Atorvastatin"]
    assert records[skin].diagnosis == "Contact dermatitis" and records[skin].is_emergency is False
    # ... and prints them for the patients (a PDF, as on a spoke with no printer connected)
    for consult, language in ((chest, "hi"), (skin, "en")):
        pdf = render_prescription_pdf(records[consult], tmp_path / f"{consult}.pdf", language)
        text = pypdfium2.PdfDocument(str(pdf))[0].get_textpage().get_text_range()
        assert records[consult].doctor_registration_number in text and records[consult].patient_name in text
        assert all(m.name in text and m.dose in text for m in records[consult].medicines)

    # the spoke answers; the hub sees it; the hub's copy shows the requests as the spoke received them
    with spoke.db.unit_of_work(spoke.people["asha"]) as uow:
        teleconsult.send_message(uow, routine, "HbA1c 8.1 % last month; ECG attached.")
    spoke.sync()
    hub.sync()
    with hub.db.read() as session:
        assert len(session.scalars(select(TeleconsultMessage)).all()) == 2
        assert session.get(Teleconsult, chest).status == C.RECEIVED

    # another spoke sees none of it: not the requests, not the files
    other.sync()
    with other.db.read() as session:
        assert session.scalars(select(Teleconsult)).all() == []
    with pytest.raises(ServerRefused) as refused:
        transport_for(other.db, other.profile).blob_status(big_sha)
    assert refused.value.status == 404
    proxy.stop()
    for site in (spoke, hub, other):
        site.db.dispose()


def _sync_in_child(profile: Path) -> None:
    """The spoke's app, started again in a forked process: one sync cycle (it is killed during it)."""
    try:
        db = open_profile(profile)
        SyncEngine(db, transport_for(db, profile)).run_cycle()
    finally:
        os._exit(0)


def test_a_spoke_killed_while_sending_a_file_loses_nothing_and_resends_at_most_one_chunk(central, tmp_path):
    proxy = FaultProxy(central.port).start()
    spoke = enrolled(central, tmp_path, "spoke-k", "UP-SPOKE-1", proxy.url, "asha")
    big = scan(tmp_path / "ct-scan.pdf", TEN_MB, seed=2)
    consult = request(spoke, [big], patient_name="Bhola Nath", priority="urgent")
    sha = spoke.blobs.add_file(big).sha256
    spoke.db.dispose()
    proxy.bytes_per_second = UPLINK_BYTES_PER_S

    child = os.fork()
    if child == 0:
        _sync_in_child(spoke.profile)
    deadline = time.monotonic() + 60
    while len([e for e in blob_puts(proxy, sha) if e.status == 200]) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)  # into the next chunk
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    held_at_kill = sum(e.sent for e in blob_puts(proxy, sha) if e.status == 200)
    assert 0 < held_at_kill < TEN_MB

    db = open_profile(spoke.profile)
    summary = SyncEngine(db, transport_for(db, spoke.profile)).run_cycle()
    assert summary.attachments_sent == 1 and summary.caught_up
    sent = sum(e.sent for e in blob_puts(proxy, sha))
    assert TEN_MB <= sent <= TEN_MB + CHUNK  # the resumed upload began at the server's offset
    resumed = [e for e in blob_puts(proxy, sha) if e.status == 200]
    assert sum(e.sent for e in resumed) == TEN_MB  # every byte the server took, exactly once
    with db.read() as session:
        assert session.get(Teleconsult, consult).status in (C.QUEUED, C.UPLOADED)
        assert session.scalars(select(OutboxOp).where(OutboxOp.state != OpState.ACKED)).all() == []
        upload_states = teleconsult_views.spoke_queue(session, session.get(DeviceState, 1).centre_id)
    assert [a.state for s in upload_states if s.consult_id == consult for a in s.attachments] == [UploadState.UPLOADED]
    head = transport_for(db, spoke.profile).blob_status(sha)
    assert head.complete and head.offset == TEN_MB
    db.dispose()
    proxy.stop()
