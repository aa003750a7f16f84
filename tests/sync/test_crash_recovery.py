"""kill -9 of the client at random points: nothing lost, nothing duplicated, no queue stuck (SYNC.md, issue 3).

Camp laptops lose power and desks get killed from the task manager. Here a real central server process runs for the
module, and each device's work (registering, screening and bleeding donors, lab results, separation, issuing plasma,
deferring a donor, and sync cycles) runs in a forked child process that SIGKILLs itself at a point drawn at random:
inside a unit of work, mid-push with part of the body sent, with the push sent and its answer awaited, after the
server committed but before its answer was recorded, mid-pull apply, or at a random moment (see crash_harness).
After every kill the device is started again as the app would be (open the profile, sync until caught up), and the
device is checked against the server's database: the SQLite file is sound, the outbox drained with no dead letter,
the server took every op exactly once, every row is on both sides field for field, every step staff were told was
done is saved, no DIN or donor number is used twice, and the audit chain verifies on both sides.

In the two-device cases both machines of the centre are killed in the same rounds, so one's pushes land while the
other pulls. A failure names the seed, the round and each child's plan; the plans are drawn from the seed, so a
case run again replays them (only where a timer or the server's speed decides, the moment differs).
``bench/crash_soak.py`` runs the same for longer (2000 kills by default).
"""

from __future__ import annotations

import pytest

from .crash_harness import POINTS, crash_run, enrol_devices
from .harness import CentralServer, central_cli, central_database

CENTRE = "DL-AIIMS"
KILLS_PER_CASE = 52  # 4 cases: 208 kills


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash-central")
    with central_database("sqlite", folder) as database:
        central_cli(database, "init")
        server = CentralServer(database, folder)
        server.add_centre(CENTRE, "AIIMS Blood Centre, New Delhi", "G1111")
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("seed", "machines"),
    [(11, 1), (12, 1), (21, 2), (22, 2)],
    ids=["desk-a", "desk-b", "desk-and-camp-laptop-a", "desk-and-camp-laptop-b"],
)
def test_a_client_killed_anywhere_loses_nothing_duplicates_nothing_and_drains(central, tmp_path, seed, machines):
    devices = enrol_devices(central, tmp_path, CENTRE, machines, tag=f"crash-{seed}")

    # (the children inherit BBMS_KEYRING=file from conftest: each device's secret is read from its profile's file)
    tally = crash_run(
        devices, central.database, seed=seed, kills=KILLS_PER_CASE, folder=tmp_path, first_number=seed * 1000
    )

    assert tally.total_kills >= KILLS_PER_CASE
    # every kind of point was hit, and the children seldom outlived their point
    assert set(tally.kills) == set(POINTS), tally
    assert sum(tally.missed.values()) <= tally.children // 4, tally
