"""The Qt binding itself: a long shift emits hundreds of thousands of signals, so emitting one must not leak or drop a
reference. PySide6 6.12.0 dropped a reference to ``True`` on every ``emit()`` and the app died after about a thousand
(``Fatal Python error: bool_dealloc``); constraints.txt pins a release without that bug, and this test keeps it so."""

import sys

from PySide6.QtCore import QObject, Signal


class _Source(QObject):
    plain = Signal()
    value = Signal(object)


def test_emitting_a_signal_leaves_the_reference_counts_of_true_and_none_unchanged(qtbot):
    source, received = _Source(), []
    source.plain.connect(lambda: received.append(1))
    source.value.connect(lambda _value: received.append(1))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        source.plain.emit()
        source.value.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(received) == 1000
    assert after[0] - before[0] == 0 and abs(after[1] - before[1]) <= 5, (before, after)
