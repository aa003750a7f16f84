"""A profile with a million donors for the benchmarks, in minutes rather than hours.

Building 1,000,000 donors through the services (``demo-data``) takes hours on this machine (each donor is a durable
unit of work with its audit event and outbox ops). The lookup and UI benchmarks need the *size*, not a million
separate histories, so this script:

1. builds a realistic base through the services (``demo_data.build``: the centre, staff, recent collections, stock,
   requests and issues, and older imported history), then
2. clones the base's donors, their screening visits, donations and laboratory results in SQL, round after round,
   until the profile holds ``--donors`` donors: each clone gets a new id, a new donor number in the centre's series,
   a new random mobile number, its donations new DINs (the round's facility letter, e.g. H1234 for the first), and
   every date-time moved back 120 days per round (a million donors reach back about eight years, as a large
   centre's register does), so every lookup key stays unique and every index is as deep as a real register's.
   Names repeat, as they do in India.

Clones are bench data: they are not in the outbox (they never sync) and have no components.

    .venv/bin/python bench/bulk_profile.py --donors 1000000 [--base 40000] [--profile DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bbms_desktop.services import demo_data
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bench._common import OUT

DAYS_BACK_PER_ROUND = 120  # each round's clones lived 4 months earlier: a million donors reach back ~8 years
FIN_LETTERS = "HJKLMNPQRSTUVWXYZ123456789ABCDEF"  # valid first characters of a FIN (never O or 0), G is the base's


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _clone(
    connection: sqlite3.Connection, table: str, overrides: dict[str, str], where: str = "", days_back: int = 0
) -> None:
    """Copy rows of ``table`` with ``overrides``; every date-time column moved ``days_back`` days into the past."""
    info = list(connection.execute(f"PRAGMA table_info({table})"))
    columns = [row[1] for row in info]
    shifted = {row[1] for row in info if row[2].upper() == "DATETIME"}

    def value(column: str) -> str:
        if column in overrides:
            return overrides[column]
        return f"datetime({column}, '-{days_back} days')" if column in shifted and days_back else column

    values = ", ".join(value(column) for column in columns)
    connection.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} FROM {table} {where}")


def time_id(days_back: int) -> str:
    """A UUIDv7-shaped id for a clone made ``days_back`` days before its original (the row's ``created_at``): ids stay
    time-ordered, as the real ones are, so "created since" ranges of the id index behave as on a real register."""
    ms = f"CAST((julianday(created_at) - 2440587.5) * 86400000 AS INTEGER) - {days_back} * 86400000"
    return f"printf('%012x', {ms}) || '7' || substr(lower(hex(randomblob(10))), 1, 19)"


CLONE_OF_DONOR = "(SELECT clone FROM temp.picked p WHERE p.id = {table}.donor_id)"


def build(folder: Path, donors: int, base: int) -> dict[str, float | int]:
    started = time.perf_counter()
    open_profile(folder).dispose()  # created and migrated
    connection = sqlite3.connect(folder / DATABASE_FILE, isolation_level=None)
    have = connection.execute("SELECT count(*) FROM donors").fetchone()[0]
    if have == 0:
        db = open_profile(folder)
        demo_data.build(db, donors=base, seed=11)
        db.dispose()
    base_seconds = time.perf_counter() - started
    originals_only = f"WHERE donor_number GLOB '*-{'[0-9]' * 7}'"  # the base's own numbers; clones' have a letter
    base_count = connection.execute(f"SELECT count(*) FROM donors {originals_only}").fetchone()[0]
    prefix = connection.execute(f"SELECT donor_number FROM donors {originals_only} LIMIT 1").fetchone()[0][:-8]
    width = len(str(donors))
    connection.execute("PRAGMA foreign_keys=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    round_ = connection.execute("SELECT count(*) FROM donors").fetchone()[0] // max(1, base_count)
    while connection.execute("SELECT count(*) FROM donors").fetchone()[0] < donors:
        if round_ > len(FIN_LETTERS):
            raise SystemExit(f"--base {base_count} is too small for {donors} donors: at most {len(FIN_LETTERS)} rounds")
        days_back = DAYS_BACK_PER_ROUND * round_
        remaining = donors - connection.execute("SELECT count(*) FROM donors").fetchone()[0]
        connection.execute("BEGIN")
        limit = f"{originals_only} ORDER BY id LIMIT {remaining}"
        connection.execute(f"CREATE TEMP TABLE picked AS SELECT id, {time_id(days_back)} AS clone FROM donors {limit}")
        connection.execute("CREATE UNIQUE INDEX temp.picked_id ON picked (id)")
        _clone(
            connection,
            "donors",
            {
                "id": "(SELECT clone FROM temp.picked p WHERE p.id = donors.id)",
                "donor_number": f"'{prefix}-B{round_:02d}' || printf('%0{width}d', rowid)",
                "mobile": "CASE WHEN mobile IS NULL THEN NULL ELSE "
                "printf('%d%09d', 6 + abs(random()) % 4, abs(random()) % 1000000000) END",
                "merged_into_id": "NULL",
            },
            "WHERE id IN (SELECT id FROM temp.picked)",
            days_back,
        )
        connection.execute(
            f"CREATE TEMP TABLE visits AS SELECT id, {time_id(days_back)} AS clone FROM screening_visits "
            "WHERE donor_id IN (SELECT id FROM temp.picked)"
        )
        connection.execute("CREATE UNIQUE INDEX temp.visits_id ON visits (id)")
        _clone(
            connection,
            "screening_visits",
            {
                "id": "(SELECT clone FROM temp.visits v WHERE v.id = screening_visits.id)",
                "donor_id": CLONE_OF_DONOR.format(table="screening_visits"),
            },
            "WHERE donor_id IN (SELECT id FROM temp.picked)",
            days_back,
        )
        connection.execute(
            f"CREATE TEMP TABLE gifts AS SELECT id, {time_id(days_back)} AS clone FROM donations "
            "WHERE donor_id IN (SELECT id FROM temp.picked) AND din LIKE 'G%'"
        )
        connection.execute("CREATE UNIQUE INDEX temp.gifts_id ON gifts (id)")
        _clone(
            connection,
            "donations",
            {
                "id": "(SELECT clone FROM temp.gifts g WHERE g.id = donations.id)",
                "donor_id": CLONE_OF_DONOR.format(table="donations"),
                "visit_id": "(SELECT clone FROM temp.visits v WHERE v.id = donations.visit_id)",
                "din": f"'{FIN_LETTERS[round_ - 1]}' || substr(din, 2)",
            },
            "WHERE id IN (SELECT id FROM temp.gifts)",
            days_back,
        )
        # their laboratory results and verifications, as every old donation has them
        connection.execute(
            f"CREATE TEMP TABLE results AS SELECT id, {time_id(days_back)} AS clone FROM lab_result_sets "
            "WHERE donation_id IN (SELECT id FROM temp.gifts)"
        )
        connection.execute("CREATE UNIQUE INDEX temp.results_id ON results (id)")
        _clone(
            connection,
            "lab_result_sets",
            {
                "id": "(SELECT clone FROM temp.results r WHERE r.id = lab_result_sets.id)",
                "donation_id": "(SELECT clone FROM temp.gifts g WHERE g.id = lab_result_sets.donation_id)",
                "supersedes_id": "(SELECT clone FROM temp.results r WHERE r.id = lab_result_sets.supersedes_id)",
            },
            "WHERE id IN (SELECT id FROM temp.results)",
            days_back,
        )
        _clone(
            connection,
            "lab_verifications",
            {
                "id": time_id(days_back),
                "result_set_id": "(SELECT clone FROM temp.results r WHERE r.id = lab_verifications.result_set_id)",
            },
            "WHERE result_set_id IN (SELECT id FROM temp.results)",
            days_back,
        )
        for temporary in ("picked", "visits", "gifts", "results"):
            connection.execute(f"DROP TABLE temp.{temporary}")
        connection.execute("COMMIT")
        round_ += 1
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("ANALYZE")
    total = connection.execute("SELECT count(*) FROM donors").fetchone()[0]
    connection.close()
    return {
        "donors": total,
        "base_donors": base_count,
        "base_seconds": round(base_seconds, 1),
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--donors", type=int, default=1_000_000)
    parser.add_argument("--base", type=int, default=40_000)  # 20,000 reach only 660,000 in the 32 rounds
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()
    folder = args.profile or OUT / f"bulk-{args.donors}"
    print(build(folder, args.donors, args.base))


if __name__ == "__main__":
    main()
