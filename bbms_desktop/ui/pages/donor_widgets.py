"""Small widgets the donor-side pages (donors, screening, collection) share: typed fields that can be empty, a form
area where Enter submits, headings and a donor banner.

Fields that may be "not entered yet" are line edits, not spin boxes: a spin box always holds a number, and a missing
haemoglobin must never read as a normal one.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator, QKeyEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

from bbms_desktop.ui.widgets import DATE_FORMAT

HEADING_STYLE = "font-size:15pt; font-weight:600; color:#263238;"
SUBHEADING_STYLE = "font-size:11pt; font-weight:600; color:#37474f;"
BANNER_STYLES = {
    "danger": "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0; border-radius:4px; padding:8px;",
    "ok": "background:#e8f5e9; color:#1b5e20; border:1px solid #b7dfb9; border-radius:4px; padding:8px;",
    "warn": "background:#fff8e1; color:#7a4f01; border:1px solid #ffe08a; border-radius:4px; padding:8px;",
    "info": "background:#eceff1; color:#263238; border:1px solid #cfd8dc; border-radius:4px; padding:8px;",
}
# Indian label colours by ABO group (O blue, A yellow, B pink, AB white)
GROUP_STYLES = {
    "O": "background:#1565c0; color:white;",
    "A": "background:#fdd835; color:#212121;",
    "B": "background:#f48fb1; color:#212121;",
    "AB": "background:white; color:#212121; border:1px solid #9e9e9e;",
}


def heading(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(HEADING_STYLE)
    return label


def subheading(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(SUBHEADING_STYLE)
    return label


class Banner(QLabel):
    """A coloured block of wrapped text (the donor's deferral, a screening result); hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tone = ""
        self.hide()

    def show_text(self, html: str, tone: str = "info") -> None:
        self.tone = tone
        self.setStyleSheet(BANNER_STYLES[tone])
        self.setText(html)
        self.setVisible(bool(html))

    def clear_text(self) -> None:
        self.tone = ""
        self.clear()
        self.hide()


class GroupBadge(QLabel):
    """A donor's blood group in the Indian label colour; "?" on grey until the laboratory has confirmed it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(48)
        self.set_group(None)

    def set_group(self, group: str | None) -> None:
        abo = (group or "").rstrip("+-")
        style = GROUP_STYLES.get(abo, "background:#eceff1; color:#546e7a;")
        self.setStyleSheet(f"{style} font-weight:700; font-size:12pt; padding:3px 8px; border-radius:4px;")
        self.setText(group or "?")


class SubmitArea(QFrame):
    """A form container: Enter pressed in any of its fields (that does not use Enter itself) submits the form.

    Line edits, spin boxes, date edits and closed combo boxes all pass an unused Enter up to their parent; this is
    where it lands. A shortcut is not used on purpose: it would take the Enter of a barcode scan before the scanner
    sees it.
    """

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NumberField(QLineEdit):
    """A reading that may be empty (None): an integer, or a decimal with ``decimals`` places."""

    def __init__(self, decimals: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decimals = decimals
        if decimals:
            validator = QDoubleValidator(0.0, 9999.0, decimals, self)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            validator.setLocale(QLocale.c())  # a decimal point, whatever the language of the window
        else:
            validator = QIntValidator(0, 99999, self)
        self.setValidator(validator)
        self.setMaximumWidth(120)

    def value(self) -> float | int | None:
        text = self.text().strip()
        if not text or text == ".":
            return None
        try:
            return float(text) if self.decimals else int(text)
        except ValueError:
            return None

    def set_value(self, value: float | int | None) -> None:
        self.setText("" if value is None else (f"{value:g}" if self.decimals else str(int(value))))


_DATE_PATTERNS = (
    re.compile(r"(?P<d>\d{1,2})[-/. ](?P<m>\d{1,2})[-/. ](?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{2})(?P<m>\d{2})(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
)


def parse_date(text: str) -> date | None:
    """A date typed as Indian forms write it: 17-05-1990, 17/5/1990, 17.05.1990, 17051990 (or ISO 1990-05-17)."""
    cleaned = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


class DateField(QLineEdit):
    """A date that may be empty, typed day first (dd-mm-yyyy); ``date()`` is None when empty or not a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(160)
        self.textChanged.connect(self._mark)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("dd-mm-yyyy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def date(self) -> date | None:
        return parse_date(self.text())

    def is_invalid(self) -> bool:
        return bool(self.text().strip()) and self.date() is None

    def set_date(self, value: date | None) -> None:
        self.setText("" if value is None else value.strftime("%d-%m-%Y"))

    def _mark(self) -> None:
        self.setStyleSheet("QLineEdit{border:1px solid #c62828;}" if self.is_invalid() else "")


class DinField(QLineEdit):
    """A DIN box that takes scans: its Enter is its own (it checks the number), never the form's save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("acceptsScan", True)
        self.setMaxLength(40)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def combo_value(combo: QComboBox) -> object:
    return combo.currentData()


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def local_date_text(value: date | None) -> str:
    return "" if value is None else QLocale().toString(qdate(value), DATE_FORMAT)


def qdatetime_now() -> QDateTime:
    now = QDateTime.currentDateTime()
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()))


class DinDisplay(QFrame):
    """A DIN as the label prints it: the eye-readable number, and its keyboard check character boxed beside it
    (ISBT 128 ST-001: never inside the barcode). Shows a note instead while there is no valid DIN."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("din_display")
        self.setStyleSheet("#din_display{background:#f5f7f8; border:1px solid #dde3e6; border-radius:4px;}")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        self.number = QLabel()
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QLabel()
        self.check.setObjectName("din_check")
        self.check.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel()
        self.note.setWordWrap(True)
        row.addWidget(self.number)
        row.addWidget(self.check)
        row.addWidget(self.note, 1)
        row.addStretch()
        self.din: str | None = None
        self.show_note("")

    def show_din(self, eye_readable: str, check: str, size_pt: int = 20) -> None:
        font = f"font-family:monospace; font-size:{size_pt}pt; font-weight:700; color:#212121;"
        self.number.setStyleSheet(font)
        self.check.setStyleSheet(f"{font} border:2px solid #263238; background:white; padding:0 6px;")
        self.number.setText(eye_readable)
        self.check.setText(check)
        self.number.show()
        self.check.show()
        self.note.hide()
        self.din = eye_readable

    def show_note(self, text: str, colour: str = "#78909c") -> None:
        self.din = None
        self.number.hide()
        self.check.hide()
        self.note.setStyleSheet(f"color:{colour};")
        self.note.setText(text)
        self.note.show()

    def text(self) -> str:
        """What a person reads here: "G1234 26 000777 [A]", or the note."""
        return f"{self.number.text()} [{self.check.text()}]" if self.din is not None else self.note.text()
