"""A completed teleconsultation as FHIR R4 documents, shaped by the NRCeS / ABDM implementation guide.

ABDM exchanges one document per health-information type, so a consult gives two document Bundles:

* the **OPConsultRecord** (Composition SNOMED CT 371530004 "Clinical consultation report"): chief complaints,
  history, the vitals the spoke measured, the medicines, the advice and the follow-up, around a virtual Encounter
  that carries the diagnosis;
* the **PrescriptionRecord** (Composition SNOMED CT 440545006 "Prescription record"): its one section holds only
  MedicationRequests (and, optionally, the printed slip as a Binary), as the profile's closed slice demands. A consult
  that ended with advice and no medicine has no prescription document.

Each Bundle follows the document rules: type ``document``, a persistent ``identifier`` and a ``timestamp``, the
Composition first, every ``fullUrl`` a ``urn:uuid:``, every reference one of those ``fullUrl``s, every resource
reachable from the Composition. Resource ids are derived from the consult id (UUID v5), so exporting the same consult
twice gives the same documents, and the two documents name the same patient, doctor and medicines alike.

The explicit age the spoke recorded is an Observation (LOINC 30525-0 "Age"), never an invented date of birth. Each
bundle is checked against the R4B models of ``fhir.resources`` (R4B leaves every resource used here as in R4) before
it is returned, so nothing malformed leaves the building.
"""

from __future__ import annotations

import base64
import html
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bbms_desktop.errors import InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.teleconsult import SPECIALTY_LABELS
from bbms_desktop.services.consult_record import ConsultRecord, Medicine, Vitals

NRCES = "https://nrces.in/ndhm/fhir/r4/StructureDefinition/"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ABHA_SYSTEM = "https://healthid.abdm.gov.in"
# NRCeS examples carry the doctor's registration as a v2-0203 "MD" (medical licence) identifier in this namespace.
DOCTOR_SYSTEM = "https://doctor.ndhm.gov.in"
CENTRE_SYSTEM = "urn:bbms-desktop:centre-code"  # our own centre codes, not HFR ids
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority"
ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
XHTML = "http://www.w3.org/1999/xhtml"

OP_CONSULT_TYPE = (SNOMED, "371530004", "Clinical consultation report")
PRESCRIPTION_TYPE = (SNOMED, "440545006", "Prescription record")
# OPConsultRecord sections, in the order the profile lists them (plus the advice as a care plan, after them).
CHIEF_COMPLAINTS = ("ChiefComplaints", (SNOMED, "422843007", "Chief complaint section"))
MEDICAL_HISTORY = ("MedicalHistory", (SNOMED, "371529009", "History and physical report"))
PHYSICAL_EXAMINATION = ("PhysicalExamination", (SNOMED, "425044008", "Physical exam section"))
MEDICATIONS = ("Medications", (SNOMED, "721912009", "Medication summary document"))
FOLLOW_UP = ("FollowUp", (SNOMED, "390906007", "Follow-up encounter"))
OTHER_OBSERVATIONS = ("OtherObservations", (SNOMED, "404684003", "Clinical finding"))
ADVICE = ("Advice", (SNOMED, "734163000", "Care plan"))
PRESCRIPTION_SECTION = ("Prescription record", PRESCRIPTION_TYPE)  # the PrescriptionRecord's one closed section
AGE = (LOINC, "30525-0", "Age")
# A stable namespace for the ids of one consult's resources: uuid5(namespace(consult), role).
_NAMESPACE = uuid.UUID("6f0d7f8e-5b1c-4f4e-9a51-0c2d0e7b5a11")

NO_MEDICINES = QT_TRANSLATE_NOOP(
    "FhirExport", "Consult {number} prescribed no medicine, so it has no prescription document to export."
)


@dataclass(frozen=True, slots=True)
class Vital:
    """One vital sign as the R4 vital-signs profile codes it (LOINC, UCUM)."""

    field: str
    loinc: str
    display: str
    unit: str  # UCUM code, also shown as the unit
    also: tuple[str, str] | None = None  # a more specific LOINC code the profile asks for beside the first

    def code(self) -> dict[str, Any]:
        concept = _concept((LOINC, self.loinc, self.display))
        if self.also:
            concept["coding"].append({"system": LOINC, "code": self.also[0], "display": self.also[1]})
        return concept


VITALS = (
    Vital("height_cm", "8302-2", "Body height", "cm"),
    Vital("weight_kg", "29463-7", "Body weight", "kg"),
    Vital("pulse_per_min", "8867-4", "Heart rate", "/min"),
    Vital("temperature_c", "8310-5", "Body temperature", "Cel"),
    Vital("respiratory_rate_per_min", "9279-1", "Respiratory rate", "/min"),
    Vital(
        "spo2_percent",
        "2708-6",
        "Oxygen saturation in Arterial blood",
        "%",
        also=("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
    ),
)
BLOOD_PRESSURE = (LOINC, "85354-9", "Blood pressure panel with all children optional")
_UNIT_SHOWN = {"Cel": "°C", "mm[Hg]": "mmHg", "/min": "per minute"}  # as a person writes the UCUM unit
SYSTOLIC = Vital("bp_systolic", "8480-6", "Systolic blood pressure", "mm[Hg]")
DIASTOLIC = Vital("bp_diastolic", "8462-4", "Diastolic blood pressure", "mm[Hg]")

# "500 mg", "2.5 ml", "1 tablet": a dose a machine can read, when the doctor wrote one in a unit UCUM knows.
_DOSE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(mg|g|mcg|µg|ml|mL|IU|iu|units?)\s*$")
_DOSE_UNITS = {"mg": "mg", "g": "g", "mcg": "ug", "µg": "ug", "ml": "mL", "mL": "mL", "IU": "[iU]", "iu": "[iU]"}
_DURATION = re.compile(r"^\s*(\d+)\s*(day|days|week|weeks|month|months)\s*$", re.IGNORECASE)
_DURATION_UNITS = {"day": "d", "week": "wk", "month": "mo"}


def consult_bundle(record: ConsultRecord) -> dict[str, Any]:
    """The OPConsultRecord document of a completed consult, as JSON-ready values (validated)."""
    ids = _Ids(record.consult_id)
    doc = _Document(record, ids)
    sections = [
        _section(CHIEF_COMPLAINTS, [doc.complaints_ref()]),
        *([_narrative_section(MEDICAL_HISTORY, record.history)] if record.history else []),
        *([_section(PHYSICAL_EXAMINATION, vitals)] if (vitals := doc.vitals_refs()) else []),
        *([_section(MEDICATIONS, medicines)] if (medicines := doc.medicine_refs()) else []),
        *([_section(FOLLOW_UP, [doc.follow_up_ref()])] if record.follow_up_on else []),
        _section(OTHER_OBSERVATIONS, [doc.age_ref()]),
        _section(ADVICE, [doc.advice_ref()]),
    ]
    composition = doc.composition(
        ids.of("op-consult-composition"), NRCES + "OPConsultRecord", OP_CONSULT_TYPE, sections, with_encounter=True
    )
    return doc.bundle(ids.of("op-consult-bundle"), composition)


def prescription_bundle(record: ConsultRecord, pdf: bytes | None = None) -> dict[str, Any]:
    """The PrescriptionRecord document: the medicines, and the printed slip as a Binary when ``pdf`` is given.

    Raises :class:`InvalidInput` when the doctor prescribed no medicine (the profile needs at least one)."""
    if not record.medicines:
        raise InvalidInput(NO_MEDICINES(number=record.consult_number), code="no_medicines")
    ids = _Ids(record.consult_id)
    doc = _Document(record, ids)
    entries = doc.medicine_refs()
    if pdf is not None:
        entries.append(doc.add(_binary(ids.of("prescription-pdf"), pdf)))
    composition = doc.composition(
        ids.of("prescription-composition"),
        NRCES + "PrescriptionRecord",
        PRESCRIPTION_TYPE,
        [_section(PRESCRIPTION_SECTION, entries)],
        with_encounter=False,
    )
    return doc.bundle(ids.of("prescription-bundle"), composition)


def consult_documents(record: ConsultRecord, pdf: bytes | None = None) -> dict[str, dict[str, Any]]:
    """Every document of the consult by its ABDM health-information type: "OPConsultation", and "Prescription"
    when medicines were prescribed."""
    documents = {"OPConsultation": consult_bundle(record)}
    if record.medicines:
        documents["Prescription"] = prescription_bundle(record, pdf)
    return documents


def write_bundles(record: ConsultRecord, folder: Path, pdf: bytes | None = None) -> list[Path]:
    """Write each document as ``<consult number>-<type>.json`` in ``folder``; returns the files written. Every
    document is built and validated before the first is written, and each file appears whole or not at all."""
    documents = consult_documents(record, pdf)
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", record.consult_number)
    written = []
    for kind, bundle in documents.items():
        path = folder / f"{stem}-{kind}.json"
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(bundle, ensure_ascii=False, indent=2), encoding="utf-8")
        partial.replace(path)
        written.append(path)
    return written


def validate(bundle: dict[str, Any]) -> None:
    """Parse with the ``fhir.resources`` R4B models (raises ``pydantic.ValidationError`` on a malformed bundle) and
    check the document rules the models leave out (raises ``ValueError``): a Composition first, ``urn:uuid``
    fullUrls, every reference resolving to an entry and every entry reachable from the Composition."""
    from fhir.resources.R4B.bundle import Bundle  # imported late: the models take a moment to load

    Bundle.model_validate(bundle)
    entries = bundle.get("entry") or []
    if bundle.get("type") != "document" or not entries or entries[0]["resource"]["resourceType"] != "Composition":
        raise ValueError("a document bundle starts with its Composition")
    by_url = {e["fullUrl"]: e["resource"] for e in entries}
    if len(by_url) != len(entries) or any(not u.startswith("urn:uuid:") for u in by_url):
        raise ValueError("every entry needs its own urn:uuid fullUrl")
    if dangling := sorted(set(references(bundle)) - set(by_url)):
        raise ValueError(f"references to nothing in the bundle: {dangling}")
    reached, todo = set(), [entries[0]["fullUrl"]]
    while todo:
        url = todo.pop()
        if url not in reached:
            reached.add(url)
            todo.extend(_references_in(by_url[url]))
    if unreached := sorted(set(by_url) - reached):
        raise ValueError(f"entries the Composition never reaches: {unreached}")


class _Ids:
    def __init__(self, consult_id: uuid.UUID) -> None:
        self.namespace = uuid.uuid5(_NAMESPACE, str(consult_id))

    def of(self, role: str) -> str:
        return str(uuid.uuid5(self.namespace, role))


class _Document:
    """The resources of one document as they are added; each ``*_ref`` adds a resource once and returns a
    reference to it."""

    def __init__(self, record: ConsultRecord, ids: _Ids) -> None:
        self.record = record
        self.ids = ids
        self.entries: dict[str, dict[str, Any]] = {}

    # -- bundle and composition ------------------------------------------------------------------------------
    def bundle(self, bundle_id: str, composition: dict[str, Any]) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "lastUpdated": _instant(self.record.completed_at),
            "profile": [NRCES + "DocumentBundle"],
        }
        if self.record.is_training:
            meta["tag"] = [_training_tag()]
        bundle = {
            "resourceType": "Bundle",
            "id": bundle_id,
            "meta": meta,
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{bundle_id}"},
            "type": "document",
            "timestamp": _instant(self.record.completed_at),
            "entry": [_entry(composition), *(_entry(r) for r in sorted(self.entries.values(), key=_reading_order))],
        }
        validate(bundle)
        return bundle

    def composition(
        self,
        composition_id: str,
        profile: str,
        kind: tuple[str, str, str],
        sections: list[dict[str, Any]],
        *,
        with_encounter: bool,
    ) -> dict[str, Any]:
        r = self.record
        title = kind[2] + (" (TRAINING)" if r.is_training else "")
        composition: dict[str, Any] = {
            "resourceType": "Composition",
            "id": composition_id,
            "meta": {"profile": [profile], **({"tag": [_training_tag()]} if r.is_training else {})},
            "language": "en-IN",
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{composition_id}"},
            "status": "final",
            "type": _concept(kind),
            "subject": self.patient_ref(),
            **({"encounter": self.encounter_ref()} if with_encounter else {}),
            "date": _instant(r.completed_at),
            "author": [self.practitioner_ref()],
            "title": title,
            "attester": [{"mode": "legal", "time": _instant(r.completed_at), "party": self.practitioner_ref()}],
            "custodian": self.hub_ref(),
            "section": sections,
        }
        return composition

    def add(self, resource: dict[str, Any]) -> dict[str, str]:
        self.entries.setdefault(resource["id"], resource)
        return {"reference": f"urn:uuid:{resource['id']}", "type": resource["resourceType"]}

    # -- who ------------------------------------------------------------------------------------------------
    def patient_ref(self) -> dict[str, str]:
        r = self.record
        patient: dict[str, Any] = {
            "resourceType": "Patient",
            "id": self.ids.of("patient"),
            "meta": {"profile": [NRCES + "Patient"]},
            "name": [{"text": r.patient_name}],
            "gender": r.patient_sex if r.patient_sex in {"male", "female", "other"} else "unknown",
        }
        if r.patient_abha_id:
            patient["identifier"] = [
                {"type": {"text": "ABHA"}, "system": ABHA_SYSTEM, "value": r.patient_abha_id},
            ]
        if r.patient_mobile:
            patient["telecom"] = [{"system": "phone", "value": r.patient_mobile, "use": "mobile"}]
        return self.add(patient)

    def practitioner_ref(self) -> dict[str, str]:
        r = self.record
        practitioner: dict[str, Any] = {
            "resourceType": "Practitioner",
            "id": self.ids.of("practitioner"),
            "meta": {"profile": [NRCES + "Practitioner"]},
            "identifier": [
                {
                    "type": _concept((V2_0203, "MD", "Medical License number")),
                    "system": DOCTOR_SYSTEM,
                    "value": r.doctor_registration_number,
                }
            ],
            "name": [{"text": r.doctor_name}],
        }
        if r.doctor_qualification:
            practitioner["qualification"] = [{"code": {"text": r.doctor_qualification}}]
        return self.add(practitioner)

    def _organization_ref(self, role: str, code: str, name: str) -> dict[str, str]:
        return self.add(
            {
                "resourceType": "Organization",
                "id": self.ids.of(role),
                "meta": {"profile": [NRCES + "Organization"]},
                "identifier": [{"system": CENTRE_SYSTEM, "value": code}],
                "name": name,
            }
        )

    def hub_ref(self) -> dict[str, str]:
        return self._organization_ref("hub", self.record.hub_centre_code, self.record.hub_centre_name)

    def spoke_ref(self) -> dict[str, str]:
        return self._organization_ref("spoke", self.record.spoke_centre_code, self.record.spoke_centre_name)

    # -- the consultation -----------------------------------------------------------------------------------
    def encounter_ref(self) -> dict[str, str]:
        r = self.record
        priority = (ACT_PRIORITY, "EM", "emergency") if r.is_emergency else (ACT_PRIORITY, "R", "routine")
        encounter = {
            "resourceType": "Encounter",
            "id": self.ids.of("encounter"),
            "meta": {"profile": [NRCES + "Encounter"]},
            "identifier": [{"system": CENTRE_SYSTEM + ":" + r.spoke_centre_code, "value": r.consult_number}],
            "status": "finished",
            "class": {"system": ACT_CODE, "code": "VR", "display": "virtual"},
            "serviceType": {"text": _specialty_name(r.specialty)},
            "priority": _concept(priority),
            "subject": self.patient_ref(),
            "participant": [{"individual": self.practitioner_ref()}],
            "period": {"start": _instant(r.requested_at), "end": _instant(r.completed_at)},
            "reasonReference": [self.complaints_ref()],
            "diagnosis": [{"condition": self.diagnosis_ref(), "rank": 1}],
            "serviceProvider": self.hub_ref(),
        }
        return self.add(encounter)

    def _condition(self, role: str, text: str, category: tuple[str, str, str]) -> dict[str, str]:
        return self.add(
            {
                "resourceType": "Condition",
                "id": self.ids.of(role),
                "meta": {"profile": [NRCES + "Condition"]},
                "clinicalStatus": _concept((CONDITION_CLINICAL, "active", "Active")),
                "category": [_concept(category)],
                "code": {"text": text},
                "subject": self.patient_ref(),
                "recordedDate": _instant(self.record.completed_at),
            }
        )

    def complaints_ref(self) -> dict[str, str]:
        return self._condition(
            "chief-complaints",
            self.record.chief_complaints,
            (CONDITION_CATEGORY, "problem-list-item", "Problem List Item"),
        )

    def diagnosis_ref(self) -> dict[str, str]:
        return self._condition(
            "diagnosis", self.record.diagnosis, (CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")
        )

    def _observation(
        self, role: str, code: tuple[str, str, str] | dict[str, Any], *, vital: bool, **value: Any
    ) -> dict[str, Any]:
        category = {"category": [_concept((OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"))]} if vital else {}
        return {
            "resourceType": "Observation",
            "id": self.ids.of(role),
            "meta": {"profile": [NRCES + "Observation"]},
            "status": "final",
            **category,
            "code": code if isinstance(code, dict) else _concept(code),
            "subject": self.patient_ref(),
            "effectiveDateTime": _instant(self.record.requested_at),
            "performer": [self.spoke_ref()],
            **value,
        }

    def age_ref(self) -> dict[str, str]:
        age = _quantity(self.record.patient_age_years, "a", "years")
        return self.add(self._observation("age", AGE, vital=False, valueQuantity=age))

    def vitals_refs(self) -> list[dict[str, str]]:
        vitals = self.record.vitals
        refs = [
            self.add(self._observation(v.field, v.code(), vital=True, valueQuantity=q))
            for v in VITALS
            if (q := _vital_quantity(vitals, v)) is not None
        ]
        if vitals.bp_systolic is not None or vitals.bp_diastolic is not None:
            components = [_bp_component(vitals, part) for part in (SYSTOLIC, DIASTOLIC)]
            bp = self._observation("blood-pressure", BLOOD_PRESSURE, vital=True, component=components)
            refs.append(self.add(bp))
        return refs

    def medicine_refs(self) -> list[dict[str, str]]:
        return [self.add(self._medication_request(i, m)) for i, m in enumerate(self.record.medicines)]

    def _medication_request(self, index: int, medicine: Medicine) -> dict[str, Any]:
        r = self.record
        dosage: dict[str, Any] = {"sequence": 1, "text": _dosage_text(medicine)}
        if medicine.instructions:
            dosage["additionalInstruction"] = [{"text": medicine.instructions}]
        if medicine.route:
            dosage["route"] = {"text": medicine.route}
        if (dose := _dose_quantity(medicine.dose)) is not None:
            dosage["doseAndRate"] = [{"doseQuantity": dose}]
        duration = _duration(medicine.duration)
        if duration is not None:
            dosage["timing"] = {"repeat": {"boundsDuration": duration}}
        request: dict[str, Any] = {
            "resourceType": "MedicationRequest",
            "id": self.ids.of(f"medicine-{index}"),
            "meta": {"profile": [NRCES + "MedicationRequest"]},
            "status": "active",
            "intent": "order",
            "medicationCodeableConcept": {"text": _medicine_text(medicine)},
            "subject": self.patient_ref(),
            "authoredOn": _instant(r.completed_at),
            "requester": self.practitioner_ref(),
            "reasonReference": [self.diagnosis_ref()],
            "supportingInformation": [self.age_ref()],
            "dosageInstruction": [dosage],
        }
        if duration is not None:
            request["dispenseRequest"] = {"expectedSupplyDuration": duration}
        return request

    def follow_up_ref(self) -> dict[str, str]:
        r = self.record
        assert r.follow_up_on is not None
        appointment = {
            "resourceType": "Appointment",
            "id": self.ids.of("follow-up"),
            "meta": {"profile": [NRCES + "Appointment"]},
            "status": "proposed",
            "description": f"Follow-up after teleconsultation {r.consult_number}",
            "requestedPeriod": [{"start": r.follow_up_on.isoformat(), "end": r.follow_up_on.isoformat()}],
            "participant": [
                {"actor": self.patient_ref(), "status": "needs-action"},
                {"actor": self.practitioner_ref(), "status": "needs-action"},
            ],
        }
        return self.add(appointment)

    def advice_ref(self) -> dict[str, str]:
        r = self.record
        care_plan = {
            "resourceType": "CarePlan",
            "id": self.ids.of("advice"),
            "meta": {"profile": [NRCES + "CarePlan"]},
            "status": "active",
            "intent": "plan",
            "category": [_concept((SNOMED, "736271009", "Outpatient care plan"))],
            "title": "Advice",
            "description": r.advice,
            "subject": self.patient_ref(),
            "encounter": self.encounter_ref(),
            "created": _instant(r.completed_at),
            "author": self.practitioner_ref(),
        }
        return self.add(care_plan)


_ORDER = ("Patient", "Practitioner", "Organization", "Encounter", "Condition", "Observation", "MedicationRequest")


def _reading_order(resource: dict[str, Any]) -> int:
    kind = resource["resourceType"]
    return _ORDER.index(kind) if kind in _ORDER else len(_ORDER)


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _section(title_and_code: tuple[str, tuple[str, str, str]], entries: list[dict[str, str]]) -> dict[str, Any]:
    title, code = title_and_code
    return {"title": title, "code": _concept(code), "entry": entries}


def _narrative_section(title_and_code: tuple[str, tuple[str, str, str]], text: str) -> dict[str, Any]:
    title, code = title_and_code
    div = f'<div xmlns="{XHTML}"><p>{html.escape(text)}</p></div>'
    return {"title": title, "code": _concept(code), "text": {"status": "additional", "div": div}}


def _binary(binary_id: str, pdf: bytes) -> dict[str, Any]:
    return {
        "resourceType": "Binary",
        "id": binary_id,
        "meta": {"profile": [NRCES + "Binary"]},
        "contentType": "application/pdf",
        "data": base64.b64encode(pdf).decode("ascii"),
    }


def _concept(code: tuple[str, str, str]) -> dict[str, Any]:
    system, value, display = code
    return {"coding": [{"system": system, "code": value, "display": display}], "text": display}


def _quantity(value: float, code: str, unit: str | None = None) -> dict[str, Any]:
    return {"value": value, "unit": unit or code, "system": UCUM, "code": code}


def _vital_quantity(vitals: Vitals, vital: Vital) -> dict[str, Any] | None:
    value = getattr(vitals, vital.field)
    return None if value is None else _quantity(value, vital.unit, _UNIT_SHOWN.get(vital.unit))


def _bp_component(vitals: Vitals, part: Vital) -> dict[str, Any]:
    component: dict[str, Any] = {"code": part.code()}
    if (quantity := _vital_quantity(vitals, part)) is not None:
        component["valueQuantity"] = quantity
    else:
        component["dataAbsentReason"] = _concept((DATA_ABSENT, "not-asked", "Not Asked"))
    return component


def _medicine_text(medicine: Medicine) -> str:
    return " ".join(p for p in (medicine.name, medicine.dose, medicine.form) if p)


def _dosage_text(medicine: Medicine) -> str:
    parts = [medicine.dose, medicine.frequency, f"for {medicine.duration}"]
    if medicine.route:
        parts.append(medicine.route)
    if medicine.instructions:
        parts.append(medicine.instructions)
    return ", ".join(parts)


def _dose_quantity(dose: str) -> dict[str, Any] | None:
    match = _DOSE.match(dose)
    if match is None:
        return None
    unit = match.group(2)
    code = _DOSE_UNITS.get(unit, "{unit}")
    return _quantity(float(match.group(1)), code, unit)


def _duration(duration: str) -> dict[str, Any] | None:
    match = _DURATION.match(duration)
    if match is None:
        return None
    unit = match.group(2).lower().removesuffix("s")
    return _quantity(int(match.group(1)), _DURATION_UNITS[unit], match.group(2).lower())


def _instant(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # stored times are UTC
        return aware.isoformat(timespec="seconds")
    return moment.isoformat()


def _training_tag() -> dict[str, str]:
    return {"system": ACT_REASON, "code": "HTEST", "display": "test health data"}


def references(bundle: dict[str, Any]) -> Iterator[str]:
    """Every ``reference`` inside the bundle's resources."""
    for entry in bundle["entry"]:
        yield from _references_in(entry["resource"])


def _references_in(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from _references_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references_in(item)


def _specialty_name(code: str) -> str:
    """The specialty as people name it (English, the record's language), from the one vocabulary."""
    label = SPECIALTY_LABELS.get(code)
    return label.render() if label is not None else code
