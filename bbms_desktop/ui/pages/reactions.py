"""Transfusion reactions (haemovigilance): report a reaction against the issue of a unit, and see those reported.

The unit is found by scanning or typing its DIN (or picked from the units issued in the last three days); the coded
reaction type and severity, the time it began and what was seen go to ``services.transfusion.record_reaction``,
which judges them. A unit with a reported reaction is never taken back into stock.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules import isbt128
from bbms_desktop.rules.roles import Action
from bbms_desktop.rules.vocabulary import Severity, TransfusionReactionType
from bbms_desktop.services import request_views as views
from bbms_desktop.services import transfusion as tx
from bbms_desktop.services.request_views import IssueRow, ReactionRow
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.counter_widgets import (
    HEADING_STYLE,
    MUTED_STYLE,
    DinEdit,
    GroupLazyRowsModel,
    MomentEdit,
    SubmitArea,
    din_text,
    fit_columns,
    make_table,
    show_refusal,
)
from bbms_desktop.ui.tablemodel import Column
from bbms_desktop.ui.widgets import MessageBar, find_data, labelled_form, local_text, render, set_texts

RECENT = timedelta(days=3)  # how far back the unit list reaches before a DIN is scanned

ISSUE_CHOICE = QT_TRANSLATE_NOOP("ReactionsPage", "{din} · {group} {component} · {patient} · {number} · issued {when}")


def _severity_tone(row: ReactionRow) -> str | None:
    if row.severity in (Severity.SEVERE, Severity.LIFE_THREATENING, Severity.DEATH):
        return "danger"
    return "warn" if row.severity == Severity.MODERATE else None


REACTION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Began"), lambda r: local_text(r.onset_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Reaction"), lambda r: views.REACTION_TYPE_LABELS[r.reaction_type]),
    Column(QT_TRANSLATE_NOOP("Columns", "Severity"), lambda r: views.SEVERITY_LABELS[r.severity], tone=_severity_tone),
    Column(QT_TRANSLATE_NOOP("Columns", "Patient"), lambda r: r.patient_name),
    Column(QT_TRANSLATE_NOOP("Columns", "DIN"), lambda r: din_text(r.din)),
    Column(QT_TRANSLATE_NOOP("Columns", "Group"), lambda r: r.blood_group),
    Column(QT_TRANSLATE_NOOP("Columns", "Component"), lambda r: views.component_name(r.code)),
    Column(QT_TRANSLATE_NOOP("Columns", "What was seen"), lambda r: r.description or ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Reported by"), lambda r: r.reported_by),
    Column(QT_TRANSLATE_NOOP("Columns", "Request"), lambda r: r.request_number),
]


class ReactionsPage(Page):
    page_id = "reactions"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Transfusion reactions")
    needs = frozenset({Action.RECORD_TRANSFUSION_REACTION})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.saving = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        self.heading = QLabel()
        self.heading.setStyleSheet(HEADING_STYLE)
        outer.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(MUTED_STYLE)
        outer.addWidget(self.intro)

        self.form_box = QGroupBox()
        box_layout = QVBoxLayout(self.form_box)
        self.area = SubmitArea(self.save)
        box_layout.addWidget(self.area)
        area_layout = QVBoxLayout(self.area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        self.din_edit = DinEdit()
        self.issue_combo = QComboBox()
        self.issue_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.issue_combo.setMinimumContentsLength(50)
        self.type_combo = QComboBox()
        self.type_combo.addItem("", "")
        for kind in TransfusionReactionType:
            self.type_combo.addItem("", kind)
        self.severity_combo = QComboBox()
        self.severity_combo.addItem("", "")
        for grade in Severity:
            self.severity_combo.addItem("", grade)
        self.onset = MomentEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.form, self.labels = labelled_form(
            [self.din_edit, self.issue_combo, self.type_combo, self.severity_combo, self.onset, self.description]
        )
        area_layout.addLayout(self.form)
        buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setStyleSheet(MUTED_STYLE)
        buttons.addWidget(self.hint, 1)
        self.save_button = QPushButton()
        self.save_button.setStyleSheet("font-weight:600;")
        buttons.addWidget(self.save_button)
        area_layout.addLayout(buttons)
        self.message = MessageBar()
        box_layout.addWidget(self.message)

        self.list_title = QLabel()
        self.list_title.setStyleSheet("font-weight:600;")
        self.list_model = GroupLazyRowsModel(REACTION_COLUMNS, ctx.db, page_size=100, parent=self)
        self.list_model.group_columns = frozenset({5})
        self.list_view = make_table(self.list_model)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.list_title)
        lower_layout.addWidget(self.list_view, 1)

        upper = QWidget()  # the form keeps a readable width on a wide screen
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.form_box.setMaximumWidth(900)
        upper_layout.addWidget(self.form_box, 1)
        upper_layout.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)

        self.din_edit.returnPressed.connect(self._din_entered)
        self.save_button.clicked.connect(self.save)
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this page shows
        self.save_shortcut.activated.connect(self.save)
        self.list_model.loaded.connect(lambda: fit_columns(self.list_view))
        self.retranslate()

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Transfusion reactions"))
        self.intro.setText(
            self.tr(
                "Report every suspected reaction to a unit issued here: the unit is never taken back into stock, "
                "and the report goes to the haemovigilance record."
            )
        )
        self.form_box.setTitle(self.tr("Report a reaction"))
        set_texts(
            self.labels,
            [
                self.tr("&Unit (DIN):"),
                self.tr("&Issued unit:"),
                self.tr("&Reaction:"),
                self.tr("&Severity:"),
                self.tr("&Began at:"),
                self.tr("&What was seen:"),
            ],
        )
        self.din_edit.setPlaceholderText(self.tr("Scan or type the DIN on the bag, then Enter"))
        self.type_combo.setItemText(0, self.tr("(choose the reaction type)"))
        for n in range(1, self.type_combo.count()):
            self.type_combo.setItemText(n, render(views.REACTION_TYPE_LABELS[self.type_combo.itemData(n)]))
        self.severity_combo.setItemText(0, self.tr("(choose the severity)"))
        for n in range(1, self.severity_combo.count()):
            self.severity_combo.setItemText(n, render(views.SEVERITY_LABELS[self.severity_combo.itemData(n)]))
        self.description.setPlaceholderText(
            self.tr("Signs and symptoms, vital signs, what was done (transfusion stopped, treatment given)")
        )
        self.hint.setText(self.tr("Ctrl+Enter saves. The time means now until you change it."))
        self.save_button.setText(self.tr("Record &reaction"))
        self.list_title.setText(self.tr("Reported reactions, latest first"))
        self.list_model.retranslate()
        self._label_issues()

    def activated(self) -> None:
        self.list_model.set_query(views.list_reactions)
        if not self.din_edit.text().strip():
            self._load_recent()
        if not self.onset.touched:
            self.onset.reset()

    def clear_work(self) -> None:
        self.din_edit.clear()
        self.description.clear()
        self.type_combo.setCurrentIndex(0)
        self.severity_combo.setCurrentIndex(0)
        self.onset.reset()
        self.issue_combo.clear()
        self.message.clear_message()

    def handle_scan(self, text: str) -> bool:
        try:
            scan = isbt128.decode_scan(text)
        except DomainError:
            return False
        if scan.kind != isbt128.ScanKind.DIN:
            return False
        self.din_edit.setText(scan.value.din)  # type: ignore[union-attr]
        self._din_entered()
        return True

    # --- choosing the issue -------------------------------------------------------------------------------------

    def _load_recent(self) -> None:
        since = datetime.now(UTC) - RECENT
        self.ctx.load(self, lambda s: views.recent_issues(s, since), self._issues_loaded)

    def _din_entered(self) -> None:
        text = self.din_edit.text().strip()
        if not text:
            self._load_recent()
            return
        self.ctx.load(self, lambda s: views.issues_for_din(s, text), self._din_issues, self._failed)

    def _din_issues(self, issues: list[IssueRow]) -> None:
        if not issues:
            self.message.show_error(
                self.tr("No unit with this DIN was issued here: a reaction is reported against an issue.")
            )
        else:
            self.message.clear_message()
        self._issues_loaded(issues)
        self.type_combo.setFocus()

    def _issues_loaded(self, issues: list[IssueRow]) -> None:
        current = self.issue_combo.currentData()
        self.issue_combo.blockSignals(True)
        self.issue_combo.clear()
        for issue in issues:
            self.issue_combo.addItem("", issue.issue_id)
            self.issue_combo.setItemData(self.issue_combo.count() - 1, issue, Qt.ItemDataRole.UserRole + 1)
        self._label_issues()
        index = find_data(self.issue_combo, current)
        self.issue_combo.setCurrentIndex(index if index >= 0 else 0 if issues else -1)
        self.issue_combo.blockSignals(False)

    def _label_issues(self) -> None:
        for n in range(self.issue_combo.count()):
            issue: IssueRow = self.issue_combo.itemData(n, Qt.ItemDataRole.UserRole + 1)
            text = ISSUE_CHOICE(
                din=din_text(issue.din),
                group=issue.blood_group or "",
                component=views.component_name(issue.code),
                patient=issue.patient_name,
                number=issue.request_number,
                when=local_text(issue.issued_at),
            )
            self.issue_combo.setItemText(n, render(text))

    # --- saving -------------------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        issue_id: uuid.UUID | None = self.issue_combo.currentData()
        if issue_id is None:
            self.message.show_error(self.tr("Choose the unit first: scan or type the DIN on the bag."))
            self.din_edit.setFocus()
            return
        kind, grade = self.type_combo.currentData(), self.severity_combo.currentData()
        onset, description = self.onset.moment(), self.description.toPlainText()
        self.saving = True
        self.ctx.save(
            self,
            lambda uow: tx.record_reaction(uow, issue_id, kind, grade, onset, description or None),
            self._saved,
            self._failed,
            changed="transfusion",
        )

    def _saved(self, done: tx.RecordedReaction) -> None:
        self.saving = False
        self.message.show_message(
            self.tr("Reaction to unit {din} recorded. Keep the bag and send it with the patient's sample.").format(
                din=din_text(done.din)
            )
        )
        self.type_combo.setCurrentIndex(0)
        self.severity_combo.setCurrentIndex(0)
        self.description.clear()
        self.onset.reset()
        self.din_edit.clear()
        self.din_edit.setFocus()

    def _failed(self, error: Exception) -> None:
        self.saving = False
        show_refusal(self.message, error)
        widget = {
            "reaction_type": self.type_combo,
            "severity": self.severity_combo,
            "onset_at": self.onset,
            "description": self.description,
            "din": self.din_edit,
        }.get(getattr(error, "field", None) or "")
        if widget is not None:
            widget.setFocus()
