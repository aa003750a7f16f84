"""The demo dataset's teleconsultations: the centre as an e-Sanjeevani spoke, with its requests to the hub.

A demo profile is standalone (it never syncs), so what it shows is what a spoke holds before the link returns: the
hub centre and its doctors as a pull would have brought them (not captured into the outbox, as pulled rows are not), a
draft still being written, requests queued for the hub (emergencies first), and one the health worker withdrew. Every
request goes through the same use cases as the Teleconsultation page (validated vitals, audited steps, outbox ops).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from bbms_desktop.models import Centre, User, new_id
from bbms_desktop.rules.roles import Role
from bbms_desktop.rules.teleconsult import Priority
from bbms_desktop.rules.vocabulary import CentreKind
from bbms_desktop.services import accounts, teleconsult
from bbms_desktop.services.teleconsult import ConsultForm
from bbms_desktop.services.uow import Actor, Database

HUB = {"code": "MH-SASSOON-HUB", "name": "Sassoon General Hospital Telemedicine Hub, Pune"}
HUB_DOCTORS = (
    ("dr.kulkarni", "Dr. Anjali Kulkarni", "MMC-2009-03121", ["general_medicine", "cardiology"]),
    ("dr.shaikh", "Dr. Imran Shaikh", "MMC-2014-07788", ["paediatrics", "obstetrics", "haematology"]),
)
HEALTH_WORKER = ("spoke", "Demo Spoke Health Worker")

# (minutes before now, what happens to it after it is written, the form)
REQUESTS: tuple[tuple[int, str, ConsultForm], ...] = (
    (
        35,
        "queue",
        ConsultForm(
            patient_name="Sunita Jadhav",
            patient_age_years=27,
            patient_sex="F",
            patient_mobile="9823456710",
            chief_complaints="Bleeding per vaginum for 2 days after delivery at home; dizziness",
            history="Second delivery, 10 days ago; Hb 8.1 g/dL at the last antenatal visit",
            specialty="obstetrics",
            priority=Priority.EMERGENCY,
            pulse_per_min=118,
            bp_systolic=92,
            bp_diastolic=58,
            temperature_c=37.4,
            spo2_percent=97,
            note="Two units of O+ red cells kept ready at this centre",
        ),
    ),
    (
        90,
        "queue",
        ConsultForm(
            patient_name="Ramesh Pawar",
            patient_age_years=61,
            patient_sex="M",
            patient_mobile="9960123457",
            patient_abha_id="91-4821-7730-1265",
            chief_complaints="Chest heaviness on walking for 2 weeks",
            history="Diabetic for 8 years on metformin; smoker",
            specialty="cardiology",
            priority=Priority.URGENT,
            height_cm=168,
            weight_kg=74.5,
            pulse_per_min=92,
            bp_systolic=164,
            bp_diastolic=98,
            spo2_percent=96,
        ),
    ),
    (
        150,
        "queue",
        ConsultForm(
            patient_name="Aarav Shinde",
            patient_age_years=6,
            patient_sex="M",
            chief_complaints="Pallor and tiredness for a month; thalassaemia trait in the family",
            history="Transfused once at 4 years",
            specialty="paediatrics",
            weight_kg=18.2,
            pulse_per_min=104,
            temperature_c=36.9,
        ),
    ),
    (
        20,
        "draft",
        ConsultForm(
            patient_name="Meena Gaikwad",
            patient_age_years=44,
            patient_sex="F",
            chief_complaints="Fever with joint pains for 4 days",
            specialty="general_medicine",
            temperature_c=38.6,
        ),
    ),
    (
        240,
        "cancel",
        ConsultForm(
            patient_name="Vijay More",
            patient_age_years=35,
            patient_sex="M",
            chief_complaints="Cough for 3 weeks",
            specialty="general_medicine",
        ),
    ),
)
WITHDRAWN = "Patient referred to the district hospital in person"


def build(db: Database, admin: Actor, now: datetime, password: str) -> dict[str, int]:
    """Add the hub, the spoke's health worker and the requests; returns how many of each state were made."""
    _pulled_hub(db)
    worker = _health_worker(db, admin, password)
    made = {"teleconsults_queued": 0, "teleconsults_draft": 0, "teleconsults_cancelled": 0}
    for minutes, fate, form in REQUESTS:
        with db.unit_of_work(worker, now=now - timedelta(minutes=minutes)) as uow:
            ref = teleconsult.create_draft(uow, form)
            if fate == "queue":
                teleconsult.queue(uow, ref.consult_id)
                made["teleconsults_queued"] += 1
            elif fate == "cancel":
                teleconsult.cancel(uow, ref.consult_id, WITHDRAWN)
                made["teleconsults_cancelled"] += 1
            else:
                made["teleconsults_draft"] += 1
    return made


def _pulled_hub(db: Database) -> None:
    with db.remote_apply() as session:
        if session.scalar(select(Centre.id).where(Centre.code == HUB["code"])) is not None:
            return
        hub = Centre(id=new_id(), code=HUB["code"], name=HUB["name"], kind=CentreKind.HUB)
        session.add(hub)
        session.flush()
        for username, full_name, registration, specialties in HUB_DOCTORS:
            session.add(
                User(
                    id=new_id(),
                    centre_id=hub.id,
                    username=username,
                    full_name=full_name,
                    role=Role.HUB_DOCTOR,
                    password_hash="!",  # signs in at the hub, never here
                    registration_number=registration,
                    specialties=specialties,
                )
            )


def _health_worker(db: Database, admin: Actor, password: str) -> Actor:
    username, full_name = HEALTH_WORKER
    with db.unit_of_work(admin) as uow:
        user = uow.session.scalar(select(User).where(User.centre_id == admin.centre_id, User.username == username))
        if user is not None:
            return Actor(user.id, user.centre_id, Role(user.role), user.full_name)
        return accounts.create_user(
            uow, username=username, full_name=full_name, role=Role.SPOKE_HEALTH_WORKER, password=password
        )
