"""Teleconsultation through the real window: the spoke health worker writes and queues a request with a photo and
follows its file's upload state; the hub doctor sees only their specialty, asks, and completes with a prescription
(a narcotic is refused on screen, in the doctor's language)."""

from __future__ import annotations

from datetime import UTC, datetime

from PIL import Image
from PySide6.QtWidgets import QTableWidgetItem
from sqlalchemy import select

from bbms_desktop.models import BlobUpload, Centre, PrescribedMedicine, Teleconsult, TeleconsultAttachment, User, new_id
from bbms_desktop.rules.teleconsult import ConsultStatus, UploadState
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.ui.pages.teleconsult import viewable_copies
from tests.ui.conftest import wait_idle

C = ConsultStatus


def hub_centre(db):
    with db.remote_apply() as session:
        centre = Centre(id=new_id(), code="UP-KGMU-HUB", name="KGMU Telemedicine Hub", kind=CentreKind.HUB)
        session.add(centre)
        return centre.id


def test_a_request_typed_at_the_spoke_is_queued_with_its_photo_waiting_to_upload(
    qtbot, db, staff, open_window, tmp_path
):
    hub_centre(db)
    window = open_window("spoke_health_worker")
    page = window.open_page("teleconsult")
    wait_idle(qtbot)
    qtbot.keyClicks(page.patient_name, "Ramvati Devi")
    qtbot.keyClicks(page.age, "58")
    qtbot.keyClicks(page.complaints, "Chest pain on exertion")
    page.specialty.setCurrentIndex(page.specialty.findData("cardiology"))
    page.priority.setCurrentIndex(page.priority.findData("emergency"))
    qtbot.keyClicks(page.vitals["temperature_c"], "98.6")  # Fahrenheit typed into the Celsius box
    Image.effect_noise((3000, 2000), 60).convert("RGB").save(tmp_path / "ecg.png")  # a camera photo: noisy
    page.add_files([tmp_path / "ecg.png"])
    page.queue_button.click()
    wait_idle(qtbot)
    assert page.message.kind == "error" and "temperature" in page.message.text()
    with db.read() as session:
        assert session.scalars(select(Teleconsult)).all() == []  # nothing half-saved
    page.vitals["temperature_c"].clear()
    qtbot.keyClicks(page.vitals["temperature_c"], "37.0")
    page.queue_button.click()
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    with db.read() as session:
        consult = session.scalars(select(Teleconsult)).one()
        attachment = session.scalars(select(TeleconsultAttachment)).one()
        assert (consult.status, consult.priority, attachment.media_type) == (C.QUEUED, "emergency", "image/jpeg")
        assert session.get(BlobUpload, attachment.sha256).state == UploadState.WAITING
    page.activated()
    wait_idle(qtbot)
    assert page.queue.rowCount() == 1
    assert "ecg.jpg: Waiting" in page.queue.data(page.queue.index(0, 4))
    (copy,) = viewable_copies(db, window.ctx.profile, [(attachment.sha256, attachment.file_name)])
    assert copy.name.endswith("ecg.jpg") and Image.open(copy).size == (2400, 1600)  # sized down, as sent


def queued_for(db, staff, hub_id, specialty, patient):
    with db.remote_apply() as session:  # as pulled from the server: a spoke's request, uploaded
        spoke = Centre(id=new_id(), code=f"SP-{patient[:3].upper()}", name="PHC Bakshi Ka Talab", kind=CentreKind.SPOKE)
        session.add(spoke)
        session.flush()
        consult = Teleconsult(
            id=new_id(), centre_id=spoke.id, consult_number=f"SP-T26{len(patient):06d}", hub_centre_id=hub_id,
            specialty=specialty, priority="urgent", status=C.UPLOADED, patient_name=patient, patient_age_years=40,
            patient_sex="M", chief_complaints="Low back pain", created_by_id=staff["registrar"].user_id,
            queued_at=datetime.now(UTC), created_at=datetime.now(UTC), updated_at=datetime.now(UTC), version=7,
        )  # fmt: skip
        session.add(consult)
        return consult.id


def test_the_hub_doctor_sees_their_specialty_and_a_narcotic_is_refused_on_screen(qtbot, db, staff, open_window):
    doctor = staff["hub_doctor"]
    with db.remote_apply() as session:
        user = session.get(User, doctor.user_id)
        user.specialties, user.registration_number = ["orthopaedics"], "UPMC-7788"
    mine = queued_for(db, staff, doctor.centre_id, "orthopaedics", "Mohan Lal")
    queued_for(db, staff, doctor.centre_id, "dermatology", "Not Mine")
    window = open_window("hub_doctor")
    page = window.open_page("hub_queue")
    wait_idle(qtbot)
    assert [row.consult_id for row in page.queue.rows] == [mine]
    page.table.selectRow(0)
    wait_idle(qtbot)
    assert "Mohan Lal" in page.detail.toPlainText()
    page.accept_button.click()
    wait_idle(qtbot)
    qtbot.keyClicks(page.diagnosis, "Mechanical low back pain")
    qtbot.keyClicks(page.advice, "Hot fomentation; avoid lifting")
    for column, text in enumerate(("Tramadol", "50 mg", "twice a day", "5 days")):
        page.medicines.setItem(0, column, QTableWidgetItem(text))
    page.complete_button.click()
    wait_idle(qtbot)
    assert page.message.kind == "error" and "prohibited list" in page.message.text()
    for column, text in enumerate(("Paracetamol", "500 mg", "three times a day", "5 days")):
        page.medicines.setItem(0, column, QTableWidgetItem(text))
    page.complete_button.click()
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    with db.read() as session:
        assert session.get(Teleconsult, mine).status == C.COMPLETED
        assert [m.name for m in session.scalars(select(PrescribedMedicine))] == ["Paracetamol"]
