"""Donor records across devices and centres: field-level merge (principle 7), duplicate flags, explicit merges that
sync down as a redirect and can be undone (principles 8, 9)."""

import pytest

from bbms_desktop.models import new_id
from tests.central.helpers import donor


@pytest.fixture
def delhi(central):
    central.add_centre("DL-RKS")
    return central.enrol("DL-RKS")


@pytest.fixture
def pune(central):
    central.add_centre("MH-PUN")
    return central.enrol("MH-PUN")


@pytest.fixture
def asha(delhi):
    op = donor(delhi, mobile="9876543210", address="12 Lodhi Road")
    return op["row_id"], delhi.push(op)["results"][0]["version"]


def test_disjoint_field_changes_from_two_devices_merge(central, delhi, asha):
    desk_2 = central.enrol("DL-RKS")
    row_id, version = asha
    delhi.push(delhi.update("donors", row_id, version, mobile="9000000001"))
    result = desk_2.push(desk_2.update("donors", row_id, version, address="7 Janpath"))["results"][0]
    assert result["status"] == "merged"
    fields = central.row(row_id).fields
    assert (fields["mobile"], fields["address"], fields["needs_review"]) == ("9000000001", "7 Janpath", False)


def test_the_same_field_changed_on_two_devices_is_a_conflict_last_wins_and_the_donor_needs_review(central, delhi, asha):
    desk_2 = central.enrol("DL-RKS")
    row_id, version = asha
    delhi.push(delhi.update("donors", row_id, version, mobile="9000000001"))
    result = desk_2.push(desk_2.update("donors", row_id, version, mobile="9000000002"))["results"][0]
    assert result["status"] == "conflict"
    assert result["server_row"]["mobile"] == "9000000002"
    assert result["server_row"]["needs_review"] is True
    assert central.row(row_id).version == result["version"]


def test_a_devices_own_offline_edits_of_one_donor_never_conflict_with_each_other(delhi, asha):
    row_id, version = asha
    first = delhi.update("donors", row_id, version, mobile="9000000001")
    second = delhi.update("donors", row_id, version, mobile="9000000003")  # same base: it was offline
    assert [r["status"] for r in delhi.push(first)["results"] + delhi.push(second)["results"]] == [
        "applied",
        "applied",
    ]


def test_another_centre_may_change_only_the_registry_fields_of_a_donor(central, delhi, pune, asha):
    row_id, version = asha
    registry = pune.push(pune.update("donors", row_id, version, mobile="9111111111"))["results"][0]
    assert registry["status"] == "applied"
    private = pune.push(pune.update("donors", row_id, registry["version"], address="Pune"))["results"][0]
    assert (private["status"], private["code"]) == ("rejected", "not_your_centre")
    assert private["server_row"]["address"] is None  # what Pune may see of it
    assert central.row(row_id).fields["address"] == "12 Lodhi Road"


def test_a_donor_registered_again_at_another_centre_is_flagged_never_merged(central, delhi, pune, asha):
    row_id, _ = asha
    again = donor(pune, mobile="+91 98765 43210", id_document_type="aadhaar", id_document_number="1234 5678 9012")
    pune.push(again)
    flags = pune.get("/donors/duplicates").json()["flags"]
    assert len(flags) == 1
    assert {flags[0]["donor_id"], flags[0]["other_donor_id"]} == {row_id, again["row_id"]}
    assert flags[0]["reasons"] == ["mobile"]
    assert delhi.get("/donors/duplicates").json()["flags"] == flags
    assert central.row(again["row_id"]).fields["merged_into_id"] is None

    same_person = donor(delhi, id_document_type="aadhaar", id_document_number="123456789012",
                        name_key="ravi kumar", sex="M")  # fmt: skip
    delhi.push(same_person)
    reasons = {tuple(f["reasons"]) for f in delhi.get("/donors/duplicates").json()["flags"]}
    assert ("id_document",) in reasons


def test_a_merge_syncs_down_as_a_redirect_keeps_the_deferrals_and_can_be_undone(central, delhi, pune, asha):
    survivor, _ = asha
    duplicate = donor(pune, mobile="9876543210")
    deferral = pune.insert("deferrals", donor_id=duplicate["row_id"], reason_code="hepatitis_b", permanent=True,
                           starts_on="2026-11-22")  # fmt: skip
    pune.push(duplicate, deferral)
    officer = central.add_user("DL-RKS", "meera", role="medical_officer")
    cursor = pune.pull()["next_cursor"]

    body = {"survivor_id": survivor, "duplicate_id": duplicate["row_id"], "reason": "same Aadhaar seen at the desk",
            "by_user_id": str(officer)}  # fmt: skip
    merged = delhi.post("/donors/merge", json=body)
    assert merged.status_code == 200, merged.text
    changes = pune.pull(cursor)["changes"]
    assert [(c["row_id"], c["fields"]["merged_into_id"]) for c in changes] == [(duplicate["row_id"], survivor)]
    assert changes[0]["version"] == merged.json()["version"]
    assert central.row(deferral["row_id"]).fields["donor_id"] == duplicate["row_id"]
    assert pune.get("/donors/duplicates").json()["flags"] == []
    again = delhi.post("/donors/merge", json=body)
    assert (again.status_code, again.json()["code"]) == (409, "already_merged")

    undo = delhi.post(f"/donors/merge/{merged.json()['merge_id']}/undo",
                      json={"reason": "twins, not one person", "by_user_id": str(officer)})  # fmt: skip
    assert undo.status_code == 200, undo.text
    (redirect_cleared,) = pune.pull(str(changes[0]["version"]))["changes"]
    assert redirect_cleared["fields"]["merged_into_id"] is None
    twice = delhi.post(f"/donors/merge/{merged.json()['merge_id']}/undo",
                       json={"reason": "again", "by_user_id": str(officer)})  # fmt: skip
    assert (twice.status_code, twice.json()["code"]) == (409, "merge_undone")


def test_a_merge_needs_a_user_of_the_centre_who_may_edit_donors_and_known_donors(central, delhi, pune, asha):
    survivor, _ = asha
    duplicate = donor(delhi)
    delhi.push(duplicate)
    phlebotomist = central.add_user("DL-RKS", "raju", role="phlebotomist")
    stranger = central.add_user("MH-PUN", "pooja", role="quality_admin")
    for user in (phlebotomist, stranger, new_id()):
        body = {"survivor_id": survivor, "duplicate_id": duplicate["row_id"], "reason": "same person",
                "by_user_id": str(user)}  # fmt: skip
        response = delhi.post("/donors/merge", json=body)
        assert (response.status_code, response.json()["code"]) == (403, "not_permitted")
    body = {
        "survivor_id": survivor,
        "duplicate_id": str(new_id()),
        "reason": "same person",
        "by_user_id": str(stranger),
    }
    assert delhi.post("/donors/merge", json=body).status_code == 404
