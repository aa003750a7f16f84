"""Requests and issue: the issue counter's page, from a doctor's request to the unit in the porter's hands and back.

The list shows the active requests (open, or with units still out with the ward), most urgent first. A selected
request shows its patient and what is held for it, then three tabs: suggested units with crossmatch, reserve and
issue; the units issued on it with return and "transfused"; and its crossmatch record. Every decision is the
service's (``services.transfusion``): the page gathers the answers, calls it and shows the result, or its refusal
with every reason in red, having saved nothing. Scanning a DIN picks that unit for the selected request, or, when
the unit is out with a ward, opens its issue so the return can be received.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import compatibility, isbt128
from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import (
    LABELS,
    ComponentStatus,
    CrossmatchMethod,
    CrossmatchResult,
    RequestStatus,
    Sex,
    Urgency,
)
from bbms_desktop.services import label_content
from bbms_desktop.services import request_views as views
from bbms_desktop.services import transfusion as tx
from bbms_desktop.services.request_views import IssueRow, IssueState, RequestDetail, RequestRow, UnitChoice
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.counter_widgets import (
    HEADING_STYLE,
    MUTED_STYLE,
    TITLE_STYLE,
    DinEdit,
    GroupBadge,
    GroupLazyRowsModel,
    GroupRowsModel,
    MomentEdit,
    SubmitArea,
    current_row,
    din_text,
    fit_columns,
    make_table,
    select_row,
    set_yes_no_texts,
    show_refusal,
    yes_no_combo,
)
from bbms_desktop.ui.printing.jobs import print_from
from bbms_desktop.ui.printing.labels import print_issue_slips
from bbms_desktop.ui.tablemodel import Column
from bbms_desktop.ui.widgets import (
    DATE_FORMAT,
    MessageBar,
    labelled_form,
    local_text,
    render,
    set_texts,
)

# --- the cells of the lists -----------------------------------------------------------------------------------------

PATIENT_CELL = QT_TRANSLATE_NOOP("RequestsPage", "{name} ({sex}, {age} y)")
UNITS_CELL = QT_TRANSLATE_NOOP("RequestsPage", "{issued} of {units} issued")
UNITS_RESERVED_CELL = QT_TRANSLATE_NOOP("RequestsPage", "{issued} of {units} issued, {reserved} reserved")
OUT_CELL = QT_TRANSLATE_NOOP("RequestsPage", "{status}: {out} with the ward")
FIRST_CHOICE = QT_TRANSLATE_NOOP("RequestsPage", "First choice")
LATER_CHOICE = QT_TRANSLATE_NOOP("RequestsPage", "Choice {n}")
HELD_HERE = QT_TRANSLATE_NOOP("RequestsPage", "Reserved for this patient")
CROSSMATCHED = QT_TRANSLATE_NOOP("RequestsPage", "Crossmatched compatible")
IN_STOCK = QT_TRANSLATE_NOOP("RequestsPage", "In stock")
UNCROSSMATCHED_NOTE = QT_TRANSLATE_NOOP("RequestsPage", "issued uncrossmatched (emergency)")
OVERRIDE_NOTE = QT_TRANSLATE_NOOP("RequestsPage", "RhD override")
REACTIONS_NOTE = QT_TRANSLATE_NOOP("RequestsPage", "reactions reported: {count}")


def _patient_cell(row: RequestRow) -> Any:
    return PATIENT_CELL(name=row.patient_name, sex=views.SEX_LABELS[row.patient_sex], age=row.patient_age_years)


def _units_cell(row: RequestRow) -> Any:
    if row.units_reserved:
        return UNITS_RESERVED_CELL(issued=row.units_issued, units=row.units_requested, reserved=row.units_reserved)
    return UNITS_CELL(issued=row.units_issued, units=row.units_requested)


def _status_cell(row: RequestRow) -> Any:
    status = views.REQUEST_STATUS_LABELS[row.status]
    return OUT_CELL(status=status, out=row.units_out) if row.units_out else status


def _where(row: RequestRow) -> str:
    return ", ".join(part for part in (row.hospital, row.ward) if part)


def _urgency_tone(row: RequestRow) -> str | None:
    return {Urgency.EMERGENCY: "danger", Urgency.URGENT: "warn"}.get(row.urgency)


def _status_tone(row: RequestRow) -> str | None:
    if row.status == RequestStatus.CANCELLED:
        return "muted"
    return "ok" if row.status == RequestStatus.FULFILLED else None


REQUEST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Request"), lambda r: r.request_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Patient"), _patient_cell),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda r: r.patient_group),
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda r: views.component_name(r.component_code)),
    Column(QT_TRANSLATE_NOOP("Columns", "Units"), _units_cell),
    Column(QT_TRANSLATE_NOOP("Columns", "Urgency"), lambda r: views.URGENCY_LABELS[r.urgency], tone=_urgency_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), _status_cell, tone=_status_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "Hospital, ward"), _where),
]


def _choice_cell(row: tx.UnitSuggestion) -> Any:
    return FIRST_CHOICE if row.rank == 0 else LATER_CHOICE(n=row.rank + 1)


def _held_cell(row: tx.UnitSuggestion) -> Any:
    if row.reserved_for_this_request:
        return HELD_HERE
    return CROSSMATCHED if row.crossmatched else IN_STOCK


SUGGESTION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda u: din_text(u.din)),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda u: u.blood_group),
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda u: views.component_name(u.code)),
    Column(QT_TRANSLATE_NOOP("Columns", "Expires"), lambda u: local_text(u.expires_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Choice"), _choice_cell, tone=lambda u: "ok" if u.rank == 0 else None),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Held"),
        _held_cell,
        tone=lambda u: "ok" if u.reserved_for_this_request or u.crossmatched else None,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Care needed"),
        lambda u: "; ".join(render(w) for w in u.warnings),
        tone=lambda u: "warn" if u.warnings else None,
    ),
]


def _issue_notes(row: IssueRow) -> str:
    notes = []
    if row.uncrossmatched:
        notes.append(render(UNCROSSMATCHED_NOTE))
    if row.rhd_override:
        notes.append(render(OVERRIDE_NOTE))
    if row.reactions:
        notes.append(render(REACTIONS_NOTE(count=row.reactions)))
    return "; ".join(notes)


def _issue_state_tone(row: IssueRow) -> str | None:
    return {
        IssueState.OUT: "warn",
        IssueState.RETURNED: "ok",
        IssueState.RETURN_REFUSED: "danger",
        IssueState.TRANSFUSED: "muted",
    }[row.state]


ISSUE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda i: din_text(i.din)),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda i: i.blood_group),
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda i: views.component_name(i.code)),
    Column(QT_TRANSLATE_NOOP("Columns", "Issued"), lambda i: local_text(i.issued_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Carried by"), lambda i: i.collected_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Now"), lambda i: views.ISSUE_STATE_LABELS[i.state], tone=_issue_state_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "Notes"), _issue_notes),
]

CROSSMATCH_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Performed"), lambda c: local_text(c.performed_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda c: din_text(c.din)),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda c: c.blood_group),
    Column(QT_TRANSLATE_NOOP("Columns", "Method"), lambda c: views.CROSSMATCH_METHOD_LABELS[c.method]),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Result"),
        lambda c: views.CROSSMATCH_RESULT_LABELS[c.result],
        tone=lambda c: "ok" if c.result == CrossmatchResult.COMPATIBLE else "danger",
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda c: c.performed_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Notes"), lambda c: c.notes or ""),
]

# the request form's fields, by the name the service gives when it refuses one
FORM_FIELDS = (
    "patient_name",
    "patient_hospital_id",
    "patient_sex",
    "patient_age_years",
    "patient_date_of_birth",
    "patient_group",
    "patient_has_anti_d",
    "diagnosis",
    "hospital",
    "ward",
    "bed",
    "component_code",
    "units",
    "urgency",
    "requesting_doctor",
    "doctor_registration_number",
)


class RequestsPage(Page):
    page_id = "requests"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Requests and issue")
    needs = frozenset({Action.CREATE_REQUEST, Action.CROSSMATCH, Action.RESERVE, Action.ISSUE, Action.RECEIVE_RETURN})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id: uuid.UUID | None = None
        self.detail: RequestDetail | None = None
        self.last_printout: Path | None = None
        self.unit: UnitChoice | None = None
        self.pending_issue_id: uuid.UUID | None = None
        self.detail_generation = 0  # only the latest detail load is shown
        self.saving = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet(HEADING_STYLE)
        top.addWidget(self.heading)
        top.addStretch()
        self.show_combo = QComboBox()
        self.show_combo.addItem("", views.RequestFilter.ACTIVE)
        self.show_combo.addItem("", views.RequestFilter.ALL)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.new_button = QPushButton()
        self.permit(self.new_button, Action.CREATE_REQUEST)
        for widget in (self.show_combo, self.search, self.new_button):
            top.addWidget(widget)
        outer.addLayout(top)

        self.list_model = GroupLazyRowsModel(REQUEST_COLUMNS, ctx.db, page_size=100, parent=self)
        self.list_model.group_columns = frozenset({2})
        self.list_view = make_table(self.list_model)
        self.list_view.setMinimumHeight(120)

        self.stack = QStackedWidget()
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(MUTED_STYLE + "font-size:11pt;")
        self.placeholder.setWordWrap(True)
        self.detail_panel = self._build_detail()
        self.form_panel = self._build_form()
        for widget in (self.placeholder, self.detail_panel, self.form_panel):
            self.stack.addWidget(widget)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([150, 600])
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self.message = MessageBar()
        outer.addWidget(self.message)

        self.show_combo.currentIndexChanged.connect(lambda _i: self._reload_list())
        self.search.textChanged.connect(lambda _t: self._reload_list())
        self.new_button.clicked.connect(self.open_form)
        self.list_view.selectionModel().currentRowChanged.connect(self._list_row_changed)
        self.list_view.activated.connect(lambda _index: self._focus_work())
        self.list_model.loaded.connect(self._list_loaded)
        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this page shows
        self.new_shortcut.activated.connect(lambda: self.new_button.isVisibleTo(self) and self.open_form())
        self.find_shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.search.setFocus)
        self.stack.setCurrentWidget(self.placeholder)
        self.retranslate()

    # --- building -----------------------------------------------------------------------------------------------

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)

        head = QHBoxLayout()
        self.group_badge = GroupBadge(size_pt=16)
        head.addWidget(self.group_badge, 0, Qt.AlignmentFlag.AlignTop)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        self.summary_title = QLabel()
        self.summary_title.setStyleSheet(TITLE_STYLE)
        self.summary_patient = QLabel()
        self.summary_request = QLabel()
        for label in (self.summary_title, self.summary_patient, self.summary_request):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lines.addWidget(label)
        head.addLayout(lines, 1)
        self.cancel_button = QPushButton()
        self.permit(self.cancel_button, Action.CREATE_REQUEST)
        head.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.cancel_bar = SubmitArea(self._cancel_request)
        cancel_row = QHBoxLayout(self.cancel_bar)
        cancel_row.setContentsMargins(0, 0, 0, 0)
        self.cancel_label = QLabel()
        self.cancel_reason = QLineEdit()
        self.cancel_label.setBuddy(self.cancel_reason)
        self.cancel_confirm = QPushButton()
        self.cancel_keep = QPushButton()
        for widget in (self.cancel_label, self.cancel_reason, self.cancel_confirm, self.cancel_keep):
            cancel_row.addWidget(widget)
        cancel_row.setStretch(1, 1)
        self.cancel_bar.hide()
        layout.addWidget(self.cancel_bar)
        self.cancel_button.clicked.connect(self._show_cancel_bar)
        self.cancel_confirm.clicked.connect(self._cancel_request)
        self.cancel_keep.clicked.connect(self.cancel_bar.hide)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_work_tab(), "")
        self.tabs.addTab(self._build_issued_tab(), "")
        self.tabs.addTab(self._build_history_tab(), "")
        layout.addWidget(self.tabs, 1)
        return panel

    def _build_work_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.suggest_label = QLabel()
        self.suggest_label.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.suggest_label)
        self.suggest_model = GroupRowsModel(SUGGESTION_COLUMNS, self)
        self.suggest_model.group_columns = frozenset({1})
        self.suggest_view = make_table(self.suggest_model)
        self.suggest_view.setMinimumHeight(90)
        layout.addWidget(self.suggest_view, 1)
        self.suggest_view.selectionModel().currentRowChanged.connect(self._suggestion_changed)

        self.unit_row = QWidget()
        unit_layout = QHBoxLayout(self.unit_row)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        self.din_label = QLabel()
        self.din_edit = DinEdit()
        self.din_label.setBuddy(self.din_edit)
        self.unit_badge = GroupBadge(size_pt=11)
        self.unit_badge.hide()
        self.unit_info = QLabel()
        self.unit_info.setWordWrap(True)
        unit_layout.addWidget(self.din_label)
        unit_layout.addWidget(self.din_edit)
        unit_layout.addWidget(self.unit_badge)
        unit_layout.addWidget(self.unit_info, 1)
        layout.addWidget(self.unit_row)
        self.permit(self.unit_row, Action.CROSSMATCH)
        self.din_edit.returnPressed.connect(self._din_entered)

        boxes = QHBoxLayout()
        self.crossmatch_box = QGroupBox()
        self.crossmatch_area = SubmitArea(self._crossmatch)
        box_layout = QVBoxLayout(self.crossmatch_box)
        box_layout.setContentsMargins(6, 4, 6, 4)
        box_layout.addWidget(self.crossmatch_area)
        grid = QGridLayout(self.crossmatch_area)
        grid.setContentsMargins(0, 0, 0, 0)
        self.method_combo = QComboBox()
        for method in CrossmatchMethod:
            self.method_combo.addItem("", method)
        self.method_combo.setCurrentIndex(self.method_combo.findData(CrossmatchMethod.AHG))
        self.result_combo = QComboBox()
        self.result_combo.addItem("", None)
        for result in CrossmatchResult:
            self.result_combo.addItem("", result)
        self.notes_edit = QLineEdit()
        self.method_label, self.result_label, self.notes_label = QLabel(), QLabel(), QLabel()
        for row, (label, field) in enumerate(
            (
                (self.method_label, self.method_combo),
                (self.result_label, self.result_combo),
                (self.notes_label, self.notes_edit),
            )
        ):
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
        self.crossmatch_button = QPushButton()
        self.crossmatch_button.clicked.connect(self._crossmatch)
        grid.addWidget(self.crossmatch_button, 3, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        boxes.addWidget(self.crossmatch_box, 1)
        self.permit(self.crossmatch_box, Action.CROSSMATCH)

        self.issue_box = QGroupBox()
        self.issue_area = SubmitArea(self._issue)
        box_layout = QVBoxLayout(self.issue_box)
        box_layout.setContentsMargins(6, 4, 6, 4)
        box_layout.addWidget(self.issue_area)
        grid = QGridLayout(self.issue_area)
        grid.setContentsMargins(0, 0, 0, 0)
        self.collected_label = QLabel()
        self.collected_by = QLineEdit()
        self.collected_label.setBuddy(self.collected_by)
        grid.addWidget(self.collected_label, 0, 0)
        grid.addWidget(self.collected_by, 0, 1)
        self.override_check = QCheckBox()
        self.override_reason = QLineEdit()
        self.override_reason.setEnabled(False)
        self.override_check.toggled.connect(self.override_reason.setEnabled)
        self.override_reason_label = QLabel()
        self.override_reason_label.setBuddy(self.override_reason)
        grid.addWidget(self.override_check, 1, 0, 1, 2)
        grid.addWidget(self.override_reason_label, 2, 0)
        grid.addWidget(self.override_reason, 2, 1)
        for widget in (self.override_check, self.override_reason_label, self.override_reason):
            self.permit(widget, Action.OVERRIDE_RHD)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.reserve_button = QPushButton()
        self.issue_button = QPushButton()
        self.issue_button.setStyleSheet("font-weight:600;")
        buttons.addWidget(self.reserve_button)
        buttons.addWidget(self.issue_button)
        grid.addLayout(buttons, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        boxes.addWidget(self.issue_box, 1)
        self.permit(self.issue_box, Action.ISSUE)
        self.permit(self.reserve_button, Action.RESERVE)
        self.reserve_button.clicked.connect(self._reserve)
        self.issue_button.clicked.connect(self._issue)
        layout.addLayout(boxes)
        return tab

    def _build_issued_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.issues_model = GroupRowsModel(ISSUE_COLUMNS, self)
        self.issues_model.group_columns = frozenset({1})
        self.issues_view = make_table(self.issues_model)
        self.issues_view.setMinimumHeight(90)
        layout.addWidget(self.issues_view, 1)
        self.issues_view.selectionModel().selectionChanged.connect(lambda *_: self._show_time_out())
        slips = QHBoxLayout()
        slips.addStretch()
        self.slip_button = QPushButton()  # the issue / compatibility slips that go to the ward with the units
        self.slip_button.clicked.connect(self.print_slips)
        slips.addWidget(self.slip_button)
        layout.addLayout(slips)
        self.permit(self.slip_button, Action.PRINT_LABELS)

        row = QHBoxLayout()
        self.return_box = QGroupBox()
        self.return_area = SubmitArea(self._receive_return)
        box_layout = QVBoxLayout(self.return_box)
        box_layout.setContentsMargins(6, 4, 6, 4)
        box_layout.addWidget(self.return_area)
        grid = QGridLayout(self.return_area)
        grid.setContentsMargins(0, 0, 0, 0)
        self.returned_at = MomentEdit()
        self.returned_at.dateTimeChanged.connect(lambda _v: self._show_time_out())
        self.seal_combo = yes_no_combo()
        self.cold_combo = yes_no_combo()
        self.return_reason = QLineEdit()
        self.return_labels = [QLabel() for _ in range(4)]
        for n, (label, field) in enumerate(
            zip(
                self.return_labels,
                (self.returned_at, self.seal_combo, self.cold_combo, self.return_reason),
                strict=True,
            )
        ):
            label.setBuddy(field)
            grid.addWidget(label, n // 2, (n % 2) * 2)
            grid.addWidget(field, n // 2, (n % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.time_out = QLabel()
        self.time_out.setStyleSheet(MUTED_STYLE)
        grid.addWidget(self.time_out, 2, 0, 1, 3)
        self.return_button = QPushButton()
        self.return_button.clicked.connect(self._receive_return)
        grid.addWidget(self.return_button, 2, 3, Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.return_box, 1)
        self.permit(self.return_box, Action.RECEIVE_RETURN)

        self.transfused_box = QGroupBox()
        box = QVBoxLayout(self.transfused_box)
        self.transfused_hint = QLabel()
        self.transfused_hint.setWordWrap(True)
        self.transfused_hint.setStyleSheet(MUTED_STYLE)
        self.transfused_button = QPushButton()
        self.transfused_button.clicked.connect(self._confirm_transfused)
        box.addWidget(self.transfused_hint)
        box.addStretch()
        box.addWidget(self.transfused_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.transfused_box)
        self.permit(self.transfused_box, Action.ISSUE)
        layout.addLayout(row)
        return tab

    def _build_history_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.crossmatch_model = GroupRowsModel(CROSSMATCH_COLUMNS, self)
        self.crossmatch_model.group_columns = frozenset({2})
        self.crossmatch_view = make_table(self.crossmatch_model)
        layout.addWidget(self.crossmatch_view)
        return tab

    def _build_form(self) -> QWidget:
        panel = SubmitArea(self.save_request)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)
        self.form_title = QLabel()
        self.form_title.setStyleSheet(TITLE_STYLE)
        layout.addWidget(self.form_title)
        columns = QHBoxLayout()

        self.patient_name = QLineEdit()
        self.patient_hospital_id = QLineEdit()
        self.patient_sex = QComboBox()
        self.patient_sex.addItem("", "")
        for sex in Sex:
            self.patient_sex.addItem("", sex)
        self.patient_age = QLineEdit()
        self.patient_age.setValidator(QIntValidator(0, 999, self.patient_age))
        self.patient_age.setMaximumWidth(80)
        self.patient_dob = QDateEdit()
        self.patient_dob.setDisplayFormat(DATE_FORMAT)
        self.patient_dob.setCalendarPopup(True)
        self.patient_dob.setMinimumDate(QDate(1900, 1, 1))
        self.patient_dob.setDate(self.patient_dob.minimumDate())  # shown blank: not known
        self.patient_group = QComboBox()
        self.patient_group.addItem("", "")
        for group in compatibility.PATIENT_GROUPS:
            self.patient_group.addItem(group, group)
        self.anti_d = QCheckBox()
        self.diagnosis = QLineEdit()
        self.patient_box = QGroupBox()
        patient_fields = [
            self.patient_name,
            self.patient_hospital_id,
            self.patient_sex,
            self.patient_age,
            self.patient_dob,
            self.patient_group,
            self.anti_d,
            self.diagnosis,
        ]
        self.patient_layout, self.patient_labels = _form(self.patient_box, patient_fields)
        columns.addWidget(self.patient_box, 1)

        self.hospital = QLineEdit()
        self.ward = QLineEdit()
        self.bed = QLineEdit()
        self.bed.setMaximumWidth(100)
        self.component = QComboBox()
        self.component.addItem("", "")
        for code in catalogue.CODES:
            self.component.addItem("", code)
        self.units = QSpinBox()
        self.units.setRange(1, 50)
        self.units.setMaximumWidth(80)
        self.urgency = QComboBox()
        for urgency in Urgency:
            self.urgency.addItem("", urgency)
        self.doctor = QLineEdit()
        self.doctor_registration = QLineEdit()
        self.request_box = QGroupBox()
        request_fields = [
            self.hospital,
            self.ward,
            self.bed,
            self.component,
            self.units,
            self.urgency,
            self.doctor,
            self.doctor_registration,
        ]
        self.request_layout, self.request_labels = _form(self.request_box, request_fields)
        columns.addWidget(self.request_box, 1)
        layout.addLayout(columns)
        for first, second in zip(
            [*patient_fields, *request_fields][:-1], [*patient_fields, *request_fields][1:], strict=True
        ):
            QWidget.setTabOrder(first, second)

        buttons = QHBoxLayout()
        self.form_hint = QLabel()
        self.form_hint.setStyleSheet(MUTED_STYLE)
        buttons.addWidget(self.form_hint, 1)
        self.form_close = QPushButton()
        self.form_save = QPushButton()
        self.form_save.setStyleSheet("font-weight:600;")
        buttons.addWidget(self.form_close)
        buttons.addWidget(self.form_save)
        layout.addLayout(buttons)
        layout.addStretch()
        self.form_save.clicked.connect(self.save_request)
        self.form_close.clicked.connect(self.close_form)
        self.form_escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), panel)
        self.form_escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.form_escape.activated.connect(self.close_form)
        self.form_widgets: dict[str, QWidget] = dict(zip(FORM_FIELDS, [*patient_fields, *request_fields], strict=True))
        return panel

    # --- texts --------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Blood requests and issue"))
        self.show_combo.setItemText(0, self.tr("Active requests"))
        self.show_combo.setItemText(1, self.tr("All requests"))
        self.search.setPlaceholderText(self.tr("Find a request number, patient or hospital number (Ctrl+F)"))
        self.new_button.setText(self.tr("&New request (Ctrl+N)"))
        self.placeholder.setText(
            self.tr(
                "Select a request in the list to crossmatch, reserve and issue units for it, or record a new one "
                "with Ctrl+N. Scan a unit that comes back from a ward to receive its return."
            )
        )
        self.cancel_button.setText(self.tr("Cancel request…"))
        self.cancel_label.setText(self.tr("Reason for cance&lling:"))
        self.cancel_reason.setPlaceholderText(self.tr("e.g. patient discharged, doctor withdrew the request"))
        self.cancel_confirm.setText(self.tr("Cancel this request"))
        self.cancel_keep.setText(self.tr("Keep it"))
        self.tabs.setTabText(0, self.tr("Crossmatch and issue"))
        self.tabs.setTabText(1, self.tr("Issued units"))
        self.tabs.setTabText(2, self.tr("Crossmatch record"))
        self.suggest_label.setText(
            self.tr("Units in stock that suit this patient: the best group choice first, then the first to expire.")
        )
        self.din_label.setText(self.tr("&Unit (DIN):"))
        self.din_edit.setPlaceholderText(self.tr("Scan or type the DIN, then Enter"))
        self.crossmatch_box.setTitle(self.tr("Crossmatch"))
        self.method_label.setText(self.tr("&Method:"))
        self.result_label.setText(self.tr("Resul&t:"))
        self.notes_label.setText(self.tr("N&otes:"))
        labels = views.CROSSMATCH_METHOD_LABELS
        for n in range(self.method_combo.count()):
            self.method_combo.setItemText(n, render(labels[self.method_combo.itemData(n)]))
        self.result_combo.setItemText(0, self.tr("(choose the result)"))
        for n in range(1, self.result_combo.count()):
            self.result_combo.setItemText(n, render(views.CROSSMATCH_RESULT_LABELS[self.result_combo.itemData(n)]))
        self.crossmatch_button.setText(self.tr("Record &crossmatch"))
        self.issue_box.setTitle(self.tr("Reserve or issue"))
        self.collected_label.setText(self.tr("Carried &by:"))
        self.collected_by.setPlaceholderText(self.tr("Name of the person taking the unit to the ward"))
        self.override_check.setText(
            self.tr("RhD override: I, as medical officer, authorise RhD-positive red cells for this patient")
        )
        self.override_reason_label.setText(self.tr("Override rea&son:"))
        self.override_reason.setPlaceholderText(self.tr("Required: why no RhD-negative unit can be given"))
        self.reserve_button.setText(self.tr("&Reserve for this patient"))
        self.issue_button.setText(self.tr("&Issue unit"))
        self.slip_button.setText(self.tr("Print issue s&lips"))

        self.return_box.setTitle(self.tr("Receive a returned unit"))
        set_texts(
            self.return_labels,
            [self.tr("Back &at:"), self.tr("&Seal intact:"), self.tr("&Kept cold:"), self.tr("Reason:")],
        )
        unanswered = self.tr("(check and answer)")
        set_yes_no_texts(
            self.seal_combo, unanswered, self.tr("Yes, seal intact"), self.tr("No, seal broken or bag opened")
        )
        set_yes_no_texts(
            self.cold_combo, unanswered, self.tr("Yes, kept at storage temperature"), self.tr("No, or not known")
        )
        self.return_reason.setPlaceholderText(self.tr("e.g. patient discharged, transfusion postponed"))
        self.return_button.setText(self.tr("Receive &return"))
        self.transfused_box.setTitle(self.tr("Transfused"))
        self.transfused_hint.setText(self.tr("When the ward confirms the unit was given to the patient."))
        self.transfused_button.setText(self.tr("Confirm &transfused"))

        self.form_title.setText(self.tr("New blood request (from the doctor's requisition form)"))
        self.patient_box.setTitle(self.tr("Patient"))
        self.request_box.setTitle(self.tr("Request"))
        set_texts(
            self.patient_labels,
            [
                self.tr("Patient na&me:"),
                self.tr("Hospital number (UHID/IPD):"),
                self.tr("Se&x:"),
                self.tr("&Age in years:"),
                self.tr("Date of birth:"),
                self.tr("Blood &group:"),
                "",
                self.tr("D&iagnosis:"),
            ],
        )
        self.patient_dob.setSpecialValueText(self.tr("not known"))
        self.patient_sex.setItemText(0, self.tr("(choose)"))
        for n in range(1, self.patient_sex.count()):
            self.patient_sex.setItemText(n, render(views.SEX_LABELS[self.patient_sex.itemData(n)]))
        self.patient_group.setItemText(0, self.tr("(choose the group of the patient's sample)"))
        unknown = self.patient_group.findData(compatibility.UNKNOWN)
        self.patient_group.setItemText(unknown, self.tr("Not yet grouped (emergency)"))
        self.anti_d.setText(self.tr("Patient has anti-D"))
        set_texts(
            self.request_labels,
            [
                self.tr("&Hospital:"),
                self.tr("&Ward:"),
                self.tr("Bed:"),
                self.tr("&Component:"),
                self.tr("Units:"),
                self.tr("&Urgency:"),
                self.tr("Requesting &doctor:"),
                self.tr("Doctor's registration no.:"),
            ],
        )
        self.component.setItemText(0, self.tr("(choose the component)"))
        for n in range(1, self.component.count()):
            self.component.setItemText(n, render(catalogue.component(self.component.itemData(n)).name))
        for n in range(self.urgency.count()):
            self.urgency.setItemText(n, render(views.URGENCY_LABELS[self.urgency.itemData(n)]))
        self.form_hint.setText(self.tr("Enter saves; Esc closes the form and keeps what you typed."))
        self.form_close.setText(self.tr("Close"))
        self.form_save.setText(self.tr("&Save request"))

        for model in (self.list_model, self.suggest_model, self.issues_model, self.crossmatch_model):
            model.retranslate()
        self._show_summary()
        self._show_unit()
        self._show_time_out()

    # --- page contract ------------------------------------------------------------------------------------------

    def activated(self) -> None:
        self._reload_list()
        if self.current_id is not None:
            self._load_detail()
        if not self.returned_at.touched:
            self.returned_at.reset()

    def clear_work(self) -> None:
        for field in (
            self.patient_name,
            self.patient_hospital_id,
            self.patient_age,
            self.diagnosis,
            self.hospital,
            self.ward,
            self.bed,
            self.doctor,
            self.doctor_registration,
            self.din_edit,
            self.notes_edit,
            self.collected_by,
            self.override_reason,
            self.return_reason,
            self.cancel_reason,
            self.search,
        ):
            field.clear()
        self._reset_form_choices()
        self.result_combo.setCurrentIndex(0)
        self.override_check.setChecked(False)
        self.seal_combo.setCurrentIndex(0)
        self.cold_combo.setCurrentIndex(0)
        self.returned_at.reset()
        self.cancel_bar.hide()
        self.current_id = self.detail = self.unit = self.pending_issue_id = None
        self.list_view.clearSelection()
        self.stack.setCurrentWidget(self.placeholder)
        self.message.clear_message()

    def handle_scan(self, text: str) -> bool:
        """A scanned DIN: the issue it is out on (to receive it back), else the unit for the selected request."""
        try:
            scan = isbt128.decode_scan(text)
        except DomainError:
            return False
        if scan.kind != isbt128.ScanKind.DIN or self.stack.currentWidget() is self.form_panel:
            return False
        din = scan.value.din  # type: ignore[union-attr]
        self.ctx.load(
            self, lambda s: views.outstanding_issue_for_din(s, din), lambda issue: self._scan_located(din, issue)
        )
        return True

    # --- the list -----------------------------------------------------------------------------------------------

    def _reload_list(self) -> None:
        which, search = self.show_combo.currentData(), self.search.text()
        self.list_model.set_query(
            lambda s, offset, limit: views.list_requests(s, offset, limit, which=which, search=search)
        )

    def _list_loaded(self) -> None:
        if len(self.list_model.rows) <= self.list_model.page_size:
            fit_columns(self.list_view)
        if self.current_id is not None and current_row(self.list_view) is None:
            select_row(self.list_view, lambda r: r.request_id == self.current_id, quiet=True)

    def _list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.list_model.rows):
            return
        row: RequestRow = self.list_model.rows[current.row()]
        if row.request_id != self.current_id or self.stack.currentWidget() is not self.detail_panel:
            self.open_request(row.request_id)

    def open_request(self, request_id: uuid.UUID) -> None:
        """Show a request: its summary, suggested units, issues and crossmatches."""
        if request_id != self.current_id:
            self.message.clear_message()
            self.unit = None
            self.din_edit.clear()
            self.cancel_bar.hide()
            self.cancel_reason.clear()
            self.override_check.setChecked(False)
            self.override_reason.clear()
            self.result_combo.setCurrentIndex(0)
            self.notes_edit.clear()
            # who carries a unit is asked per patient: another request's carrier must never be recorded here
            self.collected_by.clear()
            self.detail = None
        self.current_id = request_id
        self.stack.setCurrentWidget(self.detail_panel)
        if self.detail is None:
            self._show_summary()
        self._show_unit()
        self._load_detail()

    def _load_detail(self) -> None:
        request_id, now = self.current_id, datetime.now(UTC)
        if request_id is None:
            return
        self.detail_generation += 1
        generation = self.detail_generation

        def query(session: Any) -> tuple[RequestDetail, list[tx.UnitSuggestion]]:
            return views.request_detail(session, request_id), tx.suggest_units(session, request_id, now)

        self.ctx.load(self, query, lambda result: self._detail_loaded(generation, *result), self._failed)

    def _detail_loaded(self, generation: int, detail: RequestDetail, suggestions: list[tx.UnitSuggestion]) -> None:
        if generation != self.detail_generation:
            return  # a later load (another request, or after a save) is on its way
        self.detail = detail
        chosen = self.unit.component_id if self.unit is not None else None
        selected_issue = current_row(self.issues_view)
        self.suggest_model.set_rows(suggestions)
        self.issues_model.set_rows(detail.issues)
        self.crossmatch_model.set_rows(detail.crossmatches)
        for view in (self.suggest_view, self.issues_view, self.crossmatch_view):
            fit_columns(view)
        if chosen is not None:
            select_row(self.suggest_view, lambda u: u.component_id == chosen, quiet=True)
            self._refresh_unit(suggestions)
        if self.pending_issue_id is not None:
            wanted, self.pending_issue_id = self.pending_issue_id, None
            select_row(self.issues_view, lambda i: i.issue_id == wanted)
            self.tabs.setCurrentIndex(1)
            (self.seal_combo if self.return_box.isVisibleTo(self) else self.issues_view).setFocus()
        elif selected_issue is not None:
            select_row(self.issues_view, lambda i: i.issue_id == selected_issue.issue_id)
        self._show_summary()
        self._show_time_out()

    def _focus_work(self) -> None:
        if self.tabs.currentIndex() == 0 and self.din_edit.isVisibleTo(self):
            self.din_edit.setFocus()
        else:
            self.tabs.setFocus()

    # --- the summary of the selected request --------------------------------------------------------------------

    def _show_summary(self) -> None:
        if self.detail is None:
            self.group_badge.set_group(None, "")
            for label in (self.summary_title, self.summary_patient, self.summary_request):
                label.clear()
            return
        r = self.detail.request
        ungrouped = r.patient_group == compatibility.UNKNOWN
        self.group_badge.set_group(None if ungrouped else r.patient_group, "?" if ungrouped else None)
        self.summary_title.setText(self.tr("{number} · {name}").format(number=r.request_number, name=r.patient_name))
        patient = [
            self.tr("{sex}, {age} years").format(sex=render(views.SEX_LABELS[r.patient_sex]), age=r.patient_age_years)
        ]
        if r.patient_hospital_id:
            patient.append(self.tr("hospital no. {number}").format(number=r.patient_hospital_id))
        patient.append(
            self.tr("group not yet known") if ungrouped else self.tr("group {group}").format(group=r.patient_group)
        )
        if r.patient_has_anti_d:
            patient.append(self.tr("HAS ANTI-D"))
        if r.diagnosis:
            patient.append(r.diagnosis)
        where = ", ".join(p for p in (r.hospital, r.ward, self.tr("bed {bed}").format(bed=r.bed) if r.bed else "") if p)
        patient.append(where)
        self.summary_patient.setText(" · ".join(patient))
        request = [
            self.tr("{component}: {units} requested, {issued} issued, {reserved} reserved").format(
                component=render(views.component_name(r.component_code)),
                units=r.units_requested,
                issued=r.units_issued,
                reserved=r.units_reserved,
            ),
            render(views.URGENCY_LABELS[r.urgency]),
            render(views.REQUEST_STATUS_LABELS[r.status]),
            self.tr("requested by {doctor}").format(doctor=r.requesting_doctor)
            + (f" ({r.doctor_registration_number})" if r.doctor_registration_number else ""),
            self.tr("received {when}").format(when=local_text(r.received_at)),
        ]
        if r.required_by is not None:
            request.append(self.tr("needed by {when}").format(when=local_text(r.required_by)))
        if r.status == RequestStatus.CANCELLED and r.cancel_reason:
            request.append(self.tr("cancelled: {reason}").format(reason=r.cancel_reason))
        self.summary_request.setText(" · ".join(request))
        colour = {Urgency.EMERGENCY: "#b71c1c", Urgency.URGENT: "#8a5a00"}.get(r.urgency, "#37474f")
        self.summary_request.setStyleSheet(f"color:{colour};")
        self.cancel_button.setEnabled(r.status == RequestStatus.OPEN)

    # --- picking a unit -----------------------------------------------------------------------------------------

    def _suggestion_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.suggest_model.rows):
            return
        s: tx.UnitSuggestion = self.suggest_model.rows[current.row()]
        status = ComponentStatus.RESERVED if s.reserved_for_this_request else ComponentStatus.AVAILABLE
        self.unit = UnitChoice(
            s.component_id, s.din, s.code, s.blood_group, status, s.expires_at, s.reserved_for_this_request
        )
        self.din_edit.setText(s.din)
        self._show_unit()

    def _din_entered(self) -> None:
        text, request_id = self.din_edit.text().strip(), self.current_id
        if not text or request_id is None:
            return
        self.ctx.load(self, lambda s: views.unit_for_request(s, request_id, text), self._unit_found, self._unit_failed)

    def _unit_found(self, unit: UnitChoice) -> None:
        self.unit = unit
        self.din_edit.setText(unit.din)
        self.message.clear_message()
        select_row(self.suggest_view, lambda u: u.component_id == unit.component_id, quiet=True)
        self._show_unit()
        if self.crossmatch_box.isVisibleTo(self) and not self.unit.reserved_for_this_request:
            self.result_combo.setFocus()
        elif self.issue_box.isVisibleTo(self):
            self.collected_by.setFocus()

    def _unit_failed(self, error: Exception) -> None:
        self.unit = None
        self._show_unit()
        self._failed(error)
        self.din_edit.selectAll()
        self.din_edit.setFocus()

    def _refresh_unit(self, suggestions: list[tx.UnitSuggestion]) -> None:
        """After a save the chosen unit may have been reserved (or issued): show it as it is now."""
        if self.unit is None:
            return
        for s in suggestions:
            if s.component_id == self.unit.component_id:
                status = ComponentStatus.RESERVED if s.reserved_for_this_request else ComponentStatus.AVAILABLE
                self.unit = UnitChoice(
                    s.component_id, s.din, s.code, s.blood_group, status, s.expires_at, s.reserved_for_this_request
                )
        self._show_unit()

    def _show_unit(self) -> None:
        unit = self.unit
        if unit is None:
            self.unit_badge.hide()
            self.unit_info.setText(self.tr("No unit chosen: select a suggested unit or scan its DIN."))
            self.unit_info.setStyleSheet(MUTED_STYLE)
            return
        self.unit_badge.set_group(unit.blood_group)
        self.unit_badge.show()
        parts = [
            din_text(unit.din),
            render(views.component_name(unit.code)),
            self.tr("expires {when}").format(when=local_text(unit.expires_at)),
        ]
        if unit.reserved_for_this_request:
            parts.append(render(HELD_HERE))
        else:
            parts.append(render(LABELS[unit.status]))
        self.unit_info.setText(" · ".join(parts))
        self.unit_info.setStyleSheet("font-weight:600;")

    def _need_unit(self) -> UnitChoice | None:
        if self.unit is None or self.current_id is None:
            self.message.show_error(self.tr("Choose a unit first: select a suggested unit or scan its DIN."))
            self.din_edit.setFocus()
            return None
        return self.unit

    # --- saving -------------------------------------------------------------------------------------------------

    def _save(self, use_case: Callable[[Any], Any], on_saved: Callable[[Any], None]) -> None:
        """Run one use case (never twice at once); the page reloads when it is saved."""
        if self.saving:
            return
        self.saving = True

        def saved(result: Any) -> None:
            self.saving = False
            on_saved(result)

        self.ctx.save(self, use_case, saved, self._failed, changed="transfusion")

    def _failed(self, error: Exception) -> None:
        self.saving = False
        show_refusal(self.message, error)
        field = getattr(error, "field", None)
        widget = {
            **self.form_widgets,
            "method": self.method_combo,
            "result": self.result_combo,
            "notes": self.notes_edit,
            "collected_by": self.collected_by,
            "rhd_override": self.override_reason,
            "returned_at": self.returned_at,
            "seal_intact": self.seal_combo,
            "cold_chain_maintained": self.cold_combo,
            "reason": self.cancel_reason if self.cancel_bar.isVisible() else self.return_reason,
            "din": self.din_edit,
        }.get(field or "")
        if widget is not None and widget.isVisibleTo(self):
            widget.setFocus()

    def _crossmatch(self) -> None:
        unit = self._need_unit()
        if unit is None:
            return
        request_id, method, result = self.current_id, self.method_combo.currentData(), self.result_combo.currentData()
        notes = self.notes_edit.text()
        self._save(
            lambda uow: tx.crossmatch(uow, request_id, unit.component_id, method, result or "", notes or None),
            self._crossmatched,
        )

    def _crossmatched(self, done: tx.CrossmatchRecorded) -> None:
        self.notes_edit.clear()
        self.result_combo.setCurrentIndex(0)
        if done.compatible and done.reserved:
            text = self.tr("Crossmatch of unit {din} recorded: compatible. The unit is reserved for this patient.")
        elif done.compatible:
            text = self.tr(
                "Crossmatch of unit {din} recorded: compatible. It is not reserved: the request already has all "
                "its units held."
            )
        else:
            text = self.tr("Crossmatch of unit {din} recorded: INCOMPATIBLE. Do not issue this unit to this patient.")
        self.message.show_message(text.format(din=din_text(done.din)), "ok" if done.compatible else "warn")
        if self.issue_box.isVisibleTo(self):
            self.collected_by.setFocus()

    def _reserve(self) -> None:
        unit = self._need_unit()
        if unit is None:
            return
        request_id = self.current_id
        self._save(lambda uow: tx.reserve(uow, request_id, unit.component_id), self._reserved)

    def _reserved(self, done: tx.ReservedUnit) -> None:
        self.message.show_message(self.tr("Unit {din} is reserved for this patient.").format(din=din_text(done.din)))

    def _issue(self) -> None:
        unit = self._need_unit()
        if unit is None:
            return
        request_id, carried_by = self.current_id, self.collected_by.text()
        override = None
        if self.override_check.isChecked() and self.override_check.isVisibleTo(self) and self.ctx.actor is not None:
            override = tx.RhdOverride(self.ctx.actor, self.override_reason.text())
        self._save(
            lambda uow: tx.issue(uow, request_id, unit.component_id, carried_by, rhd_override=override), self._issued
        )

    def print_slips(self) -> None:
        """An issue and compatibility slip for each unit issued on the open request."""
        request_id = self.current_id
        if request_id is None or not self.ctx.may(Action.PRINT_LABELS):
            return

        def slips(session: Session) -> list[label_content.IssueSlip]:
            return [label_content.issue_slip(session, i) for i in label_content.latest_issue_ids(session, request_id)]

        print_from(self, slips, print_issue_slips, f"issue-slips-{request_id}", self._slips_printed)

    def _slips_printed(self, pdf: Path | None) -> None:
        self.last_printout = pdf

    def _issued(self, done: tx.IssuedUnit) -> None:
        parts = [
            self.tr("Unit {din} issued on request {number}, carried by {person}.").format(
                din=din_text(done.din), number=done.request_number, person=self.collected_by.text().strip()
            )
        ]
        if done.request_fulfilled:
            parts.append(self.tr("The request now has all its units."))
        if done.uncrossmatched:
            parts.append(
                self.tr(
                    "Issued WITHOUT crossmatch (emergency): crossmatch the patient's sample now and tell the ward at "
                    "once if it is incompatible."
                )
            )
        if done.rhd_override:
            parts.append(self.tr("Your RhD override is recorded on the issue."))
        if done.warnings:
            parts.append(
                self.tr("Care needed: {warnings}").format(warnings="; ".join(render(w) for w in done.warnings))
            )
        careful = done.uncrossmatched or done.rhd_override or bool(done.warnings)
        self.message.show_message(" ".join(parts), "warn" if careful else "ok")
        self.unit = None
        self.din_edit.clear()
        self.override_check.setChecked(False)
        self.override_reason.clear()
        self._show_unit()
        self.din_edit.setFocus()

    # --- after issue: return, transfused ------------------------------------------------------------------------

    def _scan_located(self, din: str, issue: IssueRow | None) -> None:
        if issue is not None:
            self.pending_issue_id = issue.issue_id
            self.tabs.setCurrentIndex(1)
            select_row(self.list_view, lambda r: r.request_id == issue.request_id, quiet=True)
            self.open_request(issue.request_id)
            return
        if self.current_id is None or self.detail is None:
            self.message.show_error(
                self.tr("Unit {din} is not out with a ward. Select a request first, then scan the unit for it.").format(
                    din=din_text(din)
                )
            )
            return
        self.tabs.setCurrentIndex(0)
        self.din_edit.setText(din)
        self._din_entered()

    def _selected_issue(self) -> IssueRow | None:
        issue = current_row(self.issues_view)
        if issue is None:
            self.message.show_error(self.tr("Choose the issued unit first: select it in the list or scan its DIN."))
            self.issues_view.setFocus()
        return issue

    def _show_time_out(self) -> None:
        issue = current_row(self.issues_view)
        if issue is None or issue.state != IssueState.OUT:
            self.time_out.setText(self.tr("Select a unit that is with the ward, or scan its DIN."))
            return
        minutes = max(0, int((self.returned_at.moment() - issue.issued_at).total_seconds() // 60))
        limit = int(tx.RETURN_WINDOW.value.total_seconds() // 60)
        self.time_out.setText(
            self.tr("Issued {when}: out of controlled storage for {minutes} min (the limit is {limit} min).").format(
                when=local_text(issue.issued_at), minutes=minutes, limit=limit
            )
        )

    def _receive_return(self) -> None:
        issue = self._selected_issue()
        if issue is None:
            return
        returned_at, seal, cold = (
            self.returned_at.moment(),
            self.seal_combo.currentData(),
            self.cold_combo.currentData(),
        )
        reason = self.return_reason.text() or None
        self._save(
            lambda uow: tx.return_unit(
                uow,
                issue.issue_id,
                returned_at=returned_at,
                cold_chain_maintained=cold,
                seal_intact=seal,
                reason=reason,
            ),
            self._returned,
        )

    def _returned(self, outcome: tx.ReturnOutcome) -> None:
        self.seal_combo.setCurrentIndex(0)
        self.cold_combo.setCurrentIndex(0)
        self.return_reason.clear()
        self.returned_at.reset()
        din = din_text(outcome.din)
        if outcome.accepted:
            self.message.show_message(self.tr("Unit {din} is back in available stock.").format(din=din))
        else:
            self.message.show_message(
                self.tr(
                    "Unit {din} was received back but may not go into stock again, so it is discarded: {reasons}."
                ).format(din=din, reasons="; ".join(render(r) for r in outcome.reasons)),
                "warn",
            )

    def _confirm_transfused(self) -> None:
        issue = self._selected_issue()
        if issue is None:
            return
        self._save(lambda uow: tx.confirm_transfused(uow, issue.issue_id), self._transfused)

    def _transfused(self, done: tx.TransfusedUnit) -> None:
        self.message.show_message(self.tr("Unit {din} is recorded as transfused.").format(din=din_text(done.din)))

    # --- cancel -------------------------------------------------------------------------------------------------

    def _show_cancel_bar(self) -> None:
        self.cancel_bar.show()
        self.cancel_reason.setFocus()

    def _cancel_request(self) -> None:
        request_id, reason = self.current_id, self.cancel_reason.text()
        if request_id is None:
            return
        self._save(lambda uow: tx.cancel_request(uow, request_id, reason), self._cancelled)

    def _cancelled(self, done: tx.CancelledRequest) -> None:
        self.cancel_bar.hide()
        self.cancel_reason.clear()
        self.message.show_message(
            self.tr("Request {number} is cancelled; units reserved for it went back to stock: {count}.").format(
                number=done.request_number, count=len(done.released_component_ids)
            )
        )

    # --- the new-request form -----------------------------------------------------------------------------------

    def open_form(self) -> None:
        self.message.clear_message()
        self.stack.setCurrentWidget(self.form_panel)
        self.patient_name.setFocus()

    def close_form(self) -> None:
        self.stack.setCurrentWidget(self.detail_panel if self.current_id is not None else self.placeholder)
        self.message.clear_message()
        self.list_view.setFocus()

    def _reset_form_choices(self) -> None:
        for combo in (self.patient_sex, self.patient_group, self.component, self.urgency):
            combo.setCurrentIndex(0)
        self.patient_dob.setDate(self.patient_dob.minimumDate())
        self.anti_d.setChecked(False)
        self.units.setValue(1)

    def request_form(self) -> tx.RequestForm:
        """What the form holds, as typed: the service judges it."""
        age = self.patient_age.text().strip()
        dob = self.patient_dob.date()
        return tx.RequestForm(
            patient_name=self.patient_name.text(),
            patient_sex=self.patient_sex.currentData(),
            patient_group=self.patient_group.currentData(),
            hospital=self.hospital.text(),
            component_code=self.component.currentData(),
            units=self.units.value(),
            urgency=self.urgency.currentData(),
            requesting_doctor=self.doctor.text(),
            doctor_registration_number=self.doctor_registration.text(),
            patient_date_of_birth=None if dob == self.patient_dob.minimumDate() else dob.toPython(),
            patient_age_years=int(age) if age else None,
            patient_hospital_id=self.patient_hospital_id.text() or None,
            patient_has_anti_d=self.anti_d.isChecked(),
            ward=self.ward.text() or None,
            bed=self.bed.text() or None,
            diagnosis=self.diagnosis.text() or None,
        )

    def save_request(self) -> None:
        if self.stack.currentWidget() is not self.form_panel:
            return
        form = self.request_form()
        self._save(lambda uow: tx.create_request(uow, form), self._request_saved)

    def _request_saved(self, created: tx.CreatedRequest) -> None:
        for field in (
            self.patient_name,
            self.patient_hospital_id,
            self.patient_age,
            self.diagnosis,
            self.ward,
            self.bed,
            self.doctor,
            self.doctor_registration,
        ):
            field.clear()  # the hospital usually stays the same for the next requisition
        self._reset_form_choices()
        if self.show_combo.currentData() != views.RequestFilter.ACTIVE or self.search.text():
            self.show_combo.setCurrentIndex(0)
            self.search.clear()
        self.tabs.setCurrentIndex(0)
        self.open_request(created.request_id)
        self.message.show_message(
            self.tr("Request {number} is recorded (patient age {age} years).").format(
                number=created.request_number, age=created.patient_age_years
            )
        )
        self._focus_work()


def _form(box: QGroupBox, fields: list[QWidget]) -> tuple[Any, list[QLabel]]:
    form, labels = labelled_form(fields)
    box.setLayout(form)
    return form, labels
