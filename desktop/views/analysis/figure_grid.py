"""A scrolling grid of figure panels: two columns on a wide window, one on a narrow one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QWidget

from desktop.services.analysis_tables import FigureTable
from desktop.views.analysis.figure_panel import FigurePanel

# Below this width two charts side by side would each be too narrow to read.
TWO_COLUMNS_FROM = 900


class FigureGrid(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panels: list[FigurePanel] = []
        self.columns = 2
        inner = QWidget()
        self._layout = QGridLayout(inner)
        self._layout.setContentsMargins(0, 4, 4, 4)
        self._layout.setSpacing(12)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(inner)

    def set_tables(self, tables: Sequence[FigureTable]) -> None:
        """Shows the tables in order; a panel already showing a figure of the same key is
        kept (with its chart or table choice) and given the new counts."""
        old = {panel.table.key: panel for panel in self.panels}
        panels = []
        for table in tables:
            panel = old.pop(table.key, None)
            if panel is None:
                panel = FigurePanel(table)
            else:
                panel.set_table(table)
            panels.append(panel)
        for gone in old.values():
            self._layout.removeWidget(gone)
            gone.deleteLater()
        self.panels = panels
        self._place()

    def panel(self, key: str) -> FigurePanel:
        return next(panel for panel in self.panels if panel.table.key == key)

    def _place(self) -> None:
        for panel in self.panels:
            self._layout.removeWidget(panel)
        for index, panel in enumerate(self.panels):
            self._layout.addWidget(panel, index // self.columns, index % self.columns)
        for column in range(2):
            self._layout.setColumnStretch(column, 1 if column < self.columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        columns = 2 if event.size().width() >= TWO_COLUMNS_FROM else 1
        if columns != self.columns:
            self.columns = columns
            self._place()
