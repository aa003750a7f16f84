"""Bag labels (100 mm x 100 mm, ISBT 128 layout), donor cards (85.6 mm x 54 mm) and issue slips (A5), drawn.

The bag label follows the ISBT 128 four-quadrant layout (ST-005): the donation number top left, the blood group top
right, the product bottom left, the expiry bottom right, each with its Code 128 barcode above its eye-readable
text. The DIN's keyboard check character is printed in a box beside it. Under them the Indian label content of the
Drugs and Cosmetics Rules: the group panel in its colour (O blue, A yellow, B pink, AB white), the TTI results,
voluntary or replacement donor, the centre's name and licence number, and the storage temperature. A training
sandbox prints TRAINING across every label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from bbms_desktop.i18n import QT_TRANSLATE_NOOP
from bbms_desktop.rules.vocabulary import ComponentStatus, TtiResult
from bbms_desktop.services.label_content import DONOR_TYPE_NAMES, BagLabel, DonorCard, IssueSlip
from bbms_desktop.services.request_views import CROSSMATCH_METHOD_LABELS, CROSSMATCH_RESULT_LABELS
from bbms_desktop.ui.printing import barcode
from bbms_desktop.ui.printing.output import begin, make_printer
from bbms_desktop.ui.widgets import local_text, render

LABEL_MM = (100.0, 100.0)
CARD_MM = (85.6, 54.0)
SLIP_MM = (148.0, 210.0)
MODULE = 2.5  # X dimension 0.25 mm, in 0.1 mm units

L_LICENCE = QT_TRANSLATE_NOOP("Printing", "Licence No. {number}")
L_NO_LICENCE = QT_TRANSLATE_NOOP("Printing", "Licence No. not recorded")
L_COLLECTED = QT_TRANSLATE_NOOP("Printing", "Collected {when}")
L_VOLUME = QT_TRANSLATE_NOOP("Printing", "{volume} ml · {anticoagulant}")
L_STORE = QT_TRANSLATE_NOOP("Printing", "Store at {range}")
L_EXPIRES = QT_TRANSLATE_NOOP("Printing", "Expires")
L_GROUP_PENDING = QT_TRANSLATE_NOOP("Printing", "Blood group awaiting laboratory")
L_TTI = QT_TRANSLATE_NOOP("Printing", "TTI screening")
L_TTI_PENDING = QT_TRANSLATE_NOOP("Printing", "awaiting verified results")
L_QUARANTINE = QT_TRANSLATE_NOOP("Printing", "QUARANTINE: NOT FOR ISSUE")
L_UNSAFE = QT_TRANSLATE_NOOP("Printing", "UNSAFE: DO NOT TRANSFUSE")
L_TRAINING = QT_TRANSLATE_NOOP("Printing", "TRAINING")
L_DO_NOT_USE = QT_TRANSLATE_NOOP(
    "Printing", "Do not use if the bag leaks or shows haemolysis, clots or any other sign of deterioration."
)
L_TRAINING_NOTE = QT_TRANSLATE_NOOP("Printing", "TRAINING: not for clinical use")
L_PRODUCT = QT_TRANSLATE_NOOP("Printing", "ISBT 128 product {code}")
L_DONOR_CARD = QT_TRANSLATE_NOOP("Printing", "Blood donor card")
L_DONOR_NO = QT_TRANSLATE_NOOP("Printing", "Donor No. {number}")
L_BORN = QT_TRANSLATE_NOOP("Printing", "Born {date} · {sex}")
L_DONATIONS = QT_TRANSLATE_NOOP("Printing", "Donations: {count} · last {when}")
L_NO_DONATIONS = QT_TRANSLATE_NOOP("Printing", "No donation yet")
L_GUARDIAN = QT_TRANSLATE_NOOP("Printing", "S/o, D/o, W/o: {name}")
L_SLIP = QT_TRANSLATE_NOOP("Printing", "Issue and compatibility slip")
L_REQUEST = QT_TRANSLATE_NOOP("Printing", "Request {number}")
L_PATIENT = QT_TRANSLATE_NOOP("Printing", "Patient")
L_HOSPITAL_ID = QT_TRANSLATE_NOOP("Printing", "Hospital No.")
L_PATIENT_GROUP = QT_TRANSLATE_NOOP("Printing", "Patient's group")
L_WARD = QT_TRANSLATE_NOOP("Printing", "Hospital / ward / bed")
L_DOCTOR = QT_TRANSLATE_NOOP("Printing", "Requesting doctor")
L_UNIT = QT_TRANSLATE_NOOP("Printing", "Unit")
L_UNIT_GROUP = QT_TRANSLATE_NOOP("Printing", "Unit's group")
L_CROSSMATCH = QT_TRANSLATE_NOOP("Printing", "Crossmatch")
L_UNCROSSMATCHED = QT_TRANSLATE_NOOP("Printing", "ISSUED UNCROSSMATCHED (emergency): crossmatch to follow")
L_CROSSMATCHED_BY = QT_TRANSLATE_NOOP("Printing", "{method}: {result}, {when}, by {name}")
L_ISSUED = QT_TRANSLATE_NOOP("Printing", "Issued")
L_ISSUED_BY = QT_TRANSLATE_NOOP("Printing", "{when} by {name}; carried by {carrier}")
L_OVERRIDE = QT_TRANSLATE_NOOP("Printing", "RhD override")
L_CHECK_AT_BEDSIDE = QT_TRANSLATE_NOOP(
    "Printing",
    "Before transfusing, check at the bedside that the patient's name and hospital number, the DIN and the blood "
    "group on this slip match the patient's wristband and the bag label. Return the unit within 30 minutes if it "
    "is not used.",
)
L_SIGNATURES = QT_TRANSLATE_NOOP("Printing", "Issued by (signature)            Received by (signature)")
SEX_NAMES = {
    "M": QT_TRANSLATE_NOOP("Printing", "Male"),
    "F": QT_TRANSLATE_NOOP("Printing", "Female"),
    "X": QT_TRANSLATE_NOOP("Printing", "Other"),
}

BLACK = QColor("#000000")
GREY = QColor("#555555")
RED = QColor("#b71c1c")


# --- drawing helpers ------------------------------------------------------------------------------------------------


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def _text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    size: float,
    *,
    bold: bool = False,
    colour: QColor = BLACK,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    wrap: bool = False,
    shrink: bool = True,
) -> None:
    """Text in ``rect``, shrunk until it fits (one line unless ``wrap``)."""
    flags = int(align) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
    font = _font(size, bold)
    if shrink:
        while font.pixelSize() > 8:
            bound = QFontMetricsF(font).boundingRect(rect, flags, text)
            if bound.width() <= rect.width() + 0.5 and bound.height() <= rect.height() + 0.5:
                break
            font.setPixelSize(font.pixelSize() - 1)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(rect, flags, text)


def _barcode(painter: QPainter, data: str, x: float, y: float, height: float, space: float) -> None:
    """A Code 128 symbol centred in ``space`` from ``x``; narrower modules only if it would not fit."""
    module = MODULE
    while barcode.width(data, module) > space and module > 1.7:
        module -= 0.1
    left = x + (space - barcode.width(data, module)) / 2
    barcode.draw(painter, data, left, y, module, height)


def _training(painter: QPainter, width: float, height: float) -> None:
    """TRAINING across the page, in outline red: legible over everything, hiding nothing."""
    painter.save()
    painter.translate(width / 2, height / 2)
    painter.rotate(-35)
    font = _font(min(width, height) / 6, bold=True)
    painter.setFont(font)
    colour = QColor(RED)
    colour.setAlpha(110)
    painter.setPen(colour)
    text = render(L_TRAINING)
    box = QRectF(-width, -height / 6, 2 * width, height / 3)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()


def _group_text(group: str) -> str:
    return group.rstrip("+-")


# --- the bag label ----------------------------------------------------------------------------------------------


def draw_bag_label(painter: QPainter, label: BagLabel) -> QRectF | None:
    """One label on a 100 mm x 100 mm page (0.1 mm units); returns where the check character's box is."""
    w = h = 1000.0
    pen = QPen(BLACK)
    pen.setWidthF(3)
    # header: centre and licence (D&C Rules: name and address of the blood centre and its licence number)
    _text(painter, QRectF(30, 18, 940, 40), label.centre_name, 34, bold=True)
    licence = L_LICENCE(number=label.centre_licence) if label.centre_licence else L_NO_LICENCE()
    tail = f" · {label.centre_address}" if label.centre_address else ""
    _text(painter, QRectF(30, 58, 940, 30), render(licence) + tail, 24, colour=GREY)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, 95), QPointF(w, 95))
    painter.drawLine(QPointF(500, 95), QPointF(500, h - 70))
    painter.drawLine(QPointF(0, 540), QPointF(w, 540))

    # upper left: the donation number
    _barcode(painter, label.din_barcode.data, 0, 115, 130, 500)
    eye = QRectF(40, 255, 330, 60)
    _text(painter, eye, label.eye_readable, 48, bold=True, align=Qt.AlignmentFlag.AlignVCenter)
    metrics = QFontMetricsF(painter.font())
    after = 40 + min(metrics.horizontalAdvance(label.eye_readable), 330) + 14
    box = None
    if label.check_character:
        box = QRectF(after, 258, 52, 54)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        _text(painter, box, label.check_character, 44, bold=True, align=Qt.AlignmentFlag.AlignCenter)
        _text(painter, QRectF(after + 60, 262, 60, 30), label.flags, 22, colour=GREY)
    _text(painter, QRectF(40, 330, 440, 34), render(L_COLLECTED(when=local_text(label.collected_at))), 28)
    _text(painter, QRectF(40, 372, 440, 40), render(DONOR_TYPE_NAMES[label.donor_type]), 34, bold=True)
    volume = L_VOLUME(volume=label.volume_ml, anticoagulant=label.anticoagulant)
    _text(painter, QRectF(40, 420, 440, 34), render(volume), 28)
    if label.status in (ComponentStatus.QUARANTINE, ComponentStatus.UNSAFE):
        warning = L_UNSAFE if label.status == ComponentStatus.UNSAFE else L_QUARANTINE
        _text(painter, QRectF(30, 470, 460, 60), render(warning), 30, bold=True, colour=RED, wrap=True)

    # upper right: the blood group, in its colour
    panel = QRectF(520, 260, 460, 265)
    if label.group_barcode is not None and label.blood_group and label.group_colour:
        _barcode(painter, label.group_barcode.data, 500, 115, 130, 500)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(label.group_colour)))
        painter.drawRect(panel)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ink = QColor("#ffffff") if label.abo == "O" else BLACK
        _text(
            painter,
            QRectF(panel.x(), panel.y() + 5, panel.width(), 180),
            _group_text(label.blood_group),
            170,
            bold=True,
            colour=ink,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        _text(
            painter,
            QRectF(panel.x(), panel.y() + 185, panel.width(), 70),
            f"{render(label.group_name)} {render(label.rh_name)}",
            44,
            bold=True,
            colour=ink,
            align=Qt.AlignmentFlag.AlignCenter,
        )
    else:
        painter.setPen(QPen(GREY, 3, Qt.PenStyle.DashLine))
        painter.drawRect(panel)
        _text(painter, panel.adjusted(20, 20, -20, -20), render(L_GROUP_PENDING), 40, bold=True,
              colour=GREY, align=Qt.AlignmentFlag.AlignCenter, wrap=True)  # fmt: skip

    # lower left: the product
    _barcode(painter, label.product_barcode.data, 0, 560, 130, 500)
    _text(painter, QRectF(40, 700, 440, 100), render(label.component_name), 40, bold=True, wrap=True)
    _text(painter, QRectF(40, 805, 440, 32), render(L_PRODUCT(code=label.product.code)), 24, colour=GREY)
    _text(painter, QRectF(40, 845, 440, 70), render(L_STORE(range=label.storage)), 34, bold=True, wrap=True)

    # lower right: the expiry and the TTI results
    _barcode(painter, label.expiry_barcode.data, 500, 560, 130, 500)
    _text(painter, QRectF(530, 698, 440, 30), render(L_EXPIRES), 26, colour=GREY)
    _text(painter, QRectF(530, 726, 440, 50), local_text(label.expires_at), 42, bold=True)
    _text(painter, QRectF(530, 782, 440, 28), render(L_TTI), 24, bold=True)
    if label.tti_verified:
        y = 810
        for line in label.tti:
            bad = line.result != TtiResult.NON_REACTIVE
            text = f"{render(line.name)}: {render(line.result_name)}"
            _text(painter, QRectF(530, y, 440, 24), text, 21, bold=bad, colour=RED if bad else BLACK)
            y += 22
    else:
        _text(painter, QRectF(530, 812, 440, 60), render(L_TTI_PENDING), 26, colour=RED, wrap=True)

    painter.setPen(pen)
    painter.drawLine(QPointF(0, h - 70), QPointF(w, h - 70))
    warning = QRectF(30, h - 64, 940, 30) if label.training else QRectF(30, h - 60, 940, 50)
    _text(painter, warning, render(L_DO_NOT_USE), 24, align=Qt.AlignmentFlag.AlignCenter, wrap=True)
    if label.training:
        _text(painter, QRectF(30, h - 34, 940, 30), render(L_TRAINING_NOTE), 28, bold=True, colour=RED,
              align=Qt.AlignmentFlag.AlignCenter)  # fmt: skip
        _training(painter, w, h)
    return box


def print_pages(printer: QPrinter, items: Sequence[Any], draw: Callable[[QPainter, Any], object]) -> list[object]:
    """Each item on its own page; what each drawing returned (a label's check box)."""
    painter = begin(printer)
    drawn = []
    try:
        for n, item in enumerate(items):
            if n:
                printer.newPage()
            drawn.append(draw(painter, item))
    finally:
        painter.end()
    return drawn


def print_bag_labels(
    labels: Sequence[BagLabel], *, printer_name: str = "", pdf_path: Path | None = None
) -> list[QRectF | None]:
    """Every label on its own 100 mm x 100 mm page, to the printer or to ``pdf_path``; the check boxes drawn."""
    printer = make_printer(LABEL_MM, printer_name=printer_name, pdf_path=pdf_path)
    return print_pages(printer, labels, draw_bag_label)  # type: ignore[return-value]


# --- donor card ------------------------------------------------------------------------------------------------------


def draw_donor_card(painter: QPainter, card: DonorCard) -> None:
    w, h = CARD_MM[0] * 10, CARD_MM[1] * 10
    pen = QPen(BLACK)
    pen.setWidthF(3)
    _text(painter, QRectF(25, 15, 600, 34), card.centre_name, 28, bold=True)
    licence = f" · {render(L_LICENCE(number=card.centre_licence))}" if card.centre_licence else ""
    _text(painter, QRectF(25, 48, 600, 28), render(L_DONOR_CARD) + licence, 22, colour=GREY)
    panel = QRectF(w - 185, 15, 160, 160)
    painter.setPen(pen)
    if card.blood_group and card.group_colour:
        painter.setBrush(QBrush(QColor(card.group_colour)))
        painter.drawRect(panel)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ink = QColor("#ffffff") if card.blood_group.startswith("O") else BLACK
        _text(painter, panel, card.blood_group.replace("-", "\u2212"), 80, bold=True, colour=ink,
              align=Qt.AlignmentFlag.AlignCenter)  # fmt: skip
    else:
        painter.setPen(QPen(GREY, 3, Qt.PenStyle.DashLine))
        painter.drawRect(panel)
        _text(painter, panel.adjusted(8, 8, -8, -8), render(L_GROUP_PENDING), 26, colour=GREY,
              align=Qt.AlignmentFlag.AlignCenter, wrap=True)  # fmt: skip
    _text(painter, QRectF(25, 88, 620, 46), card.name, 40, bold=True)
    y = 136.0
    if card.guardian_name:
        _text(painter, QRectF(25, y, 620, 30), render(L_GUARDIAN(name=card.guardian_name)), 24)
        y += 30
    born = L_BORN(date=local_text(card.date_of_birth), sex=SEX_NAMES.get(card.sex, SEX_NAMES["X"]))
    _text(painter, QRectF(25, y, 620, 30), render(born), 24)
    y += 30
    if card.donations:
        history = L_DONATIONS(count=card.donations, when=local_text(card.last_donation, with_time=False))
    else:
        history = L_NO_DONATIONS()
    _text(painter, QRectF(25, y, 620, 30), render(history) + f" · {render(DONOR_TYPE_NAMES[card.donor_type])}", 24)
    _barcode(painter, card.barcode.data, 0, 300, 150, w * 0.75)
    _text(painter, QRectF(0, 455, w * 0.75, 34), render(L_DONOR_NO(number=card.donor_number)), 28, bold=True,
          align=Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
    if card.training:
        _training(painter, w, h)


def print_donor_cards(cards: Sequence[DonorCard], *, printer_name: str = "", pdf_path: Path | None = None) -> None:
    print_pages(make_printer(CARD_MM, printer_name=printer_name, pdf_path=pdf_path), cards, draw_donor_card)


# --- issue / compatibility slip ----------------------------------------------------------------------------------


def _rows(painter: QPainter, rows: Iterable[tuple[str, str]], x: float, y: float, width: float) -> float:
    for name, value in rows:
        _text(painter, QRectF(x, y, 400, 44), name, 28, colour=GREY)
        _text(painter, QRectF(x + 410, y, width - 410, 90), value, 30, bold=True, wrap=True)
        y += 50 if len(value) < 60 else 90
    return y


def draw_issue_slip(painter: QPainter, slip: IssueSlip) -> None:
    w, h = SLIP_MM[0] * 10, SLIP_MM[1] * 10
    pen = QPen(BLACK)
    pen.setWidthF(3)
    _text(painter, QRectF(60, 50, w - 120, 50), slip.centre_name, 40, bold=True)
    if slip.centre_licence:
        _text(painter, QRectF(60, 100, w - 120, 34), render(L_LICENCE(number=slip.centre_licence)), 26, colour=GREY)
    _text(painter, QRectF(60, 150, w - 120, 60), render(L_SLIP), 50, bold=True)
    _text(painter, QRectF(60, 210, w - 120, 40), render(L_REQUEST(number=slip.request_number)), 30)
    painter.setPen(pen)
    painter.drawLine(QPointF(60, 260), QPointF(w - 60, 260))
    where = " / ".join(p for p in (slip.hospital, slip.ward, slip.bed) if p)
    y = _rows(
        painter,
        (
            (render(L_PATIENT), slip.patient_name),
            (render(L_HOSPITAL_ID), slip.patient_hospital_id or "–"),
            (render(L_PATIENT_GROUP), slip.patient_group.replace("-", "\u2212")),
            (render(L_WARD), where),
            (render(L_DOCTOR), slip.requesting_doctor),
        ),
        60,
        280,
        w - 120,
    )
    painter.setPen(pen)
    painter.drawLine(QPointF(60, y + 5), QPointF(w - 60, y + 5))
    y += 25
    _barcode(painter, slip.din_barcode.data, 60, y, 130, 700)
    eye = f"{slip.eye_readable} [{slip.check_character}]" if slip.check_character else slip.eye_readable
    _text(painter, QRectF(800, y + 20, w - 860, 50), eye, 40, bold=True)
    y += 160
    if slip.crossmatch_method and slip.crossmatched_at:
        crossmatch = render(
            L_CROSSMATCHED_BY(
                method=CROSSMATCH_METHOD_LABELS.get(slip.crossmatch_method, slip.crossmatch_method),
                result=CROSSMATCH_RESULT_LABELS.get(slip.crossmatch_result or "", slip.crossmatch_result or ""),
                when=local_text(slip.crossmatched_at),
                name=slip.crossmatched_by or "",
            )
        )
    else:
        crossmatch = render(L_UNCROSSMATCHED)
    rows = [
        (render(L_UNIT), f"{render(slip.component_name)}, {slip.volume_ml} ml"),
        (render(L_UNIT_GROUP), (slip.unit_group or "–").replace("-", "\u2212")),
        (render(L_EXPIRES), local_text(slip.expires_at)),
        (render(L_CROSSMATCH), crossmatch),
        (
            render(L_ISSUED),
            render(L_ISSUED_BY(when=local_text(slip.issued_at), name=slip.issued_by, carrier=slip.collected_by)),
        ),
    ]
    if slip.override_reason:
        rows.append((render(L_OVERRIDE), slip.override_reason))
    y = _rows(painter, rows, 60, y, w - 120)
    _text(painter, QRectF(60, y + 20, w - 120, 200), render(L_CHECK_AT_BEDSIDE), 28, wrap=True)
    _text(painter, QRectF(60, h - 150, w - 120, 40), render(L_SIGNATURES), 28, colour=GREY)
    if slip.training:
        _text(painter, QRectF(60, h - 90, w - 120, 50), render(L_TRAINING_NOTE), 36, bold=True, colour=RED)
        _training(painter, w, h)


def print_issue_slips(slips: Sequence[IssueSlip], *, printer_name: str = "", pdf_path: Path | None = None) -> None:
    print_pages(make_printer(SLIP_MM, printer_name=printer_name, pdf_path=pdf_path), slips, draw_issue_slip)
