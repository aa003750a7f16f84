"""Table models for every list: columns declared once, headers translated when shown, rows fetched lazily.

``RowsModel`` holds rows already loaded (a worklist, a donor's history). ``LazyRowsModel`` pages through a query:
Qt asks ``canFetchMore`` as the view scrolls, ``fetchMore`` runs the next page off the GUI thread through
``run_task``, and the rows arrive with ``beginInsertRows``, so a list of a million units opens at once.
Rows are plain values (dataclasses, tuples): never ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from bbms_desktop.i18n import Msg
from bbms_desktop.services.uow import Database
from bbms_desktop.ui.tasks import run_task
from bbms_desktop.ui.widgets import render

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: Msg
    value: Callable[[Any], Any]
    align_right: bool = False
    tone: Callable[[Any], str | None] | None = None  # "danger" / "warn" / "ok" colours the cell
    whole: bool = False  # never wrapped where a table wraps its cells (a DIN a technician reads off the bag)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.UserRole,
    }
)
TONES = {"danger": QColor("#b71c1c"), "warn": QColor("#8a5a00"), "ok": QColor("#1b5e20"), "muted": QColor("#666666")}


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Any:
        return self.rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or index.row() >= len(self.rows):
            return None  # the view asks every cell for a dozen roles at each paint: the others are answered first
        column, row = self.columns[index.column()], self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(row)
            return render(value) if not isinstance(value, int | float) or isinstance(value, bool) else f"{value:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column.tone is not None:
            tone = column.tone(row)
            return QBrush(TONES[tone]) if tone in TONES else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return render(self.columns[section].header)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))


class LazyRowsModel(RowsModel):
    """Rows of ``fetch(session, offset, limit)``, a page at a time, loaded in the background as the view scrolls."""

    loaded = Signal()  # after each page arrives (tests and status lines wait on it)

    def __init__(
        self,
        columns: Sequence[Column],
        db: Database,
        fetch: Callable[[Any, int, int], Sequence[Any]] | None = None,
        page_size: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self.db, self.fetch, self.page_size = db, fetch, page_size
        self._exhausted = True
        self._loading = False
        self._generation = 0

    def set_query(self, fetch: Callable[[Any, int, int], Sequence[Any]]) -> None:
        """Start over with a new query (new filters); the first page is fetched at once."""
        self._generation += 1
        self.fetch = fetch
        self.beginResetModel()
        self.rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """No rows until the next ``set_query`` (a page still on its way is dropped): the list about to be read
        again does not show, nor paint, the rows it held before."""
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._exhausted = True
        self._loading = False
        self.endResetModel()

    def reload(self) -> None:
        if self.fetch is not None:
            self.set_query(self.fetch)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._loading or self.fetch is None:
            return
        self._loading = True
        generation, offset, limit, fetch, db = self._generation, len(self.rows), self.page_size, self.fetch, self.db

        def work() -> list[Any]:
            with db.read() as session:
                return list(fetch(session, offset, limit))

        def arrived(rows: list[Any]) -> None:
            if generation != self._generation:
                return  # an older query's page: the filters changed meanwhile
            self._loading = False
            self._exhausted = len(rows) < limit
            if rows:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()
            self.loaded.emit()

        def failed(error: Exception) -> None:
            self._loading = False
            self._exhausted = True
            raise error

        run_task(self, work, arrived, failed)

    @property
    def loading(self) -> bool:
        return self._loading
