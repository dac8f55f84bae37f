"""Pieces every record tab lays out the same way: section titles and buttons with shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def hint(text: str = "", wrap: bool = False) -> QLabel:
    """Grey text; unwrapped by default, since a wrapping label in a row of buttons squeezes."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(wrap)
    return label


def action_button(text: str, tooltip: str, shortcut: str = "") -> QPushButton:
    """A button whose tooltip names its shortcut. The shortcut only works while the button is
    visible, so tabs that are not on screen never catch each other's keys."""
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    if shortcut:
        button.setShortcut(QKeySequence(shortcut))
        native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        tooltip = f"{tooltip} ({native})"
    button.setToolTip(tooltip)
    return button


def show_for(allowed: bool, *widgets: QWidget) -> None:
    """Hides what this role may not do (the service refuses it anyway)."""
    for widget in widgets:
        widget.setVisible(allowed)


def lay_out_table_over_detail(
    tab: QWidget,
    title: str,
    count: QLabel,
    controls: list[QWidget],
    table: QWidget,
    detail: QWidget,
    sizes: tuple[int, int],
) -> None:
    """The usual tab: a title, a count and the controls on top; the rows over the chosen row's
    full text below, in a splitter whose sizes are a proportion."""
    top = QHBoxLayout()
    top.addWidget(section_title(title))
    top.addWidget(count)
    top.addStretch(1)
    for control in controls:
        top.addWidget(control)
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(table)
    split.addWidget(detail)
    split.setSizes(list(sizes))
    split.setChildrenCollapsible(False)
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.addLayout(top)
    layout.addWidget(split, 1)
