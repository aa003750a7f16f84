"""Donor lookup in a large profile: p50/p95 of services.donors.search by DIN, mobile, donor number and name prefix.

Baseline, in the same run on the same database: the raw SQL query on the same index through the sqlite3 module
(no ORM, no service). The figure that matters is the service's p95 and its ratio to that baseline.
Goal (issue 2): p95 <= 10 ms and <= 1.5x the raw query, with 1,000,000 donors.

    .venv/bin/python bench/donor_lookup.py [--donors 1000000] [--queries 400] [--profile DIR]

The profile is built once with demo-data (minutes for a million donors) and reused on later runs.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bbms_desktop.services import demo_data, donors, stats
from bbms_desktop.services.profile import open_profile
from bench._common import OUT, report, summary_ms

# the columns a search result shows, so the baseline reads what the service reads
COLUMNS = (
    "d.id, d.donor_number, d.given_name, d.family_name, d.guardian_name, d.sex, d.date_of_birth, d.mobile, "
    "d.blood_group, d.merged_into_id, d.voided_at"
)
RAW = {
    "din": f"SELECT {COLUMNS} FROM donations x JOIN donors d ON d.id = x.donor_id WHERE x.din = ?",
    "mobile": f"SELECT {COLUMNS} FROM donors d WHERE d.mobile = ?",
    "donor_number": f"SELECT {COLUMNS} FROM donors d WHERE d.donor_number = ?",
    "name_prefix": f"SELECT {COLUMNS} FROM donors d WHERE d.name_key >= ? AND d.name_key < ? ORDER BY d.name_key "
    "LIMIT 20",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--donors", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()
    folder = args.profile or OUT / f"lookup-{args.donors}"
    db = open_profile(folder)
    with db.read() as session:
        have = stats.counts(session)["entities"]["donors"]
    build_seconds = None
    if have < args.donors:
        started = time.perf_counter()
        demo_data.build(db, donors=args.donors - have, seed=11)
        build_seconds = round(time.perf_counter() - started, 1)

    raw = sqlite3.connect(folder / "bbms.sqlite3")
    rng = random.Random(5)
    count = raw.execute("SELECT count(*) FROM donors").fetchone()[0]
    offsets = [rng.randrange(count) for _ in range(args.queries)]
    samples = {
        "donor_number": [
            raw.execute("SELECT donor_number FROM donors LIMIT 1 OFFSET ?", (o,)).fetchone()[0] for o in offsets
        ],
        "mobile": [
            m
            for (m,) in (
                raw.execute("SELECT mobile FROM donors WHERE mobile IS NOT NULL LIMIT 1 OFFSET ?", (o,)).fetchone()
                for o in offsets
            )
        ],
        "din": [
            raw.execute("SELECT din FROM donations LIMIT 1 OFFSET ?", (o % max(1, count // 2),)).fetchone()[0]
            for o in offsets
        ],
        "name_prefix": [
            raw.execute("SELECT name_key FROM donors LIMIT 1 OFFSET ?", (o,)).fetchone()[0][:4] for o in offsets
        ],
    }
    results = {}
    for kind, texts in samples.items():
        keystroke, service, baseline = [], [], []
        with db.read() as open_session:
            for text in texts:
                started = time.perf_counter()
                with db.read() as session:  # a fresh read transaction per keystroke, as the search box does
                    found = donors.search(session, text)
                keystroke.append(time.perf_counter() - started)
                assert found, (kind, text)
                started = time.perf_counter()
                donors.search(open_session, text)  # the search itself, in an open read transaction
                service.append(time.perf_counter() - started)
                params = (text, text[:-1] + chr(ord(text[-1]) + 1)) if kind == "name_prefix" else (text,)
                started = time.perf_counter()
                raw.execute(RAW[kind], params).fetchall()
                baseline.append(time.perf_counter() - started)
        k, s, b = summary_ms(keystroke), summary_ms(service), summary_ms(baseline)
        results[kind] = {
            "per_keystroke": k,
            "search": s,
            "raw_sql": b,
            "p95_ratio": round(s["p95_ms"] / b["p95_ms"], 2),
        }
    db.dispose()
    report(
        "donor_lookup",
        {"donors": count, "build_seconds": build_seconds, "goal": "p95 <= 10 ms, <= 1.5x raw", **results},
    )


if __name__ == "__main__":
    main()
