"""Sync throughput against a real ``bbms-central serve`` process on loopback (issue 3 goals).

1. push: a device pushes a backlog of ``--donors`` registrations (one op each, plus audit events), as the engine
   does it (whole transactions, 500 ops a push). Baseline, same run: the server's own apply code for the same ops
   in-process on a fresh database (no HTTP, no client), so the ratio is what the wire and the client add.
   Goal: a 10,000-op backlog in <= 2 s.
2. initial pull: a second device of the centre pulls the whole scope into its empty local SQLite (rows/s).
   Baseline, same run: a raw ``executemany`` insert of the very same rows into a fresh copy of the local schema.
   Goal: >= 40,000 rows/s and >= 25 % of the baseline.
3. one incoming change into a large local database: the second device is grown to ``--large-rows`` donors (raw
   inserts), then applies pages of one changed donor each, as a pull does (p95). Baseline, same run: a raw
   one-row UPDATE committed durably on the same file. Goal: p95 <= 2 ms.

    .venv/bin/python bench/sync_throughput.py [--donors 10000] [--large-rows 500000] [--database URL]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("BBMS_KEYRING", "file")

import requests
from sqlalchemy import select

from bbms_central import push as central_push
from bbms_central.db import Database as CentralDatabase
from bbms_desktop.models import Donor, OpState, OutboxOp
from bbms_desktop.models.codec import row_fields
from bbms_desktop.rules.vocabulary import DonorType
from bbms_desktop.services import accounts, register_import
from bbms_desktop.services.profile import DATABASE_FILE, open_profile
from bbms_desktop.sync import protocol
from bbms_desktop.sync.client import enrol, transport_for
from bbms_desktop.sync.credentials import credential_store
from bbms_desktop.sync.engine import SyncEngine
from bench._common import percentile, report, summary_ms

PASSWORD = "bench-password"
CENTRE = "DL-BENCH"


def central_cli(database: str, *args: str, stdin: str | None = None) -> str:
    from bbms_central.cli import main

    out = io.StringIO()
    old = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        with contextlib.redirect_stdout(out):
            assert main(["--database", database, *args]) == 0, out.getvalue()
    finally:
        sys.stdin = old
    return out.getvalue()


def start_server(database: str, folder: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).with_name("bbms-central")), "--database", database, "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/v1/health", timeout=1).ok:
                return process, url
        time.sleep(0.1)
    raise RuntimeError("server did not start")


def imported_donors(n: int) -> list[register_import.ImportedDonor]:
    born = date(1970, 1, 1)
    return [
        register_import.ImportedDonor(
            given_name=f"Donor{i}",
            family_name="Sharma",
            sex="M" if i % 3 else "F",
            date_of_birth=born + timedelta(days=i % 12000),
            mobile=f"9{i:09d}",
            donor_type=DonorType.VOLUNTARY,
            consent=True,
            legacy_number=f"OLD-{i:07d}",  # the first enrolment's block holds 2,000 numbers only
        )
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--donors", type=int, default=10_000)
    parser.add_argument("--large-rows", type=int, default=500_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--database", help="central database URL (default: a SQLite file in a temp folder)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bbms-sync-bench-"))
    database = args.database or f"sqlite:///{folder / 'central.sqlite3'}"
    central_cli(database, "init")
    centre = central_cli(
        database, "add-centre", "--code", CENTRE, "--name", "Bench", "--fin", "G7777", "--kind", "blood-centre"
    )
    code = __import__("json").loads(centre)["enrolment_code"]
    for username, role in (("importer", "quality_admin"), ("lab2", "lab_technician")):
        central_cli(database, "add-user", "--centre", CENTRE, "--username", username, "--role", role, stdin=PASSWORD)
    server, url = start_server(database, folder)
    result: dict[str, object] = {"donors": args.donors, "central": database.split(":")[0]}
    try:
        # -- 1. push ------------------------------------------------------------------------------------------------
        desk = folder / "desk"
        enrol(desk, url, CENTRE, code)
        db = open_profile(desk)
        importer = accounts.authenticate(db, "importer", PASSWORD)
        verifier = accounts.authenticate(db, "lab2", PASSWORD)
        with db.unit_of_work(importer) as uow:
            register_import.import_register(
                uow, imported_donors(args.donors), verified_by=verifier, keep_legacy_numbers=True
            )
        with db.read() as session:
            ops = session.scalars(select(OutboxOp).where(OutboxOp.state == OpState.PENDING).order_by(OutboxOp.op_seq))
            wire = [
                protocol.Op(
                    op_seq=o.op_seq,
                    op_id=o.op_id,
                    tx=o.tx,
                    entity=o.entity,
                    row_id=o.row_id,
                    kind=o.kind,
                    base_version=o.base_version,
                    fields=o.fields,
                    hlc=o.hlc,
                )
                for o in ops
            ]
        engine = SyncEngine(db, transport_for(db, desk))
        copy_url = snapshot_central(database, folder)
        server_cpu, client_cpu = process_cpu_s(server.pid), time.process_time()
        started = time.perf_counter()
        pushed, rejected, _conflicts = engine.push()
        push_s = time.perf_counter() - started
        client_cpu = time.process_time() - client_cpu
        server_after = process_cpu_s(server.pid)
        server_cpu = None if server_cpu is None or server_after is None else server_after - server_cpu
        assert rejected == 0 and pushed == len(wire), (pushed, rejected, len(wire))
        result["push"] = {
            "ops": len(wire),
            "seconds": round(push_s, 3),
            "ops_per_s": round(len(wire) / push_s),
            "goal": "10,000 ops <= 2 s",
            # CPU seconds each side spent on the push (steadier than the wall time on a loaded machine)
            "server_cpu_s": None if server_cpu is None else round(server_cpu, 3),
            "client_cpu_s": round(client_cpu, 3),
        }
        if copy_url is not None:
            baseline_s = in_process_apply(copy_url, engine.device_id, wire)
            result["push"]["baseline_in_process_apply_s"] = round(baseline_s, 3)
            result["push"]["ratio_to_baseline"] = round(push_s / baseline_s, 2)
        engine.pull()
        db.dispose()

        # -- 2. initial pull ----------------------------------------------------------------------------------------
        reader = folder / "reader"
        reader_db = open_profile(reader)
        answer = enrol_only(url, reader, central_cli(database, "new-enrolment", "--centre", CENTRE))
        reader_engine = SyncEngine(reader_db, transport_for(reader_db, reader), pull_limit=protocol.MAX_PULL_LIMIT)
        started, cpu = time.perf_counter(), time.process_time()
        pulled = reader_engine.pull()
        pull_s, pull_cpu = time.perf_counter() - started, time.process_time() - cpu
        raw_rate, stored = raw_insert_rate(folder, reader / DATABASE_FILE)
        result["initial_pull"] = {
            # the rows now in the local database (what the baseline inserts); the changes received count the
            # registry's copies of this centre's own rows too, which the scope stream brought and the pull skips
            "rows": stored,
            "changes_received": pulled,
            "seconds": round(pull_s, 3),
            "cpu_seconds": round(pull_cpu, 3),  # this process (all its threads): fetch, parse, apply
            "rows_per_s": round(stored / pull_s),
            "baseline_raw_executemany_rows_per_s": round(raw_rate),
            "ratio_to_baseline": round(stored / pull_s / raw_rate, 3),
            "goal": ">= 40,000 rows/s and >= 25 % of the baseline",
        }
        assert answer
        result["initial_pull"]["split"] = pull_split(folder, reader_engine, url)

        # -- 3. one incoming change into a large database -----------------------------------------------------------
        grow(reader / DATABASE_FILE, args.large_rows)
        samples, raw, cpu = apply_one_change(reader_db, reader_engine, reader / DATABASE_FILE, args.samples)
        result["apply_one_change"] = {
            "local_donor_rows": args.large_rows,
            "engine": summary_ms(samples),
            "engine_cpu": summary_ms(cpu),  # this process's CPU time per change (the kernel's part of the commit too)
            "baseline_raw_update_commit": summary_ms(raw),
            "p95_ratio": round(percentile(samples, 95) / percentile(raw, 95), 2),
            "goal": "p95 <= 2 ms",
        }
        reader_db.dispose()
    finally:
        server.terminate()
        server.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)
    report("sync_throughput", result)


def process_cpu_s(pid: int) -> float | None:
    """The CPU seconds (user + system) process ``pid`` has used so far (Linux ``/proc``; None elsewhere)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def enrol_only(url: str, profile: Path, enrolment_json: str) -> bool:
    """Enrol without the first cycle (the bench times the pull alone)."""
    import json

    from bbms_desktop.models import DeviceState
    from bbms_desktop.sync.transport import Transport

    code = json.loads(enrolment_json)["enrolment_code"]
    db = open_profile(profile)
    with db.read() as session:
        device_id = session.get(DeviceState, 1).device_id
    answer = Transport.enrol(
        url, protocol.EnrolRequest(centre_code=CENTRE, enrolment_code=code, device_id=device_id, device_name="bench")
    )
    credential_store(profile).save_secret(device_id, answer.device_secret)
    with db.remote_apply() as session:
        session.get(DeviceState, 1).server_url = url
    db.dispose()
    return True


def snapshot_central(database: str, folder: Path) -> str | None:
    """A copy of a SQLite central database as it is now (the sqlite3 backup API; safe while the server runs)."""
    if not database.startswith("sqlite:///"):
        return None
    copy = folder / "baseline-central.sqlite3"
    source = sqlite3.connect(database.removeprefix("sqlite:///"))
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return f"sqlite:///{copy}"


def in_process_apply(copy_url: str, device_id: uuid.UUID, ops: list[protocol.Op]) -> float:
    """The server's push code applying the same ops in batches of 500 to the copy taken before the push: no HTTP."""
    db = CentralDatabase(copy_url)
    started = time.perf_counter()
    for start in range(0, len(ops), protocol.MAX_OPS_PER_PUSH):
        batch = ops[start : start + protocol.MAX_OPS_PER_PUSH]
        request = protocol.PushRequest(device_id=device_id, schema_version=protocol.SCHEMA_VERSION, ops=batch)
        with db.write() as session:
            central_push.push(session, device_id, request)
    elapsed = time.perf_counter() - started
    db.dispose()
    return elapsed


def raw_insert_rate(folder: Path, pulled_file: Path) -> tuple[float, int]:
    """Rows/s of a raw executemany of the pulled rows into a fresh, migrated copy of the local schema, and how many
    rows that is (the rows the pull stored)."""
    template = folder / "template"
    open_profile(template).dispose()
    source = sqlite3.connect(pulled_file)
    target = sqlite3.connect(template / DATABASE_FILE, isolation_level=None)
    target.execute("PRAGMA foreign_keys=OFF")
    target.execute("PRAGMA synchronous=FULL")
    tables = [
        name
        for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if name not in ("alembic_version", "device_state", "outbox", "number_blocks", "dead_letters")
        and not name.startswith("sqlite_")
    ]
    data = {t: source.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    rows = sum(len(v) for v in data.values())
    started = time.perf_counter()
    target.execute("BEGIN IMMEDIATE")
    for t, values in data.items():
        if values:
            marks = ",".join("?" * len(values[0]))
            target.executemany(f'INSERT OR REPLACE INTO "{t}" VALUES ({marks})', values)
    target.execute("COMMIT")
    elapsed = time.perf_counter() - started
    source.close()
    target.close()
    return rows / elapsed, rows


def pull_split(folder: Path, engine: SyncEngine, url: str) -> dict[str, object]:
    """The same pull again, its stages one after another (not overlapped as the engine does), over the two streams
    the client pulls (the centre's scope, then the shared registry): HTTP with the gzip inflate, reading the page
    (:func:`pages.parse_stream_page`), applying it into another empty profile. Until 2026-12-08 this timed the
    combined ``/sync/pull`` of schema-1 clients instead, which the client no longer uses."""
    from bbms_desktop.models import DeviceState
    from bbms_desktop.sync.pages import parse_stream_page
    from bbms_desktop.sync.protocol import Stream

    target_db = open_profile(folder / "split")
    with target_db.remote_apply() as session:
        session.get(DeviceState, 1).server_url = url
    target = SyncEngine(target_db, engine.transport)
    transport = engine.transport
    stages = {name: [0.0, 0.0] for name in ("http_and_inflate", "parse", "apply")}

    def fetch(stream: Stream, params: dict[str, object]) -> bytes:
        return transport._authorised("GET", f"/sync/pull/{stream.value}", params=params).content

    def timed(name: str, work, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        value = work(*args)
        stages[name][0] += time.perf_counter() - wall
        stages[name][1] += time.process_time() - cpu
        return value

    pages: dict[str, int] = {}
    size = 0
    for stream in (Stream.SCOPE, Stream.REGISTRY):
        cursor, count = "0", 0
        while True:
            params: dict[str, object] = {"cursor": cursor}
            if stream is Stream.SCOPE:
                params["limit"] = engine.pull_limit
            body = timed("http_and_inflate", fetch, stream, params)
            page = timed("parse", parse_stream_page, body)
            if stream is Stream.SCOPE and page.centre_id is not None:
                target._own_centre = page.centre_id  # as the engine learns it from the first scope page
            timed("apply", target.apply_page, page, page.next_cursor, stream)
            count, size = count + 1, size + len(body)
            if not page.has_more:
                break
            cursor = page.next_cursor
        pages[stream.value] = count
    target_db.dispose()
    split: dict[str, object] = {"pages": pages, "json_bytes": size}
    for name, (wall, cpu) in stages.items():
        split[f"{name}_s"] = round(wall, 3)
        split[f"{name}_cpu_s"] = round(cpu, 3)
    return split


def grow(file: Path, rows: int) -> None:
    """Add raw donor rows until the local database holds ``rows`` donors (a centre's registry of many years)."""
    connection = sqlite3.connect(file, isolation_level=None)
    have = connection.execute("SELECT count(*) FROM donors").fetchone()[0]
    template = connection.execute("SELECT * FROM donors LIMIT 1").fetchone()
    columns = [d[1] for d in connection.execute("PRAGMA table_info(donors)")]
    at = {name: i for i, name in enumerate(columns)}
    connection.execute("BEGIN")
    batch = []
    for i in range(have, rows):
        row = list(template)
        row[at["id"]] = uuid.uuid4().hex
        row[at["donor_number"]] = f"BENCH{i:09d}"
        row[at["mobile"]] = f"8{i:09d}"
        row[at["name_key"]] = f"grown donor {i}"
        batch.append(row)
        if len(batch) == 50_000:
            connection.executemany(f"INSERT INTO donors VALUES ({','.join('?' * len(columns))})", batch)
            batch = []
    if batch:
        connection.executemany(f"INSERT INTO donors VALUES ({','.join('?' * len(columns))})", batch)
    connection.execute("COMMIT")
    connection.close()


def apply_one_change(db, engine: SyncEngine, file: Path, samples: int) -> tuple[list[float], list[float], list[float]]:
    """Pages of one changed donor each, applied as a pull applies them; and raw one-row UPDATE commits."""
    with db.read() as session:
        donors = session.scalars(select(Donor).limit(samples)).all()
        wire = [row_fields(d) for d in donors]
        versions = [d.version or 1 for d in donors]
    timings, cpu = [], []
    for i, (fields, version) in enumerate(zip(wire, versions, strict=True)):
        changed = {**fields, "mobile": f"7{i:09d}"}
        change = protocol.Change(entity="donors", row_id=uuid.UUID(fields["id"]), version=version + 1, fields=changed)
        started, used = time.perf_counter(), time.process_time()
        engine.apply_page([change], "999999")
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    connection = sqlite3.connect(file, isolation_level=None)
    connection.execute("PRAGMA synchronous=FULL")
    ids = [row[0] for row in connection.execute("SELECT id FROM donors LIMIT ?", (samples,))]
    raw = []
    for i, row_id in enumerate(ids):
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE donors SET mobile = ? WHERE id = ?", (f"6{i:09d}", row_id))
        connection.execute("COMMIT")
        raw.append(time.perf_counter() - started)
    connection.close()
    return timings, raw, cpu


if __name__ == "__main__":
    main()
