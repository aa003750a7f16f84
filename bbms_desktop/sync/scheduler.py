"""When sync cycles run: one background thread, one cycle at a time, backing off while the server cannot be reached.

The scheduler owns timing and the status the status bar shows; it knows nothing of HTTP or the database. A cycle is
any callable taking a progress callback (``SyncEngine.run_cycle`` in the application) and returning a summary with
``caught_up`` and ``pending``. A cycle that raises is a failure, whatever it raised: an authentication problem too,
since the transport already re-authenticates once on a 401 (SYNC.md principle 12) and anything it lets through is a
failure like any other. An exception never ends the thread.

Timing: the first cycle runs at :meth:`SyncScheduler.start`, then every ``interval`` seconds after a success; after
``n`` failures in a row the next attempt waits ``min(backoff_cap, backoff_base * 2 ** (n - 1))`` with jitter (±10 %
by default, so a fleet of clients that lost the server together does not return together). While ``is_online()``
says no, nothing is attempted and the state is "offline"; the question is asked again every ``backoff_base`` seconds,
and :meth:`SyncScheduler.connectivity_changed` lets the UI say it sooner.

Threading: ``on_status`` and ``on_progress`` are called from the scheduler's thread, or from the thread that called a
method changing the status (``start``, ``stop``, ``run_once``, ``connectivity_changed``). A Qt UI must marshal them
(emit a signal from the callback, received in the GUI thread through a queued connection) and must not touch widgets
in them. Callbacks should return quickly; an exception from one is logged and ignored. ``is_online`` and ``pending``
are called from the scheduler's thread too: ``pending`` must open its own session (a Session never crosses a thread).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, Literal, Protocol, TypeVar

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``, as the engine reports it."""

SyncState = Literal["idle", "syncing", "offline", "error", "stopped"]


class CycleResult(Protocol):
    """What the scheduler reads from a cycle's summary (the engine's ``SyncSummary`` has both)."""

    @property
    def caught_up(self) -> bool: ...

    @property
    def pending(self) -> int: ...


R = TypeVar("R", bound=CycleResult)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    state: SyncState  # "stopped" before start() and after stop(); "syncing" while a cycle runs
    pending: int  # ops waiting to be pushed, from the last cycle's summary or the ``pending`` callable
    last_success_at: datetime | None
    last_error: str | None  # the message of the last failure; None once a cycle succeeds
    next_attempt_at: datetime | None  # None while a cycle runs and while no thread is running
    consecutive_failures: int


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _jitter(delay: float) -> float:
    return delay * random.uniform(0.9, 1.1)


class SyncScheduler(Generic[R]):
    """Runs sync cycles on a background thread; never two at once, whoever asks."""

    def __init__(
        self,
        cycle: Callable[[Progress], R],
        *,
        interval: float = 300.0,
        backoff_base: float = 15.0,
        backoff_cap: float = 1800.0,
        is_online: Callable[[], bool] | None = None,
        pending: Callable[[], int] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_progress: Progress | None = None,
        clock: Callable[[], datetime] = _utc_now,
        jitter: Callable[[float], float] = _jitter,
    ) -> None:
        if interval <= 0 or backoff_base <= 0 or backoff_cap < backoff_base:
            raise ValueError("interval and backoff_base must be positive, and backoff_cap at least backoff_base")
        self._cycle = cycle
        self.interval = interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._is_online = is_online
        self._pending = pending
        self._on_status = on_status
        self._on_progress = on_progress
        self._clock = clock
        self._jitter = jitter

        # One condition guards the fields below and wakes the thread. It is never held while a cycle or a callback
        # runs, so a callback may call back into the scheduler.
        self._cond = threading.Condition()
        self._status = SyncStatus("stopped", 0, None, None, None, 0)
        self._cycle_running = False  # the "never two cycles at once" flag
        self._requested = False  # start(), sync_now() or connectivity_changed(True): attempt without waiting
        self._online_hint = True  # the last connectivity_changed(), the answer when there is no is_online()
        self._due = 0.0  # time.monotonic() of the next attempt, so that wall-clock jumps do not move it
        self._stopping = False
        self._thread: threading.Thread | None = None
        # Each change is queued as it is made and sent in that order, one callback at a time, by whichever thread
        # gets there: the UI sees every state, never an older one after a newer one.
        self._unsent: deque[SyncStatus] = deque()
        self._publish_lock = threading.Lock()

    # -- what the UI and the CLI call ---------------------------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        with self._cond:
            return self._status

    def start(self) -> None:
        """Start the background thread, which runs a cycle at once; starting a running scheduler does nothing."""
        with self._cond:
            if self._thread is not None and self._thread.is_alive():
                if self._stopping:
                    raise RuntimeError("the sync scheduler is still finishing a cycle after stop()")
                return
            self._stopping = False
            self._requested = True
            self._thread = threading.Thread(target=self._run, name="bbms-sync-scheduler", daemon=True)
            self._change(state="syncing" if self._cycle_running else "idle")
            self._thread.start()
        self._publish()

    def stop(self, timeout: float = 10) -> None:
        """Let a running cycle finish, then end the thread; waits at most ``timeout`` seconds for that."""
        with self._cond:
            thread = self._thread
            self._stopping = True
            self._cond.notify_all()
            if thread is None or not thread.is_alive():
                self._change(state="stopped", next_attempt_at=None)
        self._publish()
        if thread is None or thread is threading.current_thread():
            return
        thread.join(timeout)
        if thread.is_alive():
            log.warning("sync cycle still running %.1f s after stop(); the thread ends when it returns", timeout)

    def sync_now(self) -> bool:
        """Wake the thread for a cycle at once; False when one is running already or the scheduler is not started.

        While offline the request is answered with the "offline" state rather than an attempt.
        """
        with self._cond:
            if self._cycle_running or not self._thread_running():
                return False
            self._requested = True
            self._cond.notify_all()
        return True

    def run_once(self) -> R | None:
        """Run a cycle in the calling thread (the CLI, tests); None when one is running already.

        It runs whatever ``is_online()`` says, since the caller asked for it. A cycle that raises is recorded as a
        failure (backoff, status) and the exception is raised again for the caller to report.
        """
        if not self._begin_cycle():
            return None
        return self._finish_cycle(reraise=True)

    def connectivity_changed(self, online: bool) -> None:
        """The network came back (sync at once, backoff counted afresh) or went away (show "offline")."""
        with self._cond:
            self._online_hint = online
            if online:
                state = "idle" if self._status.state == "offline" else self._status.state
                self._change(state=state, consecutive_failures=0)
                if not self._cycle_running and self._thread_running():
                    self._requested = True
                    self._cond.notify_all()
            elif not self._cycle_running and self._status.state != "stopped":
                self._change(state="offline")
        self._publish()

    # -- the thread ---------------------------------------------------------------------------------------------------

    def _thread_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopping

    def _run(self) -> None:
        try:
            while self._wait_until_due():
                try:
                    if not self._online():
                        self._went_offline()
                    elif self._begin_cycle():
                        self._finish_cycle(reraise=False)
                except Exception:  # a broken clock, is_online or pending must not end automatic sync
                    log.exception("sync scheduler error; trying again in %s s", self.backoff_base)
                    with self._cond:
                        self._due = time.monotonic() + self.backoff_base
        finally:
            with self._cond:
                self._change(state="stopped", next_attempt_at=None)
            self._publish()

    def _wait_until_due(self) -> bool:
        """Sleep until the next attempt is due or asked for; False when the thread should end."""
        with self._cond:
            while not self._stopping:
                if self._cycle_running:  # a run_once() in another thread: its outcome sets the next attempt
                    self._cond.wait()
                    continue
                if self._requested:
                    self._requested = False
                    return True
                remaining = self._due - time.monotonic()
                if remaining <= 0:
                    return True
                self._cond.wait(remaining)
            return False

    def _online(self) -> bool:
        if self._is_online is None:
            with self._cond:
                return self._online_hint
        try:
            return bool(self._is_online())
        except Exception:  # cannot tell: let the cycle find out
            log.exception("is_online() failed; attempting a sync cycle anyway")
            return True

    def _went_offline(self) -> None:
        pending = self._read_pending()
        next_attempt_at = self._clock() + timedelta(seconds=self.backoff_base)
        with self._cond:
            self._due = time.monotonic() + self.backoff_base
            self._change(
                state="offline",
                pending=self._status.pending if pending is None else pending,
                next_attempt_at=next_attempt_at,
            )
        self._publish()

    # -- one cycle ----------------------------------------------------------------------------------------------------

    def _begin_cycle(self) -> bool:
        """Claim the one cycle slot; False when a cycle is running already."""
        with self._cond:
            if self._cycle_running:
                return False
            self._cycle_running = True
            self._change(state="syncing", next_attempt_at=None)
        self._publish()
        return True

    def _finish_cycle(self, *, reraise: bool) -> R | None:
        """Run the cycle claimed by :meth:`_begin_cycle` and record its outcome, whatever happens."""
        try:
            result = self._cycle(self._progress)
        except BaseException as exc:  # recorded even for SystemExit: the slot must never stay claimed
            log.warning("sync cycle failed: %s", _describe(exc), exc_info=isinstance(exc, Exception))
            self._record(None, exc)
            if reraise or not isinstance(exc, Exception):
                raise
            return None
        self._record(result, None)
        return result

    def _record(self, result: CycleResult | None, error: BaseException | None) -> None:
        """Set the outcome, the next attempt and the status, and free the cycle slot; never raises."""
        pending = getattr(result, "pending", None) if error is None else None
        if not isinstance(pending, int):
            pending = self._read_pending()
        with self._cond:
            failures = 0 if error is None else self._status.consecutive_failures + 1
        try:
            now = self._clock()
            if error is None:
                delay = self.interval
            else:
                delay = max(0.0, self._jitter(min(self.backoff_cap, self.backoff_base * 2 ** (failures - 1))))
        except Exception:
            log.exception("sync scheduler clock or jitter failed")
            now, delay = _utc_now(), self.backoff_base
        with self._cond:
            self._due = time.monotonic() + delay
            self._change(
                state="idle" if error is None else "error",
                pending=self._status.pending if pending is None else pending,
                last_success_at=now if error is None else self._status.last_success_at,
                last_error=None if error is None else _describe(error),
                next_attempt_at=now + timedelta(seconds=delay) if self._thread_running() else None,
                consecutive_failures=failures,
            )
            self._cycle_running = False
            self._cond.notify_all()
        self._publish()

    def _read_pending(self) -> int | None:
        if self._pending is None:
            return None
        try:
            return int(self._pending())
        except Exception:
            log.exception("pending() failed; keeping the last count")
            return None

    # -- callbacks ----------------------------------------------------------------------------------------------------

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self._on_progress is None:
            return
        try:
            self._on_progress(stage, done, total)
        except Exception:
            log.exception("sync progress callback failed")

    def _change(self, **fields: Any) -> None:
        """Change the status (the caller holds the condition) and queue the new one for ``on_status``."""
        status = replace(self._status, **fields)
        if status == self._status:
            return
        self._status = status
        if self._on_status is not None:
            self._unsent.append(status)

    def _publish(self) -> None:
        """Send the queued changes in order; called after each change, outside the condition.

        A thread that finds another one sending leaves its change to that one instead of waiting for it, so a UI
        thread calling in never blocks on a slow callback running in the scheduler's thread.
        """
        if self._on_status is None:
            return
        while True:
            if not self._publish_lock.acquire(blocking=False):
                return
            try:
                while True:
                    with self._cond:
                        if not self._unsent:
                            break
                        status = self._unsent.popleft()
                    try:
                        self._on_status(status)
                    except Exception:
                        log.exception("sync status callback failed")
            finally:
                self._publish_lock.release()
            with self._cond:  # a change queued after the last look, by a thread that found the lock taken
                if not self._unsent:
                    return


def _describe(error: BaseException) -> str:
    """The message a person reads: a DomainError's text, or the exception's own words."""
    return str(error) or type(error).__name__
