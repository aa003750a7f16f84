"""Reports page: the daily stock, monthly, donor statistics and expiry reports for any period, shown, printed and
exported (CSV, PDF), the national portal's stock export (JSON or CSV, docs/stock-export.md), and the chart of
collections over the period. Every figure comes from ``services.report_views``."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.roles import Action
from bbms_desktop.services import report_views
from bbms_desktop.services.report_views import CollectionPoint, Period, Report
from bbms_desktop.ui.charts import CollectionsChart
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.donor_widgets import heading
from bbms_desktop.ui.printing import reports as printed
from bbms_desktop.ui.printing.output import deliver
from bbms_desktop.ui.widgets import MessageBar, fill_combo, render, translate_domain


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportsPage(Page):
    page_id = "reports"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Reports")
    needs = frozenset({Action.VIEW_REPORTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: Report | None = None
        self.points: list[CollectionPoint] = []
        self._request = 0
        outer = QVBoxLayout(self)
        self.heading = heading()
        outer.addWidget(self.heading)

        choose = QHBoxLayout()
        self.kind_label, self.kind = QLabel(), QComboBox()
        self.kind_label.setBuddy(self.kind)
        self.from_label, self.first = QLabel(), QDateEdit()
        self.to_label, self.last = QLabel(), QDateEdit()
        today = datetime.now().astimezone().date()
        month = Period.month_of(today)
        for edit, day in ((self.first, month.first), (self.last, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd MMM yyyy")
            edit.setDate(_qdate(day))
        self.from_label.setBuddy(self.first)
        self.to_label.setBuddy(self.last)
        self.show_button = QPushButton()
        self.show_button.setDefault(True)
        for widget in (self.kind_label, self.kind, self.from_label, self.first, self.to_label, self.last):
            choose.addWidget(widget)
        choose.addWidget(self.show_button)
        choose.addStretch()
        outer.addLayout(choose)

        actions = QHBoxLayout()
        self.print_button, self.pdf_button, self.csv_button = QPushButton(), QPushButton(), QPushButton()
        self.portal_button = QPushButton()
        for button in (self.print_button, self.pdf_button, self.csv_button, self.portal_button):
            actions.addWidget(button)
            button.setEnabled(button is self.portal_button)
        actions.addStretch()
        outer.addLayout(actions)
        self.message = MessageBar()
        outer.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.view = QTextBrowser()
        self.view.setObjectName("report_view")
        self.chart = CollectionsChart()
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.show_button.clicked.connect(self.reload)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.csv_button.clicked.connect(self._ask_csv)
        self.portal_button.clicked.connect(self._ask_portal)

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reports"))
        self.kind_label.setText(self.tr("&Report"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        self.show_button.setText(self.tr("&Show"))
        self.print_button.setText(self.tr("&Print"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.csv_button.setText(self.tr("Save as &CSV…"))
        self.portal_button.setText(self.tr("Stock export for the national portal…"))
        fill_combo(self.kind, [(render(title), kind) for kind, title in report_views.REPORTS.items()])
        self._kind_changed()
        self._show()

    def activated(self) -> None:
        self.reload()

    # --- loading ----------------------------------------------------------------------------------------------------

    def period(self) -> Period:
        return Period(_date(self.first.date()), _date(self.last.date()))

    def reload(self) -> None:
        try:
            period = self.period()
        except DomainError as error:  # the period runs backwards or is too long
            self.message.show_error(error)
            return
        self.message.clear_message()
        kind = self.kind.currentData() or "daily_stock"
        self._request += 1
        request = self._request

        def query(session: object) -> tuple[Report, list[CollectionPoint]]:
            now = datetime.now(UTC)
            report = report_views.build(session, kind, period, now)  # type: ignore[arg-type]
            return report, report_views.collections_over_time(session, period)  # type: ignore[arg-type]

        self.ctx.load(self, query, lambda result: self._loaded(request, result), self.message.show_error)

    def _loaded(self, request: int, result: tuple[Report, list[CollectionPoint]]) -> None:
        if request != self._request:
            return  # a later choice is on its way
        self.report, self.points = result
        self._show()

    def _kind_changed(self, _index: int = 0) -> None:
        stock = self.kind.currentData() == "daily_stock"
        for widget in (self.from_label, self.first, self.to_label, self.last):
            widget.setToolTip(
                self.tr("The daily stock report is the stock now; the chart uses the period.") if stock else ""
            )

    def _show(self) -> None:
        if self.report is None:
            self.view.clear()
            return
        self.view.setHtml(printed.report_html(self.report))
        self.chart.show_points(self.points)
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(True)

    # --- printing and exporting -------------------------------------------------------------------------------------

    def print_report(self) -> Path | None:
        """Print to the printer chosen in settings, or to a PDF in the profile when none is connected."""
        report = self.report
        if report is None:
            return None
        pages = printed.page_count(report)
        text, pdf = deliver(
            self.ctx.settings,
            self.ctx.profile,
            report.kind,
            pages,
            lambda name, path: printed.print_report(report, printer_name=name, pdf_path=path),
        )
        self.message.show_message(render(text))
        return pdf

    def save_pdf(self, path: Path) -> None:
        if self.report is not None:
            printed.print_report(self.report, pdf_path=path)
            self.message.show_message(self.tr("Saved {path}.").format(path=path))

    def save_csv(self, path: Path) -> None:
        if self.report is not None:
            path.write_text(report_views.write_csv(self.report, translate_domain), encoding="utf-8-sig")
            self.message.show_message(self.tr("Saved {path}.").format(path=path))

    def save_portal_export(self, path: Path) -> None:
        """The stock export, as JSON or CSV by the file's extension (docs/stock-export.md)."""

        def write(data: dict) -> None:
            text = report_views.stock_export_csv(data) if path.suffix.lower() == ".csv" else None
            path.write_text(text or report_views.stock_export_json(data), encoding="utf-8")
            self.message.show_message(self.tr("Saved {path}.").format(path=path))

        self.ctx.load(self, lambda session: report_views.stock_export(session, datetime.now(UTC)), write)

    def _ask(self, suggested: str, filters: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), str(self.ctx.profile / suggested), filters
        )
        return Path(chosen) if chosen else None

    def _stem(self) -> str:
        if self.report is None:
            return "report"
        period = self.report.period
        return f"{self.report.kind}-{period.first}-{period.last}" if period else f"{self.report.kind}-{date.today()}"

    def _ask_pdf(self) -> None:
        path = self._ask(f"{self._stem()}.pdf", self.tr("PDF (*.pdf)"))
        if path is not None:
            self.save_pdf(path)

    def _ask_csv(self) -> None:
        path = self._ask(f"{self._stem()}.csv", self.tr("CSV (*.csv)"))
        if path is not None:
            self.save_csv(path)

    def _ask_portal(self) -> None:
        path = self._ask(f"stock-{date.today()}.json", self.tr("JSON (*.json);;CSV (*.csv)"))
        if path is not None:
            self.save_portal_export(path)
