"""Where printing goes: the printer chosen in settings, or a PDF file (tests, or a desk with no printer).

Every document is drawn on a ``QPrinter``: the same code prints to a label printer, an office printer or a PDF.
Coordinates are tenths of a millimetre from the page's top left (:func:`begin`), so layouts read in label units.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Text
from bbms_desktop.ui.settings import PRINTER, Settings

A4_MM = (210.0, 297.0)

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


def destination(settings: Settings, profile: Path, stem: str) -> tuple[str, Path | None]:
    """(printer name, PDF path): the printer chosen in settings when it is connected, the system's default printer
    when settings leave the choice to the system; otherwise (no printer, or the chosen one is not connected) a PDF in
    the profile's ``printouts`` folder, named by ``stem`` and the time."""
    chosen = settings[PRINTER]
    connected = QPrinterInfo.availablePrinterNames()
    name = chosen if chosen else QPrinterInfo.defaultPrinterName()
    if name and name in connected:
        return name, None
    folder = profile / "printouts"
    folder.mkdir(parents=True, exist_ok=True)
    return "", folder / f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.pdf"


SENT = QT_TRANSLATE_NOOP("Printing", "{count} pages sent to the printer {printer}.")
SAVED = QT_TRANSLATE_NOOP("Printing", "No printer is connected: {count} pages saved as {path}.")


def deliver(
    settings: Settings, profile: Path, stem: str, count: int, print_to: Callable[[str, Path | None], object]
) -> tuple[Text, Path | None]:
    """Print through ``print_to(printer_name, pdf_path)`` to the chosen printer or a PDF; what to tell the user, and
    the PDF written (None when it went to a printer)."""
    name, pdf = destination(settings, profile, stem)
    print_to(name, pdf)
    return (SENT(count=count, printer=name) if pdf is None else SAVED(count=count, path=str(pdf))), pdf
