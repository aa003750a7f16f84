"""Applying a pulled page writes exactly what the ORM would have written: the same text for every stored value, so
that a row the server sends back unchanged is an unchanged row here (deferrals and audit events refuse any edit)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select, update

from bbms_desktop.models import Deferral, DeviceState, OpState, OutboxOp
from bbms_desktop.models.codec import row_fields
from bbms_desktop.services import screening
from bbms_desktop.sync import protocol
from bbms_desktop.sync.engine import SyncEngine
from tests.services.factories import make_donor


def test_a_deferral_recorded_on_the_second_comes_back_in_a_pull_as_the_same_row(db, staff):
    # a whole second, as a unit of work with its own clock makes it (demo data, a camp, a replayed history): the
    # driver's own datetime adapter writes "09:00:00" where the ORM writes "09:00:00.000000", and the deferral's
    # guard trigger took that for an edit of a saved record
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    with db.unit_of_work(staff["medical_officer"], at) as uow:
        donor = make_donor(uow)
        deferral_id = screening.defer_donor(
            uow, donor.id, "MEDICATION", permanent=False, until=date(2027, 3, 1), detail="On warfarin"
        ).id
    with db.read() as session:
        row = session.get(Deferral, deferral_id)
        echoed = protocol.Change(entity="deferrals", row_id=row.id, version=7, fields=row_fields(row))
        stored = session.connection().exec_driver_sql("SELECT created_at FROM deferrals").scalar_one()
    with db.engine.begin() as connection:  # as if enrolled and pushed; applying a page needs no connection
        connection.execute(update(DeviceState.__table__).values(server_url="http://127.0.0.1:9"))
        connection.execute(update(OutboxOp.__table__).values(state=OpState.ACKED))
    engine = SyncEngine(db, transport=None)
    engine.apply_page([echoed], "cursor-1")
    engine.apply_page([echoed], "cursor-2")  # delivered twice: still the same row
    with db.read() as session:
        assert session.connection().exec_driver_sql("SELECT created_at FROM deferrals").scalar_one() == stored
        (again,) = session.scalars(select(Deferral)).all()
        assert again.created_at == at and again.version == 7
