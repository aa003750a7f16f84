"""Many centres syncing at once against one ``bbms-central serve`` on PostgreSQL (issue 3: 500 centres, this machine).

Set-up (not timed): a fresh PostgreSQL database, ``--centres`` centres, one enrolled device each. Then every centre
syncs at the same moment, each from its own thread, as a device does: push a transaction of ``--ops`` donor
registrations, then pull its scope until caught up. Every HTTP request's latency is recorded; an error is any
non-2xx answer or a failed connection. Baseline, same run and same concurrency: ``GET /v1/health`` (the HTTP stack
and the load generator alone). Goal: p99 <= 1 s, 0 errors.

    .venv/bin/python bench/central_load.py [--centres 500] [--ops 5] [--workers 2] [--stream two|combined]

``--stream two`` (the default, what a current client does): each centre pulls its own scope stream, then the shared
registry stream (the same cached pages for every centre). ``--stream combined``: the one stream of schema-1 clients
before the split (``GET /v1/sync/pull``), for the before/after figure. The generator reads a page's cursor from its
end (a centre applies its pages on its own machine, not on this one): the pages are received and inflated whole.
Each centre keeps one keep-alive connection, opened before the start, and its push body is serialised before the
start too; requests go through the standard library's ``http.client`` (``Lean``), so the generator takes as little
of the two cores as it can. The result gives the latency of each endpoint as well (``by_endpoint``): with group
commit every push of a group is answered when the group commits, so the push's p99 is the time to apply them all.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
import requests

from bbms_central import admin
from bbms_central.db import Database, upgrade
from bbms_desktop.models import new_id
from bbms_desktop.sync import protocol
from bench._common import percentile, report

SAME_PERSON = False
STREAMS: tuple[str, ...] = ("sync/pull/scope", "sync/pull/registry")
POSTGRES = os.environ.get("BBMS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def donor_op(centre_id: str, seq: int, tx: int) -> dict:
    row_id = str(new_id())
    now = datetime.now(UTC).isoformat()
    fields = {
        "id": row_id,
        "centre_id": centre_id,
        "created_at": now,
        "updated_at": now,
        "donor_number": f"L{uuid.uuid4().hex[:12]}",
        "given_name": "Load",
        "family_name": "Test",
        "guardian_name": None,
        # a different person per registration (the same name, birth date and sex at every centre would make each
        # push flag a likely duplicate at every other centre: --same-person measures that worst case)
        "name_key": f"load test {seq}" if SAME_PERSON else f"load test {row_id[-12:]}",
        "family_key": "test",
        "sex": "F",
        "date_of_birth": date(1990, 1, 1).isoformat(),
        "mobile": None,
        "email": None,
        "address": None,
        "pincode": None,
        "district": None,
        "state": None,
        "id_document_type": None,
        "id_document_number": None,
        "abha_id": None,
        "donor_type": "voluntary",
        "consent_given_at": now,
        "blood_group": None,
        "merged_into_id": None,
        "needs_review": False,
        "voided_at": None,
        "void_reason": None,
        "voided_by_id": None,
    }
    return {
        "op_seq": seq,
        "op_id": str(uuid.uuid4()),
        "tx": tx,
        "entity": "donors",
        "row_id": row_id,
        "kind": "insert",
        "base_version": None,
        "fields": fields,
        "hlc": f"{int(time.time() * 1000)}:0",
    }


class Lean:
    """One centre's keep-alive HTTP connection through the standard library: a few tens of microseconds of the load
    generator's CPU per request, where ``requests`` spends several hundred. The generator shares the two cores with
    the server and PostgreSQL; every microsecond it spends is one the server does not get (a real centre's client
    runs on its own machine)."""

    def __init__(self, base: str) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)

    def request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens a new connection
            raise
        if response.getheader("Content-Encoding") == "gzip":
            data = zlib.decompress(data, 31)
        return response.status, data

    def close(self) -> None:
        self.connection.close()


class Recorder:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.by_endpoint: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def call(
        self, client: Lean, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> bytes | None:
        """The body of a 2xx answer (inflated), or None after recording the error."""
        started = time.perf_counter()
        try:
            status, data = client.request(method, path, body, headers or {})
        except (OSError, http.client.HTTPException) as error:
            with self.lock:
                self.errors.append(f"{method} {path}: {error!r}")
            return None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies.append(elapsed)
            self.by_endpoint.setdefault(f"{method} {path.split('/v1/', 1)[-1].split('?')[0]}", []).append(elapsed)
            if not 200 <= status < 300:
                self.errors.append(f"{method} {path}: {status} {data[:200]!r}")
                return None
        return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--centres", type=int, default=500)
    parser.add_argument("--ops", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument("--same-person", action="store_true", help="every centre registers the same people")
    parser.add_argument("--stream", choices=("two", "combined"), default="two")
    args = parser.parse_args()
    global SAME_PERSON, STREAMS
    SAME_PERSON = args.same_person
    STREAMS = ("sync/pull/scope", "sync/pull/registry") if args.stream == "two" else ("sync/pull",)
    name = f"bbms_load_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(args.postgres, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = args.postgres.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1) + f"/{name}"
    server = None
    try:
        upgrade(url)
        db = Database(url)
        codes = []
        with db.write() as session:
            for i in range(args.centres):
                made = admin.add_centre(
                    session, code=f"LC-{i:04d}", name=f"Load centre {i}", kind="blood-centre", fin=f"L{i:04d}"
                )
                codes.append((made["code"], made["enrolment_code"], made["centre_id"]))
        db.dispose()
        server, base = start(url, args.workers)
        devices = enrol_all(base, codes)
        warm = Recorder()  # each centre first catches up (its cursor is where it last synced), not measured
        burst(base, args.centres, lambda i, c: pull_all(warm, c, devices[i]))
        health = Recorder()
        burst(base, args.centres, lambda i, c: health.call(c, "GET", "/v1/health"))
        # each centre's outbox is ready before it syncs (a device serialises its push on its own machine)
        bodies = [push_body(device, args.ops) for device in devices]
        sync = Recorder()
        server_cpu, generator_cpu = process_tree_cpu(server.pid), time.process_time()
        started = time.perf_counter()
        burst(base, args.centres, lambda i, c: sync_once(sync, c, devices[i], bodies[i]))
        wall = time.perf_counter() - started
        server_cpu, generator_cpu = process_tree_cpu(server.pid) - server_cpu, time.process_time() - generator_cpu
        result = {
            "centres": args.centres,
            "ops_per_push": args.ops,
            "uvicorn_workers": args.workers,
            "streams": args.stream,
            "same_person_at_every_centre": args.same_person,
            "requests": len(sync.latencies),
            "errors": len(sync.errors),
            "error_samples": sync.errors[:5],
            "wall_s": round(wall, 2),
            # CPU seconds (user + system) spent during the burst: the server's processes, this load generator
            "server_cpu_s": round(server_cpu, 2),
            "generator_cpu_s": round(generator_cpu, 2),
            "p50_ms": round(percentile(sync.latencies, 50) * 1000, 1),
            "p95_ms": round(percentile(sync.latencies, 95) * 1000, 1),
            "p99_ms": round(percentile(sync.latencies, 99) * 1000, 1),
            "by_endpoint": {
                name: {
                    "requests": len(times),
                    "p50_ms": round(percentile(times, 50) * 1000, 1),
                    "p99_ms": round(percentile(times, 99) * 1000, 1),
                    "max_ms": round(max(times) * 1000, 1),
                }
                for name, times in sorted(sync.by_endpoint.items())
            },
            "baseline_health_p99_ms": round(percentile(health.latencies, 99) * 1000, 1),
            "p99_ratio_to_baseline": round(percentile(sync.latencies, 99) / percentile(health.latencies, 99), 2),
            "goal": "p99 <= 1000 ms, 0 errors",
        }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    report("central_load", result)


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children so far (Linux ``/proc``)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
    return total


def start(url: str, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).with_name("bbms-central")), "--database", url, "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    if workers > 1:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{base}/v1/health", timeout=1).ok:
                return process, base
        time.sleep(0.1)
    raise RuntimeError("server did not start")


def enrol_all(base: str, codes: list[tuple[str, str, str]]) -> list[dict]:
    devices = []
    with requests.Session() as session:
        for code, enrolment, centre_id in codes:
            device_id = str(new_id())
            body = {"centre_code": code, "enrolment_code": enrolment, "device_id": device_id, "device_name": "load"}
            answer = session.post(f"{base}/v1/devices/enrol", json=body, timeout=60)
            answer.raise_for_status()
            devices.append({"device_id": device_id, "token": answer.json()["token"], "centre_id": centre_id})
    return devices


def burst(base: str, n: int, work) -> None:
    """``work(i, client)`` for every i, each centre on its own connection (opened before the start, as a device's
    keep-alive connection is), all threads released at the same moment."""
    gate = threading.Barrier(n)

    def run(i: int) -> None:
        client = Lean(base)
        try:
            gate.wait()
            work(i, client)
        finally:
            client.close()

    with ThreadPoolExecutor(max_workers=n) as pool:
        list(pool.map(run, range(n)))


def push_body(device: dict, ops: int) -> bytes:
    push = {
        "device_id": device["device_id"],
        "schema_version": protocol.SCHEMA_VERSION,
        "ops": [donor_op(device["centre_id"], seq, 1) for seq in range(1, ops + 1)],
    }
    return json.dumps(push).encode()


def sync_once(recorder: Recorder, client: Lean, device: dict, body: bytes) -> None:
    headers = {"Authorization": f"Bearer {device['token']}", "Content-Type": "application/json"}
    recorder.call(client, "POST", "/v1/sync/push", body, headers)
    pull_all(recorder, client, device)


def pull_all(recorder: Recorder, client: Lean, device: dict) -> None:
    headers = {"Authorization": f"Bearer {device['token']}", "Accept-Encoding": "gzip"}
    for stream in STREAMS:
        cursor, more = device.get(stream, "0"), True
        while more:
            answer = recorder.call(client, "GET", f"/v1/{stream}?cursor={cursor}", None, headers)
            if answer is None:
                return
            cursor, more = page_end(answer)
        device[stream] = cursor


_END = re.compile(rb'\],"next_cursor":"([0-9]+)","has_more":(true|false)')


def page_end(body: bytes) -> tuple[str, bool]:
    """A page's next cursor and whether more follow (every page's changes end with them: see store.page_json)."""
    found = _END.search(body, max(0, len(body) - 400))
    assert found is not None, body[-400:]
    return found.group(1).decode(), found.group(2) == b"true"


if __name__ == "__main__":
    main()
