"""A passive table model over a short list a service returned whole (a record's contacts, links,
episodes): columns are (header, value-of-row) pairs, rows are replaced on each reload."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
MUTED = QColor("#5a6472")
WARNING = QColor("#9b1c1c")


class FixedRowsModel(QAbstractTableModel, Generic[Row]):
    """muted(row) greys a row out (an ended link, a person not on your caseload); warning(row)
    shows it, or its warning_columns, in red and bold (an overdue interview); tooltip(row)
    gives a hover text; centred columns hold short values such as counts; row_header(row)
    names a row whose first column names it (a figure's group), for a screen reader to say
    beside each of its cells."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Row], Any]]],
        *,
        muted: Callable[[Row], bool] | None = None,
        warning: Callable[[Row], bool] | None = None,
        tooltip: Callable[[Row], str] | None = None,
        warning_columns: Collection[int] | None = None,
        centred: Collection[int] = (),
        row_header: Callable[[Row], str] | None = None,
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._muted = muted
        self._warning = warning
        self._tooltip = tooltip
        self._warning_columns = warning_columns  # None: the whole row
        self._centred = frozenset(centred)
        self._row_header = row_header

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def text(self, row: int, column: int) -> str:
        value = self._columns[column][1](self._rows[row])
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:  # two-line items are read as one
            return self.text(index.row(), index.column()).replace("\n", ", ")
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._centred:
            return Qt.AlignmentFlag.AlignCenter
        warned = self._warning is not None and self._warning(row)
        if self._warning_columns is not None and index.column() not in self._warning_columns:
            warned = False
        muted = self._muted is not None and self._muted(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return WARNING if warned else MUTED if muted else None
        if role == Qt.ItemDataRole.FontRole and (warned or muted):
            font = QFont()
            font.setBold(warned)
            font.setItalic(muted and not warned)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        if self._row_header is not None and 0 <= section < len(self._rows):
            return self._row_header(self._rows[section])
        return None
