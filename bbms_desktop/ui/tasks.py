"""The one door for background work: run a function on the thread pool, get its result back on the GUI thread.

``run_task(parent, fn, on_success, on_error)``: ``fn`` runs on a worker thread and must not touch widgets or ORM
objects owned elsewhere (it opens its own session); the callbacks run on the GUI thread. Like Anki's CollectionOp
and Picard's run_task. A callback is dropped when its ``parent`` was destroyed meanwhile (a closed page).

``busy()`` counts tasks not yet delivered: the status bar shows it, and tests wait for ``idle()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_outstanding = 0


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


def busy() -> int:
    return _outstanding


def idle() -> bool:
    return _outstanding == 0


def run_task(
    parent: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    global _outstanding
    relay = _Relay()  # created on the GUI thread, so its queued signals are delivered there
    _relays.add(relay)

    def settle() -> bool:
        global _outstanding
        _outstanding -= 1
        _relays.discard(relay)
        relay.deleteLater()
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
    QThreadPool.globalInstance().start(_Task(fn, relay))


_relays: set[_Relay] = set()
