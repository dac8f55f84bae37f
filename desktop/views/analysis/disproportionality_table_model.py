"""One category's comparison as table rows: each group's referrals (suppressed where small), its
share, its share of the borough's population and the ratio; the groups outside the shares last,
greyed. Only counts and labels: never a name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.disproportionality import DimensionComparison, GroupComparison
from desktop.views.analysis.ratio_bar import RATIO_ROLE, reading, tint
from desktop.views.common.column_headers import column_header

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
GROUP, COUNT, SHARE, POPULATION_SHARE, RATIO, BAR = range(6)
HEADERS = (
    "Group",
    "Young people\nreferred",
    "Share of\nreferrals",
    "Share of borough\npopulation",
    "Ratio",
    "Compared with 1",
)
OUTSIDE_SHARES = "left out of the shares"
GREY = QColor("#6b7480")
NUMBERS = (COUNT, SHARE, POPULATION_SHARE)


def percent(share: float | None) -> str:
    """A share as a percentage; tiny shares keep a decimal so they do not read as none."""
    if share is None:
        return ""
    if 0 < share < 0.01:
        return f"{share:.1%}"
    return f"{share:.0%}"


def drawn_ratio(row: GroupComparison) -> float | None:
    """The ratio a bar may be drawn for: none where the service found too few to compare."""
    if not row.in_shares or row.too_few:
        return None
    return row.ratio


def ratio_text(row: GroupComparison) -> str:
    if not row.in_shares:
        return OUTSIDE_SHARES
    words = reading(drawn_ratio(row))
    return f"{row.shown_ratio} · {words}" if words else row.shown_ratio


def short_label(label: str) -> str:
    """ "Black, Black British, Caribbean or African: African" as "Black: African", so the part
    that tells groups apart fits (the full label is the cell's tooltip)."""
    broad, colon, narrow = label.partition(": ")
    if not colon:
        return label
    return f"{broad.replace(',', ' ').split()[0]}: {narrow}"


def cell_texts(row: GroupComparison, known_total: int) -> tuple[str, ...]:
    return (
        short_label(row.label),
        row.shown_count,
        percent(row.caseload_share),
        percent(row.population_share),
        ratio_text(row),
        reading(drawn_ratio(row)),  # the bar's words, for screen readers
    )


class DisproportionalityTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[GroupComparison, ...] = ()
        self._known_total = 0

    def set_comparison(self, comparison: DimensionComparison | None) -> None:
        self.beginResetModel()
        self._rows = () if comparison is None else comparison.groups
        self._known_total = 0 if comparison is None else comparison.known_total
        self.endResetModel()

    def row_at(self, row: int) -> GroupComparison:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column == BAR else cell_texts(row, self._known_total)[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell_texts(row, self._known_total)[column]
        if role == RATIO_ROLE and column == BAR:
            return drawn_ratio(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and not row.in_shares:
            return GREY
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row)
        if role == Qt.ItemDataRole.BackgroundRole and column == RATIO:
            return tint(drawn_ratio(row))
        return None

    def _font(self, row: GroupComparison) -> QFont | None:
        if not row.in_shares:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _tooltip(self, row: GroupComparison, column: int) -> str | None:
        if column == GROUP:
            return row.label
        if not row.in_shares:
            return "Counted, but left out of the shares: this is not a group of the population."
        if column == POPULATION_SHARE:
            if row.population is None:
                return "No population figure for this group: add one in the population table."
            return f"Borough population {row.population:,}"
        if column in (RATIO, BAR) and row.too_few:
            return (
                "Too few to compare: fewer than 5 young people in the group or the category, "
                "or fewer than 5 expected in a group with none."
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        named = orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole
        if named and 0 <= section < len(self._rows):
            return self._rows[section].label  # each row's group, read beside its cells
        return column_header(HEADERS, NUMBERS, section, orientation, role)
