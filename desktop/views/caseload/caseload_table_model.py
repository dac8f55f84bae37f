"""The caseload table: one row per young person the signed-in user may see, a page at a time."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.models.choices import Rag
from desktop.services.people_service import CaseloadFilter, CaseloadRow, PeopleService
from desktop.views.common.paged_table_model import PagedTableModel
from desktop.views.common.theme import TINT_INK

# (header, value, sort key) — the sort keys are PeopleService's.
COLUMNS = (
    ("Case ref", lambda row: row.case_reference, "reference"),
    ("Name", lambda row: row.name, "name"),
    ("Known as", lambda row: row.known_as, "known_as"),
    ("Age", lambda row: row.age, "age"),
    ("Status", lambda row: row.status.label, "status"),
    ("RAG", lambda row: row.rag.label if row.rag else "Not rated", "rag"),
    ("Flags", lambda row: row.flags or "", None),
    ("Key worker", lambda row: row.key_worker, "key_worker"),
)
RAG_COLUMN = 5
RAG_COLOURS = {Rag.RED: "#f8d7d7", Rag.AMBER: "#fde8c4", Rag.GREEN: "#d7efdc"}


class CaseloadTableModel(PagedTableModel[CaseloadRow]):
    def __init__(self, people: PeopleService) -> None:
        self.filter = CaseloadFilter()
        super().__init__(
            [(header, value) for header, value, _key in COLUMNS],
            # Each page reads on from the last row shown (keyset paging): as fast at the end of
            # the list as at its start.
            lambda offset, limit: people.page(
                offset, limit, self.filter, after=self.row_at(offset - 1) if offset else None
            ),
            lambda: people.count(self.filter),
        )

    def set_filter(self, caseload_filter: CaseloadFilter) -> None:
        self.filter = caseload_filter
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.filter.sort, self.filter.descending):
            return  # already in that order (the view sorts once as sorting is switched on)
        self.set_filter(replace(self.filter, sort=key, descending=descending))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == RAG_COLUMN:
            rag = self.row_at(index.row()).rag
            return QColor(RAG_COLOURS[rag]) if rag else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == RAG_COLUMN:
            # Dark text on the pale tint in every theme (the dark theme's ink is light).
            return QColor(TINT_INK) if self.row_at(index.row()).rag else None
        return super().data(index, role)
