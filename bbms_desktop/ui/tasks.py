"""The one door for background work: run a function on the thread pool, get its result back on the GUI thread.

``run_task(parent, fn, on_success, on_error)``: ``fn`` runs on a worker thread and must not touch widgets or ORM
objects owned elsewhere (it opens its own session); the callbacks run on the GUI thread. Like Anki's CollectionOp
and Picard's run_task.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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
            self.relay.failed.emit(error)
        else:
            self.relay.succeeded.emit(result)


def run_task(
    parent: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    relay = _Relay(parent)  # parented, so it lives until its signal is delivered on the GUI thread

    def finished(result: Any) -> None:
        on_success(result)
        relay.deleteLater()

    def failed(error: Exception) -> None:
        if on_error is None:
            raise error
        on_error(error)
        relay.deleteLater()

    relay.succeeded.connect(finished)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Task(fn, relay))
