"""Donors page: find a donor as you type (number, mobile, name, DIN or a scanned donor card), read the record and its
history, register a new donor with the duplicate warning, correct demographics, and send the donor to screening.

Every decision is the donor service's: the duplicate check (``PossibleDuplicate`` lists the candidates and why each
matched; the registrar opens one, or confirms a different person and registers anyway), validation of each field,
who may register or edit. The page gathers the form and shows what the service answered.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bbms_desktop.errors import DomainError, InvalidInput
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import eligibility, isbt128
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import DonorType, Sex
from bbms_desktop.services import donor_views, donors, label_content
from bbms_desktop.services.donor_views import DonorView, full_name
from bbms_desktop.services.donors import (
    DeferralSummary,
    DonorForm,
    DonorSummary,
    DuplicateCandidate,
    PossibleDuplicate,
    VisitSummary,
)
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.donor_widgets import (
    Banner,
    DateField,
    GroupBadge,
    SubmitArea,
    heading,
    local_date_text,
    select_data,
    subheading,
)
from bbms_desktop.ui.printing.jobs import print_from
from bbms_desktop.ui.printing.labels import print_donor_cards
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.tasks import run_task
from bbms_desktop.ui.widgets import MessageBar, fill_combo, labelled_form, local_text, render, set_texts

# Keys closer together than this are a wedge scanner (or a held key), not a person: they are joined into one search,
# run this long after the last of them. A key after a pause, as a person types, is searched at once.
SEARCH_DELAY_MS = 25
DUPLICATE_CHECK_DELAY_MS = 400
SEARCH_LIMIT = 50
# a donor number as printed on a donor card: the centre code, a hyphen and seven digits ("DL-RKS-0001234")
DONOR_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*-\d{7}")

PERMANENT = QT_TRANSLATE_NOOP("DonorsPage", "Permanent")
NO_END = QT_TRANSLATE_NOOP("DonorsPage", "Until lifted")
IN_FORCE = QT_TRANSLATE_NOOP("DonorsPage", "In force")
ENDED = QT_TRANSLATE_NOOP("DonorsPage", "Ended")
VOIDED = QT_TRANSLATE_NOOP("DonorsPage", "Voided")
RECORDED = QT_TRANSLATE_NOOP("DonorsPage", "Recorded")


def _din_text(din: str) -> str:
    return f"{isbt128.format_eye_readable(din)} [{isbt128.check_character(din)}]"


def _age(born: date) -> int:
    return eligibility.age_on(born, date.today())


RESULT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Donor number"), lambda d: d.donor_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda d: full_name(d.given_name, d.family_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Sex"), lambda d: donor_views.SEX_LABELS[Sex(d.sex)]),
    Column(QT_TRANSLATE_NOOP("Columns", "Age"), lambda d: _age(d.date_of_birth), align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Mobile"), lambda d: d.mobile or ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda d: d.blood_group or ""),
]
CANDIDATE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Donor number"), lambda c: c.donor_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda c: full_name(c.given_name, c.family_name)),
    Column(QT_TRANSLATE_NOOP("Columns", "Sex"), lambda c: donor_views.SEX_LABELS[Sex(c.sex)]),
    Column(QT_TRANSLATE_NOOP("Columns", "Date of birth"), lambda c: local_text(c.date_of_birth)),
    Column(QT_TRANSLATE_NOOP("Columns", "Mobile"), lambda c: c.mobile or ""),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Why it matches"),
        lambda c: "; ".join(render(donors.MATCH_LABELS[r]) for r in c.reasons),
        tone=lambda _c: "warn",
    ),
]


def _visit_tone(v: VisitSummary) -> str:
    return "ok" if v.outcome == "eligible" else "danger"


VISIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda v: local_text(v.visited_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Donation type"), lambda v: donor_views.DONATION_TYPE_LABELS[v.donation_type]),
    Column(QT_TRANSLATE_NOOP("Columns", "Outcome"), lambda v: donor_views.OUTCOME_LABELS[v.outcome], tone=_visit_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "Reasons"), lambda v: ", ".join(v.reason_codes)),
]
DONATION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Collected"), lambda d: local_text(d.collected_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda d: _din_text(d.din)),
    Column(QT_TRANSLATE_NOOP("Columns", "Donation type"), lambda d: donor_views.DONATION_TYPE_LABELS[d.donation_type]),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Status"),
        lambda d: VOIDED if d.voided else RECORDED,
        tone=lambda d: "muted" if d.voided else None,
    ),
]


class _DeferralRow:
    """A deferral with whether it is in force today (the service's ``active_deferrals`` decides)."""

    def __init__(self, deferral: DeferralSummary, active: bool) -> None:
        self.deferral, self.active = deferral, active


def _deferral_until(row: _DeferralRow) -> Any:
    d = row.deferral
    if d.permanent:
        return PERMANENT
    return local_text(d.until) if d.until is not None else NO_END


def _deferral_tone(row: _DeferralRow) -> str:
    return "danger" if row.active else "muted"


DEFERRAL_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda r: r.deferral.reason_code, tone=_deferral_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "Detail"), lambda r: r.deferral.detail or "", tone=_deferral_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "From"), lambda r: local_text(r.deferral.starts_on), tone=_deferral_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "May donate again from"), _deferral_until, tone=_deferral_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda r: IN_FORCE if r.active else ENDED, tone=_deferral_tone),
]


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setResizeContentsPrecision(0)  # columns fit the rows on screen, not every row loaded
    # fitted as each answer arrives, in the same pass that shows it: a header in resize-to-contents mode re-measures
    # later, after the rows were painted once, and paints them again (and again at each resize of the page)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    model.modelReset.connect(view.resizeColumnsToContents)
    view.setWordWrap(False)
    return view


class _SearchBox(QLineEdit):
    """The one search box: Down moves into the results, so the keyboard never needs the mouse."""

    def __init__(self, page: DonorsPage) -> None:
        super().__init__()
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self.page.results_model.rowCount():
            self.page.results.setFocus()
            self.page.select_result(max(self.page.results.currentIndex().row(), 0))
            return
        super().keyPressEvent(event)


class DonorsPage(Page):
    page_id = "donors"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Donors")
    needs = frozenset({Action.REGISTER_DONOR, Action.EDIT_DONOR, Action.SCREEN_DONOR, Action.COLLECT})
    shows_own_saves = True  # a registration or an edit opens the donor saved and searches for them (_show_saved)

    VIEW_EMPTY, VIEW_RECORD, VIEW_FORM = 0, 1, 2

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001 - AppContext, as Page takes it
        super().__init__(ctx, parent)
        self.current: DonorView | None = None
        self._record_id: uuid.UUID | None = None  # the donor whose record was asked for last (shown, or on its way)
        self.editing: uuid.UUID | None = None  # the donor whose details the form edits; None: registering
        self.candidates: tuple[DuplicateCandidate, ...] = ()
        self._search_generation = 0
        self._record_generation = 0
        self._duplicate_generation = 0
        self._open_single = False
        self.searched_text = ""
        self._clock: Callable[[], float] = time.monotonic
        self._last_typed = -1.0  # self._clock() at the last change to the search box

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.duplicate_timer = QTimer(self)
        self.duplicate_timer.setSingleShot(True)
        self.duplicate_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self.duplicate_timer.timeout.connect(self._check_duplicates)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        top = QHBoxLayout()
        self.heading = heading()
        top.addWidget(self.heading)
        top.addStretch()
        self.register_button = QPushButton()
        self.register_button.setObjectName("register_donor")
        self.register_button.clicked.connect(self.start_registration)
        top.addWidget(self.register_button)
        layout.addLayout(top)
        self.permit(self.register_button, Action.REGISTER_DONOR)
        self.register_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.register_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.register_shortcut.activated.connect(self._register_shortcut)

        search_row = QHBoxLayout()
        self.search_label = QLabel()
        self.search = _SearchBox(self)
        self.search.setObjectName("donor_search")
        self.search.setProperty("acceptsScan", True)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(420)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_entered)
        self.search_label.setBuddy(self.search)
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        self.search_status = QLabel()
        self.search_status.setStyleSheet("color:#546e7a;")
        search_row.addWidget(self.search_status)
        layout.addLayout(search_row)

        self.message = MessageBar()
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.results_model = RowsModel(RESULT_COLUMNS, self)
        self.results = _table(self.results_model)
        self.results.setObjectName("donor_results")
        self.results.selectionModel().currentRowChanged.connect(self._result_chosen)
        self.results.activated.connect(lambda index: self.select_result(index.row()))
        splitter.addWidget(self.results)
        self.stack = QStackedWidget()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color:#78909c; font-size:11pt; padding:24px;")
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_record())
        self.stack.addWidget(self._build_form())
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 550])  # the result columns whole in Hindi at 1280 px
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search, self.results)
        self.retranslate()

    # --- building -----------------------------------------------------------------------------------------------

    def _build_record(self) -> QWidget:
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        self.record_name = QLabel()
        self.record_name.setObjectName("record_name")
        self.record_name.setStyleSheet("font-size:14pt; font-weight:600;")
        self.record_number = QLabel()
        self.record_number.setStyleSheet("color:#546e7a; font-size:11pt;")
        self.group_badge = GroupBadge()
        head.addWidget(self.record_name)
        head.addWidget(self.record_number)
        head.addStretch()
        head.addWidget(self.group_badge)
        outer.addLayout(head)
        self.deferral_banner = Banner()
        self.deferral_banner.setObjectName("deferral_banner")
        outer.addWidget(self.deferral_banner)

        buttons = QHBoxLayout()
        self.screen_button = QPushButton()
        self.screen_button.setObjectName("screen_donor")
        self.screen_button.clicked.connect(self.screen_current)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_donor")
        self.edit_button.clicked.connect(self.start_edit)
        self.card_button = QPushButton()
        self.card_button.setObjectName("print_donor_card")
        self.card_button.clicked.connect(self.print_card)
        buttons.addWidget(self.screen_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.card_button)
        buttons.addStretch()
        outer.addLayout(buttons)
        self.permit(self.screen_button, Action.SCREEN_DONOR)
        self.permit(self.edit_button, Action.EDIT_DONOR)
        self.permit(self.card_button, Action.PRINT_LABELS)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.detail_labels: dict[str, QLabel] = {}
        self.detail_values: dict[str, QLabel] = {}
        keys = [
            ("sex_age", 0, 0),
            ("date_of_birth", 0, 2),
            ("mobile", 1, 0),
            ("email", 1, 2),
            ("guardian", 2, 0),
            ("donor_type", 2, 2),
            ("identity", 3, 0),
            ("abha", 3, 2),
            ("last_donation", 4, 0),
            ("consent", 4, 2),
            ("address", 5, 0),
        ]
        for key, row, column in keys:
            label, value = QLabel(), QLabel()
            label.setStyleSheet("color:#607d8b;")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, column + 1, 1, 3 if key == "address" else 1)
            self.detail_labels[key], self.detail_values[key] = label, value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)

        self.history_tabs = QTabWidget()
        self.visits_model = RowsModel(VISIT_COLUMNS, self)
        self.donations_model = RowsModel(DONATION_COLUMNS, self)
        self.deferrals_model = RowsModel(DEFERRAL_COLUMNS, self)
        self.visits_view = _table(self.visits_model)
        self.donations_view = _table(self.donations_model)
        self.deferrals_view = _table(self.deferrals_model)
        for view in (self.visits_view, self.donations_view, self.deferrals_view):
            self.history_tabs.addTab(view, "")
        outer.addWidget(self.history_tabs, 1)
        return box

    def _build_form(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area = SubmitArea()
        self.form_area.submitted.connect(self.save_form)
        scroll.setWidget(self.form_area)
        outer = QVBoxLayout(self.form_area)
        outer.setContentsMargins(8, 0, 8, 0)
        self.form_heading = subheading()
        outer.addWidget(self.form_heading)

        self.given_name, self.family_name, self.guardian_name = QLineEdit(), QLineEdit(), QLineEdit()
        self.sex = QComboBox()
        self.date_of_birth = DateField()
        self.mobile, self.email, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.pincode, self.district, self.state = QLineEdit(), QLineEdit(), QLineEdit()
        self.id_document_type, self.id_document_number, self.abha_id = QComboBox(), QLineEdit(), QLineEdit()
        self.donor_type = QComboBox()
        self.consent = QCheckBox()
        self.consent.setObjectName("consent")
        self.pincode.setMaxLength(7)
        self.mobile.setMaxLength(16)
        self.fields: dict[str, QWidget] = {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "guardian_name": self.guardian_name,
            "sex": self.sex,
            "date_of_birth": self.date_of_birth,
            "mobile": self.mobile,
            "email": self.email,
            "address": self.address,
            "pincode": self.pincode,
            "district": self.district,
            "state": self.state,
            "id_document_type": self.id_document_type,
            "id_document_number": self.id_document_number,
            "abha_id": self.abha_id,
            "donor_type": self.donor_type,
            "consent": self.consent,
        }
        for name, field in self.fields.items():
            field.setObjectName(name)
        self.form, self.form_labels = labelled_form(self.fields.values())
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        for field in (self.given_name, self.family_name, self.date_of_birth, self.mobile):
            field.textChanged.connect(self._form_changed)
        for field in (self.sex, self.id_document_type):
            field.currentIndexChanged.connect(self._form_changed)
        self.id_document_number.textChanged.connect(self._form_changed)

        self.form_message = MessageBar()
        self.form_message.setObjectName("form_message")
        outer.addWidget(self.form_message)
        self.duplicate_banner = Banner()
        self.duplicate_banner.setObjectName("duplicate_banner")
        outer.addWidget(self.duplicate_banner)
        self.candidates_model = RowsModel(CANDIDATE_COLUMNS, self)
        self.candidates_view = _table(self.candidates_model)
        self.candidates_view.setObjectName("duplicate_candidates")
        self.candidates_view.setMaximumHeight(130)
        self.candidates_view.activated.connect(lambda _index: self.open_candidate())
        outer.addWidget(self.candidates_view)
        candidate_buttons = QHBoxLayout()
        self.open_candidate_button = QPushButton()
        self.open_candidate_button.clicked.connect(self.open_candidate)
        self.register_anyway_button = QPushButton()
        self.register_anyway_button.setObjectName("register_anyway")
        self.register_anyway_button.clicked.connect(lambda: self.save_form(acknowledged=True))
        candidate_buttons.addWidget(self.open_candidate_button)
        candidate_buttons.addWidget(self.register_anyway_button)
        candidate_buttons.addStretch()
        outer.addLayout(candidate_buttons)
        self._show_candidates((), refused=False)

        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_donor")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_form())
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_form)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        outer.addLayout(buttons)
        outer.addStretch()
        return scroll

    # --- texts --------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Donors"))
        self.register_button.setText(self.tr("&Register new donor"))
        self.register_button.setToolTip(self.tr("Register a donor who is not yet on record (Ctrl+N)"))
        self.search_label.setText(self.tr("&Find:"))
        self.search.setPlaceholderText(
            self.tr("Donor number, mobile, name or DIN, or scan the donor card"),
        )
        self.placeholder.setText(
            self.tr(
                "Type a donor number, mobile number or name, or scan a donor card or bag label.\n"
                "Choose a donor from the list to see the record."
            )
        )
        self.screen_button.setText(self.tr("&Screen this donor"))
        self.edit_button.setText(self.tr("&Edit details"))
        self.card_button.setText(self.tr("Print donor &card"))
        detail_texts = {
            "sex_age": self.tr("Sex, age"),
            "date_of_birth": self.tr("Date of birth"),
            "mobile": self.tr("Mobile"),
            "email": self.tr("E-mail"),
            "guardian": self.tr("Father's or husband's name"),
            "donor_type": self.tr("Donor type"),
            "identity": self.tr("Identity document"),
            "abha": self.tr("ABHA number"),
            "last_donation": self.tr("Last whole blood donation"),
            "consent": self.tr("Consent recorded"),
            "address": self.tr("Address"),
        }
        for key, label in self.detail_labels.items():
            label.setText(detail_texts[key])
        self.history_tabs.setTabText(0, self.tr("Visits"))
        self.history_tabs.setTabText(1, self.tr("Donations"))
        self.history_tabs.setTabText(2, self.tr("Deferrals"))
        set_texts(
            self.form_labels,
            [
                self.tr("&Given name"),
                self.tr("&Family name"),
                self.tr("Father's or &husband's name"),
                self.tr("Se&x"),
                self.tr("&Date of birth"),
                self.tr("&Mobile number"),
                self.tr("E-mai&l"),
                self.tr("&Address"),
                self.tr("&PIN code"),
                self.tr("Dis&trict"),
                self.tr("S&tate"),
                self.tr("&Identity document"),
                self.tr("Document &number"),
                self.tr("A&BHA number"),
                self.tr("Donor t&ype"),
                self.tr("Consent"),
            ],
        )
        self.date_of_birth.setToolTip(self.tr("Day first: 17-05-1990"))
        self.mobile.setPlaceholderText(self.tr("10 digits; +91 or 0 in front is fine"))
        self.consent.setText(self.tr("Consent form read to the donor; the donor agrees"))
        fill_combo(self.sex, [(self.tr("Choose…"), None)] + [(render(m), s) for s, m in donor_views.SEX_LABELS.items()])
        fill_combo(
            self.id_document_type,
            [(self.tr("None"), None)] + [(render(m), k) for k, m in donor_views.ID_DOCUMENT_LABELS.items()],
        )
        fill_combo(self.donor_type, [(render(m), t) for t, m in donor_views.DONOR_TYPE_LABELS.items()])
        self.open_candidate_button.setText(self.tr("&Open this record"))
        self.register_anyway_button.setText(self.tr("Different person: register &anyway"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._retitle_form()
        for model in (
            self.results_model,
            self.candidates_model,
            self.visits_model,
            self.donations_model,
            self.deferrals_model,
        ):
            model.retranslate()
        self._show_search_status()
        if self.current is not None:
            self._show_record(self.current)

    def _retitle_form(self) -> None:
        if self.editing is None:
            self.form_heading.setText(self.tr("Register a new donor"))
            self.save_button.setText(self.tr("Register donor"))
        else:
            number = self.current.details.donor_number if self.current else ""
            self.form_heading.setText(self.tr("Correct the details of donor {number}").format(number=number))
            self.save_button.setText(self.tr("Save changes"))

    # --- page contract ------------------------------------------------------------------------------------------

    def activated(self) -> None:
        if self._record_id is not None and self.stack.currentIndex() == self.VIEW_RECORD:
            self.open_donor(self._record_id, keep_message=True)  # the one asked for last, not an older one shown
        self.run_search()
        focus = self.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.search.setFocus()

    def handle_scan(self, text: str) -> bool:
        """A scanned donor card (the donor number) or bag label (a DIN) finds its donor."""
        code = text.strip()
        if not (DONOR_NUMBER.fullmatch(code) or _is_din_scan(code)):
            return False
        self.search.blockSignals(True)
        self.search.setText(code)
        self.search.blockSignals(False)
        self.search.setFocus()
        self._open_single = True
        self.run_search()
        return True

    def clear_work(self) -> None:
        self.search_timer.stop()
        self.duplicate_timer.stop()
        self._search_generation += 1
        self._record_generation += 1
        self._duplicate_generation += 1
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.searched_text = ""
        self.results_model.set_rows([])
        self.current = None
        self._record_id = None
        self.editing = None
        self._clear_form()
        self.message.clear_message()
        self.stack.setCurrentIndex(self.VIEW_EMPTY)
        self._show_search_status()

    # --- search -------------------------------------------------------------------------------------------------

    def _search_typed(self, _text: str) -> None:
        """Answer a person's key at once; join a burst of keys faster than anyone types (a scan) into one search."""
        self._open_single = False
        if not self.search.isModified():  # set by the program (setText), not typed: nothing to wait for
            self.run_search()
            return
        now = self._clock()
        burst = self.search_timer.isActive() or now - self._last_typed < SEARCH_DELAY_MS / 1000
        self._last_typed = now
        if burst:
            self.search_timer.start()  # (re)started by each key of the burst: one search when it stops
        else:
            self.run_search()

    def _search_entered(self) -> None:
        self.search_timer.stop()
        text = self.search.text().strip()
        if text and text == self.searched_text and self.results_model.rowCount():
            self.results.setFocus()
            self.select_result(0)
            return
        self._open_single = True
        self.run_search()

    def run_search(self) -> None:
        """Search for what the box holds now; an answer to an older search is dropped when it arrives."""
        text, generation = self._start_search()
        done = lambda rows: self._search_done(generation, text, rows)  # noqa: E731
        if text:  # every keystroke: the lookup reads in a transaction of its own, without a Session
            db = self.ctx.db
            run_task(self, lambda: donors.lookup(db, text, limit=SEARCH_LIMIT), done, self.message.show_error)
        else:
            self.ctx.load(self, lambda session: _search_rows(session, text), done, self.message.show_error)

    def _start_search(self) -> tuple[str, int]:
        self.search_timer.stop()
        self._search_generation += 1
        return self.search.text().strip(), self._search_generation

    def _search_done(self, generation: int, text: str, rows: list[DonorSummary]) -> None:
        if generation != self._search_generation:
            return  # a newer search was started meanwhile: its answer is the one to show
        self.searched_text = text
        current = self.current.details.id if self.current else None
        self.results_model.set_rows(rows)
        self._show_search_status()
        index = next((i for i, row in enumerate(rows) if row.id == current), None)
        if index is not None:
            self.results.selectionModel().blockSignals(True)
            self.select_result(index)
            self.results.selectionModel().blockSignals(False)
        elif self._open_single and len(rows) == 1:
            self.select_result(0)
        self._open_single = False

    def _show_search_status(self) -> None:
        count = self.results_model.rowCount()
        if not self.searched_text:
            self.search_status.setText(self.tr("Registered last") if count else "")
        elif count == 0:
            self.search_status.setText(self.tr("No donor found"))
        elif count >= SEARCH_LIMIT:
            self.search_status.setText(self.tr("First {count} donors: type more to narrow").format(count=count))
        else:
            self.search_status.setText(self.tr("{count} found").format(count=count))

    def select_result(self, row: int) -> None:
        if not 0 <= row < self.results_model.rowCount():
            return
        index = self.results_model.index(row, 0)
        self.results.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if self.current is None or self.current.details.id != self.results_model.row(row).id:
            self.open_donor(self.results_model.row(row).id)

    def _result_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_donor(self.results_model.row(current.row()).id)

    # --- the record ---------------------------------------------------------------------------------------------

    def open_donor(self, donor_id: uuid.UUID, *, keep_message: bool = False) -> None:
        """Show this donor's record (loaded in the background; a later choice wins)."""
        generation = self._start_record(donor_id)
        if not keep_message:
            self.message.clear_message()
        self.ctx.load(
            self,
            lambda session: donor_views.donor_view(session, donor_id),
            lambda view: self._record_loaded(generation, view),
            self.message.show_error,
        )

    def _start_record(self, donor_id: uuid.UUID) -> int:
        self._record_generation += 1
        self._record_id = donor_id
        return self._record_generation

    def _record_loaded(self, generation: int, view: DonorView) -> None:
        if generation == self._record_generation:  # else a later choice is on its way: it is the one to show
            self._show_record(view)
            if self.stack.currentIndex() != self.VIEW_FORM:
                self.stack.setCurrentIndex(self.VIEW_RECORD)

    def _show_record(self, view: DonorView) -> None:
        self.current = view
        d, history = view.details, view.history
        self.record_name.setText(d.name)
        self.record_number.setText(d.donor_number)
        self.group_badge.set_group(history.blood_group)
        self.group_badge.setToolTip(
            self.tr("Blood group confirmed by the laboratory")
            if history.blood_group
            else self.tr("Blood group not yet confirmed by the laboratory")
        )
        values = {
            "sex_age": self.tr("{sex}, {age} years").format(sex=render(donor_views.SEX_LABELS[d.sex]), age=view.age),
            "date_of_birth": local_text(d.date_of_birth),
            "mobile": d.mobile or "—",
            "email": d.email or "—",
            "guardian": d.guardian_name or "—",
            "donor_type": render(donor_views.DONOR_TYPE_LABELS[d.donor_type]),
            "identity": (
                f"{render(donor_views.ID_DOCUMENT_LABELS[d.id_document_type])} {d.id_document_number or ''}"
                if d.id_document_type
                else "—"
            ),
            "abha": d.abha_id or "—",
            "last_donation": local_text(history.last_whole_blood) if history.last_whole_blood else "",
            "consent": local_text(d.consent_given_at),
            "address": ", ".join(p for p in (d.address, d.district, d.state, d.pincode) if p) or "—",
        }
        if not history.last_whole_blood:
            values["last_donation"] = self.tr("Never (first-time donor)")
        for key, value in values.items():
            self.detail_values[key].setText(value)
        active_ids = {a.id for a in history.active_deferrals}
        self.visits_model.set_rows(history.visits)
        self.donations_model.set_rows(history.donations)
        self.deferrals_model.set_rows([_DeferralRow(x, x.id in active_ids) for x in history.deferrals])
        self.history_tabs.setTabText(0, self.tr("Visits ({count})").format(count=len(history.visits)))
        self.history_tabs.setTabText(1, self.tr("Donations ({count})").format(count=len(history.donations)))
        self.history_tabs.setTabText(2, self.tr("Deferrals ({count})").format(count=len(history.deferrals)))
        if history.active_deferrals:
            lines = [self._deferral_line(x) for x in history.active_deferrals]
            self.deferral_banner.show_text(
                "<b>" + self.tr("Deferred: this donor must not donate now.") + "</b><br>" + "<br>".join(lines),
                "danger",
            )
            self.history_tabs.setCurrentIndex(2)
        else:
            self.deferral_banner.clear_text()

    def _deferral_line(self, deferral: DeferralSummary) -> str:
        detail = f"{deferral.reason_code}" + (f": {deferral.detail}" if deferral.detail else "")
        if deferral.permanent:
            return self.tr("{detail} (permanent)").format(detail=_escape(detail))
        if deferral.until is None:
            return self.tr("{detail} (until a medical officer lifts it)").format(detail=_escape(detail))
        return self.tr("{detail} (may donate again from {until})").format(
            detail=_escape(detail), until=local_date_text(deferral.until)
        )

    def print_card(self) -> None:
        if self.current is None or not self.ctx.may(Action.PRINT_LABELS):
            return
        donor_id, number = self.current.details.id, self.current.details.donor_number
        print_from(self, lambda s: [label_content.donor_card(s, donor_id)], print_donor_cards, f"donor-card-{number}")

    def screen_current(self) -> None:
        if self.current is None:
            return
        window = self.window()
        opener = getattr(window, "open_page", None)
        page = opener("screening") if opener is not None else None
        if page is not None and hasattr(page, "start_for"):
            page.start_for(self.current.details.id)

    # --- register and edit --------------------------------------------------------------------------------------

    def _register_shortcut(self) -> None:
        if self.ctx.may(Action.REGISTER_DONOR):
            self.start_registration()

    def start_registration(self) -> None:
        self.editing = None
        self._clear_form()
        typed = self.search.text().strip()
        if typed and not any(ch.isdigit() for ch in typed):
            # what was searched for and not found is usually the name to register
            given, _, family = typed.partition(" ")
            self.given_name.setText(given.title())
            self.family_name.setText(family.title())
        elif typed and donors.normalise_mobile(typed):
            self.mobile.setText(typed)
        self._retitle_form()
        self.consent.setVisible(True)
        self.form_labels[list(self.fields).index("consent")].setVisible(True)
        self.stack.setCurrentIndex(self.VIEW_FORM)
        self.given_name.setFocus()

    def start_edit(self) -> None:
        if self.current is None:
            return
        d = self.current.details
        self._clear_form()
        self.editing = d.id
        for name in (
            "given_name",
            "family_name",
            "guardian_name",
            "mobile",
            "email",
            "address",
            "pincode",
            "district",
            "state",
            "id_document_number",
            "abha_id",
        ):
            field = self.fields[name]
            assert isinstance(field, QLineEdit)
            field.setText(getattr(d, name) or "")
        self.date_of_birth.set_date(d.date_of_birth)
        select_data(self.sex, d.sex)
        select_data(self.id_document_type, d.id_document_type)
        select_data(self.donor_type, d.donor_type)
        self.consent.setVisible(False)
        self.form_labels[list(self.fields).index("consent")].setVisible(False)
        self._retitle_form()
        self.stack.setCurrentIndex(self.VIEW_FORM)
        self.given_name.setFocus()

    def cancel_form(self) -> None:
        self.duplicate_timer.stop()
        self._duplicate_generation += 1
        self.editing = None
        self.stack.setCurrentIndex(self.VIEW_RECORD if self.current is not None else self.VIEW_EMPTY)
        self.search.setFocus()

    def _clear_form(self) -> None:
        for field in self.fields.values():
            field.blockSignals(True)
            if isinstance(field, QLineEdit):
                field.clear()
            elif isinstance(field, QComboBox):
                field.setCurrentIndex(0)
            elif isinstance(field, QCheckBox):
                field.setChecked(False)
            field.blockSignals(False)
        self.date_of_birth.setStyleSheet("")
        self.form_message.clear_message()
        self._show_candidates((), refused=False)

    def donor_form(self) -> DonorForm:
        """The form as typed: the service validates and normalises every field."""

        def text(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return DonorForm(
            given_name=self.given_name.text(),
            family_name=text(self.family_name),
            guardian_name=text(self.guardian_name),
            sex=self.sex.currentData() or "",
            date_of_birth=self.date_of_birth.date(),  # type: ignore[arg-type] # None: the service asks for it
            mobile=text(self.mobile),
            email=text(self.email),
            address=text(self.address),
            pincode=text(self.pincode),
            district=text(self.district),
            state=text(self.state),
            id_document_type=self.id_document_type.currentData(),
            id_document_number=text(self.id_document_number),
            abha_id=text(self.abha_id),
            donor_type=self.donor_type.currentData() or DonorType.VOLUNTARY,
            consent=self.consent.isChecked(),
        )

    def save_form(self, acknowledged: bool = False) -> None:
        if self.stack.currentIndex() != self.VIEW_FORM:
            return
        if self.date_of_birth.is_invalid():
            self.form_message.show_error(
                self.tr("Date of birth '{text}' is not a date: type it day first, as 17-05-1990.").format(
                    text=self.date_of_birth.text()
                )
            )
            self.date_of_birth.setFocus()
            return
        form = self.donor_form()
        self.save_button.setEnabled(False)
        self.duplicate_timer.stop()
        self._duplicate_generation += 1
        if self.editing is None:
            self.ctx.save(
                self,
                lambda uow: donors.register_donor(uow, form, acknowledged_duplicates=acknowledged),
                lambda answer: self._registered(*answer),
                self._form_failed,
                changed="donors",
                # the donor's record and the search for their number (what the page shows next) read on the same
                # worker right after the commit: the confirmation and the record are shown together
                read_after=lambda session, result: _saved_rows(session, result.id, result.donor_number),
            )
        else:
            donor_id, text = self.editing, self.search.text().strip()
            changes = {name: getattr(form, name) for name in donors.DEMOGRAPHIC_FIELDS}
            self.ctx.save(
                self,
                lambda uow: donors.update_demographics(uow, donor_id, **changes),
                lambda answer: self._edited(*answer),
                self._form_failed,
                changed="donors",
                read_after=lambda session, result: _saved_rows(session, result.id, text),
            )

    def _registered(self, result: donors.RegisteredDonor, shown: SavedRows | Exception) -> None:
        self.save_button.setEnabled(True)
        self._clear_form()
        self.stack.setCurrentIndex(self.VIEW_RECORD)
        self.search.blockSignals(True)
        self.search.setText(result.donor_number)
        self.search.blockSignals(False)
        self.message.show_message(
            self.tr("Donor {number} registered.").format(number=result.donor_number)
            + (
                " "
                + self.tr("Checked as a different person from: {numbers}.").format(
                    numbers=", ".join(result.acknowledged_duplicates)
                )
                if result.acknowledged_duplicates
                else ""
            )
        )
        self._show_saved(result.id, shown)

    def _edited(self, result: donors.DemographicsUpdate, shown: SavedRows | Exception) -> None:
        self.save_button.setEnabled(True)
        self.editing = None
        self.stack.setCurrentIndex(self.VIEW_RECORD)
        if result.changed:
            labels = ", ".join(render(donors.LABELS[name]) for name in result.changed)
            self.message.show_message(
                self.tr("Donor {number}: saved {fields}.").format(number=result.donor_number, fields=labels)
            )
        else:
            self.message.show_message(self.tr("Nothing was changed."), "warn")
        self._show_saved(result.id, shown)

    def _show_saved(self, donor_id: uuid.UUID, shown: SavedRows | Exception) -> None:
        """After this page's own save: the donor's record as saved, and the search list with it, read right after
        the commit (once: the page's own saves reload nothing more behind this, see ``shows_own_saves``)."""
        record = self._start_record(donor_id)
        text, search = self._start_search()
        if isinstance(shown, Exception):
            self.message.show_error(shown)
            return
        view, searched, rows = shown
        self._record_loaded(record, view)
        if searched == text:
            self._search_done(search, text, rows)
        else:  # the search box changed while the save ran: search for what it holds now
            self.run_search()

    def _form_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, PossibleDuplicate):
            self.form_message.show_error(error)
            self._show_candidates(error.candidates, refused=True)
            self.candidates_view.setFocus()
            self.candidates_view.selectRow(0)
            return
        self.form_message.show_error(error)
        if isinstance(error, DomainError) and error.field in self.fields:
            self.fields[error.field].setFocus()

    # --- duplicates ---------------------------------------------------------------------------------------------

    def _form_changed(self, *_args: object) -> None:
        if self.stack.currentIndex() == self.VIEW_FORM and self.editing is None:
            self.duplicate_timer.start()

    def _check_duplicates(self) -> None:
        """As the registrar types: warn early that this person may be on record already (nothing is decided here)."""
        self._duplicate_generation += 1
        generation = self._duplicate_generation
        form = self.donor_form()
        if self.editing is not None:
            return

        def found(candidates: list[DuplicateCandidate]) -> None:
            if generation == self._duplicate_generation and self.editing is None:
                self._show_candidates(tuple(candidates), refused=False)

        def failed(error: Exception) -> None:
            if not isinstance(error, InvalidInput):
                raise error

        self.ctx.load(self, lambda session: donors.find_duplicates(session, form), found, failed)

    def _show_candidates(self, candidates: tuple[DuplicateCandidate, ...], *, refused: bool) -> None:
        self.candidates = candidates
        self.candidates_model.set_rows(candidates)
        visible = bool(candidates)
        self.candidates_view.setVisible(visible)
        self.open_candidate_button.setVisible(visible)
        self.register_anyway_button.setVisible(visible and refused and self.editing is None)
        if not visible:
            self.duplicate_banner.clear_text()
            return
        if refused:  # the refusal itself is in the form's message; the table says why each record matched
            text = self.tr(
                "Check each record below with the donor. Open it if it is the same person; register anyway only "
                "if every one is a different person."
            )
            self.duplicate_banner.show_text(_escape(text), "warn")
            return
        lines = "<br>".join(_escape(render(c.why)) for c in candidates)
        text = self.tr("This donor may already be registered:")
        self.duplicate_banner.show_text(f"<b>{_escape(text)}</b><br>{lines}", "warn")

    def open_candidate(self) -> None:
        row = self.candidates_view.currentIndex().row()
        if not 0 <= row < len(self.candidates):
            row = 0 if self.candidates else -1
        if row < 0:
            return
        candidate = self.candidates[row]
        self.editing = None
        self._clear_form()
        self.search.blockSignals(True)
        self.search.setText(candidate.donor_number)
        self.search.blockSignals(False)
        self.stack.setCurrentIndex(self.VIEW_RECORD)
        self.open_donor(candidate.donor_id)
        self.run_search()


SavedRows = tuple[DonorView, str, list[DonorSummary]]


def _saved_rows(session: Session, donor_id: uuid.UUID, text: str) -> SavedRows:
    """A donor's record just saved, and the search list for ``text`` (what the donors page shows after a save)."""
    return donor_views.donor_view(session, donor_id), text, _search_rows(session, text)


def _search_rows(session: Session, text: str) -> list[DonorSummary]:
    if not text:  # nothing typed: the donors registered last, as the registration desk wants them
        return donor_views.recent_donors(session, limit=SEARCH_LIMIT)
    return donors.search(session, text, limit=SEARCH_LIMIT)


def _is_din_scan(code: str) -> bool:
    try:
        return isbt128.decode_scan(code).kind == isbt128.ScanKind.DIN
    except InvalidInput:
        return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
