"""The population table as editable rows: every group of every category with its population
(blank for no figure) and source; edited rows are marked until saved. Counts only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.population_service import (
    DIMENSION_LABELS,
    GROUPS,
    MAX_SOURCE,
    FigureChange,
    PopulationRow,
)
from desktop.views.common.column_headers import column_header

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
CATEGORY, GROUP, POPULATION, SOURCE = range(4)
HEADERS = ("Category", "Group", "Population", "Source")
EDITED_TINT = QColor("#fff6d6")


def population_of(text: str) -> int | None:
    """A typed population: blank for none; commas between thousands allowed. ValueError when
    it is not a whole number (the editor lets only digits and commas through)."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError(text)
    return int(cleaned)


@dataclass
class PopulationLine:
    dimension: str
    group: str
    label: str
    saved_population: int | None = None
    saved_source: str = ""
    population: int | None = None
    source: str = ""

    @property
    def edited(self) -> bool:
        if self.population != self.saved_population:
            return True
        return self.population is not None and self.source.strip() != self.saved_source


def every_line(figures: list[PopulationRow]) -> list[PopulationLine]:
    stored = {(row.dimension, row.group): row for row in figures}
    lines = []
    for dimension, groups in GROUPS.items():
        for group, label in groups.items():
            row = stored.get((dimension, group))
            population = None if row is None else row.population
            source = "" if row is None else row.source
            lines.append(
                PopulationLine(dimension, group, label, population, source, population, source)
            )
    return lines


class PopulationTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._lines: list[PopulationLine] = []

    def set_figures(self, figures: list[PopulationRow], keep: set[str] | None = None) -> None:
        """Shows the stored figures; edits not yet saved in the categories in `keep` stay."""
        kept = [line for line in self._lines if line.edited and line.dimension in (keep or set())]
        self.beginResetModel()
        self._lines = every_line(figures)
        by_group = {(line.dimension, line.group): line for line in self._lines}
        for old in kept:
            line = by_group[(old.dimension, old.group)]
            line.population, line.source = old.population, old.source
        self.endResetModel()

    def lines(self) -> list[PopulationLine]:
        return list(self._lines)

    def changes(self) -> list[FigureChange]:
        return [
            FigureChange(line.dimension, line.group, line.population, line.source)
            for line in self._lines
            if line.edited
        ]

    def row_of(self, dimension: str, group: str) -> int:
        return next(
            row
            for row, line in enumerate(self._lines)
            if (line.dimension, line.group) == (dimension, group)
        )

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (POPULATION, SOURCE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(index.row())[column]
        if role == Qt.ItemDataRole.EditRole:
            if column == POPULATION:
                return "" if line.population is None else str(line.population)
            return line.source if column == SOURCE else self._texts(index.row())[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts(index.row())[column] or "blank"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == POPULATION:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and line.edited and column >= POPULATION:
            return EDITED_TINT
        if role == Qt.ItemDataRole.FontRole and column == CATEGORY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.edited:
                return "Changed: not saved yet"
            return line.label if column == GROUP else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self._lines[index.row()]
        text = "" if value is None else str(value)
        if index.column() == POPULATION:
            try:
                line.population = population_of(text)
            except ValueError:
                return False
        elif index.column() == SOURCE:
            line.source = " ".join(text.split())[:MAX_SOURCE]
        else:
            return False
        first = self.index(index.row(), 0)
        self.dataChanged.emit(first, self.index(index.row(), len(HEADERS) - 1))
        return True

    def _texts(self, row: int) -> tuple[str, str, str, str]:
        line = self._lines[row]
        # The category is written once, on its first group, as a printed table would.
        first = row == 0 or self._lines[row - 1].dimension != line.dimension
        category = DIMENSION_LABELS[line.dimension] if first else ""
        population = "" if line.population is None else f"{line.population:,}"
        return (category, line.label, population, line.source)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        named = orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole
        if named and 0 <= section < len(self._lines):
            # Each row's group, read beside the figure being typed (the category is shown once).
            line = self._lines[section]
            return f"{DIMENSION_LABELS[line.dimension]}: {line.label}"
        return column_header(HEADERS, (POPULATION,), section, orientation, role)
