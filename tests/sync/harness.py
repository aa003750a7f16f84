"""A real central server process on 127.0.0.1 (SQLite file or a fresh PostgreSQL database) and enrolled client profiles.

The server's administration (init, add-centre, add-user) runs through ``bbms_central.cli.main`` in this process, the
same code the ``bbms-central`` command runs; the server itself is a separate ``bbms-central serve`` process that the
clients reach over HTTP, as in the field.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import requests

from bbms_desktop.services import accounts
from bbms_desktop.services.uow import Actor, Database
from bbms_desktop.sync.client import enrol, transport_for
from bbms_desktop.sync.engine import SyncEngine, SyncSummary

PASSWORD = "correct horse battery"
POSTGRES_ADMIN_URL = os.environ.get("BBMS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
STAFF_ROLES = {
    "registrar": "registrar",
    "medical_officer": "medical_officer",
    "phlebotomist": "phlebotomist",
    "lab_technician": "lab_technician",
    "lab_technician_2": "lab_technician",
    "component_technician": "component_technician",
    "issue_counter": "issue_counter",
}
SERVER_COMMAND = [str(Path(sys.executable).with_name("bbms-central"))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def central_database(kind: str, folder: Path):
    """A database URL for a fresh central server: a SQLite file, or a new PostgreSQL database dropped afterwards.

    PostgreSQL must be reachable (``./dev test`` starts it): these tests fail, never skip, when it is not."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'central.sqlite3'}"
        return
    name = f"bbms_sync_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def two_centre_server(kind: str, folder: Path):
    """A started ``bbms-central`` process on a fresh database (``central_database``) with two centres, DL-AIIMS and
    UP-KGMU, whose enrolment answers are in ``server.centres``; stopped afterwards."""
    with central_database(kind, folder) as database:
        central_cli(database, "init")
        server = CentralServer(database, folder)
        server.centres = {
            "DL-AIIMS": server.add_centre("DL-AIIMS", "AIIMS Blood Centre, New Delhi", "G1111"),
            "UP-KGMU": server.add_centre("UP-KGMU", "KGMU Blood Centre, Lucknow", "G2222"),
        }
        server.start()
        try:
            yield server
        finally:
            server.stop()


def central_cli(database: str, *args: str, stdin: str | None = None) -> dict:
    """Run a ``bbms-central`` admin command in this process; its JSON output."""
    from bbms_central.cli import main

    out = io.StringIO()
    old_stdin = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        with contextlib.redirect_stdout(out):
            code = main(["--database", database, *args])
    finally:
        sys.stdin = old_stdin
    assert code == 0, f"bbms-central {' '.join(args)} failed ({code}): {out.getvalue()}"
    text = out.getvalue().strip()
    return json.loads(text) if text.startswith("{") else {}


@dataclass
class CentralServer:
    database: str
    folder: Path
    token_ttl: int = 3600
    port: int = 0
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> CentralServer:
        self.port = free_port()
        self.log = self.folder / f"server-{self.port}.log"
        command = [*SERVER_COMMAND, "--database", self.database, "serve", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--token-ttl", str(self.token_ttl)]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"the server did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def add_centre(self, code: str, name: str, fin: str, kind: str = "blood-centre", training: bool = False) -> dict:
        extra = ["--training"] if training else []
        args = ["add-centre", "--code", code, "--name", name, "--fin", fin, "--kind", kind, *extra]
        centre = central_cli(self.database, *args)
        for username, role in STAFF_ROLES.items():
            central_cli(
                self.database,
                "add-user",
                "--centre",
                code,
                "--username",
                f"{code.lower()}-{username}",
                "--role",
                role,
                "--full-name",
                f"{username.replace('_', ' ').title()} of {code}",
                stdin=PASSWORD + "\n",
            )
        return centre

    def new_enrolment(self, code: str) -> str:
        return central_cli(self.database, "new-enrolment", "--centre", code)["enrolment_code"]


@dataclass
class Device:
    """An enrolled client profile: its database, its sync engine and its staff, signed in offline."""

    name: str
    profile: Path
    centre_code: str
    db: Database
    staff: dict[str, Actor] = field(default_factory=dict)
    summaries: list[SyncSummary] = field(default_factory=list)

    def sync(self) -> SyncSummary:
        summary = SyncEngine(self.db, transport_for(self.db, self.profile)).run_cycle()
        self.summaries.append(summary)
        return summary

    def close(self) -> None:
        self.db.dispose()


def enrol_device(server: CentralServer, folder: Path, name: str, centre_code: str, enrolment_code: str) -> Device:
    from bbms_desktop.services.profile import open_profile

    profile = folder / name
    enrol(profile, server.url, centre_code, enrolment_code)
    db = open_profile(profile)
    staff = {
        who: accounts.authenticate(db, f"{centre_code.lower()}-{who}", PASSWORD)
        for who in STAFF_ROLES  # offline sign-in from the credentials pulled at enrolment
    }
    return Device(name, profile, centre_code, db, staff)
