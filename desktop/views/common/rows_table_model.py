"""A passive table model over rows a service already returned as a list (one record's history)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.views.common.paged_table_model import PagedTableModel
from desktop.views.common.theme import TINT_INK, legible

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowLook:
    """How a row (or one of its cells) stands out; colour is never the only sign of meaning."""

    foreground: str | None = None
    background: str | None = None
    bold: bool = False
    italic: bool = False


PLAIN = RowLook()


class RowsTableModel(PagedTableModel[Row], Generic[Row]):
    """Columns are (header, value-of-row); look(row, column) says how a cell stands out."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Row], Any]]],
        look: Callable[[Row, int], RowLook] | None = None,
        tooltip: Callable[[Row], str] | None = None,
    ) -> None:
        self._all: list[Row] = []
        super().__init__(
            columns,
            lambda offset, limit: self._all[offset : offset + limit],
            lambda: len(self._all),
        )
        self._look = look
        self._tooltip = tooltip

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._all = list(rows)
        self.reload()

    def rows(self) -> list[Row]:
        return list(self._all)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(self.row_at(index.row())) or None
        if self._look is not None and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            look = self._look(self.row_at(index.row()), index.column())
            if role == Qt.ItemDataRole.ForegroundRole:
                # Tints are pale in every theme: their text stays dark, and coloured text is
                # adjusted until it reads on the dark theme too.
                ground = QColor(look.background) if look.background else None
                if look.foreground:
                    return legible(look.foreground, ground)
                return QColor(TINT_INK) if look.background else None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(look.background) if look.background else None
            if not (look.bold or look.italic):
                return None
            font = QFont()
            font.setBold(look.bold)
            font.setItalic(look.italic)
            return font
        return super().data(index, role)
