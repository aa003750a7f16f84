"""A completed teleconsult as the spoke receives it back: the PDF and FHIR tests start from this record.

A 54-year-old farmer at a PHC in Sitapur district with exertional chest discomfort, seen by a cardiologist at the
district hospital hub; four medicines, one of them with no route or instructions, and a follow-up in two weeks.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from typing import Any

from bbms_desktop.services.consult_record import ConsultRecord, Medicine, Vitals

CONSULT_ID = uuid.UUID("0b8f6a52-3c1e-4d7a-9f2b-6e4c8d1a2b3c")

MEDICINES = (
    Medicine("Aspirin", "75 mg", "once a day", "30 days", form="tablet", route="oral", instructions="after lunch"),
    Medicine("Atorvastatin", "20 mg", "once a day at night", "30 days", form="tablet", route="oral"),
    Medicine("Isosorbide dinitrate", "5 mg", "when chest pain starts", "2 weeks", form="tablet", route="sublingual",
             instructions="under the tongue; sit down; call 108 if pain lasts over 15 minutes"),
    Medicine("Pantoprazole", "40 mg", "once a day before breakfast", "14 days"),
)  # fmt: skip


def completed_consult(**changes: Any) -> ConsultRecord:
    record = ConsultRecord(
        consult_id=CONSULT_ID,
        consult_number="TC-UP-SPR-2026-00417",
        spoke_centre_code="UP-PHC-MHM",
        spoke_centre_name="Primary Health Centre, Mahmudabad (Sitapur)",
        hub_centre_code="UP-DH-LKO",
        hub_centre_name="District Hospital Hub, Lucknow",
        specialty="cardiology",
        patient_name="Ramesh Chandra Yadav",
        patient_age_years=54,
        patient_sex="male",
        patient_mobile="+91 94150 27361",
        patient_abha_id="91-4432-7710-2256",
        chief_complaints="Chest heaviness on walking uphill for 3 weeks, relieved by rest; breathless on exertion",
        history="Smoker, 15 bidis a day for 30 years. Father died of a heart attack at 60. No diabetes known.",
        vitals=Vitals(
            height_cm=168.0,
            weight_kg=71.5,
            pulse_per_min=88,
            bp_systolic=152,
            bp_diastolic=94,
            temperature_c=36.8,
            respiratory_rate_per_min=18,
            spo2_percent=97,
        ),
        requested_at=datetime(2026, 11, 20, 5, 40, tzinfo=UTC),
        doctor_name="Dr. Anjali Srivastava",
        doctor_qualification="MBBS, MD (Medicine), DM (Cardiology)",
        doctor_registration_number="UPMC-48213",
        diagnosis="Chronic stable angina; stage 2 hypertension",
        advice="Stop smoking. Walk 30 minutes daily on level ground. Low-salt diet. ECG and lipid profile at the PHC "
        "before the follow-up.",
        completed_at=datetime(2026, 11, 21, 9, 15, tzinfo=UTC),
        follow_up_on=date(2026, 12, 5),
        medicines=MEDICINES,
    )
    return dataclasses.replace(record, **changes)
