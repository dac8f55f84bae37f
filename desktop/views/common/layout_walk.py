"""Which layout holds a widget, found without asking a layout for its items; and forgetting
the wrappers PySide makes of Qt's layout items.

A wrapper of a layout item (QLayout.itemAt(), or PySide's own when a filled layout is nested
with addLayout or addRow) is tied to the layout's wrapper and lives as long as it does. Qt
deletes the item when its widget leaves the layout or is deleted, without telling PySide, which
keeps the dead item's address registered; a widget or layout Qt later puts at that address is
mistaken for it, and deleting that one crashed in Shiboken's releaseWrapper. So this code never
calls itemAt(): layouts are QObjects, which PySide does forget when Qt deletes them, and they
are walked as a layout's children and asked for indexOf(). The wrappers PySide makes itself are
forgotten each time the focus moves, which a new page or dialog does once it is built."""

from __future__ import annotations

from collections.abc import Iterator

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLayout, QLayoutItem, QWidget

DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def layouts_within(layout: QLayout) -> list[QLayout]:
    """The layout and every layout nested in it (a nested layout is its parent's child)."""
    found = [layout]
    for current in found:
        found.extend(current.findChildren(QLayout, "", DIRECT))
    return found


def layout_holding(widget: QWidget) -> QLayout | None:
    """The layout that lays out the widget itself, if any: its parent's layout or one nested
    in it."""
    parent = widget.parentWidget()
    top = parent.layout() if parent is not None else None
    if top is None:
        return None
    return next((layout for layout in layouts_within(top) if layout.indexOf(widget) >= 0), None)


def enclosing_layouts(layout: QLayout) -> Iterator[QLayout]:
    """The layout, then the layout it is nested in, and so on out to its widget's layout."""
    current: object = layout
    while isinstance(current, QLayout):
        yield current
        current = current.parent()


def laid_out_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets the layout places, its nested layouts' included."""
    owner = layout.parentWidget()
    if owner is None:
        return []
    layouts = layouts_within(layout)
    children = owner.findChildren(QWidget, "", DIRECT)
    return [child for child in children if any(inner.indexOf(child) >= 0 for inner in layouts)]


def layout_item_wrappers() -> list[QLayoutItem]:
    """Live Python wrappers of layout items Qt made (a widget's item, a stretch): not layouts
    or widgets, which PySide forgets when Qt deletes them, nor items made in Python."""
    return [
        wrapper
        for wrapper in shiboken6.getAllValidWrappers()
        if isinstance(wrapper, QLayoutItem)
        and not isinstance(wrapper, QLayout | QWidget)
        and not shiboken6.createdByPython(wrapper)
    ]


def forget_layout_items(*_ignored: object) -> int:
    """Unregisters those wrappers (Qt's items are untouched): none is left to be mistaken for
    an object Qt later makes where a deleted item was. Returns how many there were."""
    wrappers = layout_item_wrappers()
    for wrapper in wrappers:
        shiboken6.invalidate(wrapper)
    return len(wrappers)


_sweeping: list[QApplication] = []


def forget_layout_items_on_focus(app: QApplication) -> None:
    """Forgets them whenever the focus moves (once connected, however often called)."""
    if app not in _sweeping:
        app.focusChanged.connect(forget_layout_items)
        _sweeping.append(app)
