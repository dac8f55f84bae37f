"""The employment coaching outcome counts as table rows: a measure, its kind, the count; the
totals in bold. Only numbers and labels: never a name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.coaching_session_records import OutcomeCounts

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
HEADERS = ("Measure", "Kind", "Count")
COUNT_COLUMN = 2
TOTAL_TINT = QColor("#eef2f7")
KIND_WORDS = {
    "course_start": "Course",
    "apprenticeship_start": "Apprenticeship",
    "job_start": "Job",
    "sustained_4_weeks": "4 weeks",
    "sustained_13_weeks": "13 weeks",
    "sustained_26_weeks": "26 weeks",
}


@dataclass(frozen=True)
class CountLine:
    measure: str
    kind: str
    count: int
    total: bool = False


def count_lines(counts: OutcomeCounts) -> list[CountLine]:
    lines = [
        CountLine("Starts", KIND_WORDS.get(kind.value, kind.label), number)
        for kind, number in counts.starts.items()
    ]
    lines.append(CountLine("Starts", "All starts", counts.total_starts, total=True))
    lines += [
        CountLine("Sustained", KIND_WORDS.get(kind.value, kind.label), number)
        for kind, number in counts.sustained.items()
    ]
    lines.append(CountLine("Sustained", "All sustained", counts.total_sustained, total=True))
    lines += [
        CountLine(
            "NEET to EET", "Changes into education, employment or training", counts.neet_to_eet
        ),
        CountLine("Plans", "Started in the period", counts.plans_started),
        CountLine("Plans", "Open at the end of the period", counts.plans_open_at_end),
    ]
    return lines


class OutcomeCountsTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._lines: list[CountLine] = []

    def set_counts(self, counts: OutcomeCounts | None) -> None:
        self.beginResetModel()
        self._lines = [] if counts is None else count_lines(counts)
        self.endResetModel()

    def lines(self) -> list[CountLine]:
        return list(self._lines)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # The measure is written once per group, as a printed table would.
            first = index.row() == 0 or self._lines[index.row() - 1].measure != line.measure
            return (line.measure if first else "", line.kind, str(line.count))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and line.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and line.total:
            return TOTAL_TINT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.TextAlignmentRole
            and section == COUNT_COLUMN
        ):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
