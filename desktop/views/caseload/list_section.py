"""The parts of a titled list with its buttons, as the record's tabs and the groups and places
pages show them: a read-only table, a button with its tooltip, a yes/no question."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.views.common.two_line_delegate import TwoLineDelegate

WIDEST = 240  # pixels: a long note or source is cut short, the full text is in the tooltip
LEAST = 56  # no column is squeezed narrower than this to fit the width


class ListTable(QTableView):
    """Whole rows chosen one at a time; Enter or a double-click activates the row. Columns take
    their contents' width (none wider than `widest`) and, where the table is narrow, the widest
    are cut to a common width so that every column stays in view (the lists are short)."""

    def __init__(self, name: str, model: QAbstractItemModel, widest: int = WIDEST) -> None:
        super().__init__()
        self._widest = widest
        self._natural: list[int] = []
        self.setAccessibleName(name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as in the rest of the form
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(self.measure)
        self.measure()

    def measure(self) -> None:
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        self._natural = [min(header.sectionSize(c), self._widest) for c in range(header.count())]
        self.fit()

    def fit(self) -> None:
        widths = share(self._natural, self.viewport().width())
        header = self.horizontalHeader()
        for column, width in enumerate(widths[:-1]):  # the last one stretches
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


def share(natural: list[int], available: int) -> list[int]:
    """Every column its natural width if all fit; otherwise the widest are cut to one cap."""
    if sum(natural) <= available:
        return list(natural)
    remaining, count = available, len(natural)
    cap = LEAST
    for index, width in enumerate(sorted(natural)):
        if width * (count - index) >= remaining:
            cap = max(remaining // (count - index), LEAST)
            break
        remaining -= width
    return [min(width, cap) for width in natural]


def list_table(name: str, model: QAbstractItemModel, widest: int = WIDEST) -> ListTable:
    return ListTable(name, model, widest)


def two_line_list(name: str, model: QAbstractItemModel) -> QListView:
    """A list for a narrow column: each item a bold title over a line of details, the model's
    text being "title\ndetails"."""
    view = QListView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setItemDelegate(TwoLineDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setUniformItemSizes(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def action_button(
    text: str, tip: str, slot: Callable[[], object], *, also: str = ""
) -> QPushButton:
    """A button whose tooltip ends with its Alt key (read from the & in its text) and any
    other way to do the same (`also`), so the two can never disagree."""
    widget = QPushButton(text)
    keys = [f"Alt+{text[text.index('&') + 1].upper()}"] if "&" in text else []
    keys += [also] if also else []
    widget.setToolTip(f"{tip} ({', or '.join(keys)})" if keys else tip)
    widget.setAccessibleName(text.replace("&", "").rstrip("…"))
    widget.clicked.connect(slot)
    return widget


def key_shortcut(
    widget: QWidget,
    key: Qt.Key,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> QShortcut:
    """A key that works only while the widget (by default) has the focus."""
    # The context is set afterwards: PySide6 ignores a context passed with a callable.
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut


def list_section(
    title: str,
    table: QAbstractItemView,
    buttons: Sequence[QWidget],
    below: QWidget | None = None,
    *,
    buttons_below: bool = False,
) -> QWidget:
    """A heading, the table and an optional line under it; the buttons sit right of the
    heading, or in a row under the table where the section is narrow."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    heading.setBuddy(table)
    top = QHBoxLayout()
    top.addWidget(heading)
    top.addStretch(1)
    row = QHBoxLayout()
    for widget in buttons:
        (row if buttons_below else top).addWidget(widget)
    row.addStretch(1)
    layout.addLayout(top)
    layout.addWidget(table, 1)
    if below is not None:
        layout.addWidget(below)
    if buttons_below:
        layout.addLayout(row)
    return box


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Casebook",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
