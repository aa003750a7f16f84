"""The window against a real central server process: sync runs in the background, the status bar tells the truth,
and the window keeps answering while a slow link holds a cycle."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QTimer

from bbms_desktop.models import DeviceState
from bbms_desktop.services import donors
from bbms_desktop.services.profile import open_profile
from bbms_desktop.sync.client import enrol
from bbms_desktop.ui.main_window import MainWindow
from tests.sync.faultproxy import Fault, FaultProxy, Kind
from tests.sync.harness import PASSWORD, CentralServer, central_cli, central_database
from tests.ui.conftest import sign_in, wait_idle

FORM = donors.DonorForm(
    given_name="Asha",
    family_name="Verma",
    sex="F",
    date_of_birth=date(1995, 3, 14),
    mobile="9876543210",
    donor_type="voluntary",
    consent=True,
)


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch):
    monkeypatch.setenv("BBMS_KEYRING", "file")


@pytest.fixture
def central(tmp_path):
    with central_database("sqlite", tmp_path) as database:
        central_cli(database, "init")
        server = CentralServer(database, tmp_path).start()
        try:
            server.add_centre("DL-AIIMS", "AIIMS Blood Centre, New Delhi", "G1111")
            yield server
        finally:
            server.stop()


class GuiHeartbeat:
    """A 20 ms timer on the GUI thread; the longest gap between its ticks is how long the window was frozen."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


def test_the_window_syncs_in_the_background_shows_its_state_and_never_freezes(qtbot, central, tmp_path):
    with FaultProxy(central.port) as proxy:
        profile = tmp_path / "desk"
        enrol(profile, proxy.url, "DL-AIIMS", central.new_enrolment("DL-AIIMS"))
        db = open_profile(profile)
        window = MainWindow(db, profile)
        qtbot.addWidget(window)
        window.show()
        try:
            sign_in(qtbot, window, "dl-aiims-registrar", PASSWORD)
            status = lambda: window.sync.status  # noqa: E731
            qtbot.waitUntil(lambda: status().state == "idle" and status().last_success_at is not None, timeout=30_000)
            assert window.sync_label.text().startswith("Online")

            # work done at the desk waits in the outbox and the status bar counts it
            with db.unit_of_work(window.ctx.actor) as uow:
                donors.register_donor(uow, FORM)
            window.sync.refresh_counts()
            qtbot.waitUntil(lambda: status().pending > 0, timeout=10_000)
            assert f"Changes waiting: {status().pending}" in window.sync_label.text()

            # a slow link holds the push for 2 s: the window keeps answering all along
            proxy.inject("/v1/sync/push", Fault(Kind.DELAY_BEFORE, seconds=2.0))
            heartbeat = GuiHeartbeat()
            heartbeat.start()
            started = time.perf_counter()
            assert window.sync.sync_now()
            qtbot.waitUntil(lambda: status().state == "syncing", timeout=5_000)
            assert window.sync_label.text().startswith("Syncing")
            qtbot.waitUntil(lambda: status().state == "idle" and status().pending == 0, timeout=30_000)
            heartbeat.timer.stop()
            assert time.perf_counter() - started >= 2.0, "the slow link was not in the way"
            assert heartbeat.longest < 0.25, f"the window froze for {heartbeat.longest:.3f} s during a sync"
            assert proxy.fired_on("/v1/sync/push") == ["delay_before(2s)"]
            with db.read() as session:
                assert session.get(DeviceState, 1).last_sync_error is None

            # the server goes away: the status bar says the sync failed and will retry; work goes on
            central.stop()
            assert window.sync.sync_now()
            qtbot.waitUntil(lambda: status().state in {"error", "offline"}, timeout=30_000)
            assert window.sync_label.text().startswith(("Sync failed", "Offline"))
            assert window.sync_label.toolTip() != ""
        finally:
            window.sync.stop()
            wait_idle(qtbot)
            db.dispose()
