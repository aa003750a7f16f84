"""A completed teleconsultation as plain values: what the e-prescription PDF and the FHIR export are made from.

The teleconsult services build one of these from their rows (``ConsultRecord`` never holds an ORM object, so it may
cross threads and go to a printer or an exporter). Everything a prescription must carry under the Telemedicine
Practice Guidelines 2020 is here: the doctor's name and registration number, the patient's identity and explicit
age, the date, the diagnosis, the medicines, the advice and the follow-up.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Vitals:
    """As the spoke recorded them; any may be missing."""

    height_cm: float | None = None
    weight_kg: float | None = None
    pulse_per_min: int | None = None
    bp_systolic: int | None = None
    bp_diastolic: int | None = None
    temperature_c: float | None = None
    respiratory_rate_per_min: int | None = None
    spo2_percent: int | None = None


@dataclass(frozen=True, slots=True)
class Medicine:
    """One line of the prescription: what, how much, how often, for how long."""

    name: str  # generic name as prescribed, e.g. "Paracetamol"
    dose: str  # e.g. "500 mg"
    frequency: str  # e.g. "three times a day"
    duration: str  # e.g. "5 days"
    form: str | None = None  # tablet, syrup, ...
    route: str | None = None  # oral, topical, ...
    instructions: str | None = None  # e.g. "after food"


@dataclass(frozen=True, slots=True)
class ConsultRecord:
    consult_id: uuid.UUID
    consult_number: str  # the spoke's human-readable number, printed on the slip
    # who asked and who answered
    spoke_centre_code: str
    spoke_centre_name: str
    hub_centre_code: str
    hub_centre_name: str
    specialty: str  # a code from the teleconsult specialty vocabulary, e.g. "cardiology"
    # the patient, with an explicit age (never only a date of birth)
    patient_name: str
    patient_age_years: int
    patient_sex: str  # "male" | "female" | "other"
    patient_mobile: str | None
    patient_abha_id: str | None  # ABHA number (14 digits) or address, when the patient has one
    # what the spoke sent
    chief_complaints: str
    history: str | None
    vitals: Vitals
    requested_at: datetime
    # what the hub doctor answered
    doctor_name: str
    doctor_registration_number: str
    diagnosis: str
    advice: str
    completed_at: datetime
    follow_up_on: date | None = None
    medicines: tuple[Medicine, ...] = field(default_factory=tuple)
    is_emergency: bool = False
    is_training: bool = False  # a training sandbox: every document says TRAINING
    doctor_qualification: str | None = None  # e.g. "MBBS, MD (Medicine)": printed under the name when known
