"""Teleconsultations through push and pull: the server takes a queued request (and says it is uploaded), shows it to
the hub it names and to nobody else, lets only an assigned hub doctor answer, checks every step against the status
machine and refuses a prohibited medicine, whatever the client did."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

import pytest

from bbms_central import admin
from bbms_central.admin import AdminError
from bbms_desktop.models import new_id
from tests.central.helpers import PASSWORD, Central, Device, now


@pytest.fixture
def network(central: Central) -> dict[str, Any]:
    """Two spokes and a hub with a cardiologist and a dermatologist, a device at each centre."""
    central.add_centre("SPOKE-A", kind="spoke")
    central.add_centre("SPOKE-B", kind="spoke")
    central.add_centre("HUB", kind="hub")
    with central.db.write() as session:
        doctors = {
            specialty: uuid.UUID(
                admin.add_user(
                    session,
                    centre_code="HUB",
                    username=f"dr-{specialty}",
                    role="hub_doctor",
                    password=PASSWORD,
                    full_name=f"Dr. {specialty.title()}",
                    registration_number="DMC-4711",
                    specialties=[specialty],
                )["user_id"]
            )
            for specialty in ("cardiology", "dermatology")
        }
    devices = {code: central.enrol(code) for code in ("SPOKE-A", "SPOKE-B", "HUB")}
    workers = {
        code: central.add_user(code, f"hw-{code.lower()}", "spoke_health_worker") for code in ("SPOKE-A", "SPOKE-B")
    }
    return {
        "devices": devices,
        "doctors": doctors,
        "workers": workers,
        "hub_id": devices["HUB"].centre_id,
        "central": central,
    }


def request_op(spoke: Device, net: dict[str, Any], **values: Any) -> dict[str, Any]:
    values.setdefault("status", "queued")
    values.setdefault("specialty", "cardiology")
    values.setdefault("priority", "routine")
    values.setdefault("patient_sex", "F")
    values.setdefault("consult_number", f"T-{new_id().hex[-8:]}")
    values.setdefault("accepted_at", None)
    values.setdefault("completed_at", None)
    values.setdefault("uploaded_at", None)
    for key in ("accepted_by_id", "doctor_name", "doctor_registration_number", "diagnosis", "advice"):
        values.setdefault(key, None)
    spoke_code = "SPOKE-A" if spoke.centre_id == net["devices"]["SPOKE-A"].centre_id else "SPOKE-B"
    return spoke.insert("teleconsults", hub_centre_id=net["hub_id"], created_by_id=net["workers"][spoke_code], **values)


def pushed(device: Device, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    return device.push(*ops)["results"]


def visible(device: Device) -> dict[str, dict[str, Any]]:
    return {
        row_id: change for row_id, change in device.pull_all().items() if change["entity"].startswith(("tele", "pres"))
    }


def test_a_queued_request_is_uploaded_and_seen_by_its_hub_only(network):
    spoke, other, hub = (network["devices"][c] for c in ("SPOKE-A", "SPOKE-B", "HUB"))
    draft = request_op(spoke, network, status="draft")
    queued = request_op(spoke, network)
    results = pushed(spoke, draft, queued)
    assert [r["status"] for r in results] == ["applied", "applied"]
    seen_by_hub = visible(hub)
    assert set(seen_by_hub) == {queued["row_id"]}  # not the draft
    assert seen_by_hub[queued["row_id"]]["fields"]["status"] == "uploaded"
    assert seen_by_hub[queued["row_id"]]["fields"]["uploaded_at"] is not None
    assert visible(other) == {}  # another spoke never sees this patient
    assert visible(spoke)[queued["row_id"]]["fields"]["status"] == "uploaded"


def accept_op(hub: Device, row_id: str, version: int, doctor: uuid.UUID, **extra: Any) -> dict[str, Any]:
    return hub.update(
        "teleconsults", row_id, version, status="accepted", accepted_at=now(), accepted_by_id=doctor,
        doctor_name="Dr. Cardiology", doctor_registration_number="DMC-4711", **extra,
    )  # fmt: skip


def test_only_a_hub_doctor_of_the_specialty_may_accept_and_steps_follow_the_machine(network):
    spoke, hub = network["devices"]["SPOKE-A"], network["devices"]["HUB"]
    queued = request_op(spoke, network)
    pushed(spoke, queued)
    version = visible(hub)[queued["row_id"]]["version"]
    refused = pushed(hub, accept_op(hub, queued["row_id"], version, network["doctors"]["dermatology"]))[0]
    assert (refused["status"], refused["code"]) == ("rejected", "not_permitted")
    assert "cardiology" in refused["message"]
    assert pushed(hub, accept_op(hub, queued["row_id"], version, network["doctors"]["cardiology"]))[0]["status"] in (
        "applied",
        "merged",
    )
    # the spoke cannot write the answer, nor step to completed
    wrong = pushed(spoke, spoke.update("teleconsults", queued["row_id"], version, diagnosis="mine"))[0]
    assert (wrong["status"], wrong["code"]) == ("rejected", "not_your_centre")
    skipped = pushed(spoke, spoke.update("teleconsults", queued["row_id"], version, status="received"))[0]
    assert (skipped["status"], skipped["code"]) == ("rejected", "illegal_transition")
    # another spoke may not even cancel it
    other = network["devices"]["SPOKE-B"]
    foreign = pushed(other, other.update("teleconsults", queued["row_id"], version, status="cancelled"))[0]
    assert foreign["status"] == "rejected"


def test_a_prohibited_medicine_refuses_the_whole_completion(network):
    spoke, hub = network["devices"]["SPOKE-A"], network["devices"]["HUB"]
    queued = request_op(spoke, network)
    pushed(spoke, queued)
    version = visible(hub)[queued["row_id"]]["version"]
    doctor = network["doctors"]["cardiology"]
    pushed(hub, accept_op(hub, queued["row_id"], version, doctor))
    version = visible(hub)[queued["row_id"]]["version"]
    tx = hub.op_seq + 1
    medicine = hub.insert(
        "prescribed_medicines", tx=tx, consult_id=queued["row_id"], spoke_centre_id=spoke.centre_id,
        hub_centre_id=network["hub_id"], line_number=1, name="Tramadol", dose="50 mg", frequency="twice a day",
        duration="5 days",
    )  # fmt: skip
    completion = hub.update(
        "teleconsults", queued["row_id"], version, tx=tx, status="completed", completed_at=now(),
        diagnosis="Back pain", advice="Rest",
    )  # fmt: skip
    results = pushed(hub, medicine, completion)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "prohibited_medicine"),
        ("rejected", "rejected_with_transaction"),
    ]
    assert "Tramadol may not be prescribed by teleconsultation" in results[0]["message"]
    assert visible(spoke)[queued["row_id"]]["fields"]["status"] == "accepted"


def test_a_hub_doctor_needs_specialties_and_a_registration_number(central):
    central.add_centre("HUB", kind="hub")
    central.add_centre("BC")
    with central.db.write() as session:
        for kwargs, words in (
            ({"specialties": []}, "at least one --specialty"),
            ({"specialties": ["astrology"]}, "Unknown specialty"),
            ({"specialties": ["cardiology"], "registration_number": None}, "--registration-number"),
            ({"specialties": ["cardiology"], "centre_code": "BC"}, "not one"),
        ):
            arguments = {"centre_code": "HUB", "registration_number": "DMC-1", **kwargs}
            with pytest.raises(AdminError, match=words):
                admin.add_user(session, username="dr-x", role="hub_doctor", password=PASSWORD, **arguments)


def attachment_op(spoke: Device, net: dict[str, Any], consult_id: str, data: bytes, **values: Any) -> dict[str, Any]:
    values.setdefault("file_name", "ecg.jpg")
    values.setdefault("media_type", "image/jpeg")
    values.setdefault("kind", "ecg")
    return spoke.insert(
        "teleconsult_attachments", consult_id=consult_id, spoke_centre_id=spoke.centre_id,
        hub_centre_id=net["hub_id"], sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data),
        added_by_id=net["workers"]["SPOKE-A"], **values,
    )  # fmt: skip


def put(device: Device, sha: str, offset: int, length: int, data: bytes):
    headers = {**device.headers, "Upload-Offset": str(offset), "Upload-Length": str(length)}
    headers["Content-Type"] = "application/octet-stream"
    return device.central.client.put(f"/v1/blobs/{sha}", content=data, headers=headers)


def head(device: Device, sha: str):
    return device.central.client.head(f"/v1/blobs/{sha}", headers=device.headers)


def test_a_blob_goes_up_in_chunks_resumes_at_the_servers_offset_and_only_its_centres_read_it(network):
    spoke, other, hub = (network["devices"][c] for c in ("SPOKE-A", "SPOKE-B", "HUB"))
    data = bytes(range(256)) * 4000  # 1,024,000 bytes
    sha = hashlib.sha256(data).hexdigest()
    assert put(spoke, sha, 0, len(data), data[:1000]).status_code == 404  # no attachment names it yet
    queued = request_op(spoke, network)
    attachment = attachment_op(spoke, network, queued["row_id"], data)
    assert [r["status"] for r in pushed(spoke, queued, attachment)] == ["applied", "applied"]
    assert head(spoke, sha).headers["Upload-Offset"] == "0"
    assert put(spoke, sha, 0, len(data), data[:400_000]).json()["offset"] == 400_000
    # a chunk sent again (its answer was lost) is refused with the server's offset: the device goes on from there
    again = put(spoke, sha, 0, len(data), data[:400_000])
    assert (again.status_code, again.json()["code"], again.json()["offset"]) == (409, "blob_offset", 400_000)
    assert put(hub, sha, 400_000, len(data), data[400_000:]).status_code == 404  # the hub reads, never writes
    done = put(spoke, sha, 400_000, len(data), data[400_000:]).json()
    assert done == {"sha256": sha, "size": len(data), "offset": len(data), "complete": True}
    assert head(hub, sha).headers["Upload-Complete"] == "1"
    assert hub.get(f"/blobs/{sha}").content == data
    assert other.get(f"/blobs/{sha}").status_code == 404  # another spoke never reads this patient's files
    assert head(other, sha).status_code == 404


def test_bytes_that_do_not_hash_to_the_name_are_discarded(network):
    spoke = network["devices"]["SPOKE-A"]
    data = b"%PDF-1.4 lab report" * 100
    sha = hashlib.sha256(data).hexdigest()
    queued = request_op(spoke, network)
    attachment = attachment_op(
        spoke, network, queued["row_id"], data, file_name="cbc.pdf", media_type="application/pdf", kind="lab_report"
    )
    pushed(spoke, queued, attachment)
    damaged = data[:-1] + b"X"
    answer = put(spoke, sha, 0, len(damaged), damaged)
    assert (answer.status_code, answer.json()["code"]) == (422, "blob_mismatch")
    assert head(spoke, sha).headers["Upload-Offset"] == "0"  # discarded: the next upload starts afresh
    assert put(spoke, sha, 0, len(data), data).json()["complete"] is True


def test_the_server_gives_each_hub_doctor_the_queue_of_their_specialties_by_priority(network):
    spoke, hub = network["devices"]["SPOKE-A"], network["devices"]["HUB"]
    routine = request_op(spoke, network, priority="routine")
    emergency = request_op(spoke, network, priority="emergency")
    skin = request_op(spoke, network, specialty="dermatology", priority="urgent")
    draft = request_op(spoke, network, status="draft", priority="emergency")
    pushed(spoke, routine, emergency, skin, draft)

    def queue(doctor: str, **params: Any) -> dict[str, Any]:
        answer = hub.get("/teleconsults/queue", params={"doctor_id": str(network["doctors"][doctor]), **params})
        assert answer.status_code == 200, answer.text
        return answer.json()

    cardiology = queue("cardiology")
    assert cardiology["specialties"] == ["cardiology"]
    assert [i["consult_id"] for i in cardiology["items"]] == [emergency["row_id"], routine["row_id"]]
    assert [i["consult_id"] for i in queue("dermatology")["items"]] == [skin["row_id"]]
    assert queue("dermatology", specialty="cardiology")["items"] == []  # never beyond the assigned specialties
    # a spoke's device, or a user who is no hub doctor of this hub, gets no queue
    refused = spoke.get("/teleconsults/queue", params={"doctor_id": str(network["doctors"]["cardiology"])})
    assert (refused.status_code, refused.json()["code"]) == (403, "not_permitted")
    worker = hub.get("/teleconsults/queue", params={"doctor_id": str(network["workers"]["SPOKE-A"])})
    assert worker.status_code == 403


def test_the_scope_stream_asks_about_the_centres_it_meets_and_answers_as_the_whole_list_would(network, monkeypatch):
    """A scope page no longer reads every centre row to know the peers (hundreds of centres, every pull): it asks
    about the centres its rows name. Pages and answers must be those of the whole list."""
    from bbms_central import store
    from bbms_central.models import Device as DeviceRow
    from bbms_desktop.sync.protocol import Stream

    central = network["central"]
    central.add_centre("TRAIN-HUB", kind="hub", training=True)
    spoke_a, spoke_b = network["devices"]["SPOKE-A"], network["devices"]["SPOKE-B"]
    pushed(spoke_a, request_op(spoke_a, network), request_op(spoke_a, network, status="draft"))
    pushed(spoke_b, request_op(spoke_b, network, specialty="dermatology"))

    def pages() -> list[bytes]:
        with central.db.read() as session:
            return [
                store.pull_json(session, session.get(DeviceRow, device.id), None, 1000, stream=Stream.SCOPE)
                for device in network["devices"].values()
            ]

    with central.db.read() as session:
        for training in (False, True):
            listed = set(store.peer_centre_ids(session, training))
            asked = store.scope_peers(session, training)
            for centre in [*store.peer_centre_ids(session, not training), *listed, uuid.uuid4(), "not a uuid"]:
                assert (centre in asked) == (centre in listed)
    lazily = pages()
    monkeypatch.setattr(store, "scope_peers", lambda session, training: set(store.peer_centre_ids(session, training)))
    strip = [page.split(b'"server_time"')[0] for page in lazily]
    assert strip == [page.split(b'"server_time"')[0] for page in pages()]
    assert all(b'"teleconsults"' in page for page in lazily)
