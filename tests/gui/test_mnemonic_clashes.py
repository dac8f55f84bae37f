"""No Alt letter is used twice on a record (each tab shown), a case, a plan or a meeting page.

Letters come from buddied labels, buttons, tab bars, group boxes and the menu bar."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.views.shell.main_window import MainWindow
from desktop.views.shell.shortcut_collector import plain
from tests.gui.page_tour import opened_pages
from tests.gui.test_shortcut_list import coordinator_window

__all__ = ["coordinator_window"]  # the fixture, shared with the shortcut list's tests

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The Alt letter a text sets ("Addresses && re&ferences" sets F), lower case."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def alt_letters(window: QWidget) -> dict[str, list[str]]:
    """Every Alt letter that works on the window as it is shown now, and who sets it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, where: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(f"{where} {plain(text)!r}")

    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        for action in menu_bar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                if bar.isTabVisible(index) and bar.isTabEnabled(index):
                    add(bar.tabText(index), "tab")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            add(button.text(), "button")
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(label.text(), "label")
    for box in window.findChildren(QGroupBox):
        if box.isVisible():
            add(box.title(), "group")
    return found


def clashing(window: QWidget) -> dict[str, list[str]]:
    return {letter: who for letter, who in alt_letters(window).items() if len(who) > 1}


def test_the_letter_finder_reads_qt_mnemonics() -> None:
    assert mnemonic("&Status && risk") == "s"
    assert mnemonic("Addresses && re&ferences") == "f"
    assert mnemonic("Save") is None
    assert mnemonic("Fish && chips") is None


def test_no_alt_letter_is_used_twice_on_any_main_screen(
    qtbot: QtBot, coordinator_window: MainWindow
) -> None:
    window = coordinator_window
    problems: dict[str, dict[str, list[str]]] = {}
    screens = 0
    for where in opened_pages(window):
        screens += 1
        found = clashing(window)
        if found:
            problems[where] = found
    assert screens > 15  # every tab of a record, a case, a plan and a meeting
    assert problems == {}
