"""Small widgets every page uses: a message bar for refusals and confirmations, and renderers for domain text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from bbms_desktop.errors import DomainError
from bbms_desktop.i18n import Msg, Text


def translate_domain(context: str, source: str) -> str:
    """Render a domain message (``bbms_desktop.i18n.Text``) through the installed Qt translator."""
    return QCoreApplication.translate(context, source)


def render(text: Text | Msg | str | None) -> str:
    if text is None:
        return ""
    if isinstance(text, Text | Msg):
        return text.render(translate_domain)
    return text


def error_text(error: Exception) -> str:
    """What a person reads for a refusal; anything else is a defect and is re-raised to be seen."""
    if isinstance(error, DomainError):
        return error.render(translate_domain)
    raise error


class MessageBar(QLabel):
    """One line under a form: red for a refusal (with what to do), green for what was saved."""

    STYLES: ClassVar[dict[str, str]] = {
        "error": "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0; padding:6px; border-radius:4px;",
        "ok": "background:#e8f5e9; color:#1b5e20; border:1px solid #b7dfb9; padding:6px; border-radius:4px;",
        "warn": "background:#fff8e1; color:#7a4f01; border:1px solid #ffe08a; padding:6px; border-radius:4px;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "ok") -> None:
        self.kind = kind
        if self.styleSheet() != self.STYLES[kind]:  # a new style sheet re-polishes the label: only when it changes
            self.setStyleSheet(self.STYLES[kind])
        self.setText(text)
        self.setAccessibleName(text)
        self.show()

    def show_error(self, error: Exception | str) -> None:
        self.show_message(error if isinstance(error, str) else error_text(error), "error")

    def clear_message(self) -> None:
        self.kind = ""
        self.clear()
        self.hide()


def find_data(combo: QComboBox, value: object) -> int:
    """The index of the item whose data equals ``value``, or -1. ``QComboBox.findData`` compares Python objects by
    identity, so a record id read again (an equal UUID, another object) would not be found by it."""
    if value is None:
        return -1
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, object]], *, keep: bool = True) -> None:
    """Replace a combo's items (label, data), keeping the current choice when it is still offered."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    if current is not None:
        index = find_data(combo, current)
        if index >= 0:
            combo.setCurrentIndex(index)
    combo.blockSignals(False)


def enum_items(enum: type[Enum], labels: dict | None = None) -> list[tuple[str, object]]:
    return [(render(labels[member]) if labels and member in labels else str(member.value), member) for member in enum]


DATE_FORMAT = "dd MMM yyyy"  # day first, month in words: as Indian registers write it, never ambiguous
DATE_TIME_FORMAT = "dd MMM yyyy, HH:mm"


def local_text(moment: object, with_time: bool = True) -> str:
    """A datetime or date as the user's locale writes it, in local time."""
    if isinstance(moment, date):  # a datetime too
        return _local_text(moment, with_time, QLocale().name())
    return "" if moment is None else str(moment)


@lru_cache(maxsize=4096)
def _local_text(moment: date, with_time: bool, _locale_name: str) -> str:
    """Kept per moment and language: a list's view asks for each cell's text many times (to size it, to paint it),
    and Qt's formatting is the costliest part of showing a row."""
    locale = QLocale()
    if isinstance(moment, datetime):
        local = moment.astimezone()
        value = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        return locale.toString(value, DATE_TIME_FORMAT) if with_time else locale.toString(value.date(), DATE_FORMAT)
    return locale.toString(QDate(moment.year, moment.month, moment.day), DATE_FORMAT)


def labelled_form(fields: Iterable[QWidget]) -> tuple[QFormLayout, list[QLabel]]:
    """A form of ``fields`` with one label each (texts set later, in ``retranslate``); each label buddies its field,
    so ``&Name`` gives Alt+N."""
    form = QFormLayout()
    labels = []
    for field in fields:
        label = QLabel()
        label.setBuddy(field)
        form.addRow(label, field)
        labels.append(label)
    return form, labels


def set_texts(labels: Iterable[QLabel], texts: Iterable[str]) -> None:
    for label, text in zip(labels, texts, strict=True):
        label.setText(text)
