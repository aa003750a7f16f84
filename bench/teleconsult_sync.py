"""Teleconsult store-and-forward against a real ``bbms-central serve`` process on loopback (issue 5 goal).

A spoke has ``--requests`` queued teleconsultations, each with a ``--attachment-kb`` file, written offline. The link
returns: the spoke runs its sync cycle (push the requests, pull, then upload the files in chunks) while the hub
pulls every ``--poll-ms``. Measured: time from "link returns" to "the hub doctor's queue shows every request", and to
"every file is on the server". Baseline, same run: another spoke of the same server with the same requests and files,
whose cycle sends the requests only (push and pull, no file bytes). The ratio says what sending the files costs the
hub's queue (a request is valid before its files arrive, principle 13: the goal is a ratio of at most 1.5).

    .venv/bin/python bench/teleconsult_sync.py [--requests 100] [--attachment-kb 300]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("BBMS_KEYRING", "file")

from bbms_desktop.services import accounts, teleconsult, teleconsult_views
from bbms_desktop.services.blobs import BlobStore
from bbms_desktop.services.profile import open_profile
from bbms_desktop.services.teleconsult import ConsultForm
from bbms_desktop.sync.client import enrol, transport_for
from bbms_desktop.sync.engine import SyncEngine
from bench._common import report
from bench.sync_throughput import central_cli, start_server

PASSWORD = "bench-password"


def spoke_with_requests(url: str, database: str, folder: Path, code: str, count: int, attachment_kb: int) -> Any:
    enrolment = json.loads(central_cli(database, "new-enrolment", "--centre", code))["enrolment_code"]
    enrol(folder / code, url, code, enrolment)
    db = open_profile(folder / code)
    worker = accounts.authenticate(db, f"hw-{code.lower()}", PASSWORD)
    blobs = BlobStore.of_database(db.path)
    rng = random.Random(code)
    for i in range(count):
        form = ConsultForm(
            patient_name=f"Patient {i}",
            patient_age_years=20 + i % 60,
            patient_sex="F" if i % 2 else "M",
            chief_complaints="Fever and cough for 5 days",
            specialty="general_medicine",
            priority=("routine", "urgent", "emergency")[i % 3],
            pulse_per_min=90,
            temperature_c=38.2,
        )
        with db.unit_of_work(worker) as uow:
            ref = teleconsult.create_draft(uow, form)
            if attachment_kb:
                report_file = folder / f"{code}-{i}.pdf"
                report_file.write_bytes(b"%PDF-1.4\n" + rng.randbytes(attachment_kb * 1024))
                teleconsult.add_attachment(uow, blobs, ref.consult_id, report_file, "lab_report")
        with db.unit_of_work(worker) as uow:
            teleconsult.queue(uow, ref.consult_id)
    return db


def link_returns(
    spoke_db, spoke_profile: Path, hub_db, hub_profile: Path, doctor_id, want: int, poll_s: float, *, files: bool
):
    """Seconds until the hub's queue shows ``want`` requests, and until the spoke's cycle (files too) is done."""
    hub = SyncEngine(hub_db, transport_for(hub_db, hub_profile))
    spoke = SyncEngine(spoke_db, transport_for(spoke_db, spoke_profile))
    done: dict[str, float] = {}
    started = time.perf_counter()

    def spoke_cycle() -> None:
        if files:
            done["files"] = spoke.run_cycle().attachments_sent  # push, pull, then the files
        else:  # the baseline: the requests' rows only
            spoke.push()
            spoke.pull()
        done["spoke"] = time.perf_counter() - started

    thread = threading.Thread(target=spoke_cycle)
    thread.start()
    while True:
        hub.pull()
        with hub_db.read() as session:
            seen = len(teleconsult_views.hub_queue(session, doctor_id))
        if seen >= want:
            done["hub_sees_queue"] = time.perf_counter() - started
            break
        time.sleep(poll_s)
    thread.join()
    return done


def scenario(folder: Path, requests: int, attachment_kb: int, poll_s: float, *, files: bool) -> dict[str, float]:
    """A fresh server, a hub with its doctor and a spoke with ``requests`` queued requests; the link returns."""
    folder.mkdir()
    database = f"sqlite:///{folder / 'central.sqlite3'}"
    central_cli(database, "init")
    for code, kind in (("SPOKE", "spoke"), ("HUB", "hub")):
        central_cli(database, "add-centre", "--code", code, "--name", code, "--kind", kind)
    central_cli(database, "add-user", "--centre", "SPOKE", "--username", "hw-spoke", "--role",
                "spoke_health_worker", stdin=PASSWORD + "\n")  # fmt: skip
    doctor_args = ["--specialty", "general_medicine", "--registration-number", "UPMC-1"]
    central_cli(database, "add-user", "--centre", "HUB", "--username", "dr-hub", "--role", "hub_doctor",
                *doctor_args, stdin=PASSWORD + "\n")  # fmt: skip
    server, url = start_server(database, folder)
    try:
        enrolment = json.loads(central_cli(database, "new-enrolment", "--centre", "HUB"))["enrolment_code"]
        enrol(folder / "hub", url, "HUB", enrolment)
        hub_db = open_profile(folder / "hub")
        doctor = accounts.authenticate(hub_db, "dr-hub", PASSWORD).user_id
        spoke_db = spoke_with_requests(url, database, folder, "SPOKE", requests, attachment_kb)
        return link_returns(spoke_db, folder / "SPOKE", hub_db, folder / "hub", doctor, requests, poll_s, files=files)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--attachment-kb", type=int, default=300)
    parser.add_argument("--poll-ms", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bbms-teleconsult-bench-"))
    poll = args.poll_ms / 1000
    # each on its own fresh server, so neither meets the other's rows
    baseline = scenario(folder / "rows-only", args.requests, args.attachment_kb, poll, files=False)
    measured = scenario(folder / "with-files", args.requests, args.attachment_kb, poll, files=True)
    ratio = measured["hub_sees_queue"] / baseline["hub_sees_queue"]
    report(
        "teleconsult_sync",
        {
            "requests": args.requests,
            "attachment_kb": args.attachment_kb,
            "baseline_rows_only_hub_sees_queue_s": round(baseline["hub_sees_queue"], 3),
            "with_files_hub_sees_queue_s": round(measured["hub_sees_queue"], 3),
            "with_files_all_files_on_server_s": round(measured["spoke"], 3),
            "files_sent": measured["files"],
            "ratio_hub_sees_queue_vs_baseline": round(ratio, 2),
            "goal": "ratio <= 1.5 (the files never hold the queue back)",
            "goal_met": ratio <= 1.5,
        },
    )


if __name__ == "__main__":
    main()
