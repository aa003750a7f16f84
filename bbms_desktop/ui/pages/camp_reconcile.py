"""Back at the centre: the bags that arrive from a camp are scanned one by one against the donations recorded at it
(``camp_views.reconcile``); missing, extra and mismatched bags are listed as the scans come in. Closing the camp
records the reconciliation in the audit trail (``camps.close_after_reconciliation``); then the laptop syncs and the
camp's donations reach the laboratory's worklist."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.roles import Action
from bbms_desktop.services import camp_views, camps
from bbms_desktop.services.camp_views import BagLine, CampRow, Reconciliation
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.camp_flow import camp_header, list_view
from bbms_desktop.ui.pages.counter_widgets import din_text
from bbms_desktop.ui.pages.donor_widgets import heading, subheading
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, fill_combo, find_data, local_text

BAG_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda b: din_text(b.din)),  # as printed under the barcode
    Column(QT_TRANSLATE_NOOP("Columns", "Donor number"), lambda b: b.donor_number or "–"),
    Column(QT_TRANSLATE_NOOP("Columns", "Collected"), lambda b: local_text(b.collected_at) if b.collected_at else "–"),
)
VOIDED = QT_TRANSLATE_NOOP("Columns", "voided donation")
AT_CENTRE = QT_TRANSLATE_NOOP("Columns", "the centre itself")


def _where(bag: BagLine) -> object:
    return VOIDED if bag.voided else (bag.where or AT_CENTRE)


MISMATCH_COLUMNS = (*BAG_COLUMNS, Column(QT_TRANSLATE_NOOP("Columns", "Recorded at"), _where))


def _table(name: str, model: RowsModel) -> QTableView:
    table = list_view(name, model)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan box keeps the keyboard
    return table


class CampReconcilePage(Page):
    page_id = "camp_reconcile"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Camp bags")
    needs = frozenset({Action.MANAGE_CAMPS, Action.COLLECT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scans: list[str] = []
        self.result: Reconciliation | None = None
        self._generation = 0  # scans come faster than the comparisons: only the latest one is shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.heading = heading()
        top, self.camp_label, self.camp = camp_header(self.heading, "reconcile_camp")
        self.camp.currentIndexChanged.connect(self._camp_changed)
        layout.addLayout(top)
        self.message = MessageBar()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.scan_label = QLabel()
        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("reconcile_scan")
        self.scan_box.setProperty("acceptsScan", True)
        self.scan_box.setStyleSheet("font-size:13pt; padding:4px;")
        self.scan_box.returnPressed.connect(self._typed)
        self.scan_label.setBuddy(self.scan_box)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("reconcile_undo")
        self.undo_button.clicked.connect(self.undo_last)
        row.addWidget(self.scan_label)
        row.addWidget(self.scan_box, 1)
        row.addWidget(self.undo_button)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("reconcile_summary")
        self.summary.setStyleSheet("font-size:11pt; font-weight:600;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        grid = QGridLayout()
        self.missing_title, self.extra_title, self.mismatched_title = subheading(), subheading(), subheading()
        self.missing_model = RowsModel(BAG_COLUMNS, self)
        self.extra_model = RowsModel(BAG_COLUMNS[:1], self)
        self.mismatched_model = RowsModel(MISMATCH_COLUMNS, self)
        self.missing = _table("reconcile_missing", self.missing_model)
        self.extra = _table("reconcile_extra", self.extra_model)
        self.mismatched = _table("reconcile_mismatched", self.mismatched_model)
        grid.addWidget(self.missing_title, 0, 0)
        grid.addWidget(self.missing, 1, 0, 3, 1)
        grid.addWidget(self.extra_title, 0, 1)
        grid.addWidget(self.extra, 1, 1)
        grid.addWidget(self.mismatched_title, 2, 1)
        grid.addWidget(self.mismatched, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid, 1)
        buttons = QHBoxLayout()
        self.close_note = QLabel()
        self.close_note.setWordWrap(True)
        self.close_note.setStyleSheet("color:#607d8b;")
        buttons.addWidget(self.close_note, 1)
        self.close_button = QPushButton()
        self.close_button.setObjectName("reconcile_close")
        self.close_button.clicked.connect(self.close_camp)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.permit(self.close_button, Action.MANAGE_CAMPS)
        self.retranslate()

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Camp bags: reconciliation"))
        self.camp_label.setText(self.tr("&Camp"))
        self.scan_label.setText(self.tr("&Scan each bag"))
        self.scan_box.setPlaceholderText(self.tr("Scan the DIN of every bag that arrived from the camp"))
        self.undo_button.setText(self.tr("Undo last scan"))
        self.close_button.setText(self.tr("Record and close the camp"))
        self.close_note.setText(
            self.tr(
                "Closing records what arrived, what is missing and what does not belong in the audit trail; "
                "then sync this laptop so the camp's donations reach the laboratory."
            )
        )
        for model in (self.missing_model, self.extra_model, self.mismatched_model):
            model.retranslate()
        self._show()

    def activated(self) -> None:
        today = date.today()

        def loaded(rows: list[CampRow]) -> None:
            current = self.camp_id()
            wanted = [row for row in rows if not row.closed and row.starts_on <= today]
            self.camp.blockSignals(True)
            fill_combo(self.camp, [(f"{r.code} · {r.name}", r.id) for r in wanted], keep=False)
            if find_data(self.camp, current) >= 0:
                self.camp.setCurrentIndex(find_data(self.camp, current))
            self.camp.blockSignals(False)
            if current != self.camp_id():
                self._camp_changed()
            else:
                self.refresh()

        self.ctx.load(self, lambda session: camp_views.camps(session, today), loaded)
        self.scan_box.setFocus()

    def handle_scan(self, text: str) -> bool:
        self.add_scan(text)
        return True

    def clear_work(self) -> None:
        self.scans = []
        self.result = None
        self.scan_box.clear()
        self.message.clear_message()
        self._show()

    # --- scanning -----------------------------------------------------------------------------------------------

    def camp_id(self) -> uuid.UUID | None:
        data = self.camp.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def _camp_changed(self) -> None:
        self.scans = []
        self.message.clear_message()
        self.refresh()

    def _typed(self) -> None:
        text = self.scan_box.text()
        self.scan_box.clear()
        if text.strip():
            self.add_scan(text)

    def add_scan(self, text: str) -> None:
        din = camps.din_of_scan(text)
        if din is None:
            self.message.show_message(self.tr("'{text}' is not a bag's DIN: scan it again.").format(text=text), "error")
            return
        self.scans.append(text.strip())
        self.message.show_message(self.tr("Scanned {din}.").format(din=din), "ok")
        self.refresh()

    def undo_last(self) -> None:
        if self.scans:
            self.scans.pop()
            self.refresh()
        self.scan_box.setFocus()

    def refresh(self) -> None:
        camp_id, scans = self.camp_id(), list(self.scans)
        self._generation += 1
        generation = self._generation
        if camp_id is None:
            self.result = None
            self._show()
            return

        def loaded(result: Reconciliation) -> None:
            if generation == self._generation:
                self.result = result
                self._show()

        self.ctx.load(self, lambda session: camp_views.reconcile(session, camp_id, scans), loaded)

    def _show(self) -> None:
        result = self.result
        if result is None:
            self.summary.setText(self.tr("Choose the camp whose bags have arrived.") if not self.camp_id() else "")
            for model in (self.missing_model, self.extra_model, self.mismatched_model):
                model.set_rows([])
            self._titles(0, 0, 0)
            self.close_button.setEnabled(False)
            return
        self.missing_model.set_rows(list(result.missing))
        self.extra_model.set_rows(list(result.extra))
        self.mismatched_model.set_rows(list(result.mismatched))
        self._titles(len(result.missing), len(result.extra), len(result.mismatched))
        text = self.tr(
            "Collected {collected} · arrived {received} · missing {missing} · extra {extra} · mismatched {mismatched}"
        ).format(
            collected=len(result.collected),
            received=len(result.received),
            missing=len(result.missing),
            extra=len(result.extra),
            mismatched=len(result.mismatched),
        )
        if result.repeated:
            text += " · " + self.tr("scanned twice: {count}").format(count=len(result.repeated))
        if result.complete and result.collected:
            text = self.tr("All {count} bags arrived.").format(count=len(result.collected)) + " " + text
        colour = "#1b5e20" if result.complete and result.collected else "#8a1c1c"
        self.summary.setStyleSheet(f"font-size:11pt; font-weight:600; color:{colour};")
        self.summary.setText(text)
        self.close_button.setEnabled(bool(result.collected))

    def _titles(self, missing: int, extra: int, mismatched: int) -> None:
        self.missing_title.setText(self.tr("Missing: collected, not arrived ({count})").format(count=missing))
        self.extra_title.setText(self.tr("Extra: no donation on record ({count})").format(count=extra))
        self.mismatched_title.setText(self.tr("Mismatched: recorded elsewhere ({count})").format(count=mismatched))

    # --- closing ------------------------------------------------------------------------------------------------

    def close_camp(self) -> None:
        camp_id, scans = self.camp_id(), list(self.scans)
        if camp_id is None:
            return
        self.close_button.setEnabled(False)
        self.ctx.save(
            self,
            lambda uow: camps.close_after_reconciliation(uow, camp_id, scans),
            self._closed,
            self._failed,
            changed="camps",
        )

    def _closed(self, closed: camps.ClosedCamp) -> None:
        self.scans = []
        tone = "ok" if not (closed.missing or closed.extra or closed.mismatched) else "warn"
        self.message.show_message(
            self.tr(
                "Camp {code} closed: {received} of {collected} bags arrived, {missing} missing. Now sync this laptop."
            ).format(
                code=closed.code, received=closed.received, collected=closed.collected, missing=len(closed.missing)
            ),
            tone,
        )
        self.activated()

    def _failed(self, error: Exception) -> None:
        self.close_button.setEnabled(True)
        self.message.show_error(error)
