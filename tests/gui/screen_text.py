"""Everything a window holds as text a person could see or a screen reader could speak: labels,
buttons, boxes, every cell and tooltip of every item view, titles and accessible names."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole)


def screen_text(root: QWidget) -> str:
    parts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QGroupBox):
            parts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            parts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts.append(model_text(widget.model()))
    return "\n".join(part for part in parts if part)


def model_text(model: QAbstractItemModel, parent: QModelIndex | None = None) -> str:
    parent = parent or QModelIndex()
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    parts = []
    columns = _columns(model, parent)
    for column in range(columns):
        parts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            parts += [str(model.data(index, role) or "") for role in ROLES]
        child = model.index(row, 0, parent)
        flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
        if not flat and model.hasChildren(child):
            parts.append(model_text(model, child))
    return "\n".join(parts)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model keeps columnCount() to itself (it is private in PySide6): it has one.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
