"""Walks a main screen as a screen reader meets it: every tab of every tab widget in turn, and
lists each control without a name or description and each table that cannot say its headers."""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QTableView, QTabWidget, QTreeView, QWidget

from desktop.views.shell.workspace import first_tab_stop
from tests.gui.test_dialog_accessibility import description_problems, name_problems, settle


def walk(root: QWidget, title: str) -> set[str]:
    """Problems on what root shows now, then on each tab of each tab widget it shows; the
    focus is moved into each, as a keyboard user's Tab would (controls are described then)."""
    enter(root)
    settle()
    problems = {f"{title} → {found}" for found in screen_problems(root)}
    for tabs in _outermost_tabs(root):
        before = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            label = tabs.tabText(index).replace("&&", "+").replace("&", "")
            problems |= walk(tabs.widget(index), f"{title} / {label}")
        tabs.setCurrentIndex(before)
    return problems


def enter(root: QWidget) -> None:
    """Puts the focus on root's first control that Tab reaches, unless it is inside already.
    The offscreen platform can leave the window inactive (no window manager gives activation
    back), and an inactive window takes no focus: it is activated first, as it would be."""
    window = root.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        deadline = time.monotonic() + 2
        while QApplication.activeWindow() is not window and time.monotonic() < deadline:
            QApplication.processEvents()
    focused = QApplication.focusWidget()
    if focused is not None and root.isAncestorOf(focused):
        return
    target = first_tab_stop(root)
    if target is not None:
        target.setFocus(Qt.FocusReason.TabFocusReason)


def screen_problems(root: QWidget) -> list[str]:
    return name_problems(root) + description_problems(root) + table_problems(root)


def _outermost_tabs(root: QWidget) -> list[QTabWidget]:
    found = [tabs for tabs in root.findChildren(QTabWidget) if tabs.isVisible()]
    return [
        tabs for tabs in found if not any(o is not tabs and o.isAncestorOf(tabs) for o in found)
    ]


def tables(root: QWidget) -> list[QTableView | QTreeView]:
    return [
        view
        for view in [root, *root.findChildren(QWidget)]
        if isinstance(view, QTableView | QTreeView) and view.isVisible()
    ]


def table_problems(root: QWidget) -> list[str]:
    found = []
    for view in tables(root):
        name = view.accessibleName().strip()
        kind = f"{type(view).__name__} {name or view.objectName()!r}"
        if not name:
            found.append(f"{kind}: a table with no accessible name")
        found += [f"{kind}: {problem}" for problem in header_problems(view)]
    return found


def header_problems(view: QTableView | QTreeView) -> list[str]:
    """Every shown column has a heading, and the screen reader hears it with each cell."""
    model = view.model()
    if model is None or isinstance(model, QAbstractListModel):
        return []
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    headings = {c: model.headerData(c, Qt.Orientation.Horizontal) for c in columns}
    found = [f"column {c} has no heading" for c, heading in headings.items() if not heading]
    heard = heard_headers(view)
    for column, said in heard.items():
        if headings.get(column) and said != str(headings[column]):
            found.append(f"column {column} is read as {said!r}, not {headings[column]!r}")
    if model.rowCount() and not heard:
        found.append("its cells have no column header cells for a screen reader")
    return found


def heard_headers(view: QWidget) -> dict[int, str]:
    """What the accessibility layer reads as each column's header, from the first row's cells."""
    return _heard(view, Qt.Orientation.Horizontal)


def heard_row_headers(view: QWidget) -> dict[int, str]:
    """What the accessibility layer reads as each row's header, from the first column's cells."""
    return _heard(view, Qt.Orientation.Vertical)


def _heard(view: QWidget, orientation: Qt.Orientation) -> dict[int, str]:
    table: QAccessibleInterface | None = QAccessible.queryAccessibleInterface(view)
    heard: dict[int, str] = {}
    if table is None:
        return heard
    columns = orientation is Qt.Orientation.Horizontal
    for child_index in range(table.childCount()):
        child = table.child(child_index)
        cell = child.tableCellInterface() if child is not None else None
        if cell is None or (cell.rowIndex() if columns else cell.columnIndex()) != 0:
            continue
        headers = cell.columnHeaderCells() if columns else cell.rowHeaderCells()
        at = cell.columnIndex() if columns else cell.rowIndex()
        heard[at] = headers[0].text(QAccessible.Text.Name) if headers else ""
    return heard
