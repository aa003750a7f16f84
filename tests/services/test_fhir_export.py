"""A completed teleconsult leaves as two ABDM documents: an OPConsultRecord and a PrescriptionRecord."""

from __future__ import annotations

import base64
import copy
import json
from collections import Counter

import pytest
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from bbms_desktop.errors import InvalidInput
from bbms_desktop.services import fhir_export
from bbms_desktop.services.consult_record import Vitals
from bbms_desktop.services.fhir_export import (
    consult_bundle,
    consult_documents,
    prescription_bundle,
    validate,
    write_bundles,
)
from tests.consult_examples import MEDICINES, completed_consult

NRCES = "https://nrces.in/ndhm/fhir/r4/StructureDefinition/"


def resources(bundle, kind=None):
    return [e["resource"] for e in bundle["entry"] if kind is None or e["resource"]["resourceType"] == kind]


def resolve(bundle, reference):
    (found,) = [e["resource"] for e in bundle["entry"] if e["fullUrl"] == reference["reference"]]
    return found


def test_the_consult_record_is_a_valid_document_with_the_composition_first():
    bundle = consult_bundle(completed_consult())

    parsed = Bundle.model_validate(bundle)  # the model library's own validation
    assert parsed.type == "document"
    assert bundle["meta"]["profile"] == [NRCES + "DocumentBundle"]
    assert bundle["identifier"]["system"] == "urn:ietf:rfc:3986"
    assert bundle["identifier"]["value"] == f"urn:uuid:{bundle['id']}"
    assert bundle["timestamp"] == "2026-11-21T09:15:00+00:00"
    composition = bundle["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["meta"]["profile"] == [NRCES + "OPConsultRecord"]
    assert composition["type"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "371530004", "display": "Clinical consultation report"}
    ]
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in bundle["entry"])
    assert Counter(r["resourceType"] for r in resources(bundle)) == {
        "Composition": 1,
        "Patient": 1,
        "Practitioner": 1,
        "Organization": 2,  # the hub (custodian) and the spoke that measured the vitals
        "Encounter": 1,
        "Condition": 2,  # chief complaints and diagnosis
        "Observation": 8,  # seven vitals (blood pressure is one panel) and the stated age
        "MedicationRequest": 4,
        "Appointment": 1,
        "CarePlan": 1,
    }


def test_every_resource_declares_its_nrces_profile():
    for bundle in consult_documents(completed_consult(), pdf=b"%PDF-1.7").values():
        for resource in resources(bundle):
            assert resource["meta"]["profile"] == [NRCES + resource["resourceType"]] or (
                resource["resourceType"] == "Composition"
                and resource["meta"]["profile"][0] in {NRCES + "OPConsultRecord", NRCES + "PrescriptionRecord"}
            )


def test_every_reference_resolves_inside_the_bundle_and_the_sections_carry_the_nrces_codes():
    bundle = consult_bundle(completed_consult())
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert set(fhir_export.references(bundle)) <= urls

    composition = bundle["entry"][0]["resource"]
    sections = {s["title"]: s for s in composition["section"]}
    codes = {title: s["code"]["coding"][0]["code"] for title, s in sections.items()}
    assert codes == {
        "ChiefComplaints": "422843007",
        "MedicalHistory": "371529009",
        "PhysicalExamination": "425044008",
        "Medications": "721912009",
        "FollowUp": "390906007",
        "OtherObservations": "404684003",
        "Advice": "734163000",
    }
    complaint = resolve(bundle, sections["ChiefComplaints"]["entry"][0])
    assert complaint["code"]["text"].startswith("Chest heaviness on walking uphill")
    assert "15 bidis a day" in sections["MedicalHistory"]["text"]["div"]
    encounter = resolve(bundle, composition["encounter"])
    assert encounter["class"]["code"] == "VR"  # a virtual encounter: the patient was at the spoke
    diagnosis = resolve(bundle, encounter["diagnosis"][0]["condition"])
    assert diagnosis["code"]["text"] == "Chronic stable angina; stage 2 hypertension"
    assert resolve(bundle, sections["FollowUp"]["entry"][0])["requestedPeriod"][0]["start"] == "2026-12-05"
    assert resolve(bundle, sections["Advice"]["entry"][0])["description"].startswith("Stop smoking.")
    age = resolve(bundle, sections["OtherObservations"]["entry"][0])
    assert age["code"]["coding"][0]["code"] == "30525-0"
    assert age["valueQuantity"] == {"value": 54, "unit": "years", "system": "http://unitsofmeasure.org", "code": "a"}


def test_patient_carries_the_abha_id_and_the_doctor_the_registration_number():
    bundle = consult_bundle(completed_consult())
    (patient,) = resources(bundle, "Patient")
    assert patient["identifier"] == [
        {"type": {"text": "ABHA"}, "system": "https://healthid.abdm.gov.in", "value": "91-4432-7710-2256"}
    ]
    assert patient["name"] == [{"text": "Ramesh Chandra Yadav"}] and patient["gender"] == "male"
    (doctor,) = resources(bundle, "Practitioner")
    assert doctor["identifier"][0]["value"] == "UPMC-48213"
    assert doctor["identifier"][0]["type"]["coding"][0]["code"] == "MD"
    assert {r["meta"]["profile"][0] for r in (patient, doctor)} == {NRCES + "Patient", NRCES + "Practitioner"}

    without = consult_bundle(completed_consult(patient_abha_id=None, patient_mobile=None))
    (patient,) = resources(without, "Patient")
    assert "identifier" not in patient and "telecom" not in patient


def test_one_vitals_observation_per_recorded_vital_with_loinc_and_ucum_and_none_for_missing_ones():
    bundle = consult_bundle(completed_consult())
    vitals = [o for o in resources(bundle, "Observation") if o.get("category")]
    by_code = {o["code"]["coding"][0]["code"]: o for o in vitals}
    assert {code: o["valueQuantity"]["code"] for code, o in by_code.items() if "valueQuantity" in o} == {
        "8302-2": "cm",
        "29463-7": "kg",
        "8867-4": "/min",
        "8310-5": "Cel",
        "9279-1": "/min",
        "2708-6": "%",
    }
    assert by_code["29463-7"]["valueQuantity"]["value"] == 71.5
    assert [c["code"] for c in by_code["2708-6"]["code"]["coding"]] == ["2708-6", "59408-5"]  # by pulse oximetry
    bp = by_code["85354-9"]
    assert [(c["code"]["coding"][0]["code"], c["valueQuantity"]["value"]) for c in bp["component"]] == [
        ("8480-6", 152),
        ("8462-4", 94),
    ]
    assert all(o["category"][0]["coding"][0]["code"] == "vital-signs" for o in vitals)

    sparse = consult_bundle(completed_consult(vitals=Vitals(weight_kg=12.4, bp_systolic=100)))
    vitals = [o for o in resources(sparse, "Observation") if o.get("category")]
    assert sorted(o["code"]["coding"][0]["code"] for o in vitals) == ["29463-7", "85354-9"]
    (bp,) = [o for o in vitals if o["code"]["coding"][0]["code"] == "85354-9"]
    assert bp["component"][1]["dataAbsentReason"]["coding"][0]["code"] == "not-asked"

    none = consult_bundle(completed_consult(vitals=Vitals()))
    assert [o["code"]["coding"][0]["code"] for o in resources(none, "Observation")] == ["30525-0"]
    assert "PhysicalExamination" not in {s["title"] for s in none["entry"][0]["resource"]["section"]}


def test_the_prescription_document_holds_exactly_the_prescribed_medicines():
    pdf = b"%PDF-1.7 the printed slip"
    bundle = prescription_bundle(completed_consult(), pdf)
    Bundle.model_validate(bundle)
    composition = bundle["entry"][0]["resource"]
    assert composition["meta"]["profile"] == [NRCES + "PrescriptionRecord"]
    assert composition["type"]["coding"][0]["code"] == "440545006"
    (section,) = composition["section"]  # the profile's single, closed section
    listed = [resolve(bundle, ref) for ref in section["entry"]]
    assert [r["resourceType"] for r in listed] == ["MedicationRequest"] * 4 + ["Binary"]
    assert base64.b64decode(listed[-1]["data"]) == pdf and listed[-1]["contentType"] == "application/pdf"

    requests = listed[:-1]
    assert [(r["medicationCodeableConcept"]["text"], r["dosageInstruction"][0]["text"]) for r in requests] == [
        ("Aspirin 75 mg tablet", "75 mg, once a day, for 30 days, oral, after lunch"),
        ("Atorvastatin 20 mg tablet", "20 mg, once a day at night, for 30 days, oral"),
        (
            "Isosorbide dinitrate 5 mg tablet",
            "5 mg, when chest pain starts, for 2 weeks, sublingual, under the tongue; sit down; call 108 if pain "
            "lasts over 15 minutes",
        ),
        ("Pantoprazole 40 mg", "40 mg, once a day before breakfast, for 14 days"),
    ]
    for request, medicine in zip(requests, MEDICINES, strict=True):
        assert request["intent"] == "order" and request["status"] == "active"
        assert resolve(bundle, request["requester"])["identifier"][0]["value"] == "UPMC-48213"
        assert resolve(bundle, request["subject"])["name"][0]["text"] == "Ramesh Chandra Yadav"
        assert resolve(bundle, request["supportingInformation"][0])["valueQuantity"]["value"] == 54
        dose = request["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]
        assert f"{dose['value']:g} {dose['unit']}" == medicine.dose and dose["code"] == "mg"
    assert requests[2]["dispenseRequest"]["expectedSupplyDuration"] == {
        "value": 2,
        "unit": "weeks",
        "system": "http://unitsofmeasure.org",
        "code": "wk",
    }
    assert set(fhir_export.references(bundle)) <= {e["fullUrl"] for e in bundle["entry"]}


def test_both_documents_name_the_same_patient_and_exporting_twice_gives_the_same_documents():
    first = consult_documents(completed_consult())
    again = consult_documents(completed_consult())
    assert first == again
    op_patient = resources(first["OPConsultation"], "Patient")[0]["id"]
    assert resources(first["Prescription"], "Patient")[0]["id"] == op_patient
    assert first["OPConsultation"]["identifier"] != first["Prescription"]["identifier"]


def test_advice_only_consult_has_no_prescription_document():
    record = completed_consult(medicines=())
    assert list(consult_documents(record)) == ["OPConsultation"]
    assert "Medications" not in {s["title"] for s in consult_bundle(record)["entry"][0]["resource"]["section"]}
    with pytest.raises(InvalidInput) as refused:
        prescription_bundle(record)
    assert "TC-UP-SPR-2026-00417" in refused.value.render("hi")
    assert refused.value.render("hi") != refused.value.render("en")


def test_training_documents_are_tagged_as_test_data():
    bundle = consult_bundle(completed_consult(is_training=True, is_emergency=True))
    assert bundle["meta"]["tag"][0]["code"] == "HTEST"
    assert bundle["entry"][0]["resource"]["title"].endswith("(TRAINING)")
    (encounter,) = resources(bundle, "Encounter")
    assert encounter["priority"]["coding"][0]["code"] == "EM"
    assert "tag" not in consult_bundle(completed_consult())["meta"]


def test_a_broken_bundle_is_refused():
    good = consult_bundle(completed_consult())
    dangling = copy.deepcopy(good)
    dangling["entry"] = [e for e in dangling["entry"] if e["resource"]["resourceType"] != "Practitioner"]
    with pytest.raises(ValueError, match="references to nothing"):
        validate(dangling)
    stray = copy.deepcopy(good)
    stray["entry"].append({"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001", "resource": {
        "resourceType": "Organization", "id": "00000000-0000-4000-8000-000000000001", "name": "Nobody"}})  # fmt: skip
    with pytest.raises(ValueError, match="never reaches"):
        validate(stray)
    with pytest.raises(ValueError, match="starts with its Composition"):
        validate({**good, "entry": good["entry"][1:]})
    malformed = copy.deepcopy(good)
    resources(malformed, "Observation")[0]["valueQuantity"]["value"] = "ninety"
    with pytest.raises(ValidationError):
        validate(malformed)


def test_bundles_are_written_as_json_files_named_by_consult_number(tmp_path):
    paths = write_bundles(completed_consult(), tmp_path / "export")
    assert sorted(p.name for p in (tmp_path / "export").iterdir()) == sorted(p.name for p in paths)  # no leftovers
    assert [p.name for p in paths] == [
        "TC-UP-SPR-2026-00417-OPConsultation.json",
        "TC-UP-SPR-2026-00417-Prescription.json",
    ]
    written = json.loads(paths[1].read_text(encoding="utf-8"))
    validate(written)
    assert written == prescription_bundle(completed_consult())


def test_the_encounter_names_the_specialty_as_people_do_not_by_its_code():
    bundle = consult_bundle(completed_consult(specialty="general_medicine"))
    (encounter,) = resources(bundle, "Encounter")
    assert encounter["serviceType"]["text"] == "General medicine"
