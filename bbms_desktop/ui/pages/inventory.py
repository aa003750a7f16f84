"""Inventory page: every unit in the centre, filtered by group, component, status, expiry, storage location and DIN,
soonest expiry first; a scanned DIN (on any page) opens that donation's units with their status and blockers.

Also home of what the stock pages share: group colours as Indian labels print them, status colours, and the
donation card (a donation's laboratory state and every unit of it) the inventory, components and discard pages show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.vocabulary import BLOOD_GROUPS, LABELS, ComponentStatus
from bbms_desktop.services import label_check, stock_views
from bbms_desktop.services.label_check import LabelCheck, LabelScans
from bbms_desktop.services.stock_views import DonationCard, StockFilter, UnitRow, UnitView
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.label_check import LabelCheckPanel
from bbms_desktop.ui.tablemodel import Column, Index, LazyRowsModel, RowsModel
from bbms_desktop.ui.widgets import MessageBar, fill_combo, local_text, render

S = ComponentStatus

# Indian label colours by ABO group (DOMAIN.md §6): O blue, A yellow, B pink, AB white
GROUP_COLOURS = {"O": "#bbdefb", "A": "#fff59d", "B": "#f8bbd0", "AB": "#ffffff"}
STATUS_TONES = {
    S.QUARANTINE: "warn",
    S.AVAILABLE: "ok",
    S.RESERVED: "ok",
    S.ISSUED: "muted",
    S.TRANSFUSED: "muted",
    S.UNSAFE: "danger",
    S.EXPIRED: "danger",
    S.DISCARDED: "muted",
}
HEADING_STYLE = "font-size: 15pt; font-weight: 600;"
DIN_STYLE = "font-family: monospace; font-size: 14pt; font-weight: 600;"
CHECK_STYLE = "font-family: monospace; font-size: 14pt; font-weight: 600; border: 2px solid #263238; padding: 0 4px;"
DANGER_STYLE = "color: #b71c1c; font-weight: 600;"
EXPIRY_WINDOWS = (24, 72, 24 * 7)  # the "expiring within" choices, in hours


def group_of(group: str | None) -> str:
    return group.rstrip("+-") if group else ""


def status_text(status: ComponentStatus) -> str:
    return render(LABELS[status])


def expiry_tone(expires_at: datetime, status: ComponentStatus | None = None) -> str | None:
    """Red when expired or due within 24 h, amber within 72 h (for units still in the centre)."""
    if status is not None and status not in stock_views.IN_STOCK:
        return None
    hours = (expires_at - datetime.now(UTC)).total_seconds() / 3600
    return "danger" if hours <= 24 else "warn" if hours <= 72 else None


def group_brush(group: str | None) -> QBrush | None:
    colour = GROUP_COLOURS.get(group_of(group))
    return QBrush(QColor(colour)) if colour else None


class TintedRows(RowsModel):
    """Rows (with a ``blood_group``) whose group column is tinted like the bag label."""

    group_column = -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == self.group_column:
            return group_brush(self.rows[index.row()].blood_group)
        return super().data(index, role)


class TintedLazyRows(TintedRows, LazyRowsModel):
    """A lazily fetched list with the same tint."""


def tinted(model: TintedRows, group_column: int) -> TintedRows:
    model.group_column = group_column
    return model


def make_table(model: RowsModel, *, wrap_last: bool = False) -> QTableView:
    """A read-only, row-selecting table; ``wrap_last`` lets the last column (reasons) take the rest and wrap."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setResizeContentsPrecision(0)  # columns fit the rows on screen, not every row loaded
    if isinstance(model, LazyRowsModel):
        # fitted when a page of rows arrives, not again at every show and resize of the page (a long list's
        # header in resize-to-contents mode re-measures its rows each time, and does not when rows arrive)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model.loaded.connect(table.resizeColumnsToContents)
    else:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(wrap_last)
    if wrap_last:
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        _WidthFitter(table)
    return table


def fitted_widths(natural: list[int], least: list[int], available: int) -> list[int]:
    """Column widths for a table ``available`` pixels wide: each column its natural width (its widest cell or title)
    and the last one the rest; when they do not fit, every column gives up width in proportion to what it has above
    its least (its title and its longest word: neither is ever cut, a cell's text wraps instead), down to that least
    at most."""
    least = [min(low, high) for low, high in zip(least, natural, strict=True)]
    over = sum(natural) - available
    if over <= 0:
        return [*natural[:-1], natural[-1] - over]
    spare = [high - low for high, low in zip(natural, least, strict=True)]
    total = sum(spare)
    if total <= over:
        return least  # not even the titles fit: the table scrolls sideways
    # each gives up its share rounded up (never more than it has above its least, since over < total), so the
    # columns fit; what the rounding leaves goes to the last column
    widths = [high - -(-over * extra // total) for high, extra in zip(natural, spare, strict=True)]
    widths[-1] += available - sum(widths)
    return widths


_CELL_PADDING = 12  # a cell's margins and focus frame around its text


class _WidthFitter(QObject):
    """Keeps a small table's columns fitted to its width (``fitted_widths``), as its rows change and it is resized:
    the card's table in a half-width box, where names and reasons in Hindi are wider than the box."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self.fit)  # the card's rows are set whole (set_rows)
        model.headerDataChanged.connect(self.fit)  # another language

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self, *_: object) -> None:
        table, header = self.table, self.table.horizontalHeader()
        count = header.count()
        if count == 0:
            return
        model, metrics = table.model(), table.fontMetrics()
        columns = getattr(model, "columns", ())
        least = []
        for column in range(count):
            whole = column < len(columns) and columns[column].whole
            texts = (str(model.index(row, column).data() or "") for row in range(model.rowCount()))
            words = (word for text in texts for word in ([text] if whole else text.split()))
            # a title is never cut, nor a word: a cell's text wraps between its words
            widest_word = max((metrics.horizontalAdvance(word) for word in words), default=0) + _CELL_PADDING
            least.append(max(header.sectionSizeHint(column), widest_word))
        natural = [max(least[column], table.sizeHintForColumn(column)) for column in range(count)]
        widths = fitted_widths(natural, least, table.viewport().width())
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)


def heading() -> QLabel:
    label = QLabel()
    label.setStyleSheet(HEADING_STYLE)
    return label


LOCATION_COLUMN = Column(QT_TRANSLATE_NOOP("Columns", "Location"), lambda u: u.storage_location or "")
UNIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda u: u.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda u: LABELS[u.status], tone=lambda u: STATUS_TONES[u.status]),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda u: u.blood_group or "–"),
    Column(QT_TRANSLATE_NOOP("Columns", "Volume (ml)"), lambda u: u.volume_ml, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Expires"),
        lambda u: local_text(u.expires_at),
        tone=lambda u: expiry_tone(u.expires_at, u.status),
    ),
    LOCATION_COLUMN,
    Column(
        QT_TRANSLATE_NOOP("Columns", "Held because"),
        lambda u: "; ".join(render(b) for b in u.blockers),
        tone=lambda u: "danger" if u.blockers else None,
    ),
]


class DonationCardView(QGroupBox):
    """A donation's number (with its check character), the laboratory's word on it, and each of its units."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: DonationCard | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.din = QLabel()
        self.din.setStyleSheet(DIN_STYLE)
        self.din.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QLabel()
        self.check.setStyleSheet(CHECK_STYLE)
        self.check.setToolTip("")
        top.addWidget(self.din)
        top.addWidget(self.check)
        top.addSpacing(16)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        self.lab = QLabel()
        self.lab.setWordWrap(True)
        self.lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.lab)
        self.model = tinted(TintedRows(UNIT_COLUMNS, self), 2)
        self.table = make_table(self.model, wrap_last=True)
        self.table.setMinimumHeight(110)
        layout.addWidget(self.table)
        self.hide()

    def show_card(self, card: DonationCard | None) -> None:
        self.card = card
        if card is None:
            self.model.set_rows([])
            self.hide()
            return
        self.model.set_rows(list(card.units))  # fresh rows: their texts come in the current language already
        self._show_texts()
        self.show()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Donation and its units"))
        self.check.setToolTip(self.tr("Check character: type it after the DIN to confirm a typed number"))
        self.model.retranslate()
        self._show_texts()

    def _show_texts(self) -> None:
        card = self.card
        if card is None:
            return
        self.din.setText(card.eye_readable)
        self.check.setText(card.check)
        self.check.setVisible(bool(card.check))
        group = card.lab.group or card.donor_group
        self.summary.setText(
            self.tr("Collected {when} · {bag}, {volume} ml · donor {donor} · group {group}").format(
                when=local_text(card.collected_at),
                bag=render(stock_views.BAG_TYPE_LABELS[card.bag_type]),
                volume=card.collected_volume_ml,
                donor=card.donor_number,
                group=group or self.tr("not confirmed"),
            )
            + (self.tr(" · VOIDED") if card.voided else "")
        )
        self.lab.setText(lab_sentence(card))
        self.lab.setStyleSheet(DANGER_STYLE if card.lab.unsafe_markers else "")


LAB_UNSAFE_SENTENCE = QT_TRANSLATE_NOOP(
    "StockPages", "Laboratory: {state} ({markers}). Every unit of this donation is unsafe: discard it."
)
LAB_UNSAFE_DISCARDED_SENTENCE = QT_TRANSLATE_NOOP(
    "StockPages", "Laboratory: {state} ({markers}). Every unit of this donation was unsafe and has been discarded."
)
LAB_CLEARED_SENTENCE = QT_TRANSLATE_NOOP("StockPages", "Laboratory: {state}, group {group}.")
LAB_HELD_SENTENCE = QT_TRANSLATE_NOOP("StockPages", "Laboratory: {state}. Units stay in quarantine: {reasons}.")


def lab_sentence(card: DonationCard) -> str:
    """What the laboratory says about the donation, in one line: cleared, or every reason it is not."""
    state = stock_views.LAB_STATE_LABELS[card.lab_state]
    if card.lab.unsafe_markers:
        markers = ", ".join(render(LABELS[m]) for m in card.lab.unsafe_markers)
        if card.units and all(u.status == S.DISCARDED for u in card.units):
            return render(LAB_UNSAFE_DISCARDED_SENTENCE(state=state, markers=markers))
        return render(LAB_UNSAFE_SENTENCE(state=state, markers=markers))
    if not card.lab.blockers:
        return render(LAB_CLEARED_SENTENCE(state=state, group=card.lab.group))
    return render(LAB_HELD_SENTENCE(state=state, reasons=list(card.lab.blockers)))


STOCK_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda u: u.eye_readable),
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda u: u.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda u: u.blood_group or "–"),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda u: LABELS[u.status], tone=lambda u: STATUS_TONES[u.status]),
    Column(QT_TRANSLATE_NOOP("Columns", "Volume (ml)"), lambda u: u.volume_ml, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Expires"),
        lambda u: local_text(u.expires_at),
        tone=lambda u: expiry_tone(u.expires_at, u.status),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Location"), lambda u: u.storage_location or ""),
]

ANY = QT_TRANSLATE_NOOP("Inventory", "Any")


class InventoryPage(Page):
    page_id = "inventory"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Inventory")
    needs = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.heading = heading()
        layout.addWidget(self.heading)

        filters = QGridLayout()
        self.group, self.code, self.status = QComboBox(), QComboBox(), QComboBox()
        self.expiring, self.location = QComboBox(), QComboBox()
        self.din = QLineEdit()
        self.din.setProperty("acceptsScan", True)
        self.din.setClearButtonEnabled(True)
        self.filter_labels: list[QLabel] = []
        for column, field in enumerate((self.din, self.group, self.code, self.status, self.expiring, self.location)):
            label = QLabel()
            label.setBuddy(field)
            self.filter_labels.append(label)
            filters.addWidget(label, 0, column)
            filters.addWidget(field, 1, column)
        filters.setColumnStretch(0, 2)
        for column in range(1, 6):
            filters.setColumnStretch(column, 1)
        layout.addLayout(filters)

        counts = QHBoxLayout()
        self.count = QLabel()
        self.count.setObjectName("inventory_count")
        self.count.setStyleSheet("font-weight: 600;")
        counts.addWidget(self.count)
        counts.addStretch()
        self.reset = QPushButton()
        self.reset.clicked.connect(self.reset_filters)
        counts.addWidget(self.reset)
        layout.addLayout(counts)

        self.model = tinted(TintedLazyRows(STOCK_COLUMNS, ctx.db, parent=self), 2)
        self.table = make_table(self.model)
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.table, 3)

        self.message = MessageBar()
        layout.addWidget(self.message)
        # the donation open, and beside it the check of its bag's label (the list keeps the height it needs)
        bottom = QHBoxLayout()
        self.card = DonationCardView()
        bottom.addWidget(self.card, 3)
        self.label_check = LabelCheckPanel(ctx)
        bottom.addWidget(self.label_check, 2)
        layout.addLayout(bottom, 2)
        ctx.actor_changed.connect(lambda: self._show_label_check(self.card.card))

        self._din_timer = QTimer(self)
        self._din_timer.setSingleShot(True)
        self._din_timer.setInterval(250)
        self._din_timer.timeout.connect(self.apply_filters)
        self.din.textEdited.connect(lambda _text: self._din_timer.start())
        self.din.returnPressed.connect(self._din_entered)
        for combo in (self.group, self.code, self.status, self.expiring, self.location):
            combo.currentIndexChanged.connect(self.apply_filters)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.din.setFocus)
        self._count = -1
        self._card_request = 0
        self._card_text: str | None = None  # the DIN or unit number whose donation was asked for last
        self._list_after_card = False  # the list (and its locations) is loaded once the card asked for arrives
        self._bring_up: Callable[[], object] | None = None  # brings this page up once a scanned card is read
        self._card_on_show = False  # the card was read for a scan from another page: activated() does not reread it
        self._count_request = 0
        self._built = False
        self._locations: list[str] = []
        self._fill_combos()
        self.status.setCurrentIndex(1)  # in stock
        self._built = True

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Inventory"))
        texts = (
            self.tr("&DIN or unit number"),
            self.tr("&Group"),
            self.tr("&Component"),
            self.tr("&Status"),
            self.tr("&Expiring within"),
            self.tr("Storage &location"),
        )
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        self.din.setPlaceholderText(self.tr("Scan or type a DIN"))
        self.reset.setText(self.tr("Clear filters"))
        self._fill_combos()
        self.model.retranslate()
        self.card.retranslate()
        self.label_check.retranslate()
        self._show_count(self._count)

    def activated(self) -> None:
        # the filter's storage locations are read with the count (one read). With a unit asked for (a scan from
        # another page), the unit comes first and the list once it is on screen: the two loads do not share the
        # worker threads and the interpreter while the one the person waits for is read
        if self._card_on_show:  # a scan from another page: its card is on the page already, the list follows
            self._card_on_show = False
            return
        if self._card_text is not None:
            self._list_after_card = True
            self.model.clear()  # not the rows of the last visit meanwhile (nor painted with the card)
            self.open_unit(self._card_text, quiet=True)
        else:
            self._load_list(with_locations=True)

    def handle_scan(self, text: str) -> bool:
        """A scanned DIN or unit number recorded here opens its donation; on this page a blood group or product
        code label also sets that filter, unless a donation is open: then the bag's group, product and expiry
        barcodes go to its label check. Anything else is left alone (it was typing)."""
        if self.isVisible() and self.label_check.take_scan(text):
            return True
        if self.isVisible() and self._filter_scan(text):
            return True
        with self.ctx.db.read() as session:  # one index probe: the scanner needs its answer now
            known = stock_views.unit_known(session, text)
        if not known:
            return False
        if self.isVisible():
            self.open_unit(text)
        else:  # the window brings this page up next, and activated() loads the unit with the page: once
            self._card_text = text
            self.message.clear_message()
        return True

    def _filter_scan(self, text: str) -> bool:
        try:
            scanned = isbt128.decode_scan(text)
        except DomainError:
            return False
        if scanned.kind == isbt128.ScanKind.BLOOD_GROUP:
            assert isinstance(scanned.value, isbt128.BloodGroupCode)
            index = self.group.findData(scanned.value.group)
        elif scanned.kind == isbt128.ScanKind.PRODUCT_CODE:
            assert isinstance(scanned.value, isbt128.ProductCode)
            index = self.code.findData(isbt128.component_for(scanned.value))
        else:
            return False
        if index < 0:
            return False
        (self.group if scanned.kind == isbt128.ScanKind.BLOOD_GROUP else self.code).setCurrentIndex(index)
        return True

    def open_scanned(self, text: str, bring_up: Callable[[], object]) -> bool:
        """A DIN or unit number scanned on another page: False if it names no unit here. Else the donation is read
        first and ``bring_up`` (which shows this page) is called once it is on the card, so the page comes up with
        the card painted in one pass (not the page, then the card again); the list is read after."""
        with self.ctx.db.read() as session:  # one index probe: the scanner needs its answer now
            known = stock_views.unit_known(session, text)
        if not known:
            return False
        self._bring_up = bring_up
        self._list_after_card = True
        self.model.clear()  # not the rows of the last visit meanwhile (nor painted with the card)
        self.open_unit(text)
        return True

    def _brought_up(self) -> None:
        """Show this page for the scan that asked for it (the card, or why there is none, is on it now)."""
        bring_up, self._bring_up = self._bring_up, None
        if bring_up is not None:
            self._card_on_show = True
            bring_up()
            self._card_on_show = False  # not shown after all (another page was opened meanwhile)

    def clear_work(self) -> None:
        self._bring_up = None
        self._card_text = None
        self._card_request += 1
        self.din.clear()
        self.card.show_card(None)
        self._show_label_check(None)
        self.message.clear_message()

    # --- filters and the list -----------------------------------------------------------------------------------

    def _fill_combos(self) -> None:
        any_text = render(ANY)
        fill_combo(
            self.group,
            [(any_text, ""), *((g, g) for g in BLOOD_GROUPS), (self.tr("Not grouped"), stock_views.UNGROUPED)],
        )
        fill_combo(self.code, [(any_text, ""), *((render(catalogue.component(c).name), c) for c in catalogue.CODES)])
        fill_combo(
            self.status,
            [
                (self.tr("Any status"), "any"),
                (self.tr("In the centre"), "stock"),
                *((render(LABELS[s]), s.value) for s in S),
            ],
        )
        fill_combo(
            self.expiring,
            [
                (any_text, 0),
                (self.tr("24 hours"), EXPIRY_WINDOWS[0]),
                (self.tr("72 hours"), EXPIRY_WINDOWS[1]),
                (self.tr("7 days"), EXPIRY_WINDOWS[2]),
            ],
        )
        fill_combo(self.location, [(any_text, ""), *((loc, loc) for loc in self._locations)])

    def current_filter(self) -> StockFilter:
        status = self.status.currentData()
        statuses = None if status in (None, "any") else stock_views.IN_STOCK if status == "stock" else (S(status),)
        return StockFilter(
            blood_group=self.group.currentData() or None,
            code=self.code.currentData() or None,
            statuses=statuses,
            within_hours=self.expiring.currentData() or None,
            location=self.location.currentData() or None,
            din=self.din.text().strip(),
        )

    def apply_filters(self) -> None:
        self._load_list(with_locations=False)

    def _load_list(self, *, with_locations: bool) -> None:
        """The units the filters select (a page at a time) and their count; with the storage locations to filter by
        when the page is shown (they change as units move, not as filters do)."""
        if not self._built or self.ctx.actor is None:
            return
        flt, now = self.current_filter(), datetime.now(UTC)
        self.model.set_query(lambda session, offset, limit: stock_views.units(session, flt, now, offset, limit))
        self._count_request += 1
        request = self._count_request

        def count(session: Any) -> tuple[int, list[str] | None]:
            locations = stock_views.storage_locations(session) if with_locations else None
            return stock_views.count_units(session, flt, now), locations

        self.ctx.load(self, count, lambda answer: self._counted(request, *answer))

    def reset_filters(self) -> None:
        self._built = False
        for combo in (self.group, self.code, self.expiring, self.location):
            combo.setCurrentIndex(0)
        self.status.setCurrentIndex(1)
        self.din.clear()
        self.card.show_card(None)  # the open donation goes with its number: label scans set filters again
        self._show_label_check(None)
        self._built = True
        self.apply_filters()

    def _counted(self, request: int, count: int, locations: list[str] | None = None) -> None:
        if locations is not None:
            self._locations_loaded(locations)
        if request == self._count_request:  # an older filter's count arriving late is dropped
            self._show_count(count)

    def _show_count(self, count: int) -> None:
        self._count = count
        if count < 0:
            self.count.clear()
        else:
            self.count.setText(self.tr("{count} units").format(count=f"{count:,}"))

    def _locations_loaded(self, locations: list[str]) -> None:
        self._locations = locations
        self.location.blockSignals(True)
        fill_combo(self.location, [(render(ANY), ""), *((loc, loc) for loc in locations)])
        self.location.blockSignals(False)

    # --- one donation -------------------------------------------------------------------------------------------

    def _din_entered(self) -> None:
        self._din_timer.stop()
        self.apply_filters()
        if self.din.text().strip():
            self.open_unit(self.din.text())

    def _row_changed(self, current: QModelIndex | QPersistentModelIndex, _previous: object) -> None:
        if current.isValid():
            row: UnitRow = self.model.row(current.row())
            self.open_unit(row.din, quiet=True)

    def _row_activated(self, index: QModelIndex) -> None:
        self._row_changed(index, None)

    def open_unit(self, text: str, *, quiet: bool = False) -> None:
        """Show the donation a DIN or unit number names, with every unit of it, and the start of its label check:
        one read for both, shown in one pass."""
        self._card_request += 1
        self._card_text = text
        request, now, checks = self._card_request, datetime.now(UTC), self._may_check()
        if not quiet:
            self.message.clear_message()

        def read(session: Any) -> tuple[DonationCard | None, LabelCheck | Exception | None]:
            card = stock_views.find_donation(session, text, now)
            if card is None or not card.units or not checks:
                return card, None
            try:  # the label check's first answer (nothing scanned yet), as the panel would read it
                return card, label_check.check_label(session, card.din, LabelScans())
            except DomainError as error:  # the panel shows it; the card still shows
                return card, error

        self.ctx.load(
            self,
            read,
            lambda answer: self._card_loaded(request, text, *answer),
            lambda error: self._card_failed(request, error),
        )

    def _card_loaded(
        self, request: int, text: str, card: DonationCard | None, check: LabelCheck | Exception | None = None
    ) -> None:
        if request != self._card_request:
            return
        self._show_label_check(card, check)
        if card is None:
            self._card_text = None  # nothing to show again when the page is next shown
            self.card.show_card(None)
            self.message.show_message(
                self.tr("No donation with the number {din} is recorded here.").format(din=text.strip()), "warn"
            )
        else:
            self.message.clear_message()
            self.card.show_card(card)
            if not card.units:
                self.message.show_message(self.tr("This donation has not been separated into components yet."), "warn")
        self._brought_up()
        self._load_list_if_waiting()

    def _card_failed(self, request: int, error: Exception) -> None:
        if request == self._card_request:
            self._card_text = None
            self.card.show_card(None)
            self._show_label_check(None)
            self.message.show_error(error)
            self._brought_up()
            self._load_list_if_waiting()

    def _load_list_if_waiting(self) -> None:
        if self._list_after_card:
            self._list_after_card = False
            self._load_list(with_locations=True)

    def _may_check(self) -> bool:
        return any(self.ctx.may(action) for action in label_check.CHECKERS)

    def _show_label_check(self, card: DonationCard | None, check: LabelCheck | Exception | None = None) -> None:
        """The label check shows under a donation with units, to staff who put units into stock or hand them out;
        ``check``: its first answer, read with the card (else the panel reads it)."""
        shown = card is not None and bool(card.units) and self._may_check()
        self.label_check.setVisible(shown)
        self.label_check.set_donation(card.din if shown and card is not None else None, check if shown else None)

    @property
    def shown_units(self) -> list[UnitView]:
        return list(self.card.model.rows)
