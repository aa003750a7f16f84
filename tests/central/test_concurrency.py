"""Pushes from many devices at once: every change gets its own sequence number, and they commit in that order."""

from concurrent.futures import ThreadPoolExecutor

from bbms_central import push
from bbms_desktop.sync.protocol import PushRequest
from tests.central.helpers import donor


def test_concurrent_pushes_number_every_change_once_without_gaps(central):
    central.add_centre("DL-RKS")
    devices = [central.enrol("DL-RKS") for _ in range(4)]
    start = central.last_seq()
    batches = {device.id: [[donor(device) for _ in range(5)] for _ in range(6)] for device in devices}

    def push_all(device):
        versions = []
        for ops in batches[device.id]:
            request = PushRequest.model_validate({"device_id": device.id, "schema_version": 1, "ops": ops})
            with central.db.write() as session:
                versions += [r.version for r in push.push(session, device.id, request).results]
        return versions

    with ThreadPoolExecutor(max_workers=4) as pool:
        versions = [v for result in pool.map(push_all, devices) for v in result]
    assert sorted(versions) == list(range(start + 1, start + 1 + 4 * 6 * 5))
    assert central.last_seq() == start + 120
