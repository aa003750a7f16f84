"""The sync scheduler seen from the window: its status as a Qt signal, connectivity changes fed to it.

``SyncScheduler`` (Qt-free) owns timing, backoff and the one-cycle-at-a-time rule on its own thread; this bridge turns
its callbacks into signals delivered on the GUI thread, tells it when the operating system reports the network
back (``QNetworkInformation``), and, for a profile not enrolled with a server, still counts the changes waiting so
the status bar is true. A QTimer refreshes that count and the "last sync" time shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import func, select

from bbms_desktop.models import DeviceState, OpState, OutboxOp
from bbms_desktop.sync.scheduler import SyncScheduler, SyncStatus
from bbms_desktop.ui import settings as options
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.tasks import run_task

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UiSyncStatus:
    state: str  # the scheduler's states, or "unenrolled" for a standalone profile
    pending: int
    last_success_at: datetime | None
    last_error: str | None


def pending_ops(session: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.state == OpState.PENDING)))


class SyncBridge(QObject):
    status_changed = Signal(object)
    progress = Signal(str, int, int)
    _from_scheduler = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler: SyncScheduler[Any] | None = None
        self.status = UiSyncStatus("unenrolled", 0, None, None)
        self.enrolled = False
        self._from_scheduler.connect(self._scheduler_status)
        self.timer = QTimer(self)
        self.timer.setInterval(5_000)
        self.timer.timeout.connect(self.refresh_counts)
        self._network: Any = None

    def start(self) -> None:
        """Read whether this profile is enrolled; if so start the scheduler (first cycle at once)."""
        if not self.timer.isActive():
            self.timer.start()
        db = self.ctx.db

        def read() -> tuple[str | None, datetime | None, str | None, int]:
            with db.read() as session:
                state = session.get(DeviceState, 1)
                if state is None:
                    return None, None, None, 0
                return state.server_url, state.last_sync_at, state.last_sync_error, pending_ops(session)

        run_task(self, read, self._read)

    def _read(self, result: tuple[str | None, datetime | None, str | None, int]) -> None:
        url, last, error, pending = result
        self.enrolled = url is not None
        self.status = UiSyncStatus(self.status.state if self.scheduler else "unenrolled", pending, last, error)
        if self.enrolled and self.scheduler is None:
            self._start_scheduler()
        self.status_changed.emit(self.status)

    def _start_scheduler(self) -> None:
        from bbms_desktop.sync.client import transport_for
        from bbms_desktop.sync.engine import SyncEngine

        db, profile = self.ctx.db, self.ctx.profile

        def cycle(progress: Any) -> Any:
            return SyncEngine(db, transport_for(db, profile)).run_cycle(progress)

        def pending() -> int:
            with db.read() as session:
                return pending_ops(session)

        self.scheduler = SyncScheduler(
            cycle,
            interval=float(self.ctx.settings[options.SYNC_INTERVAL_SECONDS]),
            pending=pending,
            on_status=self._from_scheduler.emit,  # emitted on the scheduler's thread, delivered on the GUI's
            on_progress=lambda stage, done, total: self.progress.emit(stage, done, total),
        )
        self._watch_network()
        self.scheduler.start()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend():
                self._network = QNetworkInformation.instance()
                self._network.reachabilityChanged.connect(self._reachability)
        except (ImportError, RuntimeError) as error:  # no backend on this platform: the scheduler's backoff copes
            log.info("no network information backend: %s", error)

    def _reachability(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if self.scheduler is not None:
            online = reachability in (
                QNetworkInformation.Reachability.Online,
                QNetworkInformation.Reachability.Site,
                QNetworkInformation.Reachability.Local,
            )
            self.scheduler.connectivity_changed(online)

    def _scheduler_status(self, status: SyncStatus) -> None:
        self.status = UiSyncStatus(
            status.state, status.pending, status.last_success_at or self.status.last_success_at, status.last_error
        )
        self.status_changed.emit(self.status)

    def refresh_counts(self) -> None:
        """Between cycles, the count of changes waiting (new saves add to it): background work, behind the user's."""
        db = self.ctx.db

        def read() -> int:
            with db.read() as session:
                return pending_ops(session)

        run_task(self, read, self._counted, background=True, key=(id(self), "pending"))

    def _counted(self, pending: int) -> None:
        if pending != self.status.pending:
            self.status = UiSyncStatus(self.status.state, pending, self.status.last_success_at, self.status.last_error)
            self.status_changed.emit(self.status)

    def sync_now(self) -> bool:
        return self.scheduler.sync_now() if self.scheduler is not None else False

    def stop(self) -> None:
        self.timer.stop()
        if self.scheduler is not None:
            self.scheduler.stop(timeout=5)
