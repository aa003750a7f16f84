"""The pull page is written as JSON without a model per change: it must say exactly what the model would say, for
the device's own rows (copied as stored) and for other centres' rows (projected)."""

import uuid

from bbms_central import store
from bbms_central.models import Device as DeviceRow
from bbms_desktop.models import new_id
from bbms_desktop.sync.protocol import PullResponse
from tests.central.helpers import component, donor


def test_the_json_page_is_the_model_page_for_own_and_other_centres_rows(central):
    central.add_centre("DL-RKS")
    central.add_centre("MH-PUN")
    delhi, pune = central.enrol("DL-RKS"), central.enrol("MH-PUN")
    central.add_user("DL-RKS", "meera")
    asha = donor(delhi, address="12 Lodhi Road", mobile="9876543210", given_name='Āshā "Q" \\ ✓')
    deferral = delhi.insert("deferrals", donor_id=asha["row_id"], reason_code="low_hb", permanent=False,
                            visit_id=new_id(), donation_id=new_id(), starts_on="2026-11-22")  # fmt: skip
    delhi.push(asha, deferral, component(delhi), delhi.insert("audit_events", action="x", device_id=delhi.id))
    pune.push(donor(pune))

    for device in (delhi, pune):
        cursor = "0"
        with central.db.read() as session:
            row = session.get(DeviceRow, uuid.UUID(str(device.id)))
            for limit in (3, 1000):
                body = PullResponse.model_validate_json(store.pull_json(session, row, cursor, limit))
                model = store.pull(session, row, cursor, limit)
                assert body.model_dump(exclude={"server_time"}) == model.model_dump(exclude={"server_time"})
                assert body.changes  # the test compares something
        http = device.pull(cursor, 1000)
        assert [c["row_id"] for c in http["changes"]] == [str(c.row_id) for c in model.changes]
