"""Counting the keys of a walkthrough as the keyboard driver presses them, and reading the
number the walkthrough promises, so the written counts cannot drift from the program."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.keyboard_driver import NONE, focused, key, type_text

WALKTHROUGHS = Path(__file__).resolve().parents[2] / "docs" / "walkthroughs"


@dataclass
class KeyCount:
    """One key press or chord is one keystroke; typing a free text is one step, whatever its
    length (the walkthroughs compare the cost of getting about, not typing speed)."""

    qtbot: QtBot
    steps: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.steps)

    def press(self, code: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
        for _ in range(times):
            key(self.qtbot, code, modifiers)
            self.steps.append(_name(code, modifiers))

    def type(self, text: str) -> None:
        type_text(self.qtbot, text)
        self.steps.append("type the text")

    def tab_to(self, arrived: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
        """Tab until the focus is there, counting each Tab."""
        for _ in range(limit):
            widget = focused(self.qtbot)
            if arrived(widget):
                return widget
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached it; stuck at {focused(self.qtbot)!r}")


def _name(code: Qt.Key, modifiers: Qt.KeyboardModifier) -> str:
    parts = [
        word
        for flag, word in (
            (Qt.KeyboardModifier.ControlModifier, "Ctrl"),
            (Qt.KeyboardModifier.AltModifier, "Alt"),
            (Qt.KeyboardModifier.ShiftModifier, "Shift"),
        )
        if modifiers & flag
    ]
    return "+".join([*parts, code.name.removeprefix("Key_")])


ROW = re.compile(r"^\|\s*(?P<task>[A-Z]\d)\b[^|]*\|(?P<cells>.*)\|\s*$")


def promised_keys(document: str, task: str) -> tuple[int, int]:
    """(before, after) keystrokes the walkthrough's summary table gives the task: its row
    starts '| G1 …' and its first two number columns are the keystrokes before and after."""
    for line in (WALKTHROUGHS / document).read_text(encoding="utf-8").splitlines():
        found = ROW.match(line)
        if found and found["task"] == task:
            numbers = [cell.strip() for cell in found["cells"].split("|")]
            return int(numbers[0]), int(numbers[1])
    raise AssertionError(f"{document} has no summary row for {task}")
