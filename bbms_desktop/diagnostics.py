"""The profile's error log: what went wrong on a machine, kept for whoever supports it.

A camp laptop is offline for days and a technician cannot copy a traceback off the screen, so the running app writes
its warnings and every error nothing caught (on the Qt thread, in a background thread) with its traceback to
``<profile>/logs/bbms-desktop.log``, rotated at 1 MB with five kept. A database error never carries the values of
its statement (every engine is made with ``hide_parameters``), so donors' names and numbers do not reach the log
through one. Qt-free: the window installs it at start (``ui.app.run``).
"""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_FOLDER = "logs"
LOG_FILE = "bbms-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("bbms_desktop")


class _ProfileLog(RotatingFileHandler):
    """The handler ``install`` adds (a second install replaces it, never doubles every line)."""


def install(profile: Path) -> Path:
    """Log to the profile's error log from now on, and send uncaught errors of any thread there too (they are still
    printed as before); the log file's path."""
    folder = Path(profile) / LOG_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    for old in [h for h in log.handlers if isinstance(h, _ProfileLog)]:
        log.removeHandler(old)
        old.close()
    handler = _ProfileLog(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)

    if not getattr(sys.excepthook, "_bbms_logs", False):
        shown = sys.excepthook

        def uncaught(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
            log.critical("uncaught error", exc_info=(kind, error, trace))
            shown(kind, error, trace)

        uncaught._bbms_logs = True  # type: ignore[attr-defined]
        sys.excepthook = uncaught

    if not getattr(threading.excepthook, "_bbms_logs", False):
        shown_in_thread = threading.excepthook

        def uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
            if args.exc_type is not SystemExit:
                name = args.thread.name if args.thread is not None else "?"
                log.critical(
                    "uncaught error in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
                )
            shown_in_thread(args)

        uncaught_in_thread._bbms_logs = True  # type: ignore[attr-defined]
        threading.excepthook = uncaught_in_thread
    return path
