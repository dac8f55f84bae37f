"""Watches the whole application for input and says when the user has been idle too long."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop.clock import Clock

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleMonitor(QObject):
    """Emits timed_out once the idle time passes; ticked() every second for the countdown."""

    timed_out = Signal()
    ticked = Signal(int)  # seconds left

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit_seconds = 300.0
        self._last_activity = clock.monotonic()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)

    def start(self, limit_seconds: float) -> None:
        self._limit_seconds = limit_seconds
        self._last_activity = self._clock.monotonic()
        self._running = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def seconds_left(self) -> int:
        elapsed = self._clock.monotonic() - self._last_activity
        return max(0, int(self._limit_seconds - elapsed + 0.999))

    def check(self) -> None:
        if not self._running:
            return
        left = self.seconds_left()
        self.ticked.emit(left)
        if left <= 0:
            self.stop()
            self.timed_out.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last_activity = self._clock.monotonic()
        return False
