"""Screening page: the medical officer's examination and questionnaire for one donor, with the eligibility result and
every failing reason shown live as the form is filled, then the visit saved through ``screening.screen``.

The live result is ``rules.eligibility.assess`` itself (pure and cheap), run on the donor's recorded history (loaded
once in the background) plus what the form holds; saving asks the service, which assesses again and records the
visit and its deferrals. A deferred donor is stopped here: the result says why and until when, and the way on to
collection is offered only for a visit the service recorded as fit. A medical officer may also record a deferral of
their own, with a coded reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError, InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import eligibility
from bbms_desktop.rules.eligibility import AnswerKind, Assessment, Question
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import DonationType, Sex
from bbms_desktop.services import donor_views, donors, screening
from bbms_desktop.services.donor_views import ScreeningStart, full_name
from bbms_desktop.services.donors import DeferralSummary, DonorSummary
from bbms_desktop.services.screening import RecordedDeferral, ScreeningForm, ScreeningResult
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.donor_widgets import (
    Banner,
    DateField,
    GroupBadge,
    NumberField,
    SubmitArea,
    heading,
    local_date_text,
    subheading,
)
from bbms_desktop.ui.pages.donors import DONOR_NUMBER
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, fill_combo, labelled_form, local_text, render, set_texts

UNANSWERED, NO, YES, NEVER, ON_DATE = "", "no", "yes", "never", "date"
_ANSWER_KEYS = {"n": (NO, NEVER), "y": (YES, ON_DATE)}

DONOR_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Donor number"), lambda d: d.donor_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda d: full_name(d.given_name, d.family_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Sex"), lambda d: donor_views.SEX_LABELS[Sex(d.sex)]),
    Column(QT_TRANSLATE_NOOP("Columns", "Date of birth"), lambda d: local_text(d.date_of_birth)),
    Column(QT_TRANSLATE_NOOP("Columns", "Mobile"), lambda d: d.mobile or ""),
]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bullets(lines: list[str]) -> str:
    return "".join(f"• {_escape(line)}<br>" for line in lines)


class _AnswerBox(QComboBox):
    """An answer chooser where N and Y mean no and yes whatever the language of its labels (a Hindi "नहीं" does not
    start with N): the questionnaire goes by keyboard at any desk."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        wanted = _ANSWER_KEYS.get(event.text().lower())
        if wanted is not None and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            for data in wanted:
                index = self.findData(data)
                if index >= 0:
                    self.setCurrentIndex(index)
                    return
        super().keyPressEvent(event)


class _Answer:
    """One question's row: its text, the answer chooser and, for a date question, the date."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.choice = _AnswerBox()
        self.choice.setObjectName(f"answer_{question.code}")
        self.date = DateField() if question.kind is AnswerKind.DATE else None
        if self.date is not None:
            self.date.setObjectName(f"answer_{question.code}_date")
            self.date.setEnabled(False)
            self.choice.currentIndexChanged.connect(self._choice_changed)
        self.label.setBuddy(self.choice)

    def _choice_changed(self) -> None:
        assert self.date is not None
        on_date = self.choice.currentData() == ON_DATE
        self.date.setEnabled(on_date)
        if on_date:
            self.date.setFocus()

    def widgets(self) -> list[QWidget]:
        return [self.label, self.choice] + ([self.date] if self.date is not None else [])

    def set_visible(self, visible: bool) -> None:
        for widget in self.widgets():
            widget.setVisible(visible)

    def answered(self) -> tuple[bool, Any]:
        """(answered, answer): a yes/no as True/False, a date question as its date or None (it never happened)."""
        data = self.choice.currentData()
        if data == YES:
            return True, True
        if data == NO:
            return True, False
        if data == NEVER:
            return True, None
        if data == ON_DATE and self.date is not None and self.date.date() is not None:
            return True, self.date.date()
        return False, None

    def clear(self) -> None:
        self.choice.setCurrentIndex(0)
        if self.date is not None:
            self.date.clear()
            self.date.setEnabled(False)


def fill_exam_choices(pulse_regular: QComboBox, answers: Iterable[_Answer]) -> None:
    """The pulse rhythm's choices, and each question's text and answer choices, in the window's language (the
    screening page and the camp flow page)."""
    fill_combo(
        pulse_regular,
        [
            (QCoreApplication.translate("ScreeningPage", "Not checked"), None),
            (QCoreApplication.translate("ScreeningPage", "Regular"), True),
            (QCoreApplication.translate("ScreeningPage", "Irregular"), False),
        ],
    )
    no, yes = QCoreApplication.translate("ScreeningPage", "No"), QCoreApplication.translate("ScreeningPage", "Yes")
    never = QCoreApplication.translate("ScreeningPage", "No / never")
    on_date = QCoreApplication.translate("ScreeningPage", "Yes, on date:")
    for answer in answers:
        answer.label.setText(render(answer.question.text))
        if answer.question.kind is AnswerKind.YES_NO:
            items = [("—", UNANSWERED), (no, NO), (yes, YES)]
        else:
            items = [("—", UNANSWERED), (never, NEVER), (on_date, ON_DATE)]
        fill_combo(answer.choice, items)


class ScreeningPage(Page):
    page_id = "screening"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Screening")
    needs = frozenset({Action.SCREEN_DONOR})

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001 - AppContext, as Page takes it
        super().__init__(ctx, parent)
        self.start: ScreeningStart | None = None
        self.result: ScreeningResult | None = None
        self.assessment: Assessment | None = None
        self.found_search: str | None = None  # what the list of donors was found for; None: today's queue
        self._load_generation = 0
        self._search_generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        self.heading = heading()
        top.addWidget(self.heading)
        top.addStretch()
        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("screening_search")
        self.search.setProperty("acceptsScan", True)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(340)
        self.search.returnPressed.connect(self.find_donor)
        self.search_label.setBuddy(self.search)
        top.addWidget(self.search_label)
        top.addWidget(self.search)
        layout.addLayout(top)
        self.found_model = RowsModel(DONOR_COLUMNS, self)
        self.found = QTableView()
        self.found.setObjectName("screening_found")
        self.found.setModel(self.found_model)
        self.found.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.found.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.found.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.found.verticalHeader().hide()
        self.found.horizontalHeader().setStretchLastSection(True)
        self.found.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.found.horizontalHeader().setResizeContentsPrecision(0)  # columns fit the rows on screen
        self.found.setMaximumHeight(170)
        self.found.activated.connect(self._found_chosen)
        self.found_title = QLabel()
        self.found_title.setStyleSheet("color:#37474f; font-weight:600;")
        layout.addWidget(self.found_title)
        layout.addWidget(self.found)

        self.donor_box = QFrame()
        self.donor_box.setObjectName("donor_box")
        self.donor_box.setStyleSheet("#donor_box{background:#f5f7f8; border:1px solid #dde3e6; border-radius:4px;}")
        donor_row = QHBoxLayout(self.donor_box)
        self.donor_name = QLabel()
        self.donor_name.setObjectName("screening_donor_name")
        self.donor_name.setStyleSheet("font-size:13pt; font-weight:600;")
        self.donor_name.setTextFormat(Qt.TextFormat.PlainText)
        self.donor_facts = QLabel()
        self.donor_facts.setStyleSheet("color:#455a64;")
        self.donor_facts.setWordWrap(True)
        self.group_badge = GroupBadge()
        donor_row.addWidget(self.donor_name)
        donor_row.addWidget(self.donor_facts, 1)
        donor_row.addWidget(self.group_badge)
        layout.addWidget(self.donor_box)
        self.deferral_banner = Banner()
        self.deferral_banner.setObjectName("screening_deferral_banner")
        layout.addWidget(self.deferral_banner)
        self.message = MessageBar()
        layout.addWidget(self.message)

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area = SubmitArea()
        self.form_area.submitted.connect(self.save)
        scroll.setWidget(self.form_area)
        body.addWidget(scroll, 3)
        form_layout = QVBoxLayout(self.form_area)
        form_layout.setContentsMargins(0, 0, 8, 0)
        self.examination_heading = subheading()
        form_layout.addWidget(self.examination_heading)
        self._build_examination(form_layout)
        self.questionnaire_heading = subheading()
        form_layout.addWidget(self.questionnaire_heading)
        self.questionnaire_hint = QLabel()
        self.questionnaire_hint.setWordWrap(True)
        self.questionnaire_hint.setStyleSheet("color:#607d8b;")
        form_layout.addWidget(self.questionnaire_hint)
        self._build_questionnaire(form_layout)
        form_layout.addStretch()

        side = QVBoxLayout()
        body.addLayout(side, 2)
        self.assessment_heading = subheading()
        side.addWidget(self.assessment_heading)
        self.result_banner = Banner()
        self.result_banner.setObjectName("result_banner")
        side.addWidget(self.result_banner)
        self.reasons = QLabel()
        self.reasons.setObjectName("reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setStyleSheet("color:#8a1c1c;")
        side.addWidget(self.reasons)
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color:#546e7a;")
        side.addWidget(self.missing)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_screening")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.proceed_button = QPushButton()
        self.proceed_button.setObjectName("proceed_to_collection")
        self.proceed_button.clicked.connect(self.proceed)
        self.proceed_button.setStyleSheet("QPushButton{background:#2e7d32; color:white; padding:4px 10px;}")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.proceed_button)
        buttons.addStretch()
        side.addLayout(buttons)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next_donor)
        self.defer_toggle = QPushButton()
        self.defer_toggle.setObjectName("defer_toggle")
        self.defer_toggle.setCheckable(True)
        self.defer_toggle.toggled.connect(self._toggle_defer)
        more = QHBoxLayout()
        more.addWidget(self.next_button)
        more.addWidget(self.defer_toggle)
        more.addStretch()
        side.addLayout(more)
        self.permit(self.defer_toggle, Action.DEFER_DONOR)
        self.defer_box = self._build_defer()
        side.addWidget(self.defer_box)
        side.addStretch()
        self.proceed_button.hide()

        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self.retranslate()
        self._show_donor(None)

    # --- building -----------------------------------------------------------------------------------------------

    def _build_examination(self, into: QVBoxLayout) -> None:
        self.donation_type, self.bag_volume = QComboBox(), QComboBox()
        self.weight, self.haemoglobin = NumberField(1), NumberField(1)
        self.systolic, self.diastolic, self.pulse = NumberField(), NumberField(), NumberField()
        self.pulse_regular = QComboBox()
        self.temperature = NumberField(1)
        self.notes = QLineEdit()
        self.notes.setMaxLength(1000)
        self.exam_fields: dict[str, QWidget] = {
            "donation_type": self.donation_type,
            "bag_volume_ml": self.bag_volume,
            "weight_kg": self.weight,
            "haemoglobin_g_dl": self.haemoglobin,
            "systolic_mmhg": self.systolic,
            "diastolic_mmhg": self.diastolic,
            "pulse_per_min": self.pulse,
            "pulse_regular": self.pulse_regular,
            "temperature_c": self.temperature,
            "notes": self.notes,
        }
        for name, field in self.exam_fields.items():
            field.setObjectName(name)
        self.exam_form, self.exam_labels = labelled_form(self.exam_fields.values())
        into.addLayout(self.exam_form)
        for combo in (self.donation_type, self.bag_volume, self.pulse_regular):
            combo.currentIndexChanged.connect(self.assess)
            combo.setMaximumWidth(240)
        self.donation_type.currentIndexChanged.connect(self._donation_type_changed)
        for field in (self.weight, self.haemoglobin, self.systolic, self.diastolic, self.pulse, self.temperature):
            field.textChanged.connect(self.assess)

    def _build_questionnaire(self, into: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(8)
        self.answers: dict[str, _Answer] = {}
        for row, question in enumerate(eligibility.QUESTIONS):
            answer = _Answer(question)
            grid.addWidget(answer.label, row, 0)
            grid.addWidget(answer.choice, row, 1)
            if answer.date is not None:
                grid.addWidget(answer.date, row, 2)
                answer.date.textChanged.connect(self.assess)
            answer.choice.currentIndexChanged.connect(self.assess)
            self.answers[question.code] = answer
        into.addLayout(grid)

    def _build_defer(self) -> QWidget:
        box = QFrame()
        box.setObjectName("defer_box")
        box.setStyleSheet("#defer_box{border:1px solid #f5c2c0; border-radius:4px;}")
        layout = QVBoxLayout(box)
        self.defer_heading = subheading()
        layout.addWidget(self.defer_heading)
        self.defer_code = QComboBox()
        self.defer_code.setObjectName("defer_code")
        self.defer_code.setEditable(True)
        self.defer_permanent = QCheckBox()
        self.defer_permanent.setObjectName("defer_permanent")
        self.defer_until = DateField()
        self.defer_until.setObjectName("defer_until")
        self.defer_detail = QLineEdit()
        self.defer_detail.setObjectName("defer_detail")
        self.defer_detail.setMaxLength(500)
        self.defer_area = SubmitArea()
        self.defer_form, self.defer_labels = labelled_form(
            [self.defer_code, self.defer_permanent, self.defer_until, self.defer_detail]
        )
        self.defer_area.setLayout(self.defer_form)
        self.defer_area.submitted.connect(self.record_deferral)
        layout.addWidget(self.defer_area)
        self.defer_permanent.toggled.connect(lambda on: self.defer_until.setEnabled(not on))
        self.defer_message = MessageBar()
        layout.addWidget(self.defer_message)
        self.defer_button = QPushButton()
        self.defer_button.setObjectName("record_deferral")
        self.defer_button.clicked.connect(self.record_deferral)
        layout.addWidget(self.defer_button)
        box.hide()
        return box

    # --- texts --------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Screening"))
        self.search_label.setText(self.tr("&Donor:"))
        self.search.setPlaceholderText(self.tr("Donor number, mobile or name, or scan the donor card"))
        self.examination_heading.setText(self.tr("Examination"))
        self.questionnaire_heading.setText(self.tr("Questionnaire"))
        self.questionnaire_hint.setText(
            self.tr("Ask every question. Choose No or Yes (type N or Y); for a date question give the date.")
        )
        self.assessment_heading.setText(self.tr("Eligibility"))
        set_texts(
            self.exam_labels,
            [
                self.tr("Donation &type"),
                self.tr("&Bag volume"),
                self.tr("&Weight (kg)"),
                self.tr("&Haemoglobin (g/dL)"),
                self.tr("&Systolic BP (mmHg)"),
                self.tr("D&iastolic BP (mmHg)"),
                self.tr("&Pulse (/min)"),
                self.tr("Pulse r&hythm"),
                self.tr("T&emperature (°C)"),
                self.tr("N&otes"),
            ],
        )
        fill_combo(self.donation_type, [(render(m), t) for t, m in donor_views.DONATION_TYPE_LABELS.items()])
        fill_combo(
            self.bag_volume,
            [(self.tr("{volume} ml").format(volume=v), v) for v in (450, 350)] + [(self.tr("Not chosen"), None)],
        )
        fill_exam_choices(self.pulse_regular, self.answers.values())
        self.save_button.setText(self.tr("&Save screening"))
        self.save_button.setToolTip(self.tr("Record this screening (Enter or Ctrl+S)"))
        self.proceed_button.setText(self.tr("&Proceed to collection"))
        self.next_button.setText(self.tr("Ne&xt donor"))
        self.defer_toggle.setText(self.tr("De&fer donor…"))
        self.defer_heading.setText(self.tr("Record a deferral (medical officer)"))
        set_texts(
            self.defer_labels,
            [self.tr("Reason code"), self.tr("Permanent"), self.tr("May donate again from"), self.tr("Why")],
        )
        fill_combo(
            self.defer_code,
            [(f"{code}: {render(msg)}", code) for code, msg in donor_views.DEFERRAL_REASON_CODES.items()],
        )
        self.defer_code.setToolTip(self.tr("Choose a reason, or type another code (capital letters and _)"))
        self.defer_permanent.setText(self.tr("Never donate again"))
        self.defer_detail.setPlaceholderText(self.tr("What the donor told you or what you found"))
        self.defer_button.setText(self.tr("Record deferral"))
        self.found_model.retranslate()
        self._show_found_title()
        if self.start is not None:
            self._show_donor(self.start)
        if self.result is not None:
            self._show_result(self.result)
        else:
            self.assess()

    # --- page contract ------------------------------------------------------------------------------------------

    def activated(self) -> None:
        if self.start is None and not self.search.text().strip():
            self.load_queue()
        focus = self.focusWidget()
        if self.start is None and (focus is None or not self.isAncestorOf(focus)):
            self.search.setFocus()

    def handle_scan(self, text: str) -> bool:
        """A scanned donor card brings that donor up for screening."""
        code = text.strip()
        if not DONOR_NUMBER.fullmatch(code):
            return False
        self.search.setText(code)
        self.find_donor()
        return True

    def clear_work(self) -> None:
        self._load_generation += 1
        self._search_generation += 1
        self.search.clear()
        self.found_model.set_rows([])
        self.found_title.clear()
        self.message.clear_message()
        self._reset_form()
        self._show_donor(None)

    # --- choosing the donor -------------------------------------------------------------------------------------

    def load_queue(self) -> None:
        """Before a donor is chosen: those registered here today and not yet screened, in the order they came."""
        if self.ctx.actor is None:
            return
        self._search_generation += 1
        generation = self._search_generation
        centre_id = self.ctx.actor.centre_id

        def loaded(rows: list[DonorSummary]) -> None:
            if generation == self._search_generation and self.start is None:
                self.found_model.set_rows(rows)
                self.found_search = None
                self._show_found_title()

        self.ctx.load(self, lambda session: donor_views.registered_not_screened(session, centre_id), loaded)

    def _show_found_title(self) -> None:
        if self.found_search is not None:
            text = self.tr("Found for '{text}': choose the donor").format(text=self.found_search)
        elif self.found_model.rowCount():
            text = self.tr("Registered today, not yet screened ({count})").format(count=self.found_model.rowCount())
        else:
            text = self.tr("No donor registered today is waiting: search for the donor.")
        self.found_title.setText(text)

    def find_donor(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.load_queue()
            return
        self._search_generation += 1
        generation = self._search_generation

        def found(rows: list[DonorSummary]) -> None:
            if generation != self._search_generation:
                return
            self.found_model.set_rows(rows)
            self.found_search = text
            self._show_found_title()
            if len(rows) == 1:
                self.start_for(rows[0].id)
            elif rows:
                self.found.setFocus()
                self.found.selectionModel().setCurrentIndex(
                    self.found_model.index(0, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                self.message.show_message(self.tr("No donor found for '{text}'.").format(text=text), "warn")

        self.message.clear_message()
        self.ctx.load(self, lambda session: donors.search(session, text, limit=20), found, self.message.show_error)

    def _found_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.start_for(self.found_model.row(index.row()).id)

    def start_for(self, donor_id: uuid.UUID) -> None:
        """Screen this donor: a fresh form, with the donor's record and deferrals loaded in the background."""
        self._load_generation += 1
        generation = self._load_generation
        self._reset_form()
        self.message.clear_message()

        def loaded(start: ScreeningStart) -> None:
            if generation != self._load_generation:
                return
            self._show_donor(start)
            self.search.clear()
            self.weight.setFocus()

        def failed(error: Exception) -> None:
            if generation == self._load_generation:
                self._show_donor(None)
                self.message.show_error(error)

        self.ctx.load(self, lambda session: donor_views.screening_start(session, donor_id), loaded, failed)

    def next_donor(self) -> None:
        self._load_generation += 1
        self._reset_form()
        self._show_donor(None)
        self.message.clear_message()
        self.search.setFocus()
        self.load_queue()

    def _show_donor(self, start: ScreeningStart | None) -> None:
        self.start = start
        self.form_area.setEnabled(start is not None and self.result is None)
        self.save_button.setEnabled(start is not None and self.result is None)
        self.defer_toggle.setEnabled(start is not None)
        self.donor_box.setVisible(start is not None)
        self.found.setVisible(start is None)
        self.found_title.setVisible(start is None)
        if start is None:
            self.deferral_banner.clear_text()
            self.defer_toggle.setChecked(False)
            self._show_questions(Sex.MALE, DonationType.WHOLE_BLOOD)
            self.result_banner.show_text(_escape(self.tr("Find the donor to screen: search or scan the donor card.")))
            self.reasons.clear()
            self.missing.clear()
            self.proceed_button.hide()
            return
        view = start.view
        d, history = view.details, view.history
        self.donor_name.setText(f"{d.name}  ·  {d.donor_number}")
        last = (
            self.tr("last whole blood donation {date}").format(date=local_date_text(history.last_whole_blood))
            if history.last_whole_blood
            else self.tr("first-time donor")
        )
        self.donor_facts.setText(
            self.tr("{sex}, {age} years · {last}").format(
                sex=render(donor_views.SEX_LABELS[d.sex]), age=view.age, last=last
            )
        )
        self.group_badge.set_group(history.blood_group)
        if history.active_deferrals:
            lines = [self._deferral_line(x) for x in history.active_deferrals]
            self.deferral_banner.show_text(
                "<b>" + _escape(self.tr("Deferred: this donor must not donate now.")) + "</b><br>" + _bullets(lines),
                "danger",
            )
        else:
            self.deferral_banner.clear_text()
        self._show_questions(d.sex, self.donation_type.currentData() or DonationType.WHOLE_BLOOD)
        if self.result is None:
            self.assess()

    def _deferral_line(self, deferral: DeferralSummary) -> str:
        detail = deferral.reason_code + (f": {deferral.detail}" if deferral.detail else "")
        if deferral.permanent:
            return self.tr("{detail} (permanent)").format(detail=detail)
        if deferral.until is None:
            return self.tr("{detail} (until a medical officer lifts it)").format(detail=detail)
        return self.tr("{detail} (may donate again from {until})").format(
            detail=detail, until=local_date_text(deferral.until)
        )

    def _show_questions(self, sex: str, donation_type: str) -> None:
        for answer in self.answers.values():
            answer.set_visible(answer.question.applies_to(sex, donation_type))

    def _donation_type_changed(self) -> None:
        whole_blood = self.donation_type.currentData() == DonationType.WHOLE_BLOOD
        self.bag_volume.setEnabled(whole_blood)
        sex = self.start.view.details.sex if self.start else Sex.MALE
        self._show_questions(sex, self.donation_type.currentData() or DonationType.WHOLE_BLOOD)

    def _reset_form(self) -> None:
        self.result = None
        self.assessment = None
        widgets = [*self.exam_fields.values()] + [w for a in self.answers.values() for w in (a.choice, a.date) if w]
        for widget in widgets:
            widget.blockSignals(True)
        for field in (self.weight, self.haemoglobin, self.systolic, self.diastolic, self.pulse, self.temperature):
            field.clear()
            field.setStyleSheet("")
        self.notes.clear()
        self.donation_type.setCurrentIndex(0)
        self.bag_volume.setCurrentIndex(0)
        self.bag_volume.setEnabled(True)
        self.pulse_regular.setCurrentIndex(0)
        for answer in self.answers.values():
            answer.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.proceed_button.hide()
        self.defer_message.clear_message()

    # --- the live assessment ------------------------------------------------------------------------------------

    def screening_form(self) -> ScreeningForm:
        donation_type = self.donation_type.currentData() or DonationType.WHOLE_BLOOD
        answers = {}
        sex = self.start.view.details.sex if self.start else Sex.MALE
        for code, answer in self.answers.items():
            if not answer.question.applies_to(sex, donation_type):
                continue
            answered, value = answer.answered()
            if answered:
                answers[code] = value
        return ScreeningForm(
            donation_type=donation_type,
            bag_volume_ml=self.bag_volume.currentData() if donation_type == DonationType.WHOLE_BLOOD else None,
            weight_kg=self.weight.value(),
            haemoglobin_g_dl=self.haemoglobin.value(),
            systolic_mmhg=self.systolic.value(),  # type: ignore[arg-type]
            diastolic_mmhg=self.diastolic.value(),  # type: ignore[arg-type]
            pulse_per_min=self.pulse.value(),  # type: ignore[arg-type]
            pulse_regular=self.pulse_regular.currentData(),
            temperature_c=self.temperature.value(),
            answers=answers,
            notes=self.notes.text().strip() or None,
        )

    def assess(self) -> None:
        """Run the eligibility rules on the form as it stands and show every reason (nothing is saved)."""
        if self.start is None or self.result is not None:
            return
        form = self.screening_form()
        visit = replace(
            self.start.visit,
            donation_type=form.donation_type,
            bag_volume_ml=form.bag_volume_ml,
            weight_kg=form.weight_kg,
            haemoglobin_g_dl=form.haemoglobin_g_dl,
            systolic_mmhg=form.systolic_mmhg,
            diastolic_mmhg=form.diastolic_mmhg,
            pulse_per_min=form.pulse_per_min,
            pulse_regular=form.pulse_regular,
            temperature_c=form.temperature_c,
            answers=dict(form.answers),
        )
        self._mark_field(None)
        try:
            assessment = eligibility.assess(visit)
        except InvalidInput as error:
            self.assessment = None
            self.result_banner.show_text(
                "<b>" + _escape(self.tr("Check the reading")) + "</b><br>" + _escape(render(error.text)), "warn"
            )
            self._mark_field(error.field)
            return
        self.assessment = assessment
        reasons = [render(r.text) for r in assessment.reasons]
        if assessment.reasons:
            self.result_banner.show_text(
                self._deferred_headline(assessment.permanent, assessment.defer_until), "danger"
            )
        elif assessment.missing:
            self.result_banner.show_text(
                "<b>"
                + _escape(self.tr("No reason to defer so far"))
                + "</b><br>"
                + _escape(self.tr("The screening is not complete yet.")),
                "info",
            )
        else:
            self.result_banner.show_text("<b>" + _escape(self.tr("Fit to donate")) + "</b>", "ok")
        self.reasons.setText(_bullets(reasons) if reasons else "")
        self.reasons.setVisible(bool(reasons))
        if assessment.missing:
            names = [render(self._label(name)) for name in assessment.missing if not name.startswith("answers.")]
            unanswered = sum(name.startswith("answers.") for name in assessment.missing)
            if unanswered:
                names.append(self.tr("questionnaire answers ({count} not asked yet)").format(count=unanswered))
            self.missing.setText(self.tr("Still to enter: {fields}").format(fields=", ".join(names)))
        else:
            self.missing.clear()

    def _deferred_headline(self, permanent: bool, until: date | None) -> str:
        if permanent:
            detail = self.tr("Permanently deferred.")
        elif until is not None:
            detail = self.tr("Deferred: may donate again from {date}.").format(date=local_date_text(until))
        else:
            detail = self.tr("Deferred while the condition lasts: ask again at the next visit.")
        return "<b>" + _escape(self.tr("Not fit to donate")) + "</b><br>" + _escape(detail)

    @staticmethod
    def _label(name: str) -> Any:
        if name.startswith("answers."):
            return eligibility.QUESTION_BY_CODE[name.removeprefix("answers.")].topic
        return eligibility.LABELS.get(name, name)

    def _field_widget(self, name: str | None) -> QWidget | None:
        if name is None:
            return None
        if name.startswith("answers."):
            answer = self.answers.get(name.removeprefix("answers."))
            return (
                None if answer is None else (answer.date if answer.date and answer.date.isEnabled() else answer.choice)
            )
        return self.exam_fields.get(name)

    def _mark_field(self, name: str | None) -> None:
        for field in (self.weight, self.haemoglobin, self.systolic, self.diastolic, self.pulse, self.temperature):
            field.setStyleSheet("")
        widget = self._field_widget(name)
        if isinstance(widget, NumberField):
            widget.setStyleSheet("QLineEdit{border:1px solid #e0a800; background:#fffbea;}")

    # --- saving -------------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.start is None or self.result is not None or not self.save_button.isEnabled():
            return
        donor_id, form = self.start.view.details.id, self.screening_form()
        self.save_button.setEnabled(False)
        self.ctx.save(
            self, lambda uow: screening.screen(uow, donor_id, form), self._saved, self._save_failed, changed="screening"
        )

    def _saved(self, result: ScreeningResult) -> None:
        self.result = result
        self.form_area.setEnabled(False)
        self._show_result(result)
        if result.eligible and self.proceed_button.isVisible():
            self.proceed_button.setFocus()
        else:
            self.next_button.setFocus()

    def _show_result(self, result: ScreeningResult) -> None:
        if result.eligible:
            self.result_banner.show_text(
                "<b>"
                + _escape(self.tr("Fit to donate: screening recorded"))
                + "</b><br>"
                + _escape(self.tr("The donor may go on to collection today.")),
                "ok",
            )
            self.reasons.clear()
            self.reasons.hide()
            self.message.show_message(self.tr("Screening recorded: fit to donate."))
        else:
            self.result_banner.show_text(self._deferred_headline(result.permanent, result.defer_until), "danger")
            lines = [self._reason_line(r) for r in result.reasons]
            self.reasons.setText(_bullets(lines))
            self.reasons.show()
            self.message.show_message(
                self.tr("Screening recorded: the donor is deferred and must not donate today."), "warn"
            )
        self.missing.clear()
        self.save_button.setEnabled(False)
        self.proceed_button.setVisible(result.eligible and self.ctx.may(Action.COLLECT))

    def _reason_line(self, reason: screening.ScreeningReason) -> str:
        text = render(reason.text)
        if reason.permanent:
            return self.tr("{reason} (permanent)").format(reason=text)
        if reason.until is not None:
            return self.tr("{reason} (deferred until {date})").format(reason=text, date=local_date_text(reason.until))
        return text

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(error)
        if isinstance(error, DomainError):
            widget = self._field_widget(error.field)
            if widget is not None:
                widget.setFocus()

    def proceed(self) -> None:
        if self.result is None or not self.result.eligible:
            return  # a deferred donor never goes on to collection
        opener = getattr(self.window(), "open_page", None)
        page = opener("collection") if opener is not None else None
        if page is not None and hasattr(page, "start_for_visit"):
            page.start_for_visit(self.result.visit_id)

    # --- a medical officer's own deferral -----------------------------------------------------------------------

    def _toggle_defer(self, on: bool) -> None:
        self.defer_box.setVisible(on)
        if on:
            self.defer_message.clear_message()
            self.defer_code.setFocus()

    def record_deferral(self) -> None:
        if self.start is None:
            return
        if self.defer_until.is_invalid():
            self.defer_message.show_error(self.tr("Type the date day first, as 17-05-2027."))
            self.defer_until.setFocus()
            return
        donor_id = self.start.view.details.id
        code = self._deferral_code()
        permanent = self.defer_permanent.isChecked()
        until = None if permanent else self.defer_until.date()
        detail = self.defer_detail.text()
        self.defer_button.setEnabled(False)
        self.ctx.save(
            self,
            lambda uow: screening.defer_donor(uow, donor_id, code, permanent=permanent, until=until, detail=detail),
            self._deferred,
            self._defer_failed,
            changed="donors",
        )

    def _deferral_code(self) -> str:
        """The code chosen from the list, or the one typed in its place."""
        index, text = self.defer_code.currentIndex(), self.defer_code.currentText().strip()
        if index >= 0 and text == self.defer_code.itemText(index):
            return str(self.defer_code.itemData(index))
        return text

    def _deferred(self, deferral: RecordedDeferral) -> None:
        self.defer_button.setEnabled(True)
        self.defer_detail.clear()
        self.defer_until.clear()
        self.defer_permanent.setChecked(False)
        self.defer_toggle.setChecked(False)
        when = (
            self.tr("permanently")
            if deferral.permanent
            else self.tr("until {date}").format(date=local_date_text(deferral.until))
        )
        self.message.show_message(
            self.tr("Deferral {code} recorded {when}.").format(code=deferral.reason_code, when=when), "warn"
        )
        if self.result is None:
            self.start_for_keep_form(deferral.donor_id)

    def start_for_keep_form(self, donor_id: uuid.UUID) -> None:
        """Reload the donor's record (a deferral was recorded) and assess the form as typed against it."""
        self._load_generation += 1
        generation = self._load_generation

        def loaded(start: ScreeningStart) -> None:
            if generation == self._load_generation:
                self._show_donor(start)

        self.ctx.load(
            self, lambda session: donor_views.screening_start(session, donor_id), loaded, self.message.show_error
        )

    def _defer_failed(self, error: Exception) -> None:
        self.defer_button.setEnabled(True)
        self.defer_message.show_error(error)
        field = getattr(error, "field", None)
        widget = {"reason_code": self.defer_code, "until": self.defer_until, "detail": self.defer_detail}.get(field)
        if widget is not None:
            widget.setFocus()
