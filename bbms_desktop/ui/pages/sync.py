"""The sync page: enrolment, changes waiting, the last sync and its error, "Sync now", the changes the central server
refused (each with what a person should do) and the donors flagged for review.

The window owns the sync bridge (``MainWindow.sync``); the context knows nothing of sync, so a page finds the bridge
through the window it sits in (:func:`sync_bridge`) and listens to its ``status_changed`` signal.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg
from bbms_desktop.rules.roles import Action
from bbms_desktop.services import sync_views
from bbms_desktop.services.sync_views import DeadLetterRow, Installation, ReviewRow
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.sync_bridge import SyncBridge, UiSyncStatus
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.widgets import MessageBar, labelled_form, local_text, render, set_texts

SYNC_STATES: dict[str, Msg] = {
    "unenrolled": QT_TRANSLATE_NOOP("SyncState", "Standalone: not enrolled with a central server"),
    "idle": QT_TRANSLATE_NOOP("SyncState", "Online"),
    "syncing": QT_TRANSLATE_NOOP("SyncState", "Syncing…"),
    "offline": QT_TRANSLATE_NOOP("SyncState", "Offline: will sync when the network is back"),
    "error": QT_TRANSLATE_NOOP("SyncState", "Last sync failed: will retry"),
    "stopped": QT_TRANSLATE_NOOP("SyncState", "Sync stopped"),
}
UP_TO_DATE = QT_TRANSLATE_NOOP("SyncState", "Online: everything sent")
TONES = {"unenrolled": "", "idle": "ok", "syncing": "", "offline": "warn", "error": "danger", "stopped": "warn"}

KINDS = {
    "insert": QT_TRANSLATE_NOOP("SyncPage", "new record"),
    "update": QT_TRANSLATE_NOOP("SyncPage", "change to a record"),
}
DEAD_LETTER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Refused at"), lambda r: local_text(r.rejected_at)),
    Column(QT_TRANSLATE_NOOP("Columns", "Record"), lambda r: r.entity_label),
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.record),
    Column(QT_TRANSLATE_NOOP("Columns", "Reason code"), lambda r: r.code, tone=lambda _r: "danger"),
    Column(QT_TRANSLATE_NOOP("Columns", "Server's message"), lambda r: r.message),
)
REVIEW_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Donor number"), lambda r: r.donor_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Blood group"), lambda r: r.blood_group or "–"),
    Column(QT_TRANSLATE_NOOP("Columns", "Last changed"), lambda r: local_text(r.updated_at)),
)


def sync_bridge(widget: QWidget) -> SyncBridge | None:
    """The sync bridge of the window ``widget`` is in (None before the page is placed in a window)."""
    bridge = getattr(widget.window(), "sync", None)
    return bridge if isinstance(bridge, SyncBridge) else None


def sync_state_text(status: UiSyncStatus) -> tuple[str, str]:
    """What the state reads as, and its tone ("ok", "warn", "danger" or "")."""
    if status.state == "idle" and status.pending == 0:
        return render(UP_TO_DATE), "ok"
    return render(SYNC_STATES.get(status.state, SYNC_STATES["error"])), TONES.get(status.state, "")


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setResizeContentsPrecision(0)  # columns fit the rows on screen, not every row loaded
    return view


class SyncPage(Page):
    page_id = "sync"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Sync")
    needs = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.info: Installation | None = None
        self.status: UiSyncStatus | None = None
        self._bridge: SyncBridge | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:16pt; font-weight:600;")
        layout.addWidget(self.heading)
        self.message = MessageBar()
        layout.addWidget(self.message)

        top = QHBoxLayout()
        status_box = QFrame()
        status_box.setObjectName("sync_status_box")
        status_box.setStyleSheet(
            "QFrame#sync_status_box{background:#ffffff; border:1px solid #cfd8dc; border-radius:6px;}"
        )
        self.server, self.device, self.state = QLabel(), QLabel(), QLabel()
        self.pending, self.last_sync, self.last_error = QLabel(), QLabel(), QLabel()
        self.last_error.setWordWrap(True)
        for label in (self.server, self.device, self.last_error):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form, self.form_labels = labelled_form(
            [self.server, self.device, self.state, self.pending, self.last_sync, self.last_error]
        )
        status_box.setLayout(form)
        top.addWidget(status_box, 3)
        actions = QVBoxLayout()
        self.sync_now_button = QPushButton()
        self.sync_now_button.setObjectName("sync_now")
        self.sync_now_button.setShortcut("Ctrl+R")
        self.sync_now_button.clicked.connect(self.sync_now)
        self.sync_hint = QLabel()
        self.sync_hint.setWordWrap(True)
        self.sync_hint.setStyleSheet("color:#546e7a;")
        actions.addWidget(self.sync_now_button)
        actions.addWidget(self.sync_hint)
        actions.addStretch()
        top.addLayout(actions, 2)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # refused changes: list, and what the selected one needs
        self.dead_model = RowsModel(DEAD_LETTER_COLUMNS, self)
        self.dead_table = _table(self.dead_model)
        self.dead_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.dead_table.selectionModel().selectionChanged.connect(self._dead_selected)
        self.dead_empty = QLabel()
        self.dead_empty.setStyleSheet("color:#1b5e20; padding:6px;")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight:600; font-size:11pt;")
        self.detail_title.setWordWrap(True)
        self.what_happened, self.what_to_do, self.server_message = QLabel(), QLabel(), QLabel()
        self.what_to_do.setObjectName("what_to_do")
        self.what_to_do.setStyleSheet(
            "background:#fff8e1; color:#4e3500; border:1px solid #ffe08a; padding:6px; border-radius:4px;"
        )
        for label in (self.what_happened, self.what_to_do, self.server_message):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields_title = QLabel()
        self.fields = QPlainTextEdit()
        self.fields.setReadOnly(True)
        self.fields.setMaximumHeight(140)
        self.resolution = QLineEdit()
        self.resolution.setObjectName("resolution")
        self.resolution.returnPressed.connect(self.resolve)
        self.resolve_button = QPushButton()
        self.resolve_button.clicked.connect(self.resolve)
        self.resolve_box = QWidget()
        resolve_row = QHBoxLayout(self.resolve_box)
        resolve_row.setContentsMargins(0, 0, 0, 0)
        resolve_row.addWidget(self.resolution, 1)
        resolve_row.addWidget(self.resolve_button)
        for widget in (
            self.detail_title,
            self.what_happened,
            self.what_to_do,
            self.server_message,
            self.fields_title,
            self.fields,
            self.resolve_box,
        ):
            detail_layout.addWidget(widget)
        detail_layout.addStretch()
        self.permit(self.resolve_box, Action.VIEW_AUDIT)
        self.detail = detail
        dead_tab = QWidget()
        dead_layout = QVBoxLayout(dead_tab)
        dead_layout.addWidget(self.dead_empty, 0, Qt.AlignmentFlag.AlignTop)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.dead_splitter = splitter
        detail.setMinimumWidth(320)
        splitter.addWidget(self.dead_table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        dead_layout.addWidget(splitter, 1)
        self.tabs.addTab(dead_tab, "")

        # donors to review
        self.review_model = RowsModel(REVIEW_COLUMNS, self)
        self.review_table = _table(self.review_model)
        self.review_table.doubleClicked.connect(self.open_donor)
        self.review_advice = QLabel()
        self.review_advice.setWordWrap(True)
        self.review_advice.setStyleSheet("color:#4e3500;")
        self.open_donor_button = QPushButton()
        self.open_donor_button.clicked.connect(self.open_donor)
        review_tab = QWidget()
        review_layout = QVBoxLayout(review_tab)
        review_layout.addWidget(self.review_advice)
        review_layout.addWidget(self.review_table, 1)
        review_layout.addWidget(self.open_donor_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(review_tab, "")
        self._show_detail(None)

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync with the central server"))
        set_texts(
            self.form_labels,
            [
                self.tr("Central server"),
                self.tr("This computer"),
                self.tr("State"),
                self.tr("Changes waiting"),
                self.tr("Last successful sync"),
                self.tr("Last error"),
            ],
        )
        self.sync_now_button.setText(self.tr("Sync now (Ctrl+R)"))
        self.dead_empty.setText(self.tr("No refused changes: everything this computer sent was accepted."))
        self.fields_title.setText(self.tr("The change as this computer made it"))
        self.resolution.setPlaceholderText(self.tr("What was done about it (e.g. redone on the unit's page)"))
        self.resolve_button.setText(self.tr("Mark as dealt with"))
        self.review_advice.setText(render(sync_views.REVIEW_ADVICE))
        self.open_donor_button.setText(self.tr("Open this donor"))
        self.dead_model.retranslate()
        self.review_model.retranslate()
        self._show_info()
        self._show_detail(self.current_dead_letter())

    def activated(self) -> None:
        self._connect_bridge()
        self.reload()

    def clear_work(self) -> None:
        self.resolution.clear()
        self.message.clear_message()

    # --- loading ----------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        def query(session: Any) -> tuple[Installation, list[DeadLetterRow], list[ReviewRow]]:
            return (
                sync_views.installation(session),
                sync_views.dead_letters(session),
                sync_views.donors_to_review(session),
            )

        self.ctx.load(self, query, self._loaded)

    def _loaded(self, result: tuple[Installation, list[DeadLetterRow], list[ReviewRow]]) -> None:
        self.info, dead, review = result
        selected = self.current_dead_letter()
        self.dead_model.set_rows(dead)
        self.review_model.set_rows(review)
        if selected is not None:
            for row, letter in enumerate(dead):
                if letter.id == selected.id:
                    self.dead_table.selectRow(row)
        self._show_detail(self.current_dead_letter())
        self._show_info()

    def _connect_bridge(self) -> None:
        if self._bridge is not None:
            return
        self._bridge = sync_bridge(self)
        if self._bridge is not None:
            self._bridge.status_changed.connect(self._status_changed)
            self.status = self._bridge.status

    def _status_changed(self, status: UiSyncStatus) -> None:
        previous = self.status
        self.status = status
        self._show_info()
        if previous is not None and previous.state == "syncing" and status.state != "syncing" and self.isVisible():
            self.reload()  # a cycle ended: refused changes and review flags may have come with it

    # --- showing ----------------------------------------------------------------------------------------------------

    @property
    def enrolled(self) -> bool:
        if self._bridge is not None and self._bridge.enrolled:
            return True
        return bool(self.info and self.info.enrolled)

    def _show_info(self) -> None:
        info, status = self.info, self.status
        self.tabs.setTabText(0, self.tr("Refused changes ({count})").format(count=f"{self.dead_model.rowCount():,}"))
        self.tabs.setTabText(1, self.tr("Donors to review ({count})").format(count=f"{self.review_model.rowCount():,}"))
        self.dead_empty.setVisible(self.dead_model.rowCount() == 0)
        self.dead_splitter.setVisible(self.dead_model.rowCount() > 0)
        if info is None:
            return
        if info.server_url:
            self.server.setText(self.tr("Enrolled with {url}").format(url=info.server_url))
        else:
            self.server.setText(
                self.tr(
                    "Not enrolled: this computer works on its own. An administrator enrols it with "
                    "“bbms-desktop enrol”."
                )
            )
        self.server.setWordWrap(True)
        training = self.tr(" (training sandbox)") if info.is_training else ""
        self.device.setText(f"{info.device_id}{training}")
        if status is not None:
            text, tone = sync_state_text(status)
            pending = status.pending
            last = status.last_success_at or info.last_sync_at
            error = status.last_error or info.last_sync_error
        else:
            text, tone = render(SYNC_STATES["idle" if info.enrolled else "unenrolled"]), ""
            pending, last, error = info.pending, info.last_sync_at, info.last_sync_error
        colour = {"ok": "#1b5e20", "warn": "#8a5a00", "danger": "#b71c1c"}.get(tone, "#263238")
        self.state.setText(text)
        self.state.setStyleSheet(f"font-weight:600; color:{colour};")
        self.pending.setText(f"{pending:,}")
        self.last_sync.setText(local_text(last) if last else self.tr("never"))
        self.last_error.setText(error or self.tr("none"))
        self.last_error.setStyleSheet("color:#b71c1c;" if error else "")
        enrolled = self.enrolled
        syncing = status is not None and status.state == "syncing"
        self.sync_now_button.setEnabled(enrolled and not syncing)
        if not enrolled:
            self.sync_hint.setText(
                self.tr(
                    "Sync now is not available: this computer is not enrolled with a central server, so its "
                    "changes stay here (they are kept and will go up once it is enrolled)."
                )
            )
        elif syncing:
            self.sync_hint.setText(self.tr("A sync is running; the window stays usable meanwhile."))
        else:
            self.sync_hint.setText(self.tr("Sends the changes waiting and fetches the server's at once."))

    def current_dead_letter(self) -> DeadLetterRow | None:
        rows = self.dead_table.selectionModel().selectedRows()
        return self.dead_model.row(rows[0].row()) if rows else None

    def _dead_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.message.clear_message()
        self._show_detail(self.current_dead_letter())

    def _show_detail(self, letter: DeadLetterRow | None) -> None:
        has = letter is not None
        for widget in (self.what_happened, self.what_to_do, self.server_message, self.fields_title, self.fields):
            widget.setVisible(has)
        self.resolve_box.setVisible(has and self.ctx.may(Action.VIEW_AUDIT))
        if letter is None:
            self.detail_title.setText(
                self.tr("Select a refused change to see what happened and what to do.")
                if self.dead_model.rowCount()
                else ""
            )
            self.fields.clear()
            return
        record = letter.record or str(letter.row_id)
        self.detail_title.setText(
            self.tr("{what} {record}: {kind}").format(
                what=render(letter.entity_label), record=record, kind=render(KINDS.get(letter.kind, KINDS["update"]))
            )
        )
        self.what_happened.setText(
            self.tr("Refused with “{code}” on {when}. {outcome}").format(
                code=letter.code, when=local_text(letter.rejected_at), outcome=render(letter.outcome)
            )
        )
        self.what_to_do.setText(self.tr("What to do: {advice}").format(advice=render(letter.advice)))
        self.server_message.setText(
            self.tr("The server said: {message}").format(message=letter.message or "–")
            + "\n"
            + self.tr("Record id {row_id} · change no. {op_seq}").format(row_id=letter.row_id, op_seq=letter.op_seq)
        )
        self.fields.setPlainText(json.dumps(letter.fields, indent=2, ensure_ascii=False, sort_keys=True, default=str))

    # --- actions ----------------------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        bridge = self._bridge or sync_bridge(self)
        if bridge is None or not self.enrolled:
            self.message.show_message(self.sync_hint.text(), "warn")
            return
        if bridge.sync_now():
            self.message.show_message(self.tr("Sync started."), "ok")
        else:
            self.message.show_message(
                self.tr("A sync is already running, or the sync service is not running yet: try again shortly."),
                "warn",
            )

    def resolve(self) -> None:
        letter = self.current_dead_letter()
        if letter is None:
            return
        note, letter_id = self.resolution.text(), letter.id
        self.resolve_button.setEnabled(False)
        self.ctx.save(
            self,
            lambda uow: sync_views.resolve_dead_letter(uow, letter_id, note),
            self._resolved,
            self._failed,
            changed="sync",
        )

    def _resolved(self, resolved: sync_views.Resolved) -> None:
        self.resolve_button.setEnabled(True)
        self.resolution.clear()
        self.dead_table.clearSelection()
        self.message.show_message(
            self.tr("Change no. {op_seq} marked as dealt with; it stays on record.").format(op_seq=resolved.op_seq)
        )

    def _failed(self, error: Exception) -> None:
        self.resolve_button.setEnabled(True)
        self.message.show_error(error)
        self.resolution.setFocus()

    def open_donor(self, *_: object) -> None:
        rows = self.review_table.selectionModel().selectedRows()
        if not rows:
            return
        donor_id: uuid.UUID = self.review_model.row(rows[0].row()).donor_id
        opener = getattr(self.window(), "open_page", None)
        page = opener("donors") if callable(opener) else None
        show = getattr(page, "open_donor", None)
        if callable(show):
            show(donor_id)
