"""Reads the shortcuts the live window defines (menus, keys, buttons) and finds clashes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QStackedWidget, QTabWidget, QWidget

EVERYWHERE = "Everywhere"
NATIVE = QKeySequence.SequenceFormat.NativeText

# A QShortcut has no text of its own: its whatsThis says what it does where one is set; these
# plain words cover the keys that mean the same wherever they are used.
GENERIC_MEANINGS = {
    "Esc": "Back to the list, or close (unsaved text is kept as a draft)",
    "Ctrl+F": "Search",
    "Ctrl+N": "New",
    "Ctrl+S": "Save",
    "Del": "Delete the chosen row",
    "F5": "Refresh",
    "Ctrl+.": "Spelling suggestions at the text cursor",
    "Ctrl+Return": "Save",
    "Ctrl+Enter": "Save (keypad Enter)",
}


@dataclass(frozen=True)
class Shortcut:
    """One line of the list: where the keys work, the keys, and what they do."""

    scope: str
    keys: str
    meaning: str


@dataclass(frozen=True)
class LiveShortcut:
    """A shortcut as the widgets hold it: who owns it, how far it reaches, whether it works now."""

    shortcut: Shortcut
    owner: QWidget
    context: Qt.ShortcutContext
    active: bool


def native(keys: QKeySequence | str) -> str:
    return QKeySequence(keys).toString(NATIVE)


def plain(text: str) -> str:
    """A label without its mnemonic marks ("&Status && risk" reads "Status & risk")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _tab_of(widget: QWidget) -> str | None:
    """The text of the tab this widget is the page of, if it is one."""
    stack = widget.parentWidget()
    tabs = stack.parentWidget() if isinstance(stack, QStackedWidget) else None
    if isinstance(tabs, QTabWidget):
        index = tabs.indexOf(widget)
        if index >= 0:
            return plain(tabs.tabText(index))
    return None


def _hidden_for_good(widget: QWidget, root: QWidget) -> bool:
    """Hidden by choice (a role's missing button), not merely on a page not shown just now."""
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        if current.isHidden() and not isinstance(parent, QStackedWidget):
            return True
        current = parent
    return False


def scope_of(widget: QWidget, window: QWidget, sections: Mapping[QWidget, str]) -> str | None:
    """Section label, then the innermost tab the widget sits in ("Caseload › Chronology");
    Everywhere for the window's own menus and the keys of the shell that holds the sections;
    None for anything outside the workspace."""
    if widget is window or any(widget.isAncestorOf(view) for view in sections):
        return EVERYWHERE
    tab: str | None = None
    current: QWidget | None = widget
    while current is not None:
        if tab is None:
            tab = _tab_of(current)
        if current in sections:
            return f"{sections[current]} › {tab}" if tab else sections[current]
        current = current.parentWidget()
    return None


def _owner(item: QObject) -> QWidget | None:
    parent = item.parent()
    return parent if isinstance(parent, QWidget) else None


def _explicit_keys(button: QAbstractButton) -> QKeySequence | None:
    """A button's own shortcut; the Alt+letter from the & in its text is not listed one by one."""
    keys = button.shortcut()
    if keys.isEmpty() or keys == QKeySequence.mnemonic(button.text()):
        return None
    return keys


def collect(window: QWidget, sections: Mapping[QWidget, str]) -> list[LiveShortcut]:
    """Every shortcut set on the window's actions, its QShortcuts and its buttons."""
    found: list[LiveShortcut] = []

    def add(owner: QWidget | None, keys: QKeySequence, meaning: str, context: object) -> None:
        if owner is None or keys.isEmpty() or _hidden_for_good(owner, window):
            return
        scope = scope_of(owner, window, sections)
        if scope is None:
            return
        assert isinstance(context, Qt.ShortcutContext)
        entry = Shortcut(scope, native(keys), plain(meaning))
        found.append(LiveShortcut(entry, owner, context, owner.isVisible()))

    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            add(_owner(action), keys, action.text(), action.shortcutContext())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled():
            keys = shortcut.key()
            meaning = shortcut.whatsThis() or GENERIC_MEANINGS.get(native(keys), "")
            add(_owner(shortcut), keys, meaning, shortcut.context())
    for button in window.findChildren(QAbstractButton):
        explicit = _explicit_keys(button)
        if explicit is not None:
            meaning = button.accessibleName() or button.text()
            add(button, explicit, meaning, Qt.ShortcutContext.WindowShortcut)
    return found


def _reach(item: LiveShortcut) -> QWidget:
    """The widget whose focus (itself or within) lets the shortcut fire."""
    if item.context in (
        Qt.ShortcutContext.WidgetShortcut,
        Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ):
        return item.owner
    return item.owner.window()


def _within(inner: QWidget, outer: QWidget) -> bool:
    return inner is outer or outer.isAncestorOf(inner)


def _overlap(first: LiveShortcut, second: LiveShortcut) -> bool:
    """Whether some focus lets both fire (a widget's own key fires only while it has it)."""
    narrow = Qt.ShortcutContext.WidgetShortcut
    if first.context is narrow and second.context is narrow:
        return first.owner is second.owner
    if first.context is narrow:
        return _within(first.owner, _reach(second))
    if second.context is narrow:
        return _within(second.owner, _reach(first))
    a, b = _reach(first), _reach(second)
    return _within(a, b) or _within(b, a)


def clashes(shortcuts: Iterable[LiveShortcut]) -> list[tuple[str, list[str]]]:
    """Keys that two working shortcuts answer to at once: (keys, what each of them does)."""
    active = [item for item in shortcuts if item.active]
    found: list[tuple[str, list[str]]] = []
    for index, first in enumerate(active):
        for second in active[index + 1 :]:
            if first.shortcut.keys == second.shortcut.keys and _overlap(first, second):
                meanings = [first.shortcut.meaning, second.shortcut.meaning]
                found.append((first.shortcut.keys, meanings))
    return found
