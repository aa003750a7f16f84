"""Blood donation camps: the centre's camps (running and upcoming first) and, for those who may, planning a new one
(``services.camps.plan_camp``: the service checks the dates and gives the camp its number)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.roles import Action
from bbms_desktop.services import camp_views, camps
from bbms_desktop.services.camp_views import CampRow
from bbms_desktop.services.camps import CampForm, PlannedCamp
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import DATE_FORMAT, MessageBar, labelled_form, local_text, render, set_texts

WHEN = {
    "today": QT_TRANSLATE_NOOP("CampsPage", "Running"),
    "upcoming": QT_TRANSLATE_NOOP("CampsPage", "Upcoming"),
    "past": QT_TRANSLATE_NOOP("CampsPage", "Held"),
}
WHEN_TONE = {"today": "ok", "upcoming": None, "past": "muted"}
MAX_EXPECTED = 5000


def _dates(row: CampRow) -> str:
    if row.starts_on == row.ends_on:
        return local_text(row.starts_on)
    return f"{local_text(row.starts_on)} – {local_text(row.ends_on)}"


def _when(row: CampRow) -> str:
    return row.when(date.today())


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Camp"), lambda r: r.code),
    Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda r: WHEN[_when(r)], tone=lambda r: WHEN_TONE[_when(r)]),
    Column(QT_TRANSLATE_NOOP("Columns", "Dates"), _dates),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Venue"), lambda r: r.venue),
    Column(QT_TRANSLATE_NOOP("Columns", "Expected"), lambda r: r.expected_donors or "–", align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Screened"), lambda r: r.screened, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Collected"), lambda r: r.collected, align_right=True),
)


def _box(name: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(f"QFrame#{name}{{background:#ffffff; border:1px solid #cfd8dc; border-radius:6px;}}")
    return frame


class CampsPage(Page):
    page_id = "camps"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Camps")
    needs = frozenset({Action.MANAGE_CAMPS, Action.REGISTER_DONOR})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._select_next: uuid.UUID | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:16pt; font-weight:600;")
        layout.addWidget(self.heading)
        self.message = MessageBar()
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowsModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("camps_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # name and venue share what is left
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        left_layout.addWidget(self.table, 3)
        self.detail_box = _box("camp_detail")
        detail_layout = QVBoxLayout(self.detail_box)
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight:600; font-size:11pt;")
        self.detail_title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail)
        left_layout.addWidget(self.detail_box, 0)
        splitter.addWidget(left)

        self.plan_box = _box("plan_camp")
        self.plan_box.setMinimumWidth(400)
        plan_layout = QVBoxLayout(self.plan_box)
        self.plan_title = QLabel()
        self.plan_title.setStyleSheet("font-weight:600; font-size:12pt;")
        plan_layout.addWidget(self.plan_title)
        self.name, self.venue = QLineEdit(), QLineEdit()
        self.name.setObjectName("camp_name")
        self.name.setMaxLength(200)
        self.venue.setMaxLength(300)
        self.starts_on, self.ends_on = QDateEdit(), QDateEdit()
        for field in (self.starts_on, self.ends_on):
            field.setCalendarPopup(True)
            field.setDisplayFormat(DATE_FORMAT)
        self.starts_on.dateChanged.connect(self._start_moved)
        self.district, self.state = QLineEdit(), QLineEdit()
        self.organiser, self.organiser_mobile = QLineEdit(), QLineEdit()
        self.organiser_mobile.setMaxLength(15)
        self.organiser_mobile.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.expected = QSpinBox()
        self.expected.setRange(0, MAX_EXPECTED)
        self.expected.setSingleStep(10)
        self.fields = [
            self.name,
            self.venue,
            self.starts_on,
            self.ends_on,
            self.district,
            self.state,
            self.organiser,
            self.organiser_mobile,
            self.expected,
        ]
        form, self.labels = labelled_form(self.fields)
        plan_layout.addLayout(form)
        self.plan_message = MessageBar()
        plan_layout.addWidget(self.plan_message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_form)
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("plan_camp_button")
        self.plan_button.setDefault(True)
        self.plan_button.setAutoDefault(True)
        self.plan_button.clicked.connect(self.plan)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.plan_button)
        plan_layout.addLayout(buttons)
        plan_layout.addStretch()
        for field in (self.name, self.venue, self.district, self.state, self.organiser, self.organiser_mobile):
            field.returnPressed.connect(self.plan)
        self.expected.lineEdit().returnPressed.connect(self.plan)
        splitter.addWidget(self.plan_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.permit(self.plan_box, Action.MANAGE_CAMPS)
        self.setTabOrder(self.name, self.venue)
        self._reset_dates()
        self._show_detail(None)

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Blood donation camps"))
        self.plan_title.setText(self.tr("Plan a camp"))
        set_texts(
            self.labels,
            [
                self.tr("Camp &name"),
                self.tr("&Venue"),
                self.tr("&Starts on"),
                self.tr("&Ends on"),
                self.tr("&District"),
                self.tr("S&tate"),
                self.tr("&Organiser"),
                self.tr("Organiser's &mobile"),
                self.tr("E&xpected donors"),
            ],
        )
        self.name.setPlaceholderText(self.tr("e.g. Voluntary blood donation camp, City College"))
        self.expected.setSpecialValueText(self.tr("not known"))
        self.clear_button.setText(self.tr("Clear"))
        self.plan_button.setText(self.tr("&Plan camp"))
        self.model.retranslate()
        self._show_detail(self.current_camp())

    def activated(self) -> None:
        self.reload()
        if self.plan_box.isVisible() and not self.name.text():
            self.name.setFocus()

    def clear_work(self) -> None:
        self.clear_form()
        self.message.clear_message()

    # --- list -------------------------------------------------------------------------------------------------------

    def reload(self, select: uuid.UUID | None = None) -> None:
        """Load the list again, keeping the selected camp (or selecting ``select``, a camp just planned)."""
        if select is not None:
            self._select_next = select
        today = date.today()

        def loaded(rows: list[CampRow]) -> None:
            current = self.current_camp()
            wanted = self._select_next or (current.id if current else None)
            self.model.set_rows(rows)
            for index, row in enumerate(rows):
                if row.id == wanted:
                    self.table.selectRow(index)
                    self._select_next = None
                    break
            self._show_detail(self.current_camp())

        self.ctx.load(self, lambda session: camp_views.camps(session, today), loaded)

    def current_camp(self) -> CampRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.current_camp())

    def _show_detail(self, camp: CampRow | None) -> None:
        if camp is None:
            self.detail_title.setText(
                self.tr("Select a camp to see its details.") if self.model.rowCount() else self.tr("No camps yet.")
            )
            self.detail.clear()
            return
        self.detail_title.setText(f"{camp.code} · {camp.name}")
        lines = [
            self.tr("{when}: {dates}").format(when=render(WHEN[_when(camp)]), dates=_dates(camp)),
            self.tr("Venue: {venue}").format(
                venue=", ".join(part for part in (camp.venue, camp.district, camp.state) if part)
            ),
        ]
        if camp.organiser or camp.organiser_mobile:
            lines.append(
                self.tr("Organiser: {organiser}").format(
                    organiser=" · ".join(part for part in (camp.organiser, camp.organiser_mobile) if part)
                )
            )
        expected = f"{camp.expected_donors:,}" if camp.expected_donors else self.tr("not known")
        lines.append(
            self.tr("Donors expected: {expected} · screened: {screened} · collected: {collected}").format(
                expected=expected, screened=f"{camp.screened:,}", collected=f"{camp.collected:,}"
            )
        )
        self.detail.setText("\n".join(lines))

    # --- planning ---------------------------------------------------------------------------------------------------

    def _reset_dates(self) -> None:
        start = date.today() + timedelta(days=7)
        self.starts_on.setDate(QDate(start.year, start.month, start.day))
        self.ends_on.setDate(QDate(start.year, start.month, start.day))

    def _start_moved(self, new: QDate) -> None:
        if self.ends_on.date() < new:
            self.ends_on.setDate(new)  # a one-day camp by default; the service still checks the order

    def form(self) -> CampForm:
        def optional(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return CampForm(
            name=self.name.text(),
            venue=self.venue.text(),
            starts_on=self.starts_on.date().toPython(),
            ends_on=self.ends_on.date().toPython(),
            district=optional(self.district),
            state=optional(self.state),
            organiser=optional(self.organiser),
            organiser_mobile=optional(self.organiser_mobile),
            expected_donors=self.expected.value() or None,
        )

    def plan(self) -> None:
        form = self.form()
        self.plan_button.setEnabled(False)
        self.plan_message.clear_message()
        self.ctx.save(self, lambda uow: camps.plan_camp(uow, form), self._planned, self._failed, changed="camps")

    def _planned(self, planned: PlannedCamp) -> None:
        self.plan_button.setEnabled(True)
        self.message.show_message(self.tr("Camp {code} planned.").format(code=planned.code), "ok")
        self.clear_form()
        self.reload(select=planned.id)

    def _failed(self, error: Exception) -> None:
        self.plan_button.setEnabled(True)
        self.plan_message.show_error(error)
        field = getattr(error, "field", None)
        target = {"name": self.name, "ends_on": self.ends_on, "expected_donors": self.expected}.get(field or "")
        if target is not None:
            target.setFocus()

    def clear_form(self) -> None:
        for field in (self.name, self.venue, self.district, self.state, self.organiser, self.organiser_mobile):
            field.clear()
        self.expected.setValue(0)
        self._reset_dates()
        self.plan_message.clear_message()
        self.name.setFocus()
