"""Number blocks that never overlap, and the blood-availability summary every centre sees."""

from datetime import timedelta
from itertools import pairwise

import pytest

from tests.central.helpers import component, now


@pytest.fixture
def delhi(central):
    central.add_centre("DL-RKS")
    return central.enrol("DL-RKS")


def grant(device, series, size):
    response = device.post("/blocks", json={"series": series, "size": size})
    assert response.status_code == 200, response.text
    return response.json()


def test_blocks_of_a_series_never_overlap_between_the_devices_of_a_centre(central, delhi):
    desk_2 = central.enrol("DL-RKS")
    blocks = [grant(device, "donor", size) for device, size in [(delhi, 100), (desk_2, 50), (delhi, 1), (desk_2, 7)]]
    ranges = sorted((b["first"], b["last"]) for b in blocks)
    assert ranges[0][0] == 1
    for (_, last), (first, _) in pairwise(ranges):
        assert first == last + 1
    assert grant(delhi, "din:26", 10)["first"] == 1  # each series counts on its own
    assert grant(delhi, "din:27", 10)["first"] == 1


def test_each_centre_has_its_own_numbers(central, delhi):
    central.add_centre("MH-PUN")
    pune = central.enrol("MH-PUN")
    assert grant(delhi, "request", 10)["first"] == grant(pune, "request", 10)["first"] == 1


def test_a_used_up_series_says_so_and_the_last_block_is_cut_to_the_range(delhi):
    assert (grant(delhi, "camp", 9990)["first"], grant(delhi, "camp", 0 + 1)["first"]) == (1, 9991)
    last = grant(delhi, "camp", 100)
    assert (last["first"], last["last"]) == (9992, 9999)
    refused = delhi.post("/blocks", json={"series": "camp", "size": 1})
    assert (refused.status_code, refused.json()["code"]) == (409, "series_exhausted")


@pytest.mark.parametrize("body", [{"series": "patients", "size": 1}, {"series": "donor", "size": 0}])
def test_an_unknown_series_or_empty_block_is_a_422(delhi, body):
    response = delhi.post("/blocks", json=body)
    assert (response.status_code, response.json()["code"]) == (422, "invalid_request")


def test_stock_counts_available_unexpired_units_of_every_centre_by_group_and_component(central, delhi):
    central.add_centre("MH-PUN")
    pune = central.enrol("MH-PUN")
    soon = now() + timedelta(hours=30)
    delhi.push(
        component(delhi, blood_group="O+"),
        component(delhi, blood_group="O+", expires_at=soon),
        component(delhi, blood_group="O+", status="issued"),
        component(delhi, blood_group="O+", expires_at=now() - timedelta(hours=1)),
        component(delhi, blood_group="B-", code="E3846V00"),
    )
    pune.push(component(pune, blood_group="AB+"))
    central.add_centre("TRAIN-1", training=True)
    trainee = central.enrol("TRAIN-1", training=True)
    trainee.push(component(trainee, blood_group="O+"))

    response = pune.get("/stock")
    assert response.status_code == 200, response.text
    lines = {
        (line["centre_code"], line["blood_group"], line["component_code"]): (line["available"], line["expiring_72h"])
        for line in response.json()["lines"]
    }
    assert lines == {
        ("DL-RKS", "O+", "E0336V00"): (2, 1),
        ("DL-RKS", "B-", "E3846V00"): (1, 0),
        ("MH-PUN", "AB+", "E0336V00"): (1, 0),
    }
