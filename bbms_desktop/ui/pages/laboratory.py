"""Laboratory page: the worklist of untested donations, result entry (grouping, antibody screen, the five TTI
markers with kit and lot), and verification by a second technician with its consequences shown in full.

Every decision is ``services.lab``'s: the page shows the grouping the rule interprets as the technician types, warns
what a reactive result will set in motion, and after verification shows what did happen (units released or made
unsafe, donor deferred, issued units for look-back). The same technician verifying is refused by the service, and
the page shows that refusal as it is.
"""

from __future__ import annotations

import html
import itertools
import uuid
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import grouping
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import LABELS, TTI_MARKERS, Agglutination, TtiResult
from bbms_desktop.services import lab, lab_views, stock_views
from bbms_desktop.services.components import UNSAFE_RESULTS
from bbms_desktop.services.lab import MarkerResult, RecordedResults, ResultForm, Verification
from bbms_desktop.services.lab_views import LabCard, PendingRow, ResultSetView, WorklistRow
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page, is_unit_code
from bbms_desktop.ui.pages.inventory import CHECK_STYLE, DIN_STYLE, heading, make_table
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, fill_combo, local_text, render

REACTIVE_STYLE = "QComboBox{background:#fdecea; color:#8a1c1c; font-weight:600;}"
DANGER_BOX = (
    "background:#fdecea; color:#8a1c1c; border:2px solid #e57373; padding:8px; border-radius:4px; font-weight:600;"
)
OK_BOX = "background:#e8f5e9; color:#1b5e20; border:1px solid #b7dfb9; padding:8px; border-radius:4px;"
WARN_BOX = "background:#fff8e1; color:#7a4f01; border:1px solid #ffe08a; padding:8px; border-radius:4px;"
REAGENTS = (*lab_views.FORWARD_REAGENTS, *lab_views.REVERSE_REAGENTS)

WORKLIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda r: r.eye_readable, whole=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Collected"), lambda r: local_text(r.collected_at)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Stage"),
        lambda r: lab_views.STATE_LABELS[r.state],
        tone=lambda r: "warn" if r.state == lab.WAITING_FOR_VERIFICATION else None,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Entered by"), lambda r: r.entered_by),
]
PENDING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda r: r.eye_readable),
    Column(QT_TRANSLATE_NOOP("Columns", "Entered by"), lambda r: r.entered_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Entered"), lambda r: local_text(r.entered_at)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Kind"),
        lambda r: CORRECTION if r.is_correction else FIRST_ENTRY,
        tone=lambda r: "warn" if r.is_correction else None,
    ),
]
CORRECTION = QT_TRANSLATE_NOOP("Laboratory", "Correction")
FIRST_ENTRY = QT_TRANSLATE_NOOP("Laboratory", "First entry")


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


class LaboratoryPage(Page):
    page_id = "laboratory"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Laboratory")
    needs = frozenset({Action.ENTER_LAB_RESULTS, Action.VERIFY_LAB_RESULTS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.card: LabCard | None = None
        self.reviewing: ResultSetView | None = None
        self._pick_request = 0
        self._review_request = 0
        outer = QVBoxLayout(self)
        self.heading = heading()
        outer.addWidget(self.heading)

        pick = QHBoxLayout()
        self.din_label = QLabel()
        self.din = QLineEdit()
        self.din.setProperty("acceptsScan", True)
        self.din.setClearButtonEnabled(True)
        self.din.setMaximumWidth(320)
        self.din_label.setBuddy(self.din)
        self.open_button = QPushButton()
        pick.addWidget(self.din_label)
        pick.addWidget(self.din)
        pick.addWidget(self.open_button)
        pick.addStretch()
        outer.addLayout(pick)
        self.message = MessageBar()
        outer.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.worklist_title = QLabel()
        self.worklist_title.setStyleSheet("font-weight: 600;")
        left_layout.addWidget(self.worklist_title)
        self.worklist = RowsModel(WORKLIST_COLUMNS, self)
        self.worklist_table = make_table(self.worklist, wrap_last=True)  # fitted to the pane, in Hindi too
        self.worklist_table.activated.connect(self._worklist_activated)
        self.worklist_table.selectionModel().currentRowChanged.connect(self._worklist_activated)
        left_layout.addWidget(self.worklist_table)
        splitter.addWidget(left)

        self.tabs = QTabWidget()
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 600])

        self._build_entry()
        self._build_verification()

        self.din.returnPressed.connect(self._din_entered)
        self.open_button.clicked.connect(self._din_entered)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self._save_shortcut)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._save_shortcut)
        self.permit(self.save_button, Action.ENTER_LAB_RESULTS)
        self.permit(self.verify_button, Action.VERIFY_LAB_RESULTS)
        self._show_card(None)
        self._show_review(None)

    # --- building -----------------------------------------------------------------------------------------------

    def _build_entry(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        header = QHBoxLayout()
        self.entry_din = QLabel()
        self.entry_din.setStyleSheet(DIN_STYLE)
        self.entry_check = QLabel()
        self.entry_check.setStyleSheet(CHECK_STYLE)
        header.addWidget(self.entry_din)
        header.addWidget(self.entry_check)
        header.addSpacing(12)
        self.entry_about = QLabel()
        self.entry_about.setWordWrap(True)
        header.addWidget(self.entry_about, 1)
        layout.addLayout(header)
        self.entry_state = QLabel()
        self.entry_state.setWordWrap(True)
        layout.addWidget(self.entry_state)

        self.grouping_box = QGroupBox()
        grid = QGridLayout(self.grouping_box)
        self.forward_label, self.reverse_label = QLabel(), QLabel()
        self.reagent_labels: dict[str, QLabel] = {}
        self.reactions: dict[str, QComboBox] = {}
        for row, (side, reagents) in enumerate(
            ((self.forward_label, lab_views.FORWARD_REAGENTS), (self.reverse_label, lab_views.REVERSE_REAGENTS))
        ):
            grid.addWidget(side, row * 2 + 1, 0)
            for column, (name, _msg) in enumerate(reagents, start=1):
                label, combo = QLabel(), QComboBox()
                combo.setObjectName(f"reaction_{name}")
                label.setBuddy(combo)
                combo.currentIndexChanged.connect(self._entry_changed)
                grid.addWidget(label, row * 2, column)
                grid.addWidget(combo, row * 2 + 1, column)
                self.reagent_labels[name], self.reactions[name] = label, combo
        self.interpretation = QLabel()
        self.interpretation.setWordWrap(True)
        self.interpretation.setObjectName("interpretation")
        grid.addWidget(self.interpretation, 4, 0, 1, 5)
        layout.addWidget(self.grouping_box)

        screen_row = QHBoxLayout()
        self.antibody = QComboBox()
        self.antibody.setMinimumWidth(160)
        self.antibody_label = QLabel()
        self.antibody_label.setBuddy(self.antibody)
        screen_row.addWidget(self.antibody_label)
        screen_row.addWidget(self.antibody)
        screen_row.addStretch()
        layout.addLayout(screen_row)

        self.tti_box = QGroupBox()
        tti = QGridLayout(self.tti_box)
        self.tti_headers = [QLabel() for _ in range(3)]
        for column, label in enumerate(self.tti_headers, start=1):
            label.setStyleSheet("font-weight: 600;")
            tti.addWidget(label, 0, column)
        self.marker_labels: dict[str, QLabel] = {}
        self.markers: dict[str, tuple[QComboBox, QLineEdit, QLineEdit]] = {}
        for row, marker in enumerate(TTI_MARKERS, start=1):
            label, result, kit, lot = QLabel(), QComboBox(), QLineEdit(), QLineEdit()
            result.setObjectName(f"tti_{marker}")
            kit.setObjectName(f"kit_{marker}")
            lot.setObjectName(f"lot_{marker}")
            label.setBuddy(result)
            result.currentIndexChanged.connect(self._entry_changed)
            tti.addWidget(label, row, 0)
            tti.addWidget(result, row, 1)
            tti.addWidget(kit, row, 2)
            tti.addWidget(lot, row, 3)
            tti.setColumnStretch(2, 2)
            tti.setColumnStretch(3, 1)
            self.marker_labels[marker], self.markers[marker] = label, (result, kit, lot)
        layout.addWidget(self.tti_box)

        self.reactive_warning = QLabel()
        self.reactive_warning.setWordWrap(True)
        self.reactive_warning.setObjectName("reactive_warning")
        self.reactive_warning.setStyleSheet(DANGER_BOX)
        layout.addWidget(self.reactive_warning)

        self.notes, self.correction = QLineEdit(), QLineEdit()
        self.notes.setMaxLength(lab.NOTES_MAX)
        self.correction.setMaxLength(lab.REASON_MAX)
        notes_form = QFormLayout()
        self.notes_label, self.correction_label = QLabel(), QLabel()
        self.notes_label.setBuddy(self.notes)
        self.correction_label.setBuddy(self.correction)
        notes_form.addRow(self.notes_label, self.notes)
        notes_form.addRow(self.correction_label, self.correction)
        layout.addLayout(notes_form)
        self.notes.returnPressed.connect(self.save_results)
        self.correction.returnPressed.connect(self.save_results)

        buttons = QHBoxLayout()
        buttons.addStretch()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save_results)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch()
        scroll.setWidget(body)
        self.entry_tab = scroll
        self.entry_body = body
        self.tabs.addTab(scroll, "")

        order = [
            *self.reactions.values(),
            self.antibody,
            *(w for marker in TTI_MARKERS for w in self.markers[marker]),
            self.notes,
            self.correction,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_verification(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.pending_title = QLabel()
        self.pending_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.pending_title)
        self.pending = RowsModel(PENDING_COLUMNS, self)
        self.pending_table = make_table(self.pending)
        self.pending_table.setMaximumHeight(180)
        self.pending_table.selectionModel().currentRowChanged.connect(self._pending_changed)
        layout.addWidget(self.pending_table)
        self.review = QLabel()
        self.review.setObjectName("review")
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.review.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        review_scroll = QScrollArea()
        review_scroll.setWidgetResizable(True)
        review_scroll.setWidget(self.review)
        layout.addWidget(review_scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify_selected)
        buttons.addWidget(self.verify_button)
        layout.addLayout(buttons)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        layout.addWidget(self.outcome)
        self.verify_tab = tab
        self.tabs.addTab(tab, "")

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Laboratory"))
        self.din_label.setText(self.tr("&DIN"))
        self.din.setPlaceholderText(self.tr("Scan or type the DIN of the sample"))
        self.open_button.setText(self.tr("Open"))
        self.tabs.setTabText(0, self.tr("&Enter results"))
        self._show_counts()
        self.grouping_box.setTitle(self.tr("ABO and RhD grouping"))
        self.forward_label.setText(self.tr("Forward (cells)"))
        self.reverse_label.setText(self.tr("Reverse (plasma)"))
        for name, msg in REAGENTS:
            self.reagent_labels[name].setText(render(msg))
        blank = self.tr("– choose –")
        for combo in self.reactions.values():
            fill_combo(combo, [(blank, ""), *((render(m), a.value) for a, m in lab_views.AGGLUTINATION_LABELS.items())])
        self.antibody_label.setText(self.tr("&Antibody screen"))
        fill_combo(
            self.antibody, [(blank, ""), *((render(m), s.value) for s, m in lab_views.ANTIBODY_SCREEN_LABELS.items())]
        )
        self.tti_box.setTitle(self.tr("Transfusion-transmitted infections"))
        for label, text in zip(self.tti_headers, (self.tr("Result"), self.tr("Kit"), self.tr("Lot")), strict=True):
            label.setText(text)
        for marker in TTI_MARKERS:
            self.marker_labels[marker].setText(render(LABELS[marker]))
            result, kit, lot = self.markers[marker]
            fill_combo(result, [(blank, ""), *((render(LABELS[r]), r.value) for r in TtiResult)])
            kit.setPlaceholderText(self.tr("Kit name"))
            lot.setPlaceholderText(self.tr("Lot number"))
        self.notes_label.setText(self.tr("&Notes"))
        self.correction_label.setText(self.tr("&Correction reason"))
        self.correction.setPlaceholderText(self.tr("Why these results replace the ones entered before"))
        self.save_button.setText(self.tr("&Save results"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.pending_title.setText(self.tr("Results waiting for a second technician"))
        self.verify_button.setText(self.tr("Verify &these results"))
        self.worklist.retranslate()
        self.pending.retranslate()
        self._show_card(self.card)
        self._show_review(self.reviewing)

    def activated(self) -> None:
        self.reload_lists()
        if self.card is not None:
            self._load_card(self.card.donation_id)

    def handle_scan(self, text: str) -> bool:
        """A scanned DIN picks that donation, for entry or, when it waits for a second technician, verification."""
        if not is_unit_code(self.ctx, text):
            return False
        self.din.setText(text.strip())
        self.pick(text)
        return True

    def clear_work(self) -> None:
        self.din.clear()
        self.message.clear_message()
        self._clear_entry(keep_kits=False)
        self._show_card(None)
        self._show_review(None)
        self.outcome.hide()

    # --- lists --------------------------------------------------------------------------------------------------

    def reload_lists(self) -> None:
        if self.ctx.actor is None:
            return
        self.ctx.load(self, lab_views.worklist, self._worklist_loaded)
        self.ctx.load(self, lab_views.pending_verification, self._pending_loaded)

    def _worklist_loaded(self, rows: list[WorklistRow]) -> None:
        self.worklist.set_rows(rows)
        self._show_counts()

    def _show_counts(self) -> None:
        self.worklist_title.setText(
            self.tr("Worklist: {count} donations without verified results").format(
                count=f"{self.worklist.rowCount():,}"
            )
        )
        self.tabs.setTabText(1, self.tr("&Verify results ({count})").format(count=self.pending.rowCount()))

    def _pending_loaded(self, rows: list[PendingRow]) -> None:
        selected = self.reviewing.result_set_id if self.reviewing else None
        self.pending.set_rows(rows)
        self._show_counts()
        ids = [r.result_set_id for r in rows]
        if selected in ids:
            self.pending_table.selectRow(ids.index(selected))
        elif self.reviewing is not None:
            self._show_review(None)

    def _worklist_activated(self, index: QModelIndex | QPersistentModelIndex, _previous: object = None) -> None:
        if not index.isValid():
            return
        row: WorklistRow = self.worklist.row(index.row())
        self.din.setText(row.eye_readable)
        self._load_card(row.donation_id)

    # --- picking a donation -------------------------------------------------------------------------------------

    def _din_entered(self) -> None:
        if self.din.text().strip():
            self.pick(self.din.text())

    def pick(self, text: str) -> None:
        """Open the donation a scanned or typed DIN names."""
        self._pick_request += 1
        request = self._pick_request
        self.message.clear_message()
        self.ctx.load(
            self,
            lambda session: lab_views.find_donation(session, text),
            lambda card: self._picked(request, text, card),
            lambda error: self._pick_failed(request, error),
        )

    def _load_card(self, donation_id: uuid.UUID) -> None:
        self._pick_request += 1
        request = self._pick_request
        self.message.clear_message()
        self.ctx.load(
            self,
            lambda session: lab_views.lab_card(session, donation_id),
            lambda card: self._picked(request, "", card),
            lambda error: self._pick_failed(request, error),
        )

    def _picked(self, request: int, text: str, card: LabCard | None) -> None:
        if request != self._pick_request:
            return
        if card is None:
            self.message.show_message(
                self.tr("No donation with the number {din} is recorded here.").format(din=text.strip()), "warn"
            )
            return
        actor = self.ctx.actor
        mine = actor is not None and card.current is not None and card.current.entered_by_id == actor.user_id
        if card.state == lab.WAITING_FOR_VERIFICATION and not mine and self.ctx.may(Action.VERIFY_LAB_RESULTS):
            self.tabs.setCurrentWidget(self.verify_tab)
            self._select_pending(card.current.result_set_id if card.current else None)
            return
        if self.card is None or self.card.donation_id != card.donation_id:
            self._clear_entry(keep_kits=True)
        self._show_card(card)
        self.tabs.setCurrentWidget(self.entry_tab)
        first = next(iter(self.reactions.values()))
        first.setFocus()

    def _pick_failed(self, request: int, error: Exception) -> None:
        if request == self._pick_request:
            self.message.show_error(error)

    def _select_pending(self, result_set_id: uuid.UUID | None) -> None:
        ids = [r.result_set_id for r in self.pending.rows]
        if result_set_id in ids:
            self.pending_table.selectRow(ids.index(result_set_id))
            self.pending_table.setFocus()
        elif result_set_id is not None:
            self._review(result_set_id)

    # --- entry --------------------------------------------------------------------------------------------------

    def _show_card(self, card: LabCard | None) -> None:
        self.card = card
        enabled = card is not None
        for widget in (self.grouping_box, self.tti_box, self.antibody, self.notes, self.save_button):
            widget.setEnabled(enabled)
        if card is None:
            self.entry_din.setText(self.tr("No donation open"))
            self.entry_check.hide()
            self.entry_about.setText(self.tr("Scan a sample's DIN, or pick a donation from the worklist."))
            self.entry_state.clear()
            self.correction.hide()
            self.correction_label.hide()
            self._entry_changed()
            return
        self.entry_din.setText(card.eye_readable)
        self.entry_check.setText(card.check)
        self.entry_check.setVisible(bool(card.check))
        self.entry_about.setText(
            self.tr("Collected {when} · donor {donor} · earlier group: {group}").format(
                when=local_text(card.collected_at),
                donor=card.donor_number,
                group=card.donor_group or self.tr("none (first grouping)"),
            )
        )
        correcting = card.current is not None
        self.correction.setVisible(correcting)
        self.correction_label.setVisible(correcting)
        if card.voided:
            self.entry_state.setText(self.tr("This donation was voided."))
            self.entry_state.setStyleSheet(WARN_BOX)
        elif card.current is None:
            self.entry_state.setText(self.tr("No results yet: enter them from the worksheet."))
            self.entry_state.setStyleSheet("")
        else:
            current = card.current
            if current.verified_by:
                text = self.tr(
                    "Results entered by {who} on {when} and verified by {verifier}. Saving here corrects them: "
                    "say why below."
                ).format(who=current.entered_by, when=local_text(current.entered_at), verifier=current.verified_by)
            else:
                text = self.tr(
                    "Results entered by {who} on {when} wait for a second technician. Saving here corrects them: "
                    "say why below."
                ).format(who=current.entered_by, when=local_text(current.entered_at))
            self.entry_state.setText(text)
            self.entry_state.setStyleSheet(WARN_BOX)
        self._entry_changed()

    def _clear_entry(self, *, keep_kits: bool) -> None:
        for combo in (*self.reactions.values(), self.antibody):
            combo.setCurrentIndex(0)
        for result, kit, lot in self.markers.values():
            result.setCurrentIndex(0)
            if not keep_kits:
                kit.clear()
                lot.clear()
        self.notes.clear()
        self.correction.clear()
        self._entry_changed()

    def _entry_changed(self, *_args: object) -> None:
        """Show the grouping the rule interprets, and what a reactive result will do, as the technician types."""
        readings = {name: combo.currentData() for name, combo in self.reactions.items()}
        if self.card is None or not all(readings.values()):
            self.interpretation.setText(self.tr("Group: enter all seven readings to see the interpretation."))
            self.interpretation.setStyleSheet("color: #555;")
        else:
            result = grouping.interpret(
                grouping.Forward(*(Agglutination(readings[n]) for n, _ in lab_views.FORWARD_REAGENTS)),
                grouping.Reverse(*(Agglutination(readings[n]) for n, _ in lab_views.REVERSE_REAGENTS)),
                self.card.donor_group,
            )
            if result.group is not None:
                self.interpretation.setText(self.tr("Group: {group}").format(group=result.group))
                self.interpretation.setStyleSheet("color: #1b5e20; font-weight: 600; font-size: 12pt;")
            else:
                reasons = "\n".join("• " + render(d) for d in result.discrepancies)
                self.interpretation.setText(self.tr("No group: {reasons}").format(reasons="\n" + reasons))
                self.interpretation.setStyleSheet("color: #8a5a00; font-weight: 600;")
        unsafe = []
        for marker in TTI_MARKERS:
            combo = self.markers[marker][0]
            bad = combo.currentData() in UNSAFE_RESULTS
            combo.setStyleSheet(REACTIVE_STYLE if bad else "")
            if bad:
                result = render(LABELS[TtiResult(combo.currentData())]).lower()
                unsafe.append(self.tr("{marker} {result}").format(marker=render(LABELS[marker]), result=result))
        if unsafe:
            self.reactive_warning.setText(
                self.tr(
                    "{markers}. Once a second technician verifies, every unit of this donation becomes unsafe and "
                    "must be discarded, the donor is deferred, and any unit already issued is listed for look-back."
                ).format(markers="; ".join(unsafe))
            )
            self.reactive_warning.show()
        else:
            self.reactive_warning.hide()

    def result_form(self) -> ResultForm:
        """The form as typed; blanks go to the service as they are, and it says what is missing."""
        markers = {}
        for marker in TTI_MARKERS:
            result, kit, lot = self.markers[marker]
            markers[marker] = MarkerResult(result.currentData() or "", kit.text() or None, lot.text() or None)
        correcting = self.card is not None and self.card.current is not None
        return ResultForm(
            **{name: combo.currentData() or "" for name, combo in self.reactions.items()},
            antibody_screen=self.antibody.currentData() or "",
            **markers,
            notes=self.notes.text() or None,
            correction_reason=(self.correction.text() or None) if correcting else None,
        )

    def _save_shortcut(self) -> None:
        if self.tabs.currentWidget() is self.entry_tab and self.ctx.may(Action.ENTER_LAB_RESULTS):
            self.save_results()
        elif self.tabs.currentWidget() is self.verify_tab and self.ctx.may(Action.VERIFY_LAB_RESULTS):
            self.verify_selected()

    def save_results(self) -> None:
        if self.card is None:
            self.message.show_message(self.tr("Scan or pick a donation first."), "warn")
            self.din.setFocus()
            return
        donation_id, form = self.card.donation_id, self.result_form()
        unsafe = tuple(m for m in TTI_MARKERS if getattr(form, m).result in UNSAFE_RESULTS)
        self.save_button.setEnabled(False)
        self.ctx.save(
            self,
            lambda uow: lab.record_results(uow, donation_id, form),
            lambda recorded: self._saved(recorded, unsafe),
            self._save_failed,
            changed="lab",
        )

    def _saved(self, recorded: RecordedResults, unsafe: tuple[str, ...] = ()) -> None:
        self.save_button.setEnabled(True)
        din = stock_views.eye_readable(recorded.din)
        if recorded.interpreted_group:
            text = self.tr("Results of {din} saved: group {group}. A second technician must verify them.").format(
                din=din, group=recorded.interpreted_group
            )
        else:
            text = self.tr("Results of {din} saved without a group: {reasons}. A second technician must verify them.")
            text = text.format(din=din, reasons="; ".join(render(d) for d in recorded.discrepancies))
        if recorded.not_done:
            text += " " + self.tr("Not done: {markers}; the units stay in quarantine until a correction records them.")
            text = text.format(markers=", ".join(render(LABELS[m]) for m in recorded.not_done))
        if recorded.held_back:
            text += " " + self.tr("{count} released units went back to quarantine until the correction is verified.")
            text = text.format(count=len(recorded.held_back))
        if unsafe:
            text += " " + self.tr(
                "Reactive or indeterminate: {markers}. When verified, every unit of this donation becomes unsafe."
            ).format(markers=", ".join(render(LABELS[m]) for m in unsafe))
        clean = recorded.interpreted_group and not (recorded.not_done or recorded.held_back or unsafe)
        self.message.show_message(text, "ok" if clean else "warn")
        self._clear_entry(keep_kits=True)
        self._show_card(None)
        self.din.clear()
        self.din.setFocus()

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error)
        field = getattr(error, "field", None)
        widget = self._field_widget(field)
        if widget is not None:
            widget.setFocus()

    def _field_widget(self, field: str | None) -> QWidget | None:
        if not field:
            return None
        if field in self.reactions:
            return self.reactions[field]
        if field == "antibody_screen":
            return self.antibody
        if field == "notes":
            return self.notes
        if field == "correction_reason":
            return self.correction
        marker, _, part = field.partition("_")
        if marker in self.markers:
            result, kit, lot = self.markers[marker]
            return {"kit": kit, "lot": lot}.get(part, result)
        return None

    # --- verification -------------------------------------------------------------------------------------------

    def _pending_changed(self, current: QModelIndex | QPersistentModelIndex, _previous: object) -> None:
        if current.isValid():
            self._review(self.pending.row(current.row()).result_set_id)

    def _review(self, result_set_id: uuid.UUID) -> None:
        self._review_request += 1
        request = self._review_request
        self.ctx.load(
            self,
            lambda session: lab_views.result_set(session, result_set_id),
            lambda view: self._reviewed(request, view),
        )

    def _reviewed(self, request: int, view: ResultSetView) -> None:
        if request == self._review_request:
            self.outcome.hide()
            self._show_review(view)

    def _show_review(self, view: ResultSetView | None) -> None:
        self.reviewing = view
        self.verify_button.setEnabled(view is not None and view.verified_by is None)
        if view is None:
            self.review.setText(
                "<p style='color:#555'>"
                + _e(self.tr("Pick a result set above to check it against the worksheet, then verify it."))
                + "</p>"
            )
            return
        self.review.setText(self._review_html(view))

    def _review_html(self, view: ResultSetView) -> str:
        readings = dict(view.reactions)
        parts = [
            f"<p style='font-size:14pt; font-weight:600; font-family:monospace'>{_e(view.eye_readable)}</p>",
            "<p>"
            + _e(self.tr("Entered by {who} on {when}").format(who=view.entered_by, when=local_text(view.entered_at)))
            + "</p>",
        ]
        if view.correction_reason:
            parts.append(
                "<p style='color:#8a5a00'>"
                + _e(self.tr("Correction: {reason}").format(reason=view.correction_reason))
                + "</p>"
            )
        cells = []
        for heading_text, reagents in (
            (self.tr("Forward"), lab_views.FORWARD_REAGENTS),
            (self.tr("Reverse"), lab_views.REVERSE_REAGENTS),
        ):
            row = "".join(
                f"<td style='padding:2px 8px'><b>{_e(render(msg))}</b>: "
                f"{_e(render(lab_views.AGGLUTINATION_LABELS[readings[name]]))}</td>"
                for name, msg in reagents
            )
            cells.append(f"<tr><td style='padding:2px 8px'><i>{_e(heading_text)}</i></td>{row}</tr>")
        parts.append("<table>" + "".join(cells) + "</table>")
        if view.interpreted_group:
            parts.append(
                "<p style='color:#1b5e20; font-size:12pt; font-weight:600'>"
                + _e(self.tr("Group: {group}").format(group=view.interpreted_group))
                + "</p>"
            )
        else:
            reasons = "".join(f"<li>{_e(render(d))}</li>" for d in view.discrepancies)
            parts.append(
                "<p style='color:#8a5a00; font-weight:600'>"
                + _e(self.tr("No group: the units stay in quarantine."))
                + f"</p><ul>{reasons}</ul>"
            )
        parts.append(
            "<p>"
            + _e(
                self.tr("Antibody screen: {result}").format(
                    result=render(lab_views.ANTIBODY_SCREEN_LABELS[view.antibody_screen])
                )
            )
            + "</p>"
        )
        rows = []
        for m in view.markers:
            style = " style='color:#b71c1c; font-weight:700'" if m.unsafe else ""
            rows.append(
                f"<tr{style}><td style='padding:2px 8px'>{_e(render(LABELS[m.marker]))}</td>"
                f"<td style='padding:2px 8px'>{_e(render(LABELS[m.result]))}</td>"
                f"<td style='padding:2px 8px'>{_e(m.kit or '')}</td>"
                f"<td style='padding:2px 8px'>{_e(m.lot or '')}</td></tr>"
            )
        head = "".join(
            f"<th align='left' style='padding:2px 8px'>{_e(t)}</th>"
            for t in (self.tr("Marker"), self.tr("Result"), self.tr("Kit"), self.tr("Lot"))
        )
        parts.append(f"<table><tr>{head}</tr>{''.join(rows)}</table>")
        if view.unsafe_markers:
            markers = ", ".join(render(LABELS[m]) for m in view.unsafe_markers)
            parts.append(
                f"<p style='{DANGER_BOX}'>"
                + _e(
                    self.tr(
                        "Reactive or indeterminate: {markers}. Verifying makes every unit of this donation unsafe, "
                        "defers the donor and lists issued units for look-back."
                    ).format(markers=markers)
                )
                + "</p>"
            )
        if view.notes:
            parts.append("<p>" + _e(self.tr("Notes: {notes}").format(notes=view.notes)) + "</p>")
        if view.verified_by:
            parts.append(
                "<p style='color:#1b5e20'>"
                + _e(
                    self.tr("Verified by {who} on {when}.").format(
                        who=view.verified_by, when=local_text(view.verified_at)
                    )
                )
                + "</p>"
            )
        return "".join(parts)

    def verify_selected(self) -> None:
        view = self.reviewing
        if view is None:
            self.message.show_message(self.tr("Pick the results to verify first."), "warn")
            return
        result_set_id = view.result_set_id
        self.verify_button.setEnabled(False)
        self.message.clear_message()
        self.ctx.save(
            self, lambda uow: lab.verify(uow, result_set_id), self._verified, self._verify_failed, changed="lab"
        )

    def _verify_failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(self.reviewing is not None)
        self.message.show_error(error)

    def _verified(self, outcome: Verification) -> None:
        self._show_review(None)
        self.outcome.setText(self._outcome_html(outcome))
        self.outcome.setStyleSheet(DANGER_BOX if outcome.unsafe_markers or outcome.look_back else OK_BOX)
        self.outcome.show()
        din = stock_views.eye_readable(outcome.din)
        if outcome.unsafe_markers:
            self.message.show_message(
                self.tr("{din} verified: reactive. Its units are unsafe and the donor is deferred.").format(din=din),
                "error",
            )
        else:
            self.message.show_message(self.tr("{din} verified.").format(din=din), "ok")

    def _outcome_html(self, outcome: Verification) -> str:
        din = stock_views.eye_readable(outcome.din)

        def unit(code: str, unit_din: str) -> str:
            return f"{render(catalogue.component(code).name)} ({stock_views.eye_readable(unit_din)})"

        parts: list[str] = []
        if outcome.unsafe_markers:
            markers = ", ".join(render(LABELS[m]) for m in outcome.unsafe_markers)
            parts.append(
                "<p style='font-size:12pt'>"
                + _e(self.tr("Donation {din}: {markers} reactive or indeterminate.").format(din=din, markers=markers))
                + "</p>"
            )
            if outcome.made_unsafe:
                parts.append(
                    "<p>"
                    + _e(self.tr("Units made unsafe (discard them):"))
                    + "<br>"
                    + "<br>".join(_e("• " + unit(u.code, u.din)) for u in outcome.made_unsafe)
                    + "</p>"
                )
            else:
                parts.append(
                    "<p>"
                    + _e(self.tr("No units separated yet: any made from this donation will be unsafe at once."))
                    + "</p>"
                )
            for deferral in outcome.deferrals:
                parts.append(
                    "<p>" + _e(self._deferral_text(deferral.reason_code, deferral.permanent, deferral.until)) + "</p>"
                )
        else:
            text = self.tr("Donation {din} verified.").format(din=din)
            if outcome.donor_group_set:
                text += " " + self.tr("The donor's group is now recorded as {group}.").format(
                    group=outcome.donor_group_set
                )
            parts.append("<p style='font-size:12pt'>" + _e(text) + "</p>")
            if outcome.released:
                parts.append(
                    "<p>"
                    + _e(self.tr("Released to stock:"))
                    + "<br>"
                    + "<br>".join(_e("• " + unit(u.code, u.din)) for u in outcome.released)
                    + "</p>"
                )
            if outcome.held:
                parts.append(
                    "<p style='color:#8a5a00'>"
                    + _e(self.tr("Still in quarantine:"))
                    + "<br>"
                    + "<br>".join(
                        _e("• " + unit(h.code, h.din) + ": " + "; ".join(render(r) for r in h.reasons))
                        for h in outcome.held
                    )
                    + "</p>"
                )
            if not outcome.released and not outcome.held:
                parts.append("<p>" + _e(self.tr("No units separated yet: they are released when separated.")) + "</p>")
        for reason in outcome.discrepancies:
            parts.append("<p style='color:#8a5a00'>" + _e(render(reason)) + "</p>")
        if outcome.look_back:
            lines = []
            for u in outcome.look_back:
                status = render(LABELS[u.status]).lower()
                if u.issued_at is not None:
                    line = self.tr("{unit}: {status}, issued {when}: trace the recipient").format(
                        unit=unit(u.code, u.din), status=status, when=local_text(u.issued_at)
                    )
                else:
                    line = self.tr("{unit}: {status}: trace the recipient").format(
                        unit=unit(u.code, u.din), status=status
                    )
                lines.append(_e("• " + line))
            heading_text = self.tr("LOOK-BACK: units of this donation already issued:")
            parts.append("<p style='font-size:12pt'>" + _e(heading_text) + "<br>" + "<br>".join(lines) + "</p>")
        return "".join(parts)

    def _deferral_text(self, code: str, permanent: bool, until: date | None) -> str:
        marker = next((m for m in TTI_MARKERS if code.startswith(f"TTI_{m.upper()}_")), None)
        what = render(LABELS[marker]) if marker else code
        if permanent:
            return self.tr("Donor deferred permanently ({marker}).").format(marker=what)
        return self.tr("Donor deferred until {until} ({marker}).").format(
            until=local_text(until) if until else "?", marker=what
        )
