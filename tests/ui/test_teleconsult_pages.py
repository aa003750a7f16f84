"""Teleconsultation through the real window: the spoke health worker writes and queues a request with a photo and
follows its file's upload state; the hub doctor sees only their specialty, asks, and completes with a prescription
(a narcotic is refused on screen, in the doctor's language)."""

from __future__ import annotations

from datetime import UTC, datetime

from PIL import Image
from PySide6.QtCore import Qt
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
    assert page.message.kind == ""  # a hub doctor is not told the queue is for hub doctors
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


def test_a_user_who_is_not_a_hub_doctor_is_told_why_the_hub_queue_is_empty(qtbot, db, staff, open_window):
    queued_for(db, staff, staff["hub_doctor"].centre_id, "orthopaedics", "Mohan Lal")
    window = open_window("admin")
    page = window.open_page("hub_queue")
    wait_idle(qtbot)
    assert page.queue.rows == []
    assert page.message.kind == "warn" and "hub doctor" in page.message.text()


def test_the_spoke_prints_the_hubs_prescription_in_hindi_and_exports_it_for_the_health_record(
    qtbot, db, staff, open_window
):
    import json

    import pypdfium2

    hub = hub_centre(db)
    worker = staff["spoke_health_worker"]
    now = datetime.now(UTC)
    with db.remote_apply() as session:  # as pulled back from the hub: the answer and its medicine
        consult = Teleconsult(
            id=new_id(), centre_id=worker.centre_id, consult_number="RKS-T26000042", hub_centre_id=hub,
            specialty="general_medicine", priority="routine", status=C.COMPLETED, patient_name="Sunita Yadav",
            patient_age_years=47, patient_sex="F", chief_complaints="Fever for 4 days", created_by_id=worker.user_id,
            queued_at=now, uploaded_at=now, accepted_at=now, completed_at=now, doctor_name="Dr. Alok Mishra",
            doctor_registration_number="UPMC-55123", diagnosis="Acute febrile illness", advice="Plenty of fluids",
            created_at=now, updated_at=now, version=9,
        )  # fmt: skip
        session.add(consult)
        session.flush()
        session.add(
            PrescribedMedicine(
                id=new_id(),
                centre_id=hub,
                consult_id=consult.id,
                spoke_centre_id=worker.centre_id,
                hub_centre_id=hub,
                line_number=1,
                name="Paracetamol",
                dose="500 mg",
                frequency="three times a day",
                duration="3 days",
                created_at=now,
                updated_at=now,
                version=9,
            )
        )
        consult_id = consult.id
    window = open_window("spoke_health_worker")
    page = window.open_page("teleconsult")
    wait_idle(qtbot)
    assert not page.print_button.isEnabled()  # nothing chosen yet
    page.table.selectRow(0)
    wait_idle(qtbot)
    assert page.selected == consult_id and page.print_button.isEnabled()
    page.slip_language.setCurrentIndex(page.slip_language.findData("hi"))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    pdf = page.last_printout  # no printer on this machine: a PDF in the profile's printouts
    assert page.message.kind == "ok" and str(pdf) in page.message.text()
    document = pypdfium2.PdfDocument(str(pdf))
    text = document[0].get_textpage().get_text_range()
    assert "UPMC-55123" in text and "Paracetamol" in text and "500 mg" in text and "47" in text
    assert b"Devanagari" in pdf.read_bytes()  # the Hindi slip

    qtbot.mouseClick(page.fhir_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert page.message.kind == "ok", page.message.text()
    bundles = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in page.last_export}
    assert set(bundles) == {"RKS-T26000042-OPConsultation.json", "RKS-T26000042-Prescription.json"}
    assert all(bundle["resourceType"] == "Bundle" and bundle["type"] == "document" for bundle in bundles.values())
