"""Runs a callback once a widget has painted for the first time (start-up probe and preloading)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# installer/startup_time.py sets this, and reads the line below from standard output.
STARTUP_PROBE_VARIABLE = "CASEBOOK_STARTUP_PROBE"
STARTUP_PROBE_LINE = "casebook-startup-probe unlock-screen-shown"


class _FirstPaintWatcher(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, so the paint this event starts is finished (and flushed) before the callback.
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def when_first_painted(widget: QWidget, callback: Callable[[], None]) -> None:
    """Calls callback (once) from the event loop after the widget's first paint."""
    _FirstPaintWatcher(widget, callback)


def startup_probe_requested() -> bool:
    return os.environ.get(STARTUP_PROBE_VARIABLE) == "1"


def report_startup_and_quit() -> None:
    """The probe's end: the screen is up, say so and leave without starting anything else."""
    if sys.stdout is not None:  # None in a windowed Windows build: time casebook-cli.exe there
        sys.stdout.write(STARTUP_PROBE_LINE + "\n")
        sys.stdout.flush()
    QCoreApplication.exit(0)
