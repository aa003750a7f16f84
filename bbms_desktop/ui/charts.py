"""Charts (Qt Charts, from PySide6-Addons): stock by blood group and component on the dashboard, collections over
time on the Reports page. They draw figures the services computed; they never count anything themselves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.vocabulary import BLOOD_GROUPS
from bbms_desktop.services.components import StockLine
from bbms_desktop.services.report_views import CollectionPoint
from bbms_desktop.ui.widgets import render

STOCK_TITLE = QT_TRANSLATE_NOOP("Charts", "Available units by blood group")
COLLECTIONS_TITLE = QT_TRANSLATE_NOOP("Charts", "Donations collected")
IN_CENTRE = QT_TRANSLATE_NOOP("Charts", "In the centre")
IN_CAMPS = QT_TRANSLATE_NOOP("Charts", "In camps")
UNITS = QT_TRANSLATE_NOOP("Charts", "Units")
DONATIONS = QT_TRANSLATE_NOOP("Charts", "Donations")

# one colour per component, in catalogue order (red cells reds, plasma yellows, platelets blues)
COMPONENT_COLOURS = {
    catalogue.WB_CPDA1: "#8e0000",
    catalogue.PRBC_CPDA1: "#c62828",
    catalogue.PRBC_SAGM: "#ef5350",
    catalogue.FFP: "#f9a825",
    catalogue.PLT_RDP: "#1e88e5",
    catalogue.PLT_SDP: "#90caf9",
    catalogue.CRYO: "#6d4c41",
    catalogue.CPP: "#bcaaa4",
}


def _axes(chart: QChart, series: QStackedBarSeries, categories: Sequence[str], top: int, title: str) -> None:
    x = QBarCategoryAxis()
    x.append(list(categories))
    y = QValueAxis()
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 10**9) if top <= s * 5)
    ticks = max(-(-top // step), 1)
    y.setRange(0, ticks * step)
    y.setTickCount(ticks + 1)
    y.setLabelFormat("%d")
    y.setTitleText(title)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)


class _BarChart(QChartView):
    """A stacked bar chart redrawn whole from figures (no animation: a dashboard refresh must not wobble)."""

    def __init__(self, name: str, legend: Qt.AlignmentFlag, height: int, parent: QWidget | None) -> None:
        chart = QChart()
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(height)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(legend)
        chart.setMargins(QMargins(4, 4, 4, 4))

    def _draw(self, title: str, bars: Sequence[QBarSet], categories: Sequence[str], top: int, axis: str) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for old in chart.axes():
            chart.removeAxis(old)
        chart.setTitle(title)
        series = QStackedBarSeries()
        for bar in bars:
            series.append(bar)
        chart.addSeries(series)
        _axes(chart, series, categories, top, axis)


class StockChart(_BarChart):
    """Available stock: one stacked bar per blood group, a slice per component."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("stock_chart", Qt.AlignmentFlag.AlignRight, 280, parent)
        self.lines: tuple[StockLine, ...] = ()

    def show_stock(self, lines: Sequence[StockLine]) -> None:
        self.lines = tuple(lines)
        counts = {(line.code, line.blood_group): line.count for line in self.lines}
        bars = []
        for code in catalogue.CODES:
            values = [counts.get((code, group), 0) for group in BLOOD_GROUPS]
            if not any(values):
                continue
            bar = QBarSet(render(catalogue.CATALOGUE[code].name))
            bar.append([float(v) for v in values])
            bar.setColor(QColor(COMPONENT_COLOURS[code]))
            bars.append(bar)
        totals = [sum(counts.get((c, g), 0) for c in catalogue.CODES) for g in BLOOD_GROUPS]
        groups = [g.replace("-", "\u2212") for g in BLOOD_GROUPS]
        self._draw(render(STOCK_TITLE), bars, groups, max(totals, default=0), render(UNITS))


class CollectionsChart(_BarChart):
    """Donations per day (or month), in the centre and in camps, stacked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("collections_chart", Qt.AlignmentFlag.AlignTop, 260, parent)
        self.points: tuple[CollectionPoint, ...] = ()

    def show_points(self, points: Sequence[CollectionPoint]) -> None:
        self.points = tuple(points)
        centre, camps = QBarSet(render(IN_CENTRE)), QBarSet(render(IN_CAMPS))
        centre.append([float(p.centre) for p in self.points])
        camps.append([float(p.camps) for p in self.points])
        centre.setColor(QColor("#c62828"))
        camps.setColor(QColor("#1e88e5"))
        # a day's label is its day of the month ("05"), a month's is "2026-11"
        labels = [p.label[8:] if len(p.label) == 10 else p.label for p in self.points]
        top = max((p.centre + p.camps for p in self.points), default=0)
        self._draw(render(COLLECTIONS_TITLE), [centre, camps], labels, top, render(DONATIONS))
