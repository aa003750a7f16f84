"""Push: exactly once, in order, a local transaction all or none (audit kept), and every op checked by the rules."""

import gzip
import json
import uuid
from datetime import date, datetime

import pytest

from bbms_desktop.models import new_id
from bbms_desktop.sync.protocol import API, SCHEMA_VERSION
from tests.central.helpers import component, donor, fields_for


@pytest.fixture
def device(central):
    central.add_centre("DL-RKS")
    return central.enrol("DL-RKS")


def test_the_same_push_twice_gives_the_same_results_and_one_change(central, device):
    ops = [donor(device), donor(device)]
    first = device.push(*ops)
    seq_after_first = central.last_seq()
    second = device.push(*ops)  # the reply was lost: the device sends it all again
    assert second == first
    assert central.last_seq() == seq_after_first
    assert central.row(ops[0]["row_id"]).version == first["results"][0]["version"]


def test_a_push_that_skips_an_op_is_told_where_to_resume(device):
    device.push(donor(device))
    device.op_seq += 1  # op 2 lost on the device side
    response = device.push(donor(device), status=409)
    assert response["code"] == "op_gap"
    assert response["expected_op_seq"] == 2


def test_a_replay_and_new_ops_in_one_push(device):
    first = donor(device)
    device.push(first)
    second = donor(device)
    answer = device.push(first, second)
    assert [r["op_seq"] for r in answer["results"]] == [1, 2]
    assert answer["last_op_seq"] == 2


def test_a_reused_op_seq_with_another_op_is_never_silently_acknowledged(device):
    op = donor(device)
    device.push(op)
    impostor = {**donor(device), "op_seq": 1}
    answer = device.push(impostor)
    assert answer["results"][0]["status"] == "rejected"
    assert answer["results"][0]["code"] == "op_id_mismatch"


def test_a_local_transaction_is_all_or_none_but_its_audit_event_is_kept(central, device):
    tx = device.op_seq + 1
    new_donor = donor(device, tx=tx)
    bad = device.update("components", new_id(), 1, tx=tx, status="issued")  # the server never saw this unit
    audit = device.insert("audit_events", tx=tx, action="issue_unit", device_id=device.id, device_seq=1)
    answer = device.push(new_donor, bad, audit)
    statuses = [(r["status"], r["code"]) for r in answer["results"]]
    assert statuses == [
        ("rejected", "rejected_with_transaction"),
        ("rejected", "no_such_row"),
        ("applied", None),
    ]
    assert central.row(new_donor["row_id"]) is None
    assert central.row(audit["row_id"]) is not None
    assert answer["last_op_seq"] == 3  # rejected ops are taken too: never resent


def test_a_second_issue_of_a_unit_by_another_device_is_illegal_and_shows_the_unit(central, device):
    counter_2 = central.enrol("DL-RKS")
    unit = component(device)
    version = device.push(unit)["results"][0]["version"]

    device.push(device.update("components", unit["row_id"], version, status="issued"))
    late = counter_2.push(counter_2.update("components", unit["row_id"], version, status="issued"))
    result = late["results"][0]
    assert result["status"] == "rejected"
    assert result["code"] == "illegal_transition"
    assert "already issued" in result["message"].lower()
    assert result["server_row"]["status"] == "issued"


def test_another_centre_cannot_write_this_centres_units(central, device):
    central.add_centre("MH-PUN")
    other = central.enrol("MH-PUN")
    unit = component(device)
    version = device.push(unit)["results"][0]["version"]

    change = other.push(other.update("components", unit["row_id"], version, status="discarded"))["results"][0]
    assert (change["status"], change["code"]) == ("rejected", "not_your_centre")
    assert change["server_row"] is None  # another centre's unit is not shown to it either
    planted = other.push(component(other, centre_id=device.centre_id))["results"][0]
    assert (planted["status"], planted["code"]) == ("rejected", "not_your_centre")
    assert central.row(unit["row_id"]).fields["status"] == "available"


def test_a_device_writes_only_its_own_centres_users(central, device):
    central.add_centre("MH-PUN")
    other = central.enrol("MH-PUN")
    user_id = central.add_user("DL-RKS", "meera")
    row = central.row(user_id)
    answer = other.push(other.update("users", user_id, row.version, role="quality_admin", active=False))
    assert answer["results"][0]["code"] == "not_your_centre"


def test_append_only_facts_change_only_by_voiding(central, device):
    deferral = device.insert("deferrals", donor_id=new_id(), reason_code="low_hb", permanent=False,
                             starts_on="2026-11-22", until="2027-01-22")  # fmt: skip
    version = device.push(deferral)["results"][0]["version"]
    edit = device.push(device.update("deferrals", deferral["row_id"], version, until="2026-12-01"))["results"][0]
    assert (edit["status"], edit["code"]) == ("rejected", "append_only")

    visit = device.insert("screening_visits", donor_id=new_id(), assessed_by_id=new_id())
    version = device.push(visit)["results"][0]["version"]
    void = device.update(
        "screening_visits", visit["row_id"], version, voided_at=datetime(2026, 11, 23).astimezone(), void_reason="typo"
    )
    assert device.push(void)["results"][0]["status"] == "applied"


@pytest.mark.parametrize(
    ("entity", "fields", "code"),
    [
        ("patients", {"id": "x"}, "unknown_entity"),
        ("centres", {}, "server_owned"),
        ("donors", {"shoe_size": 9}, "unknown_field"),
        ("donors", {"sex": "Q"}, "bad_value"),
        ("donors", {"date_of_birth": "yesterday"}, "bad_value"),
        ("donors", {"consent_given_at": "2026-11-22T10:30:00"}, "bad_value"),  # a time without a zone
        ("donors", {"given_name": "x" * 101}, "bad_value"),
        ("donors", {"needs_review": "yes"}, "bad_value"),
        ("donors", {"given_name": None}, "bad_value"),
        ("screening_visits", {"weight_kg": float("nan")}, "bad_value"),
        ("screening_visits", {"answers": {"q": "a\x00b"}}, "bad_value"),
    ],
)
def test_an_op_that_breaks_the_shape_of_its_record_is_rejected(central, device, entity, fields, code):
    if entity in ("patients", "centres"):
        op = device.op(entity, new_id(), "insert", fields)
    else:
        op = device.insert(entity)
        op["fields"].update(fields)
    result = device.push(op)["results"][0]
    assert (result["status"], result["code"]) == ("rejected", code)


def test_an_insert_sent_again_is_applied_once_and_other_content_under_its_id_is_refused(central, device):
    op = donor(device)
    version = device.push(op)["results"][0]["version"]
    again = device.op("donors", op["row_id"], "insert", op["fields"])
    assert device.push(again)["results"][0] == {
        "op_seq": again["op_seq"], "status": "applied", "version": version, "code": None, "message": None,
        "permanent": True, "server_row": None,
    }  # fmt: skip
    other = device.op("donors", op["row_id"], "insert", {**op["fields"], "given_name": "Someone else"})
    result = device.push(other)["results"][0]
    assert result["code"] == "row_exists"
    assert result["server_row"]["given_name"] == "Asha"


def test_two_donors_cannot_share_a_donor_number(device):
    first = donor(device, donor_number="RKS-0001")
    device.push(first)
    result = device.push(donor(device, donor_number="RKS-0001"))["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "row_exists")


def test_an_update_of_an_unknown_row_is_no_such_row(device):
    result = device.push(device.update("donors", new_id(), 3, mobile="9876543210"))["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "no_such_row")


def test_a_push_for_another_device_a_newer_schema_or_a_training_mix_is_refused(central, device):
    op = donor(device)
    body = {"device_id": str(uuid.uuid4()), "schema_version": SCHEMA_VERSION, "ops": [op]}
    response = device.post("/sync/push", json=body)
    assert (response.status_code, response.json()["code"]) == (403, "wrong_device")
    assert device.push(op, schema_version=SCHEMA_VERSION + 1, status=409)["code"] == "schema_too_new"


def test_queued_ops_of_an_older_client_are_still_accepted(device):
    answer = device.push(donor(device), schema_version=SCHEMA_VERSION - 2)
    assert answer["results"][0]["status"] == "applied"


def test_a_gzip_body_is_accepted_and_a_broken_one_is_a_400(central, device):
    op = donor(device)
    body = json.dumps({"device_id": str(device.id), "schema_version": SCHEMA_VERSION, "ops": [op]}).encode()
    headers = {**device.headers, "Content-Encoding": "gzip", "Content-Type": "application/json"}
    response = central.client.post(f"{API}/sync/push", content=gzip.compress(body), headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["status"] == "applied"

    broken = central.client.post(f"{API}/sync/push", content=gzip.compress(body)[:-9], headers=headers)
    assert (broken.status_code, broken.json()["code"]) == (400, "bad_body")


def test_many_ops_in_one_push(central, device):
    ops = [donor(device) for _ in range(200)]
    answer = device.push(*ops)
    assert {r["status"] for r in answer["results"]} == {"applied"}
    assert answer["last_op_seq"] == 200


def test_fields_for_fills_every_required_column():
    fields = fields_for("components", status="available")
    assert fields["status"] == "available" and fields["id"]


def test_a_deferral_is_kept_even_when_the_rest_of_its_transaction_is_refused(central):
    """A deferral is never lost: like an audit event it is applied alone when its transaction's other ops fail."""
    central.add_centre("DL-AIIMS")
    device = central.enrol("DL-AIIMS")
    asha = donor(device)
    device.push(asha)
    user = central.add_user("DL-AIIMS", "mo")
    deferral = device.insert(
        "deferrals",
        tx=device.op_seq + 1,
        donor_id=asha["fields"]["id"],
        reason_code="HIGH_RISK",
        permanent=True,
        starts_on=date(2026, 11, 22),
        until=None,
        decided_by_id=user,
    )
    refused = device.update("donors", uuid.uuid4(), None, tx=deferral["tx"], given_name="x")  # no such donor
    results = device.push(deferral, refused)["results"]
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert central.row(deferral["row_id"]) is not None
