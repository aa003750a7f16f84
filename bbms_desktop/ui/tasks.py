"""The one door for background work: run a function on the thread pool, get its result back on the GUI thread.

``run_task(parent, fn, on_success, on_error)``: ``fn`` runs on a worker thread and must not touch widgets or ORM
objects owned elsewhere (it opens its own session); the callbacks run on the GUI thread. Like Anki's CollectionOp
and Picard's run_task. A callback is dropped when its ``parent`` was destroyed meanwhile (a closed page).

Two kinds of work share the pool, and the person at the keyboard comes first:

* **the user's** (the default): a load or a save someone is waiting for. It goes to the pool at once, ahead of any
  background work still waiting there.
* **background** (``background=True``): refreshes nobody asked for just now (a timer's count of changes waiting, a
  dashboard's periodic refresh). They run one at a time, so at least one pool thread is always free for the user's
  next keystroke, and a refresh asked for again while the same one (same ``key``) still waits its turn is not queued
  twice.

``busy()`` counts tasks not yet delivered (both kinds): the status bar shows it, and tests wait for ``idle()``.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_outstanding = 0
USER_PRIORITY, BACKGROUND_PRIORITY = 1, 0  # QThreadPool starts queued runnables of higher priority first
MIN_THREADS = 2  # one for background work, at least one always free for the user's


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # every failure is reported to the GUI thread, never lost on a worker
            self._emit(self.relay.failed, error)
        else:
            self._emit(self.relay.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is closing and took the relay with it: nobody is waiting
            log.info("background result dropped: the application closed first")


class _BackgroundLane:
    """Background tasks, one in the pool at a time, the rest waiting here in order (one per key)."""

    def __init__(self) -> None:
        self.waiting: deque[tuple[Hashable | None, _Task]] = deque()
        self.running = False

    def waits(self, key: Hashable | None) -> bool:
        return key is not None and any(k == key for k, _ in self.waiting)

    def add(self, key: Hashable | None, task: _Task) -> None:
        self.waiting.append((key, task))
        self._next()

    def done(self) -> None:
        self.running = False
        self._next()

    def _next(self) -> None:
        if not self.running and self.waiting:
            _key, task = self.waiting.popleft()
            self.running = True
            _pool().start(task, BACKGROUND_PRIORITY)


_lane = _BackgroundLane()


def _pool() -> QThreadPool:
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


def busy() -> int:
    return _outstanding


def idle() -> bool:
    return _outstanding == 0


def waiting_in_background() -> int:
    """Background tasks not yet handed to the pool (they wait for the one running)."""
    return len(_lane.waiting)


def run_task(
    parent: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
    *,
    background: bool = False,
    key: Hashable | None = None,
) -> bool:
    """Run ``fn`` off the GUI thread; False when a background task with the same ``key`` already waits (this one
    is not queued: that one brings the same answer)."""
    global _outstanding
    if background and _lane.waits(key):
        return False  # the same refresh already waits its turn: it will bring the same answer
    relay = _Relay()  # created on the GUI thread, so its queued signals are delivered there
    _relays.add(relay)

    def settle() -> bool:
        global _outstanding
        _outstanding -= 1
        _relays.discard(relay)
        relay.deleteLater()
        if background:
            _lane.done()
        return shiboken6.isValid(parent)

    def finished(result: Any) -> None:
        if settle():
            on_success(result)

    def failed(error: Exception) -> None:
        if not settle():
            log.warning("background task failed after its window closed: %r", error)
            return
        if on_error is None:
            raise error
        on_error(error)

    relay.succeeded.connect(finished)
    relay.failed.connect(failed)
    _outstanding += 1
    task = _Task(fn, relay)
    if background:
        _lane.add(key, task)
    else:
        _pool().start(task, USER_PRIORITY)
    return True


_relays: set[_Relay] = set()
