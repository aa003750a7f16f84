"""Donor lookup in a large profile: p50/p95 of the search box's lookup by DIN, mobile, donor number and name prefix.

For each input, back to back on the same database:

* ``lookup``: what the search box runs on every keystroke, ``services.donors.lookup(db, text)``: the input
  classified, a fresh read transaction (BEGIN ... COMMIT), the statement, merged records shown as their survivor,
  the result lines the UI shows (named tuples with a UUID id, a Sex, a date).
* ``session_per_keystroke``: the same search through a read Session (``with db.read() as s: donors.search(s, text)``),
  the way the search box ran it before ``lookup``, and the way the other pages still search.
* ``raw_sql``, the baseline: the same statement(s) on the same index, the same columns and the same LIMIT through a
  plain sqlite3 connection in a fresh transaction of its own (BEGIN, execute, fetchall, COMMIT), no conversion.
  For a name prefix the family-name statement runs too whenever the service runs it (fewer lines than the limit).

The session search runs first on each input (it reads the pages in from disk for everyone); then ``lookup`` and
``raw_sql`` take turns going first, input by input: whichever reads the pages first pays for bringing them into its
own page cache and the CPU's caches (until 2026-12-07 the baseline always ran last, after ``lookup`` had read the same
pages, which alone made ``lookup``'s p95 1.5-2.5x the baseline's). ``p95_ratio_by_first`` gives the ratio over the
inputs where each went first.

The figure that matters is ``lookup``'s p95 and its ratio to the baseline's ("p95_ratio").
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
    "LIMIT ?",
    "family_prefix": f"SELECT {COLUMNS} FROM donors d WHERE d.family_key >= ? AND d.family_key < ? "
    "ORDER BY d.family_key LIMIT ?",
}


def timed_lookup(db: object, text: str, limit: int) -> tuple[list[donors.DonorSummary], float, float]:
    """What the search box runs now, and its wall and CPU seconds."""
    started, cpu = time.perf_counter(), time.thread_time()
    found = donors.lookup(db, text, limit)  # type: ignore[arg-type]
    return found, time.perf_counter() - started, time.thread_time() - cpu


def timed_raw(raw: sqlite3.Connection, kind: str, text: str, limit: int) -> tuple[list[object], float, float]:
    """The baseline's statement(s) in a fresh transaction, and its wall and CPU seconds."""
    started, cpu = time.perf_counter(), time.thread_time()
    raw.execute("BEGIN")
    if kind == "name_prefix":
        params = (text, text[:-1] + chr(ord(text[-1]) + 1), limit)
        rows = raw.execute(RAW[kind], params).fetchall()
        if len(rows) < limit:  # the service reads the family names too then
            rows += raw.execute(RAW["family_prefix"], params).fetchall()
    else:
        rows = raw.execute(RAW[kind], (text,)).fetchall()
    raw.execute("COMMIT")
    return rows, time.perf_counter() - started, time.thread_time() - cpu


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

    # The inputs are sampled through a connection of their own, closed before the timing: the sampling queries walk
    # the tables (LIMIT 1 OFFSET n), which leaves their interior pages in that connection's page cache. Until
    # 2026-12-08 the baseline ran on the sampling connection, so its row lookups found those pages cached while the
    # service's connection, fresh, read them in: half of lookup's excess at p95 for donor numbers and DINs.
    sampler = sqlite3.connect(folder / "bbms.sqlite3")
    rng = random.Random(5)
    count = sampler.execute("SELECT count(*) FROM donors").fetchone()[0]
    offsets = [rng.randrange(count) for _ in range(args.queries)]
    samples = {
        "donor_number": [
            sampler.execute("SELECT donor_number FROM donors LIMIT 1 OFFSET ?", (o,)).fetchone()[0] for o in offsets
        ],
        "mobile": [
            m
            for (m,) in (
                sampler.execute("SELECT mobile FROM donors WHERE mobile IS NOT NULL LIMIT 1 OFFSET ?", (o,)).fetchone()
                for o in offsets
            )
        ],
        "din": [
            sampler.execute("SELECT din FROM donations LIMIT 1 OFFSET ?", (o % max(1, count // 2),)).fetchone()[0]
            for o in offsets
        ],
        "name_prefix": [
            sampler.execute("SELECT name_key FROM donors LIMIT 1 OFFSET ?", (o,)).fetchone()[0][:4].strip()
            for o in offsets
        ],
    }
    sampler.close()
    # the baseline's connection, opened as the service's read connections are (fresh, autocommit: BEGIN and COMMIT
    # below, as lookup issues them; the same pragmas)
    raw = sqlite3.connect(folder / "bbms.sqlite3", isolation_level=None, check_same_thread=False)
    raw.execute(f"PRAGMA busy_timeout={db.read_connections.busy_timeout_ms}")
    raw.execute("PRAGMA query_only=ON")
    results = {}
    limit = 20
    for kind, texts in samples.items():
        keystroke, lookup, baseline, same_rows = [], [], [], 0
        lookup_cpu, baseline_cpu = [], []  # CPU time of the same calls: a loaded machine's preemption left out
        first = {"lookup": ([], []), "raw_sql": ([], [])}  # (lookup, baseline) of the inputs where each ran first
        for index, text in enumerate(texts):
            started = time.perf_counter()
            with db.read() as session:  # a fresh read transaction per keystroke, as the search box did
                through_session = donors.search(session, text, limit)
            keystroke.append(time.perf_counter() - started)

            # Whichever of the two reads these pages first pays for bringing them in (its own page cache, the CPU's
            # caches): measured here, lookup's p95 is about 2x the baseline's when it goes first and 1.1-1.4x when
            # it goes second. So they take turns going first, input by input.
            if index % 2 == 0:
                (found, *lookup_times), (rows, *raw_times), went_first = (
                    timed_lookup(db, text, limit),
                    timed_raw(raw, kind, text, limit),
                    "lookup",
                )
            else:
                (rows, *raw_times), (found, *lookup_times), went_first = (
                    timed_raw(raw, kind, text, limit),
                    timed_lookup(db, text, limit),
                    "raw_sql",
                )
            lookup.append(lookup_times[0])
            lookup_cpu.append(lookup_times[1])
            baseline.append(raw_times[0])
            baseline_cpu.append(raw_times[1])
            first[went_first][0].append(lookup[-1])
            first[went_first][1].append(baseline[-1])
            assert found == through_session, (kind, text)
            same_rows += len(rows) == len(found)
        k, s, b = summary_ms(keystroke), summary_ms(lookup), summary_ms(baseline)
        s_cpu, b_cpu = summary_ms(lookup_cpu), summary_ms(baseline_cpu)
        results[kind] = {
            "lookup": s,
            "session_per_keystroke": k,
            "raw_sql": b,
            "p95_ratio": round(s["p95_ms"] / b["p95_ms"], 2),
            "p50_ratio": round(s["p50_ms"] / b["p50_ms"], 2),
            "session_p95_ratio": round(k["p95_ms"] / b["p95_ms"], 2),
            "lookup_cpu": s_cpu,
            "raw_sql_cpu": b_cpu,
            "cpu_p95_ratio": round(s_cpu["p95_ms"] / b_cpu["p95_ms"], 2),
            "cpu_p50_ratio": round(s_cpu["p50_ms"] / b_cpu["p50_ms"], 2),
            "inputs_with_as_many_raw_rows_as_lines": f"{same_rows}/{len(texts)}",
            # the same figures split by which of the two went first on the input (half the inputs each)
            "p95_ratio_by_first": {
                name: round(summary_ms(ls)["p95_ms"] / summary_ms(bs)["p95_ms"], 2) for name, (ls, bs) in first.items()
            },
        }
    db.dispose()
    report(
        "donor_lookup",
        {"donors": count, "build_seconds": build_seconds, "goal": "p95 <= 10 ms, <= 1.5x raw", **results},
    )


if __name__ == "__main__":
    main()
