"""Crash soak: kill -9 a client at random points many times; nothing may be lost, duplicated or left stuck (issue 3).

The same machinery as tests/sync/test_crash_recovery.py (tests/sync/crash_harness.py), for longer: forked children
work through the services and sync with a real ``bbms-central serve`` process (SQLite), each SIGKILLed at a point
drawn at random (mid-write, mid-push, after the server committed but before the answer was recorded, mid-pull apply,
a random moment); after every kill the device recovers (open, sync until caught up) and is checked against the
server's database. The run is cut into chunks of ``--chunk`` kills, each with a fresh server and fresh devices
(alternately one desk, and a desk with a camp laptop of the same centre killed in the same rounds), so the cost of a
check does not grow with the run. A failure prints the seed, the round and the children's plans, and the run goes on
with the next chunk; the exit code is 1 if any chunk failed.

    .venv/bin/python bench/crash_soak.py [--kills 2000] [--seed 1] [--chunk 200] [--check-every 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["BBMS_KEYRING"] = "file"  # the device secrets in each profile's file (the children inherit it)

from argon2 import PasswordHasher

from bbms_desktop.services import accounts
from bench._common import report
from tests.sync.crash_harness import POINTS, Tally, crash_run, enrol_devices
from tests.sync.harness import CentralServer, central_cli, central_database

CENTRE = "DL-AIIMS"


def soak_chunk(seed: int, kills: int, machines: int, check_every: int) -> Tally:
    folder = Path(tempfile.mkdtemp(prefix=f"bbms-crash-{seed}-"))
    try:
        with central_database("sqlite", folder) as database:
            central_cli(database, "init")
            server = CentralServer(database, folder)
            server.add_centre(CENTRE, "AIIMS Blood Centre, New Delhi", "G1111")
            server.start()
            try:
                devices = enrol_devices(server, folder, CENTRE, machines, tag=f"soak-{seed}")
                return crash_run(devices, database, seed=seed, kills=kills, folder=folder, check_every=check_every)
            finally:
                server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1, help="the first chunk's seed (chunk i uses seed + i)")
    parser.add_argument("--chunk", type=int, default=200, help="kills per fresh server")
    parser.add_argument("--check-every", type=int, default=1, help="recover and check after every N rounds")
    args = parser.parse_args()
    # staff sign in once per device at enrolment; the production hash costs ~0.1 s each and is not what is measured
    accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

    total = Tally()
    failures: list[str] = []
    started = time.monotonic()
    chunk = 0
    while total.total_kills < args.kills and len(failures) < 10:
        seed = args.seed + chunk
        machines = 1 + chunk % 2
        wanted = min(args.chunk, args.kills - total.total_kills)
        try:
            tally = soak_chunk(seed, wanted, machines, args.check_every)
        except AssertionError as failure:
            failures.append(f"chunk {chunk} (seed {seed}, {machines} machines): {failure}")
            print(f"FAILURE in {failures[-1]}", file=sys.stderr, flush=True)
            chunk += 1
            continue
        total.merge(tally)
        chunk += 1
        minutes = (time.monotonic() - started) / 60
        print(
            f"chunk {chunk}: seed {seed}, {machines} machine(s), {tally.total_kills} kills in {tally.seconds:.1f} s; "
            f"{total.total_kills} in all, {total.total_kills / minutes:.0f} kills/min",
            file=sys.stderr,
            flush=True,
        )
    minutes = (time.monotonic() - started) / 60
    report(
        "crash_soak",
        {
            "kills": total.total_kills,
            "kills_by_point": {point: total.kills[point] for point in POINTS},
            "children": total.children,
            "children_outliving_their_point": dict(Counter(total.missed)),
            "minutes": round(minutes, 2),
            "kills_per_minute": round(total.total_kills / minutes, 1) if minutes else 0,
            "failures": len(failures),
            "failure_details": failures,
            "first_seed": args.seed,
        },
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
