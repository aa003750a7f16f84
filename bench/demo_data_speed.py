"""demo-data speed: donors per second for ``demo-data --donors N``, and the time a million would take.

Baseline, measured in the same run on the same disk: a raw sqlite3 executemany of N donor rows with the same
columns and indexes (the floor for writing the donor table alone, with no other record, validation or capture).
Goal (issue 2): demo-data "fast enough for N = 1,000,000".

    .venv/bin/python bench/demo_data_speed.py [--donors 100000]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bbms_desktop.services import demo_data, stats
from bbms_desktop.services.profile import open_profile
from bench._common import report


def raw_donor_inserts_per_second(folder: Path, n: int) -> float:
    """Write n donor rows straight into a copy of the schema, in batches like demo-data's."""
    db = open_profile(folder / "raw")
    db.dispose()
    connection = sqlite3.connect(folder / "raw" / "bbms.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    centre = uuid.uuid4().hex
    connection.execute(
        "INSERT INTO centres (id, code, name, kind, is_training, created_at, updated_at) "
        "VALUES (?, 'RAW', 'Raw', 'blood_centre', 0, '2026-01-01', '2026-01-01')",
        (centre,),
    )
    rows = [
        (
            uuid.uuid4().hex,
            centre,
            f"RAW-{i:07d}",
            "Ravi",
            "Kumar",
            f"ravi kumar {i}",
            "kumar",
            "M",
            "1990-01-01",
            f"9{i:09d}",
            "voluntary",
            "2026-01-01 00:00:00",
            "2026-01-01 00:00:00",
            "2026-01-01 00:00:00",
            0,
        )
        for i in range(n)
    ]
    started = time.perf_counter()
    for first in range(0, n, 2000):
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO donors (id, centre_id, donor_number, given_name, family_name, name_key, family_key, sex, "
            "date_of_birth, mobile, donor_type, consent_given_at, created_at, updated_at, needs_review) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows[first : first + 2000],
        )
        connection.execute("COMMIT")
    rate = n / (time.perf_counter() - started)
    connection.close()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--donors", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bbms-demo-"))
    db = open_profile(folder / "demo")
    started = time.perf_counter()
    built = demo_data.build(db, donors=args.donors, seed=1)
    seconds = time.perf_counter() - started
    with db.read() as session:
        counts = stats.counts(session)
    db.dispose()
    baseline = raw_donor_inserts_per_second(folder, args.donors)
    rate = args.donors / seconds
    report(
        "demo_data_speed",
        {
            "donors": args.donors,
            "seconds": round(seconds, 1),
            "donors_per_s": round(rate, 1),
            "minutes_for_1m_at_this_rate": round(1_000_000 / rate / 60, 1),
            "rows_written": sum(counts["entities"].values()),
            "outbox_ops": counts["outbox_pending"],
            "baseline_raw_donor_rows_per_s": round(baseline, 1),
            "ratio_to_raw_donor_rows": round(rate / baseline, 3),
            "built": {k: v for k, v in built.items() if k not in ("users", "demo_password")},
        },
    )


if __name__ == "__main__":
    main()
