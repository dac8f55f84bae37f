"""Driving Casebook with the keyboard alone: keys go to whatever has the focus, as they would
for a person; a modal dialog is driven from a timer while its own event loop runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused(qtbot: QtBot) -> QWidget:
    """The widget a key press reaches now: the active window's focus widget."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=2000)
    window = QApplication.activeWindow()
    assert window is not None
    return window.focusWidget() or window


def key(qtbot: QtBot, code: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(qtbot), code, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(qtbot), text)


@dataclass
class Pending:
    """A step waiting for a modal dialog to open."""

    ran: bool = False
    given_up: bool = False
    failure: BaseException | None = None


def on_modal(qtbot: QtBot, act: Callable[[QDialog], None]) -> Pending:
    """Runs act once a modal dialog is open; a failure closes the dialog and check() raises it,
    so the test fails instead of waiting forever."""
    pending = Pending()

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if pending.given_up:
            return
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, run)
            return
        pending.ran = True
        try:
            # A window manager activates a new dialog; the offscreen platform needs telling.
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
            act(dialog)
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
        except BaseException as failure:  # noqa: BLE001 - handed back to the test
            pending.failure = failure
            dialog.reject()

    QTimer.singleShot(0, run)
    return pending


def check(pending: Pending) -> None:
    pending.given_up = True
    if pending.failure is not None:
        raise pending.failure
    assert pending.ran, "no dialog opened"


def reactivate(qtbot: QtBot, widget: QWidget) -> None:
    """After a dialog closes the offscreen platform does not give the window back its
    activation (a window manager would): give it back, as the person's window would have."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def tab_until(qtbot: QtBot, arrived: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
    """Presses Tab until the focus reaches the wanted widget, as a person moving along would."""
    for _ in range(limit):
        widget = focused(qtbot)
        if arrived(widget):
            return widget
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; stuck at {focused(qtbot)!r}")


def is_button(text: str) -> Callable[[QWidget], bool]:
    return lambda widget: (
        isinstance(widget, QAbstractButton) and widget.text().replace("&", "") == text
    )
