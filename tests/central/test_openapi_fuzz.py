"""The OpenAPI document is the contract: schemathesis fuzzes every operation, authenticated as an enrolled device.

Every generated request (valid and invalid bodies, parameters and headers) must get an answer that the document
declares (status code, content type, body schema) and never a 5xx. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.central.helpers import Central, donor, wipe


@pytest.fixture(scope="module")
def enrolled(central_db_url):
    """A server with two centres, a device of the first enrolled, and a few rows to find."""
    wipe(central_db_url)
    central = Central(central_db_url)
    central.add_centre("DL-AIIMS")
    central.add_centre("UP-KGMU")
    device = central.enrol("DL-AIIMS")
    device.push(donor(device, mobile="9876543210"))
    yield central, device
    central.close()


def test_every_operation_answers_within_its_contract_and_never_with_a_server_error(enrolled):
    central, device = enrolled
    api = schemathesis.openapi.from_asgi("/openapi.json", central.app)
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 9  # health, enrol, token, push, pull, blocks, stock, duplicates, merge, undo

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def fuzz(case):
            case.call_and_validate(headers=device.headers)

        try:
            fuzz()
        except Exception as failure:
            raise AssertionError(f"{operation.label}: {failure}") from failure
