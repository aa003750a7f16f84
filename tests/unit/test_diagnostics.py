"""The profile's error log keeps what went wrong, with its traceback, from the Qt thread and from background
threads, and a second install does not write every line twice."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from bbms_desktop import diagnostics


@pytest.fixture
def hooks(monkeypatch):
    # the test's own hooks: what install() wraps, restored afterwards
    shown = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: shown.append(kind))
    monkeypatch.setattr(threading, "excepthook", lambda args: shown.append(args.exc_type))
    yield shown
    for handler in [h for h in diagnostics.log.handlers if isinstance(h, diagnostics._ProfileLog)]:
        diagnostics.log.removeHandler(handler)
        handler.close()


def _raised(error: BaseException):
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_an_uncaught_error_is_logged_with_its_traceback_and_still_shown(tmp_path, hooks):
    path = diagnostics.install(tmp_path)
    assert path == tmp_path / "logs" / "bbms-desktop.log"
    sys.excepthook(*_raised(KeyError("no such unit")))
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL bbms_desktop" in text and "uncaught error" in text
    assert "Traceback (most recent call last)" in text and "KeyError: 'no such unit'" in text
    assert hooks == [KeyError]  # printed as before, too


def test_an_error_in_a_background_thread_is_logged_with_the_threads_name(tmp_path, hooks):
    path = diagnostics.install(tmp_path)

    def work():
        raise ValueError("page could not be applied")

    worker = threading.Thread(target=work, name="sync-pull")
    worker.start()
    worker.join()
    text = path.read_text(encoding="utf-8")
    assert "uncaught error in thread sync-pull" in text and "ValueError: page could not be applied" in text
    assert hooks == [ValueError]


def test_installing_twice_writes_each_line_once_and_warnings_are_kept(tmp_path, hooks):
    diagnostics.install(tmp_path)
    path = diagnostics.install(tmp_path)
    logging.getLogger("bbms_desktop.ui.tasks").warning("background task failed after its window closed")
    sys.excepthook(*_raised(RuntimeError("once")))
    text = path.read_text(encoding="utf-8")
    assert text.count("background task failed after its window closed") == 1
    assert text.count("RuntimeError: once") == 1
    assert hooks == [RuntimeError]
