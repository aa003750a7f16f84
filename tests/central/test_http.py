"""The HTTP surface: health, the OpenAPI contract, and an ErrorBody (never a 5xx) for whatever is sent."""

import pytest

from bbms_desktop.sync.protocol import API, SCHEMA_VERSION


@pytest.fixture
def device(central):
    central.add_centre("DL-RKS")
    return central.enrol("DL-RKS")


def test_health_needs_no_sign_in(central):
    response = central.client.get(f"{API}/health")
    assert response.json() == {"status": "ok", "schema_version": SCHEMA_VERSION}


def test_the_openapi_document_is_the_protocols_models(central):
    document = central.client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {"PushRequest", "PushResponse", "PullResponse", "EnrolRequest", "ErrorBody", "StockResponse"} <= set(schemas)
    assert "HTTPValidationError" not in schemas  # every error, 422 included, is an ErrorBody
    push = document["paths"][f"{API}/sync/push"]["post"]
    assert {"200", "401", "409", "422"} <= set(push["responses"])


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/nowhere", {}, 404),
        ("delete", f"{API}/sync/push", {}, 405),
        ("post", f"{API}/sync/push", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
        ("post", f"{API}/sync/push", {"json": {"device_id": "x", "schema_version": 1, "ops": []}}, 422),
        ("post", f"{API}/sync/push", {"json": {"device_id": None, "schema_version": 1, "ops": [{}]}}, 422),
        ("post", f"{API}/sync/push", {"content": b"abc", "headers": {"Content-Encoding": "br"}}, 400),
        ("post", f"{API}/devices/enrol", {"json": {"centre_code": "A\x00", "enrolment_code": "x\x00",
                                                   "device_id": "01a20180-53f2-77b5-a34a-0a61e0689f7a"}}, 422),
        ("post", f"{API}/devices/enrol", {"json": []}, 422),
        ("post", f"{API}/devices/token", {"json": {"device_id": "01a20180-53f2-77b5-a34a-0a61e0689f7a",
                                                   "device_secret": "\x00"}}, 422),
        ("post", f"{API}/donors/merge/not-a-uuid/undo", {"json": {}}, 422),
        ("get", f"{API}/sync/pull?cursor=%00", {}, 422),
        ("post", f"{API}/blocks", {"json": {"series": "din:2", "size": 5}}, 422),
        ("post", f"{API}/donors/merge", {"json": {"survivor_id": "01a20180-53f2-77b5-a34a-0a61e0689f7a",
                                                  "duplicate_id": "01a20180-53f2-77b5-a34a-0a61e0689f7b",
                                                  "reason": "nul\x00",
                                                  "by_user_id": "01a20180-53f2-77b5-a34a-0a61e0689f7c"}},
         422),
    ],
)  # fmt: skip
def test_malformed_requests_get_an_error_body_never_a_5xx(central, device, method, path, kwargs, status):
    kwargs = dict(kwargs)
    headers = {**device.headers, **kwargs.pop("headers", {})}
    response = getattr(central.client, method)(path, headers=headers, **kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message", "permanent", "expected_op_seq", "offset"}


def test_ops_with_junk_values_are_rejected_one_by_one_not_the_whole_push(device):
    junk = [
        {"id": 5},
        {"centre_id": "not-a-uuid"},
        {"date_of_birth": 19900517},
        {"consent_given_at": ["2026"]},
        {"donor_number": {"a": 1}},
        {"needs_review": 2**70},
    ]
    ops = []
    for fields in junk:
        op = device.insert("donors")
        op["fields"].update(fields)
        ops.append(op)
    answer = device.push(*ops)
    assert [r["status"] for r in answer["results"]] == ["rejected"] * len(junk)
    assert answer["last_op_seq"] == len(junk)


def test_the_committed_openapi_document_is_the_one_the_code_serves():
    """docs/openapi.json is the contract: regenerate it (python -m bbms_central.openapi) when the wire changes."""
    from bbms_central import openapi

    assert openapi.DOCUMENT.read_text(encoding="utf-8") == openapi.render(openapi.document())
