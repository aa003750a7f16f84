"""The label check under a donation card: scan the bag's group, product and expiry barcodes and see, field by field,
whether the label says what the record says (services.label_check decides; this only shows it).

A scan fills its row at once; when every barcode has been read the check is saved to the audit trail, verified or
mismatched, so a mislabelled bag is on record as well as on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from bbms_desktop.rules import components as catalogue
from bbms_desktop.rules import isbt128
from bbms_desktop.services import label_check
from bbms_desktop.services.label_check import FIELD_LABELS, FieldState, LabelCheck, LabelScans
from bbms_desktop.ui.context import AppContext
from bbms_desktop.ui.widgets import MessageBar, render

FIELDS = ("din", "blood_group", "product", "expiry")
MARKS = {FieldState.MATCH: "✔", FieldState.MISMATCH: "✘", FieldState.WAITING: "…"}
MARK_STYLES = {
    FieldState.MATCH: "color:#1b5e20; font-size:15pt; font-weight:700;",
    FieldState.MISMATCH: "color:#b71c1c; font-size:15pt; font-weight:700;",
    FieldState.WAITING: "color:#607d8b; font-size:15pt;",
}
VALUE_STYLE = "font-family: monospace; font-size: 11pt;"


class LabelCheckPanel(QGroupBox):
    """Checks one donation's bag label at a time; :meth:`take_scan` feeds it the barcodes as they are read."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_check")
        self.ctx = ctx
        self.din: str | None = None
        self.scans = LabelScans()
        self.result: LabelCheck | None = None
        self._request = 0
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        grid = QGridLayout()
        self.heads = [QLabel() for _ in range(3)]
        for column, head in enumerate(self.heads, start=1):
            head.setStyleSheet("font-weight: 600;")
            grid.addWidget(head, 0, column)
        self.names: dict[str, QLabel] = {}
        self.expected: dict[str, QLabel] = {}
        self.scanned: dict[str, QLabel] = {}
        self.marks: dict[str, QLabel] = {}
        for row, field in enumerate(FIELDS, start=1):
            self.names[field], self.expected[field], self.scanned[field] = QLabel(), QLabel(), QLabel()
            self.marks[field] = QLabel()
            self.marks[field].setObjectName(f"label_check_{field}")
            self.marks[field].setAlignment(Qt.AlignmentFlag.AlignCenter)
            for label in (self.expected[field], self.scanned[field]):
                label.setStyleSheet(VALUE_STYLE)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(self.names[field], row, 0)
            grid.addWidget(self.expected[field], row, 1)
            grid.addWidget(self.scanned[field], row, 2)
            grid.addWidget(self.marks[field], row, 3)
        grid.setHorizontalSpacing(14)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.message = MessageBar()
        self.message.setObjectName("label_check_message")
        layout.addWidget(self.message)
        self.again = QPushButton()
        self.again.clicked.connect(self.restart)
        layout.addWidget(self.again, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()
        self.hide()

    # --- what the page calls ------------------------------------------------------------------------------------

    def set_donation(self, din: str | None, first: LabelCheck | Exception | None = None) -> None:
        """A donation card opened (or closed): start a fresh check for it. ``first``: the fresh check's answer (or
        its error) already read with the card, shown without reading it again."""
        if din == self.din:
            return
        self.din = din
        if first is None or din is None:
            self.restart()
            return
        self._request += 1  # an answer still on its way for the donation before is dropped
        self.scans = LabelScans()
        self.result = None
        self.message.clear_message()
        if isinstance(first, Exception):
            self._show(None)
            self.message.show_error(first)
        else:
            self._show(first)

    def take_scan(self, text: str) -> bool:
        """A scanned barcode; True when it was a label barcode this check used."""
        if self.din is None or not self.isVisible():
            return False
        try:
            scan = isbt128.decode_scan(text)
        except ValueError:
            return False
        if scan.kind not in label_check.LABEL_SCANS:
            return False
        self.scans = label_check.with_scan(self.scans, scan)
        self._check()
        return True

    def restart(self) -> None:
        self.scans = LabelScans()
        self.result = None
        self.message.clear_message()
        if self.din is not None and self.isVisible():
            self._check()
        else:
            self._show(None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the bag's label"))
        self.hint.setText(
            self.tr(
                "Scan the blood group, product and expiry barcodes on the bag: each must say what the record says "
                "before the unit goes into stock or to a patient."
            )
        )
        for head, text in zip(self.heads, (self.tr("Record"), self.tr("Label"), self.tr("Check")), strict=True):
            head.setText(text)
        for field in FIELDS:
            self.names[field].setText(render(FIELD_LABELS[field]))
        self.again.setText(self.tr("Check another bag"))
        self._show(self.result)

    # --- the check ----------------------------------------------------------------------------------------------

    def _check(self) -> None:
        din, scans = self.din, self.scans
        assert din is not None
        self._request += 1
        request = self._request
        complete = scans.blood_group and scans.product and (scans.expiry_date or scans.expires_at)
        if complete:  # every barcode read: the check goes on record, whatever it found
            self.ctx.save(
                self,
                lambda uow: label_check.record_label_check(uow, din, scans),
                lambda result: self._checked(request, result),
                lambda error: self._failed(request, error),
                changed="audit",
            )
        else:
            self.ctx.load(
                self,
                lambda session: label_check.check_label(session, din, scans),
                lambda result: self._checked(request, result),
                lambda error: self._failed(request, error),
            )

    def _checked(self, request: int, result: LabelCheck) -> None:
        if request == self._request:
            self._show(result)

    def _failed(self, request: int, error: Exception) -> None:
        if request == self._request:
            self.message.show_error(error)

    def _show(self, result: LabelCheck | None) -> None:
        self.result = result
        for field in FIELDS:
            check = next((f for f in result.fields if f.field == field), None) if result else None
            state = check.state if check else FieldState.WAITING
            expected = check.expected if check else ""
            if field == "product" and expected and result and result.component_code:
                expected += " · " + render(catalogue.component(result.component_code).name)
            self.expected[field].setText(expected)
            self.scanned[field].setText(check.scanned if check else "")
            self.marks[field].setText(MARKS[state])
            if self.marks[field].styleSheet() != MARK_STYLES[state]:  # a new style sheet re-polishes the label
                self.marks[field].setStyleSheet(MARK_STYLES[state])
        if result is None:
            return
        problems = [render(f.problem) for f in result.fields if f.problem is not None]
        if result.mismatched:
            self.message.show_message("\n".join([self.tr("The label does not match the record:"), *problems]), "error")
        elif result.verified:
            self.message.show_message(self.tr("The label matches the record. The check is in the audit trail."), "ok")
        elif problems:
            self.message.show_message("\n".join(problems), "warn")
        else:
            self.message.clear_message()
