"""The e-prescription slip the spoke prints for the patient after a teleconsultation, in English or Hindi.

The content follows the e-prescription format of the Telemedicine Practice Guidelines 2020: the doctor's name,
qualification and registration number; the hub; the patient's name, explicit age, sex, mobile and ABHA id; the date;
complaints, vitals and diagnosis; the medicines with form, dose, frequency, duration and instructions; advice; the
follow-up date; and the statement that it was generated via teleconsultation. A training consult says TRAINING in a
banner and across every page.

The slip's language is the patient's, chosen at the print dialog, not the operator's: labels are marked with
``QT_TRANSLATE_NOOP`` and rendered from the catalogue of ``language`` whatever language the window shows. What the
doctor wrote (medicine names, doses, advice) is printed as written.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from bbms_desktop.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Msg, resources_dir
from bbms_desktop.rules.teleconsult import SPECIALTY_LABELS
from bbms_desktop.services.consult_record import ConsultRecord, Medicine, Vitals
from bbms_desktop.ui.app import DEVANAGARI_FAMILIES
from bbms_desktop.ui.printing.output import A4_MM, make_printer

TITLE = QT_TRANSLATE_NOOP("Prescription", "e-Prescription")
TRAINING_BANNER = QT_TRANSLATE_NOOP("Prescription", "TRAINING — not a valid prescription; do not dispense")
TRAINING_MARK = QT_TRANSLATE_NOOP("Prescription", "TRAINING")
EMERGENCY = QT_TRANSLATE_NOOP("Prescription", "Emergency consult")
REGISTRATION = QT_TRANSLATE_NOOP("Prescription", "Reg. No.: {number}")
HUB = QT_TRANSLATE_NOOP("Prescription", "Teleconsultation hub")
SPECIALTY = QT_TRANSLATE_NOOP("Prescription", "Specialty")
CONSULT_NUMBER = QT_TRANSLATE_NOOP("Prescription", "Consult no.")
DATE = QT_TRANSLATE_NOOP("Prescription", "Date")
PATIENT = QT_TRANSLATE_NOOP("Prescription", "Patient")
AGE_SEX = QT_TRANSLATE_NOOP("Prescription", "Age / Sex")
AGE_YEARS = QT_TRANSLATE_NOOP("Prescription", "{age} years")
MOBILE = QT_TRANSLATE_NOOP("Prescription", "Mobile")
ABHA = QT_TRANSLATE_NOOP("Prescription", "ABHA")
SPOKE = QT_TRANSLATE_NOOP("Prescription", "Referred by")
COMPLAINTS = QT_TRANSLATE_NOOP("Prescription", "Chief complaints")
HISTORY = QT_TRANSLATE_NOOP("Prescription", "History")
VITALS = QT_TRANSLATE_NOOP("Prescription", "Vitals")
NO_VITALS = QT_TRANSLATE_NOOP("Prescription", "Not recorded")
DIAGNOSIS = QT_TRANSLATE_NOOP("Prescription", "Diagnosis")
MEDICINES = QT_TRANSLATE_NOOP("Prescription", "Medicines")
MEDICINES_CONTINUED = QT_TRANSLATE_NOOP("Prescription", "Medicines (continued)")
NO_MEDICINES = QT_TRANSLATE_NOOP("Prescription", "No medicine prescribed.")
COL_MEDICINE = QT_TRANSLATE_NOOP("Prescription", "Medicine")
COL_DOSE = QT_TRANSLATE_NOOP("Prescription", "Dose")
COL_FREQUENCY = QT_TRANSLATE_NOOP("Prescription", "Frequency")
COL_DURATION = QT_TRANSLATE_NOOP("Prescription", "Duration")
COL_INSTRUCTIONS = QT_TRANSLATE_NOOP("Prescription", "Instructions")
ADVICE = QT_TRANSLATE_NOOP("Prescription", "Advice")
FOLLOW_UP = QT_TRANSLATE_NOOP("Prescription", "Follow-up")
NO_FOLLOW_UP = QT_TRANSLATE_NOOP("Prescription", "No follow-up date given")
GENERATED = QT_TRANSLATE_NOOP("Prescription", "Generated via teleconsultation")
GUIDELINES = QT_TRANSLATE_NOOP(
    "Prescription",
    "Issued under the Telemedicine Practice Guidelines 2020 by the doctor named above after a teleconsultation "
    "requested by {spoke}.",
)
SIGNED = QT_TRANSLATE_NOOP("Prescription", "Electronically signed by {doctor} on {date}")
PAGE = QT_TRANSLATE_NOOP("Prescription", "Page {page} of {pages}")

VITAL_LABELS: dict[str, Msg] = {
    "height": QT_TRANSLATE_NOOP("Prescription", "Height"),
    "weight": QT_TRANSLATE_NOOP("Prescription", "Weight"),
    "pulse": QT_TRANSLATE_NOOP("Prescription", "Pulse"),
    "bp": QT_TRANSLATE_NOOP("Prescription", "BP"),
    "temperature": QT_TRANSLATE_NOOP("Prescription", "Temp."),
    "respiratory_rate": QT_TRANSLATE_NOOP("Prescription", "Resp. rate"),
    "spo2": QT_TRANSLATE_NOOP("Prescription", "SpO₂"),
}
SEX_LABELS: dict[str, Msg] = {
    "male": QT_TRANSLATE_NOOP("Prescription", "Male"),
    "female": QT_TRANSLATE_NOOP("Prescription", "Female"),
    "other": QT_TRANSLATE_NOOP("Prescription", "Other"),
}

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
FONT_PT = 10
FOOTER_INCHES = 0.45
MEDICINE_COLUMNS = ((COL_MEDICINE, 26), (COL_DOSE, 10), (COL_FREQUENCY, 22), (COL_DURATION, 12), (COL_INSTRUCTIONS, 26))
INK, MUTED, RULE, TRAINING_RED = "#1a1a1a", "#555555", "#9aa5b1", "#c62828"
ACCENT, SHADE = "#0d47a1", "#eef3fa"


def render_prescription_pdf(record: ConsultRecord, path: Path, language: str = "en") -> Path:
    """Print the consult's prescription to ``path`` (A4 PDF) with labels in ``language`` ("en" or "hi").

    Needs a running ``QGuiApplication`` (the desktop app, or an offscreen one in a CLI or a test)."""
    _check(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{TITLE.render(language)} {record.consult_number}")
    writer.setCreator("bbms-desktop")
    _paint(record, writer, language)
    return path


def print_prescription(record: ConsultRecord, printer: QPrinter, language: str = "en") -> int:
    """Send the prescription to ``printer`` (as set up by a QPrintDialog) on A4 portrait; returns the pages."""
    _check(language)
    printer.setDocName(f"{TITLE.render(language)} {record.consult_number}")
    return _paint(record, printer, language)


def print_prescriptions(
    records: Sequence[ConsultRecord], *, printer_name: str = "", pdf_path: Path | None = None, language: str = "en"
) -> None:
    """The printing helpers' form (``printing.jobs.print_from``): to the printer named, or else one consult to the
    PDF at ``pdf_path``."""
    if pdf_path is not None:
        if len(records) != 1:
            raise ValueError("a prescription PDF holds one consult")
        render_prescription_pdf(records[0], pdf_path, language)
        return
    for record in records:
        print_prescription(record, make_printer(A4_MM, printer_name=printer_name), language)


def _check(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"no such language: {language!r} (choose from {', '.join(LANGUAGES)})")
    if QGuiApplication.instance() is None:
        raise RuntimeError("rendering a prescription needs a QGuiApplication")


def _paint(record: ConsultRecord, device: QPagedPaintDevice, language: str) -> int:
    # A4 portrait whatever the dialog said: the slip is laid out for it (identifiers would wrap on A5), and A4 is
    # the paper Indian health centres' printers hold.
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(14, 12, 14, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    slip = _Slip(record, language)
    width, height = device.width(), device.height()
    body = QSizeF(width, height - int(device.logicalDpiY() * FOOTER_INCHES))
    documents = [_document(device, part, body) for part in slip.parts(lambda part: _fits(device, part, body))]
    pages = sum(d.pageCount() for d in documents)
    painter = QPainter(device)
    try:
        number = 0
        for document in documents:
            for page in range(document.pageCount()):
                if number:
                    device.newPage()
                number += 1
                if record.is_training:
                    _watermark(painter, width, height, slip.t(TRAINING_MARK))
                painter.save()
                painter.translate(0, -page * body.height())
                document.drawContents(painter, QRectF(0, page * body.height(), width, body.height()))
                painter.restore()
                _footer(painter, slip, width, height, int(body.height()), number, pages)
    finally:
        painter.end()
    return pages


def _document(device: QPagedPaintDevice, html_text: str, page: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # points are laid out at the device's resolution
    document.setDefaultFont(_font(FONT_PT))
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(html_text)
    document.setPageSize(page)
    return document


def _fits(device: QPagedPaintDevice, html_text: str, page: QSizeF) -> bool:
    return _document(device, html_text, page).pageCount() == 1


class _Slip:
    """The HTML of one prescription in one language."""

    def __init__(self, record: ConsultRecord, language: str) -> None:
        self.record = record
        self.language = language
        self.locale = QLocale(
            QLocale.Language.Hindi if language == "hi" else QLocale.Language.English, QLocale.Country.India
        )

    def t(self, msg: Msg, **params: object) -> str:
        return msg(**params).render(self.language)

    def e(self, msg: Msg, **params: object) -> str:
        return html.escape(self.t(msg, **params))

    def date_text(self, moment: date | datetime) -> str:
        day = moment.astimezone().date() if isinstance(moment, datetime) else moment
        return self.locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")

    def parts(self, fits: Callable[[str], bool]) -> list[str]:
        """The slip cut into runs of pages so that no medicine's line is split across two pages: each part starts
        a new page; a part that still overflows (pages of complaints) lets Qt break it between lines."""
        r = self.record
        banner = f'<p class="training">{self.e(TRAINING_BANNER)}</p><p class="gap">&nbsp;</p>' if r.is_training else ""
        intro = banner + self.header() + self.patient() + self.clinical() + self.heading(MEDICINES)
        outro = self.plan() + self.closing()
        if not r.medicines:
            return [intro + f"<p>{self.e(NO_MEDICINES)}</p>" + outro]
        parts, prefix, rows = [], intro, []
        for number, medicine in enumerate(r.medicines, start=1):
            row = self.medicine_row(number, medicine)
            if rows and not fits(prefix + self.medicine_table([*rows, row])):
                parts.append(prefix + self.medicine_table(rows))
                prefix, rows = banner + self.heading(MEDICINES_CONTINUED), []
            rows.append(row)
        last = prefix + self.medicine_table(rows)
        return [*parts, last + outro] if fits(last + outro) else [*parts, last, outro]

    def header(self) -> str:
        r = self.record
        qualification = (
            f'<div class="muted">{html.escape(r.doctor_qualification)}</div>' if r.doctor_qualification else ""
        )
        specialty = SPECIALTY_LABELS.get(r.specialty)  # the one vocabulary of specialties (rules.teleconsult)
        specialty_text = self.t(specialty) if specialty else r.specialty.replace("_", " ").title()
        emergency = f'<div class="emergency">{self.e(EMERGENCY)}</div>' if r.is_emergency else ""
        return (
            '<table width="100%" class="head" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="55%"><div class="doctor">{html.escape(r.doctor_name)}</div>{qualification}'
            f'<div class="reg">{self.e(REGISTRATION, number=r.doctor_registration_number)}</div></td>'
            f'<td width="45%" align="right"><div class="muted">{self.e(HUB)}</div>'
            f'<div class="hub">{html.escape(r.hub_centre_name)}</div>'
            f"<div>{self.e(SPECIALTY)}: {html.escape(specialty_text)}</div>{emergency}</td>"
            "</tr></table>"
            '<table width="100%" class="titlebar" cellspacing="0" cellpadding="6"><tr>'
            f'<td width="34%"><span class="rx">℞</span> <span class="title">{self.e(TITLE)}</span></td>'
            f'<td width="38%" align="center">{self.e(CONSULT_NUMBER)} <b>'
            f"{html.escape(r.consult_number)}</b></td>"
            f'<td width="28%" align="right">{self.e(DATE)}: <b>'
            f"{_unbroken(self.date_text(r.completed_at))}</b></td>"
            "</tr></table>"
        )

    def patient(self) -> str:
        r = self.record
        sex = SEX_LABELS.get(r.patient_sex)
        age_sex = f"{self.t(AGE_YEARS, age=r.patient_age_years)} / {self.t(sex) if sex else r.patient_sex}"
        cells = [
            (PATIENT, f"<b>{html.escape(r.patient_name)}</b>"),
            (AGE_SEX, html.escape(age_sex)),
            (MOBILE, html.escape(r.patient_mobile or "—")),
            (ABHA, html.escape(r.patient_abha_id or "—")),
        ]
        labels = "".join(
            f'<td class="label" width="{width}%">{self.e(label)}</td>'
            for (label, _), width in zip(cells, (34, 18, 22, 26), strict=True)
        )
        values = "".join(f'<td class="cell">{value}</td>' for _, value in cells)
        return (
            '<table width="100%" class="patient" cellspacing="0" cellpadding="4">'
            f"<tr>{labels}</tr><tr>{values}</tr></table>"
            f'<p class="muted small">{self.e(SPOKE)}: {html.escape(r.spoke_centre_name)}</p>'
        )

    def clinical(self) -> str:
        r = self.record
        parts = [self.field(COMPLAINTS, _written(r.chief_complaints))]
        if r.history:
            parts.append(self.field(HISTORY, _written(r.history)))
        parts.append(self.field(VITALS, self.vitals(r.vitals)))
        parts.append(self.field(DIAGNOSIS, f"<b>{_written(r.diagnosis)}</b>"))
        return "".join(parts)

    def vitals(self, v: Vitals) -> str:
        shown = [
            ("height", v.height_cm, "{:g} cm"),
            ("weight", v.weight_kg, "{:g} kg"),
            ("pulse", v.pulse_per_min, "{}/\u2060min"),
            ("temperature", v.temperature_c, "{:.1f} °C"),
            ("respiratory_rate", v.respiratory_rate_per_min, "{}/\u2060min"),
            ("spo2", v.spo2_percent, "{} %"),
        ]
        items = [(key, fmt.format(value)) for key, value, fmt in shown if value is not None]
        if v.bp_systolic is not None or v.bp_diastolic is not None:
            bp = "/".join("—" if p is None else str(p) for p in (v.bp_systolic, v.bp_diastolic)) + " mmHg"
            items.insert(3, ("bp", bp))
        if not items:
            return f'<span class="muted">{self.e(NO_VITALS)}</span>'
        return " &nbsp;·&nbsp; ".join(
            f"{_unbroken(self.t(VITAL_LABELS[key]))}&nbsp;<b>{_unbroken(value)}</b>" for key, value in items
        )

    def medicine_table(self, rows: list[str]) -> str:
        head = '<th width="4%">#</th>' + "".join(
            f'<th width="{width}%">{self.e(label)}</th>' for label, width in MEDICINE_COLUMNS
        )
        return (
            '<table width="100%" class="medicines" cellspacing="0" cellpadding="5">'
            + f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
            + '<p class="gap">&nbsp;</p>'
        )

    @staticmethod
    def medicine_row(number: int, m: Medicine) -> str:
        name = f"<b>{html.escape(m.name)}</b>" + (
            f'<br/><span class="muted">{html.escape(m.form)}</span>' if m.form else ""
        )
        how = "; ".join(p for p in (m.route, m.instructions) if p)
        cells = [
            str(number),
            name,
            html.escape(m.dose),
            html.escape(m.frequency),
            html.escape(m.duration),
            _written(how),
        ]
        shade = ' class="alt"' if number % 2 == 0 else ""
        return f"<tr{shade}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    def plan(self) -> str:
        r = self.record
        follow_up = (
            f"<b>{html.escape(self.date_text(r.follow_up_on))}</b>"
            if r.follow_up_on
            else f'<span class="muted">{self.e(NO_FOLLOW_UP)}</span>'
        )
        return self.field(ADVICE, _written(r.advice)) + self.field(FOLLOW_UP, follow_up)

    def closing(self) -> str:
        r = self.record
        signed = self.e(SIGNED, doctor=r.doctor_name, date=self.date_text(r.completed_at))
        return (
            '<table width="100%" class="closing" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="60%"><div class="generated">{self.e(GENERATED)}</div>'
            f'<div class="muted small">{self.e(GUIDELINES, spoke=r.spoke_centre_name)}</div></td>'
            f'<td width="40%" align="right"><div class="doctor-sign">{html.escape(r.doctor_name)}</div>'
            f'<div class="small">{self.e(REGISTRATION, number=r.doctor_registration_number)}</div>'
            f'<div class="muted small">{signed}</div></td>'
            "</tr></table>"
        )

    def heading(self, label: Msg) -> str:
        return f'<p class="heading">{self.e(label)}</p>'

    def field(self, label: Msg, value: str) -> str:
        return self.heading(label) + f'<p class="value">{value}</p>'


STYLE = f"""
body {{ color: {INK}; }}
p {{ margin: 0; }}
.training {{ background-color: {TRAINING_RED}; color: white; font-weight: bold; font-size: 12pt; padding: 4px;
  text-align: center; margin-bottom: 10px; }}
.doctor {{ font-size: 15pt; font-weight: bold; color: {ACCENT}; }}
.reg {{ font-weight: bold; }}
.hub {{ font-size: 11pt; font-weight: bold; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8.5pt; }}
.emergency {{ color: {TRAINING_RED}; font-weight: bold; }}
.head {{ margin-bottom: 6px; }}
.titlebar {{ background-color: {SHADE}; border-top: 2px solid {ACCENT}; margin-bottom: 6px; }}
.rx {{ font-size: 16pt; font-weight: bold; color: {ACCENT}; }}
.title {{ font-size: 13pt; font-weight: bold; }}
.patient {{ border: 1px solid {RULE}; border-collapse: collapse; margin-bottom: 2px; }}
.patient td {{ border-left: 1px solid {RULE}; }}
.label {{ color: {MUTED}; font-size: 8.5pt; padding-bottom: 0; }}
.cell {{ font-size: 10.5pt; }}
.gap {{ font-size: 3pt; }}
.heading {{ color: {ACCENT}; font-weight: bold; font-size: 9.5pt; margin-top: 9px; margin-bottom: 2px; }}
.value {{ margin-bottom: 0; }}
.medicines {{ border: 1px solid {RULE}; border-collapse: collapse; margin-bottom: 4px; }}
.medicines th {{ background-color: {SHADE}; text-align: left; font-size: 9pt; border-bottom: 1px solid {RULE}; }}
.medicines td {{ border-bottom: 1px solid {RULE}; vertical-align: top; }}
.alt {{ background-color: #f8fafc; }}
.closing {{ margin-top: 18px; border-top: 1px solid {RULE}; }}
.generated {{ font-weight: bold; font-size: 10.5pt; margin-top: 6px; }}
.doctor-sign {{ font-weight: bold; margin-top: 6px; }}
"""


def _written(text: str) -> str:
    """What a person typed, as HTML: escaped, with their line breaks kept (advice is often a list of lines)."""
    return "<br/>".join(html.escape(line) for line in text.splitlines())


def _unbroken(text: str) -> str:
    """Escaped, and kept on one line: a vital's label and value never part at a line's end."""
    return html.escape(text).replace(" ", "&nbsp;")


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(_families()))
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


@cache
def _families() -> tuple[str, ...]:
    """The system's sans with a Devanagari font behind it, loading the bundled Noto Sans Devanagari where the
    system has none. Looked up once per process (a slip asks for fonts many times)."""
    available = set(QFontDatabase.families())
    if not any(family in available for family in DEVANAGARI_FAMILIES):
        for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))
        available = set(QFontDatabase.families())
    base = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    return (base, *(f for f in DEVANAGARI_FAMILIES if f in available))


def _watermark(painter: QPainter, width: int, height: int, text: str) -> None:
    painter.save()
    font = _font(72, bold=True)
    painter.setFont(font)
    colour = QColor(TRAINING_RED)
    colour.setAlpha(38)
    painter.setPen(colour)
    painter.translate(width / 2, height / 2)
    painter.rotate(-35)
    painter.drawText(QRectF(-width, -height / 4, 2 * width, height / 2), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def _footer(painter: QPainter, slip: _Slip, width: int, height: int, body: int, page: int, pages: int) -> None:
    """Every page names the consult and the patient, so a loose second page still says whose it is."""
    painter.save()
    painter.setPen(QColor(RULE))
    top = body + (height - body) // 3
    painter.drawLine(QPointF(0, top), QPointF(width, top))
    painter.setPen(QColor(MUTED))
    painter.setFont(_font(7.5))
    area = QRectF(0, top, width, height - top)
    record = slip.record
    right = slip.t(PAGE, page=page, pages=pages)
    metrics = painter.fontMetrics()
    room = int(width - metrics.horizontalAdvance(right) - metrics.horizontalAdvance("    "))
    left = f"{record.consult_number} · {record.patient_name} · {slip.t(GENERATED)}"
    left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, room)  # the page number is never overprinted
    painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.restore()
