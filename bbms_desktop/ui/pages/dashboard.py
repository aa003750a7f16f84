"""The dashboard: usable stock by group and component, what expires soon, quarantine, today's collections, and the
sync state, at a glance. It reads; it never decides (the figures are ``services.dashboard_views``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.vocabulary import BLOOD_GROUPS
from bbms_desktop.services import dashboard_views
from bbms_desktop.services.dashboard_views import Dashboard
from bbms_desktop.ui.charts import StockChart
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.sync import sync_bridge, sync_state_text
from bbms_desktop.ui.sync_bridge import UiSyncStatus
from bbms_desktop.ui.widgets import MessageBar, local_text, render

# Indian blood bag labels by ABO group (DOMAIN.md): O blue, A yellow, B pink, AB white; the inventory's shades.
GROUP_COLOURS: dict[str, str] = {"O": "#bbdefb", "A": "#fff59d", "B": "#f8bbd0", "AB": "#ffffff"}
REFRESH_MS = 60_000  # expiry counts change with the clock: refresh while shown


def group_style(group: str) -> str:
    background = GROUP_COLOURS[group.rstrip("+-")]
    return (
        f"background:{background}; color:#212121; font-weight:700; border:1px solid #90a4ae; border-radius:3px;"
        " padding:4px;"
    )


class Card(QFrame):
    """One figure with its title and a line of explanation."""

    TONES: ClassVar[dict[str, str]] = {"": "#263238", "danger": "#b71c1c", "warn": "#8a5a00", "ok": "#1b5e20"}

    def __init__(self, name: str, parent: QWidget | None = None, *, value_pt: int = 20) -> None:
        super().__init__(parent)
        self.value_pt = value_pt
        self.setObjectName(f"card_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#card_{name}{{background:#ffffff; border:1px solid #cfd8dc; border-radius:6px;}}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title, self.value, self.note = QLabel(), QLabel("–"), QLabel()
        self.title.setStyleSheet("color:#546e7a; font-size:9pt;")
        self.title.setWordWrap(True)
        self.note.setStyleSheet("color:#546e7a; font-size:9pt;")
        self.note.setWordWrap(True)
        for label in (self.title, self.value, self.note):
            layout.addWidget(label)
        layout.addStretch()
        self.set_value("–")

    def set_value(self, value: str, tone: str = "") -> None:
        self.value.setText(value)
        colour = self.TONES.get(tone, "#263238")
        self.value.setStyleSheet(f"font-size:{self.value_pt}pt; font-weight:700; color:{colour};")


class DashboardPage(Page):
    page_id = "dashboard"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Dashboard")
    needs = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: Dashboard | None = None
        self.sync_status: UiSyncStatus | None = None
        self._bridge_connected = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(12)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:16pt; font-weight:600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color:#546e7a;")
        titles.addWidget(self.heading)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.refresh_button = QPushButton()
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.activated)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.message = MessageBar()
        layout.addWidget(self.message)

        cards = QHBoxLayout()
        cards.setSpacing(10)
        self.available = Card("available")
        self.expiring_24h = Card("expiring_24h")
        self.expiring_72h = Card("expiring_72h")
        self.quarantine = Card("quarantine")
        self.collected = Card("collected")
        for card in (self.available, self.expiring_24h, self.expiring_72h, self.quarantine, self.collected):
            cards.addWidget(card)
        layout.addLayout(cards)

        self.stock_title = QLabel()
        self.stock_title.setStyleSheet("font-size:12pt; font-weight:600;")
        layout.addWidget(self.stock_title)
        self.stock_frame = QFrame()
        self.stock_frame.setObjectName("stock_grid")
        self.stock_frame.setStyleSheet(
            "QFrame#stock_grid{background:#ffffff; border:1px solid #cfd8dc; border-radius:6px;}"
        )
        self.grid = QGridLayout(self.stock_frame)
        self.grid.setContentsMargins(10, 10, 10, 10)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        self.component_header, self.total_header = QLabel(), QLabel()
        self.component_header.setStyleSheet("font-weight:700; color:#546e7a;")
        self.total_header.setStyleSheet("font-weight:700; color:#546e7a;")
        self.total_header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.addWidget(self.component_header, 0, 0)
        for column, group in enumerate(BLOOD_GROUPS, start=1):
            header = QLabel(group.replace("-", "\u2212"))
            header.setObjectName(f"group_{group}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet(group_style(group))
            header.setMinimumWidth(56)
            self.grid.addWidget(header, 0, column)
        self.grid.addWidget(self.total_header, 0, len(BLOOD_GROUPS) + 1)
        self.row_labels: dict[str, QLabel] = {}
        self.cells: dict[tuple[str, str], QLabel] = {}
        self.row_totals: dict[str, QLabel] = {}
        for row, code in enumerate(catalogue.CODES, start=1):
            name = QLabel()
            self.row_labels[code] = name
            self.grid.addWidget(name, row, 0)
            for column, group in enumerate(BLOOD_GROUPS, start=1):
                cell = QLabel("0")
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.cells[(code, group)] = cell
                self.grid.addWidget(cell, row, column)
            total = QLabel("0")
            total.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.row_totals[code] = total
            self.grid.addWidget(total, row, len(BLOOD_GROUPS) + 1)
        footer_row = len(catalogue.CODES) + 1
        self.group_total_label = QLabel()
        self.group_total_label.setStyleSheet("font-weight:700;")
        self.grid.addWidget(self.group_total_label, footer_row, 0)
        self.group_totals: dict[str, QLabel] = {}
        for column, group in enumerate(BLOOD_GROUPS, start=1):
            total = QLabel("0")
            total.setAlignment(Qt.AlignmentFlag.AlignCenter)
            total.setStyleSheet("font-weight:700; border-top:1px solid #cfd8dc;")
            self.group_totals[group] = total
            self.grid.addWidget(total, footer_row, column)
        self.grand_total = QLabel("0")
        self.grand_total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grand_total.setStyleSheet("font-weight:700; border-top:1px solid #cfd8dc;")
        self.grid.addWidget(self.grand_total, footer_row, len(BLOOD_GROUPS) + 1)
        self.grid.setColumnStretch(0, 1)
        layout.addWidget(self.stock_frame)

        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        self.sync_card = Card("sync", value_pt=13)
        self.attention = Card("attention")
        self.open_sync = QPushButton()
        self.open_sync.clicked.connect(self._open_sync_page)
        self.attention.layout().addWidget(self.open_sync, 0, Qt.AlignmentFlag.AlignLeft)
        bottom.addWidget(self.sync_card, 2)
        bottom.addWidget(self.attention, 1)
        layout.addLayout(bottom)
        self.stock_chart = StockChart()  # below the cards: the sync state stays in view without scrolling
        layout.addWidget(self.stock_chart)
        layout.addStretch()

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.available.title.setText(self.tr("Units available for issue"))
        self.expiring_24h.title.setText(self.tr("Expiring within 24 hours"))
        self.expiring_72h.title.setText(self.tr("Expiring within 72 hours"))
        self.quarantine.title.setText(self.tr("In quarantine (awaiting tests)"))
        self.collected.title.setText(self.tr("Collected today"))
        self.stock_title.setText(self.tr("Available stock by blood group and component"))
        self.component_header.setText(self.tr("Component"))
        self.total_header.setText(self.tr("Total"))
        self.group_total_label.setText(self.tr("All components"))
        for code, label in self.row_labels.items():
            label.setText(render(catalogue.CATALOGUE[code].name))
        self.sync_card.title.setText(self.tr("Sync with the central server"))
        self.attention.title.setText(self.tr("Needs attention"))
        self.open_sync.setText(self.tr("Open the sync page"))
        self._show()
        self._show_sync()

    def activated(self) -> None:
        self._connect_bridge()
        if not self.timer.isActive():
            self.timer.start()
        self._load()

    # --- loading and showing --------------------------------------------------------------------------------------

    def _load(self, *, background: bool = False) -> None:
        self.ctx.load(
            self,
            lambda session: dashboard_views.dashboard(session, datetime.now(UTC)),
            self._loaded,
            background=background,
            key=(id(self), "dashboard"),
        )

    def _tick(self) -> None:
        if self.isVisible():  # the clock moved on (expiry windows): a refresh nobody is waiting for
            self._load(background=True)
        else:
            self.timer.stop()

    def _loaded(self, data: Dashboard) -> None:
        self.data = data
        self._show()

    def _show(self) -> None:
        centre = self.ctx.centre
        data = self.data
        when = local_text(data.stock.at) if data is not None else ""
        self.subtitle.setText(
            self.tr("{centre} · as of {when}").format(centre=centre.name, when=when)
            if centre is not None and when
            else (centre.name if centre is not None else "")
        )
        if data is None:
            return
        stock, today = data.stock, data.today
        self.available.set_value(f"{stock.total_available:,}", "ok" if stock.total_available else "danger")
        self.available.note.setText(self.tr("released, not reserved or issued"))
        self.expiring_24h.set_value(f"{stock.expiring_24h:,}", "danger" if stock.expiring_24h else "")
        self.expiring_24h.note.setText(self.tr("issue these first"))
        self.expiring_72h.set_value(f"{stock.expiring_72h:,}", "warn" if stock.expiring_72h else "")
        self.expiring_72h.note.setText(self.tr("includes those within 24 hours"))
        self.quarantine.set_value(f"{stock.quarantine:,}", "warn" if stock.quarantine else "")
        self.quarantine.note.setText(self.tr("not yet cleared by the laboratory"))
        self.collected.set_value(f"{today.collections:,}")
        self.collected.note.setText(
            self.tr("{ml} ml · {screened} screened, {deferred} deferred").format(
                ml=f"{today.collected_ml:,}", screened=f"{today.screened:,}", deferred=f"{today.deferred:,}"
            )
        )
        counts = {(line.code, line.blood_group): line.count for line in stock.available}
        for (code, group), cell in self.cells.items():
            count = counts.get((code, group), 0)
            cell.setText(f"{count:,}")
            cell.setStyleSheet("font-weight:700; color:#1b5e20;" if count else "color:#9e9e9e;")
        for code, label in self.row_totals.items():
            total = sum(n for (c, _g), n in counts.items() if c == code)
            label.setText(f"{total:,}")
            label.setStyleSheet("font-weight:700;" if total else "color:#9e9e9e;")
        for group, label in self.group_totals.items():
            label.setText(f"{sum(n for (_c, g), n in counts.items() if g == group):,}")
        self.grand_total.setText(f"{stock.total_available:,}")
        self.stock_chart.show_stock(stock.available)
        waiting = data.dead_letters + data.donors_to_review
        self.attention.set_value(f"{waiting:,}", "danger" if data.dead_letters else "warn" if waiting else "ok")
        self.attention.note.setText(
            self.tr("{refused} changes refused by the server, {review} donors to review").format(
                refused=f"{data.dead_letters:,}", review=f"{data.donors_to_review:,}"
            )
        )

    # --- sync state -------------------------------------------------------------------------------------------------

    def _connect_bridge(self) -> None:
        """The window's sync bridge, once this page is in the window (the context knows nothing of sync)."""
        if self._bridge_connected:
            return
        bridge = sync_bridge(self)
        if bridge is not None:
            bridge.status_changed.connect(self._sync_changed)
            self._bridge_connected = True
            self.sync_status = bridge.status
            self._show_sync()

    def _sync_changed(self, status: UiSyncStatus) -> None:
        self.sync_status = status
        self._show_sync()

    def _show_sync(self) -> None:
        status = self.sync_status
        if status is None:
            return
        text, tone = sync_state_text(status)
        self.sync_card.set_value(text, tone)
        last = local_text(status.last_success_at) if status.last_success_at else self.tr("never")
        self.sync_card.note.setText(
            self.tr("Changes waiting to be sent: {pending} · last successful sync: {last}").format(
                pending=f"{status.pending:,}", last=last
            )
        )

    def _open_sync_page(self) -> None:
        window = self.window()
        opener = getattr(window, "open_page", None)
        if callable(opener):
            opener("sync")
