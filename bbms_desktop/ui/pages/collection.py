"""Collection page: today's donors found fit and waiting for their bag, and the bag and bleed of the one chosen.

The phlebotomist picks the donor from the worklist (or arrives from screening, or scans the donor card), scans the
bag's DIN (or has the next DIN allocated), and records bag type, volume, bleed start and end and any adverse
reaction; Enter saves. ``services.collection.collect`` decides everything (a deferral received since the screening,
a second bag, the screened volume, the DIN's facility and number block) and the page shows what it answered: the DIN
eye-readable with its check character boxed beside it, and any warning for the component technician.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime

from PySide6.QtCore import QDateTime, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError, InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import components, isbt128
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import BagType
from bbms_desktop.services import collection, donor_views, donors
from bbms_desktop.services.collection import CollectedDonation, CollectionForm
from bbms_desktop.services.donor_views import OpenVisit
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.donor_widgets import (
    Banner,
    DinDisplay,
    DinField,
    NumberField,
    SubmitArea,
    heading,
    qdatetime_now,
    select_data,
    subheading,
)
from bbms_desktop.ui.pages.donors import DONOR_NUMBER
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, fill_combo, local_text, render

TIME_FORMAT = "dd MMM yyyy, HH:mm:ss"
NO_CAMP = QT_TRANSLATE_NOOP("CollectionPage", "At the centre")

OPEN_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Screened"), lambda v: local_text(v.visited_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Donor number"), lambda v: v.donor_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda v: v.donor_name),
    Column(QT_TRANSLATE_NOOP("Columns", "Sex"), lambda v: donor_views.SEX_LABELS[v.sex]),
    Column(QT_TRANSLATE_NOOP("Columns", "Bag (ml)"), lambda v: v.bag_volume_ml or "", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Camp"), lambda v: v.camp_code or NO_CAMP),
]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _to_datetime(value: QDateTime) -> datetime:
    """A time the phlebotomist set on this machine's clock, as an aware datetime."""
    return value.toPython().astimezone()  # type: ignore[no-any-return]


class CollectionPage(Page):
    page_id = "collection"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Collection")
    needs = frozenset({Action.COLLECT})

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001 - AppContext, as Page takes it
        super().__init__(ctx, parent)
        self.visit: OpenVisit | None = None
        self.collected: CollectedDonation | None = None
        self.showing_found = False
        self.found_for: str | None = None
        self._worklist_generation = 0
        self._visit_generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        self.heading = heading()
        top.addWidget(self.heading)
        top.addStretch()
        self.find_label = QLabel()
        self.find = QLineEdit()
        self.find.setObjectName("collection_find")
        self.find.setProperty("acceptsScan", True)
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(280)
        self.find.returnPressed.connect(self.find_donor)
        self.find_label.setBuddy(self.find)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.show_today)
        top.addWidget(self.find_label)
        top.addWidget(self.find)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.worklist_title = subheading()
        layout.addWidget(self.worklist_title)
        self.worklist_model = RowsModel(OPEN_COLUMNS, self)
        self.worklist = QTableView()
        self.worklist.setObjectName("collection_worklist")
        self.worklist.setModel(self.worklist_model)
        self.worklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.worklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.worklist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.worklist.setAlternatingRowColors(True)
        self.worklist.verticalHeader().hide()
        self.worklist.horizontalHeader().setStretchLastSection(True)
        self.worklist.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.worklist.horizontalHeader().setResizeContentsPrecision(0)  # columns fit the rows on screen
        self.worklist.setMinimumHeight(120)
        self.worklist.setMaximumHeight(210)
        self.worklist.selectionModel().currentRowChanged.connect(self._row_changed)
        self.worklist.activated.connect(self._row_activated)
        layout.addWidget(self.worklist)
        self.worklist_empty = QLabel()
        self.worklist_empty.setStyleSheet("color:#78909c;")
        layout.addWidget(self.worklist_empty)
        self.message = MessageBar()
        layout.addWidget(self.message)

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        self.form_area = SubmitArea()
        self.form_area.submitted.connect(self.save)
        body.addWidget(self.form_area, 3)
        form_box = QVBoxLayout(self.form_area)
        form_box.setContentsMargins(0, 0, 12, 0)
        self.form_title = subheading()
        form_box.addWidget(self.form_title)
        self.form = QFormLayout()
        form_box.addLayout(self.form)
        self._build_form()
        self.form_message = MessageBar()
        form_box.addWidget(self.form_message)
        save_row = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_collection")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        save_row.addStretch()
        form_box.addLayout(save_row)
        form_box.addStretch()

        side = QVBoxLayout()
        body.addLayout(side, 2)
        self.side_title = subheading()
        side.addWidget(self.side_title)
        self.din_view = DinDisplay()
        side.addWidget(self.din_view)
        self.din_caption = QLabel()
        self.din_caption.setStyleSheet("color:#607d8b;")
        self.din_caption.setWordWrap(True)
        side.addWidget(self.din_caption)
        self.result_banner = Banner()
        self.result_banner.setObjectName("collection_result")
        side.addWidget(self.result_banner)
        side.addStretch()

        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self.retranslate()
        select_data(self.bag_type, BagType.TRIPLE)
        select_data(self.bag_volume, 450)
        self._choose(None)

    def _build_form(self) -> None:
        self.din = DinField()
        self.din.setObjectName("din")
        self.din.textChanged.connect(self._din_typed)
        self.din.returnPressed.connect(self._din_entered)
        self.allocate = QCheckBox()
        self.allocate.setObjectName("allocate_din")
        self.allocate.toggled.connect(self._allocate_toggled)
        din_row = QWidget()
        row = QHBoxLayout(din_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.din, 1)
        row.addWidget(self.allocate)
        self.bag_type, self.bag_volume = QComboBox(), QComboBox()
        self.bag_type.setObjectName("bag_type")
        self.bag_volume.setObjectName("bag_volume")
        self.volume = NumberField()
        self.volume.setObjectName("collected_volume")
        self.bag_lot = QLineEdit()
        self.bag_lot.setObjectName("bag_lot")
        self.bag_lot.setMaxLength(40)
        self.bleed_start, self.bleed_end = QDateTimeEdit(), QDateTimeEdit()
        self.start_now, self.end_now = QPushButton(), QPushButton()
        self.start_now.setObjectName("bleed_start_now")
        self.end_now.setObjectName("bleed_end_now")
        self.start_now.clicked.connect(lambda: self._set_now(self.bleed_start))
        self.end_now.clicked.connect(lambda: self._set_now(self.bleed_end))
        start_row, end_row = QWidget(), QWidget()
        for container, edit, button, name in (
            (start_row, self.bleed_start, self.start_now, "bleed_start"),
            (end_row, self.bleed_end, self.end_now, "bleed_end"),
        ):
            edit.setObjectName(name)
            edit.setDisplayFormat(TIME_FORMAT)
            edit.setCalendarPopup(True)
            line = QHBoxLayout(container)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(edit, 1)
            line.addWidget(button)
        self.reaction = QComboBox()
        self.reaction.setObjectName("adverse_reaction")
        for combo in (self.bag_type, self.bag_volume, self.reaction):
            combo.setMaximumWidth(260)
        self.bleed_start.setDateTime(qdatetime_now())
        self.bleed_end.setDateTime(qdatetime_now())
        self.notes = QLineEdit()
        self.notes.setObjectName("collection_notes")
        self.notes.setMaxLength(1000)
        self.form_labels: list[QLabel] = []
        for field, buddy in (
            (din_row, self.din),
            (self.bag_type, self.bag_type),
            (self.bag_volume, self.bag_volume),
            (self.volume, self.volume),
            (self.bag_lot, self.bag_lot),
            (start_row, self.bleed_start),
            (end_row, self.bleed_end),
            (self.reaction, self.reaction),
            (self.notes, self.notes),
        ):
            label = QLabel()
            label.setBuddy(buddy)
            self.form.addRow(label, field)
            self.form_labels.append(label)
        self.fields: dict[str, QWidget] = {
            "din": self.din,
            "bag_type": self.bag_type,
            "bag_volume_ml": self.bag_volume,
            "collected_volume_ml": self.volume,
            "bag_lot": self.bag_lot,
            "bleed_start": self.bleed_start,
            "bleed_end": self.bleed_end,
            "adverse_reaction": self.reaction,
            "notes": self.notes,
        }
        order = [self.din, self.allocate, self.bag_type, self.bag_volume, self.volume, self.bag_lot]
        order += [self.bleed_start, self.start_now, self.bleed_end, self.end_now, self.reaction, self.notes]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- texts --------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Collection"))
        self.find_label.setText(self.tr("&Find donor:"))
        self.find.setPlaceholderText(self.tr("Donor number, mobile or name, or scan the donor card"))
        self.refresh_button.setText(self.tr("&Today's list"))
        self._show_worklist_title()
        self.worklist_empty.setText(self.tr("No donor is waiting: donors appear here once screened fit today."))
        labels = [
            self.tr("&DIN"),
            self.tr("Bag &type"),
            self.tr("Bag &volume"),
            self.tr("&Collected volume (ml)"),
            self.tr("Bag &lot"),
            self.tr("Bleed &start"),
            self.tr("Bleed &end"),
            self.tr("Adverse &reaction"),
            self.tr("N&otes"),
        ]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.din.setPlaceholderText(self.tr("Scan the bag label"))
        self.allocate.setText(self.tr("Allocate &next DIN"))
        self.allocate.setToolTip(self.tr("For a bag without a pre-printed label: this centre's next number is used"))
        self.start_now.setText(self.tr("Now"))
        self.end_now.setText(self.tr("Now"))
        self.start_now.setToolTip(self.tr("The bleed started now"))
        self.end_now.setToolTip(self.tr("The bleed ended now"))
        fill_combo(self.bag_type, [(render(m), t) for t, m in donor_views.BAG_TYPE_LABELS.items()])
        fill_combo(
            self.bag_volume, [(self.tr("{volume} ml").format(volume=v), v) for v in components.BAG_VOLUMES_ML.value]
        )
        fill_combo(
            self.reaction,
            [(self.tr("None"), None)] + [(render(m), r) for r, m in donor_views.ADVERSE_REACTION_LABELS.items()],
        )
        self.save_button.setText(self.tr("&Save collection"))
        self.save_button.setToolTip(self.tr("Record the bag and the bleed (Enter or Ctrl+S)"))
        self.side_title.setText(self.tr("Unit"))
        self.worklist_model.retranslate()
        self._show_visit_title()
        if self.collected is not None:
            self._show_collected(self.collected)
        else:
            self._din_typed()

    def _show_visit_title(self) -> None:
        v = self.visit
        if v is None:
            self.form_title.setText(self.tr("Choose a donor from the list (or scan the donor card)"))
            return
        self.form_title.setText(
            self.tr("Bag and bleed for {name} ({number}), screened {when}").format(
                name=v.donor_name, number=v.donor_number, when=local_text(v.visited_at)
            )
        )

    # --- page contract ------------------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self.showing_found:
            self.load_worklist()
        focus = self.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            (self.din if self.visit is not None else self.worklist).setFocus()

    def handle_scan(self, text: str) -> bool:
        """A bag label fills the DIN of the donor being bled; a donor card finds that donor's visit."""
        code = text.strip()
        if DONOR_NUMBER.fullmatch(code):
            self.find.setText(code)
            self.find_donor()
            return True
        try:
            scan = isbt128.decode_scan(code)
        except InvalidInput:
            return False
        if scan.kind != isbt128.ScanKind.DIN or self.visit is None:
            return False
        self.allocate.setChecked(False)
        self.din.setText(code)
        self._din_entered()
        return True

    def clear_work(self) -> None:
        self._visit_generation += 1
        self.find.clear()
        self.message.clear_message()
        self.collected = None
        self._choose(None)
        self.worklist_model.set_rows([])

    # --- the worklist -------------------------------------------------------------------------------------------

    def load_worklist(self) -> None:
        if self.ctx.actor is None:
            return
        self._worklist_generation += 1
        generation = self._worklist_generation
        centre_id = self.ctx.actor.centre_id

        def loaded(rows: list[OpenVisit]) -> None:
            if generation == self._worklist_generation:
                self._set_rows(rows)

        self.ctx.load(self, lambda session: donor_views.open_visits_today(session, centre_id), loaded)

    def _set_rows(self, rows: list[OpenVisit]) -> None:
        chosen = self.visit.visit_id if self.visit else None
        model = self.worklist.selectionModel()
        model.blockSignals(True)
        self.worklist_model.set_rows(rows)
        index = next((i for i, row in enumerate(rows) if row.visit_id == chosen), None)
        if index is not None:
            model.setCurrentIndex(
                self.worklist_model.index(index, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        model.blockSignals(False)
        self.worklist_empty.setVisible(not rows)

    def _show_worklist_title(self) -> None:
        if self.showing_found and self.found_for is not None:
            text = self.tr("Waiting for collection, found for '{text}'").format(text=self.found_for)
        else:
            text = self.tr("Screened today and fit to donate, waiting for collection")
        self.worklist_title.setText(text)

    def show_today(self) -> None:
        self.showing_found = False
        self.find.clear()
        self.found_for = None
        self._show_worklist_title()
        self.load_worklist()

    def find_donor(self) -> None:
        text = self.find.text().strip()
        if not text:
            self.show_today()
            return
        self._worklist_generation += 1
        generation = self._worklist_generation

        def query(session: object) -> list[OpenVisit]:
            found = donors.search(session, text, limit=10)  # type: ignore[arg-type]
            return [v for d in found for v in donor_views.open_visits_of(session, d.id)]  # type: ignore[arg-type]

        def loaded(rows: list[OpenVisit]) -> None:
            if generation != self._worklist_generation:
                return
            self.showing_found = True
            self.found_for = text
            self._show_worklist_title()
            self._set_rows(rows)
            if len(rows) == 1:
                self._select_row(0)
                self.din.setFocus()
            elif not rows:
                self.message.show_message(
                    self.tr("No donor found for '{text}' who was screened fit today and not yet bled.").format(
                        text=text
                    ),
                    "warn",
                )

        self.message.clear_message()
        self.ctx.load(self, query, loaded, self.message.show_error)

    def _select_row(self, row: int) -> None:
        self.worklist.selectionModel().setCurrentIndex(
            self.worklist_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._choose(self.worklist_model.row(current.row()))

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            if self.visit is None or self.visit.visit_id != self.worklist_model.row(index.row()).visit_id:
                self._choose(self.worklist_model.row(index.row()))
            self.din.setFocus()

    def start_for_visit(self, visit_id: uuid.UUID) -> None:
        """Arrive from screening with the visit just found fit: choose it (it may not be in today's list yet)."""
        self._visit_generation += 1
        generation = self._visit_generation

        def loaded(visit: OpenVisit | None) -> None:
            if generation != self._visit_generation:
                return
            if visit is None:
                self.message.show_message(
                    self.tr("This screening is not waiting for collection: already collected, deferred or voided."),
                    "warn",
                )
                return
            self.message.clear_message()
            self._choose(visit)
            rows = self.worklist_model.rows
            index = next((i for i, row in enumerate(rows) if row.visit_id == visit.visit_id), None)
            if index is None:
                self._set_rows([*rows, visit])
            else:
                self._set_rows(rows)
            self.din.setFocus()

        self.ctx.load(self, lambda session: donor_views.open_visit(session, visit_id), loaded, self.message.show_error)

    def _choose(self, visit: OpenVisit | None) -> None:
        """Start the bag of this visit: a fresh form, the screened volume, the bleed times set to now."""
        if visit is not None and self.visit is not None and visit.visit_id == self.visit.visit_id:
            return
        self.visit = visit
        self.form_area.setEnabled(visit is not None)
        self.save_button.setEnabled(visit is not None)
        self.form_message.clear_message()
        for field in (self.din, self.volume, self.bag_lot, self.notes):
            field.clear()
        self.allocate.setChecked(False)
        self.reaction.setCurrentIndex(0)
        if visit is not None:
            self.collected = None
            self.result_banner.clear_text()
            select_data(self.bag_type, BagType.TRIPLE)
            select_data(self.bag_volume, visit.bag_volume_ml or 450)
            now = qdatetime_now()
            self.bleed_start.setDateTime(now)
            self.bleed_end.setDateTime(now)
        self._show_visit_title()
        if self.collected is None:
            self._din_typed()

    def _set_now(self, edit: QDateTimeEdit) -> None:
        edit.setDateTime(qdatetime_now())

    # --- the DIN ------------------------------------------------------------------------------------------------

    def _allocate_toggled(self, on: bool) -> None:
        self.din.setEnabled(not on)
        if on:
            self.din.clear()
            self.bag_type.setFocus()
        self._din_typed()

    def _din_typed(self) -> None:
        """Show the DIN as it will be printed, read by the ISBT 128 rules as it is typed or scanned."""
        if self.collected is not None and not self.din.text():
            return
        text = self.din.text().strip()
        if self.allocate.isChecked():
            self.din_view.show_note(self.tr("Next DIN of this centre"), "#546e7a")
            self.din_caption.setText(self.tr("The number is allocated when the collection is saved."))
            return
        if not text:
            self.din_view.show_note(self.tr("No DIN yet"))
            self.din_caption.setText(self.tr("Scan the bag label, or tick 'Allocate next DIN'."))
            return
        try:
            din = isbt128.parse(text).din
        except InvalidInput as error:
            self.din_view.show_note(render(error.text), "#8a5a00")
            self.din_caption.setText("")
            return
        self.din_view.show_din(isbt128.format_eye_readable(din), isbt128.check_character(din))
        self.din_caption.setText(self.tr("Check the label: the boxed character is the keyboard check character."))

    def _din_entered(self) -> None:
        text = self.din.text().strip()
        if not text:
            return
        try:
            isbt128.parse(text)
        except InvalidInput as error:
            self.form_message.show_error(error)
            self.din.selectAll()
            return
        self.form_message.clear_message()
        self.bag_type.setFocus()

    # --- saving -------------------------------------------------------------------------------------------------

    def collection_form(self) -> CollectionForm:
        return CollectionForm(
            bag_type=self.bag_type.currentData(),
            bag_volume_ml=self.bag_volume.currentData(),
            collected_volume_ml=self.volume.value(),  # type: ignore[arg-type] # None: the service asks for it
            bleed_start=_to_datetime(self.bleed_start.dateTime()),
            bleed_end=_to_datetime(self.bleed_end.dateTime()),
            din=None if self.allocate.isChecked() else (self.din.text().strip() or None),
            bag_lot=self.bag_lot.text().strip() or None,
            adverse_reaction=self.reaction.currentData(),
            notes=self.notes.text().strip() or None,
        )

    def save(self) -> None:
        if self.visit is None or not self.save_button.isEnabled():
            return
        if not self.allocate.isChecked() and not self.din.text().strip():
            self.form_message.show_error(self.tr("Scan the bag's DIN, or tick 'Allocate next DIN'."))
            self.din.setFocus()
            return
        visit_id, form = self.visit.visit_id, self.collection_form()
        self.save_button.setEnabled(False)
        self.ctx.save(
            self, lambda uow: collection.collect(uow, visit_id, form), self._saved, self._failed, changed="donations"
        )

    def _saved(self, result: CollectedDonation) -> None:
        visit = self.visit
        self.collected = result
        self.visit = None
        self.form_area.setEnabled(False)
        self.save_button.setEnabled(False)
        for field in (self.din, self.volume, self.bag_lot, self.notes):
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        self._show_collected(result)
        self.message.show_message(
            self.tr("Collected: DIN {din} for {name} ({number}).").format(
                din=isbt128.format_eye_readable(result.din),
                name=visit.donor_name if visit else "",
                number=visit.donor_number if visit else "",
            )
        )
        self._show_visit_title()
        self.showing_found = False
        self.found_for = None
        self._show_worklist_title()
        self.find.clear()
        self.worklist.setFocus()

    def _show_collected(self, result: CollectedDonation) -> None:
        self.din_view.show_din(isbt128.format_eye_readable(result.din), result.check_character, 22)
        self.din_caption.setText(
            self.tr("Bleed {minutes} min · {anticoagulant} {ml} ml").format(
                minutes=f"{result.bleed_minutes:.1f}",
                anticoagulant=result.anticoagulant,
                ml=f"{result.anticoagulant_ml:g}",
            )
        )
        if result.warnings:
            lines = "".join(f"• {_escape(render(w))}<br>" for w in result.warnings)
            self.result_banner.show_text(
                "<b>" + _escape(self.tr("For the component technician:")) + "</b><br>" + lines, "warn"
            )
        else:
            self.result_banner.show_text(_escape(self.tr("Recorded. Label the bag and its sample tubes.")), "ok")

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.form_message.show_error(error)
        if isinstance(error, DomainError):
            widget = self.fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
