"""The barcode scanner as a keyboard wedge: it types a code followed by Enter, faster than any person can.

``ScanFilter`` watches every key press of the application. Two ways to tell a scan from typing, by configuration:

* a **prefix** the scanner is programmed to send first (e.g. ``]`` or F-key text): everything after it up to the
  suffix is the scan, swallowed before any field sees it;
* no prefix (the default): characters that arrive on average within ``max_gap_ms`` of each other (no single gap
  longer than four times that: one hiccup of a busy computer is forgiven, a person's typing is not that even) and
  end with the suffix are a scan when they decode (an ISBT 128 data structure, or a local unit or donor number the
  handler recognises). The characters already went into the focused field; unless that field asked for scans
  (property ``acceptsScan``) they are taken back out, so a scan never leaves half a DIN in a name field.

A decoded scan is handed to ``on_scan(text)``; the window routes it (the page's own field first, else "open that
unit").
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

SUFFIX_KEYS = {"enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter), "tab": (Qt.Key.Key_Tab,)}
MIN_SCAN_LENGTH = 6


class ScanFilter(QObject):
    def __init__(
        self,
        on_scan: Callable[[str], bool],
        *,
        prefix: str = "",
        suffix: str = "enter",
        max_gap_ms: int = 40,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_scan = on_scan
        self._clock: Callable[[], float] = time.monotonic
        self.configure(prefix=prefix, suffix=suffix, max_gap_ms=max_gap_ms)

    def configure(self, *, prefix: str, suffix: str, max_gap_ms: int) -> None:
        self.prefix = prefix
        self.suffix_keys = SUFFIX_KEYS.get(suffix, SUFFIX_KEYS["enter"])
        self.max_gap = max(5, max_gap_ms) / 1000
        self._reset()

    def _reset(self) -> None:
        self._buffer = ""
        self._first = self._last = 0.0
        self._longest = 0.0
        self._in_prefixed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if watched is not target:
            # Qt delivers a key press to the window, the focus widget, then its parents: count it once
            return False
        return self._key(event)

    def _key(self, event: QKeyEvent) -> bool:
        now = self._clock()
        text = event.text()
        if self.prefix:
            return self._prefixed(event, text)
        if event.key() in self.suffix_keys:
            scanned, first, last, longest = self._buffer, self._first, self._last, self._longest
            self._reset()
            if len(scanned) < MIN_SCAN_LENGTH or now - last > 4 * self.max_gap:
                return False
            if (last - first) / (len(scanned) - 1) > self.max_gap or longest > 4 * self.max_gap:
                return False
            return self._deliver(scanned, typed_into_field=True)
        if not text or not text.isprintable():
            self._reset()
            return False
        if self._buffer and now - self._last > 4 * self.max_gap:
            self._reset()  # a pause: whatever came before was typing
        if not self._buffer:
            self._first = now
        else:
            self._longest = max(self._longest, now - self._last)
        self._buffer += text
        self._last = now
        return False

    def _prefixed(self, event: QKeyEvent, text: str) -> bool:
        if not self._in_prefixed:
            candidate = self._buffer + text
            if text and self.prefix.startswith(candidate):
                self._buffer = candidate
                if self._buffer == self.prefix:
                    self._buffer, self._in_prefixed = "", True
                return True
            # not the prefix after all: start over (this key may itself begin the prefix)
            self._buffer = text if text and self.prefix.startswith(text) else ""
            return bool(self._buffer)
        if event.key() in self.suffix_keys:
            scanned = self._buffer
            self._reset()
            self._deliver(scanned, typed_into_field=False)
            return True
        self._buffer += text
        return True

    def _deliver(self, scanned: str, *, typed_into_field: bool) -> bool:
        field = QApplication.focusWidget()
        if typed_into_field and isinstance(field, QLineEdit) and field.property("acceptsScan"):
            return False  # the field wants the code (a DIN box): leave it there and let Enter do its work
        if not self.on_scan(scanned):
            return False  # not a code anyone knows: it was typing after all
        if typed_into_field:
            _take_back(field, scanned)
        return True


def _take_back(field: QWidget | None, scanned: str) -> None:
    """Remove the code the wedge just typed at the cursor (which need not be the end), keeping the field's undo."""
    if isinstance(field, QLineEdit):
        end = field.cursorPosition()
        start = end - len(scanned)
        if start >= 0 and field.text()[start:end] == scanned:
            field.setSelection(start, len(scanned))
            field.del_()
    elif isinstance(field, QPlainTextEdit | QTextEdit):  # a notes box: the code must not stay in the notes either
        cursor = field.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(scanned))
        if cursor.selectedText() == scanned:
            cursor.removeSelectedText()
