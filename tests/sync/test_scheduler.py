"""The scheduler runs one sync cycle at a time, backs off while the server is away, and tells the status bar."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bbms_desktop.sync.scheduler import SyncScheduler, SyncStatus

T0 = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)
WAIT = 5.0  # generous: these waits return as soon as the event happens, a loaded machine only makes them slower
FOREVER = 3600.0  # an interval no test waits for: the thread only wakes when asked


@dataclass(frozen=True)
class Summary:
    caught_up: bool = True
    pending: int = 0


class ServerDown(Exception):
    pass


class FakeCycle:
    """A sync cycle that records its calls, can be held mid-cycle, and fails on demand."""

    def __init__(self, *, hold: bool = False, failures: int = 0, pending: int = 0) -> None:
        self.hold = hold
        self.failures = failures  # how many of the next calls raise
        self.pending = pending
        self.calls = 0
        self.running = 0
        self.most_at_once = 0
        self.entered = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Condition()

    def __call__(self, progress):
        with self._lock:
            self.calls += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        self.entered.set()
        try:
            progress("push", 1, 2)
            if self.hold:
                assert self.release.wait(WAIT), "the test never released the cycle"
            with self._lock:
                if self.failures:
                    self.failures -= 1
                    raise ServerDown("Could not reach the central server.")
            return Summary(pending=self.pending)
        finally:
            with self._lock:
                self.running -= 1
                self._lock.notify_all()

    def wait_calls(self, n: int) -> None:
        with self._lock:
            assert self._lock.wait_for(lambda: self.calls >= n and self.running == 0, WAIT), f"{self.calls} calls"


class StatusLog:
    """Collects the statuses the scheduler publishes; waits for one that matches."""

    def __init__(self) -> None:
        self.seen: list[SyncStatus] = []
        self._cond = threading.Condition()

    def __call__(self, status: SyncStatus) -> None:
        with self._cond:
            self.seen.append(status)
            self._cond.notify_all()

    def mark(self) -> int:
        with self._cond:
            return len(self.seen)

    def wait_for(self, predicate, since: int = 0) -> SyncStatus:
        """The first status published (after the first ``since`` ones) that matches."""
        with self._cond:
            assert self._cond.wait_for(lambda: any(predicate(s) for s in self.seen[since:]), WAIT), self.states
            return next(s for s in self.seen[since:] if predicate(s))

    @property
    def states(self) -> list[str]:
        with self._cond:
            return [s.state for s in self.seen]


@pytest.fixture
def stopping():
    """Schedulers made by a test are stopped after it, even when it fails half-way."""
    made: list[SyncScheduler] = []

    def make(cycle, **options) -> SyncScheduler:
        options.setdefault("interval", FOREVER)
        options.setdefault("backoff_base", FOREVER)
        options.setdefault("backoff_cap", FOREVER)
        scheduler = SyncScheduler(cycle, **options)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        if isinstance(scheduler._cycle, FakeCycle):
            scheduler._cycle.release.set()
        scheduler.stop(timeout=WAIT)


def in_thread(fn):
    """Call ``fn`` in another thread; returns a function giving its result."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    thread.start()

    def result():
        thread.join(WAIT)
        assert box, "the call did not return"
        return box[0]

    return result


def test_a_cycle_never_runs_while_another_is_running(stopping):
    cycle = FakeCycle(hold=True)
    scheduler = stopping(cycle)
    scheduler.start()
    assert cycle.entered.wait(WAIT)
    assert scheduler.status.state == "syncing"

    now_from_ui = in_thread(scheduler.sync_now)
    once_from_cli = in_thread(scheduler.run_once)
    assert now_from_ui() is False
    assert once_from_cli() is None
    assert scheduler.run_once() is None

    cycle.release.set()
    cycle.wait_calls(1)
    assert cycle.calls == 1
    assert cycle.most_at_once == 1


def test_sync_now_runs_a_cycle_at_once_when_none_is_running(stopping):
    cycle = FakeCycle()
    log = StatusLog()
    scheduler = stopping(cycle, on_status=log)
    scheduler.start()
    cycle.wait_calls(1)
    log.wait_for(lambda s: s.state == "idle" and s.last_success_at is not None)

    assert scheduler.sync_now() is True
    cycle.wait_calls(2)
    assert cycle.most_at_once == 1


def test_run_once_and_the_thread_take_turns_without_overlapping(stopping):
    cycle = FakeCycle()
    scheduler = stopping(cycle, interval=0.001)  # the thread runs cycles back to back
    scheduler.start()
    results = [in_thread(scheduler.run_once) for _ in range(20)]
    returned = [r() for r in results]
    cycle.wait_calls(25)
    scheduler.stop(timeout=WAIT)
    assert cycle.most_at_once == 1
    assert all(r is None or r == Summary() for r in returned)


def test_sync_now_before_start_says_nothing_will_run():
    cycle = FakeCycle()
    scheduler = SyncScheduler(cycle)
    assert scheduler.sync_now() is False
    assert cycle.calls == 0
    assert scheduler.status.state == "stopped"


class Clock:
    """A wall clock the test moves by hand (the scheduler shows times from it; it waits on its own monotonic time)."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def no_jitter(delay: float) -> float:
    return delay


def fail_and_wait(scheduler: SyncScheduler, log: StatusLog, failures: int) -> SyncStatus:
    """Ask for a cycle at once (it fails) and return the status it left."""
    since = log.mark()
    assert scheduler.sync_now() is True
    return log.wait_for(lambda s: s.state == "error" and s.consecutive_failures == failures, since)


def test_backoff_doubles_after_each_failure_and_stops_at_the_cap_and_a_success_resets_it(stopping):
    clock = Clock()
    cycle = FakeCycle(failures=6)
    log = StatusLog()
    scheduler = stopping(
        cycle, interval=300, backoff_base=15, backoff_cap=100, clock=clock, jitter=no_jitter, on_status=log
    )
    scheduler.start()  # the first attempt fails at once; the next ones are asked for rather than waited for
    waits = [log.wait_for(lambda s: s.state == "error" and s.consecutive_failures == 1).next_attempt_at - T0]
    for failures in range(2, 7):
        now = clock.advance(1)
        waits.append(fail_and_wait(scheduler, log, failures).next_attempt_at - now)
    assert [w.total_seconds() for w in waits] == [15, 30, 60, 100, 100, 100]
    assert scheduler.status.last_error == "Could not reach the central server."
    assert scheduler.status.last_success_at is None

    now = clock.advance(1)
    assert scheduler.sync_now() is True
    recovered = log.wait_for(lambda s: s.state == "idle" and s.last_success_at is not None)
    assert recovered.consecutive_failures == 0
    assert recovered.last_error is None
    assert recovered.last_success_at == now
    assert recovered.next_attempt_at == now + timedelta(seconds=300)  # the interval, not the backoff

    cycle.failures = 1  # the next failure starts the backoff afresh
    assert fail_and_wait(scheduler, log, 1).next_attempt_at == now + timedelta(seconds=15)


def test_the_thread_retries_by_itself_with_growing_waits_until_the_server_returns(stopping):
    cycle = FakeCycle(failures=3)
    log = StatusLog()
    scheduler = stopping(cycle, backoff_base=0.01, backoff_cap=0.03, clock=lambda: T0, jitter=no_jitter, on_status=log)
    scheduler.start()
    cycle.wait_calls(4)  # three failures did not end the thread; the fourth attempt succeeded
    log.wait_for(lambda s: s.state == "idle" and s.last_success_at == T0)
    errors = [s for s in log.seen if s.state == "error"]
    assert [s.consecutive_failures for s in errors] == [1, 2, 3]
    assert [(s.next_attempt_at - T0).total_seconds() for s in errors] == [0.01, 0.02, 0.03]  # capped at 0.03
    final = scheduler.status
    assert (final.consecutive_failures, final.last_error) == (0, None)
    assert final.next_attempt_at == T0 + timedelta(seconds=FOREVER)


def test_default_jitter_spreads_the_wait_within_ten_percent(stopping):
    cycle = FakeCycle(failures=20)
    log = StatusLog()
    scheduler = stopping(cycle, backoff_base=100, backoff_cap=100, clock=lambda: T0, on_status=log)
    scheduler.start()
    waits = [log.wait_for(lambda s: s.consecutive_failures == 1).next_attempt_at - T0]
    waits += [fail_and_wait(scheduler, log, n).next_attempt_at - T0 for n in range(2, 21)]
    seconds = [w.total_seconds() for w in waits]
    assert all(90 <= w <= 110 for w in seconds)
    assert len(set(seconds)) > 1


def test_offline_skips_cycles_until_connectivity_returns(stopping):
    online = threading.Event()
    cycle = FakeCycle()
    log = StatusLog()
    scheduler = stopping(
        cycle, is_online=online.is_set, pending=lambda: 7, backoff_base=FOREVER, clock=lambda: T0, on_status=log
    )
    scheduler.start()
    status = log.wait_for(lambda s: s.state == "offline")
    assert cycle.calls == 0
    assert status.pending == 7
    assert status.next_attempt_at == T0 + timedelta(seconds=FOREVER)  # asks is_online() again after backoff_base

    online.set()
    scheduler.connectivity_changed(True)
    cycle.wait_calls(1)
    log.wait_for(lambda s: s.state == "idle" and s.last_success_at == T0)


def test_offline_is_checked_again_after_backoff_base(stopping):
    answers = iter([False, False, True])
    cycle = FakeCycle()
    scheduler = stopping(cycle, is_online=lambda: next(answers, True), backoff_base=0.01)
    scheduler.start()
    cycle.wait_calls(1)


def test_connectivity_lost_shows_offline_and_coming_back_resets_the_backoff(stopping):
    clock = Clock()
    cycle = FakeCycle(failures=2)
    log = StatusLog()
    scheduler = stopping(cycle, backoff_base=100, backoff_cap=1000, clock=clock, jitter=no_jitter, on_status=log)
    scheduler.start()
    log.wait_for(lambda s: s.state == "error" and s.consecutive_failures == 1)

    scheduler.connectivity_changed(False)
    assert scheduler.status.state == "offline"
    went = clock.advance(60)
    assert scheduler.sync_now() is True  # asked while offline: answered with "offline", no attempt
    log.wait_for(lambda s: s.state == "offline" and s.next_attempt_at == went + timedelta(seconds=100))
    assert cycle.calls == 1

    back = clock.advance(60)
    scheduler.connectivity_changed(True)
    failed_again = log.wait_for(
        lambda s: s.state == "error" and s.next_attempt_at is not None and s.next_attempt_at > back
    )
    assert cycle.calls == 2
    assert failed_again.consecutive_failures == 1  # counted from zero again, not 2
    assert failed_again.next_attempt_at == back + timedelta(seconds=100)  # backoff_base, not twice it


def test_stop_returns_promptly_while_the_thread_waits(stopping):
    cycle = FakeCycle()
    scheduler = stopping(cycle)
    scheduler.start()
    cycle.wait_calls(1)
    began = time.monotonic()
    scheduler.stop(timeout=WAIT)
    assert time.monotonic() - began < 1.0
    assert scheduler.status.state == "stopped"
    assert scheduler.status.next_attempt_at is None
    assert scheduler.sync_now() is False


def test_stop_lets_the_running_cycle_finish_first(stopping):
    cycle = FakeCycle(hold=True)
    scheduler = stopping(cycle)
    scheduler.start()
    assert cycle.entered.wait(WAIT)
    returned = threading.Event()
    threading.Thread(target=lambda: (scheduler.stop(timeout=WAIT), returned.set()), daemon=True).start()
    assert not returned.wait(0.2)  # stop() is waiting for the cycle it may not cut short
    cycle.release.set()
    assert returned.wait(WAIT)
    assert cycle.calls == 1 and cycle.running == 0
    assert scheduler.status.state == "stopped"
    assert scheduler.status.last_success_at is not None


def test_a_raising_cycle_does_not_end_the_thread(stopping):
    cycle = FakeCycle(failures=1)
    log = StatusLog()
    scheduler = stopping(cycle, backoff_base=FOREVER, on_status=log)
    scheduler.start()
    log.wait_for(lambda s: s.state == "error")
    assert scheduler.sync_now() is True
    cycle.wait_calls(2)
    log.wait_for(lambda s: s.state == "idle" and s.last_success_at is not None)


def test_an_unexpected_error_of_any_kind_is_a_failure_with_its_message():
    def cycle(_progress):
        raise PermissionError("HTTP 401: token expired and re-authentication failed")

    scheduler = SyncScheduler(cycle)
    with pytest.raises(PermissionError):
        scheduler.run_once()
    assert scheduler.status.last_error == "HTTP 401: token expired and re-authentication failed"
    assert scheduler.status.consecutive_failures == 1


def test_status_and_progress_callbacks_fire_on_every_change(stopping):
    cycle = FakeCycle(pending=3)
    log = StatusLog()
    progress = []
    scheduler = stopping(cycle, on_status=log, on_progress=lambda *p: progress.append(p))
    scheduler.start()
    log.wait_for(lambda s: s.state == "idle" and s.last_success_at is not None)
    scheduler.stop(timeout=WAIT)
    log.wait_for(lambda s: s.state == "stopped")

    states = log.states
    assert states[states.index("syncing") :] == ["syncing", "idle", "stopped"]
    assert log.seen[states.index("syncing") + 1].pending == 3  # from the cycle's summary
    assert progress == [("push", 1, 2)]
    assert all(a != b for a, b in zip(log.seen, log.seen[1:], strict=False))  # only changes are sent


def test_a_failing_callback_does_not_stop_sync(stopping):
    cycle = FakeCycle()
    log = StatusLog()

    def broken_status(status):
        log(status)
        raise RuntimeError("widget deleted")

    def broken_progress(*_progress):
        raise RuntimeError("widget deleted")

    scheduler = stopping(cycle, on_status=broken_status, on_progress=broken_progress)
    scheduler.start()
    first = log.wait_for(lambda s: s.state == "idle" and s.last_success_at is not None)
    assert scheduler.sync_now() is True
    cycle.wait_calls(2)
    assert log.wait_for(lambda s: s.state == "idle" and s.last_success_at is not None, log.seen.index(first) + 1)


def test_pending_comes_from_the_callable_when_a_cycle_fails():
    cycle = FakeCycle(failures=1, pending=0)
    queued = [12]
    scheduler = SyncScheduler(cycle, pending=lambda: queued[0])
    with pytest.raises(ServerDown):
        scheduler.run_once()
    assert scheduler.status.pending == 12
    assert scheduler.run_once() == Summary(pending=0)
    assert scheduler.status.pending == 0
