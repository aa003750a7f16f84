"""Change capture writes exactly what it wrote before the hot-path work: a fixed scenario against a recorded file.

The scenario (set-up, a camp, donors registered, screened and collected, a demographic edit, a deferral) runs with
deterministic ids and clock, and every row it leaves in ``outbox``, ``audit_events`` and ``device_state`` is compared
byte for byte (the stored SQLite values) with ``data/capture_golden.json``, recorded with the unit of work as it was
before the per-unit-of-work cost was cut (main at 50c52ac). Regenerate only for an intended change of the captured
content: ``BBMS_WRITE_GOLDEN=1 pytest tests/services/test_capture_golden.py``.

Recorded again on 2026-12-08, when a unit of work's audit event stopped being an ORM object and became plain values
written after the transaction's last flush: its outbox op now comes last in its transaction (two transactions of
the scenario had it before a row), and so the deterministic ids after it and the HLC ticks moved. Compared with the
earlier recording with ids, hashes and HLC values masked and the ops of each transaction taken as a set, every
outbox row and audit event was the same.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bbms_desktop.models import base
from bbms_desktop.rules.roles import Role
from bbms_desktop.services import accounts, camps, collection, demo_data, screening
from bbms_desktop.services import donors as donor_service
from bbms_desktop.services import uow as uow_module
from bbms_desktop.services.profile import DATABASE_FILE, open_profile

GOLDEN = Path(__file__).parent / "data" / "capture_golden.json"
TABLES = {"outbox": "op_seq", "audit_events": "device_seq", "device_state": "id"}


def _scenario(folder: Path) -> None:
    db = open_profile(folder)
    _centre, admin = accounts.set_up_standalone(
        db,
        code="GOLD",
        name="Golden centre",
        fin="G1234",
        admin_username="admin",
        admin_name="Admin",
        admin_password="golden-password",
    )
    day = date(2026, 3, 10)
    t0 = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
    with db.unit_of_work(admin, now=t0 - timedelta(hours=1)) as uow:
        operator = accounts.create_user(
            uow, username="camp", full_name="Camp Operator", role=Role.CAMP_OPERATOR, password="golden-password"
        )
        camp = camps.plan_camp(
            uow, camps.CampForm(name="Golden camp", venue="Hall", starts_on=day, ends_on=day, expected_donors=8)
        )
    rng = random.Random(11)
    donor_ids = []
    for i in range(8):
        form = demo_data._donor_form(rng, day)
        at = t0 + timedelta(minutes=30 * i)
        with db.unit_of_work(operator, now=at) as uow:
            try:
                donor = donor_service.register_donor(uow, form)
            except donor_service.PossibleDuplicate:
                donor = donor_service.register_donor(uow, form, acknowledged_duplicates=True)
        donor_ids.append(donor.id)
        with db.unit_of_work(operator, now=at + timedelta(minutes=5)) as uow:
            result = screening.screen(uow, donor.id, demo_data._screening_form(rng, form.sex, camp.id))
        if result.eligible:
            with db.unit_of_work(operator, now=at + timedelta(minutes=20)) as uow:
                collection.collect(
                    uow,
                    result.visit_id,
                    collection.CollectionForm(
                        bag_type="triple",
                        bag_volume_ml=450,
                        collected_volume_ml=452,
                        bleed_start=at + timedelta(minutes=10),
                        bleed_end=at + timedelta(minutes=18),
                    ),
                )
    later = t0 + timedelta(hours=6)
    with db.unit_of_work(admin, now=later) as uow:
        donor_service.update_demographics(uow, donor_ids[0], mobile="9876543210", district="Golden district")
    with db.unit_of_work(admin, now=later + timedelta(minutes=1)) as uow:
        screening.defer_donor(
            uow,
            donor_ids[1],
            "TRAVEL",
            permanent=False,
            until=day + timedelta(days=90),
            detail="Travel to a malaria area",
        )
    db.dispose()


def _dump(path: Path) -> dict[str, list[list[str]]]:
    connection = sqlite3.connect(path)
    out = {}
    for table, order in TABLES.items():
        rows = connection.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        out[table] = [[repr(v) for v in row] for row in rows]
    connection.close()
    return out


def test_captured_rows_are_byte_identical_to_the_recording(tmp_path, monkeypatch):
    ids = iter(range(1, 10**6))
    monkeypatch.setattr(base, "uuid7", lambda: uuid.UUID(int=(0x0190 << 112) | next(ids)))
    ticks = iter(range(10**6))
    monkeypatch.setattr(uow_module.time, "time", lambda: 1_773_000_000.0 + next(ticks) / 1000)
    # password hashes carry a random salt: the same bytes every run, so the rows are comparable
    monkeypatch.setattr(os, "urandom", lambda n: bytes(range(n)))
    fixed = datetime(2026, 3, 9, 22, 0, tzinfo=UTC)  # set-up's own clock (the wall clock otherwise)
    wall_clock = base.utcnow
    for name, module in list(sys.modules.items()):
        if name.startswith("bbms_desktop") and getattr(module, "utcnow", None) is wall_clock:
            monkeypatch.setattr(module, "utcnow", lambda: fixed)
    _scenario(tmp_path / "profile")
    dumped = _dump(tmp_path / "profile" / DATABASE_FILE)
    if os.environ.get("BBMS_WRITE_GOLDEN"):
        GOLDEN.write_text(json.dumps(dumped, indent=1) + "\n")
    recorded = json.loads(GOLDEN.read_text())
    assert len(dumped["outbox"]) > 40
    for table in TABLES:
        assert dumped[table] == recorded[table], table
