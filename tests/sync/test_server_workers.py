"""``bbms-central serve --workers N`` on PostgreSQL: several server processes, one database, and a device's sync
cycles keep working whichever process answers each request."""

from __future__ import annotations

import contextlib
import subprocess
import time

import requests

from tests.sync.harness import SERVER_COMMAND, CentralServer, central_cli, central_database, enrol_device, free_port


def test_two_worker_processes_serve_one_database(tmp_path):
    with central_database("postgresql", tmp_path) as database:
        central_cli(database, "init")
        server = CentralServer(database, tmp_path, port=free_port())
        centre = server.add_centre("WK-001", "Workers test blood centre", "G0901")
        server.log = tmp_path / "server.log"
        command = [*SERVER_COMMAND, "--database", database, "serve", "--host", "127.0.0.1"]
        command += ["--port", str(server.port), "--workers", "2"]
        with open(server.log, "wb") as log:
            server.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                assert server.process.poll() is None, server.log.read_text()[-2000:]
                with contextlib.suppress(requests.RequestException):
                    if requests.get(f"{server.url}/v1/health", timeout=1).status_code == 200:
                        break
                time.sleep(0.2)
            while server.log.read_text().count("Application startup complete") < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert server.log.read_text().count("Application startup complete") == 2  # two processes serve

            desk = enrol_device(server, tmp_path, "desk", "WK-001", centre["enrolment_code"])
            try:
                for _ in range(3):  # each cycle is several requests, spread over both processes
                    summary = desk.sync()
                    assert summary.caught_up and summary.dead_letters == 0
            finally:
                desk.close()
        finally:
            server.stop()
        assert server.process.returncode == 0, server.log.read_text()[-2000:]  # SIGTERM: a clean shutdown
