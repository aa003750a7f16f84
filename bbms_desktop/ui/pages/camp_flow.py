"""The camp flow: registration → questionnaire and vitals → collection, by keyboard and scanner only, for hundreds of
donors a day on a camp laptop.

One box finds a returning donor in one step (a scanned donor card, or the mobile number typed and Enter); a donor
not found is registered in a short form, or signs a pledge to donate another day (F2). Enter saves each step, Esc
goes back to the box. Every decision is the services' (``camp_flow``, ``screening.screen`` with the camp,
``collection.collect``): a donor deferred anywhere is stopped by the screening the service records, and this page
only offers the bag for a visit the service found fit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import utcnow
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import BagType, DonationType, Sex
from bbms_desktop.services import camp_flow, camp_views, collection, donor_views, donors, screening
from bbms_desktop.services.camp_views import CampDashboard, RunningCamp
from bbms_desktop.services.camps import din_of_scan
from bbms_desktop.services.donor_views import full_name
from bbms_desktop.services.donors import DonorForm, DonorHistory, DonorSummary
from bbms_desktop.services.screening import ScreeningForm, ScreeningResult
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.counter_widgets import din_text
from bbms_desktop.ui.pages.donor_widgets import (
    Banner,
    DateField,
    DinField,
    GroupBadge,
    NumberField,
    SubmitArea,
    heading,
    local_date_text,
    subheading,
)
from bbms_desktop.ui.pages.screening import DONOR_COLUMNS, _Answer, fill_exam_choices
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, fill_combo, find_data, labelled_form, render, set_texts

FIND, SCREEN, COLLECT = 0, 1, 2


@dataclass
class OnCouch:
    """A donor being bled: the bag's label was scanned when the needle went in; the bleed ends when the full bag is
    scanned again (or chosen from the list). Several couches run at once while the laptop registers the next donor."""

    visit_id: uuid.UUID
    donor: str
    din: str | None  # None: the next DIN is allocated when the bleed is recorded
    bag_type: str
    bag_volume_ml: int
    started_at: datetime


COUCH_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda c: din_text(c.din) if c.din else "–"),
    Column(QT_TRANSLATE_NOOP("Columns", "Donor"), lambda c: c.donor),
    Column(QT_TRANSLATE_NOOP("Columns", "Since"), lambda c: c.started_at.astimezone().strftime("%H:%M")),
)
SEX_KEYS = {"m": Sex.MALE, "f": Sex.FEMALE, "o": Sex.OTHER}
STEP_NAMES = (
    QT_TRANSLATE_NOOP("CampFlowPage", "1 Find or register"),
    QT_TRANSLATE_NOOP("CampFlowPage", "2 Questionnaire and vitals"),
    QT_TRANSLATE_NOOP("CampFlowPage", "3 Collection"),
)


def list_view(name: str, model: RowsModel, max_height: int | None = None) -> QTableView:
    """A read-only list of rows, one chosen with the arrow keys and Enter (the camp pages' lists)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    if max_height is not None:
        view.setMaximumHeight(max_height)
    return view


def camp_header(title: QLabel, name: str) -> tuple[QHBoxLayout, QLabel, QComboBox]:
    """The camp pages' top line: the page's heading, and the camp chooser at the right."""
    top = QHBoxLayout()
    top.addWidget(title)
    top.addStretch()
    label, combo = QLabel(), QComboBox()
    combo.setObjectName(name)
    combo.setMinimumWidth(320)
    label.setBuddy(combo)
    top.addWidget(label)
    top.addWidget(combo)
    return top, label, combo


class _SexBox(QComboBox):
    """M, F or O choose the sex whatever the language of the labels."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        wanted = SEX_KEYS.get(event.text().lower())
        if wanted is not None:
            self.setCurrentIndex(self.findData(wanted))
            return
        super().keyPressEvent(event)


class CampFlowPage(Page):
    page_id = "camp_flow"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Camp flow")
    needs = frozenset({Action.REGISTER_DONOR, Action.SCREEN_DONOR, Action.COLLECT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.camps: list[RunningCamp] = []
        self.couch: list[OnCouch] = []
        self.finishing: OnCouch | None = None
        self._board_generation = 0
        self.history: DonorHistory | None = None
        self.result: ScreeningResult | None = None
        self.dashboard: CampDashboard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        self.heading = heading()
        top, self.camp_label, self.camp = camp_header(self.heading, "camp_flow_camp")
        self.camp.currentIndexChanged.connect(self.load_dashboard)
        layout.addLayout(top)
        self.figures = QLabel()
        self.figures.setObjectName("camp_flow_figures")
        self.figures.setStyleSheet("color:#37474f; font-size:10.5pt;")
        layout.addWidget(self.figures)
        self.steps = QLabel()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.steps)
        self.message = MessageBar()
        layout.addWidget(self.message)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_find())
        self.stack.addWidget(self._build_screen())
        self.stack.addWidget(self._build_collect())
        self.stack.currentChanged.connect(self._show_steps)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.next_donor)
        pledge = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        pledge.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        pledge.activated.connect(self.pledge)
        self.retranslate()

    # --- building -----------------------------------------------------------------------------------------------

    def _build_find(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.lookup_label = QLabel()
        self.lookup = QLineEdit()
        self.lookup.setObjectName("camp_lookup")
        self.lookup.setProperty("acceptsScan", True)
        self.lookup.setClearButtonEnabled(True)
        self.lookup.setMinimumWidth(360)
        self.lookup.setStyleSheet("font-size:13pt; padding:4px;")
        self.lookup.returnPressed.connect(self.find)
        self.lookup_label.setBuddy(self.lookup)
        row.addWidget(self.lookup_label)
        row.addWidget(self.lookup, 1)
        column.addLayout(row)
        self.found_model = RowsModel(DONOR_COLUMNS, self)
        self.found = list_view("camp_found", self.found_model, 150)
        self.found.activated.connect(self._chosen)
        self.found.hide()
        column.addWidget(self.found)

        self.register_area = SubmitArea()
        self.register_area.setObjectName("camp_register")
        self.register_area.submitted.connect(self.register)
        form_column = QVBoxLayout(self.register_area)
        self.register_heading = subheading()
        form_column.addWidget(self.register_heading)
        self.given_name, self.family_name, self.guardian = QLineEdit(), QLineEdit(), QLineEdit()
        self.given_name.setObjectName("camp_given_name")
        self.sex = _SexBox()
        self.sex.setObjectName("camp_sex")
        self.date_of_birth = DateField()
        self.date_of_birth.setObjectName("camp_date_of_birth")
        self.mobile = QLineEdit()
        self.mobile.setObjectName("camp_mobile")
        self.mobile.setMaxLength(15)
        self.consent = QCheckBox()
        self.consent.setObjectName("camp_consent")
        self.register_fields = [
            self.given_name,
            self.family_name,
            self.guardian,
            self.sex,
            self.date_of_birth,
            self.mobile,
            self.consent,
        ]
        form, self.register_labels = labelled_form(self.register_fields)
        for field in self.register_fields[:4]:
            field.setMaximumWidth(420)
        self.mobile.setMaximumWidth(200)
        form_column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.pledge_button = QPushButton()
        self.pledge_button.setObjectName("camp_pledge")
        self.pledge_button.clicked.connect(self.pledge)
        self.register_button = QPushButton()
        self.register_button.setObjectName("camp_register_button")
        self.register_button.clicked.connect(self.register)
        buttons.addWidget(self.pledge_button)
        buttons.addWidget(self.register_button)
        form_column.addLayout(buttons)
        self.register_area.hide()
        column.addWidget(self.register_area)
        self.couch_heading = subheading()
        column.addWidget(self.couch_heading)
        self.couch_model = RowsModel(COUCH_COLUMNS, self)
        self.couch_table = list_view("camp_couch", self.couch_model, 180)
        self.couch_table.activated.connect(lambda index: self.finish(self.couch[index.row()]))
        column.addWidget(self.couch_table)
        column.addStretch()
        self.hint = QLabel()
        self.hint.setStyleSheet("color:#607d8b;")
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)
        return box

    def _build_screen(self) -> QWidget:
        self.screen_area = SubmitArea()
        self.screen_area.setObjectName("camp_screen")
        self.screen_area.submitted.connect(self.screen)
        column = QVBoxLayout(self.screen_area)
        column.setContentsMargins(0, 0, 0, 0)
        donor_row = QHBoxLayout()
        self.donor_name = QLabel()
        self.donor_name.setObjectName("camp_donor_name")
        self.donor_name.setTextFormat(Qt.TextFormat.PlainText)
        self.donor_name.setStyleSheet("font-size:13pt; font-weight:600;")
        self.donor_facts = QLabel()
        self.donor_facts.setStyleSheet("color:#455a64;")
        self.group_badge = GroupBadge()
        donor_row.addWidget(self.donor_name)
        donor_row.addWidget(self.donor_facts, 1)
        donor_row.addWidget(self.group_badge)
        column.addLayout(donor_row)
        self.deferral_banner = Banner()
        self.deferral_banner.setObjectName("camp_deferral_banner")
        column.addWidget(self.deferral_banner)
        body = QHBoxLayout()
        vitals_column = QVBoxLayout()
        self.vitals_heading = subheading()
        vitals_column.addWidget(self.vitals_heading)
        self.bag_volume = QComboBox()
        self.weight, self.haemoglobin = NumberField(1), NumberField(1)
        self.systolic, self.diastolic, self.pulse = NumberField(), NumberField(), NumberField()
        self.pulse_regular = QComboBox()
        self.temperature = NumberField(1)
        self.vitals = {
            "bag_volume_ml": self.bag_volume,
            "weight_kg": self.weight,
            "haemoglobin_g_dl": self.haemoglobin,
            "systolic_mmhg": self.systolic,
            "diastolic_mmhg": self.diastolic,
            "pulse_per_min": self.pulse,
            "pulse_regular": self.pulse_regular,
            "temperature_c": self.temperature,
        }
        for name, field in self.vitals.items():
            field.setObjectName(f"camp_{name}")
        for combo in (self.bag_volume, self.pulse_regular):
            combo.setMaximumWidth(180)
        form, self.vital_labels = labelled_form(self.vitals.values())
        vitals_column.addLayout(form)
        vitals_column.addStretch()
        vitals = QWidget()
        vitals.setLayout(vitals_column)
        vitals.setMinimumWidth(420)
        body.addWidget(vitals, 2)
        questions_column = QVBoxLayout()
        self.questions_heading = subheading()
        questions_column.addWidget(self.questions_heading)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self.answers: dict[str, _Answer] = {}
        for row, question in enumerate(eligibility.QUESTIONS):
            answer = _Answer(question)
            answer.choice.setObjectName(f"camp_answer_{question.code}")
            grid.addWidget(answer.label, row, 0)
            grid.addWidget(answer.choice, row, 1)
            if answer.date is not None:
                grid.addWidget(answer.date, row, 2)
            self.answers[question.code] = answer
        questions_column.addLayout(grid)
        questions_column.addStretch()
        body.addLayout(questions_column, 3)
        scroll = QScrollArea()  # the questionnaire is long: it scrolls, the donor and the save button stay
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setLayout(body)
        scroll.setWidget(inner)
        column.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.screen_button = QPushButton()
        self.screen_button.setObjectName("camp_screen_button")
        self.screen_button.clicked.connect(self.screen)
        buttons.addWidget(self.screen_button)
        column.addLayout(buttons)
        return self.screen_area

    def _build_collect(self) -> QWidget:
        self.collect_area = SubmitArea()
        self.collect_area.setObjectName("camp_collect")
        self.collect_area.submitted.connect(self.collect)
        column = QVBoxLayout(self.collect_area)
        column.setContentsMargins(0, 0, 0, 0)
        self.collect_donor = QLabel()
        self.collect_donor.setStyleSheet("font-size:13pt; font-weight:600;")
        column.addWidget(self.collect_donor)
        self.din = DinField()
        self.din.setObjectName("camp_din")
        self.bag_type = QComboBox()
        self.bag_type.setObjectName("camp_bag_type")
        self.volume = NumberField()
        self.volume.setObjectName("camp_volume")
        self.reaction = QComboBox()
        self.reaction.setObjectName("camp_reaction")
        self.collect_fields = [self.bag_type, self.din, self.volume, self.reaction]
        for field in (self.bag_type, self.din, self.reaction):
            field.setMaximumWidth(360)
        form, self.collect_labels = labelled_form(self.collect_fields)
        self.collect_form = form
        column.addLayout(form)
        self.din.returnPressed.connect(self.collect)  # the label scanned as the needle goes in starts the bleed
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.collect_button = QPushButton()
        self.collect_button.setObjectName("camp_collect_button")
        self.collect_button.clicked.connect(self.collect)
        buttons.addWidget(self.collect_button)
        column.addLayout(buttons)
        column.addStretch()
        return self.collect_area

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Camp flow"))
        self.camp_label.setText(self.tr("&Camp"))
        self.lookup_label.setText(self.tr("&Donor"))
        self.lookup.setPlaceholderText(self.tr("Scan the donor card, or type the mobile number and press Enter"))
        self.register_heading.setText(self.tr("New donor: register"))
        set_texts(
            self.register_labels,
            [
                self.tr("&Given name"),
                self.tr("&Family name"),
                self.tr("Father's / husband's name"),
                self.tr("&Sex (M, F, O)"),
                self.tr("Date of &birth"),
                self.tr("&Mobile"),
                self.tr("Consent"),
            ],
        )
        self.consent.setText(self.tr("The donor has read and signed the consent"))
        fill_combo(self.sex, [("—", None)] + [(render(m), s) for s, m in donor_views.SEX_LABELS.items()])
        self.pledge_button.setText(self.tr("Pledge only (F2)"))
        self.pledge_button.setToolTip(self.tr("The donor signs up to donate another day; nothing is screened today"))
        self.register_button.setText(self.tr("Register and screen (Enter)"))
        self.hint.setText(
            self.tr(
                "Enter saves each step and moves on; Esc goes back to the donor box; F2 records a pledge. "
                "A donor deferred at any centre is stopped at screening."
            )
        )
        self.vitals_heading.setText(self.tr("Vitals"))
        self.questions_heading.setText(self.tr("Questionnaire (N = no, Y = yes)"))
        set_texts(
            self.vital_labels,
            [
                self.tr("&Bag volume"),
                self.tr("&Weight (kg)"),
                self.tr("&Haemoglobin (g/dL)"),
                self.tr("&Systolic BP (mmHg)"),
                self.tr("D&iastolic BP (mmHg)"),
                self.tr("&Pulse (/min)"),
                self.tr("Pulse r&hythm"),
                self.tr("T&emperature (°C)"),
            ],
        )
        fill_combo(self.bag_volume, [(self.tr("{volume} ml").format(volume=v), v) for v in (450, 350)])
        fill_exam_choices(self.pulse_regular, self.answers.values())
        self.screen_button.setText(self.tr("Save screening (Enter)"))
        set_texts(
            self.collect_labels,
            [
                self.tr("Bag &type"),
                self.tr("Bag &DIN (scan; empty: next number)"),
                self.tr("Collected &volume (ml)"),
                self.tr("Adverse &reaction"),
            ],
        )
        fill_combo(self.bag_type, [(render(m), t) for t, m in donor_views.BAG_TYPE_LABELS.items()])
        fill_combo(
            self.reaction,
            [(self.tr("None"), None)] + [(render(m), r) for r, m in donor_views.ADVERSE_REACTION_LABELS.items()],
        )
        self._show_collect_mode()
        self.couch_heading.setText(self.tr("On the couch: scan the full bag, or choose it and press Enter"))
        self.couch_model.retranslate()
        self.found_model.retranslate()
        self._show_steps()
        self._show_figures()
        if self.history is not None:
            self._show_donor(self.history)

    def activated(self) -> None:
        today = date.today()

        def loaded(rows: list[RunningCamp]) -> None:
            current = self.camp_id()
            self.camps = rows
            self.camp.blockSignals(True)
            fill_combo(self.camp, [(f"{c.code} · {c.name}", c.id) for c in rows], keep=False)
            if find_data(self.camp, current) >= 0:
                self.camp.setCurrentIndex(find_data(self.camp, current))
            self.camp.blockSignals(False)
            if not rows:
                self.message.show_message(self.tr("No camp is running today: plan one on the Camps page."), "warn")
            self.load_dashboard()

        self.ctx.load(self, lambda session: camp_views.running_camps(session, today), loaded)
        if self.stack.currentIndex() == FIND:
            self.lookup.setFocus()

    def handle_scan(self, text: str) -> bool:
        """A donor card anywhere on the page finds the donor; a bag's DIN at collection goes into the DIN box."""
        if self.stack.currentIndex() == COLLECT:
            bleeding = self._on_couch(text)
            if bleeding is not None:  # another full bag: finish that one
                self.finish(bleeding)
            elif self.finishing is None:  # the label of this donor's bag, as the needle goes in
                self.din.setText(text.strip())
                self.collect()
            else:
                self.message.show_message(
                    self.tr("That bag is not on a couch: record this donor's bag first, or press Esc."), "error"
                )
            return True
        if self.stack.currentIndex() == FIND:
            bleeding = self._on_couch(text)
            if bleeding is not None:
                self.finish(bleeding)
                return True
            self.lookup.setText(text.strip())
            self.find()
            return True
        return False

    def _on_couch(self, text: str) -> OnCouch | None:
        din = din_of_scan(text)
        return next((c for c in self.couch if din is not None and c.din == din), None)

    def clear_work(self) -> None:
        # the donors on the couches stay listed: they are still bleeding whoever signs in next
        self.next_donor()
        self.message.clear_message()

    # --- helpers ------------------------------------------------------------------------------------------------

    def camp_id(self) -> uuid.UUID | None:
        data = self.camp.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def _show_steps(self) -> None:
        current = self.stack.currentIndex()
        parts = []
        for index, name in enumerate(STEP_NAMES):
            text = render(name)
            style = "color:#0d47a1; font-weight:700;" if index == current else "color:#90a4ae;"
            parts.append(f'<span style="{style}">{text}</span>')
        self.steps.setText(" &nbsp;→&nbsp; ".join(parts))

    def load_dashboard(self) -> None:
        camp_id = self.camp_id()
        self._board_generation += 1
        generation = self._board_generation
        if camp_id is None:
            self.dashboard = None
            self._show_figures()
            return

        def loaded(board: CampDashboard) -> None:
            if generation == self._board_generation:  # an older count arriving late is dropped
                self.dashboard = board
                self._show_figures()

        self.ctx.load(self, lambda session: camp_views.camp_dashboard(session, camp_id), loaded)

    def _show_figures(self) -> None:
        board = self.dashboard
        if board is None:
            self.figures.clear()
            return
        self.figures.setText(
            self.tr(
                "Registered {registered} · returning {returning} · pledged {pledged} · screened {screened} · "
                "deferred {deferred} · collected {collected} · reactions {reactions}"
            ).format(
                registered=board.registered,
                returning=board.returning,
                pledged=board.pledged,
                screened=board.screened,
                deferred=board.deferred,
                collected=board.collected,
                reactions=board.reactions,
            )
        )

    def _saved(self, text: str) -> None:
        self.message.show_message(text, "ok")
        self.records_changed_here()

    def records_changed_here(self) -> None:
        self.load_dashboard()

    # --- step 1: find or register -------------------------------------------------------------------------------

    def find(self) -> None:
        text = self.lookup.text().strip()
        if not text:
            return
        self.message.clear_message()
        bleeding = self._on_couch(text)
        if bleeding is not None:
            self.finish(bleeding)
            return

        def found(rows: list[DonorSummary]) -> None:
            self.found_model.set_rows(rows)
            self.found.setVisible(len(rows) > 1)
            if len(rows) == 1:
                self.start(rows[0].id)
            elif rows:
                self.register_area.hide()
                self.found.setFocus()
                self.found.selectionModel().setCurrentIndex(
                    self.found_model.index(0, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                self._new_donor(text)

        self.ctx.load(self, lambda session: donors.search(session, text, limit=10), found, self.message.show_error)

    def _new_donor(self, typed: str) -> None:
        for field in (self.given_name, self.family_name, self.guardian, self.mobile):
            field.clear()
        self.date_of_birth.clear()
        self.sex.setCurrentIndex(0)
        self.consent.setChecked(False)
        mobile = donors.normalise_mobile(typed)
        if mobile is not None:
            self.mobile.setText(mobile)
        elif not any(ch.isdigit() for ch in typed):
            self.given_name.setText(typed)
        self.message.show_message(
            self.tr("No donor found for '{text}': register the donor.").format(text=typed), "warn"
        )
        self.register_area.show()
        self.given_name.setFocus()

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.start(self.found_model.row(index.row()).id)

    def donor_form(self) -> DonorForm:
        def optional(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return DonorForm(
            given_name=self.given_name.text(),
            family_name=optional(self.family_name),
            guardian_name=optional(self.guardian),
            sex=self.sex.currentData() or "",
            date_of_birth=self.date_of_birth.date(),  # type: ignore[arg-type]  # None: the service says what is missing
            mobile=optional(self.mobile),
            consent=self.consent.isChecked(),
        )

    def register(self) -> None:
        camp_id, form = self.camp_id(), self.donor_form()
        if camp_id is None:
            self.message.show_message(self.tr("Choose the camp first."), "error")
            return
        self.ctx.save(
            self,
            lambda uow: camp_flow.register_at_camp(uow, camp_id, form),
            lambda registered: self._registered(registered.id, registered.donor_number),
            self.message.show_error,
            changed="donors",
        )

    def _registered(self, donor_id: uuid.UUID, number: str) -> None:
        self._saved(self.tr("Registered {number}.").format(number=number))
        self.register_area.hide()
        self.start(donor_id)

    def pledge(self) -> None:
        """F2: the donor in hand (found, or typed into the registration form) pledges to donate another day."""
        camp_id = self.camp_id()
        if camp_id is None:
            self.message.show_message(self.tr("Choose the camp first."), "error")
            return
        if self.stack.currentIndex() == SCREEN and self.history is not None:
            donor_id = self.history.donor.id
            use_case = lambda uow: camp_flow.pledge(uow, camp_id, donor_id=donor_id)  # noqa: E731
        elif self.stack.currentIndex() == FIND and self.register_area.isVisible():
            form = self.donor_form()
            use_case = lambda uow: camp_flow.pledge(uow, camp_id, form=form)  # noqa: E731
        else:
            return
        self.ctx.save(self, use_case, self._pledged, self.message.show_error, changed="donors")

    def _pledged(self, pledge: camp_flow.Pledge) -> None:
        self.next_donor()
        self._saved(self.tr("Pledge recorded for {number}: thank the donor.").format(number=pledge.donor_number))

    # --- step 2: questionnaire and vitals -----------------------------------------------------------------------

    def start(self, donor_id: uuid.UUID) -> None:
        today = date.today()

        def loaded(history: DonorHistory) -> None:
            self.history = history
            self.result = None
            self._reset_screening()
            self._show_donor(history)
            self.stack.setCurrentIndex(SCREEN)
            self.weight.setFocus()

        self.ctx.load(
            self, lambda session: donors.history(session, donor_id, on=today), loaded, self.message.show_error
        )

    def _show_donor(self, history: DonorHistory) -> None:
        d = history.donor
        self.donor_name.setText(full_name(d.given_name, d.family_name))
        age = eligibility.age_on(d.date_of_birth, date.today())
        last = history.last_whole_blood
        facts = [d.donor_number, render(donor_views.SEX_LABELS[Sex(d.sex)]), self.tr("{age} years").format(age=age)]
        facts.append(
            self.tr("last donated {date}").format(date=local_date_text(last)) if last else self.tr("first donation")
        )
        self.donor_facts.setText(" · ".join(facts))
        self.group_badge.set_group(history.blood_group)
        if history.active_deferrals:
            lines = []
            for deferral in history.active_deferrals:
                detail = deferral.reason_code + (f": {deferral.detail}" if deferral.detail else "")
                if deferral.permanent:
                    lines.append(self.tr("{detail} (permanent)").format(detail=detail))
                elif deferral.until is not None:
                    lines.append(
                        self.tr("{detail} (may donate again from {until})").format(
                            detail=detail, until=local_date_text(deferral.until)
                        )
                    )
                else:
                    lines.append(detail)
            self.deferral_banner.show_text(
                "<b>"
                + self.tr("Deferred: do not bleed. Save the screening to record the visit, or press Esc.")
                + "</b><br>"
                + "<br>".join(lines),
                "danger",
            )
        else:
            self.deferral_banner.clear_text()
        for answer in self.answers.values():
            answer.set_visible(answer.question.applies_to(d.sex, DonationType.WHOLE_BLOOD))

    def _reset_screening(self) -> None:
        for field in (self.weight, self.haemoglobin, self.systolic, self.diastolic, self.pulse, self.temperature):
            field.clear()
        self.bag_volume.setCurrentIndex(0)
        self.pulse_regular.setCurrentIndex(0)
        for answer in self.answers.values():
            answer.clear()

    def screening_form(self, camp_id: uuid.UUID | None) -> ScreeningForm:
        sex = self.history.donor.sex if self.history else Sex.MALE
        answers = {}
        for code, answer in self.answers.items():
            if answer.question.applies_to(sex, DonationType.WHOLE_BLOOD):
                answered, value = answer.answered()
                if answered:
                    answers[code] = value
        return ScreeningForm(
            bag_volume_ml=self.bag_volume.currentData(),
            weight_kg=self.weight.value(),
            haemoglobin_g_dl=self.haemoglobin.value(),
            systolic_mmhg=self.systolic.value(),  # type: ignore[arg-type]
            diastolic_mmhg=self.diastolic.value(),  # type: ignore[arg-type]
            pulse_per_min=self.pulse.value(),  # type: ignore[arg-type]
            pulse_regular=self.pulse_regular.currentData(),
            temperature_c=self.temperature.value(),
            answers=answers,
            camp_id=camp_id,
        )

    def screen(self) -> None:
        if self.history is None or self.result is not None:
            return
        if self.camp_id() is None:  # this page screens for a camp only; the Screening page is for the centre
            self.message.show_message(self.tr("Choose the camp first."), "error")
            return
        donor_id, form = self.history.donor.id, self.screening_form(self.camp_id())
        self.ctx.save(self, lambda uow: screening.screen(uow, donor_id, form), self._screened, self.message.show_error)

    def _screened(self, result: ScreeningResult) -> None:
        self.result = result
        self.load_dashboard()
        if not result.eligible:
            lines = "<br>".join(f"• {render(r.text)}" for r in result.reasons)
            self.deferral_banner.show_text(
                "<b>" + self.tr("Deferred: do not bleed. Press Esc for the next donor.") + "</b><br>" + lines, "danger"
            )
            self.message.show_message(self.tr("Screening saved: the donor is deferred."), "warn")
            return
        assert self.history is not None
        d = self.history.donor
        self.collect_donor.setText(
            self.tr("{name} ({number}): fit to donate").format(
                name=full_name(d.given_name, d.family_name), number=d.donor_number
            )
        )
        self.finishing = None
        self.din.clear()
        self.bag_type.setCurrentIndex(max(0, self.bag_type.findData(BagType.TRIPLE)))
        self._show_collect_mode()
        self.message.show_message(self.tr("Fit to donate: scan the bag's label as the needle goes in."), "ok")
        self.stack.setCurrentIndex(COLLECT)
        self.din.setFocus()

    # --- step 3: collection (the bleed starts, the donor is on a couch; the full bag ends it) ------------------------

    def _show_collect_mode(self) -> None:
        finishing = self.finishing is not None
        for field in (self.din, self.bag_type):
            field.setEnabled(not finishing)
        for field, label in zip(self.collect_fields, self.collect_labels, strict=True):
            shown = finishing if field in (self.volume, self.reaction) else True
            field.setVisible(shown)
            label.setVisible(shown)
        if finishing:
            self.collect_button.setText(self.tr("Record collection (Enter)"))
        else:
            self.collect_button.setText(self.tr("Start the bleed (Enter)"))

    def collect(self) -> None:
        if self.finishing is not None:
            self._record(self.finishing)
            return
        if self.result is None or not self.result.eligible or self.history is None:
            return
        typed = self.din.text().strip()
        din = din_of_scan(typed) if typed else None
        if typed and din is None:
            self.message.show_message(
                self.tr("'{text}' is not a bag's DIN: scan the label again.").format(text=typed), "error"
            )
            return
        d = self.history.donor
        self.couch.append(
            OnCouch(
                self.result.visit_id,
                f"{full_name(d.given_name, d.family_name)} ({d.donor_number})",
                din,
                self.bag_type.currentData(),
                self.bag_volume.currentData() or 450,
                utcnow(),
            )
        )
        self.couch_model.set_rows(list(self.couch))
        self.next_donor()
        self.message.show_message(
            self.tr("Bleed started ({din}): scan the bag again when it is full.").format(
                din=din or self.tr("next DIN")
            ),
            "ok",
        )

    def finish(self, bleeding: OnCouch) -> None:
        """The full bag scanned (or chosen): record the donation with its volume and any reaction."""
        self.finishing = bleeding
        self.message.clear_message()
        since = bleeding.started_at.astimezone().strftime("%H:%M")
        self.collect_donor.setText(self.tr("{donor}: bleeding since {since}").format(donor=bleeding.donor, since=since))
        self.din.setText(bleeding.din or "")
        self.bag_type.setCurrentIndex(max(0, self.bag_type.findData(bleeding.bag_type)))
        self.volume.set_value(bleeding.bag_volume_ml)
        self.reaction.setCurrentIndex(0)
        self._show_collect_mode()
        self.stack.setCurrentIndex(COLLECT)
        self.volume.setFocus()
        self.volume.selectAll()

    def _record(self, bleeding: OnCouch) -> None:
        volume, reaction = self.volume.value(), self.reaction.currentData()

        def use_case(uow):  # noqa: ANN001 - the unit of work's own clock ends the bleed
            form = collection.CollectionForm(
                bag_type=bleeding.bag_type,
                bag_volume_ml=bleeding.bag_volume_ml,
                collected_volume_ml=volume,  # type: ignore[arg-type]  # None: the service says it is missing
                bleed_start=bleeding.started_at,
                bleed_end=uow.now,
                din=bleeding.din,
                adverse_reaction=reaction,
            )
            return collection.collect(uow, bleeding.visit_id, form)

        self.ctx.save(
            self, use_case, lambda done: self._collected(bleeding, done), self.message.show_error, changed="donations"
        )

    def _collected(self, bleeding: OnCouch, done: collection.CollectedDonation) -> None:
        self.couch = [c for c in self.couch if c is not bleeding]
        self.couch_model.set_rows(list(self.couch))
        self.next_donor()
        self._saved(
            self.tr("Collected: DIN {din} {check}. Next donor.").format(din=done.din, check=done.check_character)
        )

    def next_donor(self) -> None:
        """Esc: back to the donor box, the form emptied (nothing unsaved is kept)."""
        self.history = None
        self.result = None
        self.finishing = None
        self.register_area.hide()
        self.found.hide()
        self.found_model.set_rows([])
        self.lookup.clear()
        self.deferral_banner.clear_text()
        self.stack.setCurrentIndex(FIND)
        self.lookup.setFocus()
