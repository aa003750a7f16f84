"""Enrolment with a one-time code, training never meeting production, and 401 → token → retry (principle 12)."""

import uuid

from bbms_desktop.models import new_id
from bbms_desktop.sync.protocol import API
from tests.central.helpers import Device, donor


def enrol_body(centre_code, code, *, training=False, device_id=None):
    return {
        "centre_code": centre_code,
        "enrolment_code": code,
        "device_id": str(device_id or new_id()),
        "device_name": "Registration desk",
        "training": training,
    }


def test_an_enrolment_code_enrols_one_device_once(central):
    centre = central.add_centre("DL-RKS")
    body = enrol_body("DL-RKS", centre["enrolment_code"].lower().replace("-", ""))  # typed loosely: still the code
    first = central.client.post(f"{API}/devices/enrol", json=body)
    assert first.status_code == 200, first.text
    assert first.json()["centre_id"] == centre["centre_id"]
    assert first.json()["device_secret"] and first.json()["token"]

    again = central.client.post(f"{API}/devices/enrol", json=enrol_body("DL-RKS", centre["enrolment_code"]))
    assert again.status_code == 403
    assert again.json()["code"] == "bad_enrolment"


def test_a_wrong_code_or_unknown_centre_is_refused(central):
    central.add_centre("DL-RKS")
    for body in (enrol_body("DL-RKS", "AAAA-BBBB-CCCC-DDDD"), enrol_body("NOPE", "AAAA-BBBB-CCCC-DDDD")):
        response = central.client.post(f"{API}/devices/enrol", json=body)
        assert response.status_code == 403
        assert response.json()["code"] == "bad_enrolment"


def test_a_training_device_never_enrols_at_a_production_centre_nor_the_reverse(central):
    production = central.add_centre("DL-RKS")
    training = central.add_centre("TRAIN-1", training=True)
    refused = [
        enrol_body("DL-RKS", production["enrolment_code"], training=True),
        enrol_body("TRAIN-1", training["enrolment_code"], training=False),
    ]
    for body in refused:
        response = central.client.post(f"{API}/devices/enrol", json=body)
        assert response.status_code == 403
        assert response.json()["code"] == "training_mismatch"
    # the codes were not spent by the refusals
    ok = central.client.post(
        f"{API}/devices/enrol", json=enrol_body("TRAIN-1", training["enrolment_code"], training=True)
    )
    assert ok.status_code == 200, ok.text


def test_re_enrolling_a_device_keeps_its_op_sequence(central):
    central.add_centre("DL-RKS")
    device = central.enrol("DL-RKS")
    first, second = donor(device), donor(device)
    device.push(first, second)

    again = central.enrol("DL-RKS", device_id=device.id)  # a reinstall: new secret, same device id
    again.op_seq = device.op_seq
    answer = again.push(first, donor(again))
    assert answer["last_op_seq"] == 3
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]


def test_an_expired_token_gets_401_then_the_secret_gets_a_new_one_and_the_retry_works(central):
    central.add_centre("DL-RKS")
    device = central.enrol("DL-RKS")
    op = donor(device)
    central.expire_tokens()

    refused = device.post("/sync/push", json={"device_id": str(device.id), "schema_version": 1, "ops": [op]})
    assert refused.status_code == 401
    assert refused.json()["code"] == "unauthorized"
    assert central.row(op["row_id"]) is None

    fresh = central.client.post(
        f"{API}/devices/token", json={"device_id": str(device.id), "device_secret": device.secret}
    )
    assert fresh.status_code == 200, fresh.text
    device.token = fresh.json()["token"]
    assert device.push(op)["results"][0]["status"] == "applied"


def test_a_wrong_secret_or_unknown_device_is_bad_secret(central):
    central.add_centre("DL-RKS")
    device = central.enrol("DL-RKS")
    for body in (
        {"device_id": str(device.id), "device_secret": "guess"},
        {"device_id": str(uuid.uuid4()), "device_secret": device.secret},
    ):
        response = central.client.post(f"{API}/devices/token", json=body)
        assert response.status_code == 401
        assert response.json()["code"] == "bad_secret"


def test_no_or_a_made_up_token_is_unauthorized(central):
    central.add_centre("DL-RKS")
    device = central.enrol("DL-RKS")
    stranger = Device(central, {"device_id": str(device.id), "centre_id": str(device.centre_id),
                                "device_secret": "x", "token": "made-up"})  # fmt: skip
    for response in (central.client.get(f"{API}/sync/pull"), stranger.get("/sync/pull")):
        assert response.status_code == 401
        assert response.json()["code"] == "unauthorized"
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_signed_in_request_is_refused_for_an_unknown_or_expired_token_a_revoked_device_or_a_world_mismatch(central):
    """Every signed-in request finds its token, device and the device's centre (in one query): each way one of
    them is wrong is refused, 401 (sign in again) or 403 (a device that disagrees with its centre)."""
    from datetime import timedelta

    import pytest
    from sqlalchemy import update

    from bbms_central import auth
    from bbms_central.models import Device as DeviceRow
    from bbms_central.wire import ApiError
    from bbms_desktop.models import utcnow

    central.add_centre("DL-RKS")
    device, other = central.enrol("DL-RKS"), central.enrol("DL-RKS")
    with central.db.read() as session:
        assert auth.authenticate(session, device.token).id == device.id
        for bearer, when in ((None, None), ("x" * 201, None), ("not-a-token", None), (device.token, timedelta(days=1))):
            with pytest.raises(ApiError) as refused:
                auth.authenticate(session, bearer, now=utcnow() + when if when else None)
            assert refused.value.status == 401
    with central.db.write() as session:
        auth.revoke(session, other.id)
        session.execute(update(DeviceRow).where(DeviceRow.id == device.id).values(training=True))
    other.pull(status=401)
    with central.db.read() as session:
        with pytest.raises(ApiError) as mismatch:
            auth.authenticate(session, device.token)
        assert mismatch.value.status == 403 and mismatch.value.body.code == "training_mismatch"
    assert central.client.get(f"{API}/sync/pull", headers=device.headers).status_code == 403
