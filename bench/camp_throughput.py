"""Camp throughput through the services: register + screen + collect per donor, each its own durable transaction.

That is how a camp laptop works: each desk's step is committed (synchronous=FULL) before the donor moves on. The
baseline, measured in the same run on the same disk, is the rate of raw SQLite durable commits: with three commits
per donor, ``commit_ceiling_donors_per_s`` is the most any code could reach here. Goal (issue 2): >= 200 donors/s.

    .venv/bin/python bench/camp_throughput.py [--donors 1000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bbms_desktop.rules.roles import Role
from bbms_desktop.services import accounts, camps, collection, demo_data, screening
from bbms_desktop.services import donors as donor_service
from bbms_desktop.services.profile import open_profile
from bench._common import report


def durable_commits_per_second(folder: Path, n: int = 600) -> float:
    connection = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (x INTEGER)")
    started = time.perf_counter()
    for i in range(n):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO t VALUES (?)", (i,))
        connection.execute("COMMIT")
    rate = n / (time.perf_counter() - started)
    connection.close()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--donors", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bbms-camp-"))
    db = open_profile(folder / "profile")
    _centre, admin = accounts.set_up_standalone(
        db,
        code="CAMP-BC",
        name="Camp bench centre",
        fin="G1234",
        admin_username="admin",
        admin_name="Admin",
        admin_password="bench-password",
    )
    with db.unit_of_work(admin) as uow:
        operator = accounts.create_user(
            uow, username="camp", full_name="Camp Operator", role=Role.CAMP_OPERATOR, password="bench-password"
        )
        today = datetime.now(UTC).date()
        camp = camps.plan_camp(
            uow,
            camps.CampForm(
                name="Bench camp", venue="Community hall", starts_on=today, ends_on=today, expected_donors=args.donors
            ),
        )
    rng = random.Random(7)
    forms = [demo_data._donor_form(rng, today) for _ in range(args.donors)]
    screenings = [demo_data._screening_form(rng, f.sex, camp.id) for f in forms]
    baseline = durable_commits_per_second(folder)

    eligible = 0
    # a simulated morning at the camp (09:30 IST), so every step's time is consistent with the one before
    t0 = datetime.combine(today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=4)
    wall, cpu = time.perf_counter(), time.process_time()
    for form, screening_form in zip(forms, screenings, strict=True):
        with db.unit_of_work(operator, now=t0) as uow:
            try:
                donor = donor_service.register_donor(uow, form)
            except donor_service.PossibleDuplicate:
                donor = donor_service.register_donor(uow, form, acknowledged_duplicates=True)
        with db.unit_of_work(operator, now=t0 + timedelta(minutes=5)) as uow:
            result = screening.screen(uow, donor.id, screening_form)
        if not result.eligible:
            continue
        eligible += 1
        with db.unit_of_work(operator, now=t0 + timedelta(minutes=20)) as uow:
            collection.collect(
                uow,
                result.visit_id,
                collection.CollectionForm(
                    bag_type="triple",
                    bag_volume_ml=450,
                    collected_volume_ml=452,
                    bleed_start=t0 + timedelta(minutes=10),
                    bleed_end=t0 + timedelta(minutes=18),
                ),
            )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    db.dispose()
    rate = args.donors / wall
    ceiling = baseline / 3
    report(
        "camp_throughput",
        {
            "donors": args.donors,
            "collected": eligible,
            "donors_per_s": round(rate, 1),
            "cpu_ms_per_donor": round(1000 * cpu / args.donors, 2),
            "cpu_bound_donors_per_s": round(args.donors / cpu, 1),
            "baseline_durable_commits_per_s": round(baseline, 1),
            "commit_ceiling_donors_per_s": round(ceiling, 1),
            "ratio_to_commit_ceiling": round(rate / ceiling, 2),
            "goal_donors_per_s": 200,
        },
    )


if __name__ == "__main__":
    main()
