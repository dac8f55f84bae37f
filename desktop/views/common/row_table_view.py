"""A read-only, one-row-at-a-time table over a RowsTableModel, with an empty-state line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.text_direction_delegate import TextDirectionDelegate

Row = TypeVar("Row")


class RowTable(QWidget, Generic[Row]):
    """The table, or a plain sentence in its place when there are no rows ("No tasks yet")."""

    activated = Signal(object)  # the row the user double-clicked or pressed Enter on
    selection_changed = Signal()

    def __init__(
        self,
        model: RowsTableModel[Row],
        name: str,
        empty_text: str,
        widths: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._fit_rows: int | None = None
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setAccessibleName(name)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Text in Arabic script reads from the right ("محمد الحسن (مو)" keeps its brackets).
        self.view.setItemDelegate(TextDirectionDelegate(self.view))
        self.view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): no trap
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self.selection_changed)
        model.modelReset.connect(self.selection_changed)
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("hint")
        self.empty.setAccessibleName(f"{name}: {empty_text}")
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(8, 8, 8, 8)
        self.empty.setStyleSheet("background:palette(base);border:1px solid palette(mid);")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # The paged model resets empty, then fetches its first page: both change the state.
        model.modelReset.connect(self._show_empty_state)
        model.rowsInserted.connect(self._show_empty_state)
        self._show_empty_state()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.model.set_rows(rows)

    def select_where(self, wanted: Callable[[Row], bool]) -> bool:
        """Selects the first row that matches (to keep the user's place after a reload)."""
        for number, row in enumerate(self.model.rows()):
            if wanted(row):
                self.view.selectRow(number)
                return True
        return False

    def selected(self) -> Row | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_index(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)

    def is_empty(self) -> bool:
        return self.model.rowCount() == 0

    def fit_height(self, max_rows: int) -> None:
        """Sizes the table to its rows, up to max_rows (then it scrolls): short lists stay short
        and leave the room to the lists below them."""
        self._fit_rows = max_rows
        self._show_empty_state()

    def _show_empty_state(self) -> None:
        empty = self.is_empty()
        self.stack.setCurrentWidget(self.empty if empty else self.view)
        if self.is_empty() != empty:
            # The switch moved the focus, and a focus handler reloaded the rows meanwhile (the
            # nested call showed them): the stale switch must not win.
            self._show_empty_state()
            return
        if self._fit_rows is None:
            return
        if empty:
            height = self.empty.sizeHint().height()
        else:
            rows = min(self.model.rowCount(), self._fit_rows)
            height = (
                self.view.horizontalHeader().sizeHint().height()
                + rows * self.view.verticalHeader().defaultSectionSize()
                + 2 * self.view.frameWidth()
            )
        self.setFixedHeight(height)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.row_at(index.row()))
