"""Reports printed (A4) through Qt's print system: the report's tables laid out by QTextDocument (which shapes
Hindi), one page at a time, each page with the centre, the report, its page number and, in a training sandbox,
TRAINING in its heading and across it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QTextDocument

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.services.report_views import Report, cell_text
from bbms_desktop.ui.printing.labels import L_LICENCE, L_TRAINING_NOTE, _training
from bbms_desktop.ui.printing.output import A4_MM, begin, make_printer
from bbms_desktop.ui.widgets import local_text, render, translate_domain

MARGIN = 150.0  # 15 mm, in 0.1 mm units
HEADER = 110.0
FOOTER = 80.0

P_PERIOD = QT_TRANSLATE_NOOP("Printing", "{first} to {last}")
P_AS_OF = QT_TRANSLATE_NOOP("Printing", "As of {when}")
P_PAGE = QT_TRANSLATE_NOOP("Printing", "Page {page} of {pages} · printed {when}")
P_NOTHING = QT_TRANSLATE_NOOP("Printing", "None.")


def cell(value: object) -> str:
    """A report cell in the current language; datetimes as the locale writes them."""
    from datetime import datetime

    if isinstance(value, datetime):
        return local_text(value)
    return cell_text(value, translate_domain)  # type: ignore[arg-type]


def report_html(report: Report) -> str:
    """The report as simple HTML tables (also what the Reports page shows)."""
    parts = [f"<h2>{escape(render(report.title))}</h2>", f"<p>{escape(subtitle(report))}</p>"]
    for section in report.sections:
        parts.append(f"<h3>{escape(cell(section.title))}</h3>")
        if not section.rows:
            parts.append(f"<p><i>{escape(render(P_NOTHING))}</i></p>")
            continue
        head = "".join(f"<th>{escape(cell(c))}</th>" for c in section.columns)
        body = []
        for row in section.rows:
            style = ' style="font-weight:bold; background:#eceff1;"' if row.key == "total" else ""
            cells = [f"<td>{escape(cell(row.label))}</td>"]
            cells += [f'<td align="right">{escape(cell(v))}</td>' for v in row.values]
            body.append(f"<tr{style}>{''.join(cells)}</tr>")
        parts.append(
            '<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse;">'
            f'<tr style="background:#cfd8dc;">{head}</tr>{"".join(body)}</table>'
        )
    return "".join(parts)


def subtitle(report: Report) -> str:
    bits = [report.centre_name]
    if report.licence_number:
        bits.append(render(L_LICENCE(number=report.licence_number)))
    if report.period is not None:
        bits.append(render(P_PERIOD(first=local_text(report.period.first), last=local_text(report.period.last))))
    else:
        bits.append(render(P_AS_OF(when=local_text(report.generated_at))))
    if report.training:
        bits.append(render(L_TRAINING_NOTE))
    return " · ".join(bits)


def _body() -> QRectF:
    width, height = A4_MM[0] * 10, A4_MM[1] * 10
    return QRectF(MARGIN, MARGIN + HEADER, width - 2 * MARGIN, height - 2 * MARGIN - HEADER - FOOTER)


def _document(report: Report) -> QTextDocument:
    body = _body()
    document = QTextDocument()
    font = QFont()
    font.setPixelSize(32)  # 3.2 mm
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(report_html(report))
    document.setPageSize(QSizeF(body.width(), body.height()))
    return document


def page_count(report: Report) -> int:
    return max(_document(report).pageCount(), 1)


def print_report(report: Report, *, printer_name: str = "", pdf_path: Path | None = None) -> int:
    """Print ``report`` on A4 pages; returns the number of pages."""
    printer = make_printer(A4_MM, printer_name=printer_name, pdf_path=pdf_path)
    width, height = A4_MM[0] * 10, A4_MM[1] * 10
    body = _body()
    document = _document(report)
    pages = max(document.pageCount(), 1)
    painter = begin(printer)
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            _page_frame(painter, report, page + 1, pages, width, height)
            painter.save()
            painter.translate(body.x(), body.y() - page * body.height())
            clip = QRectF(0, page * body.height(), body.width(), body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            painter.setClipRect(clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            if report.training:
                _training(painter, width, height)
    finally:
        painter.end()
    return pages


def _page_frame(painter: QPainter, report: Report, page: int, pages: int, width: float, height: float) -> None:
    font = QFont()
    font.setPixelSize(30)
    painter.setFont(font)
    painter.setPen(QColor("#b71c1c") if report.training else QColor("#455a64"))
    heading = f"{report.centre_name} · {render(report.title)}"
    if report.training:
        heading = f"{render(L_TRAINING_NOTE)} · {heading}"
    painter.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, HEADER - 30), int(Qt.AlignmentFlag.AlignLeft), heading)
    painter.setPen(QColor("#455a64"))
    painter.drawLine(MARGIN, MARGIN + HEADER - 25, width - MARGIN, MARGIN + HEADER - 25)
    footer = render(P_PAGE(page=page, pages=pages, when=local_text(report.generated_at)))
    painter.drawText(
        QRectF(MARGIN, height - MARGIN - FOOTER + 20, width - 2 * MARGIN, FOOTER - 20),
        int(Qt.AlignmentFlag.AlignRight),
        footer,
    )
