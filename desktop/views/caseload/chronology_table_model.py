"""A young person's chronology as a table, newest first, a page at a time; tombstones greyed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.models.choices import EntryType
from desktop.services.chronology_service import ChronologyService, EntryRow
from desktop.views.common.paged_table_model import PagedTableModel

TOMBSTONE_COLOUR = "#6b7280"
SIGNIFICANT_BACKGROUND = "#fff4d6"


def local_time(value: datetime) -> str:
    """Stored in UTC, shown in the computer's own time zone."""
    return value.astimezone().strftime("%a %d %b %Y, %H:%M")


def tombstone_text(row: EntryRow) -> str:
    deleted_at = local_time(row.deleted_at) if row.deleted_at else ""
    return f"Deleted entry — {row.deletion_reason}, by {row.deleted_by}, {deleted_at}"


def _summary(row: EntryRow) -> str:
    return tombstone_text(row) if row.deleted else row.summary


def _edited(row: EntryRow) -> str:
    return f"Edited (v{row.version})" if row.version > 1 and not row.deleted else ""


def _significant(row: EntryRow) -> str:
    return "★ Significant" if row.significant and not row.deleted else ""


COLUMNS = (
    ("When", lambda row: local_time(row.occurred_at)),
    ("Type", lambda row: row.entry_type.label),
    ("Summary", _summary),
    ("By", lambda row: row.author),
    ("Significant", _significant),
    ("Edited", _edited),
)
SUMMARY_COLUMN = 2
SIGNIFICANT_COLUMN = 4
# The widest text each column holds (the summary takes the room left); widths are measured from
# these, not from the rows, so a long chronology opens at once.
WIDEST = (
    "Wed 28 Sep 2025, 23:59",
    max((kind.label for kind in EntryType), key=len),
    "",
    "Casey Coordinator",
    "★ Significant",
    "Edited (v10)",
)


# Rows read when the record opens: a screenful and more; the rest come as the view scrolls.
FIRST_PAGE = 50


class ChronologyTableModel(PagedTableModel[EntryRow]):
    def __init__(self, chronology: ChronologyService, person_id: int) -> None:
        self.types: frozenset[EntryType] = frozenset()
        self.significant_only = False
        super().__init__(
            COLUMNS,
            lambda offset, limit: chronology.entries(
                person_id, offset, limit, self.types, self.significant_only
            ),
            lambda: chronology.count(person_id, self.types, self.significant_only),
            first_page=FIRST_PAGE,
        )

    def set_filter(self, types: frozenset[EntryType], significant_only: bool) -> None:
        self.types = types
        self.significant_only = significant_only
        self.reload()

    @property
    def filtered(self) -> bool:
        return bool(self.types) or self.significant_only

    def loaded_row_of(self, entry_id: int) -> int | None:
        """The row showing the entry, among the rows fetched so far."""
        return next(
            (row for row in range(self.rowCount()) if self.row_at(row).id == entry_id), None
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.FontRole and row.deleted:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.deleted:
            return QColor(TOMBSTONE_COLOUR)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and index.column() == SIGNIFICANT_COLUMN
            and _significant(row)
        ):
            return QColor(SIGNIFICANT_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SUMMARY_COLUMN:
            return _summary(row)  # a long summary is cut off in its cell
        return super().data(index, role)
