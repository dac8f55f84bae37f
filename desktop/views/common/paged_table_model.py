"""A passive table model that pulls rows from a service a page at a time as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Columns are (header, value-of-row) pairs; fetch_page(offset, limit) comes from a service."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Row], Any]]],
        fetch_page: Callable[[int, int], list[Row]],
        count: Callable[[], int],
        first_page: int = PAGE_SIZE,
    ) -> None:
        """first_page: how many rows to read first (a list that must show at once may start
        with fewer than a full page)."""
        super().__init__()
        self._first_page = first_page
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._count = count
        self._rows: list[Row] = []
        self._total = 0

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = self._count()
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        page = self._fetch_page(len(self._rows), PAGE_SIZE if self._rows else self._first_page)
        if not page:
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        value = self._columns[index.column()][1](self._rows[index.row()])
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None
