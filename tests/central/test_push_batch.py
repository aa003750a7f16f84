"""One push carries many local transactions: each is checked against what the earlier ones of the same push left,
and a refused one leaves no trace (no row, no unique key, no duplicate flag, no used version) for the later ones."""

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


def test_a_refused_transaction_leaves_nothing_for_the_next_transaction_of_the_same_push(central, delhi, pune):
    pune.push(donor(pune, mobile="9876543210"))
    before = central.last_seq()
    tx = delhi.op_seq + 1
    refused = donor(delhi, tx=tx, donor_number="RKS-0001", mobile="9876543210")
    unknown_unit = delhi.update("components", new_id(), 1, tx=tx, status="issued")
    taken = donor(delhi, donor_number="RKS-0001")  # the number the refused transaction would have used
    answer = delhi.push(refused, unknown_unit, taken)

    assert [(r["status"], r["code"]) for r in answer["results"]] == [
        ("rejected", "rejected_with_transaction"),
        ("rejected", "no_such_row"),
        ("applied", None),
    ]
    assert answer["results"][2]["version"] == before + 1  # the refused transaction used no version
    assert central.last_seq() == before + 1
    assert central.row(refused["row_id"]) is None
    assert delhi.get("/donors/duplicates").json()["flags"] == []  # the refused donor was never indexed
    again = delhi.push(donor(delhi, donor_number="RKS-0001"))["results"][0]
    assert (again["status"], again["code"]) == ("rejected", "row_exists")


def test_a_donor_number_given_up_and_taken_by_another_donor_in_one_push(central, delhi):
    first = donor(delhi, donor_number="RKS-0001")
    version = delhi.push(first)["results"][0]["version"]
    renumbered = delhi.update("donors", first["row_id"], version, donor_number="RKS-0002")
    second = donor(delhi, donor_number="RKS-0001")
    answer = delhi.push(renumbered, second)
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    assert central.row(first["row_id"]).fields["donor_number"] == "RKS-0002"

    for number in ("RKS-0001", "RKS-0002"):  # both numbers are held now, by the right donors
        clash = delhi.push(donor(delhi, donor_number=number))["results"][0]
        assert (clash["status"], clash["code"]) == ("rejected", "row_exists")
    third = delhi.push(donor(delhi, donor_number="RKS-0003"))["results"][0]
    assert third["status"] == "applied"


def test_two_registrations_of_one_person_in_one_push_are_flagged_once_with_every_reason(central, delhi, pune):
    identity = {"mobile": "9812345678", "id_document_type": "aadhaar", "id_document_number": "1111 2222 3333"}
    first, second = donor(delhi, **identity), donor(delhi, **identity)
    answer = delhi.push(first, second)
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    flags = delhi.get("/donors/duplicates").json()["flags"]
    assert len(flags) == 1
    assert {flags[0]["donor_id"], flags[0]["other_donor_id"]} == {first["row_id"], second["row_id"]}
    assert sorted(flags[0]["reasons"]) == ["id_document", "mobile"]

    # the same person registered at Pune too, and Delhi corrects a mobile: one more flag, the old one kept
    third = donor(pune, mobile="9812345678")
    pune.push(third)
    version = answer["results"][1]["version"]
    delhi.push(delhi.update("donors", second["row_id"], version, mobile="9800000000"))
    flags = delhi.get("/donors/duplicates").json()["flags"]
    pairs = {frozenset((f["donor_id"], f["other_donor_id"])): sorted(f["reasons"]) for f in flags}
    assert pairs == {
        frozenset((first["row_id"], second["row_id"])): ["id_document", "mobile"],
        frozenset((first["row_id"], third["row_id"])): ["mobile"],
        frozenset((second["row_id"], third["row_id"])): ["mobile"],
    }
