"""Discard page: take a unit out of use for good with a coded reason (scan the DIN, choose the component or every
unit of the donation still in the centre, choose the reason, add a note), and the list of recent discards.

``services.components.discard`` decides: an issued unit comes back as a return instead, "expired" is refused for a
unit that has not expired, "other" needs a note. The page shows its refusal as it is.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime

from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import LABELS, DiscardReason
from bbms_desktop.services import components, stock_views
from bbms_desktop.services.components import Discarded
from bbms_desktop.services.stock_views import DISCARD_REASON_LABELS, DonationCard
from bbms_desktop.services.uow import UnitOfWork
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page, is_unit_code
from bbms_desktop.ui.pages.inventory import (
    CHECK_STYLE,
    DANGER_STYLE,
    DIN_STYLE,
    TintedLazyRows,
    heading,
    lab_sentence,
    make_table,
    tinted,
)
from bbms_desktop.ui.tablemodel import Column
from bbms_desktop.ui.widgets import MessageBar, fill_combo, labelled_form, local_text, render, set_texts

DISCARD_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Discarded"), lambda r: local_text(r.discarded_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda r: r.eye_readable),
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda r: r.blood_group or "–"),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Reason"),
        lambda r: DISCARD_REASON_LABELS[r.reason],
        tone=lambda r: "danger" if r.reason == DiscardReason.TTI_REACTIVE else None,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda r: r.discarded_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Note"), lambda r: r.detail or ""),
]


class DiscardPage(Page):
    page_id = "discard"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Discard")
    needs = frozenset({Action.DISCARD})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.card: DonationCard | None = None
        self._request = 0
        layout = QVBoxLayout(self)
        self.heading = heading()
        layout.addWidget(self.heading)

        self.box = QGroupBox()
        box_layout = QVBoxLayout(self.box)
        din_row = QHBoxLayout()
        self.din_label, self.din, self.open_button = QLabel(), QLineEdit(), QPushButton()
        self.din.setProperty("acceptsScan", True)
        self.din.setClearButtonEnabled(True)
        self.din.setMaximumWidth(320)
        self.din_label.setBuddy(self.din)
        for widget in (self.din_label, self.din, self.open_button):
            din_row.addWidget(widget)
        din_row.addSpacing(16)
        self.card_din, self.card_check = QLabel(), QLabel()
        self.card_din.setStyleSheet(DIN_STYLE)
        self.card_check.setStyleSheet(CHECK_STYLE)
        din_row.addWidget(self.card_din)
        din_row.addWidget(self.card_check)
        din_row.addStretch()
        box_layout.addLayout(din_row)
        self.card_lab = QLabel()
        self.card_lab.setWordWrap(True)
        box_layout.addWidget(self.card_lab)

        self.unit = QComboBox()
        self.unit.setMinimumWidth(360)
        self.every_unit = QCheckBox()
        self.reason = QComboBox()
        self.reason.setMinimumWidth(360)
        self.detail = QLineEdit()
        self.detail.setMaxLength(components.DISCARD_DETAIL_MAX)
        self.form, self.form_labels = labelled_form([self.unit, self.every_unit, self.reason, self.detail])
        box_layout.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.discard_button = QPushButton()
        self.discard_button.setDefault(True)
        self.discard_button.setStyleSheet(
            "QPushButton{color:#8a1c1c; font-weight:600; padding:4px 16px;} QPushButton:disabled{color:#9e9e9e;}"
        )
        self.discard_button.clicked.connect(self.discard)
        buttons.addWidget(self.discard_button)
        box_layout.addLayout(buttons)
        layout.addWidget(self.box)
        self.message = MessageBar()
        layout.addWidget(self.message)

        self.recent_title = QLabel()
        self.recent_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.recent_title)
        self.recent = tinted(TintedLazyRows(DISCARD_COLUMNS, ctx.db, parent=self), 3)
        self.recent_table = make_table(self.recent)
        layout.addWidget(self.recent_table, 1)

        self.din.returnPressed.connect(self._din_entered)
        self.open_button.clicked.connect(self._din_entered)
        self.detail.returnPressed.connect(self.discard)
        self.every_unit.toggled.connect(lambda on: self.unit.setEnabled(not on and self.card is not None))
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.discard)
        self.permit(self.discard_button, Action.DISCARD)
        order = [self.din, self.open_button, self.unit, self.every_unit, self.reason, self.detail, self.discard_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._show_card(None)

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Discard"))
        self.box.setTitle(self.tr("Discard a unit"))
        self.din_label.setText(self.tr("&DIN"))
        self.din.setPlaceholderText(self.tr("Scan or type the DIN of the bag"))
        self.open_button.setText(self.tr("Open"))
        set_texts(
            self.form_labels,
            [self.tr("&Component"), self.tr("All units"), self.tr("&Reason"), self.tr("&Note")],
        )
        self.every_unit.setText(self.tr("Discard &every unit of this donation still in the centre"))
        fill_combo(
            self.reason,
            [(self.tr("– choose the reason –"), ""), *((render(m), r.value) for r, m in DISCARD_REASON_LABELS.items())],
        )
        self.detail.setPlaceholderText(self.tr("What was seen (needed for the reason “other”)"))
        self.discard_button.setText(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Ctrl+S"))
        self.recent_title.setText(self.tr("Recent discards"))
        self.recent.retranslate()
        self._show_card(self.card)

    def activated(self) -> None:
        self.recent.set_query(stock_views.recent_discards)
        if self.card is not None:
            self._load(self.card.din)

    def handle_scan(self, text: str) -> bool:
        if not is_unit_code(self.ctx, text):
            return False
        self.din.setText(text.strip())
        self.message.clear_message()
        self._load(text)
        return True

    def clear_work(self) -> None:
        self.din.clear()
        self.detail.clear()
        self.reason.setCurrentIndex(0)
        self.message.clear_message()
        self._show_card(None)

    # --- picking ------------------------------------------------------------------------------------------------

    def _din_entered(self) -> None:
        if self.din.text().strip():
            self.message.clear_message()
            self._load(self.din.text())

    def _load(self, text: str) -> None:
        self._request += 1
        request, now = self._request, datetime.now(UTC)
        self.ctx.load(
            self,
            lambda session: stock_views.find_donation(session, text, now),
            lambda card: self._loaded(request, text, card),
            lambda error: self._failed(request, error),
        )

    def _loaded(self, request: int, text: str, card: DonationCard | None) -> None:
        if request != self._request:
            return
        if card is None:
            self._show_card(None)
            self.message.show_message(
                self.tr("No donation with the number {din} is recorded here.").format(din=text.strip()), "warn"
            )
            return
        fresh = self.card is None or self.card.donation_id != card.donation_id
        if fresh:
            self.din.setText(card.eye_readable)
        self._show_card(card)
        if fresh:
            # a reactive donation: every unit of it must go
            self.every_unit.setChecked(bool(card.lab.unsafe_markers) and len(self._discardable()) > 1)
            (self.reason if self.every_unit.isChecked() else self.unit).setFocus()
        if not card.units:
            self.message.show_message(self.tr("This donation has not been separated into components."), "warn")

    def _failed(self, request: int, error: Exception) -> None:
        if request == self._request:
            self._show_card(None)
            self.message.show_error(error)

    def _show_card(self, card: DonationCard | None) -> None:
        previous = self.unit.currentData()
        self.card = card
        for widget in (self.unit, self.every_unit, self.reason, self.detail, self.discard_button):
            widget.setEnabled(card is not None)
        if card is None:
            self.card_din.clear()
            self.card_check.hide()
            self.card_lab.setText(self.tr("Scan the DIN of the bag to discard."))
            self.card_lab.setStyleSheet("color: #555;")
            self.unit.clear()
            self.every_unit.setChecked(False)
            return
        self.card_din.setText(card.eye_readable)
        self.card_check.setText(card.check)
        self.card_check.setVisible(bool(card.check))
        self.card_lab.setText(lab_sentence(card))
        self.card_lab.setStyleSheet(DANGER_STYLE if card.lab.unsafe_markers else "")
        items = []
        for unit in card.units:
            text = f"{render(unit.name)} · {render(LABELS[unit.status])}"
            if unit.blood_group:
                text += f" · {unit.blood_group}"
            items.append((text, unit.id))
        fill_combo(self.unit, items, keep=False)
        model = self.unit.model()
        first = -1
        for index, unit in enumerate(card.units):
            if isinstance(model, QStandardItemModel):
                model.item(index).setEnabled(unit.discardable)
            if unit.discardable and (first < 0 or unit.id == previous):
                first = index
        self.unit.setCurrentIndex(first)
        self.unit.setPlaceholderText(
            self.tr("No unit of this donation is left to discard") if card.units else self.tr("No units")
        )
        self.unit.setEnabled(not self.every_unit.isChecked())
        self.every_unit.setEnabled(len(self._discardable()) > 0)
        self.discard_button.setEnabled(bool(self._discardable()))

    def _discardable(self) -> list[uuid.UUID]:
        return [u.id for u in self.card.units if u.discardable] if self.card else []

    # --- saving -------------------------------------------------------------------------------------------------

    def discard(self) -> None:
        if self.card is None:
            self.message.show_message(self.tr("Scan the DIN of the bag first."), "warn")
            self.din.setFocus()
            return
        if not self.ctx.may(Action.DISCARD):
            return
        targets = self._discardable() if self.every_unit.isChecked() else [self.unit.currentData()]
        if not targets or targets == [None]:
            self.message.show_message(self.tr("No unit of this donation can be discarded here."), "warn")
            return
        reason, detail = self.reason.currentData() or "", self.detail.text() or None

        def use_case(uow: UnitOfWork) -> list[Discarded]:
            return [components.discard(uow, unit_id, reason, detail) for unit_id in targets]

        self.discard_button.setEnabled(False)
        self.ctx.save(self, use_case, self._discarded, self._save_failed, changed="components")

    def _discarded(self, done: list[Discarded]) -> None:
        self.discard_button.setEnabled(True)
        names = ", ".join(render(catalogue.component(d.code).name) for d in done)
        din = stock_views.eye_readable(done[0].din) if done else ""
        reason = render(DISCARD_REASON_LABELS[done[0].reason]) if done else ""
        self.message.show_message(
            self.tr("{din}: discarded {names} ({reason}).").format(din=din, names=names, reason=reason), "ok"
        )
        self.detail.clear()
        self.reason.setCurrentIndex(0)
        self.every_unit.setChecked(False)
        if self.card is not None:
            self._load(self.card.din)
        self.din.setFocus()
        self.din.selectAll()

    def _save_failed(self, error: Exception) -> None:
        self.discard_button.setEnabled(True)
        self.message.show_error(error)
        if isinstance(error, DomainError) and error.field == "detail":
            self.detail.setFocus()
        elif isinstance(error, DomainError) and error.field == "reason":
            self.reason.setFocus()
