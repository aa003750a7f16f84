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
import re
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


def _deterministic(monkeypatch) -> None:
    """Ids, the HLC's clock, salts and the wall clock the same on every run."""
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


def test_captured_rows_are_byte_identical_to_the_recording(tmp_path, monkeypatch):
    _deterministic(monkeypatch)
    _scenario(tmp_path / "profile")
    dumped = _dump(tmp_path / "profile" / DATABASE_FILE)
    if os.environ.get("BBMS_WRITE_GOLDEN"):
        GOLDEN.write_text(json.dumps(dumped, indent=1) + "\n")
    recorded = json.loads(GOLDEN.read_text())
    assert len(dumped["outbox"]) > 40
    for table in TABLES:
        assert dumped[table] == recorded[table], table


def _every_row(path: Path) -> dict[str, list[list[str]]]:
    connection = sqlite3.connect(path)
    tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {
        table: [[repr(v) for v in row] for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1")]
        for table in tables
    }
    connection.close()
    return out


_STAMP = re.compile(r"'(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?)'")


def _wall_clock_masked(rows: dict[str, list[list[str]]], since: datetime) -> dict[str, list[list[str]]]:
    """Times of the real clock (rows the demo's hub writes as if pulled, outside capture, take the column default's
    wall clock) as one mark; every time the scenario's own clock gave is kept."""

    def mask(value: str) -> str:
        found = _STAMP.fullmatch(value)
        if found and datetime.fromisoformat(found.group(1)).replace(tzinfo=UTC) >= since:
            return "WALL"
        return value

    return {table: [[mask(v) for v in row] for row in table_rows] for table, table_rows in rows.items()}


def _demo_database(folder: Path) -> dict[str, list[list[str]]]:
    db = open_profile(folder)
    demo_data.build(db, donors=400, seed=9, now=datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    db.dispose()
    return _every_row(folder / DATABASE_FILE)


def test_new_rows_inserted_by_capture_are_stored_exactly_as_the_orm_stores_them(tmp_path, monkeypatch):
    # demo data writes most kinds of row (donors to components, requests, issues, returns, consults, audit events)
    # through the services; once with capture inserting the new rows itself, once with the ORM inserting them
    since = datetime.now(UTC) - timedelta(minutes=1)
    with monkeypatch.context() as patched:
        _deterministic(patched)
        ours = _demo_database(tmp_path / "direct")
    with monkeypatch.context() as patched:
        _deterministic(patched)
        patched.setattr(uow_module, "_insert_plan", lambda model: None)  # every flush left to the ORM whole
        theirs = _demo_database(tmp_path / "orm")
    ours, theirs = _wall_clock_masked(ours, since), _wall_clock_masked(theirs, since)
    assert sum(len(rows) for rows in ours.values()) > 2000
    assert {table for table, rows in ours.items() if rows} >= {
        "donors", "screening_visits", "donations", "lab_result_sets", "lab_verifications", "components",
        "blood_requests", "crossmatches", "issues", "component_returns", "deferrals", "teleconsults", "camps",
        "number_blocks", "users", "audit_events", "outbox",
    }  # fmt: skip
    for table in ours:
        if table == "outbox":
            assert _ops_by_transaction(ours[table]) == _ops_by_transaction(theirs[table])
        else:
            assert ours[table] == theirs[table], table


def _ops_by_transaction(rows: list[list[str]]) -> list[list[tuple[str, ...]]]:
    """The outbox as its transactions in order, each the set of its ops (sorted), without op_seq, op_id and HLC.

    Within one flush the ORM gives the changed rows in no defined order (``Session.dirty`` comes from a set), so the
    same updates of one transaction may be numbered in another order on another run, with either insert."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        _op_seq, _op_id, tx, *rest = row
        groups.setdefault(tx, []).append(tuple(rest[:5] + rest[6:]))  # rest[5] is the HLC
    return [sorted(ops) for _tx, ops in sorted(groups.items(), key=lambda item: int(item[0]))]
