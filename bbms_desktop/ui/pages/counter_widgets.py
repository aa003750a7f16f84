"""Widgets the issue-counter pages (requests and issue, transfusion reactions) share: blood-group colours, tables of
plain rows, a DIN box that takes scans, a form area where Enter saves, a "now unless changed" time field, and the
red refusal that lists every reason on its own line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import Msg, Text
from bbms_desktop.rules import isbt128
from bbms_desktop.ui.tablemodel import LazyRowsModel, RowsModel
from bbms_desktop.ui.widgets import DATE_TIME_FORMAT, MessageBar, render

HEADING_STYLE = "font-size:15pt; font-weight:600; color:#263238;"
TITLE_STYLE = "font-size:12pt; font-weight:600; color:#263238;"
MUTED_STYLE = "color:#546e7a;"
# Indian label colours by ABO group (DOMAIN.md §5: O blue, A yellow, B pink, AB white): badge, then a table tint
GROUP_BADGES = {
    "O": "background:#1565c0; color:white;",
    "A": "background:#fdd835; color:#212121;",
    "B": "background:#f48fb1; color:#212121;",
    "AB": "background:white; color:#212121; border:1px solid #9e9e9e;",
}
GROUP_TINTS = {"O": "#d6e4f5", "A": "#fff3b0", "B": "#fbdde8"}


def abo_of(group: str | None) -> str:
    return (group or "").rstrip("+-")


class GroupBadge(QLabel):
    """A blood group in its label colour; grey for a patient not yet grouped."""

    def __init__(self, parent: QWidget | None = None, size_pt: int = 14) -> None:
        super().__init__(parent)
        self.size_pt = size_pt
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(56)
        self.set_group(None)

    def set_group(self, group: str | None, text: str | None = None) -> None:
        style = GROUP_BADGES.get(abo_of(group), "background:#eceff1; color:#546e7a;")
        self.setStyleSheet(f"{style} font-weight:700; font-size:{self.size_pt}pt; padding:4px 10px; border-radius:4px;")
        self.setText(text if text is not None else group or "?")


class _GroupTint:
    """Tints the cells of blood-group columns in their label colour (mixed into a table model)."""

    group_columns: frozenset[int] = frozenset()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and index.isValid()
            and index.column() in self.group_columns
            and index.row() < len(self.rows)  # type: ignore[attr-defined]
        ):
            value = self.columns[index.column()].value(self.rows[index.row()])  # type: ignore[attr-defined]
            tint = GROUP_TINTS.get(abo_of(value if isinstance(value, str) else None))
            return QBrush(QColor(tint)) if tint else None
        return super().data(index, role)  # type: ignore[misc]


class GroupRowsModel(_GroupTint, RowsModel):
    pass


class GroupLazyRowsModel(_GroupTint, LazyRowsModel):
    pass


def make_table(model: RowsModel, *, stretch: int | None = None) -> QTableView:
    """A read-only list of whole rows, one selected at a time."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit_columns(view: QTableView, maximum: int = 320) -> None:
    """Columns as wide as their contents (at most ``maximum``); the last one takes what room is left, if any."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    last = header.count() - 1
    for section in range(header.count()):
        if section == last and header.stretchLastSection():
            header.resizeSection(section, header.sectionSizeHint(section))
        elif header.sectionSize(section) > maximum:
            header.resizeSection(section, maximum)


def select_row(view: QTableView, predicate: Callable[[Any], bool], *, quiet: bool = False) -> bool:
    """Make the first row for which ``predicate`` holds the current one (without telling anyone, when ``quiet``);
    clear the selection and return False when there is none."""
    model = view.model()
    assert isinstance(model, RowsModel)
    selection = view.selectionModel()
    selection.blockSignals(quiet)
    try:
        for n, row in enumerate(model.rows):
            if predicate(row):
                view.selectRow(n)
                view.scrollTo(model.index(n, 0))
                return True
        view.clearSelection()
        return False
    finally:
        selection.blockSignals(False)


def current_row(view: QTableView) -> Any:
    model = view.model()
    assert isinstance(model, RowsModel)
    index = view.currentIndex()
    selected = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not index.isValid() or not selected or index.row() >= len(model.rows):
        return None
    return model.rows[index.row()]


class MomentEdit(QDateTimeEdit):
    """A time that means "now" until the user changes it, so a return or reaction logged at once is exact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_TIME_FORMAT)
        self.touched = False
        self.dateTimeChanged.connect(self._edited)
        self.reset()

    def reset(self) -> None:
        self.blockSignals(True)
        self.setDateTime(QDateTime.currentDateTime())
        self.blockSignals(False)
        self.touched = False

    def _edited(self, _value: QDateTime) -> None:
        self.touched = True

    def moment(self) -> datetime:
        if not self.touched:
            return datetime.now(UTC)
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), UTC)


class SubmitArea(QFrame):
    """A form: Enter in any field that does not use Enter itself submits it (a shortcut would take a scan's Enter)."""

    def __init__(self, submit: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            self._submit()
            return
        super().keyPressEvent(event)


class DinEdit(QLineEdit):
    """A DIN box that takes scans: its Enter looks the unit up and is never a form's save. What it holds is selected
    whenever it takes the focus or after each Enter, so the next scan replaces the last DIN instead of extending it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("acceptsScan", True)
        self.setMaxLength(40)
        self.setMinimumWidth(190)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.selectAll()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self.selectAll)  # after the click that gave the focus has placed the cursor

    def setText(self, text: str) -> None:
        super().setText(text)
        self.selectAll()


def show_refusal(bar: MessageBar, error: Exception | str) -> None:
    """A refusal in red, in full; when it gives several reasons, one per line so none is overlooked."""
    if isinstance(error, DomainError):
        params = dict(error.text.params)
        listed = False
        for key, value in params.items():
            if isinstance(value, list | tuple) and len(value) > 1 and all(isinstance(v, Text | Msg) for v in value):
                params[key] = "\n" + "\n".join(f"• {render(v)}" for v in value)
                listed = True
        if listed:
            bar.show_error(render(Text(error.text.msg, params)))
            return
    bar.show_error(error)


def din_text(din: str) -> str:
    """A DIN as printed under the barcode ("G1234 26 000001"); a local unit number as it is."""
    try:
        return isbt128.format_eye_readable(din)
    except DomainError:
        return din


def yes_no_combo() -> QComboBox:
    """A question that must be answered: blank until the user says yes or no (None goes to the service as is)."""
    combo = QComboBox()
    combo.addItem("", None)
    combo.addItem("", True)
    combo.addItem("", False)
    return combo


def set_yes_no_texts(combo: QComboBox, unanswered: str, yes: str, no: str) -> None:
    combo.setItemText(0, unanswered)
    combo.setItemText(1, yes)
    combo.setItemText(2, no)
