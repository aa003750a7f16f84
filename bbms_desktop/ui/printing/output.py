"""Where printing goes: the printer chosen in settings, or a PDF file (tests, or a desk with no printer).

Every document is drawn on a ``QPrinter``: the same code prints to a label printer, an office printer or a PDF.
Coordinates are tenths of a millimetre from the page's top left (:func:`begin`), so layouts read in label units.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

UNITS_PER_MM = 10


def make_printer(size_mm: tuple[float, float], *, printer_name: str = "", pdf_path: Path | None = None) -> QPrinter:
    """A printer for pages of ``size_mm`` (width, height): to ``pdf_path`` when given, else the named printer (or
    the system's default when the name is empty or the printer is gone)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    elif printer_name and printer_name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(printer_name)
    width, height = size_mm
    page = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)
    return printer


def begin(printer: QPrinter) -> QPainter:
    """A painter on ``printer`` whose unit is 0.1 mm from the top left of the paper."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot print to {printer.printerName() or printer.outputFileName()}")
    dpi = printer.resolution()
    scale = dpi / 25.4 / UNITS_PER_MM
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # bars stay crisp on a thermal printer
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    return painter
