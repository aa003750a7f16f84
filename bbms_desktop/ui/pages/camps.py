"""Blood donation camps: the centre's camps (running and upcoming first) and, for those who may, planning a new one
(``services.camps.plan_camp``: the service checks the dates and gives the camp its number). For the selected camp:
its dashboard (registered, deferred by reason, collected by group, reactions), the staff who go
(``camps.assign_staff``), and preparing this laptop for it (``sync.camp.prepare_camp``, needs the link)."""

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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.roles import ROLE_LABELS, Action, Role
from bbms_desktop.rules.vocabulary import AdverseReaction
from bbms_desktop.services import camp_views, camps, donor_views
from bbms_desktop.services.camp_laptop import Readiness
from bbms_desktop.services.camp_views import CampDetail, CampRow
from bbms_desktop.services.camps import CampForm, PlannedCamp
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.tasks import run_task
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        self.board = QLabel()
        self.board.setObjectName("camp_board")
        self.board.setWordWrap(True)
        self.board.setTextFormat(Qt.TextFormat.RichText)
        detail_layout.addWidget(self.board)
        staff_row = QHBoxLayout()
        staff_column = QVBoxLayout()
        self.staff_title = QLabel()
        self.staff_title.setStyleSheet("font-weight:600;")
        self.staff = QListWidget()
        self.staff.setObjectName("camp_staff")
        self.staff.setMaximumHeight(110)
        staff_column.addWidget(self.staff_title)
        staff_column.addWidget(self.staff)
        staff_row.addLayout(staff_column, 1)
        actions = QVBoxLayout()
        self.staff_button = QPushButton()
        self.staff_button.setObjectName("save_camp_staff")
        self.staff_button.clicked.connect(self.save_staff)
        self.prepare_button = QPushButton()
        self.prepare_button.setObjectName("prepare_camp_laptop")
        self.prepare_button.clicked.connect(self.prepare_laptop)
        actions.addWidget(self.staff_button)
        actions.addWidget(self.prepare_button)
        actions.addStretch()
        staff_row.addLayout(actions)
        detail_layout.addLayout(staff_row)
        self.laptop = QLabel()
        self.laptop.setObjectName("camp_laptop_state")
        self.laptop.setWordWrap(True)
        detail_layout.addWidget(self.laptop)
        self.permit(self.staff_button, Action.MANAGE_CAMPS)
        self.permit(self.prepare_button, Action.MANAGE_CAMPS)
        self.camp_detail: CampDetail | None = None
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
        self.staff_title.setText(self.tr("Staff going to the camp (they sign in on the camp laptop)"))
        self.staff_button.setText(self.tr("Save staff"))
        self.prepare_button.setText(self.tr("Prepare this laptop for the camp"))
        self.prepare_button.setToolTip(
            self.tr("Sync now, take number blocks for the camp and check that the staff can sign in offline")
        )
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
        self._load_detail(camp)
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

    # --- the selected camp: dashboard, staff, this laptop -------------------------------------------------------------

    def _load_detail(self, camp: CampRow | None) -> None:
        actor = self.ctx.actor
        if camp is None or actor is None:
            self.camp_detail = None
            self._show_camp_detail(None)
            return
        camp_id, centre_id = camp.id, actor.centre_id

        def loaded(detail: CampDetail) -> None:
            current = self.current_camp()
            if current is not None and current.id == camp_id:
                self.camp_detail = detail
                self._show_camp_detail(detail)

        self.ctx.load(self, lambda session: camp_views.camp_detail(session, camp_id, centre_id), loaded)

    def _show_camp_detail(self, detail: CampDetail | None) -> None:
        for widget in (self.board, self.staff_title, self.staff, self.laptop):
            widget.setVisible(detail is not None)
        self.staff_button.setVisible(detail is not None and self.ctx.may(Action.MANAGE_CAMPS))
        self.prepare_button.setVisible(detail is not None and detail.enrolled and self.ctx.may(Action.MANAGE_CAMPS))
        if detail is None:
            return
        board = detail.dashboard
        reasons = ", ".join(
            f"{render(camp_views.reason_label(code))} {count}" for code, count in board.deferred_by_reason
        )
        not_grouped = self.tr("not grouped yet")
        groups = ", ".join(f"{group or not_grouped} {count}" for group, count in board.collected_by_group)
        kinds = ", ".join(
            f"{render(donor_views.ADVERSE_REACTION_LABELS[AdverseReaction(kind)])} {count}"
            for kind, count in board.reactions_by_kind
        )
        rows = [
            (
                self.tr("Registered"),
                self.tr("{new} new · {returning} returning · {pledged} pledged").format(
                    new=board.registered, returning=board.returning, pledged=board.pledged
                ),
            ),
            (self.tr("Deferred"), f"{board.deferred}" + (f" ({reasons})" if reasons else "")),
            (self.tr("Collected"), f"{board.collected}" + (f" ({groups})" if groups else "")),
            (self.tr("Adverse reactions"), f"{board.reactions}" + (f" ({kinds})" if kinds else "")),
        ]
        self.board.setText(
            "<table cellspacing=2>"
            + "".join(
                f"<tr><td><b>{_escape(label)}</b>&nbsp;</td><td>{_escape(value)}</td></tr>" for label, value in rows
            )
            + "</table>"
        )
        camp = self.current_camp()
        chosen = set(camp.staff_ids) if camp else set()
        self.staff.clear()
        may_edit = self.ctx.may(Action.MANAGE_CAMPS) and camp is not None and not camp.closed
        for person in detail.staff_choices:
            item = QListWidgetItem(f"{person.full_name} · {render(ROLE_LABELS[Role(person.role)])}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags if may_edit else flags & ~Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen else Qt.CheckState.Unchecked)
            self.staff.addItem(item)
        self._show_readiness(detail.readiness)

    def _show_readiness(self, ready: Readiness | None) -> None:
        if ready is None:
            self.laptop.setText(self.tr("This laptop is not prepared for this camp."))
            self.laptop.setStyleSheet("color:#607d8b;")
            return
        numbers = "; ".join(
            self.tr("{series}: {left} left of {needed} needed").format(
                series=s.series, left=f"{s.left:,}", needed=f"{s.needed:,}"
            )
            for s in ready.series
        )
        lines = [
            self.tr(
                "Prepared {when}: {staff} staff can sign in offline; {donors} donors and {deferrals} deferrals on "
                "board."
            ).format(
                when=local_text(ready.prepared_at) if ready.prepared_at else "–",
                staff=len(ready.staff),
                donors=f"{ready.donors:,}",
                deferrals=f"{ready.deferrals:,}",
            ),
            numbers,
        ]
        lines += [render(problem) for problem in ready.problems]
        self.laptop.setText("\n".join(lines))
        self.laptop.setStyleSheet("color:#1b5e20;" if ready.ready else "color:#8a1c1c;")

    def chosen_staff(self) -> tuple[uuid.UUID, ...]:
        return tuple(
            self.staff.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.staff.count())
            if self.staff.item(i).checkState() == Qt.CheckState.Checked
        )

    def save_staff(self) -> None:
        camp = self.current_camp()
        if camp is None:
            return
        camp_id, staff = camp.id, self.chosen_staff()
        self.ctx.save(
            self,
            lambda uow: camps.assign_staff(uow, camp_id, staff),
            lambda kept: self._staff_saved(camp_id, len(kept)),
            self.message.show_error,
            changed="camps",
        )

    def _staff_saved(self, camp_id: uuid.UUID, count: int) -> None:
        self.message.show_message(self.tr("{count} staff assigned to the camp.").format(count=count), "ok")
        self.reload(select=camp_id)

    def prepare_laptop(self) -> None:
        camp = self.current_camp()
        if camp is None:
            return
        code, db, profile = camp.code, self.ctx.db, self.ctx.profile
        self.prepare_button.setEnabled(False)
        self.message.show_message(self.tr("Preparing this laptop for {code}…").format(code=code), "warn")

        def work() -> Readiness:
            from bbms_desktop.sync.camp import prepare_camp
            from bbms_desktop.sync.client import transport_for

            return prepare_camp(db, transport_for(db, profile), code)

        def done(ready: Readiness) -> None:
            self.prepare_button.setEnabled(True)
            if ready.ready:
                self.message.show_message(
                    self.tr("This laptop is ready for camp {code}: it can run with no link.").format(code=code), "ok"
                )
            else:
                self.message.show_message(self.tr("Not ready yet: see the problems below."), "warn")
            self.ctx.records_changed.emit("*")
            self.reload(select=camp.id)

        def failed(error: Exception) -> None:
            self.prepare_button.setEnabled(True)
            self.message.show_error(error)

        run_task(self, work, done, failed)

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
