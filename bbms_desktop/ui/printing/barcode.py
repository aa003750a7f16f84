"""Code 128 barcodes drawn as vector bars.

The module pattern (the bars and spaces, start and check character and stop, with automatic code set switching)
comes from python-barcode; we draw each run of dark modules as one filled rectangle.
"""

from __future__ import annotations

from functools import lru_cache

from barcode import Code128
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

QUIET_ZONE_MODULES = 10  # ISO/IEC 15417: at least 10 X either side


@lru_cache(maxsize=512)
def modules(data: str) -> str:
    """The Code 128 symbol of ``data`` as "1" (bar) and "0" (space) modules, start to stop."""
    return Code128(data).build()[0]


def width(data: str, module: float) -> float:
    """The symbol's width with its quiet zones, in the units of ``module``."""
    return (len(modules(data)) + 2 * QUIET_ZONE_MODULES) * module


def draw(painter: QPainter, data: str, x: float, y: float, module: float, height: float) -> float:
    """Draw ``data`` with its left quiet zone starting at ``x``; returns the x after the right quiet zone."""
    pattern = modules(data)
    left = x + QUIET_ZONE_MODULES * module
    start = None
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            painter.fillRect(QRectF(left + start * module, y, (i - start) * module, height), Qt.GlobalColor.black)
            start = None
    return left + len(pattern) * module + QUIET_ZONE_MODULES * module
