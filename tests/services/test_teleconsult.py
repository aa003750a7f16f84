"""The teleconsultation workflow through the services: a spoke health worker writes, queues and sends files; a hub
doctor of the right specialty accepts, asks for more and completes with an e-prescription; nothing else may."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select

from bbms_desktop.errors import InvalidInput, NotFound, NotPermitted, StateError
from bbms_desktop.models import (
    AuditEvent,
    BlobUpload,
    Centre,
    OutboxOp,
    PrescribedMedicine,
    Teleconsult,
    TeleconsultAttachment,
    User,
    new_id,
    utcnow,
)
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.teleconsult import ConsultStatus, UploadState
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.services import teleconsult, teleconsult_views
from bbms_desktop.services.blobs import BlobStore
from bbms_desktop.services.teleconsult import ConsultForm, MedicineLine, PrescriptionForm
from bbms_desktop.services.uow import Actor

C = ConsultStatus


@pytest.fixture
def hub(db):
    """A hub centre with a cardiologist and a dermatologist (as pulled from the server)."""
    with db.remote_apply() as session:
        centre = Centre(id=new_id(), code="DL-AIIMS-HUB", name="AIIMS Telemedicine Hub", kind=CentreKind.HUB)
        session.add(centre)
        session.flush()
        doctors = {}
        for username, specialty in (("cardio", "cardiology"), ("derma", "dermatology")):
            user = User(
                id=new_id(),
                centre_id=centre.id,
                username=username,
                full_name=f"Dr. {username.title()} Sharma",
                role=Role.HUB_DOCTOR,
                password_hash="!",
                registration_number=f"DMC-{len(doctors) + 1}0001",
                specialties=[specialty],
            )
            session.add(user)
            doctors[username] = Actor(user.id, centre.id, Role.HUB_DOCTOR, user.full_name)
        return centre.id, doctors


@pytest.fixture
def worker(staff):
    return staff["spoke_health_worker"]


@pytest.fixture
def blobs(db):
    return BlobStore.of_database(db.path)


def chest_pain(**changes) -> ConsultForm:
    values = dict(
        patient_name="Ramvati Devi",
        patient_age_years="58",
        patient_sex="F",
        patient_mobile="+91 98765 43210",
        patient_abha_id="91-2345-6789-0123",
        chief_complaints="Chest pain on exertion for 2 weeks",
        history="Hypertensive for 5 years, irregular treatment",
        specialty="cardiology",
        priority="urgent",
        pulse_per_min="96",
        bp_systolic="168",
        bp_diastolic="102",
        temperature_c="37.1",
        spo2_percent=96,
        weight_kg="64.5",
    )
    values.update(changes)
    return ConsultForm(**values)


def draft(db, worker, **changes):
    with db.unit_of_work(worker) as uow:
        return teleconsult.create_draft(uow, chest_pain(**changes))


def photo(path, size=(4000, 3000)):
    Image.new("RGB", size, (200, 120, 90)).save(path, format="PNG")
    return path


def test_a_draft_is_queued_with_its_files_and_every_step_is_audited(db, worker, hub, blobs, tmp_path):
    ref = draft(db, worker)
    assert ref.status == C.DRAFT and ref.consult_number.startswith("DL-RKS-T")
    with db.unit_of_work(worker) as uow:
        picture = teleconsult.add_attachment(uow, blobs, ref.consult_id, photo(tmp_path / "ecg.png"), "ecg")
    assert picture.draft and picture.resized and picture.media_type == "image/jpeg"
    with Image.open(blobs.path(picture.sha256)) as stored:
        assert max(stored.size) == 2400  # sized down, still legible
    with db.read() as session:  # the hub never sees a draft's file: nothing synced yet but the draft itself
        assert session.scalars(select(TeleconsultAttachment)).all() == []
    with db.unit_of_work(worker) as uow:
        queued = teleconsult.queue(uow, ref.consult_id)
    assert queued.status == C.QUEUED
    with db.read() as session:
        attachment = session.scalars(select(TeleconsultAttachment)).one()
        assert (attachment.sha256, attachment.hub_centre_id) == (picture.sha256, hub[0])
        assert session.get(BlobUpload, picture.sha256).state == UploadState.WAITING
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.device_seq)).all()
        assert actions[-3:] == ["teleconsult_file_added", "teleconsult_queued", "teleconsult_file_added"]
        consult = session.get(Teleconsult, ref.consult_id)
        assert (consult.patient_mobile, consult.bp_systolic, consult.temperature_c) == ("9876543210", 168, 37.1)
        entities = set(session.scalars(select(OutboxOp.entity)))
        assert {"teleconsults", "teleconsult_attachments"} <= entities and "draft_attachments" not in entities


def test_a_pdf_is_kept_byte_for_byte(db, worker, hub, blobs, tmp_path):
    ref = draft(db, worker)
    report = tmp_path / "cbc.pdf"
    report.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    with db.unit_of_work(worker) as uow:
        stored = teleconsult.add_attachment(uow, blobs, ref.consult_id, report, "lab_report")
    assert blobs.read(stored.sha256) == report.read_bytes() and not stored.resized


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"patient_age_years": "fifty"}, "patient_age_years", "whole years"),
        ({"patient_sex": "?"}, "patient_sex", "male (M)"),
        ({"patient_mobile": "12345"}, "patient_mobile", "10 digits"),
        ({"patient_abha_id": "1234"}, "patient_abha_id", "14-digit"),
        ({"temperature_c": "98.6"}, "temperature_c", "from 30.0 to 45.0"),
        ({"spo2_percent": "97.5"}, "spo2_percent", "whole number"),
        ({"pulse_per_min": "abc"}, "pulse_per_min", "must be a number"),
        ({"bp_diastolic": None}, "bp_diastolic", "both blood pressure"),
        ({"bp_systolic": "80", "bp_diastolic": "90"}, "bp_systolic", "higher than"),
        ({"specialty": "astrology"}, "specialty", "specialty"),
        ({"chief_complaints": "  "}, "chief_complaints", "chief complaints"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(db, worker, hub, changes, field, words):
    with pytest.raises(InvalidInput) as refused:
        draft(db, worker, **changes)
    assert refused.value.field == field and words in str(refused.value)
    with db.read() as session:
        assert session.scalars(select(Teleconsult)).all() == []


def test_only_a_draft_can_be_edited_and_a_cancelled_request_is_closed(db, worker, hub):
    ref = draft(db, worker)
    with db.unit_of_work(worker) as uow:
        teleconsult.edit_draft(uow, ref.consult_id, chest_pain(priority="emergency"))
        teleconsult.queue(uow, ref.consult_id)
    with db.unit_of_work(worker) as uow, pytest.raises(StateError, match="only a draft"):
        teleconsult.edit_draft(uow, ref.consult_id, chest_pain())
    with db.unit_of_work(worker) as uow:
        assert teleconsult.cancel(uow, ref.consult_id, "Patient went to the district hospital").status == C.CANCELLED
    with db.unit_of_work(worker) as uow, pytest.raises(StateError, match="cannot become"):
        teleconsult.cancel(uow, ref.consult_id, "again")


def uploaded(db, worker, **changes):
    """Queued and (as the server would say) uploaded."""
    ref = draft(db, worker, **changes)
    with db.unit_of_work(worker) as uow:
        teleconsult.queue(uow, ref.consult_id)
    with db.remote_apply() as session:
        session.get(Teleconsult, ref.consult_id).status = C.UPLOADED
    return ref


def test_the_hub_doctor_asks_then_completes_and_the_spoke_receives_a_printable_record(db, worker, hub):
    ref = uploaded(db, worker)
    cardio = hub[1]["cardio"]
    with db.unit_of_work(cardio) as uow:
        assert teleconsult.accept(uow, ref.consult_id).status == C.ACCEPTED
    with db.unit_of_work(cardio) as uow:
        teleconsult.ask_for_information(uow, ref.consult_id, "Please send an ECG.")
    with db.unit_of_work(worker) as uow:
        teleconsult.send_message(uow, ref.consult_id, "ECG attached; pain lasts 10 minutes.")
    prescription = PrescriptionForm(
        diagnosis="Stable angina; uncontrolled hypertension",
        advice="Avoid exertion; low-salt diet; come to the hub OPD if pain at rest.",
        medicines=(
            MedicineLine("Amlodipine", "5 mg", "once a day", "30 days", form="tablet", route="oral"),
            MedicineLine("Aspirin", "75 mg", "once a day after food", "30 days"),
        ),
        follow_up_on=utcnow().date() + timedelta(days=14),
    )
    with db.unit_of_work(cardio) as uow:
        assert teleconsult.complete(uow, ref.consult_id, prescription).status == C.COMPLETED
    with db.unit_of_work(worker) as uow:
        assert teleconsult.mark_received(uow) == [ref.consult_id]
    with db.read() as session:
        record = teleconsult.consult_record(session, ref.consult_id)
    assert (record.patient_name, record.patient_age_years, record.patient_sex) == ("Ramvati Devi", 58, "female")
    assert (record.doctor_name, record.doctor_registration_number) == ("Dr. Cardio Sharma", "DMC-10001")
    assert [m.name for m in record.medicines] == ["Amlodipine", "Aspirin"]
    assert record.vitals.bp_systolic == 168 and record.hub_centre_code == "DL-AIIMS-HUB"


def test_a_narcotic_is_refused_and_nothing_of_the_answer_is_saved(db, worker, hub):
    ref = uploaded(db, worker)
    cardio = hub[1]["cardio"]
    with db.unit_of_work(cardio) as uow:
        teleconsult.accept(uow, ref.consult_id)
    form = PrescriptionForm("Anxiety", "Rest", (MedicineLine("Tab. Alprazolam", "0.25 mg", "at night", "7 days"),))
    with db.unit_of_work(cardio) as uow, pytest.raises(InvalidInput) as refused:
        teleconsult.complete(uow, ref.consult_id, form)
    assert refused.value.code == "prohibited_medicine" and "NDPS" in str(refused.value)
    assert "टेलीपरामर्श" in refused.value.render("hi")
    with db.read() as session:
        assert session.get(Teleconsult, ref.consult_id).status == C.ACCEPTED
        assert session.scalars(select(PrescribedMedicine)).all() == []


def test_a_hub_doctor_answers_only_the_specialties_assigned(db, worker, hub):
    ref = uploaded(db, worker)
    with db.unit_of_work(hub[1]["derma"]) as uow, pytest.raises(NotPermitted, match="Cardiology"):
        teleconsult.accept(uow, ref.consult_id)
    with db.unit_of_work(worker) as uow, pytest.raises(NotPermitted):
        teleconsult.accept(uow, ref.consult_id)  # a spoke health worker may not answer


def test_another_centre_cannot_touch_a_request(db, worker, hub, staff):
    ref = uploaded(db, worker)
    stranger = Actor(staff["spoke_health_worker"].user_id, new_id(), Role.SPOKE_HEALTH_WORKER, "Stranger")
    with db.unit_of_work(stranger) as uow, pytest.raises(NotFound):
        teleconsult.cancel(uow, ref.consult_id, "not mine")


def test_the_queues_put_emergencies_first_and_show_each_files_state(db, worker, hub, blobs, tmp_path):
    routine = draft(db, worker, priority="routine", patient_name="Routine Patient")
    emergency = draft(db, worker, priority="emergency", patient_name="Emergency Patient", specialty="dermatology")
    with db.unit_of_work(worker) as uow:
        teleconsult.add_attachment(uow, blobs, routine.consult_id, photo(tmp_path / "rash.png", (800, 600)), "photo")
        teleconsult.queue(uow, routine.consult_id)
    with db.read() as session:
        queue = teleconsult_views.spoke_queue(session, worker.centre_id)
    assert [s.patient_name for s in queue] == ["Emergency Patient", "Routine Patient"]
    (waiting,) = queue[1].attachments
    assert (waiting.state, waiting.percent, waiting.draft) == (UploadState.WAITING, 0, False)
    with db.remote_apply() as session:
        for ref in (routine, emergency):
            consult = session.get(Teleconsult, ref.consult_id)
            consult.status = C.UPLOADED
        upload = session.get(BlobUpload, waiting.sha256)
        upload.state, upload.sent_bytes = UploadState.UPLOADING, waiting.size_bytes // 2
    with db.read() as session:
        assert teleconsult_views.spoke_queue(session, worker.centre_id)[1].attachments[0].percent in (49, 50)
        cardio = teleconsult_views.hub_queue(session, hub[1]["cardio"].user_id)
        derma = teleconsult_views.hub_queue(session, hub[1]["derma"].user_id)
    assert [s.consult_id for s in cardio] == [routine.consult_id]  # only the specialties assigned
    assert [s.consult_id for s in derma] == [emergency.consult_id]


def test_a_failed_uploads_reason_reads_in_the_language_of_whoever_looks_later(db, worker, hub, blobs, tmp_path):
    from bbms_desktop.sync.blobs import BlobUploader

    ref = draft(db, worker)
    with db.unit_of_work(worker) as uow:
        picture = teleconsult.add_attachment(uow, blobs, ref.consult_id, photo(tmp_path / "ecg.png", (800, 600)))
        teleconsult.queue(uow, ref.consult_id)
    with db.remote_apply() as session:  # the server took the request and its attachment row ...
        row = session.scalars(select(TeleconsultAttachment).where(TeleconsultAttachment.sha256 == picture.sha256)).one()
        row.version = 11
    blobs.path(picture.sha256).unlink()  # ... but the file went from this machine's store
    summary = BlobUploader(db, transport=None, store=blobs).upload_pending()
    assert summary.failed == 1
    with db.read() as session:
        (attachment,) = teleconsult_views.spoke_queue(session, worker.centre_id)[0].attachments
    assert attachment.state == UploadState.FAILED
    assert attachment.error.render() == "The file is missing from this machine's attachment store."
    assert attachment.error.render("hi") != attachment.error.render() and attachment.error.render("hi").strip()


def test_the_demo_centre_is_a_spoke_with_requests_waiting_for_the_hub_emergencies_first(db, admin):
    from bbms_desktop.services import demo_teleconsult

    made = demo_teleconsult.build(db, admin, utcnow(), "demo-password-1")
    assert made == {"teleconsults_queued": 3, "teleconsults_draft": 1, "teleconsults_cancelled": 1}
    again = demo_teleconsult.build(db, admin, utcnow(), "demo-password-1")  # a second run adds requests, not a hub
    assert again == made
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Centre).where(Centre.kind == CentreKind.HUB)) == 1
        queue = teleconsult_views.spoke_queue(session, admin.centre_id)
        hub_id = session.scalar(select(Centre.id).where(Centre.kind == CentreKind.HUB))
        pushed_hub = session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.row_id == hub_id))
    assert [row.priority for row in queue[:2]] == ["emergency", "emergency"]
    assert {row.status for row in queue} == {C.QUEUED, C.DRAFT, C.CANCELLED}
    assert pushed_hub == 0  # the hub came as a pull would bring it: never pushed back
