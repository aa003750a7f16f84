"""Teleconsultation pages: the spoke's request form and queue (each file's upload state, emergencies first), and the
hub doctor's queue for their specialties with the request in full, accept / ask for information / complete.

The pages only collect input and show what ``services.teleconsult`` and ``services.teleconsult_views`` return; every
rule (vitals, age, prohibited medicines, who may take a step) is the services' and is shown as they word it.
"""

from __future__ import annotations

import html
import shutil
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.models import User
from bbms_desktop.rules.roles import Action, Role
from bbms_desktop.rules.teleconsult import (
    PRIORITY_LABELS,
    SPECIALTY_LABELS,
    STATUS_LABELS,
    UPLOAD_STATE_LABELS,
    VITAL_BOUNDS,
    ConsultStatus,
    Priority,
    UploadState,
)
from bbms_desktop.services import fhir_export, teleconsult, teleconsult_views
from bbms_desktop.services.blobs import BlobStore
from bbms_desktop.services.teleconsult import ConsultForm, ConsultRef, MedicineLine, PrescriptionForm
from bbms_desktop.services.teleconsult_views import AttachmentState, ConsultDetail, ConsultSummary
from bbms_desktop.services.uow import Database, UnitOfWork
from bbms_desktop.sync import blobs as blob_sync
from bbms_desktop.sync.client import transport_for
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.pages.base import Page
from bbms_desktop.ui.pages.inventory import heading, make_table
from bbms_desktop.ui.printing import prescription
from bbms_desktop.ui.printing.jobs import print_from
from bbms_desktop.ui.tablemodel import Column, RowsModel
from bbms_desktop.ui.tasks import run_task
from bbms_desktop.ui.widgets import DATE_FORMAT, MessageBar, fill_combo, labelled_form, local_text, render, set_texts

VITAL_FIELDS = tuple(VITAL_BOUNDS)
ANSWERED = frozenset({ConsultStatus.COMPLETED, ConsultStatus.RECEIVED})
PRIORITY_TONES = {Priority.EMERGENCY: "danger", Priority.URGENT: "warn"}


def file_state(attachment: AttachmentState) -> str:
    label = UPLOAD_STATE_LABELS[attachment.state]
    if attachment.state == UploadState.UPLOADING:
        return render(label(percent=attachment.percent))
    if attachment.state == UploadState.FAILED:
        return render(label(reason=attachment.error or ""))
    return render(label)


def files_text(summary: ConsultSummary) -> str:
    """Each file and its own state, the reason of a failure included (the detail pane)."""
    return "\n".join(f"{a.file_name}: {file_state(a)}" for a in summary.attachments)


def files_short(summary: ConsultSummary) -> str:
    """Each file's state in a word or a percentage (the queue's column; the reason is in the detail)."""
    short = {UploadState.FAILED: render(UPLOAD_STATE_LABELS[UploadState.FAILED](reason="…"))}
    return "; ".join(f"{a.file_name}: {short.get(a.state) or file_state(a)}" for a in summary.attachments)


QUEUE_COLUMNS = [
    Column(
        QT_TRANSLATE_NOOP("Columns", "Priority"),
        lambda s: PRIORITY_LABELS[s.priority],
        tone=lambda s: PRIORITY_TONES.get(s.priority),
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Patient"), lambda s: f"{s.patient_name} ({s.patient_age_years}, {s.patient_sex})"
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Specialty"), lambda s: SPECIALTY_LABELS.get(s.specialty, s.specialty)),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Status"),
        lambda s: STATUS_LABELS[s.status],
        tone=lambda s: "warn" if s.awaiting_spoke else "ok" if s.status == ConsultStatus.RECEIVED else None,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Files"),
        files_short,
        tone=lambda s: "danger" if any(a.state == UploadState.FAILED for a in s.attachments) else None,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda s: s.consult_number),
]

HUB_COLUMNS = [
    QUEUE_COLUMNS[0],
    QUEUE_COLUMNS[2],
    QUEUE_COLUMNS[1],
    Column(QT_TRANSLATE_NOOP("Columns", "Chief complaints"), lambda s: s.chief_complaints),
    QUEUE_COLUMNS[3],
    Column(QT_TRANSLATE_NOOP("Columns", "Files"), lambda s: len(s.attachments), align_right=True),
]


_D = {
    "patient": QT_TRANSLATE_NOOP("TeleconsultDetail", "Patient"),
    "mobile": QT_TRANSLATE_NOOP("TeleconsultDetail", "Mobile"),
    "abha": QT_TRANSLATE_NOOP("TeleconsultDetail", "ABHA"),
    "complaints": QT_TRANSLATE_NOOP("TeleconsultDetail", "Chief complaints"),
    "history": QT_TRANSLATE_NOOP("TeleconsultDetail", "History"),
    "vitals": QT_TRANSLATE_NOOP("TeleconsultDetail", "Vitals"),
    "note": QT_TRANSLATE_NOOP("TeleconsultDetail", "Note"),
    "files": QT_TRANSLATE_NOOP("TeleconsultDetail", "Files"),
    "diagnosis": QT_TRANSLATE_NOOP("TeleconsultDetail", "Diagnosis"),
    "advice": QT_TRANSLATE_NOOP("TeleconsultDetail", "Advice"),
    "medicines": QT_TRANSLATE_NOOP("TeleconsultDetail", "Medicines"),
    "follow_up": QT_TRANSLATE_NOOP("TeleconsultDetail", "Follow-up"),
    "cancelled": QT_TRANSLATE_NOOP("TeleconsultDetail", "Cancelled"),
}
_VITAL_UNITS = {
    "height_cm": "cm",
    "weight_kg": "kg",
    "pulse_per_min": "/min",
    "bp_systolic": "mmHg (sys)",
    "bp_diastolic": "mmHg (dia)",
    "temperature_c": "°C",
    "respiratory_rate_per_min": "breaths/min",
    "spo2_percent": "% SpO2",
}


def detail_html(detail: ConsultDetail) -> str:
    """One request as the doctor (or the spoke) reads it: the patient, the findings, the files, the talk, the answer."""
    s = detail.summary
    vitals = ", ".join(f"{v} {_VITAL_UNITS[k]}" for k, v in detail.vitals.items() if v is not None)
    rows = [
        ("patient", f"{s.patient_name}, {s.patient_age_years}, {s.patient_sex}"),
        ("mobile", detail.patient_mobile or "–"),
        ("abha", detail.patient_abha_id or "–"),
        ("complaints", s.chief_complaints),
        ("history", detail.history or "–"),
        ("vitals", vitals or "–"),
        ("note", detail.note or "–"),
        ("files", files_text(s) or "–"),
    ]
    if detail.diagnosis:
        medicines = "; ".join(f"{m.name} {m.dose}, {m.frequency}, {m.duration}" for m in detail.medicines)
        rows += [("diagnosis", detail.diagnosis), ("advice", detail.advice or ""), ("medicines", medicines or "–")]
        if detail.follow_up_on:
            rows.append(("follow_up", local_text(detail.follow_up_on)))
    if detail.cancel_reason:
        rows.append(("cancelled", detail.cancel_reason))
    body = "".join(
        f"<tr><td><b>{html.escape(render(_D[k]))}</b></td><td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
        for k, v in rows
    )
    talk = "".join(
        f"<p><b>{html.escape(m.author_name)}</b> ({html.escape(local_text(m.sent_at))}): {html.escape(m.body)}</p>"
        for m in detail.messages
    )
    title = f"{html.escape(s.consult_number)} — {html.escape(render(STATUS_LABELS[s.status]))}"
    return f"<h3>{title}</h3><table cellpadding='3'>{body}</table>{talk}"


def viewable_copies(db: Database, profile: Path, files: list[tuple[str, str]]) -> list[Path]:
    """Each blob as a file named as it was attached (a viewer needs the extension), fetched first if need be."""
    store = BlobStore.of_database(db.path)
    folder = profile / "attachments-to-view"
    folder.mkdir(exist_ok=True)
    transport = None
    paths = []
    for sha256, file_name in files:
        if not store.has(sha256):
            transport = transport or transport_for(db, profile)
            blob_sync.BlobUploader(db, transport, store).fetch(sha256)
        target = folder / f"{sha256[:8]}-{Path(file_name).name}"
        if not target.exists():
            shutil.copyfile(store.path(sha256), target)
        paths.append(target)
    return paths


class _ConsultPage(Page):
    """A queue of requests and the chosen one in full (both sides)."""

    def _queue_and_detail(self, columns: list[Column]) -> None:
        self.selected: uuid.UUID | None = None
        self.shown: ConsultDetail | None = None
        self.queue = RowsModel(columns, self)
        self.table = make_table(self.queue)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._select(current.row()))
        self.detail = QTextBrowser()

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.queue.rows):
            return
        consult = self.selected = self.queue.row(row).consult_id
        self.ctx.load(self, lambda session: teleconsult_views.consult_detail(session, consult), self._show)

    def _show(self, detail: ConsultDetail | None) -> None:
        self.shown = detail
        self.detail.setHtml(detail_html(detail) if detail else "")

    def open_files(self) -> None:
        """Open the chosen request's files in the system viewer (fetched from the server when not here yet)."""
        detail = self.shown
        if detail is None or not detail.summary.attachments:
            return
        files = [(a.sha256, a.file_name) for a in detail.summary.attachments]
        db, profile = self.ctx.db, self.ctx.profile

        def work() -> list[Path]:
            return viewable_copies(db, profile, files)

        def opened(paths: list[Path]) -> None:
            for path in paths:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        run_task(self, work, opened, self.message.show_error)


class TeleconsultPage(_ConsultPage):
    """The spoke: write a request (saved as a draft or queued), follow the queue and each file's upload."""

    page_id = "teleconsult"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Teleconsultation")
    needs = frozenset({Action.REQUEST_TELECONSULT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.files: list[Path] = []
        layout = QVBoxLayout(self)
        self.heading = heading()
        layout.addWidget(self.heading)
        splitter = QSplitter()
        layout.addWidget(splitter, 1)

        self.form_box = QGroupBox()
        form_layout = QVBoxLayout(self.form_box)
        self.patient_name, self.age, self.sex = QLineEdit(), QLineEdit(), QComboBox()
        self.mobile, self.abha = QLineEdit(), QLineEdit()
        self.complaints, self.history = QPlainTextEdit(), QPlainTextEdit()
        self.complaints.setMaximumHeight(60)
        self.history.setMaximumHeight(60)
        self.specialty, self.priority, self.note = QComboBox(), QComboBox(), QLineEdit()
        self.age.setMaximumWidth(80)
        self.form, self.form_labels = labelled_form(
            [self.patient_name, self.age, self.sex, self.mobile, self.abha, self.complaints, self.history,
             self.specialty, self.priority, self.note]
        )  # fmt: skip
        form_layout.addLayout(self.form)
        self.vitals_box = QGroupBox()
        vitals = QGridLayout(self.vitals_box)
        self.vitals = {name: QLineEdit() for name in VITAL_FIELDS}
        self.vital_labels = {name: QLabel() for name in VITAL_FIELDS}
        for index, name in enumerate(VITAL_FIELDS):
            self.vitals[name].setMaximumWidth(70)
            vitals.addWidget(self.vital_labels[name], index // 4 * 2, index % 4)
            vitals.addWidget(self.vitals[name], index // 4 * 2 + 1, index % 4)
        form_layout.addWidget(self.vitals_box)
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(70)
        self.add_file_button = QPushButton()
        self.add_file_button.clicked.connect(self._choose_files)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_list, 1)
        file_row.addWidget(self.add_file_button)
        form_layout.addLayout(file_row)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.draft_button, self.queue_button = QPushButton(), QPushButton()
        self.queue_button.setDefault(True)
        self.draft_button.clicked.connect(lambda: self.save(queue=False))
        self.queue_button.clicked.connect(lambda: self.save(queue=True))
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.queue_button)
        form_layout.addLayout(buttons)
        self.message = MessageBar()
        form_layout.addWidget(self.message)
        form_layout.addStretch()
        splitter.addWidget(self.form_box)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.queue_title = QLabel()
        self.queue_title.setStyleSheet("font-weight: 600;")
        right_layout.addWidget(self.queue_title)
        self._queue_and_detail(QUEUE_COLUMNS)
        right_layout.addWidget(self.table, 2)
        right_layout.addWidget(self.detail, 2)
        reply_row = QHBoxLayout()
        self.reply, self.reply_button, self.retry_button = QLineEdit(), QPushButton(), QPushButton()
        self.reply.returnPressed.connect(self.send_reply)
        self.reply_button.clicked.connect(self.send_reply)
        self.retry_button.clicked.connect(self.retry_failed)
        for widget in (self.reply, self.reply_button, self.retry_button):
            reply_row.addWidget(widget)
        right_layout.addLayout(reply_row)
        # the hub's answer, for the patient: the e-prescription printed (in the patient's language) and the FHIR
        # documents for the patient's health record
        answer_row = QHBoxLayout()
        self.last_printout: Path | None = None  # the PDF written when no printer is connected
        self.last_export: list[Path] = []
        self.slip_language, self.print_button, self.fhir_button = QComboBox(), QPushButton(), QPushButton()
        self.print_button.clicked.connect(self.print_prescription)
        self.fhir_button.clicked.connect(self.export_fhir)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_prescription)
        answer_row.addStretch()
        for widget in (self.slip_language, self.print_button, self.fhir_button):
            answer_row.addWidget(widget)
        right_layout.addLayout(answer_row)
        self._show_answer_actions()
        splitter.addWidget(right)
        splitter.setSizes([460, 740])
        self.retranslate()

    # --- page contract ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Teleconsultation"))
        self.form_box.setTitle(self.tr("New request to the hub"))
        set_texts(
            self.form_labels,
            [self.tr("Patient's &name"), self.tr("&Age (years)"), self.tr("&Sex"), self.tr("&Mobile"),
             self.tr("ABHA id"), self.tr("Chief &complaints"), self.tr("&History"), self.tr("S&pecialty"),
             self.tr("P&riority"), self.tr("N&ote")],
        )  # fmt: skip
        fill_combo(self.sex, [(self.tr("Female"), "F"), (self.tr("Male"), "M"), (self.tr("Other"), "X")])
        fill_combo(self.specialty, [(render(label), code) for code, label in SPECIALTY_LABELS.items()])
        fill_combo(self.priority, [(render(label), code) for code, label in PRIORITY_LABELS.items()])
        self.vitals_box.setTitle(self.tr("Vitals"))
        names = [
            self.tr("Height (cm)"),
            self.tr("Weight (kg)"),
            self.tr("Pulse (/min)"),
            self.tr("BP systolic"),
            self.tr("BP diastolic"),
            self.tr("Temperature (°C)"),
            self.tr("Resp. rate (/min)"),
            self.tr("SpO2 (%)"),
        ]
        for name, text in zip(VITAL_FIELDS, names, strict=True):
            self.vital_labels[name].setText(text)
        self.add_file_button.setText(self.tr("Add &file…"))
        self.add_file_button.setToolTip(self.tr("Photos are sized down; PDFs are sent as they are"))
        self.draft_button.setText(self.tr("Save &draft"))
        self.queue_button.setText(self.tr("&Queue for the hub"))
        self.queue_title.setText(self.tr("Requests of this centre (emergencies first)"))
        self.reply.setPlaceholderText(self.tr("Answer the hub's question"))
        self.reply_button.setText(self.tr("Send"))
        self.retry_button.setText(self.tr("Retry failed uploads"))
        fill_combo(
            self.slip_language, [(self.tr("Prescription in English"), "en"), (self.tr("Prescription in Hindi"), "hi")]
        )
        self.print_button.setText(self.tr("&Print prescription"))
        self.fhir_button.setText(self.tr("Export for the health record (FHIR)"))
        self.queue.retranslate()
        self._show(self.shown)  # the chosen request, in the new language

    def activated(self) -> None:
        if self.ctx.actor is None:
            return
        centre = self.ctx.actor.centre_id
        self.ctx.load(self, lambda session: teleconsult_views.spoke_queue(session, centre), self._loaded)

    def clear_work(self) -> None:
        for widget in (
            self.patient_name,
            self.age,
            self.mobile,
            self.abha,
            self.note,
            self.reply,
            *self.vitals.values(),
        ):
            widget.clear()
        self.complaints.clear()
        self.history.clear()
        self.files.clear()
        self.file_list.clear()
        self.message.clear_message()

    # --- work -----------------------------------------------------------------------------------------------------

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.append(Path(path))
            self.file_list.addItem(Path(path).name)

    def _choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "", self.tr("Photos and PDFs (*.jpg *.jpeg *.png *.webp *.pdf)")
        )
        self.add_files([Path(p) for p in chosen])

    def form_values(self) -> ConsultForm:
        return ConsultForm(
            patient_name=self.patient_name.text(),
            patient_age_years=self.age.text(),
            patient_sex=str(self.sex.currentData()),
            patient_mobile=self.mobile.text(),
            patient_abha_id=self.abha.text(),
            chief_complaints=self.complaints.toPlainText(),
            history=self.history.toPlainText(),
            specialty=str(self.specialty.currentData()),
            priority=str(self.priority.currentData()),
            note=self.note.text(),
            **{name: self.vitals[name].text() for name in VITAL_FIELDS},
        )

    def save(self, *, queue: bool) -> None:
        form, files, blobs = self.form_values(), list(self.files), BlobStore.of_database(self.ctx.db.path)

        def use_case(uow: UnitOfWork) -> ConsultRef:
            ref = teleconsult.create_draft(uow, form)
            for path in files:
                teleconsult.add_attachment(uow, blobs, ref.consult_id, path)
            return teleconsult.queue(uow, ref.consult_id) if queue else ref

        def saved(ref: ConsultRef) -> None:
            self.clear_work()
            text = (
                self.tr("Request {number} queued: it goes with the next sync.")
                if queue
                else self.tr("Draft {number} saved.")
            )
            self.message.show_message(text.format(number=ref.consult_number))

        self.ctx.save(self, use_case, saved, self.message.show_error, changed="teleconsults")

    def send_reply(self) -> None:
        consult, body = self.selected, self.reply.text()
        if consult is None:
            return
        self.ctx.save(
            self,
            lambda uow: teleconsult.send_message(uow, consult, body),
            lambda _id: self.reply.clear(),
            self.message.show_error,
            changed="teleconsults",
        )

    def retry_failed(self) -> None:
        failed = {a.sha256 for s in self.queue.rows for a in s.attachments if a.state == UploadState.FAILED}
        for sha256 in failed:
            blob_sync.retry(self.ctx.db, sha256)
        self.activated()

    def _loaded(self, rows: list[ConsultSummary]) -> None:
        self.queue.set_rows(rows)

    def _show(self, detail: ConsultDetail | None) -> None:
        super()._show(detail)
        self._show_answer_actions()

    def _show_answer_actions(self) -> None:
        answered = self.shown is not None and self.shown.summary.status in ANSWERED
        for widget in (self.slip_language, self.print_button, self.fhir_button):
            widget.setEnabled(answered)

    def _answered_consult(self) -> uuid.UUID | None:
        detail = self.shown
        if detail is None or detail.summary.status not in ANSWERED:
            return None
        return detail.summary.consult_id

    def print_prescription(self) -> None:
        """The hub's e-prescription on the printer chosen in settings (or a PDF in the profile's printouts)."""
        consult, language = self._answered_consult(), str(self.slip_language.currentData())
        if consult is None:
            return

        number = self.shown.summary.consult_number if self.shown else "consult"
        print_from(
            self,
            lambda session: [teleconsult.consult_record(session, consult)],
            partial(prescription.print_prescriptions, language=language),
            f"prescription-{number}",
            self._printed,
        )

    def _printed(self, pdf: Path | None) -> None:
        self.last_printout = pdf

    def export_fhir(self) -> None:
        """The consultation and its prescription as FHIR R4 documents (NRCeS profiles), saved in the profile."""
        consult = self._answered_consult()
        if consult is None:
            return
        folder = self.ctx.profile / "exports"

        def work(session: Any) -> list[Path]:
            return fhir_export.write_bundles(teleconsult.consult_record(session, consult), folder)

        def written(paths: list[Path]) -> None:
            self.last_export = paths
            self.message.show_message(
                self.tr("FHIR documents saved: {files}").format(files=", ".join(str(path) for path in paths))
            )

        self.ctx.load(self, work, written, self.message.show_error)


class HubQueuePage(_ConsultPage):
    """The hub doctor: the queue for their specialties, one request in full, accept / ask / complete."""

    page_id = "hub_queue"
    title_msg = QT_TRANSLATE_NOOP("Pages", "Hub queue")
    needs = frozenset({Action.ANSWER_TELECONSULT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.heading = heading()
        layout.addWidget(self.heading)
        filter_row = QHBoxLayout()
        self.filter_label, self.specialty = QLabel(), QComboBox()
        self.specialty.currentIndexChanged.connect(lambda _i: self.activated())
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.specialty)
        filter_row.addStretch()
        layout.addLayout(filter_row)
        splitter = QSplitter()
        layout.addWidget(splitter, 1)
        self._queue_and_detail(HUB_COLUMNS)
        splitter.addWidget(self.table)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail, 2)
        ask_row = QHBoxLayout()
        self.accept_button, self.question, self.ask_button = QPushButton(), QLineEdit(), QPushButton()
        self.open_button = QPushButton()
        self.accept_button.clicked.connect(self.accept)
        self.ask_button.clicked.connect(self.ask)
        self.open_button.clicked.connect(self.open_files)
        for widget in (self.open_button, self.accept_button, self.question, self.ask_button):
            ask_row.addWidget(widget)
        right_layout.addLayout(ask_row)
        self.answer_box = QGroupBox()
        answer = QVBoxLayout(self.answer_box)
        self.diagnosis, self.advice = QLineEdit(), QPlainTextEdit()
        self.advice.setMaximumHeight(60)
        self.follow_up_on, self.follow_up = QDateEdit(), QCheckBox()
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat(DATE_FORMAT)
        self.follow_up_on.setDate(QDate.currentDate().addDays(14))
        follow_up_row = QWidget()
        follow_up_layout = QHBoxLayout(follow_up_row)
        follow_up_layout.setContentsMargins(0, 0, 0, 0)
        follow_up_layout.addWidget(self.follow_up)
        follow_up_layout.addWidget(self.follow_up_on)
        follow_up_layout.addStretch()
        self.answer_form, self.answer_labels = labelled_form([self.diagnosis, self.advice, follow_up_row])
        answer.addLayout(self.answer_form)
        self.medicines = QTableWidget(5, 4)
        self.medicines.setMaximumHeight(170)
        header = self.medicines.horizontalHeader()  # the medicine's name takes the room; the others fit their titles
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        answer.addWidget(self.medicines)
        self.complete_button = QPushButton()
        self.complete_button.clicked.connect(self.complete)
        answer.addWidget(self.complete_button)
        right_layout.addWidget(self.answer_box, 3)
        self.message = MessageBar()
        right_layout.addWidget(self.message)
        splitter.addWidget(right)
        splitter.setSizes([560, 640])
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Hub queue"))
        self.filter_label.setText(self.tr("Specialty"))
        self.open_button.setText(self.tr("&Open files"))
        self.accept_button.setText(self.tr("&Accept"))
        self.question.setPlaceholderText(self.tr("What the spoke should send or tell"))
        self.ask_button.setText(self.tr("Ask for &information"))
        self.answer_box.setTitle(self.tr("Advice and e-prescription"))
        set_texts(self.answer_labels, [self.tr("&Diagnosis"), self.tr("Ad&vice"), self.tr("Follow-up")])
        self.follow_up.setText(self.tr("Follow up on the date below"))
        self.medicines.setHorizontalHeaderLabels(
            [self.tr("Medicine (generic name)"), self.tr("Dose"), self.tr("Frequency"), self.tr("Duration")]
        )
        self.complete_button.setText(self.tr("&Complete with this prescription"))
        self.queue.retranslate()
        self._show(self.shown)  # the chosen request, in the new language
        self._fill_specialties()

    def activated(self) -> None:
        if self.ctx.actor is None:
            return
        doctor, only = self.ctx.actor.user_id, self.specialty.currentData()
        self.ctx.load(self, lambda session: teleconsult_views.hub_queue(session, doctor, only), self.queue.set_rows)
        self._fill_specialties()

    def clear_work(self) -> None:
        for widget in (self.question, self.diagnosis):
            widget.clear()
        self.advice.clear()
        self.medicines.clearContents()
        self.message.clear_message()

    def _fill_specialties(self) -> None:
        if self.ctx.actor is None:
            return
        with self.ctx.db.read() as session:  # one row, on the GUI thread: the filter must be right at once
            user = session.get(User, self.ctx.actor.user_id)
            mine = list(user.specialties or []) if user is not None else []
            hub_doctor = user is not None and user.role == Role.HUB_DOCTOR
        if not hub_doctor:  # an empty list with no reason would look like a queue with nothing waiting
            self.message.show_message(
                self.tr(
                    "This queue is for hub doctors: it lists the requests for their specialties. Sign in as a hub "
                    "doctor of this centre to answer them."
                ),
                "warn",
            )
        elif self.message.kind == "warn":
            self.message.clear_message()
        items = [(self.tr("All my specialties"), None)]
        items += [(render(SPECIALTY_LABELS[code]), code) for code in mine if code in SPECIALTY_LABELS]
        fill_combo(self.specialty, items)

    def prescription(self) -> PrescriptionForm:
        lines = []
        for row in range(self.medicines.rowCount()):
            cells = [self.medicines.item(row, column) for column in range(4)]
            values = [cell.text().strip() if cell is not None else "" for cell in cells]
            if any(values):
                lines.append(MedicineLine(*values))
        follow_up = self.follow_up_on.date().toPython() if self.follow_up.isChecked() else None
        return PrescriptionForm(self.diagnosis.text(), self.advice.toPlainText(), tuple(lines), follow_up)

    def accept(self) -> None:
        self._step(lambda uow, consult: teleconsult.accept(uow, consult), self.tr("Accepted."))

    def ask(self) -> None:
        question = self.question.text()
        self._step(
            lambda uow, consult: teleconsult.ask_for_information(uow, consult, question),
            self.tr("Question sent to the spoke."),
        )

    def complete(self) -> None:
        form = self.prescription()
        self._step(
            lambda uow, consult: teleconsult.complete(uow, consult, form),
            self.tr("Completed: the advice and prescription go to the spoke with the next sync."),
        )

    def _step(self, use_case: Callable[[UnitOfWork, uuid.UUID], Any], done_text: str) -> None:
        consult = self.selected
        if consult is None:
            self.message.show_message(self.tr("Choose a request in the queue first."), "warn")
            return

        def saved(_result: Any) -> None:
            self.clear_work()
            self.message.show_message(done_text)

        self.ctx.save(self, lambda uow: use_case(uow, consult), saved, self.message.show_error, changed="teleconsults")
