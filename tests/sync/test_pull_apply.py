"""Applying a pulled page writes exactly what the ORM would have written: the same text for every stored value, so
that a row the server sends back unchanged is an unchanged row here (deferrals and audit events refuse any edit)."""

from __future__ import annotations

import uuid
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


def test_a_registry_page_never_replaces_a_newer_row_nor_this_centres_own(db, staff):
    """A registry page the server built earlier may hold a version since superseded: it does not go back over the
    newer one; and the registry's projection of this centre's own rows is skipped (the scope stream has them)."""
    with db.unit_of_work(staff["registrar"]) as uow:
        own = make_donor(uow)
        own.address = "12 Lodhi Road"
    with db.read() as session:
        own_fields = row_fields(session.get(type(own), own.id))
        centre_id = session.get(DeviceState, 1).centre_id
    other_centre = str(uuid.uuid4())
    with db.unit_of_work(staff["registrar"]) as uow:  # the row another centre's donor is pulled into
        foreign = make_donor(uow)
    with db.read() as session:
        foreign_fields = row_fields(session.get(type(foreign), foreign.id))
    with db.engine.begin() as connection:  # as if enrolled and pushed
        connection.execute(update(DeviceState.__table__).values(server_url="http://127.0.0.1:9"))
        connection.execute(update(OutboxOp.__table__).values(state=OpState.ACKED))
    foreign_fields.pop("version")
    own_fields.pop("version")
    foreign_fields.update(centre_id=other_centre, address=None, mobile="9000000005")
    engine = SyncEngine(db, transport=None)
    engine._own_centre = centre_id
    newer = protocol.Change(entity="donors", row_id=foreign.id, version=50, fields=foreign_fields)
    older = protocol.Change(
        entity="donors", row_id=foreign.id, version=40, fields={**foreign_fields, "mobile": "9000000004"}
    )
    projected_own = protocol.Change(entity="donors", row_id=own.id, version=60, fields={**own_fields, "address": None})
    engine.apply_page([newer], "51", protocol.Stream.REGISTRY)
    engine.apply_page([older, projected_own], "61", protocol.Stream.REGISTRY)
    with db.read() as session:
        assert session.get(type(foreign), foreign.id).mobile == "9000000005"
        assert session.get(type(foreign), foreign.id).version == 50
        assert session.get(type(own), own.id).address == "12 Lodhi Road"
        assert session.get(DeviceState, 1).registry_cursor == "61"
        assert session.get(DeviceState, 1).pull_cursor is None
