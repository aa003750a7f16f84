"""Driving the real window: sign in by typing at the login page, wait for background work, scan like a wedge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from bbms_desktop.ui import tasks
from bbms_desktop.ui.main_window import MainWindow
from tests.conftest import PASSWORD


def wait_idle(qtbot, timeout: int = 15_000) -> None:
    """Until every background task has delivered its result (and the events it caused are processed)."""
    qtbot.waitUntil(tasks.idle, timeout=timeout)
    QApplication.processEvents()
    qtbot.waitUntil(tasks.idle, timeout=timeout)


def scan(qtbot, widget: QWidget, code: str) -> None:
    """A keyboard-wedge scan: the code typed at wedge speed into the focused widget, then Enter."""
    widget.setFocus()
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def sign_in(qtbot, window: MainWindow, username: str, password: str = PASSWORD) -> None:
    username = "lab2" if username == "lab_technician_2" else username
    wait_idle(qtbot)
    page = window.login_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page, timeout=10_000)
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.password, password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx.actor is not None, timeout=10_000)
    wait_idle(qtbot)


@pytest.fixture
def open_window(qtbot, db, staff):
    """``open_window("lab_technician")``: the main window, shown, signed in as that role's user (see ``staff``)."""
    made: list[MainWindow] = []

    def open_as(username: str) -> MainWindow:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # keyboard focus and the scanner need the active window, as on a desk
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        sign_in(qtbot, window, username)
        made.append(window)
        return window

    yield open_as
    for window in made:
        window.sync.stop()
        wait_idle(qtbot)
