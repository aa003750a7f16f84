"""Preparing a camp laptop at the centre, while it still has a link (docs/camps.md).

One call: a full sync (push what is waiting, pull the centre's scope: its staff with their password hashes for
offline sign-in, the shared donor registry and every centre's deferrals), then number blocks from the server sized
for the camp and tagged with it (donor numbers, and the DINs of each year the camp runs in), then the camp recorded on
the profile and a last push. The result is the readiness check (``services.camp_laptop.readiness``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bbms_desktop.models import DeviceState, NumberBlock
from bbms_desktop.services import camp_laptop
from bbms_desktop.services.donors import local_date
from bbms_desktop.services.uow import Database
from bbms_desktop.sync.engine import SyncEngine
from bbms_desktop.sync.transport import Transport


def prepare_camp(db: Database, transport: Transport, camp_code: str) -> camp_laptop.Readiness:
    """Make this enrolled profile the camp laptop of ``camp_code``; idempotent (a second run takes no more blocks
    unless the camp's own blocks have run low)."""
    engine = SyncEngine(db, transport)
    engine.run_cycle()
    now = datetime.now(UTC)
    with db.read() as session:
        camp = camp_laptop.find_camp(session, camp_code)
        camp_laptop.check_preparable(camp, local_date(now))
        camp_id, centre_id, device_id = camp.id, camp.centre_id, engine.device_id
        needed = camp_laptop.numbers_needed(camp.expected_donors, camp.starts_on, camp.ends_on)
        wanted = []
        for series in camp_laptop.series_for(camp):
            own_left = sum(
                block.last - block.next + 1
                for block in session.query(NumberBlock).filter_by(
                    holder_device_id=device_id, series=series, camp_id=camp_id
                )
            )
            if own_left < needed:
                wanted.append((series, needed - own_left))
    for series, size in wanted:
        engine.take_block(series, size, centre_id, device_id, camp_id)
    with db.unit_of_work(None) as uow:
        state = uow.session.get(DeviceState, 1)
        assert state is not None
        state.camp_id, state.camp_prepared_at = camp_id, uow.now
        uow.audit("prepare_camp_laptop", None, camp_id=camp_id, blocks=[[s, n] for s, n in wanted])
    engine.push()
    with db.read() as session:
        ready = camp_laptop.readiness(session, camp_id)
    assert ready is not None
    return ready
