"""A header row of two parts that puts its right part under the left when both do not fit."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QWidget


def row_of(*widgets: QWidget) -> QWidget:
    """Widgets side by side with no margins, as one part of a WrappingRow."""
    part = QWidget()
    layout = QHBoxLayout(part)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return part


class WrappingRow(QWidget):
    """Large text or 200% scaling made one-row headers cut off names and buttons: this wraps."""

    def __init__(
        self,
        left: QWidget,
        right: QWidget,
        parent: QWidget | None = None,
        *,
        packed: bool = False,
        stretch_left: bool = False,
    ) -> None:
        """packed: the right part follows the left (a form's controls), not the far edge;
        stretch_left: the left part takes the spare width (a search field)."""
        super().__init__(parent)
        self.left, self.right = left, right
        self.packed, self.stretch_left = packed, stretch_left
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # Narrower than both parts side by side is allowed: that is when the row wraps.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.grid.setColumnStretch(0 if stretch_left else 2 if packed else 1, 1)
        self.stacked = False
        self._place(stacked=False)

    def _place(self, stacked: bool) -> None:
        self.stacked = stacked
        self.grid.removeWidget(self.left)
        self.grid.removeWidget(self.right)
        if self.stretch_left:
            self.grid.addWidget(self.left, 0, 0, 1, 3 if stacked else 1)
        else:
            self.grid.addWidget(self.left, 0, 0, Qt.AlignmentFlag.AlignLeft)
        edge = Qt.AlignmentFlag.AlignLeft if self.packed else Qt.AlignmentFlag.AlignRight
        if stacked:
            self.grid.addWidget(self.right, 1, 0, 1, 3, edge)
        else:
            self.grid.addWidget(self.right, 0, 1 if self.packed else 2, edge)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        widest = max(self.left.minimumSizeHint().width(), self.right.minimumSizeHint().width())
        return QSize(widest, self.grid.minimumSize().height())

    def needs_two_rows(self, width: int) -> bool:
        wanted = self.left.sizeHint().width() + self.right.sizeHint().width()
        return wanted + self.grid.horizontalSpacing() > width

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        stacked = self.needs_two_rows(event.size().width())
        if stacked != self.stacked:
            self._place(stacked)
        super().resizeEvent(event)
