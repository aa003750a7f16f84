"""The one background helper puts the person at the keyboard first: a user's load is served while background
refreshes wait (they run one at a time, so a pool thread is always free), and a refresh asked for again while the
same one still waits is not queued twice."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from bbms_desktop.ui import tasks
from tests.ui.conftest import wait_idle


def test_a_users_load_is_served_while_background_refreshes_wait_their_turn(qtbot):
    owner = QObject()
    release = threading.Event()
    started: list[str] = []
    delivered: list[str] = []

    def work(name: str, block: bool = False):
        def fn() -> str:
            started.append(name)
            if block:
                assert release.wait(10), "the test never released the slow refresh"
            return name

        return fn

    # a slow background refresh takes one pool thread; two more refreshes queue behind it
    tasks.run_task(owner, work("slow count", block=True), delivered.append, background=True)
    tasks.run_task(owner, work("dashboard"), delivered.append, background=True)
    tasks.run_task(owner, work("sync page"), delivered.append, background=True)
    qtbot.waitUntil(lambda: started == ["slow count"], timeout=5_000)
    assert tasks.waiting_in_background() == 2

    # the user's search goes straight to the free thread and its answer arrives while the refreshes still wait
    tasks.run_task(owner, work("search"), delivered.append)
    qtbot.waitUntil(lambda: delivered == ["search"], timeout=5_000)
    assert started == ["slow count", "search"] and tasks.waiting_in_background() == 2 and not tasks.idle()

    # once the slow one is done, the waiting refreshes run, one at a time, in the order asked
    release.set()
    wait_idle(qtbot)
    assert delivered == ["search", "slow count", "dashboard", "sync page"]
    assert started == ["slow count", "search", "dashboard", "sync page"]


def test_a_refresh_asked_for_again_while_the_same_one_waits_is_not_queued_twice(qtbot):
    owner = QObject()
    release = threading.Event()
    counted: list[int] = []

    def blocked() -> int:
        assert release.wait(10)
        return 0

    assert tasks.run_task(owner, blocked, counted.append, background=True)
    # three timer ticks while the pool is busy with it: one count of changes waiting is queued, not three
    queued = [tasks.run_task(owner, lambda: 7, counted.append, background=True, key="pending") for _ in range(3)]
    assert queued == [True, False, False]
    assert tasks.waiting_in_background() == 1
    release.set()
    wait_idle(qtbot)
    assert counted == [0, 7]
    # with nothing waiting, the next tick is queued again (a count that already ran may be out of date)
    assert tasks.run_task(owner, lambda: 8, counted.append, background=True, key="pending")
    wait_idle(qtbot)
    assert counted == [0, 7, 8]
